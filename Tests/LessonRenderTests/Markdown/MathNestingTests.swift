import LessonRender
import Testing

/// Hostile math: the TeX parser recursed once per level of nesting, so 20,000 nested braces,
/// `\frac`s, `\sqrt`s or `\left(`s in one formula overflowed the stack and crashed the lesson's
/// process (the build reported "ConvBook crashed while running this lesson").
@Suite struct MathNestingTests {
  static let limit = "ConvBook does not support math nested more than 255 levels deep"

  static let deep: [String] = [
    String(repeating: "{", count: 20_000) + "x" + String(repeating: "}", count: 20_000),
    String(repeating: "\\frac{1}{", count: 5_000) + "x" + String(repeating: "}", count: 5_000),
    String(repeating: "\\sqrt{", count: 5_000) + "x" + String(repeating: "}", count: 5_000),
    String(repeating: "\\left(", count: 5_000) + "x" + String(repeating: "\\right)", count: 5_000),
  ]

  @Test(arguments: deep.indices)
  func deepNestingIsAnError(_ index: Int) {
    let tex = Self.deep[index]
    #expect(MathMLConverter.check(tex)?.message == Self.limit)
    #expect(throws: MathError.self) { try MathMLConverter.mathML(tex, isDisplay: true) }
  }

  @Test func nestingWithinTheLimitConverts() throws {
    let tex = String(repeating: "{", count: 200) + "x" + String(repeating: "}", count: 200)
    #expect(MathMLConverter.check(tex) == nil)
    let mathML = try MathMLConverter.mathML(tex, isDisplay: false)
    #expect(mathML.contains("<mi>x</mi>"))
  }

  /// A 100,000-letter unknown command: its suggestion was searched by edit distance against every
  /// known command (minutes; the lesson hit its time limit). The messages are unchanged.
  @Test func longUnknownCommandsAreRefusedAtOnce() {
    let name = String(repeating: "a", count: 100_000)
    #expect(
      MathMLConverter.check("\\" + name)?.message
        == "ConvBook does not support the TeX command \\\(name) yet (README: Math in lessons)")
    #expect(
      MathMLConverter.check("\\alpah")?.message
        == "Undefined control sequence \\alpah; did you mean \\alpha?")
  }
}
