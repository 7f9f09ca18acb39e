import CNNEngine
import ConvBookCore
import Foundation
import LessonKit
import Testing

/// The measured shape trace on pages and in the terminal: statistics on both, times only in the
/// terminal, the same bytes on every build, and a shape-only trace with a note when no pass can run.
@Suite struct TraceStatisticsTests {
  static let fixtures = FigureLessons.repositoryRoot.appendingPathComponent(
    "Tests/Fixtures/keras/forward")

  /// The `seed_small` fixture's model: the seed recipe at 18x18 with tf-keras weights beside it.
  static let smallModel = """
    ```keras
    small = keras.Sequential([
        keras.Input(shape=(18, 18, 3)),
        layers.Conv2D(4, (3, 3), activation="relu"),
        layers.Conv2D(4, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2), (2, 2)),
        layers.BatchNormalization(),
        layers.Conv2D(8, (3, 3), activation="relu"),
        layers.Conv2D(8, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2), (2, 2)),
        layers.BatchNormalization(),
        layers.Flatten(),
        layers.Dropout(0.3),
        layers.Dense(16, activation="relu"),
        layers.Dense(8, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ], name="seed_small")
    ```

    """

  /// A lesson of `smallModel` alone (no other model takes its layer names) and `body`.
  static func runSmall(_ body: String) -> LessonRunner.Run {
    let source =
      "# Weights\n\n```keras\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n```\n\n"
      + smallModel + body
    let lesson = LessonReader.read(source: source, fileName: "weights.md")
    return LessonRunner(
      kerasVersion: KerasVersionSetting(commandLine: .keras2), figureEvaluator: FigureEvaluator()
    ).run(lesson, sourceFile: "weights.md")
  }

  /// `stats=False` draws shapes and counts only; anything but a bool is the author's error.
  @Test func statsFalseLeavesTheStatisticsOut() throws {
    let measured = Self.runSmall("```figure\ntrace(small)\n```\n")
    let plain = Self.runSmall("```figure\ntrace(small, stats=False)\n```\n")
    #expect(plain.diagnostics.isEmpty, "\(plain.diagnostics.map { $0.formatted() })")
    let measuredHTML = try #require(FigureLessons.figures(measured).first?.html)
    let plainHTML = try #require(FigureLessons.figures(plain).first?.html)
    #expect(measuredHTML.contains("<th scope=\"col\">Zeros</th>"))
    #expect(!plainHTML.contains("Zeros"))
    #expect(!plainHTML.contains("untrained weights"))
    let wrong = Self.runSmall("```figure\ntrace(small, stats=\"no\")\n```\n")
    #expect(wrong.diagnostics.map(\.headline) == ["TypeError: stats= must be True or False"])
  }

  /// Inline values may call the exercise helpers, so prose can quote a figure's MACs.
  @Test func inlineValuesKnowMacs() throws {
    let run = Self.runSmall("Work: `{keras} macs(small)`, `{keras} params(small.layers[0])`.\n")
    #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map { $0.formatted() })")
    let values = run.blocks.flatMap { block -> [String] in
      guard case .prose(_, let values) = block else { return [] }
      return values.values.compactMap { if case .text(let text) = $0 { text } else { nil } }
    }
    let model = try #require(run.session.model(named: "small"))
    let expected = PythonFormat.grouped(try model.summary().totalMultiplyAccumulates)
    #expect(Set(values) == [expected, "112"])
  }

