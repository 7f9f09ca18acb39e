import Foundation
import KerasCells
import Testing

/// The whole conformance corpus on a terminal in Keras 3 mode, against what Keras 3.15 printed with
/// its standard output on a pty (`Tools/keras-reference/make_terminal_corpus.py`): every file that
/// prints a summary, with `TERM=xterm-256color COLUMNS=120` (bold, colours, 88 or 108 wide) and
/// with `NO_COLOR=1` too (bold only), byte for byte, ANSI codes included.
@Suite struct Keras3TerminalCorpusTests {
  static let folder = Keras3CorpusTests.fixtures.appendingPathComponent("terminal-corpus")

  static let settings: [String: [String: String]] = [
    "xterm-256color-120": ["TERM": "xterm-256color", "COLUMNS": "120"],
    "no-color-120": ["TERM": "xterm-256color", "COLUMNS": "120", "NO_COLOR": "1"],
  ]

  static let recordings: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
  }()

  @Test func everySettingWasRecorded() {
    #expect(Self.recordings.count >= 400)
    for name in Self.recordings {
      let setting = String(name.split(separator: ".").last ?? "")
      #expect(Self.settings[setting] != nil, "\(name)")
    }
  }

  @Test(arguments: recordings)
  func matchesKeras3OnATerminal(_ recording: String) throws {
    let parts = recording.split(separator: ".")
    let name = String(parts[0])
    let environment = try #require(Self.settings[String(parts[1])])
    if let known = Keras3CorpusTests.knownDifferences[name] {
      withKnownIssue(Comment(rawValue: known)) {
        try compare(name, recording: recording, environment: environment)
      }
    } else {
      try compare(name, recording: recording, environment: environment)
    }
  }

  func compare(_ name: String, recording: String, environment: [String: String]) throws {
    let source = try String(
      contentsOf: KerasCorpusTests.fixtures.appendingPathComponent("corpus/\(name).py"),
      encoding: .utf8)
    let expected = try String(
      contentsOf: Self.folder.appendingPathComponent("\(recording).txt"), encoding: .utf8)
    let console = SummaryConsole.current(
      environment: environment, stdoutIsTerminal: true, terminalColumns: nil)
    let session = KerasSession(kerasVersion: .keras3)
    var printed = ""
    for cell in KerasCorpusTests.cells(of: source) {
      printed += session.run(cell.source).printed(format: .keras3(console: console))
    }
    #expect(printed == expected, "\(recording)")
  }
}
