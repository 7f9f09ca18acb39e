/// InceptionResNetV2 (`keras.applications.inception_resnet_v2`): an Inception stem, then three
/// kinds of Inception-ResNet blocks (35x35, 17x17, 8x8 grids) whose branches are concatenated,
/// projected by a 1x1 convolution and added to the block's input, scaled (`CustomScaleLayer`).
enum InceptionResNetV2 {
  static func build(_ context: ApplicationContext) throws(KerasError) -> KerasModel {
    let arguments = context.arguments
    try context.checkExtraKeywords()
    try context.checkWeights(
      "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded."
    )
    try context.checkClasses(
      "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000",
      keras3:
        "If using `weights=\"imagenet\"` with `include_top=True`, `classes` should be 1000. Received classes=\(arguments["classes"])"
    )
    let shape = try context.inputShape(defaultSize: 299, minSize: 75)
    let input = try context.imageInput(shape: shape)
    let b = context.builder

    /// `conv2d_bn`: Conv2D, BatchNormalization(scale=False) unless the convolution has a bias,
    /// then the activation; named `name`, `name_bn`, `name_ac` when `name` is given.
    func unit(
      _ x: KerasTensor, _ filters: Int, _ kernel: ArgumentValue, stride: Int = 1,
      padding: String = "same", activation: String? = "relu", useBias: Bool = false,
      name: String? = nil
    ) throws(KerasError) -> KerasTensor {
      var y = try b.conv(
        x, filters, kernel, strides: .int(stride), padding: padding, useBias: useBias, name: name)
      if !useBias { y = try b.batchNorm(y, scale: false, name: name.map { $0 + "_bn" }) }
      if let activation { y = try b.activation(y, activation, name: name.map { $0 + "_ac" }) }
      return y
    }
    func square(_ size: Int) -> ArgumentValue { .int(size) }
    func rectangle(_ rows: Int, _ columns: Int) -> ArgumentValue {
      .list([.int(rows), .int(columns)])
    }
    func maxPool(_ x: KerasTensor) throws(KerasError) -> KerasTensor {
      try b.pool("MaxPooling2D", x, 3, strides: 2, name: nil)
    }
    func block(_ x: KerasTensor, scale: Double, type: String, index: Int, activation: Bool = true)
      throws(KerasError) -> KerasTensor
    {
      var branches: [KerasTensor]
      switch type {
      case "block35":
        let branch0 = try unit(x, 32, square(1))
        var branch1 = try unit(x, 32, square(1))
        branch1 = try unit(branch1, 32, square(3))
        var branch2 = try unit(x, 32, square(1))
        branch2 = try unit(branch2, 48, square(3))
        branch2 = try unit(branch2, 64, square(3))
        branches = [branch0, branch1, branch2]
      case "block17":
        let branch0 = try unit(x, 192, square(1))
        var branch1 = try unit(x, 128, square(1))
        branch1 = try unit(branch1, 160, rectangle(1, 7))
        branch1 = try unit(branch1, 192, rectangle(7, 1))
        branches = [branch0, branch1]
      default:
        let branch0 = try unit(x, 192, square(1))
        var branch1 = try unit(x, 192, square(1))
        branch1 = try unit(branch1, 224, rectangle(1, 3))
        branch1 = try unit(branch1, 256, rectangle(3, 1))
        branches = [branch0, branch1]
      }
      let name = "\(type)_\(index)"
      let mixed = try b.merge("Concatenate", branches, name: name + "_mixed", axis: 3)
      let up = try unit(
        mixed, b.channels(x), square(1), activation: nil, useBias: true, name: name + "_conv")
      let scaled = CustomScaleLayer(
        scale: scale, name: b.names.uniqueName(forClass: "CustomScaleLayer"))
      var y = try b.call(LayerInstance(scaled), [x, up])
      if activation { y = try b.activation(y, "relu", name: name + "_ac") }
      return y
    }

    var x = try unit(input, 32, square(3), stride: 2, padding: "valid")
    x = try unit(x, 32, square(3), padding: "valid")
    x = try unit(x, 64, square(3))
    x = try maxPool(x)
    x = try unit(x, 80, square(1), padding: "valid")
    x = try unit(x, 192, square(3), padding: "valid")
    x = try maxPool(x)
    do {
      let branch0 = try unit(x, 96, square(1))
      var branch1 = try unit(x, 48, square(1))
      branch1 = try unit(branch1, 64, square(5))
      var branch2 = try unit(x, 64, square(1))
      branch2 = try unit(branch2, 96, square(3))
      branch2 = try unit(branch2, 96, square(3))
      var branchPool = try b.pool("AveragePooling2D", x, 3, strides: 1, padding: "same", name: nil)
      branchPool = try unit(branchPool, 64, square(1))
      x = try b.merge(
        "Concatenate", [branch0, branch1, branch2, branchPool], name: "mixed_5b", axis: 3)
    }
    for index in 1...10 { x = try block(x, scale: 0.17, type: "block35", index: index) }
    do {
      let branch0 = try unit(x, 384, square(3), stride: 2, padding: "valid")
      var branch1 = try unit(x, 256, square(1))
      branch1 = try unit(branch1, 256, square(3))
      branch1 = try unit(branch1, 384, square(3), stride: 2, padding: "valid")
      let branchPool = try maxPool(x)
      x = try b.merge("Concatenate", [branch0, branch1, branchPool], name: "mixed_6a", axis: 3)
    }
    for index in 1...20 { x = try block(x, scale: 0.1, type: "block17", index: index) }
    do {
      var branch0 = try unit(x, 256, square(1))
      branch0 = try unit(branch0, 384, square(3), stride: 2, padding: "valid")
      var branch1 = try unit(x, 256, square(1))
      branch1 = try unit(branch1, 288, square(3), stride: 2, padding: "valid")
      var branch2 = try unit(x, 256, square(1))
      branch2 = try unit(branch2, 288, square(3))
      branch2 = try unit(branch2, 320, square(3), stride: 2, padding: "valid")
      let branchPool = try maxPool(x)
      x = try b.merge(
        "Concatenate", [branch0, branch1, branch2, branchPool], name: "mixed_7a", axis: 3)
    }
    for index in 1...9 { x = try block(x, scale: 0.2, type: "block8", index: index) }
    x = try block(x, scale: 1.0, type: "block8", index: 10, activation: false)
    x = try unit(x, 1536, square(1), name: "conv_7b")
    if arguments.includeTop {
      x = try context.top(x, averageName: "avg_pool")
    } else {
      x = try context.pooling(x)
    }
    return try context.model(
      x, input: input, name: "inception_resnet_v2", application: "InceptionResNetV2")
  }
}
