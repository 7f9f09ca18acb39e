import CNNEngine
import Foundation
import KerasCells
import Testing

/// The conformance corpus again, in Keras 3 mode, against what a real Keras 3.15 printed and built
/// (`Tests/Fixtures/keras3/expected`, made by `make_fixtures.py --keras3`): the summary text byte for
/// byte without a terminal (76 wide) and with `COLUMNS=120`, errors (type, first line of the
/// message, the statement blamed) and every model's names, classes, shapes and parameter counts.
@Suite struct Keras3CorpusTests {
  static let fixtures = KerasCorpusTests.fixtures.deletingLastPathComponent()
    .appendingPathComponent("keras3")

  static let corpusNames: [String] = {
    let expected = fixtures.appendingPathComponent("expected")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: expected.path)) ?? []
    return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  }()

  /// Corpus files whose Keras 3 recording ConvBook does not reproduce yet, and why. They still run,
  /// as known issues: one that starts to match fails the test, so that this list stays true.
  static let knownDifferences: [String: String] = [:]

  @Test func everyCorpusFileWasRecorded() {
    #expect(Self.corpusNames == KerasCorpusTests.corpusNames)
  }

  @Test(arguments: corpusNames)
  func matchesKeras3(_ name: String) throws {
    if let reason = Self.knownDifferences[name] {
      withKnownIssue(Comment(rawValue: reason)) { try compare(name) }
    } else {
      try compare(name)
    }
  }

  func compare(_ name: String) throws {
    let source = try String(
      contentsOf: KerasCorpusTests.fixtures.appendingPathComponent("corpus/\(name).py"),
      encoding: .utf8)
    let expectedData = try Data(
      contentsOf: Self.fixtures.appendingPathComponent("expected/\(name).json"))
    let expected = try #require(
      try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
    let expectedCells = try #require(expected["cells"] as? [[String: Any]])
    let cells = KerasCorpusTests.cells(of: source)
    try #require(cells.count == expectedCells.count, "cell count")
    let session = KerasSession(kerasVersion: .keras3)
    let wide = SummaryFormat.keras3(console: SummaryConsole(columns: 120))
    // Text handed to a `print_fn` is rendered while the cell runs, for the console's width: such a
    // file runs a second time as under `COLUMNS=120`.
    let wideSession = source.contains("print_fn") ? KerasSession(kerasVersion: .keras3) : nil
    wideSession?.printFunctionConsole = SummaryConsole(columns: 120)
    for (index, (cell, want)) in zip(cells, expectedCells).enumerated() {
      let result = session.run(cell.source)
      let wideResult = wideSession?.run(cell.source) ?? result
      let context = "\(name) cell \(index)"
      if let refusal = KerasCorpusTests.expectedRefusals[name]
        ?? KerasCorpusTests.keras3Refusals[name], refusal.cell == index
      {
        let got = try #require(result.error, "\(context): expected ConvBook to refuse")
        #expect(got.message == refusal.message, "\(context)")
        continue
      }
      if let error = want["error"] as? [String: Any] {
        let got = try #require(
          result.error, "\(context): expected \(error["type"] ?? "") \(error["message"] ?? "")")
        #expect(got.type == error["type"] as? String, "\(context)")
        var message = error["message"] as? String ?? ""
        if got.type == "SyntaxError", let kerasLine = error["line"] as? Int {
          let suffix = " (\(name).py, line \(kerasLine))"
          if message.hasSuffix(suffix) { message = String(message.dropLast(suffix.count)) }
        }
        #expect(
          Self.firstLine(got.message) == Self.firstLine(message),
          "\(context): first line of the message")
        if let kerasLine = error["line"] as? Int {
          let ourLine = got.range.start.line + cell.firstLine - 1
          let statement = KerasCorpusTests.statementLines(
            containing: kerasLine - cell.firstLine + 1, in: cell.source)
          #expect(
            statement.contains(ourLine - cell.firstLine + 1),
            "\(context): error at line \(ourLine), Keras blamed the statement at line \(kerasLine)")
        }
      } else if let error = result.error {
        Issue.record("\(context): unexpected error \(error) at \(error.range)")
      }
      #expect(result.printed(format: .keras3()) == want["stdout"] as? String, "\(context) stdout")
      #expect(
        wideResult.printed(format: wide) == want["stdout_columns_120"] as? String,
        "\(context) stdout with COLUMNS=120")
      try KerasCorpusTests.compareModels(
        session: session, expected: want["models"] as? [[String: Any]] ?? [], context: context,
        inputLayerShapesAsLists: false)
    }
  }

  static func firstLine(_ text: String) -> String {
    String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
  }
}
