/// A built model called on a shape that fits its input only where that is unknown: a
/// `keras.applications` base made without `input_shape` (`(None, None, None, 3)`) and called on
/// 180x180 images. Keras runs the model's layers on the new shape; their weights stay the ones
/// built, which the new shape must not change.
extension KerasModel {
  /// The output shape of this model run on `shape`, or nil when `shape` does not fit the model's
  /// input shape (another rank, or a known size that differs). A layer whose weights would change
  /// is refused as ConvBook's limitation.
  public func replayedOutputShape(on shape: TensorShape) throws(KerasError) -> TensorShape? {
    guard let shapes = try replayedOutputShapes(on: [shape]), shapes.count == 1 else { return nil }
    return shapes[0]
  }

  /// The output shapes of this model run on `shapes` (one per input), or nil when they do not fit
  /// the model's input shapes. A graph is replayed node by node, nested models (with several
  /// outputs too) through their own graphs.
  func replayedOutputShapes(on shapes: [TensorShape]) throws(KerasError) -> [TensorShape]? {
    guard let graph else {
      guard shapes.count == 1, let built = inputShape, Self.fits(shapes[0], built) else {
        return nil
      }
      if shapes[0] == built { return outputShape.map { [$0] } }
      var current = shapes[0]
      for instance in layers where !instance.isInputLayer {
        guard let output = try Self.replay(instance, on: [current], kerasVersion) else {
          return nil
        }
        current = output
      }
      return [current]
    }
    let built = graph.inputs.map(\.shape)
    guard shapes.count == built.count, zip(shapes, built).allSatisfy(Self.fits) else { return nil }
    if shapes == built { return graph.outputs.map(\.shape) }
    // By node: the shapes of each node's outputs.
    var known: [ObjectIdentifier: [TensorShape]] = [:]
    for (tensor, shape) in zip(graph.inputs, shapes) {
      known[ObjectIdentifier(tensor.node)] = [shape]
    }
    func shape(of tensor: KerasTensor) -> TensorShape? {
      guard let outputs = known[ObjectIdentifier(tensor.node)],
        outputs.indices.contains(tensor.outputIndex)
      else { return nil }
      return outputs[tensor.outputIndex]
    }
    for node in graph.nodes where known[ObjectIdentifier(node)] == nil {
      guard !node.isInput, !node.takesMask else { return nil }
      let inputs = node.inputs.compactMap(shape(of:))
      guard inputs.count == node.inputs.count, !inputs.isEmpty else { return nil }
      if let nested = node.producer.model {
        guard let outputs = try nested.replayedOutputShapes(on: inputs),
          outputs.count == node.outputShapes.count
        else { return nil }
        known[ObjectIdentifier(node)] = outputs
        continue
      }
      guard !node.hasSeveralOutputs,
        let output = try Self.replay(node.producer, on: inputs, kerasVersion)
      else {
        return nil
      }
      known[ObjectIdentifier(node)] = [output]
    }
    var outputs: [TensorShape] = []
    for tensor in graph.outputs {
      guard let output = shape(of: tensor) else { return nil }
      outputs.append(output)
    }
    return outputs
  }

  /// One layer of the model on new input shapes. A merge layer whose new inputs do not fit
  /// together fails in tf-keras inside TensorFlow's graph (the built layer runs its op, which
  /// TensorFlow's shape inference stops, naming the ops that made its inputs), which ConvBook
  /// does not reproduce: its limitation there.
  private static func replay(
    _ instance: LayerInstance, on inputs: [TensorShape], _ kerasVersion: KerasVersion
  ) throws(KerasError) -> TensorShape? {
    if let nested = instance.model { return try nested.replayedOutputShape(on: inputs[0]) }
    let output: TensorShape
    let weights: [WeightSpec]
    if let merge = instance.layer as? any MultiInputLayer,
      inputs.count > 1 || instance.listInputShapes != nil
    {
      do {
        output = try merge.outputShape(forInputs: instance.layerInputs(inputs))
      } catch  where kerasVersion == .keras2 && error.type == "ValueError" {
        throw .limitation(
          "ConvBook does not support running the model's layer '\(instance.name)' on the shapes \(inputs.map(\.description).joined(separator: " and ")) yet: tf-keras stops there with TensorFlow's graph error, which ConvBook does not reproduce"
        )
      }
      weights = merge.weights(forInputs: instance.layerInputs(inputs))
    } else {
      output = try instance.layer.outputShape(for: inputs[0])
      weights = instance.layer.weights(for: inputs[0])
    }
    guard weights.map(\.shape) == instance.weights.map(\.shape) else {
      throw instance.rebuildRefusal(built: instance.inputShape, given: inputs[0])
    }
    return output
  }

  /// Whether `shape` fits this built model's input shape: Keras runs the model's layers on it
  /// (`replayedOutputShape(on:)`) while the model keeps reporting its own shapes.
  public func fitsInput(_ shape: TensorShape) -> Bool {
    guard let built = inputShape else { return false }
    return Self.fits(shape, built)
  }

  /// Whether `shape` has `built`'s rank and its sizes wherever `built` knows them.
  static func fits(_ shape: TensorShape, _ built: TensorShape) -> Bool {
    guard shape.rank == built.rank else { return false }
    return zip(shape.dimensions, built.dimensions).allSatisfy { given, known in
      known == nil || given == known
    }
  }
}
