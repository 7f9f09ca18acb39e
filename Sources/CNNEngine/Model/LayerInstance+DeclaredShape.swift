/// A batch input shape given to a layer after it was made: tf-keras' preprocessing `adapt` sets
/// `_batch_input_shape` on a layer it builds from data, so a Sequential model that starts with
/// the layer is built as if the layer had been given `input_shape=`.
extension LayerInstance {
  /// The layer made again with `shape` as its declared batch input shape (same name, settings).
  public func declareBatchInputShape(_ shape: TensorShape) throws(KerasError) {
    let canonical = LayerCatalog.aliases[layer.className] ?? layer.className
    guard !isBuilt, let entry = LayerCatalog.entries[canonical] else {
      throw .value("ConvBook cannot give a \(layer.className) layer an input shape here")
    }
    var common = layer.common
    common.declaredBatchInputShape = shape
    layer = try entry.make(common)
  }
}

extension LayerInstance {
  /// A new, unbuilt layer object with this layer's settings and name: what
  /// `layer.__class__.from_config(layer.get_config())` makes. tf-keras' config keeps a declared
  /// input shape (`batch_input_shape`), Keras 3's does not (`keepsDeclaredInputShape`); nil for a
  /// class ConvBook cannot make again from its settings.
  public func remadeFromConfig(keepsDeclaredInputShape: Bool) -> LayerInstance? {
    var common = layer.common
    if !keepsDeclaredInputShape, common.declaredBatchInputShape != nil {
      let canonical = LayerCatalog.aliases[layer.className] ?? layer.className
      guard let entry = LayerCatalog.entries[canonical] else { return nil }
      common.declaredBatchInputShape = nil
      guard let remade = try? entry.make(common) else { return nil }
      let copy = LayerInstance(remade)
      copy.trainable = trainable
      return copy
    }
    let copy = LayerInstance(layer)
    copy.trainable = trainable
    return copy
  }
}
