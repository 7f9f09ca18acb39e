import CNNEngine
import Testing

/// The seed article's two 224x224x3 models, built through the engine's Swift API.
@Suite struct SeedModelTests {
  func layer(
    _ className: String, _ positional: [ArgumentValue] = [],
    _ keywords: [(String, ArgumentValue)] = [],
    names: NameScope
  ) throws -> LayerInstance {
    LayerInstance(
      try LayerCatalog.make(
        className: className, positional: positional, keywords: keywords, names: names))
  }

  func seedModel(head: String, names: NameScope) throws -> KerasModel {
    let pair: ArgumentValue = .tuple([.int(2), .int(2)])
    let kernel: ArgumentValue = .tuple([.int(3), .int(3)])
    let relu: [(String, ArgumentValue)] = [("activation", .string("relu"))]
    var instances: [LayerInstance] = [
      LayerInstance(
        try LayerCatalog.makeInput(
          positional: [], keywords: [("shape", .tuple([.int(224), .int(224), .int(3)]))],
          names: names))
    ]
    for filters in [32, 64] {
      instances.append(try layer("Conv2D", [.int(filters), kernel], relu, names: names))
      instances.append(try layer("Conv2D", [.int(filters), kernel], relu, names: names))
      instances.append(try layer("MaxPooling2D", [pair, pair], names: names))
      instances.append(try layer("BatchNormalization", names: names))
    }
    if head == "flatten" {
      instances.append(try layer("Flatten", names: names))
      instances.append(try layer("Dropout", [.float(0.3)], names: names))
      instances.append(try layer("Dense", [.int(64)], relu, names: names))
      instances.append(try layer("Dense", [.int(32)], relu, names: names))
    } else {
      instances.append(try layer("GlobalAveragePooling2D", names: names))
      instances.append(try layer("Dropout", [.float(0.3)], names: names))
    }
    instances.append(
      try layer("Dense", [.int(10)], [("activation", .string("softmax"))], names: names))
    let model = KerasModel(name: names.uniqueName(forClass: "Sequential"))
    for instance in instances { try model.add(instance) }
    return model
  }

  @Test func flattenHeadMatchesKeras() throws {
    let names = NameScope(kerasVersion: .keras2)
    let summary = try seedModel(head: "flatten", names: names).summary()
    #expect(summary.totalParameters == 11_574_090)
    #expect(summary.trainableParameters == 11_573_898)
    #expect(summary.nonTrainableParameters == 192)
    #expect(summary.inputLayerName == "input_1")
    #expect(summary.rows.map(\.name).last == "dense_2")
    let flattenInput = summary.rows.first { $0.className == "Flatten" }?.inputShape
    #expect(flattenInput == TensorShape([nil, 53, 53, 64]))
    #expect(
      summary.rows.first { $0.className == "Flatten" }?.outputShape == TensorShape([nil, 179_776]))
  }

  @Test func globalPoolingHeadMatchesKeras() throws {
    let names = NameScope(kerasVersion: .keras2)
    _ = try seedModel(head: "flatten", names: names)
    let model = try seedModel(head: "gap", names: names)
    let summary = try model.summary()
    #expect(model.name == "sequential_1")
    #expect(summary.totalParameters == 66_602)
    #expect(summary.trainableParameters == 66_410)
    #expect(summary.rows.last?.name == "dense_3")
    #expect(summary.inputLayerName == "input_2")
  }

  @Test func snakeCaseFollowsKeras() {
    let cases = [
      "Conv2D": "conv2d", "MaxPooling2D": "max_pooling2d", "ReLU": "re_lu",
      "LeakyReLU": "leaky_re_lu",
      "BatchNormalization": "batch_normalization", "Conv2DTranspose": "conv2d_transpose",
      "GlobalAveragePooling2D": "global_average_pooling2d", "ELU": "elu",
      "UpSampling2D": "up_sampling2d",
      "DepthwiseConv2D": "depthwise_conv2d", "SpatialDropout1D": "spatial_dropout1d",
      "ZeroPadding3D": "zero_padding3d", "Sequential": "sequential",
    ]
    for (className, expected) in cases { #expect(NameScope.snakeCase(className) == expected) }
  }
}
