/// InceptionV3 (`keras.applications.inception_v3`): a stem of convolutions, then Inception
/// modules (`mixed0` ... `mixed10`) whose parallel branches are concatenated; every convolution is
/// followed by batch normalization without scale and a ReLU.
enum InceptionV3 {
  static func build(_ context: ApplicationContext) throws(KerasError) -> KerasModel {
    let arguments = context.arguments
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded; Received: weights=\(arguments["weights"].plainDescription)"
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000; Received classes=\(arguments["classes"])",
      keras3:
        "If using `weights=\"imagenet\"` with `include_top=True`, `classes` should be 1000. Received classes=\(arguments["classes"])"
    )
    let shape = try context.inputShape(defaultSize: 299, minSize: 75)
    let input = try context.imageInput(shape: shape)
    let b = context.builder
    /// `conv2d_bn`: Conv2D without bias, BatchNormalization(scale=False), ReLU (all unnamed).
    func unit(
      _ x: KerasTensor, _ filters: Int, _ rows: Int, _ columns: Int, stride: Int = 1,
      padding: String = "same"
    ) throws(KerasError) -> KerasTensor {
      var y = try b.conv(
        x, filters, .tuple([.int(rows), .int(columns)]),
        strides: .tuple([.int(stride), .int(stride)]),
        padding: padding, useBias: false, name: nil)
      y = try b.batchNorm(y, scale: false, name: nil)
      return try b.activation(y, "relu", name: nil)
    }
    func averagePool(_ x: KerasTensor) throws(KerasError) -> KerasTensor {
      try b.layer(
        "AveragePooling2D",
        [
          "pool_size": .tuple([.int(3), .int(3)]), "strides": .tuple([.int(1), .int(1)]),
          "padding": .string("same"),
        ], x)
    }
    func maxPool(_ x: KerasTensor) throws(KerasError) -> KerasTensor {
      try b.layer(
        "MaxPooling2D",
        ["pool_size": .tuple([.int(3), .int(3)]), "strides": .tuple([.int(2), .int(2)])], x)
    }
    func concatenate(_ tensors: [KerasTensor], _ name: String?) throws(KerasError) -> KerasTensor {
      try b.merge("Concatenate", tensors, name: name, axis: 3)
    }

    var x = try unit(input, 32, 3, 3, stride: 2, padding: "valid")
    x = try unit(x, 32, 3, 3, padding: "valid")
    x = try unit(x, 64, 3, 3)
    x = try maxPool(x)
    x = try unit(x, 80, 1, 1, padding: "valid")
    x = try unit(x, 192, 3, 3, padding: "valid")
    x = try maxPool(x)

    // mixed0-2: 35x35 modules.
    for (index, poolFilters) in [32, 64, 64].enumerated() {
      let branch1x1 = try unit(x, 64, 1, 1)
      var branch5x5 = try unit(x, 48, 1, 1)
      branch5x5 = try unit(branch5x5, 64, 5, 5)
      var branch3x3dbl = try unit(x, 64, 1, 1)
      branch3x3dbl = try unit(branch3x3dbl, 96, 3, 3)
      branch3x3dbl = try unit(branch3x3dbl, 96, 3, 3)
      let branchPool = try unit(try averagePool(x), poolFilters, 1, 1)
      x = try concatenate([branch1x1, branch5x5, branch3x3dbl, branchPool], "mixed\(index)")
    }
    // mixed3: reduction to 17x17.
    do {
      let branch3x3 = try unit(x, 384, 3, 3, stride: 2, padding: "valid")
      var branch3x3dbl = try unit(x, 64, 1, 1)
      branch3x3dbl = try unit(branch3x3dbl, 96, 3, 3)
      branch3x3dbl = try unit(branch3x3dbl, 96, 3, 3, stride: 2, padding: "valid")
      let branchPool = try maxPool(x)
      x = try concatenate([branch3x3, branch3x3dbl, branchPool], "mixed3")
    }
    // mixed4-7: 17x17 modules with factorized 7x7 convolutions.
    for (index, width) in [128, 160, 160, 192].enumerated() {
      let branch1x1 = try unit(x, 192, 1, 1)
      var branch7x7 = try unit(x, width, 1, 1)
      branch7x7 = try unit(branch7x7, width, 1, 7)
      branch7x7 = try unit(branch7x7, 192, 7, 1)
      var branch7x7dbl = try unit(x, width, 1, 1)
      branch7x7dbl = try unit(branch7x7dbl, width, 7, 1)
      branch7x7dbl = try unit(branch7x7dbl, width, 1, 7)
      branch7x7dbl = try unit(branch7x7dbl, width, 7, 1)
      branch7x7dbl = try unit(branch7x7dbl, 192, 1, 7)
      let branchPool = try unit(try averagePool(x), 192, 1, 1)
      x = try concatenate([branch1x1, branch7x7, branch7x7dbl, branchPool], "mixed\(index + 4)")
    }
    // mixed8: reduction to 8x8.
    do {
      var branch3x3 = try unit(x, 192, 1, 1)
      branch3x3 = try unit(branch3x3, 320, 3, 3, stride: 2, padding: "valid")
      var branch7x7x3 = try unit(x, 192, 1, 1)
      branch7x7x3 = try unit(branch7x7x3, 192, 1, 7)
      branch7x7x3 = try unit(branch7x7x3, 192, 7, 1)
      branch7x7x3 = try unit(branch7x7x3, 192, 3, 3, stride: 2, padding: "valid")
      let branchPool = try maxPool(x)
      x = try concatenate([branch3x3, branch7x7x3, branchPool], "mixed8")
    }
    // mixed9-10: 8x8 modules with split 1x3 / 3x1 branches.
    for index in 0..<2 {
      let branch1x1 = try unit(x, 320, 1, 1)
      let branch3x3 = try unit(x, 384, 1, 1)
      let branch3x3Joined = try concatenate(
        [try unit(branch3x3, 384, 1, 3), try unit(branch3x3, 384, 3, 1)], "mixed9_\(index)")
      var branch3x3dbl = try unit(x, 448, 1, 1)
      branch3x3dbl = try unit(branch3x3dbl, 384, 3, 3)
      let branch3x3dblJoined = try concatenate(
        [try unit(branch3x3dbl, 384, 1, 3), try unit(branch3x3dbl, 384, 3, 1)], nil)
      let branchPool = try unit(try averagePool(x), 192, 1, 1)
      x = try concatenate(
        [branch1x1, branch3x3Joined, branch3x3dblJoined, branchPool], "mixed\(9 + index)")
    }
    if arguments.includeTop {
      x = try context.top(x, averageName: "avg_pool")
    } else {
      x = try context.pooling(x)
    }
    return try context.model(x, input: input, name: "inception_v3", application: "InceptionV3")
  }
}
