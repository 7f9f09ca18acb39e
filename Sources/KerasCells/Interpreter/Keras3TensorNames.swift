import CNNEngine

/// How many `KerasTensor`s Keras 3 makes on the way to a call's outputs, which use up
/// `keras_tensor_N` names before the outputs take theirs (Keras 3 names every `KerasTensor` it
/// makes from one session counter, `auto_name("keras_tensor")`).
///
/// Measured with Keras 3.15 (`Tests/Fixtures/keras/corpus/680-*`): most layers make only their
/// outputs (`compute_output_spec`); a `Lambda` without `output_shape=` infers its shape by making
/// one tensor per input and tracing the function (one per output) before the outputs; a model
/// called on inputs of other shapes than its own runs `compute_output_spec` through every layer of
/// its graph (`Function._run_through_graph`), its last layer's tensors being the outputs, while one
/// called on its own shapes takes a shortcut that makes only the outputs.
enum Keras3TensorNames {
  /// The tensors Keras 3 makes before the outputs of calling `instance` on tensors of `shapes`.
  static func madeBefore(_ instance: LayerInstance, on shapes: [TensorShape]) -> Int {
    if let lambda = instance.layer as? Lambda {
      guard case .none = lambda.common.arguments["output_shape"] else { return 0 }
      return shapes.count + 1
    }
    if let model = instance.model, model.isBuilt, let own = ownInputShapes(of: model),
      own != shapes
    {
      return max(madeThroughGraph(model) - 1, 0)
    }
    return 0
  }

  /// The shapes of a built model's inputs, in order.
  private static func ownInputShapes(of model: KerasModel) -> [TensorShape]? {
    if let graph = model.graph { return graph.inputs.map(\.shape) }
    return model.inputShape.map { [$0] }
  }

  /// The tensors `compute_output_spec` makes through every layer of `model` (the long road): each
  /// layer's outputs, with what a Lambda or a nested model makes on the way.
  private static func madeThroughGraph(_ model: KerasModel) -> Int {
    var count = 0
    func add(_ layer: LayerInstance, outputs: Int, inputs: Int) {
      if layer.isInputLayer { return }
      if let nested = layer.model, nested.isBuilt {
        count += madeThroughGraph(nested)
        return
      }
      if let lambda = layer.layer as? Lambda, case .none = lambda.common.arguments["output_shape"] {
        count += inputs + 1
      }
      count += outputs
    }
    if let graph = model.graph {
      for node in graph.nodes {
        add(node.producer, outputs: node.outputShapes.count, inputs: node.dataInputs.count)
      }
    } else {
      for layer in model.layers { add(layer, outputs: 1, inputs: 1) }
    }
    return count
  }
}
