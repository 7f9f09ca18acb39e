import Testing

@testable import CNNEngine

@Suite("A Sequential model used as a layer of another model")
struct NestedModelTests {
  typealias Models = AnalysisModels

  /// The body's layers: Conv2D(4, 3) -> BatchNormalization -> MaxPooling2D -> Conv2D(6, 3), in
  /// one scope so that nested and flat models name (and so seed) their weights alike.
  static func body(names: NameScope) throws -> [LayerInstance] {
    [
      try Models.layer(
        "Conv2D", [.int(4), .int(3)],
        [("activation", .string("relu")), ("input_shape", .tuple([.int(10), .int(10), .int(3)]))],
        names: names),
      try Models.layer("BatchNormalization", names: names),
      try Models.layer("MaxPooling2D", names: names),
      try Models.layer("Conv2D", [.int(6), .int(3)], names: names),
    ]
  }

  static func head(names: NameScope) throws -> [LayerInstance] {
    [
      try Models.layer("Flatten", names: names),
      try Models.layer("Dense", [.int(5)], [("activation", .string("softmax"))], names: names),
    ]
  }

  static func nested() throws -> (outer: KerasModel, inner: KerasModel) {
    let names = NameScope(kerasVersion: .keras2)
    let inner = try Models.model("sequential", try body(names: names))
    let outer = KerasModel(name: "sequential_1")
    try outer.add(LayerInstance(model: inner))
    for instance in try head(names: names) { try outer.add(instance) }
    return (outer, inner)
  }

  static func flat() throws -> KerasModel {
    let names = NameScope(kerasVersion: .keras2)
    return try Models.model("flat", try body(names: names) + head(names: names))
  }

  @Test("the nested model is one layer: shapes, parameters and weight names roll up")
  func rollUp() throws {
    let (outer, inner) = try Self.nested()
    let flat = try Self.flat()
    #expect(outer.layers.count == 3)
    #expect(outer.layers[0].className == "Sequential")
    #expect(outer.layers[0].name == "sequential")
    #expect(outer.inputLayer?.name == "sequential_input")
    #expect(outer.inputShape == inner.inputShape)
    #expect(outer.layers[0].outputShape == inner.outputShape)
    #expect(try outer.countParams() == flat.countParams())
    #expect(try outer.layers[0].countParams() == inner.countParams())
    #expect(outer.variables.map(\.name) == flat.variables.map(\.name))
    #expect(outer.nonTrainableVariables.map(\.name) == flat.nonTrainableVariables.map(\.name))
    let summary = try outer.summary()
    #expect(summary.rows.count == 3)
    #expect(summary.totalParameters == (try flat.summary()).totalParameters)
    #expect(
      summary.totalMultiplyAccumulates == (try flat.summary()).totalMultiplyAccumulates)
    #expect(outer.flattenedLayers.map(\.name) == flat.layers.map(\.name))
  }

  @Test("freezing the nested model makes all its weights non-trainable")
  func frozen() throws {
    let (outer, inner) = try Self.nested()
    inner.setTrainable(false)
    let summary = try outer.summary()
    #expect(summary.trainableParameters == outer.layers[2].parameterCount)
    #expect(outer.trainableVariables.map(\.name) == ["dense/kernel:0", "dense/bias:0"])
    #expect(outer.layers[0].trainable == false)
  }

  @Test("a forward pass through the nested model equals the flat model with the same weights")
  func forward() throws {
    let (outer, _) = try Self.nested()
    let flat = try Self.flat()
    let nestedWeights = try ModelWeights.initialized(for: outer, seed: 11)
    let flatWeights = try ModelWeights.initialized(for: flat, seed: 11)
    #expect(nestedWeights.names == flatWeights.names)
    let input = SeededInput.batch(for: outer, batch: 2, seed: 3)
    let nestedOutput = try ForwardPass(model: outer, weights: nestedWeights, threads: 1).run(input)
    let flatOutput = try ForwardPass(model: flat, weights: flatWeights, threads: 1).run(input)
    #expect(nestedOutput.shape == [2, 5])
    #expect(nestedOutput.scalars == flatOutput.scalars)
  }

  @Test("an unbuilt nested model is built by the model it is added to")
  func buildsInner() throws {
    let names = NameScope(kerasVersion: .keras2)
    let inner = try Models.model(
      "sequential",
      [
        try Models.layer("Conv2D", [.int(4), .int(3)], names: names),
        try Models.layer("ReLU", names: names),
      ])
    let outer = KerasModel(name: "sequential_1")
    try outer.add(LayerInstance(model: inner))
    #expect(!outer.isBuilt && !inner.isBuilt)
    try outer.build(batchInputShape: TensorShape([nil, 8, 8, 3]))
    #expect(inner.isBuilt)
    #expect(inner.outputShape == TensorShape([nil, 6, 6, 4]))
    #expect(try outer.countParams() == 112)
  }
}
