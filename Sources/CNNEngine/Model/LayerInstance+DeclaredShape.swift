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
