/// Calls of a layer inside functional graphs: merge layers on lists of tensors, and layers called
/// more than once (shared weights, one Keras node per call).
extension LayerInstance {
  /// Whether this is a Keras 3 operation (`x + y`): a node of the graph, not one of `model.layers`.
  public var isKeras3Operation: Bool {
    (layer as? any TensorOperationLayer)?.isKeras3Operation ?? false
  }

  /// How many times the layer has been called: the node index its next call gets.
  public var nodeCount: Int { nodeOutputShapes.count }

  /// Whether calls gave different output shapes; Keras' `output_shape` then raises and the summary
  /// prints `multiple`.
  public var hasMultipleOutputShapes: Bool { Set(nodeOutputShapes).count > 1 }

  /// Runs the layer on symbolic inputs of `inputs` shapes; `asList` when the call passed a list.
  func call(onInputs inputs: [TensorShape], asList: Bool, values: [[Int?]?] = [])
    throws(KerasError) -> TensorShape
  {
    if let merge = layer as? any MultiInputLayer {
      guard asList, !inputs.isEmpty else { return try call(on: inputs[0]) }
      let output: TensorShape
      if let operation = merge as? any TensorOperationLayer {
        output = try operation.outputShape(forInputs: inputs, values: values)
      } else {
        output = try merge.outputShape(forInputs: inputs)
      }
      if !isBuilt {
        ownCounts = try LayerCounts.measure(layer, inputs: inputs, output: output)
        // Keras reports the shape of the call's first argument: `()` for the number of `1 - x`.
        // (the constant tensor's shape for `position_embedding + x`).
        let lambda = layer as? TFOpLambda
        let numberFirst = lambda?.constantFirst ?? false
        let constant = lambda?.constantTensor.map { TensorShape($0.shape.map { Optional($0) }) }
        inputShape = numberFirst ? constant ?? TensorShape([]) : inputs[0]
        callInputShapes = inputs
        // tf-keras reports a `MultiHeadAttention`'s query alone (its one positional tensor).
        let queryOnly = layer is MultiHeadAttention && layer.common.kerasVersion == .keras2
        // A TensorFlow function whose first argument is the list (`tf.concat([a, b])`) too.
        let listFunction: Bool
        switch (layer as? TensorFunctionLayer)?.function {
        case .concat?, .stack?: listFunction = true
        default: listFunction = false
        }
        if layer is Merge || layer is Dot || layer is Lambda || listFunction
          || (layer is any AttentionLayer && !queryOnly)
        {
          listInputShapes = inputs
        }
        outputShape = output
      }
      nodeOutputShapes.append(output)
      return output
    }
    if isBuilt, model == nil, let first = inputShape {
      let output = try layer.outputShape(for: inputs[0])
      guard layer.weights(for: inputs[0]) == layer.weights(for: first) else {
        throw KerasError.limitation(
          "ConvBook does not call the layer \"\(name)\", built for inputs of shape \(first), on inputs of shape \(inputs[0]) whose weights would differ"
        )
      }
      nodeOutputShapes.append(output)
      return output
    }
    return try call(on: inputs[0])
  }
}
