/// The inputs and outputs of a model as a forward pass takes and gives them, by Keras' names.
extension ForwardPass {
  /// What a run of `model` on inputs of `inputShapes` (one per model input) would hold.
  public static func estimate(model: KerasModel, inputShapes: [[Int]]) throws(ForwardError)
    -> MemoryEstimate
  {
    if inputShapes.count == 1, !ForwardGraph.needed(for: model) {
      return try estimate(model: model, inputShape: inputShapes[0])
    }
    return try graphEstimate(model: model, program: program(for: model), inputShapes: inputShapes)
  }

  /// The names of `model`'s inputs (its input layers), in `model.inputs` order.
  public static func inputNames(of model: KerasModel) -> [String] {
    if let graph = model.graph { return graph.inputs.map(\.producer.name) }
    return [model.tensors?.first?.producer.name ?? "input"]
  }

  /// The names of `model`'s outputs (the layers that make them), in `model.outputs` order.
  public static func outputNames(of model: KerasModel) -> [String] {
    if let graph = model.graph { return graph.outputs.map(\.producer.name) }
    return [model.tensors?.last?.producer.name ?? model.name]
  }
}
