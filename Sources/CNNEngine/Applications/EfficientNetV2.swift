/// EfficientNetV2B0-B3, S, M and L (`keras.applications.efficientnet_v2`): stages of fused
/// MBConv blocks (one full convolution in place of the expansion and the depthwise convolution)
/// then MBConv blocks with squeeze-and-excitation; "same" padding throughout, batch
/// normalization with momentum 0.9, swish, and stochastic depth growing with the block's index.
/// The same graph in tf-keras and Keras 3 (whose `name=` replaces tf-keras' fixed model name).
enum EfficientNetV2 {
  enum Variant: Sendable {
    case b0, b1, b2, b3, s, m, l

    /// `efficientnetv2-b0`: the model's name and its blocks' key.
    var name: String {
      switch self {
      case .b0: return "efficientnetv2-b0"
      case .b1: return "efficientnetv2-b1"
      case .b2: return "efficientnetv2-b2"
      case .b3: return "efficientnetv2-b3"
      case .s: return "efficientnetv2-s"
      case .m: return "efficientnetv2-m"
      case .l: return "efficientnetv2-l"
      }
    }

    /// Width coefficient, depth coefficient, default image size.
    var scaling: (width: Double, depth: Double, size: Int) {
      switch self {
      case .b0: return (1.0, 1.0, 224)
      case .b1: return (1.0, 1.1, 240)
      case .b2: return (1.1, 1.2, 260)
      case .b3: return (1.2, 1.4, 300)
      case .s: return (1.0, 1.0, 384)
      case .m, .l: return (1.0, 1.0, 480)
      }
    }

    /// The stages (`DEFAULT_BLOCKS_ARGS`): kernel, repeats, filters in and out, expansion,
    /// squeeze-and-excitation ratio, stride, fused.
    var stages: [Stage] {
      switch self {
      case .b0, .b1, .b2, .b3:
        return [
          Stage(3, 1, 32, 16, 1, 0, 1, true), Stage(3, 2, 16, 32, 4, 0, 2, true),
          Stage(3, 2, 32, 48, 4, 0, 2, true), Stage(3, 3, 48, 96, 4, 0.25, 2, false),
          Stage(3, 5, 96, 112, 6, 0.25, 1, false), Stage(3, 8, 112, 192, 6, 0.25, 2, false),
        ]
      case .s:
        return [
          Stage(3, 2, 24, 24, 1, 0, 1, true), Stage(3, 4, 24, 48, 4, 0, 2, true),
          Stage(3, 4, 48, 64, 4, 0, 2, true), Stage(3, 6, 64, 128, 4, 0.25, 2, false),
          Stage(3, 9, 128, 160, 6, 0.25, 1, false), Stage(3, 15, 160, 256, 6, 0.25, 2, false),
        ]
      case .m:
        return [
          Stage(3, 3, 24, 24, 1, 0, 1, true), Stage(3, 5, 24, 48, 4, 0, 2, true),
          Stage(3, 5, 48, 80, 4, 0, 2, true), Stage(3, 7, 80, 160, 4, 0.25, 2, false),
          Stage(3, 14, 160, 176, 6, 0.25, 1, false), Stage(3, 18, 176, 304, 6, 0.25, 2, false),
          Stage(3, 5, 304, 512, 6, 0.25, 1, false),
        ]
      case .l:
        return [
          Stage(3, 4, 32, 32, 1, 0, 1, true), Stage(3, 7, 32, 64, 4, 0, 2, true),
          Stage(3, 7, 64, 96, 4, 0, 2, true), Stage(3, 10, 96, 192, 4, 0.25, 2, false),
          Stage(3, 19, 192, 224, 6, 0.25, 1, false), Stage(3, 25, 224, 384, 6, 0.25, 2, false),
          Stage(3, 7, 384, 640, 6, 0.25, 1, false),
        ]
      }
    }
  }

