/// NASNetMobile and NASNetLarge (`keras.applications.nasnet`): cells found by architecture search,
/// normal cells and reduction cells of separable convolutions and poolings, each cell taking the
/// previous two cells' outputs (`p` is adjusted to the current size and width first).
enum NASNet {
  struct Configuration {
    let penultimateFilters: Int
    let blocks: Int
    let stemFilters: Int
    let skipReduction: Bool
    let defaultSize: Int
  }

  static let mobile = Configuration(
    penultimateFilters: 1056, blocks: 4, stemFilters: 32, skipReduction: false, defaultSize: 224)
  static let large = Configuration(
    penultimateFilters: 4032, blocks: 6, stemFilters: 96, skipReduction: true, defaultSize: 331)

  static func build(_ configuration: Configuration, _ context: ApplicationContext)
    throws(KerasError) -> KerasModel
  {
    var arguments = context.arguments
    // Keras 3's NASNetMobile: `if not include_top and input_shape is None: input_shape =
    // (224, 224, 3)` (tf-keras leaves it None: a (None, None, 3) input).
    if context.kerasVersion == .keras3, configuration.defaultSize == 224, !arguments.includeTop,
      arguments["input_shape"] == .none
    {
      arguments.values["input_shape"] = .tuple([.int(224), .int(224), .int(3)])
    }
    let context = ApplicationContext(arguments: arguments, builder: context.builder)
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded."
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000")
    if case .tuple(let items) = arguments["input_shape"], items.contains(.none),
      arguments.usesImageNetWeights
    {
      throw .value(
        "When specifying the input shape of a NASNet and loading `ImageNet` weights, the input_shape argument must be static (no None entries). Got: `input_shape=\(arguments["input_shape"])`."
      )
    }
    let shape = try context.inputShape(defaultSize: configuration.defaultSize, minSize: 32)
    let input = try context.imageInput(shape: shape)
    let cells = Cells(builder: context.builder)
    let multiplier = 2
    let filters = configuration.penultimateFilters / 24
    var x = try context.builder.conv(
      input, configuration.stemFilters, .tuple([.int(3), .int(3)]),
      strides: .tuple([.int(2), .int(2)]), padding: "valid", useBias: false, name: "stem_conv1")
    x = try cells.batchNorm(x, "stem_bn1")
    var p: KerasTensor? = nil
    (x, p) = try cells.reduction(x, p, filters / (multiplier * multiplier), "stem_1")
    (x, p) = try cells.reduction(x, p, filters / multiplier, "stem_2")
    let blocks = configuration.blocks
    for index in 0..<blocks { (x, p) = try cells.normal(x, p, filters, "\(index)") }
    var p0: KerasTensor
    (x, p0) = try cells.reduction(x, p, filters * multiplier, "reduce_\(blocks)")
    if !configuration.skipReduction { p = p0 }
    for index in 0..<blocks {
      (x, p) = try cells.normal(x, p, filters * multiplier, "\(blocks + index + 1)")
    }
    (x, p0) = try cells.reduction(x, p, filters * multiplier * multiplier, "reduce_\(2 * blocks)")
    if !configuration.skipReduction { p = p0 }
    for index in 0..<blocks {
      (x, p) = try cells.normal(
        x, p, filters * multiplier * multiplier, "\(2 * blocks + index + 1)")
    }
    x = try context.builder.activation(x, "relu", name: nil)
    if arguments.includeTop {
      x = try context.top(x)
    } else {
      x = try context.pooling(x)
    }
    return try context.model(
      x, input: input, name: "NASNet",
      application: configuration.defaultSize == 224 ? "NASNetMobile" : "NASNetLarge")
  }

  /// The cells, written over one builder.
  struct Cells {
    let builder: ApplicationBuilder

    func batchNorm(_ x: KerasTensor, _ name: String?) throws(KerasError) -> KerasTensor {
      try builder.batchNorm(x, momentum: 0.9997, axis: -1, name: name)
    }

