/// ResNet50/101/152 (`keras.applications.resnet`) and ResNet50V2/101V2/152V2
/// (`keras.applications.resnet_v2`): bottleneck blocks in four stacks, after batch normalization
/// (v1) or pre-activated (v2).
enum ResNet {
  /// Blocks per stack for 50, 101 and 152 layers.
  static func stacks(depth: Int) -> [Int] {
    switch depth {
    case 101: return [3, 4, 23, 3]
    case 152: return [3, 8, 36, 3]
    default: return [3, 4, 6, 3]
    }
  }

  static func build(depth: Int, version2: Bool, _ context: ApplicationContext) throws(KerasError)
    -> KerasModel
  {
    try context.checkExtraKeywords()
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded.",
      keras3:
        "The `weights` argument should be either `None` (random initialization), 'imagenet' (pre-training on ImageNet), or the path to the weights file to be loaded.  Received: weights=\(context.arguments["weights"].plainDescription)"
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000",
      keras3:
        "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  Received classes=\(context.arguments["classes"])"
    )
    let shape = try context.inputShape(defaultSize: 224, minSize: 32)
    let input = try context.imageInput(shape: shape)
    let builder = context.builder
    var x = try builder.zeroPadding(input, ((3, 3), (3, 3)), name: "conv1_pad")
    x = try builder.conv(x, 64, .int(7), strides: .int(2), useBias: true, name: "conv1_conv")
    if !version2 {
      x = try builder.batchNorm(x, epsilon: 1.001e-5, name: "conv1_bn")
      x = try builder.activation(x, "relu", name: "conv1_relu")
    }
    x = try builder.zeroPadding(x, ((1, 1), (1, 1)), name: "pool1_pad")
    x = try builder.pool("MaxPooling2D", x, 3, strides: 2, name: "pool1_pool")
    let filters = [64, 128, 256, 512]
    for (index, (blocks, width)) in zip(stacks(depth: depth), filters).enumerated() {
      let name = "conv\(index + 2)"
      if version2 {
        x = try stack2(x, width, blocks, stride: index == 3 ? 1 : 2, name: name, builder)
      } else {
        x = try stack1(x, width, blocks, stride: index == 0 ? 1 : 2, name: name, builder)
      }
    }
    if version2 {
      x = try builder.batchNorm(x, epsilon: 1.001e-5, name: "post_bn")
      x = try builder.activation(x, "relu", name: "post_relu")
    }
    x = try context.top(x, averageName: "avg_pool", maximumName: "max_pool")
    let modelName = "resnet\(depth)\(version2 ? "v2" : "")"
    return try context.model(
      x, input: input, name: modelName, application: "ResNet\(depth)\(version2 ? "V2" : "")")
  }

  /// `resnet.block1`: the v1 bottleneck, with a projection shortcut in each stack's first block.
  private static func block1(
    _ input: KerasTensor, _ filters: Int, stride: Int, convShortcut: Bool, name: String,
    _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    var shortcut = input
    if convShortcut {
      shortcut = try builder.conv(
        input, 4 * filters, .int(1), strides: .int(stride), name: name + "_0_conv")
      shortcut = try builder.batchNorm(shortcut, epsilon: 1.001e-5, name: name + "_0_bn")
    }
    var x = try builder.conv(input, filters, .int(1), strides: .int(stride), name: name + "_1_conv")
    x = try builder.batchNorm(x, epsilon: 1.001e-5, name: name + "_1_bn")
    x = try builder.activation(x, "relu", name: name + "_1_relu")
    x = try builder.conv(x, filters, .int(3), padding: "SAME", name: name + "_2_conv")
    x = try builder.batchNorm(x, epsilon: 1.001e-5, name: name + "_2_bn")
    x = try builder.activation(x, "relu", name: name + "_2_relu")
    x = try builder.conv(x, 4 * filters, .int(1), name: name + "_3_conv")
    x = try builder.batchNorm(x, epsilon: 1.001e-5, name: name + "_3_bn")
    x = try builder.merge("Add", [shortcut, x], name: name + "_add")
    return try builder.activation(x, "relu", name: name + "_out")
  }

  private static func stack1(
    _ input: KerasTensor, _ filters: Int, _ blocks: Int, stride: Int, name: String,
    _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    var x = try block1(
      input, filters, stride: stride, convShortcut: true, name: name + "_block1", builder)
    for index in 2..<max(2, blocks + 1) {
      x = try block1(
        x, filters, stride: 1, convShortcut: false, name: name + "_block\(index)", builder)
    }
    return x
  }

  /// `resnet.block2`: the v2 bottleneck, batch normalization and ReLU before the convolutions; a
  /// block that downsamples takes its shortcut through a 1x1 max pooling.
  private static func block2(
    _ input: KerasTensor, _ filters: Int, stride: Int, convShortcut: Bool, name: String,
    _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    var preact = try builder.batchNorm(input, epsilon: 1.001e-5, name: name + "_preact_bn")
    preact = try builder.activation(preact, "relu", name: name + "_preact_relu")
    let shortcut: KerasTensor
    if convShortcut {
      shortcut = try builder.conv(
        preact, 4 * filters, .int(1), strides: .int(stride), name: name + "_0_conv")
    } else if stride > 1 {
      shortcut = try builder.pool("MaxPooling2D", input, 1, strides: stride, name: nil)
    } else {
      shortcut = input
    }
    var x = try builder.conv(
      preact, filters, .int(1), strides: .int(1), useBias: false, name: name + "_1_conv")
    x = try builder.batchNorm(x, epsilon: 1.001e-5, name: name + "_1_bn")
    x = try builder.activation(x, "relu", name: name + "_1_relu")
    x = try builder.zeroPadding(x, ((1, 1), (1, 1)), name: name + "_2_pad")
    x = try builder.conv(
      x, filters, .int(3), strides: .int(stride), useBias: false, name: name + "_2_conv")
    x = try builder.batchNorm(x, epsilon: 1.001e-5, name: name + "_2_bn")
    x = try builder.activation(x, "relu", name: name + "_2_relu")
    x = try builder.conv(x, 4 * filters, .int(1), name: name + "_3_conv")
    return try builder.merge("Add", [shortcut, x], name: name + "_out")
  }

  private static func stack2(
    _ input: KerasTensor, _ filters: Int, _ blocks: Int, stride: Int, name: String,
    _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    var x = try block2(
      input, filters, stride: 1, convShortcut: true, name: name + "_block1", builder)
    for index in 2..<max(2, blocks) {
      x = try block2(
        x, filters, stride: 1, convShortcut: false, name: name + "_block\(index)", builder)
    }
    return try block2(
      x, filters, stride: stride, convShortcut: false, name: name + "_block\(blocks)", builder)
  }
}
