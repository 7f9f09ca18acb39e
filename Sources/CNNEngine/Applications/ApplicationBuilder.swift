/// Builds an application's graph layer by layer, as Keras' application code calls the functional
/// API: each layer is made through `LayerCatalog` (so it is the same layer a cell would make, named
/// by the session's `NameScope` when the application leaves it unnamed) and called on Keras tensors.
struct ApplicationBuilder {
  let names: NameScope

  /// `ClassName(**keywords)(inputs)`; `name` is the layer's `name=` (nil: the session names it).
  func layer(
    _ className: String, _ keywords: KeyValuePairs<String, ArgumentValue> = [:],
    name: String? = nil,
    positional: [ArgumentValue] = [], _ inputs: KerasTensor...
  ) throws(KerasError) -> KerasTensor {
    var arguments = keywords.map { ($0.key, $0.value) }
    if let name { arguments.append(("name", .string(name))) }
    let layer = try LayerCatalog.make(
      className: className, positional: positional, keywords: arguments, names: names)
    let instance = LayerInstance(layer)
    return try KerasTensor.apply(instance, to: inputs, asList: inputs.count > 1, names: names)
  }

  /// A layer made now and called later, as in `layers.Multiply()([x, f(x)])`, where Python names
  /// the layer before it evaluates the call's arguments.
  func make(
    _ className: String, _ keywords: KeyValuePairs<String, ArgumentValue> = [:], name: String? = nil
  ) throws(KerasError) -> LayerInstance {
    var arguments = keywords.map { ($0.key, $0.value) }
    if let name { arguments.append(("name", .string(name))) }
    return LayerInstance(
      try LayerCatalog.make(className: className, positional: [], keywords: arguments, names: names)
    )
  }

  /// Calls a layer from `make` on `inputs` (a list when there are several).
  func call(_ instance: LayerInstance, _ inputs: [KerasTensor]) throws(KerasError) -> KerasTensor {
    return try KerasTensor.apply(instance, to: inputs, asList: inputs.count > 1, names: names)
  }

  /// A merge layer called on a list: `Add(name=...)([a, b])`.
  func merge(_ className: String, _ inputs: [KerasTensor], name: String? = nil, axis: Int? = nil)
    throws(KerasError) -> KerasTensor
  {
    var arguments: [(String, ArgumentValue)] = []
    if let axis { arguments.append(("axis", .int(axis))) }
    if let name { arguments.append(("name", .string(name))) }
    let layer = try LayerCatalog.make(
      className: className, positional: [], keywords: arguments, names: names)
    return try KerasTensor.apply(LayerInstance(layer), to: inputs, asList: true, names: names)
  }

  /// `x + c`, `x * c`, `a * b`, ... on Keras tensors: the `TFOpLambda` layer tf-keras records, or
  /// Keras 3's operation (`add (Add)`, in the graph but not in `model.layers`).
  func operation(
    _ operation: TFOpLambda.Operation, _ tensors: [KerasTensor], constant: Double? = nil,
    constantFirst: Bool = false, channelConstants: [Double]? = nil
  ) throws(KerasError) -> KerasTensor {
    var layer = TFOpLambda(
      operation: operation, names: names, constant: constant, constantFirst: constantFirst)
    layer.channelConstants = channelConstants
    // A Keras 3 operation's output is a new `KerasTensor`, which takes the next `keras_tensor` name.
    return try KerasTensor.apply(LayerInstance(layer), to: tensors, asList: true, names: names)
  }

  // Shorthands for the layers every family uses.

  func conv(
    _ x: KerasTensor, _ filters: Int, _ kernel: ArgumentValue, strides: ArgumentValue = .int(1),
    padding: String = "valid", useBias: Bool = true, activation: ArgumentValue = .none,
    name: String?
  ) throws(KerasError) -> KerasTensor {
    try layer(
      "Conv2D",
      [
        "filters": .int(filters), "kernel_size": kernel, "strides": strides,
        "padding": .string(padding), "use_bias": .bool(useBias), "activation": activation,
      ], name: name, x)
  }