    func conv(_ x: KerasTensor, _ filters: Int, _ name: String) throws(KerasError) -> KerasTensor {
      try builder.conv(
        x, filters, .tuple([.int(1), .int(1)]), strides: .tuple([.int(1), .int(1)]),
        padding: "same", useBias: false, name: name)
    }

    func pool(_ kind: String, _ x: KerasTensor, stride: Int, padding: String, _ name: String)
      throws(KerasError) -> KerasTensor
    {
      try builder.layer(
        kind,
        [
          "pool_size": .tuple([.int(3), .int(3)]), "strides": .tuple([.int(stride), .int(stride)]),
          "padding": .string(padding),
        ], name: name, x)
    }

    func add(_ tensors: [KerasTensor], _ name: String? = nil) throws(KerasError) -> KerasTensor {
      try builder.merge("Add", tensors, name: name)
    }

    /// `_separable_conv_block`: ReLU, separable convolution (strided after padding), batch
    /// normalization, twice.
    func separable(
      _ input: KerasTensor, _ filters: Int, kernel: Int = 3, stride: Int = 1, _ id: String
    )
      throws(KerasError) -> KerasTensor
    {
      let size = ArgumentValue.tuple([.int(kernel), .int(kernel)])
      var x = try builder.activation(input, "relu", name: nil)
      let padding: String
      if stride == 2 {
        x = try builder.zeroPadding(
          x, builder.correctPad(x, kernel), name: "separable_conv_1_pad_\(id)")
        padding = "valid"
      } else {
        padding = "same"
      }
      x = try builder.layer(
        "SeparableConv2D",
        [
          "filters": .int(filters), "kernel_size": size,
          "strides": .tuple([.int(stride), .int(stride)]),
          "padding": .string(padding), "use_bias": .bool(false),
        ], name: "separable_conv_1_\(id)", x)
      x = try batchNorm(x, "separable_conv_1_bn_\(id)")
      x = try builder.activation(x, "relu", name: nil)
      x = try builder.layer(
        "SeparableConv2D",
        [
          "filters": .int(filters), "kernel_size": size, "padding": .string("same"),
          "use_bias": .bool(false),
        ], name: "separable_conv_2_\(id)", x)
      return try batchNorm(x, "separable_conv_2_bn_\(id)")
    }

    /// `_adjust_block`: the previous cell's output brought to the size and width of this one.
    func adjust(_ previous: KerasTensor?, _ input: KerasTensor, _ filters: Int, _ id: String)
      throws(KerasError) -> KerasTensor
    {
      guard var p = previous else { return input }
      let pShape = p.shape.dimensions
      let inputShape = input.shape.dimensions
      if pShape[pShape.count - 2] != inputShape[inputShape.count - 2] {
        p = try builder.activation(p, "relu", name: "adjust_relu_1_\(id)")
        let onePool: KeyValuePairs<String, ArgumentValue> = [
          "pool_size": .tuple([.int(1), .int(1)]), "strides": .tuple([.int(2), .int(2)]),
          "padding": .string("valid"),
        ]
        var p1 = try builder.layer("AveragePooling2D", onePool, name: "adjust_avg_pool_1_\(id)", p)
        p1 = try conv(p1, filters / 2, "adjust_conv_1_\(id)")
        var p2 = try builder.zeroPadding(p, ((0, 1), (0, 1)), name: nil)
        p2 = try builder.layer(
          "Cropping2D",
          ["cropping": .tuple([.tuple([.int(1), .int(0)]), .tuple([.int(1), .int(0)])])], p2)
        p2 = try builder.layer("AveragePooling2D", onePool, name: "adjust_avg_pool_2_\(id)", p2)
        p2 = try conv(p2, filters / 2, "adjust_conv_2_\(id)")
        p = try builder.merge("Concatenate", [p1, p2], axis: -1)
        return try batchNorm(p, "adjust_bn_\(id)")
      }
      if pShape.last != filters {
        p = try builder.activation(p, "relu", name: nil)
        p = try conv(p, filters, "adjust_conv_projection_\(id)")
        return try batchNorm(p, "adjust_bn_\(id)")
      }
      return p
    }

