import Foundation
import KerasCells
import Testing

/// Keras 3.15.1's `input_shape=` UserWarning as Python prints it, for every layer class of
/// `Tests/Fixtures/keras3/input_shape_warnings.tsv` (`make_warning_fixtures.py`): each call runs
/// in a fresh Keras 3 session and its warning names the file, line and source line Keras' own
/// code does. Classes that share a place in Keras' code warn once between them in one session.
@Suite struct Keras3WarningSiteTests {
  struct Row {
    var className: String
    var call: String
    /// nil when Keras 3 refuses the keyword or issues no warning.
    var expected: String?
  }

  static let rows: [Row] = {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/keras3/input_shape_warnings.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let warns = fields.count == 6 && fields[2] != "refused" && fields[2] != "-"
      return Row(
        className: fields[0], call: fields[1],
        expected: warns
          ? "\(fields[2]):\(fields[3]): UserWarning: \(fields[5])\n  \(fields[4])\n" : nil)
    }
  }()

  /// Layers ConvBook refuses as its own limitation; their place is recorded for when they land.
  static let unsupported: Set = [
    "PReLU", "RepeatVector",
  ]

  @Test func fixtureIsThere() {
    #expect(Self.rows.count >= 60)
  }

  @Test(arguments: rows.filter { $0.expected != nil }.map(\.className))
  func warningAsPythonPrintsIt(className: String) throws {
    let row = try #require(Self.rows.first { $0.className == className })
    let result = KerasSession(kerasVersion: .keras3).run(
      "import keras\nfrom keras import layers\nlayer = \(row.call)\n")
    if Self.unsupported.contains(className) {
      #expect(result.error?.message.contains("ConvBook does not support") == true)
      return
    }
    #expect(result.error == nil, "\(row.call): \(String(describing: result.error?.message))")
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.pythonText(orAt: "script.py:3") == row.expected)
  }

  @Test func classesSharingAPlaceWarnOnce() throws {
    let shared = Dictionary(
      grouping: Self.rows.filter { $0.expected != nil && !Self.unsupported.contains($0.className) },
      by: \.expected!)
    for (text, rows) in shared {
      let source =
        "import keras\nfrom keras import layers\n"
        + rows.enumerated().map { "l\($0.offset) = \($0.element.call)\n" }.joined()
      let result = KerasSession(kerasVersion: .keras3).run(source)
      #expect(result.error == nil)
      #expect(result.warnings.map { $0.pythonText(orAt: "") } == [text])
    }
  }
}
