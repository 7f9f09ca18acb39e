import Foundation

/// MobileNet (`keras.applications.mobilenet`): depthwise-separable blocks, widths scaled by
/// `alpha`, a 1x1 convolution as classifier.
enum MobileNet {
  static let imageNetSizes: Set<Int> = [128, 160, 192, 224]

  static func build(_ context: ApplicationContext) throws(KerasError) -> KerasModel {
    let arguments = context.arguments
    try context.checkExtraKeywords(asTuple: true)
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded.  Received weights=\(arguments["weights"].plainDescription)",
      keras3:
        "The `weights` argument should be either `None` (random initialization), 'imagenet' (pre-training on ImageNet), or the path to the weights file to be loaded. Received weights=\(arguments["weights"].plainDescription)"
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000.  Received classes=\(arguments["classes"])",
      keras3:
        "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  Received classes=\(arguments["classes"])"
    )
    var defaultSize = 224
    if arguments["input_shape"] != .none {
      let (rows, columns) = ApplicationContext.size(arguments["input_shape"].sequenceItems ?? [])
      if let rows, rows == columns, imageNetSizes.contains(rows) { defaultSize = rows }
    }
    let shape = try context.inputShape(defaultSize: defaultSize, minSize: 32)
    var (rows, columns) = ApplicationContext.size(shape)
    let alpha = try arguments.widthMultiplier("alpha")
    let depthMultiplier = try arguments.integer("depth_multiplier")
    if arguments.usesImageNetWeights {
      if depthMultiplier != 1 {
        throw .value(
          "If imagenet weights are being loaded, depth multiplier must be 1.  Received depth_multiplier=\(arguments["depth_multiplier"])"
        )
      }
      if ![0.25, 0.50, 0.75, 1.0].contains(alpha) {
        throw .value(
          "If imagenet weights are being loaded, alpha can be one of`0.25`, `0.50`, `0.75` or `1.0` only.  Received alpha=\(arguments["alpha"])"
        )
      }
      if rows != columns || !imageNetSizes.contains(rows ?? 0) { rows = 224 }
    }
    _ = columns
    let input = try context.imageInput(shape: shape)
    let builder = context.builder
    var x = try builder.conv(
      input, Int(32 * alpha), .tuple([.int(3), .int(3)]), strides: .tuple([.int(2), .int(2)]),
      padding: "same", useBias: false, name: "conv1")
    x = try builder.batchNorm(x, axis: -1, name: "conv1_bn")
    x = try builder.relu6(x, name: "conv1_relu")
    let blocks: [(filters: Int, stride: Int)] = [
      (64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1), (512, 1),
      (512, 1), (512, 1), (1024, 2), (1024, 1),
    ]
    for (index, block) in blocks.enumerated() {
      x = try depthwiseBlock(
        x, block.filters, alpha: alpha, depthMultiplier: depthMultiplier, stride: block.stride,
        blockID: index + 1, builder)
    }
    if arguments.includeTop {
      let classes = try arguments.integer("classes")
      x = try builder.layer("GlobalAveragePooling2D", ["keepdims": .bool(true)], x)
      x = try builder.layer("Dropout", ["rate": arguments["dropout"]], name: "dropout", x)
      x = try builder.conv(
        x, classes, .tuple([.int(1), .int(1)]), padding: "same", name: "conv_preds")
      x = try builder.layer(
        "Reshape", ["target_shape": .tuple([.int(classes)])], name: "reshape_2", x)
      try context.validateActivation()
      x = try builder.layer(
        "Activation", ["activation": arguments["classifier_activation"]], name: "predictions", x)
    } else {
      x = try context.pooling(x)
    }
    let name = "mobilenet_\(String(format: "%.2f", alpha))_\(rows.map(String.init) ?? "None")"
    return try context.model(x, input: input, name: name, application: "MobileNet")
  }

  private static func depthwiseBlock(
    _ input: KerasTensor, _ filters: Int, alpha: Double, depthMultiplier: Int, stride: Int,
    blockID: Int, _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    var x = input
    if stride != 1 {
      x = try builder.zeroPadding(x, ((0, 1), (0, 1)), name: "conv_pad_\(blockID)")
    }
    x = try builder.layer(
      "DepthwiseConv2D",
      [
        "kernel_size": .tuple([.int(3), .int(3)]),
        "padding": .string(stride == 1 ? "same" : "valid"),
        "depth_multiplier": .int(depthMultiplier), "strides": .tuple([.int(stride), .int(stride)]),
        "use_bias": .bool(false),
      ], name: "conv_dw_\(blockID)", x)
    x = try builder.batchNorm(x, axis: -1, name: "conv_dw_\(blockID)_bn")
    x = try builder.relu6(x, name: "conv_dw_\(blockID)_relu")
    x = try builder.conv(
      x, Int(Double(filters) * alpha), .tuple([.int(1), .int(1)]),
      strides: .tuple([.int(1), .int(1)]), padding: "same", useBias: false,
      name: "conv_pw_\(blockID)")
    x = try builder.batchNorm(x, axis: -1, name: "conv_pw_\(blockID)_bn")
    return try builder.relu6(x, name: "conv_pw_\(blockID)_relu")
  }
}
