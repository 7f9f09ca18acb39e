/// A model's calls unrolled into one list over numbered values, for the forward pass of graphs:
/// nested models (Sequential or functional, at any depth) are replaced by their own calls, a
/// shared layer appears once per call (its weights are packed once), and each value knows its
/// last reader so that its buffer is released, or overwritten in place, as soon as it has run.
struct ForwardGraph {
  struct Call {
    /// Never a nested model: those are unrolled.
    let instance: LayerInstance
    let inputs: [Int]
    /// The values of the call's outputs (one for most layers).
    let outputs: [Int]
    /// Whether the layer takes a list of tensors (merges, `Dot`, `TFOpLambda`).
    let isMultiInput: Bool
    /// A call that returns several tensors or takes states beside its input (`return_state`,
    /// `initial_state=`, `merge_mode=None`, attention scores): run by `MultiOutputStep`.
    let isMultiOutput: Bool

    /// The call's first (most often only) output.
    var output: Int { outputs[0] }
  }

  private(set) var calls: [Call] = []
  private(set) var valueCount = 0
  /// The values of the model's inputs, in `model.inputs` order.
  private(set) var inputs: [Int] = []
  /// The values of the model's outputs, in `model.outputs` order.
  private(set) var outputs: [Int] = []
  /// The layers that run, once each, in first-call order (nested models' layers included).
  private(set) var layers: [LayerInstance] = []

  init(model: KerasModel) throws(ForwardError) {
    let count = model.graph?.inputs.count ?? 1
    inputs = (0..<count).map { _ in newValue() }
    outputs = try unroll(model, inputs: inputs)
  }

  /// Whether a model needs this representation: a graph, or a graph nested at any depth, or a
  /// layer that runs as a merge step (a `Lambda` in a chain).
  static func needed(for model: KerasModel) -> Bool {
    model.graph != nil
      || model.layers.contains { $0.model.map(needed(for:)) ?? ($0.layer is Lambda) }
  }

  private mutating func newValue() -> Int {
    valueCount += 1
    return valueCount - 1
  }

  private mutating func append(_ instance: LayerInstance, inputs: [Int], outputCount: Int = 1)
    -> [Int]
  {
    let outputs = (0..<outputCount).map { _ in newValue() }
    if !layers.contains(where: { $0 === instance }) { layers.append(instance) }
    let multiInput = instance.layer is any MultiInputLayer
    calls.append(
      Call(
        instance: instance, inputs: inputs, outputs: outputs, isMultiInput: multiInput,
        isMultiOutput: outputCount > 1 || (!multiInput && inputs.count > 1)))
    return outputs
  }

