/// VGG16 and VGG19 (`keras.applications.vgg16` / `vgg19`): five blocks of 3x3 convolutions with
/// 2x2 max pooling, then Flatten and two 4096-unit layers.
enum VGG {
  static func build(depth: Int, _ context: ApplicationContext) throws(KerasError)
    -> KerasModel
  {
    let arguments = context.arguments
    let weights = arguments["weights"]
    let classes = arguments["classes"]
    if depth == 16 {
      try context.checkWeights(
        "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded.  Received: weights=\(weights.plainDescription)",
        keras3:
          "The `weights` argument should be either `None` (random initialization), 'imagenet' (pre-training on ImageNet), or the path to the weights file to be loaded.  Received: weights=\(weights.plainDescription)"
      )
      try context.checkClasses(
        "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000.  Received `classes=\(classes)`",
        keras3:
          "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  Received classes=\(classes)"
      )
    } else {
      try context.checkWeights(
        "The `weights` argument should be either `None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file to be loaded.  Received: `weights=\(weights.plainDescription).`",
        keras3:
          "The `weights` argument should be either `None` (random initialization), 'imagenet' (pre-training on ImageNet), or the path to the weights file to be loaded.  Received: weights=\(weights.plainDescription)"
      )
      try context.checkClasses(
        "If using `weights` as `\"imagenet\"` with `include_top` as true, `classes` should be 1000.  Received: `classes=\(classes).`",
        keras3:
          "If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  Received classes=\(classes)"
      )
    }
    let shape = try context.inputShape(defaultSize: 224, minSize: 32)
    let input = try context.imageInput(shape: shape)
    let builder = context.builder
    let blocks = depth == 16 ? [2, 2, 3, 3, 3] : [2, 2, 4, 4, 4]
    let filters = [64, 128, 256, 512, 512]
    var x = input
    for (index, (count, width)) in zip(blocks, filters).enumerated() {
      for layer in 1...count {
        x = try builder.conv(
          x, width, .tuple([.int(3), .int(3)]), padding: "same", activation: .string("relu"),
          name: "block\(index + 1)_conv\(layer)")
      }
      x = try builder.layer(
        "MaxPooling2D",
        ["pool_size": .tuple([.int(2), .int(2)]), "strides": .tuple([.int(2), .int(2)])],
        name: "block\(index + 1)_pool", x)
    }
    if arguments.includeTop {
      x = try builder.layer("Flatten", name: "flatten", x)
      x = try builder.layer(
        "Dense", ["units": .int(4096), "activation": .string("relu")], name: "fc1", x)
      x = try builder.layer(
        "Dense", ["units": .int(4096), "activation": .string("relu")], name: "fc2", x)
      try context.validateActivation()
      x = try context.dense(x, arguments.integer("classes"))
    } else {
      x = try context.pooling(x)
    }
    return try context.model(x, input: input, name: "vgg\(depth)", application: "VGG\(depth)")
  }
}
