import CNNEngine
import Foundation
import KerasCells
import Testing

/// Runs every script of `Tests/Fixtures/keras/corpus` and compares, cell by cell, with what real
/// tf-keras printed and built (`Tests/Fixtures/keras/expected`, made by
/// `Tools/keras-reference/make_fixtures.py`): printed text including summaries (in tf-keras 2.21's
/// footer style), errors (type, message, and a line inside the statement Keras blamed), and every
/// model's names, classes, shapes and parameter counts.
@Suite struct KerasCorpusTests {
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/keras")

  static let corpusNames: [String] = {
    let corpus = fixtures.appendingPathComponent("corpus")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
    return files.filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }.sorted()
  }()

  /// Splits a script at `# %%` lines as the fixture generator does: (first line, source).
  static func cells(of text: String) -> [(firstLine: Int, source: String)] {
    var cells: [(Int, String)] = []
    var current: [String] = []
    var start = 1
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (offset, line) in lines.enumerated() {
      if line.trimmingCharacters(in: .whitespaces) == "# %%" && line.hasPrefix("# %%") {
        if current.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
          cells.append((start, current.joined(separator: "\n") + "\n"))
        }
        current = []
        start = offset + 2
      } else {
        current.append(line)
      }
    }
    if current.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      cells.append((start, current.joined(separator: "\n")))
    }
    return cells
  }

  /// Corpus cells that use Python beyond the cell language (imports, assignments, calls, `for`, `if`,
  /// `print`), which ConvBook refuses with its own message instead of running them.
  static let expectedRefusals: [String: (cell: Int, message: String, reason: String)] = [:]

  /// Refusals under Keras 3 only (`Keras3CorpusTests`), where tf-keras' run matches.
  static let keras3Refusals: [String: (cell: Int, message: String, reason: String)] = [:]

  /// Refusals under tf-keras only, where Keras 3's run matches.
  static let keras2Refusals: [String: (cell: Int, message: String, reason: String)] = [:]

  /// Corpus files whose tf-keras recording ConvBook does not reproduce yet, and why. They still run,
  /// as known issues: one that starts to match fails the test, so that this list stays true.
  static let knownDifferences: [String: String] = [:]

  @Test func corpusIsPresent() {
    #expect(Self.corpusNames.count >= 60)
    for name in Self.expectedRefusals.keys { #expect(Self.corpusNames.contains(name), "\(name)") }
    for name in Self.keras2Refusals.keys { #expect(Self.corpusNames.contains(name), "\(name)") }
    for name in Self.knownDifferences.keys { #expect(Self.corpusNames.contains(name), "\(name)") }
  }

  @Test(arguments: corpusNames)
  func matchesKeras(_ name: String) throws {
    if let reason = Self.knownDifferences[name] {
      withKnownIssue(Comment(rawValue: reason)) { try compare(name) }
    } else {
      try compare(name)
    }
  }

  func compare(_ name: String) throws {
    let source = try String(
      contentsOf: Self.fixtures.appendingPathComponent("corpus/\(name).py"), encoding: .utf8)
    let expectedData = try Data(
      contentsOf: Self.fixtures.appendingPathComponent("expected/\(name).json"))
    let expected = try #require(
      try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
    let expectedCells = try #require(expected["cells"] as? [[String: Any]])
    let cells = Self.cells(of: source)
    try #require(cells.count == expectedCells.count, "cell count")
    let session = KerasSession(kerasVersion: .keras2)
    for (index, (cell, want)) in zip(cells, expectedCells).enumerated() {
      let result = session.run(cell.source)
      let context = "\(name) cell \(index)"
      if let refusal = Self.expectedRefusals[name] ?? Self.keras2Refusals[name],
        refusal.cell == index
      {
        let got = try #require(
          result.error, "\(context): expected ConvBook to refuse (\(refusal.reason))")
        #expect(got.type == nil, "\(context)")
        #expect(got.message == refusal.message, "\(context)")
        continue
      }
      if let error = want["error"] as? [String: Any] {
        let got = try #require(
          result.error, "\(context): expected \(error["type"] ?? "") \(error["message"] ?? "")")
        #expect(got.type == error["type"] as? String, "\(context)")
        var message = error["message"] as? String
        if got.type == "SyntaxError", let full = message, let kerasLine = error["line"] as? Int {
          // Python's str(SyntaxError) ends with "(file.py, line N)"; the line is checked on its own.
          let suffix = " (\(name).py, line \(kerasLine))"
          #expect(full.hasSuffix(suffix), "\(context)")
          message = String(full.dropLast(full.hasSuffix(suffix) ? suffix.count : 0))
          #expect(
            got.range.start.line + cell.firstLine - 1 == kerasLine, "\(context): SyntaxError line")
        }
        #expect(got.message == message, "\(context)")
        if let kerasLine = error["line"] as? Int, got.type != "SyntaxError" {
          let ourLine = got.range.start.line + cell.firstLine - 1
          let statement = Self.statementLines(
            containing: kerasLine - cell.firstLine + 1, in: cell.source)
          #expect(
            statement.contains(ourLine - cell.firstLine + 1),
            "\(context): error at line \(ourLine), Keras blamed the statement at line \(kerasLine)")
        }
      } else if let error = result.error {
        Issue.record("\(context): unexpected error \(error) at \(error.range)")
      }
      #expect(result.printed(footer: .modern) == want["stdout"] as? String, "\(context) stdout")
      try Self.compareModels(
        session: session, expected: want["models"] as? [[String: Any]] ?? [], context: context,
        inputLayerShapesAsLists: true)
    }
  }

  /// The lines of the top-level statement that contains `line` (1-based, within the cell).
  static func statementLines(containing line: Int, in source: String) -> ClosedRange<Int> {
    guard let statements = try? PythonParser.parse(source) else { return line...line }
    for statement in statements
    where statement.range.start.line <= line && line <= statement.range.end.line {
      return statement.range.start.line...statement.range.end.line
    }
    return line...line
  }

  /// `inputLayerShapesAsLists`: tf-keras reports an input layer's shapes as one-element lists.
  static func compareModels(
    session: KerasSession, expected: [[String: Any]], context: String,
    inputLayerShapesAsLists: Bool
  ) throws {
    for want in expected {
      let variable = want["variable"] as? String ?? ""
      if let value = session.globals[variable], let subclassed = session.subclassedModel(value) {
        // A subclassed model: its name, whether it is built, and the layers it tracks.
        let layers = want["layers"] as? [[String: Any]] ?? []
        #expect(subclassed.name == want["name"] as? String, "\(context) \(variable) name")
        #expect(
          subclassed.isBuilt == (want["built"] as? Bool ?? false), "\(context) \(variable) built")
        #expect(
          subclassed.layers.map { "\($0.name) (\($0.className))" }
            == layers.map {
              "\($0["name"] as? String ?? "") (\($0["class_name"] as? String ?? ""))"
            },
          "\(context) \(variable) layers")
        continue
      }
      guard case .model(let model)? = session.globals[variable] else {
        Issue.record("\(context): no model in variable \(variable)")
        continue
      }
      #expect(model.name == want["name"] as? String, "\(context) \(variable) name")
      #expect(model.isBuilt == (want["built"] as? Bool ?? false), "\(context) \(variable) built")
      let layers = want["layers"] as? [[String: Any]] ?? []
      try #require(model.layers.count == layers.count, "\(context) \(variable) layer count")
      for (layer, wantLayer) in zip(model.layers, layers) {
        let layerContext = "\(context) \(variable).\(layer.name)"
        #expect(layer.name == wantLayer["name"] as? String, "\(layerContext)")
        #expect(layer.className == wantLayer["class_name"] as? String, "\(layerContext)")
        if model.isBuilt {
          // An input layer of a functional model reports its shapes as one-element lists (in
          // tf-keras, also for a `tf_keras` model in a Keras 3 script).
          let asLists = inputLayerShapesAsLists || session.kerasVersion(of: model) == .keras2
          let wrap = layer.isInputLayer && asLists
          // A layer whose call returns several tensors reports their shapes as a list.
          // tf-keras reports a model given its outputs as a dict with a dict of shapes.
          let keyed = layer.model?.outputKeys.flatMap { keys in
            layer.outputShapeList.map { Self.json(keys: keys, $0) }
          }.flatMap { session.kerasVersion(of: model) == .keras2 ? $0 : nil }
          let output =
            keyed ?? layer.outputShapeList.map(Self.json)
            ?? Self.json(layer.outputShape, wrap: wrap)
          #expect(
            output == Self.normalize(wantLayer["output_shape"]), "\(layerContext) output shape")
          // Keras 3's `input_layer.input` is an empty list; a merge layer's input shape is a list.
          let input =
            layer.isInputLayer && !asLists
            ? "[]"
            : layer.listInputShapes.map(Self.json)
              ?? Self.unwrappedJSON(layer.inputShape, wrap: wrap)
          #expect(
            input == Self.normalize(wantLayer["input_shape"], dictsAsLists: true),
            "\(layerContext) input shape")
          #expect(layer.parameterCount == wantLayer["params"] as? Int, "\(layerContext) params")
          #expect(
            layer.trainableParameterCount == wantLayer["trainable_params"] as? Int,
            "\(layerContext) trainable")
        }
      }
      if model.isBuilt {
        #expect(
          (model.inputShapeList.map(Self.json) ?? Self.json(model.inputShape))
            == Self.normalize(want["input_shape"], dictsAsLists: true),
          "\(context) input shape")
        let keyed = model.outputKeys.flatMap { keys in
          model.outputShapeList.map { Self.json(keys: keys, $0) }
        }.flatMap { session.kerasVersion(of: model) == .keras2 ? $0 : nil }
        #expect(
          (keyed ?? model.outputShapeList.map(Self.json) ?? Self.json(model.outputShape))
            == Self.normalize(want["output_shape"]),
          "\(context) output shape")
        #expect(
          (try? model.countParams()) == want["total_params"] as? Int, "\(context) total params")
      }
    }
  }

  /// A list of shapes, as Keras reports the inputs of a merge layer or a model with several.
  static func json(_ shapes: [TensorShape]) -> String {
    "[" + shapes.map { json($0) }.joined(separator: ",") + "]"
  }

  static func json(_ shape: TensorShape?, wrap: Bool = false) -> String {
    guard let shape else { return "null" }
    let text =
      "[" + shape.dimensions.map { $0.map(String.init) ?? "null" }.joined(separator: ",") + "]"
    return wrap ? "[" + text + "]" : text
  }

  /// tf-keras' `layer.input_shape` unwraps a shape of one axis to its size (`4`, `None`).
  static func unwrappedJSON(_ shape: TensorShape?, wrap: Bool) -> String {
    guard let shape, shape.rank == 1, !wrap else { return json(shape, wrap: wrap) }
    return shape.dimensions[0].map(String.init) ?? "null"
  }

  /// A dict of shapes by key (sorted keys; `shapes` in sorted-key order, as Keras flattens them).
  static func json(keys: [String], _ shapes: [TensorShape]) -> String {
    "{" + zip(keys.sorted(), shapes).map { "\($0):\(json($1))" }.joined(separator: ",") + "}"
  }

  /// A JSON shape (a list of ints and nulls, or a list of such lists, or a dict of them by key)
  /// in `json`'s form; a bare size (see `unwrappedJSON`) as itself. `dictsAsLists` reads a dict of
  /// input shapes as the list of its values in sorted-key order.
  static func normalize(_ value: Any?, dictsAsLists: Bool = false) -> String {
    if let size = value as? Int { return String(size) }
    if let dict = value as? [String: Any] {
      // tf-keras' input shapes of a model given dicts of tensors: the engine's list holds them in
      // the order of the sorted keys (the order of `model.inputs`). Output dicts stay dicts.
      if dictsAsLists { return normalize(dict.keys.sorted().map { dict[$0] ?? NSNull() }) }
      return "{" + dict.keys.sorted().map { "\($0):\(normalize(dict[$0]))" }.joined(separator: ",")
        + "}"
    }
    guard let items = value as? [Any] else { return "null" }
    return "["
      + items.map { item in
        if item is [Any] { return normalize(item) }
        return (item as? Int).map(String.init) ?? "null"
      }.joined(separator: ",") + "]"
  }
}
