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

/// What Keras 3 does with masks on symbolic tensors at a layer, its `Layer.symbolicMasking`
/// (`KerasMask`). tf-keras keeps masks off the graph, so none of this applies there.
public struct SymbolicMasking: Sendable, Equatable {
  /// The operations `compute_mask` records on the layer's input, in order: `Embedding(mask_zero=
  /// True)` `not_equal`, `Masking` `not_equal` then `any`.
  public var makes: [MaskOperation.Kind]
  /// Whether the layer's `call` has a `mask` parameter, so that the input's mask becomes one more
  /// tensor of its node.
  public var takes: Bool
  /// Whether the layer's first output carries its input's mask on (`supports_masking`, a
  /// recurrent layer that returns sequences).
  public var carries: Bool
  /// The operations `compute_mask` records on the mask of the layer's first input for its
  /// output's mask (`Attention`: `convert_to_tensor` of the query's), where the layer takes a
  /// list of tensors; none without that mask.
  public var convertsFirstMask: [MaskOperation.Kind]

  public init(
    makes: [MaskOperation.Kind] = [], takes: Bool = false, carries: Bool = false,
    convertsFirstMask: [MaskOperation.Kind] = []
  ) {
    self.makes = makes
    self.takes = takes
    self.carries = carries
    self.convertsFirstMask = convertsFirstMask
  }
}
