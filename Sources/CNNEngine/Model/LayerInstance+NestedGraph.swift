/// A functional model with several inputs or outputs called as a layer of another model
/// (`skips = down_stack(inputs)`, `encoder([a, b])`): one node whose outputs are the model's
/// outputs, in `model.outputs` order.
extension LayerInstance {
  /// The shapes of the outputs of `model` called on `inputs` (one per model input). Keras checks
  /// the number of inputs first; shapes that fit the model's inputs where those are unknown are
  /// replayed through its graph.
  func callGraphModel(_ model: KerasModel, graph: ModelGraph, onInputs inputs: [TensorShape])
    throws(KerasError) -> [TensorShape]
  {
    var inputs = inputs
    if inputs.count > graph.inputs.count, model.kerasVersion == .keras2 {
      // tf-keras zips the tensors with the model's inputs: the extra ones are never read.
      inputs = Array(inputs.prefix(graph.inputs.count))
    }
    if inputs.count != graph.inputs.count, model.kerasVersion == .keras2 {
      // tf-keras fails deep inside its graph ("Could not compute output"), naming TensorFlow ops
      // (the cell language words that error where it can name them: `ModelInputCount`).
      throw KerasError.limitation(
        "ConvBook does not call the model \"\(model.name)\", which takes \(graph.inputs.count) inputs, on \(inputs.count) tensor\(inputs.count == 1 ? "" : "s")"
      )
    }
    let built = graph.inputs.map(\.shape)
    // Keras 3 checks the number of inputs with the model's input spec.
    if inputs.count != built.count { _ = try model.incompatibleCall(on: inputs) }
    let outputs: [TensorShape]
    if inputs == built {
      outputs = graph.outputs.map(\.shape)
    } else if let replayed = try model.replayedOutputShapes(on: inputs) {
      outputs = replayed
    } else {
      outputs = try model.incompatibleCall(on: inputs)
    }
    if nodeCount == 0 {
      inputShape = model.inputShape
      outputShape = model.outputShape
      if graph.outputs.count > 1 { outputShapeList = graph.outputs.map(\.shape) }
      if graph.inputs.count > 1 { listInputShapes = built }
    }
    nodeOutputShapes.append(outputs[0])
    return outputs
  }
}
