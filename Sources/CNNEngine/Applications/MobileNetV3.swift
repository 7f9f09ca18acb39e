/// MobileNetV3Small and MobileNetV3Large (`keras.applications.mobilenet_v3`): inverted residual
/// blocks with optional squeeze-and-excitation and hard-swish activations, which tf-keras writes
/// as Python arithmetic on tensors (TFOpLambda layers).
enum MobileNetV3 {
  /// One block: expansion, output filters (before `alpha`), kernel (nil: the model's kernel, 5,
  /// or 3 when minimalistic), stride, squeeze-and-excitation, and whether the block uses the
  /// model's activation (hard swish) instead of ReLU.
  typealias Block = (
    expansion: Double, filters: Int, kernel: Int?, stride: Int, squeeze: Bool, swish: Bool
  )

  static let small: [Block] = [
    (1, 16, 3, 2, true, false), (72.0 / 16, 24, 3, 2, false, false),
    (88.0 / 24, 24, 3, 1, false, false), (4, 40, nil, 2, true, true), (6, 40, nil, 1, true, true),
    (6, 40, nil, 1, true, true), (3, 48, nil, 1, true, true), (3, 48, nil, 1, true, true),
    (6, 96, nil, 2, true, true), (6, 96, nil, 1, true, true), (6, 96, nil, 1, true, true),
  ]

  static let large: [Block] = [
    (1, 16, 3, 1, false, false), (4, 24, 3, 2, false, false), (3, 24, 3, 1, false, false),
    (3, 40, nil, 2, true, false), (3, 40, nil, 1, true, false), (3, 40, nil, 1, true, false),
    (6, 80, 3, 2, false, true), (2.5, 80, 3, 1, false, true), (2.3, 80, 3, 1, false, true),
    (2.3, 80, 3, 1, false, true), (6, 112, 3, 1, true, true), (6, 112, 3, 1, true, true),
    (6, 160, nil, 2, true, true), (6, 160, nil, 1, true, true), (6, 160, nil, 1, true, true),
  ]

  /// `_depth`: the nearest multiple of 8, never more than 10% below `value`.
  static func depth(_ value: Double) -> Int { MobileNetV2.makeDivisible(value, 8) }

  static func build(large isLarge: Bool, _ context: ApplicationContext) throws(KerasError)
    -> KerasModel
  {
    let arguments = context.arguments
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded.  Received weights=\(arguments["weights"].plainDescription)"
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000.  Received classes=\(arguments["classes"])",
      keras3:
        "If using `weights=\"imagenet\"` with `include_top` as true, `classes` should be 1000.  Received classes=\(arguments["classes"])"
    )
    var shape = arguments["input_shape"]
    if let tensor = arguments.inputTensor {
      let dimensions = tensor.shape.dimensions
      if shape != .none {
        let items = shape.sequenceItems ?? []
        let given: Int? = {
          if items.count > 1, case .int(let size) = items[1] { return size }
          return nil
        }()
        if (dimensions.count > 2 ? dimensions[2] : nil) != given {
          let tensorShape =
            "(" + dimensions.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + ")"
          throw .value(
            context.message(
              "input_shape[1] must equal backend.int_shape(input_tensor)[2].  Received input_shape=\(shape), backend.int_shape(input_tensor)=\(tensorShape)",
              keras3:
                "input_shape[1] must equal input_tensor.shape[2].  Received input_shape=\(shape), input_tensor.shape=\(tensorShape)"
            ))
        }
      } else {
        let rows = dimensions.count > 1 ? dimensions[1] : nil
        let columns = dimensions.count > 2 ? dimensions[2] : nil
        shape = .tuple([columns.map { .int($0) } ?? .none, rows.map { .int($0) } ?? .none, .int(3)])
      }
    }
    if shape == .none { shape = .tuple([.none, .none, .int(3)]) }
    let (rows, columns) = ApplicationContext.size(shape.sequenceItems ?? [])
    if let rows, let columns, rows != 0, columns != 0, rows < 32 || columns < 32 {
      throw .value("Input size must be at least 32x32; Received `input_shape=\(shape)`")
    }
    let alpha = try arguments.widthMultiplier("alpha")
    let minimalistic = arguments.isTrue("minimalistic")
    if arguments.usesImageNetWeights,
      (!minimalistic && ![0.75, 1.0].contains(alpha)) || (minimalistic && alpha != 1.0)
    {
      throw .value(
        "If imagenet weights are being loaded, alpha can be one of `0.75`, `1.0` for non minimalistic or `1.0` for minimalistic only."
      )
    }
    let input = try context.imageInput(shape: shape.sequenceItems ?? [])
    let b = context.builder

    func relu(_ x: KerasTensor) throws(KerasError) -> KerasTensor {
      try b.layer("ReLU", [:], x)
    }
    /// `ReLU(6.0)(x + 3.0) * (1.0 / 6.0)`.
    func hardSigmoid(_ x: KerasTensor) throws(KerasError) -> KerasTensor {
      let shifted = try b.operation(.add, [x], constant: 3.0)
      let clipped = try b.layer("ReLU", ["max_value": .float(6)], shifted)
      return try b.operation(.multiply, [clipped], constant: 1.0 / 6.0)
    }
    /// tf-keras: `Multiply()([x, hard_sigmoid(x)])` (the layer takes its name first); Keras 3:
    /// `Activation("hard_swish")(x)`.
    func hardSwish(_ x: KerasTensor) throws(KerasError) -> KerasTensor {
      if context.kerasVersion == .keras3 {
        return try b.layer("Activation", ["activation": .string("hard_swish")], x)
      }
      let multiply = try b.make("Multiply")
      return try b.call(multiply, [x, try hardSigmoid(x)])
    }
    func activation(_ x: KerasTensor, swish: Bool) throws(KerasError) -> KerasTensor {
      swish && !minimalistic ? try hardSwish(x) : try relu(x)
    }
    func batchNorm(_ x: KerasTensor, _ name: String) throws(KerasError) -> KerasTensor {
      try b.batchNorm(x, epsilon: 1e-3, momentum: 0.999, axis: -1, name: name)
    }

