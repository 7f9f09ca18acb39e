import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// The terminal forms of the figures, compared whole against golden files.
@Suite struct FigureReportTests {
  static func model(_ name: String, in file: ModelFile) throws -> KerasModel {
    try FigureModelSelection.select(file, names: [name])[0]
  }

  /// A measured trace whose times are replaced by fixed ones, so that a golden file can hold the
  /// time column too.
  static func measured(_ model: KerasModel) throws -> ShapeTrace {
    var trace = try ShapeTrace(model: model)
    trace.measure(model)
    for index in trace.steps.indices where trace.steps[index].seconds != nil {
      trace.steps[index].seconds = 0.000_25 * Double(index)
    }
    if trace.measurement?.seconds != nil { trace.measurement?.seconds = 0.0125 }
    return trace
  }

  @Test func traceText() throws {
    let file = try FigureLessons.modelFile()
    let text = TraceReport.text(try Self.measured(Self.model("wide", in: file)))
    try ReportGolden.check(text, named: "trace-wide.txt")
    #expect(text.contains("Forward pass: 2.500 ms in the layers, 12.500 ms in all ("))
    #expect(text.contains("(None, 58, 88, 8)"))
    #expect(text.contains("(None, 29, 44, 8)"))
    #expect(text.contains("10,208"))
  }

  @Test func adjacencyText() throws {
    let file = try FigureLessons.modelFile()
    let wide = AdjacencyReport.text(try FlatteningAdjacency(model: Self.model("wide", in: file)))
    try ReportGolden.check(wide, named: "adjacency-wide.txt")
    #expect(wide.contains("H=29, W=44, C=8"))
    #expect(wide.contains("Vertical neighbours: 352 apart"))
    #expect(wide.contains("Length: H*W*C = 29*44*8 = 10,208"))
    let nchw = AdjacencyReport.text(try FlatteningAdjacency(model: Self.model("nchw", in: file)))
    try ReportGolden.check(nchw, named: "adjacency-nchw.txt")
    #expect(nchw.contains("Vertical neighbours: 48 apart"))
    #expect(!wide.split(separator: "\n").contains { $0.hasSuffix(" ") })
  }

  @Test func compareText() throws {
    let file = try FigureLessons.modelFile()
    let models = try FigureModelSelection.select(file, names: [])
    #expect(models.map(\.name) == ["wide", "nchw", "pooled"])
    try ReportGolden.check(
      ComparisonReport.text(try ModelComparison(models: models)), named: "compare.txt")
  }

  @Test func scalingText() throws {
    let file = try FigureLessons.modelFile()
    let models = try FigureModelSelection.select(file, names: ["wide", "pooled"])
    let text = ScalingReport.text(try ParameterScaling(models: models, sizes: [2, 16, 64, 128]))
    try ReportGolden.check(text, named: "scaling.txt")
    #expect(text.contains("invalid"))
  }

  @Test func jsonFormsAreDeterministic() throws {
    let file = try FigureLessons.modelFile()
    let wide = try Self.model("wide", in: file)
    let first = AdjacencyReport.json(try FlatteningAdjacency(model: wide)).serialized(pretty: true)
    let second = AdjacencyReport.json(try FlatteningAdjacency(model: wide)).serialized(pretty: true)
    #expect(first == second)
    #expect(first.contains("\"vertical_distance\": 352"))
    let json = TraceReport.json(try Self.measured(wide)).serialized(pretty: true)
    try ReportGolden.check(json + "\n", named: "trace-wide.json")
    #expect(json.contains("\"zero_fraction\": "))
    #expect(json.contains("\"seconds\": 0.00025"))
  }

  @Test func unknownModelSelection() throws {
    let file = try FigureLessons.modelFile()
    #expect(throws: FigureModelSelection.Failure.self) {
      try FigureModelSelection.select(file, names: ["nope"])
    }
  }

  /// The bundled lessons: the seed lesson's page carries its figures, its trace without
  /// statistics (`stats=False`), and states 3,392 in its prose (an inline value).
  @Test func bundledSeedLessonFigures() throws {
    let path = FigureLessons.repositoryRoot.appendingPathComponent(
      "Lessons/05-flatten-or-global-pooling.md"
    ).path
    let runner = LessonRunner(
      kerasVersion: KerasVersionSetting(commandLine: .keras2),
      figureEvaluator: FigureEvaluator(), exerciseEvaluator: ExerciseCardEvaluator())
    let file = try ModelFile.load(path: path, runner: runner)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics.map { $0.formatted() })")
    let lesson = try #require(file.lesson)
    let run = runner.run(lesson, sourceFile: path)
    let figures = FigureLessons.figures(run)
    #expect(
      Set(figures.map(\.kind)).isSuperset(of: [
        "convbook-trace", "convbook-compare", "convbook-scaling",
      ]))
    let trace = try #require(figures.first { $0.kind == "convbook-trace" })
    #expect(!trace.html.contains("Zeros"))
    let inlineValues = run.blocks.flatMap { block -> [String] in
      guard case .prose(_, let values) = block else { return [] }
      return values.values.compactMap { if case .text(let text) = $0 { text } else { nil } }
    }
    #expect(inlineValues.contains("3,392"))
    let adjacency = AdjacencyReport.text(
      try FlatteningAdjacency(model: Self.model("flat_model", in: file)))
    try ReportGolden.check(adjacency, named: "adjacency-seed.txt")
    try ReportGolden.check(
      TraceReport.text(try ShapeTrace(model: Self.model("flat_model", in: file))),
      named: "trace-seed.txt")
  }
}