    func normal(_ input: KerasTensor, _ previous: KerasTensor?, _ filters: Int, _ id: String)
      throws(KerasError) -> (KerasTensor, KerasTensor)
    {
      let p = try adjust(previous, input, filters, id)
      var h = try builder.activation(input, "relu", name: nil)
      h = try conv(h, filters, "normal_conv_1_\(id)")
      h = try batchNorm(h, "normal_bn_1_\(id)")
      let x11 = try separable(h, filters, kernel: 5, "normal_left1_\(id)")
      let x12 = try separable(p, filters, "normal_right1_\(id)")
      let x1 = try add([x11, x12], "normal_add_1_\(id)")
      let x21 = try separable(p, filters, kernel: 5, "normal_left2_\(id)")
      let x22 = try separable(p, filters, kernel: 3, "normal_right2_\(id)")
      let x2 = try add([x21, x22], "normal_add_2_\(id)")
      var x3 = try pool("AveragePooling2D", h, stride: 1, padding: "same", "normal_left3_\(id)")
      x3 = try add([x3, p], "normal_add_3_\(id)")
      let x41 = try pool("AveragePooling2D", p, stride: 1, padding: "same", "normal_left4_\(id)")
      let x42 = try pool("AveragePooling2D", p, stride: 1, padding: "same", "normal_right4_\(id)")
      let x4 = try add([x41, x42], "normal_add_4_\(id)")
      var x5 = try separable(h, filters, "normal_left5_\(id)")
      x5 = try add([x5, h], "normal_add_5_\(id)")
      let x = try builder.merge(
        "Concatenate", [p, x1, x2, x3, x4, x5], name: "normal_concat_\(id)", axis: -1)
      return (x, input)
    }

    func reduction(_ input: KerasTensor, _ previous: KerasTensor?, _ filters: Int, _ id: String)
      throws(KerasError) -> (KerasTensor, KerasTensor)
    {
      let p = try adjust(previous, input, filters, id)
      var h = try builder.activation(input, "relu", name: nil)
      h = try conv(h, filters, "reduction_conv_1_\(id)")
      h = try batchNorm(h, "reduction_bn_1_\(id)")
      let h3 = try builder.zeroPadding(h, builder.correctPad(h, 3), name: "reduction_pad_1_\(id)")
      let x11 = try separable(h, filters, kernel: 5, stride: 2, "reduction_left1_\(id)")
      let x12 = try separable(p, filters, kernel: 7, stride: 2, "reduction_right1_\(id)")
      let x1 = try add([x11, x12], "reduction_add_1_\(id)")
      let x21 = try pool("MaxPooling2D", h3, stride: 2, padding: "valid", "reduction_left2_\(id)")
      let x22 = try separable(p, filters, kernel: 7, stride: 2, "reduction_right2_\(id)")
      let x2 = try add([x21, x22], "reduction_add_2_\(id)")
      let x31 = try pool(
        "AveragePooling2D", h3, stride: 2, padding: "valid", "reduction_left3_\(id)")
      let x32 = try separable(p, filters, kernel: 5, stride: 2, "reduction_right3_\(id)")
      let x3 = try add([x31, x32], "reduction_add3_\(id)")
      var x4 = try pool("AveragePooling2D", x1, stride: 1, padding: "same", "reduction_left4_\(id)")
      x4 = try add([x2, x4])
      let x51 = try separable(x1, filters, kernel: 3, "reduction_left4_\(id)")
      let x52 = try pool("MaxPooling2D", h3, stride: 2, padding: "valid", "reduction_right5_\(id)")
      let x5 = try add([x51, x52], "reduction_add4_\(id)")
      let x = try builder.merge(
        "Concatenate", [x2, x3, x4, x5], name: "reduction_concat_\(id)", axis: -1)
      return (x, input)
    }
  }
}
