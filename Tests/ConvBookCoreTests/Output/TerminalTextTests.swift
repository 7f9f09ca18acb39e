import ConvBookCore
import Foundation
import Testing

/// Names and messages from a student's file cannot drive the grader's terminal or forge lines.
@Suite struct TerminalTextTests {
  static let hostile = "m\u{1B}[2J\u{1B}]0;pwn\u{07}\nTotal params: 0\r\u{9B}31m\u{202E}x"

  static func hasControl(_ text: String, allowingLines: Bool) -> Bool {
    text.unicodeScalars.contains { scalar in
      if allowingLines && (scalar == "\n" || scalar == "\t") { return false }
      return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || (0x202A...0x202E).contains(scalar.value)
    }
  }

  @Test func escapesControlsVisibly() {
    #expect(
      TerminalText.escaped(Self.hostile)
        == "m\\x1b[2J\\x1b]0;pwn\\x07\\nTotal params: 0\\r\\x9b31m\\u{202e}x")
    #expect(TerminalText.escapedKeepingLines("a\nb\tc\u{1B}") == "a\nb\tc\\x1b")
    #expect(TerminalText.escaped("plain ✓ text") == "plain ✓ text")
  }

  @Test func longListsAreCutWithACount() {
    let items = (0..<100_000).map { "e\($0)" }
    let cut = TerminalText.truncatedList(items, limit: 10)
    #expect(cut.count == 11)
    #expect(cut.last == "... and 99,990 more")
    #expect(TerminalText.truncatedList(["a"], limit: 10) == ["a"])
  }

  func load(_ script: String) throws -> ModelFile {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-tty-\(UUID().uuidString).py")
    try script.write(to: file, atomically: false, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    return try ModelFile.load(path: file.path)
  }

  @Test func summariesTracesAndErrorsAreEscaped() throws {
    let loaded = try load(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2, name="d\\x1b[2J\\nTotal params: 0")], name="m\\x1b]0;pwn\\x07")
      x = layers.Dense(2, name="e\\x1b[31m\\nforged")(3)
      """)
    let (text, errors) = SummaryReport.text(loaded.models(), footer: .classic)
    #expect(errors.isEmpty)
    #expect(!Self.hasControl(text, allowingLines: true))
    #expect(text.contains("Model: \"m\\x1b]0;pwn\\x07\""))
    // The forged footer stays inside its cell instead of starting a line.
    #expect(!text.split(separator: "\n").contains { $0.hasPrefix("Total params: 0") })
    let diagnostic = try #require(loaded.diagnostics.first)
    #expect(!Self.hasControl(diagnostic.formatted(color: false), allowingLines: true))
    #expect(diagnostic.formatted(color: false).split(separator: "\n").count == 3)
    let keras3 = SummaryReport.text(loaded.models(), format: .keras3()).text
    #expect(!Self.hasControl(keras3, allowingLines: true))
    let json = SummaryReport.json(
      loaded.models(), diagnostics: loaded.diagnostics, kerasVersion: loaded.session.kerasVersion
    )
    .serialized(pretty: true)
    #expect(!Self.hasControl(json, allowingLines: true))
  }
}
