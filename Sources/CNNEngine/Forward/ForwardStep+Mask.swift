extension ForwardStep {
  /// What a layer does with the Keras mask of its input (tf-keras' `supports_masking` and
  /// `compute_mask`): `Embedding(mask_zero=True)` and `Masking` make one (`own`), the recurrent
  /// layers read it and pass it on with `return_sequences=True` (`own`), the layers that keep the
  /// time axis and support masking carry it, every other layer drops it (`GlobalAveragePooling1D`
  /// reads it first: it averages the kept steps).
  enum MaskEffect: Equatable {
    case carry
    case drop
    /// The step sets `ActivationBuffers.mask` itself.
    case own
  }

  static func maskEffect(of layer: any Layer) -> MaskEffect {
    switch layer {
    case let embedding as Embedding: return embedding.maskZero ? .own : .drop
    case is Masking, is Recurrent, is StackedRecurrent, is Bidirectional: return .own
    case is Dense, is Activation, is ReLU, is LeakyReLU, is ELU, is BatchNormalization,
      is LayerNormalization, is ShapePreservingLayer:
      return .carry
    case is Dropout: return .carry
    default: return .drop
    }
  }
}