  /// Appends the calls of `model` on `inputs`; returns the values of its outputs.
  private mutating func unroll(_ model: KerasModel, inputs: [Int]) throws(ForwardError)
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
          current = append(instance, inputs: [current])[0]
        }
      }
      return [current]
    }
    // The values of each node's outputs, by node.
    var values: [ObjectIdentifier: [Int]] = [:]
    for (tensor, value) in zip(graph.inputs, inputs) {
      values[ObjectIdentifier(tensor.node)] = [value]
    }
    func value(of tensor: KerasTensor) -> Int? {
      guard let outputs = values[ObjectIdentifier(tensor.node)],
        tensor.outputIndex < outputs.count
      else { return nil }
      return outputs[tensor.outputIndex]
    }
    // Keras 3's mask operations are left out: the forward pass carries masks with the values.
    for node in graph.nodes
    where values[ObjectIdentifier(node)] == nil && !(node.producer.layer is MaskOperation) {
      var nodeInputs: [Int] = []
      for input in node.dataInputs {
        guard let value = value(of: input) else {
          throw ForwardError(
            .model, "layer \"\(node.producer.name)\" reads a tensor the graph does not compute")
        }
        nodeInputs.append(value)
      }
      if let nested = node.producer.model {
        values[ObjectIdentifier(node)] = try unroll(nested, inputs: nodeInputs)
      } else {
        values[ObjectIdentifier(node)] = append(
          node.producer, inputs: nodeInputs, outputCount: node.outputShapes.count)
      }
    }
    var result: [Int] = []
    for output in graph.outputs {
      guard let value = value(of: output) else {
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
      // Keras 3 lets a model built for other inputs be called on these (its shapes are inferred
      // without weights); a layer's weights must still fit what it runs on.
      let instance = call.instance
      if !call.isMultiInput, !call.isMultiOutput, let built = instance.inputShape,
        given[0] != built,
        !(instance.layer is any TensorOperationLayer),
        instance.layer.weights(for: given[0]).map(\.shape) != instance.weights.map(\.shape)
      {
        throw ForwardError(
          .input,
          "layer \"\(instance.name)\" was built for inputs of shape \(built) and cannot run on inputs of shape \(given[0])"
        )
      }
      let outputShapes: [TensorShape]
      do {
        let result = try Self.outputShapes(
          of: call, given: given, values: call.inputs.map { values[$0] })
        outputShapes = result.shapes
        values[call.outputs[0]] = result.value
      } catch {
        throw ForwardError(.input, "layer \"\(call.instance.name)\": \(error.message)")
      }
      guard outputShapes.count == call.outputs.count else {
        throw ForwardError(
          .model, "layer \"\(call.instance.name)\" returns another number of tensors than its call")
      }
      for (value, shape) in zip(call.outputs, outputShapes) {
        let dimensions = shape.dimensions.compactMap { $0 }
        guard dimensions.count == shape.rank else {
          throw ForwardError(
            .input, "layer \"\(call.instance.name)\" has an output of unknown size \(shape)")
        }
        guard dimensions.allSatisfy({ $0 >= 0 }) else {
          throw ForwardError(
            .input, "layer \"\(call.instance.name)\" has an output of negative size \(shape)")
        }
        shapes[value] = dimensions
      }
    }
    return shapes
  }

  /// What one call returns for inputs of `given` shapes (`values`: what is known of each input's
  /// value): its output shapes, and what is known of its first output's value. Shapes only: the
  /// layer's weights are not checked against them.
  static func outputShapes(of call: Call, given: [TensorShape], values: [[Int?]?])
    throws(KerasError) -> (shapes: [TensorShape], value: [Int?]?)
  {
    let layer = call.instance.layer
    if let operation = layer as? any TensorOperationLayer {
      return (
        try operation.outputShapes(forInputs: given, values: values),
        operation.outputValue(forInputs: given, values: values)
      )
    }
    if call.outputs.count > 1, let lambda = layer as? Lambda {
      return (try lambda.outputShapes(forInputs: call.instance.layerInputs(given)), nil)
    }
    if call.isMultiInput, let multi = layer as? any MultiInputLayer {
      let given = call.instance.layerInputs(given)
      let output = try multi.outputShape(forInputs: given)
      if call.outputs.count > 1, let attention = multi as? MultiHeadAttention {
        let key = given.count > 2 ? given[2] : given[1]
        return ([output, attention.scoresShape(query: given[0], key: key)], nil)
      }
      return ([output], nil)
    }
    if call.isMultiOutput, let multi = layer as? any MultiOutputLayer {
      return (try multi.outputShapes(for: given[0], states: Array(given.dropFirst())), nil)
    }
    return ([try layer.outputShape(for: given[0])], nil)
  }

  /// The most values alive at once during a run (inputs held throughout), checked.
  func peakLiveValues(counts: [Int]) throws(Exact.Overflow) -> Int {
    var remaining = readerCounts()
    var live = 0
    for input in inputs { live = try Exact.add(live, counts[input]) }
    var peak = live
    for call in calls {
      for output in call.outputs { live = try Exact.add(live, counts[output]) }
      peak = max(peak, live)
      for input in call.inputs {
        remaining[input] -= 1
        if remaining[input] == 0 { live -= counts[input] }
      }
    }
    return peak
  }
}