  func batchNorm(
    _ x: KerasTensor, epsilon: Double = 1e-3, momentum: Double = 0.99, scale: Bool = true,
    axis: Int = 3, name: String?
  ) throws(KerasError) -> KerasTensor {
    try layer(
      "BatchNormalization",
      [
        "axis": .int(axis), "epsilon": .float(epsilon), "momentum": .float(momentum),
        "scale": .bool(scale),
      ], name: name, x)
  }

  func activation(_ x: KerasTensor, _ function: String, name: String?) throws(KerasError)
    -> KerasTensor
  {
    try layer("Activation", ["activation": .string(function)], name: name, x)
  }

  /// EfficientNet's squeeze and excitation (both versions): the block's map averaged to one pixel,
  /// reduced to `squeezed` channels with `activation`, expanded back to `filters` with a sigmoid,
  /// and multiplied into the map; layers named `name` + `se_squeeze` ... `se_excite`.
  func squeezeExcitation(
    _ x: KerasTensor, filters: Int, squeezed: Int, activation: ArgumentValue, name: String
  ) throws(KerasError) -> KerasTensor {
    var se = try layer("GlobalAveragePooling2D", name: name + "se_squeeze", x)
    se = try layer(
      "Reshape", ["target_shape": .tuple([.int(1), .int(1), .int(filters)])],
      name: name + "se_reshape", se)
    se = try conv(
      se, squeezed, .int(1), padding: "same", activation: activation, name: name + "se_reduce")
    se = try conv(
      se, filters, .int(1), padding: "same", activation: .string("sigmoid"),
      name: name + "se_expand")
    return try merge("Multiply", [x, se], name: name + "se_excite")
  }

  func relu6(_ x: KerasTensor, name: String?) throws(KerasError) -> KerasTensor {
    try layer("ReLU", ["max_value": .float(6)], name: name, x)
  }

  func zeroPadding(_ x: KerasTensor, _ padding: ((Int, Int), (Int, Int)), name: String?)
    throws(KerasError) -> KerasTensor
  {
    let value = ArgumentValue.tuple([
      .tuple([.int(padding.0.0), .int(padding.0.1)]),
      .tuple([.int(padding.1.0), .int(padding.1.1)]),
    ])
    return try layer("ZeroPadding2D", ["padding": value], name: name, x)
  }

  func depthwise(
    _ x: KerasTensor, _ kernel: Int, strides: Int = 1, padding: String = "valid",
    depthMultiplier: Int = 1, useBias: Bool = false, name: String?
  ) throws(KerasError) -> KerasTensor {
    try layer(
      "DepthwiseConv2D",
      [
        "kernel_size": .int(kernel), "strides": .int(strides), "padding": .string(padding),
        "depth_multiplier": .int(depthMultiplier), "use_bias": .bool(useBias),
      ], name: name, x)
  }

  func pool(
    _ kind: String, _ x: KerasTensor, _ size: Int, strides: Int? = nil, padding: String = "valid",
    name: String?
  ) throws(KerasError) -> KerasTensor {
    try layer(
      kind,
      [
        "pool_size": .int(size), "strides": strides.map { .int($0) } ?? .none,
        "padding": .string(padding),
      ], name: name, x)
  }

  /// `imagenet_utils.correct_pad`: the padding before a stride-2 convolution with `kernel`.
  func correctPad(_ x: KerasTensor, _ kernel: Int) -> ((Int, Int), (Int, Int)) {
    let dimensions = x.shape.dimensions
    let rows = dimensions.count > 2 ? dimensions[1] : nil
    let columns = dimensions.count > 2 ? dimensions[2] : nil
    // Keras looks at the rows only to decide that the size is unknown.
    let adjust: (Int, Int)
    if let rows {
      adjust = (1 - rows % 2, columns.map { 1 - $0 % 2 } ?? 1)
    } else {
      adjust = (1, 1)
    }
    let correct = kernel / 2
    return ((correct - adjust.0, correct), (correct - adjust.1, correct))
  }

  /// The channel count of a channels-last tensor.
  func channels(_ x: KerasTensor) -> Int { x.shape.dimensions.last.flatMap { $0 } ?? 0 }
}
