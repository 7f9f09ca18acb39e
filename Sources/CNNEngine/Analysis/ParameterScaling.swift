/// Parameters and multiply-accumulates of models as their square input grows, computed by
/// replaying each model's layers on a resized input shape. The models themselves are untouched.
public struct ParameterScaling: Sendable, Equatable {
  /// One model at one input size; `invalidReason` explains a size the model cannot take.
  public struct Point: Sendable, Equatable {
    public var size: Int
    public var parameters: Int?
    public var multiplyAccumulates: Int?
    /// The shape entering the model's head (its last spatial map), for the tables.
    public var lastMap: TensorShape?
    public var invalidReason: String?

    public var isValid: Bool { parameters != nil }

    public init(
      size: Int, parameters: Int? = nil, multiplyAccumulates: Int? = nil,
      lastMap: TensorShape? = nil,
      invalidReason: String? = nil
    ) {
      self.size = size
      self.parameters = parameters
      self.multiplyAccumulates = multiplyAccumulates
      self.lastMap = lastMap
      self.invalidReason = invalidReason
    }
  }

  public struct Series: Sendable, Equatable {
    public var modelName: String
    /// The input the model was defined with.
    public var definedInput: TensorShape
    public var points: [Point]
  }

  /// The sizes ConvBook uses when none are given: 32 to 512 pixels square.
  public static let defaultSizes = [32, 64, 96, 128, 160, 192, 224, 256, 320, 384, 448, 512]

  public var sizes: [Int]
  public var series: [Series]

  public init(models: [KerasModel], sizes: [Int]) throws(AnalysisError) {
    self.sizes = sizes
    var series: [Series] = []
    for model in models {
      guard let input = model.inputShape else { throw .notBuilt(model: model.name) }
      let layout = LayerDataFormat.inputLayout(of: model.layers)
      let spatialAxes = layout.spatialAxes(rank: input.rank)
      guard input.rank >= 3 else { throw .noSpatialInput(model: model.name, shape: input) }
      if ForwardGraph.needed(for: model) {
        let graph: ForwardGraph
        do {
          graph = try ForwardGraph(model: model)
        } catch {
          let points = sizes.map { Point(size: $0, invalidReason: error.message) }
          series.append(Series(modelName: model.name, definedInput: input, points: points))
          continue
        }
        let inputs = model.graph?.inputs.map(\.shape) ?? [input]
        let points = sizes.map { size in
          let resized = inputs.map { shape in
            // Every input with the first input's spatial layout is resized.
            guard shape.rank == input.rank else { return shape }
            var dimensions = shape.dimensions
            for axis in spatialAxes { dimensions[axis] = size }
            return TensorShape(dimensions)
          }
          return Self.replay(graph, on: resized, size: size)
        }
        series.append(Series(modelName: model.name, definedInput: input, points: points))
        continue
      }
      let points = sizes.map { size in
        var dimensions = input.dimensions
        for axis in spatialAxes { dimensions[axis] = size }
        return Self.replay(model.layers, on: TensorShape(dimensions), size: size)
      }
      series.append(Series(modelName: model.name, definedInput: input, points: points))
    }
    self.series = series
  }

