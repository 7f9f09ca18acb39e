extension ForwardStep {
  /// tf-keras carries the mask of `Embedding(mask_zero=True)` through the layers after it, and
  /// `GlobalAveragePooling1D` then averages only the unmasked steps. ConvBook's forward pass has
  /// no masks, so it refuses such a model instead of computing other numbers. Convolutions,
  /// `Flatten` and global max pooling drop the mask (their output equals the unmasked one, checked
  /// against tf-keras 2.21); every other layer is assumed to carry it.
  static func refuseMaskedAverages(_ instances: [LayerInstance]) throws(ForwardError) {
    var maskedBy: String?
    for instance in instances {
      switch instance.layer {
      case let embedding as Embedding:
        maskedBy = embedding.maskZero ? instance.name : nil
      case let pooling as GlobalPooling:
        if let source = maskedBy, pooling.kind == .average {
          throw ForwardError(
            .model,
            "layer \"\(instance.name)\" averages over the mask of \"\(source)\" (mask_zero=True), which ConvBook's forward pass does not support; use mask_zero=False or GlobalMaxPooling1D"
          )
        }
        maskedBy = nil
      case is Conv, is Flatten:
        maskedBy = nil
      default:
        break
      }
    }
  }
}
