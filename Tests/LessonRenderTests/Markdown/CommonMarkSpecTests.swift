import Foundation
import LessonKit
import LessonRender
import Testing

/// The CommonMark specification's examples (0.31.2; `Fixtures/commonmark-spec/spec.txt`).
///
/// Plain CommonMark must render as the spec says, except for the examples where the spec changed
/// after libcmark 0.30.2, which lessons are parsed with (``knownDifferences``). And the lesson
/// extensions must change nothing in any example that does not use their syntax (`|`, `$`, `[!`).
@Suite("CommonMark spec examples")
struct CommonMarkSpecTests {
  struct Example: CustomTestStringConvertible, Sendable {
    var number: Int
    var markdown: String
    var html: String
    var testDescription: String { "example \(number)" }
  }

  static let examples: [Example] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/commonmark-spec/spec.txt")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    let fence = String(repeating: "`", count: 32)
    var examples: [Example] = []
    var lines = text.components(separatedBy: "\n")[...]
    while let line = lines.popFirst() {
      guard line.hasPrefix(fence + " example") else { continue }
      var markdown: [String] = []
      var html: [String] = []
      var inHTML = false
      while let next = lines.popFirst(), next != fence {
        if next == "." && !inHTML {
          inHTML = true
        } else if inHTML {
          html.append(next)
        } else {
          markdown.append(next)
        }
      }
      func join(_ parts: [String]) -> String {
        parts.isEmpty
          ? "" : parts.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
      }
      examples.append(
        Example(number: examples.count + 1, markdown: join(markdown), html: join(html)))
    }
    return examples
  }()

  /// Examples whose expected HTML changed in the spec after cmark 0.30.2: 356 (symbols such as
  /// `$` and `£` count as punctuation for emphasis since 0.31) and 627, 628 (HTML comments may
  /// contain `--` and may be `<!-->` since 0.31).
  static let knownDifferences: Set<Int> = [356, 627, 628]

  @Test func allExamplesAreRead() {
    #expect(Self.examples.count == 655)
  }

  @Test func plainCommonMarkMatchesTheSpec() {
    var failing: [Int] = []
    for example in Self.examples {
      var renderer = MarkdownHTMLRenderer()
      let html = renderer.render(LessonReader.parseMarkdown(example.markdown))
      if html != example.html { failing.append(example.number) }
    }
    #expect(Set(failing) == Self.knownDifferences, "examples rendering differently: \(failing)")
  }

  @Test func lessonExtensionsChangeNothingElse() {
    var changed: [Int] = []
    for example in Self.examples {
      let usesExtensions = ["|", "$", "[!"].contains { example.markdown.contains($0) }
      if usesExtensions { continue }
      var plain = MarkdownHTMLRenderer()
      var extended = MarkdownHTMLRenderer()
      let a = plain.render(LessonReader.parseMarkdown(example.markdown))
      let b = extended.render(LessonReader.parseMarkdown(example.markdown, extensions: .lesson))
      if a != b { changed.append(example.number) }
    }
    #expect(changed.isEmpty, "examples the extensions change: \(changed)")
  }
}
