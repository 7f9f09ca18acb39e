import Foundation
import KerasCells
import Testing

/// Keras 3's summary on a terminal, against what Keras 3.15 (rich 15) printed in a pty with each
/// setting (`Tools/keras-reference/make_terminal_fixtures.sh`): width from `COLUMNS`, bold and
/// 256 or 16 colours by `TERM`, bold only with `NO_COLOR`, nothing with `TERM=dumb`; for a chain
/// and for a graph with `Connected to`.
@Suite struct Keras3TerminalTests {
  static let folder = Keras3CorpusTests.fixtures.appendingPathComponent("terminal")

  static let cases: [(name: String, environment: [String: String])] = [
    ("xterm-256color-80", ["TERM": "xterm-256color", "COLUMNS": "80"]),
    ("xterm-120", ["TERM": "xterm", "COLUMNS": "120"]),
    ("no-color-80", ["TERM": "xterm-256color", "NO_COLOR": "1", "COLUMNS": "80"]),
    ("dumb-80", ["TERM": "dumb", "COLUMNS": "80"]),
    ("xterm-256color-60", ["TERM": "xterm-256color", "COLUMNS": "60"]),
  ]

  /// Each setting with the Sequential model (`model.py`, `NAME.txt`), with a graph whose table
  /// has `Connected to` (`graph.py`, `graph-NAME.txt`) and with a keras-io style graph printed with
  /// `show_trainable` (bold, coloured `Y`/`N`), `line_length=100` (cropped at the console's width,
  /// styles closed at the cut) and `expand_nested` (`kerasio.py`, `kerasio-NAME.txt`).
  @Test(arguments: cases.map(\.name), ["model", "graph", "kerasio"])
  func matchesRichOnATerminal(_ name: String, _ script: String) throws {
    let environment = try #require(Self.cases.first { $0.name == name }).environment
    let source = try String(
      contentsOf: Self.folder.appendingPathComponent("\(script).py"), encoding: .utf8)
    let prefix = script == "model" ? "" : "\(script)-"
    let expected = try String(
      contentsOf: Self.folder.appendingPathComponent("\(prefix)\(name).txt"), encoding: .utf8)
    let session = KerasSession(kerasVersion: .keras3)
    let result = session.run(source)
    #expect(result.error == nil)
    let console = SummaryConsole.current(
      environment: environment, stdoutIsTerminal: true, terminalColumns: nil)
    #expect(result.printed(format: .keras3(console: console)) == expected)
  }

  @Test func noStylesWithoutATerminal() {
    let console = SummaryConsole.current(
      environment: ["TERM": "xterm-256color", "COLUMNS": "120"], stdoutIsTerminal: false,
      terminalColumns: nil)
    #expect(console == SummaryConsole(columns: 120, styling: .none))
    let terminal = SummaryConsole.current(
      environment: [:], stdoutIsTerminal: true, terminalColumns: 100)
    #expect(terminal.columns == 100)
  }
}
