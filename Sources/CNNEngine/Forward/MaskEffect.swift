/// What a layer does with the Keras mask of its input (tf-keras' `supports_masking` and
/// `compute_mask`), its `Layer.maskEffect`: `Embedding(mask_zero=True)` and `Masking` make one
/// (`own`), the recurrent layers read it and pass it on with `return_sequences=True` (`own`), the
/// layers that keep the time axis and support masking carry it, every other layer drops it
/// (`GlobalAveragePooling1D` reads it first: it averages the kept steps).
public enum MaskEffect: Sendable, Equatable {
  case carry
  case drop
  /// The step sets `ActivationBuffers.mask` itself.
  case own
}
