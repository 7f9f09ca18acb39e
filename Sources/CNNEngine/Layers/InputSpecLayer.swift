/// A layer whose build fixes the sizes of some input axes (Keras' `InputSpec(axes={axis: size})`):
/// called again on an input of another size there, Keras refuses it in the spec's words
/// (`KerasModel.checkInputSpec`). Each layer says which axes its spec fixes, in its own file.
public protocol InputSpecLayer: Layer {
  /// The axes the spec of a layer built on inputs of `rank` axes fixes: each as Keras reports it
  /// (`-1` for channels-last convolutions and `Dense`) and its index; none where the Keras of
  /// `keras3` checks none.
  func inputSpecAxes(rank: Int, keras3: Bool) -> [InputSpecAxis]
}

/// One axis of an `InputSpec`: as Keras reports it, and its index in the input's shape. Only the
/// engine's layers make them (the memberwise initializer).
public struct InputSpecAxis: Sendable, Equatable {
  public var reported: Int
  public var index: Int
}