  /// Runs a graph's shape inference on `inputs` call by call (nested models unrolled), summing
  /// what each layer would cost at its first call there: each layer once, as the model's totals
  /// count it. The head's map is the last spatial tensor a call reads.
  static func replay(_ graph: ForwardGraph, on inputs: [TensorShape], size: Int) -> Point {
    var shapes = [TensorShape?](repeating: nil, count: graph.valueCount)
    var values = [[Int?]?](repeating: nil, count: graph.valueCount)
    for (value, shape) in zip(graph.inputs, inputs) {
      if shape.sample.contains(where: { ($0 ?? 1) <= 0 }) {
        return Point(size: size, invalidReason: "the input \(shape) has an empty dimension")
      }
      shapes[value] = shape
    }
    var parameters = 0
    var multiplyAccumulates = 0
    var lastMap: TensorShape?
    var counted = Set<ObjectIdentifier>()
    for call in graph.calls {
      let given = call.inputs.compactMap { shapes[$0] }
      guard given.count == call.inputs.count else {
        return Point(size: size, invalidReason: "\(call.instance.name) reads a tensor not computed")
      }
      if let map = given.last(where: { $0.rank >= 3 }) { lastMap = map }
      let outputs: [TensorShape]
      do {
        let result = try ForwardGraph.outputShapes(
          of: call, given: given, values: call.inputs.map { values[$0] })
        outputs = result.shapes
        values[call.outputs[0]] = result.value
      } catch {
        let short = !error.message.contains("\n") && error.message.count <= 160
        return Point(
          size: size,
          invalidReason: "\(call.instance.name) (\(call.instance.className)) cannot take "
            + given.map(\.description).joined(separator: ", ")
            + (short ? ": \(error.message)" : ": a dimension would drop to zero or below"))
      }
      for (value, output) in zip(call.outputs, outputs) {
        if output.sample.contains(where: { ($0 ?? 1) <= 0 }) {
          return Point(size: size, invalidReason: "\(call.instance.name) would output \(output)")
        }
        shapes[value] = output
      }
      guard counted.insert(ObjectIdentifier(call.instance)).inserted else { continue }
      do {
        let counts =
          call.isMultiInput
          ? try LayerCounts.measure(
            call.instance.layer, inputs: call.instance.layerInputs(given), output: outputs[0])
          : try LayerCounts.measure(call.instance.layer, input: given[0], output: outputs[0])
        parameters = try Exact.add(parameters, counts.parameters)
        multiplyAccumulates = try Exact.add(multiplyAccumulates, counts.multiplyAccumulates)
      } catch {
        return Point(
          size: size,
          invalidReason:
            "the counts of \(call.instance.name) (\(call.instance.className)) on \(given[0]) overflow 64-bit integers"
        )
      }
    }
    return Point(
      size: size, parameters: parameters, multiplyAccumulates: multiplyAccumulates, lastMap: lastMap
    )
  }

  /// Runs the layers' shape inference on `input`, summing what each layer would cost there.
  static func replay(_ layers: [LayerInstance], on input: TensorShape, size: Int) -> Point {
    var shape = input
    var parameters = 0
    var multiplyAccumulates = 0
    var lastMap: TensorShape?
    if input.sample.contains(where: { ($0 ?? 1) <= 0 }) {
      return Point(size: size, invalidReason: "the input \(input) has an empty dimension")
    }
    // A functional chain lists its InputLayer, whose output is the shape it was defined with:
    // replayed, it would put that shape back at every size (a constant line, hostile batch9).
    for instance in layers where !instance.isInputLayer {
      if shape.rank >= 3 { lastMap = shape }
      let output: TensorShape
      do {
        output = try instance.layer.outputShape(for: shape)
      } catch {
        // Keras' messages for a window larger than its map run to several lines of graph detail;
        // a figure note needs the layer and the shape that does not fit.
        let short = !error.message.contains("\n") && error.message.count <= 160
        return Point(
          size: size,
          invalidReason: "\(instance.name) (\(instance.className)) cannot take \(shape)"
            + (short ? ": \(error.message)" : ": a dimension would drop to zero or below"))
      }
      if output.sample.contains(where: { ($0 ?? 1) <= 0 }) {
        return Point(size: size, invalidReason: "\(instance.name) would output \(output)")
      }
      do {
        let counts = try LayerCounts.measure(instance.layer, input: shape, output: output)
        parameters = try Exact.add(parameters, counts.parameters)
        multiplyAccumulates = try Exact.add(multiplyAccumulates, counts.multiplyAccumulates)
      } catch {
        return Point(
          size: size,
          invalidReason:
            "the counts of \(instance.name) (\(instance.className)) on \(shape) overflow 64-bit integers"
        )
      }
      shape = output
    }
    return Point(
      size: size, parameters: parameters, multiplyAccumulates: multiplyAccumulates, lastMap: lastMap
    )
  }
}
