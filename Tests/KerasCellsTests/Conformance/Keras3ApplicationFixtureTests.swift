import CNNEngine
import Foundation
import KerasCells
import Testing

/// The `keras.applications` cases of `Tests/Fixtures/keras/applications/cases` in Keras 3 mode,
/// against what Keras 3.15.1 printed and built (`make_application_fixtures.py --keras3`, in
/// `Tests/Fixtures/keras3/applications/expected`): the printed text byte for byte without a
/// terminal (`NAME.txt`) and with `COLUMNS=120` (`NAME.columns-120.txt`), errors as
/// `Error: TYPE: MESSAGE`, and every model's name and layers (`NAME.layers.txt`: name, class, output
/// shape and parameters of each of `model.layers`).
@Suite struct Keras3ApplicationFixtureTests {
  static let folder = ApplicationFixtureTests.folder.deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("keras3/applications/expected")

  /// Cases whose Keras 3 recording ConvBook does not reproduce, and why. They still run, as known
  /// issues: one that starts to match fails the test, so that this list stays true.
  static let knownDifferences: [String: String] = [
    "resnet50-preprocess":
      "Keras 3's caffe-mode preprocess_input records three GetItem slices (x[..., i]) and a Stack operation; ConvBook refuses it in Keras 3 as its limitation",
    "vgg16-preprocess-transfer": "caffe-mode preprocess_input in Keras 3 (see resnet50-preprocess)",
  ]

  @Test func everyCaseWasRecorded() throws {
    for name in ApplicationFixtureTests.caseNames {
      for suffix in [".txt", ".columns-120.txt", ".layers.txt"] {
        let path = Self.folder.appendingPathComponent(name + suffix).path
        #expect(FileManager.default.fileExists(atPath: path), "\(name)\(suffix)")
      }
    }
  }

  @Test(arguments: ApplicationFixtureTests.caseNames)
  func matchesKeras3(_ name: String) throws {
    if let reason = Self.knownDifferences[name] {
      withKnownIssue(Comment(rawValue: reason)) { try compare(name) }
    } else {
      try compare(name)
    }
  }

  func compare(_ name: String) throws {
    let source = try String(
      contentsOf: ApplicationFixtureTests.folder.appendingPathComponent("cases/\(name).py"),
      encoding: .utf8)
    func expected(_ suffix: String) throws -> String {
      try String(contentsOf: Self.folder.appendingPathComponent(name + suffix), encoding: .utf8)
    }
    let session = KerasSession(kerasVersion: .keras3)
    let result = session.run(source)
    var error = ""
    if let failure = result.error {
      error = "Error: \(failure.type ?? "ConvBook"): \(failure.message)\n"
    }
    Self.compare(
      result.printed(format: .keras3()) + error, try expected(".txt"), "\(name) (76 columns)")
    Self.compare(
      result.printed(format: .keras3(console: SummaryConsole(columns: 120))) + error,
      try expected(".columns-120.txt"), "\(name) (COLUMNS=120)")
    let layers = try expected(".layers.txt")
    Self.compare(Self.layerLines(session, like: layers), layers, "\(name) layers")
  }

  /// The models and layers of the variables `expected` lists, in its format.
  static func layerLines(_ session: KerasSession, like expected: String) -> String {
    var lines: [String] = []
    for line in expected.split(separator: "\n") where line.hasPrefix("model ") {
      guard let open = line.lastIndex(of: "(") else { continue }
      let variable = String(line[line.index(after: open)...].dropLast())
      guard case .model(let model)? = session.globals[variable] else {
        lines.append("no model in \(variable)")
        continue
      }
      lines.append("model \(model.name) (\(variable))")
      for layer in model.layers {
        let shape = layer.outputShape.map(Self.tuple) ?? "?"
        let params = layer.isBuilt ? String(layer.parameterCount) : "?"
        lines.append("\(layer.name)\t\(layer.className)\t\(shape)\t\(params)")
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// A shape as Python prints the tuple.
  static func tuple(_ shape: TensorShape) -> String {
    let items = shape.dimensions.map { $0.map(String.init) ?? "None" }
    return items.count == 1 ? "(\(items[0]),)" : "(" + items.joined(separator: ", ") + ")"
  }

  static func compare(_ got: String, _ want: String, _ context: String) {
    guard got != want else { return }
    let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
    let wantLines = want.split(separator: "\n", omittingEmptySubsequences: false)
    let line =
      Array(zip(gotLines, wantLines)).firstIndex { $0.0 != $0.1 }
      ?? min(gotLines.count, wantLines.count)
    Issue.record(
      """
      \(context): differs from Keras 3 at line \(line + 1)
      got:  \(line < gotLines.count ? String(gotLines[line]) : "<end>")
      want: \(line < wantLines.count ? String(wantLines[line]) : "<end>")
      """)
  }
}
