/// A model's calls unrolled into one list over numbered values, for the forward pass of graphs:
/// nested models (Sequential or functional, at any depth) are replaced by their own calls, a
/// shared layer appears once per call (its weights are packed once), and each value knows its
/// last reader so that its buffer is released, or overwritten in place, as soon as it has run.
struct ForwardGraph {
  struct Call {
    /// Never a nested model: those are unrolled.
    let instance: LayerInstance
    let inputs: [Int]
    let output: Int
    /// Whether the layer takes a list of tensors (merges, `Dot`, `TFOpLambda`).
    let isMultiInput: Bool
  }

  private(set) var calls: [Call] = []
  private(set) var valueCount = 0
  /// The values of the model's inputs, in `model.inputs` order.
  private(set) var inputs: [Int] = []
  /// The values of the model's outputs, in `model.outputs` order.
  private(set) var outputs: [Int] = []
  /// The layers that run, once each, in first-call order (nested models' layers included).
  private(set) var layers: [LayerInstance] = []

  init(model: SequentialModel) throws(ForwardError) {
    let count = model.graph?.inputs.count ?? 1
    inputs = (0..<count).map { _ in newValue() }
    outputs = try unroll(model, inputs: inputs)
  }

  /// Whether a model needs this representation: a graph, or a graph nested at any depth, or a
  /// layer that runs as a merge step (a `Lambda` in a chain).
  static func needed(for model: SequentialModel) -> Bool {
    model.graph != nil
      || model.layers.contains { $0.model.map(needed(for:)) ?? ($0.layer is Lambda) }
  }

  private mutating func newValue() -> Int {
    valueCount += 1
    return valueCount - 1
  }

  private mutating func append(_ instance: LayerInstance, inputs: [Int]) -> Int {
    let output = newValue()
    if !layers.contains(where: { $0 === instance }) { layers.append(instance) }
    calls.append(
      Call(
        instance: instance, inputs: inputs, output: output,
        isMultiInput: instance.layer is any MultiInputLayer))
    return output
  }

  /// Appends the calls of `model` on `inputs`; returns the values of its outputs.
  private mutating func unroll(_ model: SequentialModel, inputs: [Int]) throws(ForwardError)
    -> [Int]
  {
    guard model.isBuilt else {
      throw ForwardError(.model, "model \"\(model.name)\" is not built: its input shape is unknown")
    }
    guard let graph = model.graph else {
      var current = inputs[0]
      for instance in model.layers where !instance.isInputLayer {
        if let nested = instance.model {
          current = try unroll(nested, inputs: [current])[0]
        } else {
          current = append(instance, inputs: [current])
        }
      }
      return [current]
    }
    var values: [ObjectIdentifier: Int] = [:]
    for (tensor, value) in zip(graph.inputs, inputs) { values[ObjectIdentifier(tensor)] = value }
    for node in graph.nodes where values[ObjectIdentifier(node)] == nil {
      var nodeInputs: [Int] = []
      for input in node.inputs {
        guard let value = values[ObjectIdentifier(input)] else {
          throw ForwardError(
            .model, "layer \"\(node.producer.name)\" reads a tensor the graph does not compute")
        }
        nodeInputs.append(value)
      }
      if let nested = node.producer.model {
        values[ObjectIdentifier(node)] = try unroll(nested, inputs: nodeInputs)[0]
      } else {
        values[ObjectIdentifier(node)] = append(node.producer, inputs: nodeInputs)
      }
    }
    var result: [Int] = []
    for output in graph.outputs {
      guard let value = values[ObjectIdentifier(output)] else {
        throw ForwardError(
          .model, "model \"\(model.name)\" has an output its graph does not compute")
      }
      result.append(value)
    }
    return result
  }

  /// How many calls read each value (an output of the model counts as one more reader, so that it
  /// is never overwritten).
  func readerCounts() -> [Int] {
    var counts = [Int](repeating: 0, count: valueCount)
    for call in calls { for input in call.inputs { counts[input] += 1 } }
    for output in outputs { counts[output] += 1 }
    for input in inputs { counts[input] += 1 }
    return counts
  }

  /// The concrete shape of every value for inputs of `inputShapes`, as Keras infers them.
  func shapes(inputShapes: [[Int]]) throws(ForwardError) -> [[Int]] {
    var shapes = [[Int]](repeating: [], count: valueCount)
    // The values of shape tensors (`tf.shape(x)[0]`), which some output shapes depend on.
    var values = [[Int?]?](repeating: nil, count: valueCount)
    for (value, shape) in zip(inputs, inputShapes) { shapes[value] = shape }
    for call in calls {
      let given = call.inputs.map { TensorShape(shapes[$0].map { Optional($0) }) }
      let shape: TensorShape
      do {
        if let operation = call.instance.layer as? any TensorOperationLayer {
          let known = call.inputs.map { values[$0] }
          shape = try operation.outputShape(forInputs: given, values: known)
          values[call.output] = operation.outputValue(forInputs: given, values: known)
        } else if call.isMultiInput, let multi = call.instance.layer as? any MultiInputLayer {
          shape = try multi.outputShape(forInputs: given)
        } else {
          shape = try call.instance.layer.outputShape(for: given[0])
        }
      } catch {
        throw ForwardError(.input, "layer \"\(call.instance.name)\": \(error.message)")
      }
      let dimensions = shape.dimensions.compactMap { $0 }
      guard dimensions.count == shape.rank else {
        throw ForwardError(
          .input, "layer \"\(call.instance.name)\" has an output of unknown size \(shape)")
      }
      guard dimensions.allSatisfy({ $0 >= 0 }) else {
        throw ForwardError(
          .input, "layer \"\(call.instance.name)\" has an output of negative size \(shape)")
      }
      shapes[call.output] = dimensions
    }
    return shapes
  }

  /// The most values alive at once during a run (inputs held throughout), checked.
  func peakLiveValues(counts: [Int]) throws(Exact.Overflow) -> Int {
    var remaining = readerCounts()
    var live = 0
    for input in inputs { live = try Exact.add(live, counts[input]) }
    var peak = live
    for call in calls {
      live = try Exact.add(live, counts[call.output])
      peak = max(peak, live)
      for input in call.inputs {
        remaining[input] -= 1
        if remaining[input] == 0 { live -= counts[input] }
      }
    }
    return peak
  }
}
