/// DenseNet121/169/201 (`keras.applications.densenet`): dense blocks, where every layer's 32 new
/// channels are concatenated to its input, joined by transition blocks that halve the channels
/// and the size.
enum DenseNet {
  static func blocks(depth: Int) -> [Int] {
    switch depth {
    case 169: return [6, 12, 32, 32]
    case 201: return [6, 12, 48, 32]
    default: return [6, 12, 24, 16]
    }
  }

  static func build(depth: Int, _ context: ApplicationContext) throws(KerasError)
    -> KerasModel
  {
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded."
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000")
    let shape = try context.inputShape(defaultSize: 224, minSize: 32)
    let input = try context.imageInput(shape: shape)
    let builder = context.builder
    var x = try builder.zeroPadding(input, ((3, 3), (3, 3)), name: nil)
    x = try builder.conv(
      x, 64, .int(7), strides: .int(2), useBias: false, name: context.layerName("conv1/conv"))
    x = try builder.batchNorm(x, epsilon: 1.001e-5, name: context.layerName("conv1/bn"))
    x = try builder.activation(x, "relu", name: context.layerName("conv1/relu"))
    x = try builder.zeroPadding(x, ((1, 1), (1, 1)), name: nil)
    x = try builder.pool("MaxPooling2D", x, 3, strides: 2, name: "pool1")
    let counts = blocks(depth: depth)
    for (index, count) in counts.enumerated() {
      for block in 1...count {
        x = try convBlock(x, growthRate: 32, name: "conv\(index + 2)_block\(block)", builder)
      }
      if index < counts.count - 1 {
        x = try transition(x, name: "pool\(index + 2)", builder)
      }
    }
    x = try builder.batchNorm(x, epsilon: 1.001e-5, name: "bn")
    x = try builder.activation(x, "relu", name: "relu")
    x = try context.top(x, averageName: "avg_pool", maximumName: "max_pool")
    return try context.model(
      x, input: input, name: "densenet\(depth)", application: "DenseNet\(depth)")
  }

  private static func transition(_ input: KerasTensor, name: String, _ builder: ApplicationBuilder)
    throws(KerasError) -> KerasTensor
  {
    var x = try builder.batchNorm(input, epsilon: 1.001e-5, name: name + "_bn")
    x = try builder.activation(x, "relu", name: name + "_relu")
    x = try builder.conv(
      x, Int(Double(builder.channels(x)) * 0.5), .int(1), useBias: false, name: name + "_conv")
    return try builder.pool("AveragePooling2D", x, 2, strides: 2, name: name + "_pool")
  }

  private static func convBlock(
    _ input: KerasTensor, growthRate: Int, name: String, _ builder: ApplicationBuilder
  ) throws(KerasError) -> KerasTensor {
    var x = try builder.batchNorm(input, epsilon: 1.001e-5, name: name + "_0_bn")
    x = try builder.activation(x, "relu", name: name + "_0_relu")
    x = try builder.conv(x, 4 * growthRate, .int(1), useBias: false, name: name + "_1_conv")
    x = try builder.batchNorm(x, epsilon: 1.001e-5, name: name + "_1_bn")
    x = try builder.activation(x, "relu", name: name + "_1_relu")
    x = try builder.conv(
      x, growthRate, .int(3), padding: "same", useBias: false, name: name + "_2_conv")
    return try builder.merge("Concatenate", [input, x], name: name + "_concat", axis: 3)
  }
}
