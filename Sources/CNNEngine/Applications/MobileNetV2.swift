import Foundation

/// MobileNetV2 (`keras.applications.mobilenet_v2`): inverted residual blocks (1x1 expansion,
/// 3x3 depthwise, linear 1x1 projection), widths scaled by `alpha`.
enum MobileNetV2 {
  static let imageNetSizes: Set<Int> = [96, 128, 160, 192, 224]

  static func build(_ context: ApplicationContext) throws(KerasError) -> KerasModel {
    let arguments = context.arguments
    try context.checkExtraKeywords()
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded.  Received `weights=\(arguments["weights"].plainDescription)`"
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000. Received `classes=\(arguments["classes"])`",
      keras3:
        "If using `weights=\"imagenet\"` with `include_top` as true, `classes` should be 1000. Received `classes=\(arguments["classes"])`"
    )
    let givenShape = arguments["input_shape"]
    if let tensor = arguments.inputTensor, givenShape != .none {
      let items = givenShape.sequenceItems ?? []
      let tensorColumns = tensor.shape.dimensions.count > 2 ? tensor.shape.dimensions[2] : nil
      let shapeRows: Int? = {
        if items.count > 1, case .int(let size) = items[1] { return size }
        return nil
      }()
      if tensorColumns != shapeRows {
        throw .value(
          "input_tensor.shape[2] must equal input_shape[1]; Received `input_tensor.shape=\(tensor.shape)`, `input_shape=\(givenShape)`"
        )
      }
    }
    var defaultSize = 224
    let square: (Int?, Int?)
    if givenShape == .none, let tensor = arguments.inputTensor {
      let dimensions = tensor.shape.dimensions
      square = (
        dimensions.count > 1 ? dimensions[1] : nil, dimensions.count > 2 ? dimensions[2] : nil
      )
    } else if givenShape != .none {
      square = ApplicationContext.size(givenShape.sequenceItems ?? [])
    } else {
      square = (nil, nil)
    }
    if let rows = square.0, rows == square.1, imageNetSizes.contains(rows) { defaultSize = rows }
    let shape = try context.inputShape(defaultSize: defaultSize, minSize: 32)
    var (rows, columns) = ApplicationContext.size(shape)
    let alpha = try arguments.widthMultiplier("alpha")
    if arguments.usesImageNetWeights {
      if ![0.35, 0.50, 0.75, 1.0, 1.3, 1.4].contains(alpha) {
        throw .value(
          "If imagenet weights are being loaded, alpha must be one of `0.35`, `0.50`, `0.75`, `1.0`, `1.3` or `1.4` only; Received `alpha=\(arguments["alpha"])`"
        )
      }
      if rows != columns || !imageNetSizes.contains(rows ?? 0) { rows = 224 }
    }
    _ = columns
    let input = try context.imageInput(shape: shape)
    let builder = context.builder
    var x = try builder.conv(
      input, makeDivisible(32 * alpha, 8), .int(3), strides: .tuple([.int(2), .int(2)]),
      padding: "same", useBias: false, name: "Conv1")
    x = try builder.batchNorm(x, epsilon: 1e-3, momentum: 0.999, axis: -1, name: "bn_Conv1")
    x = try builder.relu6(x, name: "Conv1_relu")
    let blocks: [(filters: Int, stride: Int, expansion: Int)] = [
      (16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6),
      (64, 1, 6), (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6),
      (160, 1, 6), (160, 1, 6), (320, 1, 6),
    ]
    for (index, block) in blocks.enumerated() {
      x = try invertedResidual(
        x, expansion: block.expansion, stride: block.stride, alpha: alpha, filters: block.filters,
        blockID: index, builder)
    }
    let lastFilters = alpha > 1.0 ? makeDivisible(1280 * alpha, 8) : 1280
    x = try builder.conv(x, lastFilters, .int(1), useBias: false, name: "Conv_1")
    x = try builder.batchNorm(x, epsilon: 1e-3, momentum: 0.999, axis: -1, name: "Conv_1_bn")
    x = try builder.relu6(x, name: "out_relu")
    x = try context.top(x)
    let name = "mobilenetv2_\(String(format: "%.2f", alpha))_\(rows.map(String.init) ?? "None")"
    return try context.model(x, input: input, name: name, application: "MobileNetV2")
  }

  /// `_make_divisible`: the nearest multiple of `divisor`, never more than 10% below `value`.
  static func makeDivisible(_ value: Double, _ divisor: Int) -> Int {
    var result = max(divisor, Int(value + Double(divisor) / 2) / divisor * divisor)
    if Double(result) < 0.9 * value { result += divisor }
    return result
  }

  private static func invertedResidual(
    _ input: KerasTensor, expansion: Int, stride: Int, alpha: Double, filters: Int, blockID: Int,
    _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    let inChannels = builder.channels(input)
    let pointwise = makeDivisible(Double(Int(Double(filters) * alpha)), 8)
    var x = input
    var prefix = "block_\(blockID)_"
    if blockID > 0 {
      x = try builder.conv(
        x, expansion * inChannels, .int(1), padding: "same", useBias: false,
        name: prefix + "expand")
      x = try builder.batchNorm(
        x, epsilon: 1e-3, momentum: 0.999, axis: -1, name: prefix + "expand_BN")
      x = try builder.relu6(x, name: prefix + "expand_relu")
    } else {
      prefix = "expanded_conv_"
    }
    if stride == 2 {
      x = try builder.zeroPadding(x, builder.correctPad(x, 3), name: prefix + "pad")
    }
    x = try builder.depthwise(
      x, 3, strides: stride, padding: stride == 1 ? "same" : "valid", name: prefix + "depthwise")
    x = try builder.batchNorm(
      x, epsilon: 1e-3, momentum: 0.999, axis: -1, name: prefix + "depthwise_BN")
    x = try builder.relu6(x, name: prefix + "depthwise_relu")
    x = try builder.conv(
      x, pointwise, .int(1), padding: "same", useBias: false, name: prefix + "project")
    x = try builder.batchNorm(
      x, epsilon: 1e-3, momentum: 0.999, axis: -1, name: prefix + "project_BN")
    if inChannels == pointwise, stride == 1 {
      return try builder.merge("Add", [input, x], name: prefix + "add")
    }
    return x
  }
}