    var x = input
    if arguments.isTrue("include_preprocessing") {
      x = try b.layer("Rescaling", ["scale": .float(1.0 / 127.5), "offset": .float(-1.0)], x)
    }
    x = try b.conv(
      x, 16, .int(3), strides: .tuple([.int(2), .int(2)]), padding: "same", useBias: false,
      name: context.layerName("Conv"))
    x = try batchNorm(x, context.layerName("Conv/BatchNorm"))
    x = try activation(x, swish: true)
    for (index, block) in (isLarge ? large : small).enumerated() {
      let kernel = block.kernel ?? (minimalistic ? 3 : 5)
      x = try invertedResidual(
        x, expansion: block.expansion, filters: depth(Double(block.filters) * alpha),
        kernel: kernel, stride: block.stride, squeeze: block.squeeze && !minimalistic,
        swish: block.swish, blockID: index, activation: activation, hardSigmoid: hardSigmoid,
        batchNorm: batchNorm, name: context.layerName, b)
    }
    let lastConvolution = depth(Double(b.channels(x) * 6))
    var lastPoint = isLarge ? 1280 : 1024
    if alpha > 1.0 { lastPoint = depth(Double(lastPoint) * alpha) }
    x = try b.conv(
      x, lastConvolution, .int(1), padding: "same", useBias: false,
      name: context.layerName("Conv_1"))
    x = try batchNorm(x, context.layerName("Conv_1/BatchNorm"))
    x = try activation(x, swish: true)
    if arguments.includeTop {
      x = try b.layer("GlobalAveragePooling2D", ["keepdims": .bool(true)], x)
      x = try b.conv(
        x, lastPoint, .int(1), padding: "same", useBias: true, name: context.layerName("Conv_2"))
      x = try activation(x, swish: true)
      let dropout = try arguments.number("dropout_rate")
      if dropout > 0 { x = try b.layer("Dropout", ["rate": arguments["dropout_rate"]], x) }
      x = try b.conv(
        x, try arguments.integer("classes"), .int(1), padding: "same",
        name: context.layerName("Logits"))
      x = try b.layer("Flatten", [:], x)
      try context.validateActivation()
      x = try b.layer(
        "Activation", ["activation": arguments["classifier_activation"]],
        name: context.layerName("Predictions"), x)
    } else {
      x = try context.pooling(x, averageName: "avg_pool", maximumName: "max_pool")
    }
    return try context.model(
      x, input: input, name: "MobilenetV3\(isLarge ? "large" : "small")",
      application: isLarge ? "MobileNetV3Large" : "MobileNetV3Small")
  }

  private static func invertedResidual(
    _ input: KerasTensor, expansion: Double, filters: Int, kernel: Int, stride: Int,
    squeeze: Bool, swish: Bool, blockID: Int,
    activation: (KerasTensor, Bool) throws(KerasError) -> KerasTensor,
    hardSigmoid: (KerasTensor) throws(KerasError) -> KerasTensor,
    batchNorm: (KerasTensor, String) throws(KerasError) -> KerasTensor,
    name: (String) -> String, _ b: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    var x = input
    let inFilters = b.channels(input)
    let expanded = depth(Double(inFilters) * expansion)
    var prefix = "expanded_conv/"
    if blockID > 0 {
      prefix = "expanded_conv_\(blockID)/"
      x = try b.conv(
        x, expanded, .int(1), padding: "same", useBias: false, name: name(prefix + "expand"))
      x = try batchNorm(x, name(prefix + "expand/BatchNorm"))
      x = try activation(x, swish)
    }
    if stride == 2 {
      x = try b.zeroPadding(x, b.correctPad(x, kernel), name: name(prefix + "depthwise/pad"))
    }
    x = try b.depthwise(
      x, kernel, strides: stride, padding: stride == 1 ? "same" : "valid",
      name: name(prefix + "depthwise"))
    x = try batchNorm(x, name(prefix + "depthwise/BatchNorm"))
    x = try activation(x, swish)
    if squeeze {
      let squeezeInput = x
      var se = try b.layer(
        "GlobalAveragePooling2D", ["keepdims": .bool(true)],
        name: name(prefix + "squeeze_excite/AvgPool"), x)
      se = try b.conv(
        se, depth(Double(expanded) * 0.25), .int(1), padding: "same",
        name: name(prefix + "squeeze_excite/Conv"))
      se = try b.layer("ReLU", name: name(prefix + "squeeze_excite/Relu"), se)
      se = try b.conv(
        se, expanded, .int(1), padding: "same", name: name(prefix + "squeeze_excite/Conv_1"))
      se = try hardSigmoid(se)
      x = try b.merge("Multiply", [squeezeInput, se], name: name(prefix + "squeeze_excite/Mul"))
    }
    x = try b.conv(
      x, filters, .int(1), padding: "same", useBias: false, name: name(prefix + "project"))
    x = try batchNorm(x, name(prefix + "project/BatchNorm"))
    if stride == 1, inFilters == filters {
      x = try b.merge("Add", [input, x], name: name(prefix + "Add"))
    }
    return x
  }
}
