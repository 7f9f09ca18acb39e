/// Xception (`keras.applications.xception`): depthwise-separable convolutions in an entry flow,
/// eight middle-flow blocks and an exit flow, with residual connections.
enum Xception {
  static func build(_ context: ApplicationContext) throws(KerasError) -> KerasModel {
    let arguments = context.arguments
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded.",
      keras3:
        "The `weights` argument should be either `None` (random initialization), 'imagenet' (pre-training on ImageNet), or the path to the weights file to be loaded."
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000",
      keras3:
        "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  Received classes=\(arguments["classes"])"
    )
    let shape = try context.inputShape(defaultSize: 299, minSize: 71)
    let input = try context.imageInput(shape: shape)
    let b = context.builder
    let three = ArgumentValue.tuple([.int(3), .int(3)])
    func separable(_ x: KerasTensor, _ filters: Int, _ name: String) throws(KerasError)
      -> KerasTensor
    {
      try b.layer(
        "SeparableConv2D",
        [
          "filters": .int(filters), "kernel_size": three, "padding": .string("same"),
          "use_bias": .bool(false),
        ], name: name, x)
    }
    func batchNorm(_ x: KerasTensor, _ name: String?) throws(KerasError) -> KerasTensor {
      try b.batchNorm(x, axis: -1, name: name)
    }
    func shortcut(_ x: KerasTensor, _ filters: Int) throws(KerasError) -> KerasTensor {
      let residual = try b.conv(
        x, filters, .tuple([.int(1), .int(1)]), strides: .tuple([.int(2), .int(2)]),
        padding: "same", useBias: false, name: nil)
      return try batchNorm(residual, nil)
    }
    func pool(_ x: KerasTensor, _ name: String) throws(KerasError) -> KerasTensor {
      try b.layer(
        "MaxPooling2D",
        ["pool_size": three, "strides": .tuple([.int(2), .int(2)]), "padding": .string("same")],
        name: name, x)
    }

    var x = try b.conv(
      input, 32, three, strides: .tuple([.int(2), .int(2)]), useBias: false, name: "block1_conv1")
    x = try batchNorm(x, "block1_conv1_bn")
    x = try b.activation(x, "relu", name: "block1_conv1_act")
    x = try b.conv(x, 64, three, useBias: false, name: "block1_conv2")
    x = try batchNorm(x, "block1_conv2_bn")
    x = try b.activation(x, "relu", name: "block1_conv2_act")

    // Entry flow: blocks 2-4, each halving the size with a strided 1x1 shortcut.
    for (index, filters) in [128, 256, 728].enumerated() {
      let block = "block\(index + 2)"
      let residual = try shortcut(x, filters)
      if index > 0 { x = try b.activation(x, "relu", name: block + "_sepconv1_act") }
      x = try separable(x, filters, block + "_sepconv1")
      x = try batchNorm(x, block + "_sepconv1_bn")
      x = try b.activation(x, "relu", name: block + "_sepconv2_act")
      x = try separable(x, filters, block + "_sepconv2")
      x = try batchNorm(x, block + "_sepconv2_bn")
      x = try pool(x, block + "_pool")
      x = try b.merge("Add", [x, residual])
    }
    // Middle flow: blocks 5-12.
    for index in 0..<8 {
      let residual = x
      let prefix = "block\(index + 5)"
      for step in 1...3 {
        x = try b.activation(x, "relu", name: prefix + "_sepconv\(step)_act")
        x = try separable(x, 728, prefix + "_sepconv\(step)")
        x = try batchNorm(x, prefix + "_sepconv\(step)_bn")
      }
      x = try b.merge("Add", [x, residual])
    }
    // Exit flow.
    let residual = try shortcut(x, 1024)
    x = try b.activation(x, "relu", name: "block13_sepconv1_act")
    x = try separable(x, 728, "block13_sepconv1")
    x = try batchNorm(x, "block13_sepconv1_bn")
    x = try b.activation(x, "relu", name: "block13_sepconv2_act")
    x = try separable(x, 1024, "block13_sepconv2")
    x = try batchNorm(x, "block13_sepconv2_bn")
    x = try pool(x, "block13_pool")
    x = try b.merge("Add", [x, residual])
    x = try separable(x, 1536, "block14_sepconv1")
    x = try batchNorm(x, "block14_sepconv1_bn")
    x = try b.activation(x, "relu", name: "block14_sepconv1_act")
    x = try separable(x, 2048, "block14_sepconv2")
    x = try batchNorm(x, "block14_sepconv2_bn")
    x = try b.activation(x, "relu", name: "block14_sepconv2_act")
    if arguments.includeTop {
      x = try context.top(x, averageName: "avg_pool")
    } else {
      x = try context.pooling(x)
    }
    return try context.model(x, input: input, name: "xception", application: "Xception")
  }
}
