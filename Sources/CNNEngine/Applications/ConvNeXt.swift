/// ConvNeXtTiny/Small/Base/Large/XLarge (`keras.applications.convnext`): a patchify stem and
/// downsampling layers (nested Sequential models), then blocks of a 7x7 depthwise convolution,
/// layer normalization, an inverted MLP (Dense on the channels), `LayerScale` and a residual add.
enum ConvNeXt {
  enum Size: String {
    case tiny, small, base, large, xlarge

    var depths: [Int] { self == .tiny ? [3, 3, 9, 3] : [3, 3, 27, 3] }
    var dimensions: [Int] {
      switch self {
      case .tiny, .small: return [96, 192, 384, 768]
      case .base: return [128, 256, 512, 1024]
      case .large: return [192, 384, 768, 1536]
      case .xlarge: return [256, 512, 1024, 2048]
      }
    }
  }

  static func build(_ size: Size, _ context: ApplicationContext) throws(KerasError)
    -> KerasModel
  {
    let arguments = context.arguments
    let nameArgument = context.modelNameArgument
    guard case .string(let modelName) = arguments[nameArgument] else {
      throw KerasError.limitation(
        "ConvBook builds ConvNeXt with a string `\(nameArgument)`; got \(nameArgument)=\(arguments[nameArgument])"
      )
    }
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded."
    )
    try context.checkClasses(
      "If using `weights` as `'imagenet'` with `include_top` as true, `classes` should be 1000",
      keras3:
        "If using `weights=\"imagenet\"` with `include_top=True`, `classes` should be 1000. Received classes=\(arguments["classes"])"
    )
    let shape = try context.inputShape(defaultSize: 224, minSize: 32)
    var input = try context.imageInput(shape: shape)
    let b = context.builder
    var x = input
    // `inputs = get_source_inputs(input_tensor)[0]`: the model's only input. tf-keras then builds
    // from it (`x = inputs`), leaving out the layers that made `input_tensor`; Keras 3 builds from
    // `input_tensor` itself.
    if arguments.inputTensor != nil, let source = input.sourceInputs.first {
      if context.kerasVersion == .keras2 { x = source }
      input = source
    }
    if arguments.isTrue("include_preprocessing"), shape.count > 2, shape[2] == .int(3) {
      let mean = [0.485 * 255, 0.456 * 255, 0.406 * 255]
      let deviations = [0.229 * 255, 0.224 * 255, 0.225 * 255]
      x = try b.layer(
        "Normalization",
        [
          "mean": .list(mean.map { .float($0) }),
          "variance": .list(deviations.map { .float($0 * $0) }),
        ], name: modelName + "_prestem_normalization", x)
    }
    let dimensions = size.dimensions
    for (stage, depth) in size.depths.enumerated() {
      let downsampling: [LayerInstance]
      let sequentialName: String
      if stage == 0 {
        sequentialName = modelName + "_stem"
        downsampling = [
          try b.make(
            "Conv2D",
            ["filters": .int(dimensions[0]), "kernel_size": .int(4), "strides": .int(4)],
            name: modelName + "_stem_conv"),
          try b.make(
            "LayerNormalization", ["epsilon": .float(1e-6)], name: modelName + "_stem_layernorm"),
        ]
      } else {
        let index = stage - 1
        sequentialName = modelName + "_downsampling_block_\(index)"
        downsampling = [
          try b.make(
            "LayerNormalization", ["epsilon": .float(1e-6)],
            name: modelName + "_downsampling_layernorm_\(index)"),
          try b.make(
            "Conv2D",
            ["filters": .int(dimensions[stage]), "kernel_size": .int(2), "strides": .int(2)],
            name: modelName + "_downsampling_conv_\(index)"),
        ]
      }
      let sequential = KerasModel(name: sequentialName, names: b.names)
      for layer in downsampling { try sequential.add(layer) }
      x = try b.call(LayerInstance(model: sequential), [x])
      for block in 0..<depth {
        x = try convNeXtBlock(
          x, dimensions[stage], name: modelName + "_stage_\(stage)_block_\(block)", b)
      }
    }
    if arguments.includeTop {
      try context.validateActivation()
      x = try b.layer("GlobalAveragePooling2D", name: modelName + "_head_gap", x)
      x = try b.layer(
        "LayerNormalization", ["epsilon": .float(1e-6)], name: modelName + "_head_layernorm", x)
      x = try b.layer(
        "Dense",
        [
          "units": .int(try arguments.integer("classes")),
          "activation": arguments["classifier_activation"],
        ],
        name: modelName + "_head_dense", x)
    } else {
      x = try context.pooling(x)
      x = try b.layer("LayerNormalization", ["epsilon": .float(1e-6)], x)
    }
    let model = try context.model(
      x, input: input, name: modelName, sourceInputs: [input],
      application: "ConvNeXt\(size == .xlarge ? "XLarge" : size.rawValue.capitalized)")
    // Keras 3 checks, once the model is built, that a model with ImageNet weights keeps the
    // variant in its name.
    let variant = "convnext_" + size.rawValue
    if context.kerasVersion == .keras3, arguments.usesImageNetWeights,
      !modelName.contains(variant)
    {
      throw .value(
        "Model name \"\(modelName)\" does not match weights variant \"\(variant)\". When using imagenet weights, model name must contain the weights variant (e.g., \"\(variant)\")."
      )
    }
    return model
  }

  private static func convNeXtBlock(
    _ input: KerasTensor, _ dimension: Int, name: String, _ b: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    var x = try b.layer(
      "Conv2D",
      [
        "filters": .int(dimension), "kernel_size": .int(7), "padding": .string("same"),
        "groups": .int(dimension),
      ], name: name + "_depthwise_conv", input)
    x = try b.layer("LayerNormalization", ["epsilon": .float(1e-6)], name: name + "_layernorm", x)
    x = try b.layer("Dense", ["units": .int(4 * dimension)], name: name + "_pointwise_conv_1", x)
    x = try b.activation(x, "gelu", name: name + "_gelu")
    x = try b.layer("Dense", ["units": .int(dimension)], name: name + "_pointwise_conv_2", x)
    x = try b.call(
      LayerInstance(
        LayerScale(initialValue: 1e-6, projectionDimension: dimension, name: name + "_layer_scale")),
      [x])
    x = try b.activation(x, "linear", name: name + "_identity")
    return try b.operation(.add, [input, x])
  }
}
