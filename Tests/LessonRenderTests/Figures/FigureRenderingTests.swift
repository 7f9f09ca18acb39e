import CNNEngine
import Foundation
import LessonRender
import Testing

/// The figures' HTML, compared whole against golden files, checked for well-formed SVG, accessible
/// names and determinism.
@Suite struct FigureRenderingTests {
  static func layer(
    _ className: String, _ positional: [ArgumentValue] = [],
    _ keywords: [(String, ArgumentValue)] = [],
    names: NameScope
  ) throws -> LayerInstance {
    LayerInstance(
      try LayerCatalog.make(
        className: className, positional: positional, keywords: keywords, names: names))
  }

  static func seed(flatten: Bool, names: NameScope) throws -> KerasModel {
    let pair: ArgumentValue = .tuple([.int(2), .int(2)])
    let kernel: ArgumentValue = .tuple([.int(3), .int(3)])
    let relu: [(String, ArgumentValue)] = [("activation", .string("relu"))]
    var instances = [
      LayerInstance(
        try LayerCatalog.makeInput(
          positional: [], keywords: [("shape", .tuple([.int(224), .int(224), .int(3)]))],
          names: names))
    ]
    for filters in [32, 64] {
      instances.append(try layer("Conv2D", [.int(filters), kernel], relu, names: names))
      instances.append(try layer("Conv2D", [.int(filters), kernel], relu, names: names))
      instances.append(try layer("MaxPooling2D", [pair, pair], names: names))
      instances.append(try layer("BatchNormalization", names: names))
    }
    if flatten {
      instances.append(try layer("Flatten", names: names))
      instances.append(try layer("Dropout", [.float(0.3)], names: names))
      instances.append(try layer("Dense", [.int(64)], relu, names: names))
      instances.append(try layer("Dense", [.int(32)], relu, names: names))
    } else {
      instances.append(try layer("GlobalAveragePooling2D", names: names))
      instances.append(try layer("Dropout", [.float(0.3)], names: names))
    }
    instances.append(
      try layer("Dense", [.int(10)], [("activation", .string("softmax"))], names: names))
    let model = KerasModel(name: flatten ? "flatten_head" : "pooling_head")
    for instance in instances { try model.add(instance) }
    return model
  }

  /// A (60, 90, 3) input, and a name that needs escaping.
  static func nonSquare() throws -> KerasModel {
    let names = NameScope(kerasVersion: .keras2)
    let model = KerasModel(name: "wide<&\"'>")
    try model.add(
      LayerInstance(
        try LayerCatalog.makeInput(
          positional: [], keywords: [("shape", .tuple([.int(60), .int(90), .int(3)]))], names: names
        )))
    try model.add(try layer("Conv2D", [.int(8), .int(3)], names: names))
    try model.add(try layer("Flatten", names: names))
    try model.add(try layer("Dense", [.int(10)], names: names))
    return model
  }

  /// The seed trace with made-up statistics and times: the figure's layout is under test here, not
  /// the forward pass, so the numbers are chosen to exercise every case (exact zeros, negatives,
  /// a layer with no zeros, a tiny mean, a large maximum).
  static func measured(_ trace: ShapeTrace, secondsScale: Double = 0.001) -> ShapeTrace {
    var trace = trace
    for index in trace.steps.indices {
      let step = Float(index)
      let rectified = index % 3 != 0
      trace.steps[index].statistics = ActivationStatistics(
        minimum: rectified ? 0 : -0.25 * step, mean: index == 5 ? 0.00004 : 0.05 * step,
        maximum: index == 2 ? 1234.5 : 0.5 + 0.25 * step,
        zeroFraction: rectified ? Float(index % 10) / 10 : 0)
      trace.steps[index].seconds = index == 0 ? nil : secondsScale * Double(index)
    }
    trace.measurement = TraceMeasurement(
      weights: .initialized(seed: 0), inputSeed: 0, batch: 1, seconds: secondsScale * 100)
    return trace
  }

  /// Every figure this suite draws, by golden-file name.
  static func figures() throws -> [(String, String)] {
    let names = NameScope(kerasVersion: .keras2)
    let flat = try seed(flatten: true, names: names)
    let pooling = try seed(flatten: false, names: names)
    let wide = try nonSquare()
    return [
      ("trace-seed.html", TraceFigure.html(try ShapeTrace(model: flat), number: 1)),
      (
        "adjacency-seed.html", AdjacencyFigure.html(try FlatteningAdjacency(model: flat), number: 2)
      ),
      (
        "adjacency-non-square.html",
        AdjacencyFigure.html(
          try FlatteningAdjacency(model: wide), number: 3, caption: "A <wide> map.")
      ),
      (
        "adjacency-no-flatten.html",
        AdjacencyFigure.html(
          noFlattenIn: pooling.name, message: "model 'pooling_head' has no Flatten layer",
          pooling: try GlobalPoolingPath(model: pooling), number: 4)
      ),
      (
        "compare-seed.html",
        ComparisonFigure.html(try ModelComparison(models: [flat, pooling]), number: 5)
      ),
      (
        "scaling-seed.html",
        ScalingFigure.html(
          try ParameterScaling(models: [flat, pooling], sizes: [8, 32, 64, 128, 224, 320, 512]),
          number: 6)
      ),
      (
        "trace-measured-seed.html",
        TraceFigure.html(Self.measured(try ShapeTrace(model: flat)), number: 7)
      ),
      ("trace-no-statistics.html", TraceFigure.html(try Self.refused(wide), number: 8)),
    ]
  }

