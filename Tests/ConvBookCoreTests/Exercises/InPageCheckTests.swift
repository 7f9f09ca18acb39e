import ConvBookCore
import Foundation
import KerasCells
import LessonRender
import Testing

/// The in-page check (`convbook-check.js`) gives the verdicts and reasons of `convbook check` on
/// the same sealed keys. Runs the script in Node.js when it is installed (SubtleCrypto is the
/// browser's API, which Node provides as `globalThis.crypto`).
@Suite struct InPageCheckTests {
  static let node: String? = ["/usr/bin/node", "/usr/local/bin/node"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  static var keys: [(Value, Double)] {
    [
      (.int(231_562), 0.01), (.float(374.69255663430423), 0.01), (.float(0.0), 0.01),
      (.string("dense_1"), 0.01), (.tuple([.none, .int(15), .int(15), .int(16)]), 0.01),
      (.bool(true), 0.01), (.tuple([.float(0.5), .string("a b")]), 0.1),
    ]
  }
  static let answers = [
    "231562", "231,562", "231_562", "231 562", "231562.0", "231562.5", "231562 + 1", "-231562",
    "374.7", "374", "380", "3.747e2", "0", "0.005", "0.02", "dense_1", "'dense_1'", "Dense_1",
    " dense_1 ", "dense", "(None, 15, 15, 16)", "None, 15, 15, 16", "[None, 15, 15, 16]",
    "(15, 15, 16)", "(None, 16, 15, 17)", "(None, 15)", "True", "yes", "False", "None",
    "(0.5, 'a  b')",
    "(0.56, 'a b')", "", "((1, 2), 3)", "1e400", "00231562",
  ]

  @Test(.enabled(if: node != nil, "Node.js is not installed"))
  func scriptGivesTheCommandLineVerdicts() throws {
    var cases: [JSONValue] = []
    var expected: [String] = []
    for (index, (value, tolerance)) in Self.keys.enumerated() {
      let salt = SealedAnswer.salt(forExercise: "case\(index)")
      let key = SealedAnswer.seal(value, tolerance: tolerance, salt: salt)
      for answer in Self.answers {
        let verdict = key.compare(StudentAnswer(answer).value, salt: salt)
        cases.append(.array([.string(key.fieldText(salt: salt)), .string(answer)]))
        switch verdict {
        case .correct: expected.append("correct")
        case .incorrect(let reason): expected.append("incorrect: " + (reason ?? ""))
        }
      }
    }
    let folder = try ExerciseFixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = folder.appendingPathComponent("run.js")
    let runner = """
      globalThis.window = globalThis;
      globalThis.document = { readyState: "complete", querySelectorAll: function () { return []; } };
      \(ExerciseCheckScript.source)
      (async function () {
        const cases = \(JSONValue.array(cases).serialized());
        for (const [sealed, typed] of cases) {
          const v = await window.convbookCompare(sealed, typed);
          console.log(v.correct ? "correct" : "incorrect: " + (v.reason || ""));
        }
      })();
      """
    try runner.write(to: script, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.node!)
    process.arguments = [script.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let lines = String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
    #expect(process.terminationStatus == 0)
    for (index, line) in expected.enumerated() {
      let got = index < lines.count ? lines[index] : "(none)"
      #expect(
        got == line,
        "key \(index / Self.answers.count), answer '\(Self.answers[index % Self.answers.count])'")
    }
  }
}
