import Foundation

/// EfficientNetB0-B7 (`keras.applications.efficientnet`): one builder, scaled in width and depth
/// per variant; MBConv blocks with squeeze-and-excitation, swish activations and stochastic depth.
enum EfficientNet {
  /// width coefficient, depth coefficient, default size, top dropout rate of B0...B7.
  static let variants: [(width: Double, depth: Double, size: Int, dropout: Double)] = [
    (1.0, 1.0, 224, 0.2), (1.0, 1.1, 240, 0.2), (1.1, 1.2, 260, 0.3), (1.2, 1.4, 300, 0.3),
    (1.4, 1.8, 380, 0.4), (1.6, 2.2, 456, 0.4), (1.8, 2.6, 528, 0.5), (2.0, 3.1, 600, 0.5),
  ]

  /// The seven stages of the baseline network: kernel, repeats, filters in and out, expansion,
  /// stride (every block keeps the identity skip and a squeeze-and-excitation ratio of 0.25).
  static let stages:
    [(kernel: Int, repeats: Int, filtersIn: Int, filtersOut: Int, expand: Int, stride: Int)] = [
      (3, 1, 32, 16, 1, 1), (3, 2, 16, 24, 6, 2), (5, 2, 24, 40, 6, 2), (3, 3, 40, 80, 6, 2),
      (5, 3, 80, 112, 6, 1), (5, 4, 112, 192, 6, 2), (3, 1, 192, 320, 6, 1),
    ]

  /// `IMAGENET_STDDEV_RGB`, by which the ImageNet-weights stem divides (as 1/sqrt).
  static let imageNetStandardDeviations = [0.229, 0.224, 0.225]

  static func build(variant: Int, _ context: ApplicationContext) throws(KerasError)
    -> KerasModel
  {
    let arguments = context.arguments
    let (widthCoefficient, depthCoefficient, defaultSize, dropoutRate) = variants[variant]
    var dropConnectRate = 0.2
    var depthDivisor = 8
    var activation: ArgumentValue = .string("swish")
    for (label, value) in arguments.extraKeywords {
      switch label {
      case "drop_connect_rate":
        dropConnectRate = try ApplicationArguments(values: [label: value]).number(label)
      case "depth_divisor":
        depthDivisor = try ApplicationArguments(values: [label: value]).integer(label)
      case "activation": activation = value
      case "blocks_args":
        throw KerasError.limitation(
          "ConvBook does not support `blocks_args=` for EfficientNet yet; it builds the default blocks"
        )
      case "width_coefficient", "depth_coefficient", "default_size", "dropout_rate", "model_name":
        throw .typeError("EfficientNet() got multiple values for argument '\(label)'")
      default:
        throw .typeError("EfficientNet() got an unexpected keyword argument '\(label)'")
      }
    }
    if depthDivisor <= 0 {
      throw KerasError.limitation(
        "ConvBook does not support `depth_divisor=\(depthDivisor)`; it must be positive")
    }
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded."
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000",
      keras3: "If using `weights=\"imagenet\"` with `include_top` as true, `classes` should be 1000"
    )
    let shape = try context.inputShape(defaultSize: defaultSize, minSize: 32)
    let input = try context.imageInput(shape: shape)
    let builder = context.builder

    func roundFilters(_ filters: Int) -> Int {
      let scaled = Double(filters) * widthCoefficient
      var rounded = max(
        depthDivisor, Int(scaled + Double(depthDivisor) / 2) / depthDivisor * depthDivisor)
      if Double(rounded) < 0.9 * scaled { rounded += depthDivisor }
      return rounded
    }
    func roundRepeats(_ repeats: Int) -> Int {
      Int((depthCoefficient * Double(repeats)).rounded(.up))
    }