  struct Stage: Sendable {
    let kernel: Int
    let repeats: Int
    let filtersIn: Int
    let filtersOut: Int
    let expand: Int
    let squeezeRatio: Double
    let stride: Int
    let fused: Bool
    init(
      _ kernel: Int, _ repeats: Int, _ filtersIn: Int, _ filtersOut: Int, _ expand: Int,
      _ squeezeRatio: Double, _ stride: Int, _ fused: Bool
    ) {
      self.kernel = kernel
      self.repeats = repeats
      self.filtersIn = filtersIn
      self.filtersOut = filtersOut
      self.expand = expand
      self.squeezeRatio = squeezeRatio
      self.stride = stride
      self.fused = fused
    }
  }

  /// The block's settings besides its stage's.
  private struct BlockSettings {
    let filtersIn: Int
    let filtersOut: Int
    let stride: Int
    let dropRate: Double
    let name: String
  }

  static func build(_ variant: Variant, _ context: ApplicationContext) throws(KerasError)
    -> KerasModel
  {
    let arguments = context.arguments
    let (widthCoefficient, depthCoefficient, defaultSize) = variant.scaling
    let depthDivisor = 8
    let dropConnectRate = 0.2
    let activation: ArgumentValue = .string("swish")
    try context.checkExtraKeywords()
    let weights = arguments["weights"]
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded.Received: weights=\(weights.plainDescription)"
    )
    try context.checkClasses(
      "If using `weights` as `'imagenet'` with `include_top` as true, `classes` should be 1000Received: classes=\(arguments["classes"].plainDescription)",
      keras3: "If using `weights=\"imagenet\"` with `include_top` as true, `classes` should be 1000"
    )
    let shape = try context.inputShape(defaultSize: defaultSize, minSize: 32)
    let input = try context.imageInput(shape: shape)
    let builder = context.builder

    func roundFilters(_ filters: Int) -> Int {
      let scaled = Double(filters) * widthCoefficient
      return max(
        depthDivisor,
        Int(scaled + Double(depthDivisor) / 2) / depthDivisor * depthDivisor)
    }
    func roundRepeats(_ repeats: Int) -> Int {
      Int((depthCoefficient * Double(repeats)).rounded(.up))
    }

    var x = input
    if arguments.isTrue("include_preprocessing") {
      if variant.name.split(separator: "-").last?.hasPrefix("b") == true,
        shape.last == .int(3)
      {
        x = try builder.layer("Rescaling", ["scale": .float(1.0 / 255)], x)
        let means: [Double] = [0.485, 0.456, 0.406]
        let deviations: [Double] = [0.229, 0.224, 0.225]
        x = try builder.layer(
          "Normalization",
          [
            "mean": .list(means.map { .float($0) }),
            "variance": .list(deviations.map { .float($0 * $0) }), "axis": .int(3),
          ], x)
      } else {
        x = try builder.layer("Rescaling", ["scale": .float(1.0 / 128.0), "offset": .int(-1)], x)
      }
    }
    let stages = variant.stages
    x = try builder.conv(
      x, roundFilters(stages[0].filtersIn), .int(3), strides: .int(2), padding: "same",
      useBias: false, name: "stem_conv")
    x = try builder.batchNorm(x, momentum: 0.9, name: "stem_bn")
    x = try builder.layer("Activation", ["activation": activation], name: "stem_activation", x)

