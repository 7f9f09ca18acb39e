import CNNEngine
import Testing

/// Functional graphs through the engine's Swift API: layer order, node indices of a shared layer,
/// when a graph still counts as a chain, and the merge layers' shape rules.
@Suite struct ModelGraphTests {
  let names = NameScope(kerasVersion: .keras2)

  func layer(_ className: String, _ keywords: [(String, ArgumentValue)] = []) throws
    -> LayerInstance
  {
    LayerInstance(
      try LayerCatalog.make(
        className: className, positional: [], keywords: keywords, names: names))
  }

  func input(_ shape: [Int]) throws -> KerasTensor {
    KerasTensor(
      input: try LayerCatalog.makeInput(
        positional: [], keywords: [("shape", .tuple(shape.map { .int($0) }))], names: names))
  }

  @Test func sharedLayerGetsOneRowAndTwoNodes() throws {
    let left = try input([4])
    let right = try input([4])
    let dense = try layer("Dense", [("units", .int(3))])
    let a = try left.apply(dense)
    let b = try right.apply(dense)
    #expect(a.nodeIndex == 0 && b.nodeIndex == 1)
    let add = try KerasTensor.apply(try layer("Add"), to: [a, b], asList: true)
    let model = try KerasModel.functional(name: "m", inputs: [left, right], outputs: [add])
    let graph = try #require(model.graph)
    #expect(graph.layers.map(\.name) == ["input_1", "input_2", "dense", "add"])
    #expect(!graph.isSequentialLike)
    let summary = try model.summary()
    #expect(summary.showsConnections)
    #expect(
      summary.rows[2].connections.map(\.kerasDescription) == ["input_1[0][0]", "input_2[0][0]"])
    #expect(summary.rows[3].connections.map(\.kerasDescription) == ["dense[0][0]", "dense[1][0]"])
    #expect(summary.totalParameters == 15)
  }

  @Test func aChainStaysAChain() throws {
    let x = try input([4])
    let y = try x.apply(try layer("Dense", [("units", .int(2))]))
    let model = try KerasModel.functional(name: "m", inputs: [x], outputs: [y])
    #expect(model.graph == nil)
    #expect(try !model.summary().showsConnections)
  }

  @Test func mergeShapesFollowTfKeras() throws {
    let map = try input([8, 8, 16])
    let gate = try input([1, 1, 16])
    let other = try input([8, 8, 32])
    let sum = try KerasTensor.apply(try layer("Multiply"), to: [map, gate], asList: true)
    #expect(sum.shape == TensorShape([nil, 8, 8, 16]))
    #expect(
      throws: KerasError.value(
        "Inputs have incompatible shapes. Received shapes (8, 8, 16) and (8, 8, 32)")
    ) {
      try KerasTensor.apply(try layer("Add"), to: [map, other], asList: true)
    }
    let joined = try KerasTensor.apply(try layer("Concatenate"), to: [map, other], asList: true)
    #expect(joined.shape == TensorShape([nil, 8, 8, 48]))
  }

  @Test func disconnectedGraphIsKerasError() throws {
    let a = try input([4])
    let b = try input([4])
    let y = try KerasTensor.apply(try layer("Add"), to: [a, b], asList: true)
    #expect(throws: KerasError.self) {
      try KerasModel.functional(name: "m", inputs: [a], outputs: [y])
    }
  }
}