    var x = try builder.layer("Rescaling", ["scale": .float(1.0 / 255.0)], input)
    x = try builder.layer("Normalization", ["axis": .int(3)], x)
    if arguments.usesImageNetWeights {
      let scales = imageNetStandardDeviations.map { 1 / $0.squareRoot() }
      switch context.kerasVersion {
      case .keras2:
        // `tf.math.multiply(x, 1/sqrt(stddev))` per channel: a TFOpLambda layer in the graph.
        // Under a mixed policy the normalized image is float16 and TensorFlow's `Mul` refuses
        // the float32 scales: tf-keras cannot build the model then.
        let dtype = x.dtypeName
        if dtype != "float32" {
          let name = TFOpLambda(operation: .multiply, names: builder.names).name
          throw .typeError(
            """
            Exception encountered when calling layer "\(name)" (type TFOpLambda).

            Input 'y' of 'Mul' Op has type float32 that does not match type \(dtype) of argument 'x'.

            Call arguments received by layer "\(name)" (type TFOpLambda):
              • x=tf.Tensor(shape=\(x.shape), dtype=\(dtype))
              • y=tf.Tensor(shape=(1, 1, 1, 3), dtype=float32)
              • name=None
            """)
        }
        x = try builder.operation(.multiply, [x], channelConstants: scales)
      case .keras3:
        // Keras 3 scales the channels with a second `Rescaling` layer.
        x = try builder.layer("Rescaling", ["scale": .list(scales.map { .float($0) })], x)
      }
    }
    x = try builder.zeroPadding(x, builder.correctPad(x, 3), name: "stem_conv_pad")
    x = try builder.conv(
      x, roundFilters(32), .int(3), strides: .int(2), padding: "valid", useBias: false,
      name: "stem_conv")
    x = try builder.batchNorm(x, name: "stem_bn")
    x = try builder.layer("Activation", ["activation": activation], name: "stem_activation", x)

    let totalBlocks = Double(stages.reduce(0) { $0 + roundRepeats($1.repeats) })
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
        let letter = String(UnicodeScalar(UInt8(97 + repeatIndex % 26)))
        x = try block(
          x, activation: activation,
          dropRate: dropConnectRate * Double(blockIndex) / totalBlocks,
          name: "block\(stageIndex + 1)\(letter)_", filtersIn: filtersIn, filtersOut: filtersOut,
          kernel: stage.kernel, stride: stride, expandRatio: stage.expand, builder)
        blockIndex += 1
      }
    }
    x = try builder.conv(
      x, roundFilters(1280), .int(1), padding: "same", useBias: false, name: "top_conv")
    x = try builder.batchNorm(x, name: "top_bn")
    x = try builder.layer("Activation", ["activation": activation], name: "top_activation", x)
    x = try context.top(
      x, averageName: "avg_pool", maximumName: "max_pool", dropout: dropoutRate,
      dropoutName: "top_dropout")
    return try context.model(
      x, input: input, name: "efficientnetb\(variant)", application: "EfficientNetB\(variant)")
  }

  private static func block(
    _ input: KerasTensor, activation: ArgumentValue, dropRate: Double, name: String,
    filtersIn: Int, filtersOut: Int, kernel: Int, stride: Int, expandRatio: Int,
    _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    let filters = filtersIn * expandRatio
    var x = input
    if expandRatio != 1 {
      x = try builder.conv(
        x, filters, .int(1), padding: "same", useBias: false, name: name + "expand_conv")
      x = try builder.batchNorm(x, name: name + "expand_bn")
      x = try builder.layer(
        "Activation", ["activation": activation], name: name + "expand_activation", x)
    }
    let padding: String
    if stride == 2 {
      x = try builder.zeroPadding(x, builder.correctPad(x, kernel), name: name + "dwconv_pad")
      padding = "valid"
    } else {
      padding = "same"
    }
    x = try builder.depthwise(x, kernel, strides: stride, padding: padding, name: name + "dwconv")
    x = try builder.batchNorm(x, name: name + "bn")
    x = try builder.layer("Activation", ["activation": activation], name: name + "activation", x)
    // Squeeze and excitation, ratio 0.25 of the block's input filters.
    let squeezed = max(1, Int(Double(filtersIn) * 0.25))
    x = try builder.squeezeExcitation(
      x, filters: filters, squeezed: squeezed, activation: activation, name: name)
    x = try builder.conv(
      x, filtersOut, .int(1), padding: "same", useBias: false, name: name + "project_conv")
    x = try builder.batchNorm(x, name: name + "project_bn")
    if stride == 1, filtersIn == filtersOut {
      if dropRate > 0 {
        x = try builder.layer(
          "Dropout",
          ["rate": .float(dropRate), "noise_shape": .tuple([.none, .int(1), .int(1), .int(1)])],
          name: name + "drop", x)
      }
      x = try builder.merge("Add", [x, input], name: name + "add")
    }
    return x
  }
}