    // Keras sums the repeats before rounding them.
    let totalBlocks = Double(stages.reduce(0) { $0 + $1.repeats })
    var blockIndex = 0
    for (stageIndex, stage) in stages.enumerated() {
      var filtersIn = roundFilters(stage.filtersIn)
      let filtersOut = roundFilters(stage.filtersOut)
      var stride = stage.stride
      for repeatIndex in 0..<roundRepeats(stage.repeats) {
        if repeatIndex > 0 {
          stride = 1
          filtersIn = filtersOut
        }
        let letter = String(UnicodeScalar(UInt8(97 + repeatIndex)))
        let settings = BlockSettings(
          filtersIn: filtersIn, filtersOut: filtersOut, stride: stride,
          dropRate: dropConnectRate * Double(blockIndex) / totalBlocks,
          name: "block\(stageIndex + 1)\(letter)_")
        x = try block(x, stage: stage, settings, activation: activation, builder)
        blockIndex += 1
      }
    }
    x = try builder.conv(
      x, roundFilters(1280), .int(1), padding: "same", useBias: false, name: "top_conv")
    x = try builder.batchNorm(x, momentum: 0.9, name: "top_bn")
    x = try builder.layer("Activation", ["activation": activation], name: "top_activation", x)
    x = try context.top(
      x, averageName: "avg_pool", maximumName: "max_pool", dropout: 0.2,
      dropoutName: "top_dropout")
    return try context.model(
      x, input: input, name: variant.name, application: application(variant).rawValue)
  }

  static func application(_ variant: Variant) -> Application {
    switch variant {
    case .b0: return .efficientNetV2B0
    case .b1: return .efficientNetV2B1
    case .b2: return .efficientNetV2B2
    case .b3: return .efficientNetV2B3
    case .s: return .efficientNetV2S
    case .m: return .efficientNetV2M
    case .l: return .efficientNetV2L
    }
  }

  /// `MBConvBlock` or `FusedMBConvBlock`.
  private static func block(
    _ input: KerasTensor, stage: Stage, _ settings: BlockSettings, activation: ArgumentValue,
    _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    let name = settings.name
    let filters = settings.filtersIn * stage.expand
    let kernel = stage.kernel
    var x = input
    if stage.fused {
      if stage.expand != 1 {
        x = try builder.conv(
          x, filters, .int(kernel), strides: .int(settings.stride), padding: "same",
          useBias: false, name: name + "expand_conv")
        x = try builder.batchNorm(x, momentum: 0.9, name: name + "expand_bn")
        x = try builder.layer(
          "Activation", ["activation": activation], name: name + "expand_activation", x)
      }
    } else {
      if stage.expand != 1 {
        x = try builder.conv(
          x, filters, .int(1), padding: "same", useBias: false, name: name + "expand_conv")
        x = try builder.batchNorm(x, momentum: 0.9, name: name + "expand_bn")
        x = try builder.layer(
          "Activation", ["activation": activation], name: name + "expand_activation", x)
      }
      x = try builder.depthwise(
        x, kernel, strides: settings.stride, padding: "same", name: name + "dwconv2")
      x = try builder.batchNorm(x, momentum: 0.9, name: name + "bn")
      x = try builder.layer("Activation", ["activation": activation], name: name + "activation", x)
    }
    if stage.squeezeRatio > 0, stage.squeezeRatio <= 1 {
      let squeezed = max(1, Int(Double(settings.filtersIn) * stage.squeezeRatio))
      x = try builder.squeezeExcitation(
        x, filters: filters, squeezed: squeezed, activation: activation, name: name)
    }
    let fusedWithoutExpansion = stage.fused && stage.expand == 1
    x = try builder.conv(
      x, settings.filtersOut, .int(fusedWithoutExpansion ? kernel : 1),
      strides: .int(fusedWithoutExpansion ? settings.stride : 1), padding: "same",
      useBias: false, name: name + "project_conv")
    x = try builder.batchNorm(x, momentum: 0.9, name: name + "project_bn")
    if fusedWithoutExpansion {
      x = try builder.layer(
        "Activation", ["activation": activation], name: name + "project_activation", x)
    }
    if settings.stride == 1, settings.filtersIn == settings.filtersOut {
      if settings.dropRate > 0 {
        x = try builder.layer(
          "Dropout",
          [
            "rate": .float(settings.dropRate),
            "noise_shape": .tuple([.none, .int(1), .int(1), .int(1)]),
          ], name: name + "drop", x)
      }
      x = try builder.merge("Add", [x, input], name: name + "add")
    }
    return x
  }
}