  /// The bundled lessons built twice: every file the same bytes, statistics included.
  @Test func siteIsByteIdenticalWithStatistics() throws {
    let lessons = FigureLessons.repositoryRoot.appendingPathComponent("Lessons")
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-trace-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: base) }
    let runner = LessonRunner(
      kerasVersion: KerasVersionSetting(commandLine: .keras2),
      figureEvaluator: FigureEvaluator(), exerciseEvaluator: ExerciseCardEvaluator())
    var sites: [[String: Data]] = []
    for name in ["first", "second"] {
      let out = base.appendingPathComponent(name)
      _ = try SiteBuilder(runner: runner).build(lessonsDirectory: lessons, outputDirectory: out)
      var files: [String: Data] = [:]
      for file in try FileManager.default.contentsOfDirectory(atPath: out.path) {
        files[file] = try Data(contentsOf: out.appendingPathComponent(file))
      }
      sites.append(files)
    }
    #expect(sites[0].keys.sorted() == sites[1].keys.sorted())
    for (file, bytes) in sites[0] {
      #expect(bytes == sites[1][file], "\(file) differs between two builds")
    }
    let page = try #require(
      sites[0]["07-batch-normalization-and-dropout.html"].flatMap {
        String(data: $0, encoding: .utf8)
      })
    let trace = try #require(
      page.range(of: "<figure class=\"convbook-trace\"").map { page[$0.lowerBound...] })
    let figure = trace[..<(trace.range(of: "</figure>")?.upperBound ?? trace.endIndex)]
    #expect(figure.contains("% zeros"))
    #expect(figure.contains("<th scope=\"col\">Zeros</th>"))
    #expect(figure.contains("untrained weights"))
    #expect(!figure.contains("ms in"))
  }

  /// The terminal shows each layer's time and the totals; the page of the same model does not.
  @Test func terminalShowsTimesAndPagesDoNot() throws {
    let file = try FigureLessons.modelFile()
    let model = try FigureModelSelection.select(file, names: ["pooled"])[0]
    var trace = try ShapeTrace(model: model)
    trace.measure(model)
    let text = TraceReport.text(trace)
    let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("Layer") })
    for column in ["Min", "Mean", "Max", "Zeros", "ms"] {
      #expect(header.split(separator: " ").contains(Substring(column)), "\(column)")
    }
    #expect(text.contains("Forward pass: "))
    #expect(text.contains("untrained weights"))
    let json = TraceReport.json(trace).serialized(pretty: true)
    #expect(json.contains("\"statistics\": {"))
    #expect(json.contains("\"seconds\": "))
    let page = FigureLessons.figures(FigureLessons.run("```figure\ntrace(pooled)\n```\n"))[0].html
    #expect(page.contains("% zeros"))
    #expect(!page.contains("Forward pass") && !page.contains(" ms"))
  }

  /// `--no-stats` and the shape-only report: no pass, no statistics columns.
  @Test func shapeOnlyReportHasNoStatisticsColumns() throws {
    let file = try FigureLessons.modelFile()
    let model = try FigureModelSelection.select(file, names: ["pooled"])[0]
    let text = TraceReport.text(try ShapeTrace(model: model))
    #expect(!text.contains("Zeros") && !text.contains("Forward pass"))
    #expect(!TraceReport.json(try ShapeTrace(model: model)).serialized().contains("statistics"))
  }

  /// `weights=` takes tf-keras weights; the caption names the file instead of the initialisers.
  @Test func weightsArgumentUsesKerasWeights() throws {
    let path = Self.fixtures.appendingPathComponent("seed_small.weights.npz").path
    let run = Self.runSmall("```figure\ntrace(small, weights=\"\(path)\")\n```\n")
    #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map { $0.formatted() })")
    let html = FigureLessons.figures(run)[0].html
    #expect(html.contains("through the weights in \(path)"))
    #expect(!html.contains("untrained"))
    #expect(html.contains("% zeros"))
  }

  /// A weights file that does not fit is the author's error, at the argument; the figure still
  /// shows the shapes, with the reason in a note.
  @Test func unusableWeightsFileIsADiagnosticAndTheShapesStay() throws {
    let path = Self.fixtures.appendingPathComponent("seed_small_gap.weights.npz").path
    let run = Self.runSmall("Text.\n\n```figure\ntrace(small, weights=\"\(path)\")\n```\n")
    let diagnostic = try #require(run.diagnostics.first)
    #expect(diagnostic.message.contains("does not fit model \"seed_small\""))
    #expect(diagnostic.column == 22)
    let figure = FigureLessons.figures(run)[0]
    #expect(figure.kind == "convbook-trace")
    #expect(figure.error == nil)
    #expect(figure.html.contains("No activation statistics for seed_small"))
    #expect(figure.html.contains("(None, 10)"))
    let missing = Self.runSmall("```figure\ntrace(small, weights=\"no-such-file.npz\")\n```\n")
    #expect(missing.diagnostics.first?.message.contains("no-such-file.npz") == true)
    let wrongType = FigureLessons.run("```figure\ntrace(wide, weights=3)\n```\n")
    #expect(wrongType.diagnostics.first?.message.contains("weights= must name an .npz") == true)
  }

  /// A functional model's summary lists its InputLayer as a layer; the trace shows that tensor
  /// once, measured like the others.
  @Test func functionalModelTracesItsInputOnce() throws {
    let source = """
      # Functional

      ```keras
      from tensorflow import keras
      from tensorflow.keras import layers
      inputs = keras.Input(shape=(16, 16, 3))
      x = layers.Conv2D(4, 3, activation="relu")(inputs)
      outputs = layers.Dense(2, activation="softmax")(layers.GlobalAveragePooling2D()(x))
      model = keras.Model(inputs, outputs, name="func")
      ```

      """
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-functional-\(UUID().uuidString).md")
    try source.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try ModelFile.load(
      path: url.path,
      runner: LessonRunner(
        kerasVersion: KerasVersionSetting(commandLine: .keras2), figureEvaluator: FigureEvaluator())
    )
    let model = try FigureModelSelection.select(file, names: ["model"])[0]
    var trace = try ShapeTrace(model: model)
    trace.measure(model)
    #expect(
      trace.steps.map(\.className) == ["InputLayer", "Conv2D", "GlobalAveragePooling2D", "Dense"])
    #expect(trace.steps.allSatisfy { $0.statistics != nil })
    #expect(trace.steps[1].statistics!.minimum == 0)
  }

  /// A model whose pass would not fit the memory budget: the shape-only trace and a note, no error.
  @Test func modelOverTheBudgetGetsItsShapesAndANote() throws {
    let run = FigureLessons.run(
      """
      ```keras
      huge = keras.Sequential([keras.Input(shape=(4096,)), layers.Dense(150000)], name="huge")
      ```

      ```figure
      trace(huge)
      ```

      """)
    #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map { $0.formatted() })")
    let html = FigureLessons.figures(run)[0].html
    #expect(html.contains("class=\"convbook-trace\""))
    #expect(html.contains("614,550,000"))
    #expect(html.contains("No activation statistics for huge"))
    #expect(html.contains("memory budget"))
  }
}
