import CNNKernels

/// A layer called on constant data while a model is being defined, which TensorFlow runs at once
/// (eagerly) instead of adding it to the graph: `layers.Embedding(n, d)(tf.range(n))` gives a
/// constant tensor, a position embedding that the model then adds to a Keras tensor. The layer is
/// built (it has weights, `layer.built` is true) but is not part of any model.
///
/// The weights are drawn as the forward pass draws every weight (`ModelWeights.initialized`: the
/// layer's initializer, a `SeededGenerator` stream named after the weight), so the constant is the
/// same on every run for the same seed; the values are not TensorFlow's.
public enum EagerLayerCall {
  /// `embedding(indices)` for whole-number `indices` of `shape`: shape + [output_dim].
  public static func embedding(
    _ instance: LayerInstance, indices: [Float], shape: [Int], seed: UInt64
  ) throws(KerasError) -> Tensor {
    guard let layer = instance.layer as? Embedding else {
      throw .limitation(
        "ConvBook runs only an Embedding layer on constant data, not \(instance.className)")
    }
    _ = try instance.call(on: TensorShape(shape.map { Optional($0) }))
    for index in indices
    where index < 0 || index >= Float(layer.inputDim) || index != index.rounded() {
      throw .limitation(
        "ConvBook cannot look up \(index) in the Embedding layer \"\(instance.name)\" (input_dim=\(layer.inputDim)): indices must be whole numbers in [0, \(layer.inputDim))"
      )
    }
    guard let spec = instance.weights.first else {
      throw .limitation("the Embedding layer \"\(instance.name)\" has no weights")
    }
    guard spec.count <= ForwardPass.defaultMemoryBudget / 4 else {
      throw .limitation(
        "ConvBook cannot draw the \(spec.count) weights of the Embedding layer \"\(instance.name)\" within its memory budget"
      )
    }
    let table: Tensor
    do {
      var generator = SeededGenerator(seed: seed, stream: "\(instance.name)/\(spec.name):0")
      table = try WeightInitializer(spec.initializer).tensor(
        shape: spec.shape, generator: &generator)
    } catch {
      throw .limitation(
        "ConvBook cannot draw the weights of the Embedding layer \"\(instance.name)\": \(error.message)"
      )
    }
    let width = layer.outputDim
    var values: [Float] = []
    values.reserveCapacity(indices.count * width)
    let rows = table.scalars
    for index in indices {
      let row = Int(index) * width
      values += rows[row..<(row + width)]
    }
    do {
      return try Tensor(shape: shape + [width], scalars: values)
    } catch {
      throw .limitation("ConvBook cannot hold the Embedding output: \(error.message)")
    }
  }
}