  /// A trace whose pass was refused: the shapes with a note.
  static func refused(_ model: KerasModel) throws -> ShapeTrace {
    var trace = try ShapeTrace(model: model)
    trace.measurement = TraceMeasurement(
      weights: .initialized(seed: 0), inputSeed: 0, batch: 1,
      failure:
        "the weights of model \"wide<&>\" need 3.00 GB, more than the memory budget of 2.00 GB")
    return trace
  }

  /// Pages leave the times out: two passes that took different times draw the same bytes.
  @Test func measuredTraceLeavesTimesOut() throws {
    let trace = try ShapeTrace(
      model: try Self.seed(flatten: true, names: NameScope(kerasVersion: .keras2)))
    let fast = TraceFigure.html(Self.measured(trace, secondsScale: 0.001), number: 1)
    let slow = TraceFigure.html(Self.measured(trace, secondsScale: 0.0371), number: 1)
    #expect(fast == slow)
    #expect(!fast.contains(" ms"))
    // The statistics are there, in the picture and in the table.
    #expect(fast.contains("70.0% zeros"))
    #expect(fast.contains("<th scope=\"col\">Zeros</th>"))
    #expect(fast.contains("<td>1,234.5</td>"))
    #expect(fast.contains("4.0e-5"))
    #expect(fast.contains("untrained weights"))
    // A shape-only trace has none of it.
    let plain = TraceFigure.html(trace, number: 1)
    #expect(!plain.contains("zeros") && !plain.contains("Zeros"))
  }

  @Test func refusedPassStillDrawsTheShapesWithANote() throws {
    let html = TraceFigure.html(try Self.refused(try Self.nonSquare()), number: 1)
    #expect(html.contains("(58, 88, 8)"))
    #expect(html.contains("class=\"figure-note\">No activation statistics for wide&lt;&amp;"))
    #expect(html.contains("memory budget"))
    #expect(!html.contains("<th scope=\"col\">Zeros</th>"))
  }

  @Test func figuresMatchTheirGoldenFiles() throws {
    for (name, html) in try Self.figures() {
      try FigureGolden.check(html, named: name)
    }
  }

  @Test func everyInlineSVGIsWellFormedXML() throws {
    for (name, html) in try Self.figures() {
      let svgs = SVGWellFormedness.svgElements(in: html)
      #expect(!svgs.isEmpty, "\(name) has no SVG")
      for svg in svgs {
        #expect(
          SVGWellFormedness.parseError(svg) == nil,
          "\(name): \(SVGWellFormedness.parseError(svg) ?? "")")
      }
      // The whole figure is XHTML-clean too, so no stray markup leaks out of it.
      #expect(
        SVGWellFormedness.parseError(html) == nil,
        "\(name) as XML: \(SVGWellFormedness.parseError(html) ?? "")")
    }
  }

  @Test func figuresAreAccessibleAndNeedNoScript() throws {
    for (name, html) in try Self.figures() {
      #expect(html.hasPrefix("<figure class=\"convbook-"), "\(name)")
      #expect(html.contains("<figcaption>"), "\(name)")
      #expect(html.contains("role=\"img\""), "\(name)")
      #expect(html.contains("<title id="), "\(name)")
      #expect(html.contains("<desc id="), "\(name)")
      #expect(html.contains("viewBox=\"0 0 "), "\(name)")
      #expect(html.contains("width=\"100%\""), "\(name)")
      #expect(!html.lowercased().contains("<script"), "\(name)")
      #expect(!html.contains("wide<&"), "\(name) leaks an unescaped name")
    }
  }

  @Test func renderingIsDeterministic() throws {
    let first = try Self.figures().map(\.1)
    let second = try Self.figures().map(\.1)
    #expect(first == second)
  }

  @Test func seedAdjacencyStatesTheVerticalDistance() throws {
    let html = try Self.figures().first { $0.0 == "adjacency-seed.html" }!.1
    #expect(html.contains("D is 3,392 entries after A"))
    #expect(html.contains("179,776"))
    #expect(html.contains("11,505,664 weights"))
    let wide = try Self.figures().first { $0.0 == "adjacency-non-square.html" }!.1
    #expect(wide.contains("D is 704 entries after A"))
    #expect(wide.contains("W·C = 88·8"))
  }

  @Test func idsAreStableAndDistinct() throws {
    let figures = try Self.figures()
    let ids = figures.compactMap { _, html -> String? in
      guard let range = html.range(of: "id=\"") else { return nil }
      return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
    #expect(ids.first == "fig-1-trace-flatten_head")
    #expect(Set(ids).count == ids.count)
  }
}
