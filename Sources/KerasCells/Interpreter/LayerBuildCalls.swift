import CNNEngine

/// `layer.build(input_shape)` on a Keras layer (`rnn.build(input_shape=(None, None, 5))` before
/// reading `rnn.weights`; `self.conv.build(input_shape)` in a custom layer's `build`): the
/// layer's weights are made for that shape (`LayerInstance.build(for:)`). And
/// `layer.compute_output_shape(input_shape)`, which hand-written blocks chain the same way
/// (keras-tcn's residual block builds its layers one after the other on the shapes it computes).
enum LayerBuildCalls {
  static func build(
    _ instance: LayerInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    let version = interpreter.kerasVersion
    // Keras 3's recurrent layers name the parameter `sequences_shape` (`RNN.build`).
    if version == .keras3, instance.layer is Recurrent,
      let label = keywords.first(where: { $0.0 != "sequences_shape" })?.0
    {
      throw CellError(
        type: "TypeError",
        message: "RNN.build() got an unexpected keyword argument '\(label)'", range: site.range)
    }
    var given: Value?
    if positional.count == 1, keywords.isEmpty {
      given = positional[0]
    } else if positional.isEmpty, keywords.count == 1,
      keywords[0].0
        == (version == .keras3 && instance.layer is Recurrent
          ? "sequences_shape" : "input_shape")
    {
      given = keywords[0].1
    }
    guard let given, let shape = shape(given) else {
      throw .unsupported(
        "ConvBook supports layer.build(input_shape) with one shape tuple (sizes and None) only",
        at: site.range)
    }
    if instance.layer is Lambda, !instance.isBuilt {
      try LambdaTracing.trace(
        instance, on: [shape], asList: false, range: site.range, interpreter: interpreter)
    }
    var built = shape
    if let conv = instance.layer as? Conv, shape.rank != conv.rank + 2, !instance.isBuilt,
      case .tuple = given, shape.rank >= 2 || conv.dataFormat == .channelsLast
    {
      // `Conv2D(...).build((4, 4, 1))`, a shape without its batch axis: tf-keras makes the
      // kernel from the channel size and checks the rank only when the layer is called; Keras 3's
      // `compute_conv_output_shape` refuses it.
      let channels = shape.dimensions[conv.dataFormat == .channelsFirst ? 1 : shape.rank - 1]
      switch version {
      case .keras3:
        let kernel = conv.kernelSize.map { Optional($0) } + [channels, conv.filters]
        throw CellError(
          type: "ValueError",
          message:
            "Kernel shape must have the same length as input, but received kernel of shape \(TensorShape.tuple(kernel)) and input of shape \(shape).",
          range: site.range)
      case .keras2:
        guard shape.rank < conv.rank + 2, conv.dataFormat != .channelsFirst else { break }
        built = TensorShape(
          Array(repeating: nil, count: conv.rank + 2 - shape.rank) + shape.dimensions)
      }
    }
    // `Dense(1).build((2,))`: both Kerases' `Dense.build` read only the last size, and check the
    // rank (at least 2) when the layer is called.
    if instance.layer is Dense, shape.rank == 1, !instance.isBuilt {
      built = TensorShape([nil] + shape.dimensions)
    }
    do {
      try instance.build(for: built)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
  }

  /// `layer.compute_output_shape(input_shape)` of a built-in layer on one shape: what its call
  /// would give, without building it. Keras' layers whose method is `return input_shape` hand back
  /// the very value they were given (a list stays a list); the others make a `TensorShape`
  /// (tf-keras) or a tuple (Keras 3).
  static func computeOutputShape(
    _ instance: LayerInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let version = interpreter.kerasVersion
    var given: Value?
    if positional.count == 1, keywords.isEmpty {
      given = positional[0]
    } else if positional.isEmpty, keywords.count == 1, keywords[0].0 == "input_shape" {
      given = keywords[0].1
    }
    guard let given, instance.layer is Lambda || !(instance.layer is any MultiInputLayer),
      let shape = shape(given)
    else {
      throw .unsupported(
        "ConvBook supports layer.compute_output_shape(input_shape) of a layer on one tensor, with one shape tuple (sizes and None), only",
        at: site.range)
    }
    if returnsItsInput(instance.className, version: version) { return given }
    // A Lambda's function runs on a symbolic tensor of that shape, as at its first call.
    try LambdaTracing.trace(
      instance, on: [shape], asList: false, range: site.range, interpreter: interpreter)
    let output: TensorShape
    do {
      output = try instance.layer.outputShape(for: shape)
    } catch {
      throw .unsupported(
        "ConvBook does not support `compute_output_shape` of \(instance.className) on the shape \(shape) yet (\(error.message))",
        at: site.range)
    }
    return version == .keras3 ? Attributes.shapeValue(output) : .tensorShape(output.dimensions)
  }

  /// The layer classes whose `compute_output_shape` returns its argument (read from each
  /// version's sources; subclasses included: `SpatialDropout1D` is a `Dropout`).
  private static func returnsItsInput(_ className: String, version: KerasVersion) -> Bool {
    if className.hasPrefix("SpatialDropout") || className.hasPrefix("Random") { return true }
    switch version {
    case .keras2:
      return [
        "Activation", "ActivityRegularization", "AlphaDropout", "BatchNormalization",
        "Discretization", "Dropout", "ELU", "GaussianDropout", "GaussianNoise",
        "GroupNormalization", "Hashing", "LayerNormalization", "LeakyReLU", "Masking",
        "Normalization", "PReLU", "ReLU", "Rescaling", "Softmax", "ThresholdedReLU",
        "UnitNormalization",
      ].contains(className)
    case .keras3:
      return [
        "Activation", "ActivityRegularization", "AlphaDropout", "AugMix", "AutoContrast",
        "BatchNormalization", "CutMix", "Dropout", "ELU", "Equalization", "GaussianDropout",
        "GaussianNoise", "GroupNormalization", "Identity", "LayerNormalization", "LeakyReLU",
        "Masking", "MixUp", "Normalization", "PReLU", "RandAugment", "ReLU", "Rescaling",
        "RMSNormalization", "Softmax", "Solarization", "UnitNormalization",
      ].contains(className)
    }
  }

  /// A shape as code gives it: a tuple or list of sizes and `None`, or a `TensorShape`.
  private static func shape(_ value: Value) -> TensorShape? {
    guard let items = value.sequenceItems ?? value.tensorShapeAsTuple.sequenceItems,
      !items.isEmpty
    else { return nil }
    var dimensions: [Int?] = []
    for item in items {
      switch item {
      case .none: dimensions.append(nil)
      case .int(let size) where size > 0: dimensions.append(size)
      // A size computed eagerly (`ops.cast(ops.sqrt(...), "int32")`), a 0-d integer tensor.
      case _ where EagerTensors.operand(item)?.rank == 0:
        guard let tensor = EagerTensors.operand(item),
          case .int(let size) = EagerTensors.scalarValue(tensor), size > 0
        else { return nil }
        dimensions.append(size)
      default: return nil
      }
    }
    return TensorShape(dimensions)
  }
}
