/// A built model called on a shape that fits its input only where that is unknown: a
/// `keras.applications` base made without `input_shape` (`(None, None, None, 3)`) and called on
/// 180x180 images. Keras runs the model's layers on the new shape; their weights stay the ones
/// built, which the new shape must not change.
extension SequentialModel {
  /// The output shape of this model run on `shape`, or nil when `shape` does not fit the model's
  /// input shape (another rank, or a known size that differs). A layer whose weights would change
  /// is refused as ConvBook's limitation.
  public func replayedOutputShape(on shape: TensorShape) throws(KerasError) -> TensorShape? {
    guard let built = inputShape, Self.fits(shape, built) else { return nil }
    if shape == built { return outputShape }
    if let graph {
      guard graph.inputs.count == 1, graph.outputs.count == 1 else { return nil }
      // By node: every node replayed here has one output (a call with several is not replayed).
      var shapes: [ObjectIdentifier: TensorShape] = [ObjectIdentifier(graph.inputs[0].node): shape]
      for node in graph.nodes where !node.isInput {
        guard !node.hasSeveralOutputs, !node.takesMask else { return nil }
        let inputs = node.inputs.compactMap { shapes[ObjectIdentifier($0.node)] }
        guard inputs.count == node.inputs.count, !inputs.isEmpty else { return nil }
        guard let output = try Self.replay(node.producer, on: inputs) else { return nil }
        shapes[ObjectIdentifier(node)] = output
      }
      return shapes[ObjectIdentifier(graph.outputs[0].node)]
    }
    var current = shape
    for instance in layers where !instance.isInputLayer {
      guard let output = try Self.replay(instance, on: [current]) else { return nil }
      current = output
    }
    return current
  }

  /// One layer of the model on new input shapes.
  private static func replay(_ instance: LayerInstance, on inputs: [TensorShape])
    throws(KerasError) -> TensorShape?
  {
    if let nested = instance.model { return try nested.replayedOutputShape(on: inputs[0]) }
    let output: TensorShape
    let weights: [WeightSpec]
    if let merge = instance.layer as? any MultiInputLayer,
      inputs.count > 1 || instance.listInputShapes != nil
    {
      output = try merge.outputShape(forInputs: inputs)
      weights = merge.weights(forInputs: inputs)
    } else {
      output = try instance.layer.outputShape(for: inputs[0])
      weights = instance.layer.weights(for: inputs[0])
    }
    guard weights.map(\.shape) == instance.weights.map(\.shape) else {
      throw KerasError.limitation(
        "ConvBook does not call the layer \"\(instance.name)\", built for inputs of shape \(instance.inputShape.map(\.description) ?? "None"), on inputs of shape \(inputs[0]) whose weights would differ"
      )
    }
    return output
  }

  /// Whether `shape` has `built`'s rank and its sizes wherever `built` knows them.
  static func fits(_ shape: TensorShape, _ built: TensorShape) -> Bool {
    guard shape.rank == built.rank else { return false }
    return zip(shape.dimensions, built.dimensions).allSatisfy { given, known in
      known == nil || given == known
    }
  }
}
