/// A constructor setting as Keras keeps it on the layer, for code that reads it back
/// (`layer.filters`, `layer.kernel_size`, `layer.get_config()`): tuples normalized as Keras
/// normalizes them (`kernel_size=3` reads back as `(3, 3)`). Each layer's file lists its own
/// (`Layer.setting(_:)`).
public enum LayerSetting: Sendable, Equatable {
  case int(Int)
  case float(Double)
  case bool(Bool)
  case string(String)
  /// Python's `None`.
  case none
  /// A tuple of integers (`kernel_size`, `strides`, `target_shape`).
  case ints([Int])
  /// A list of integers (`BatchNormalization(axis=[1, 2]).axis`).
  case intList([Int])
  /// Padding or cropping: one (before, after) pair for a 1-D layer, a tuple of pairs otherwise.
  case pairs([[Int]], single: Bool)
  /// The activation function, by the name the layer was given (`keras.activations.relu`).
  case activation(String)

  /// (before, after) pairs, one per spatial axis, as a layer of `rank` spatial axes keeps them.
  static func pairs(_ values: [(Int, Int)], rank: Int) -> LayerSetting {
    .pairs(values.map { [$0.0, $0.1] }, single: rank == 1)
  }

  /// A size as the layer keeps it: Keras 3 keeps the float it was given (`Conv2D(64 / 2, 3)`'s
  /// `filters` is 32.0), tf-keras' `int()` made it an int before.
  static func size(_ value: Int, given: ArgumentValue) -> LayerSetting {
    if case .float(let kept) = given { return .float(kept) }
    return .int(value)
  }

  /// The activation as the layer's arguments name it; `linear` when none was given.
  static func givenActivation(_ common: LayerCommon) -> LayerSetting {
    if case .string(let given) = common.arguments["activation"] { return .activation(given) }
    return .activation("linear")
  }
}

extension ConvolutionLayer {
  /// The settings every convolution family reads alike (`ConvolutionSettings`).
  func convolutionSetting(_ name: String) -> LayerSetting? {
    switch name {
    case "kernel_size": .ints(kernelSize)
    case "strides": .ints(strides)
    case "padding": .string(padding.rawValue)
    case "dilation_rate": .ints(dilationRate)
    case "use_bias": .bool(useBias)
    case "data_format": .string(dataFormat.rawValue)
    case "activation": .givenActivation(common)
    default: nil
    }
  }
}
