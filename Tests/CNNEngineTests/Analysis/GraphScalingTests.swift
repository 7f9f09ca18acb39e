import CNNEngine
import Testing

/// The scaling figure's numbers for graphs: a residual block with a Flatten head, and a U-Net
/// style decoder around a nested encoder with two outputs, replayed at other input sizes.
@Suite struct GraphScalingTests {
  let names = NameScope(kerasVersion: .keras2)

  func layer(_ className: String, _ keywords: [(String, ArgumentValue)] = []) throws
    -> LayerInstance
  {
    LayerInstance(
      try LayerCatalog.make(className: className, positional: [], keywords: keywords, names: names))
  }

  func input(_ shape: [Int]) throws -> KerasTensor {
    KerasTensor(
      input: try LayerCatalog.makeInput(
        positional: [], keywords: [("shape", .tuple(shape.map { .int($0) }))], names: names))
  }

  func conv(_ filters: Int, strides: Int = 1) throws -> LayerInstance {
    try layer(
      "Conv2D",
      [
        ("filters", .int(filters)), ("kernel_size", .int(3)), ("padding", .string("same")),
        ("strides", .int(strides)),
      ])
  }

  @Test func residualGraphWithFlattenHeadGrowsWithTheInput() throws {
    let inputs = try input([16, 16, 3])
    let stem = try inputs.apply(try conv(4))
    let branch = try stem.apply(try conv(4))
    let added = try KerasTensor.apply(try layer("Add"), to: [stem, branch], asList: true)
    let flat = try added.apply(try layer("Flatten"))
    let output = try flat.apply(try layer("Dense", [("units", .int(2))]))
    let model = try KerasModel.functional(name: "res", inputs: [inputs], outputs: [output])
    #expect(model.graph != nil)
    let scaling = try ParameterScaling(models: [model], sizes: [8, 16])
    let points = scaling.series[0].points
    // At the size it was built for, the model's own totals.
    #expect(try points[1].parameters == model.countParams())
    #expect(points[1].multiplyAccumulates == model.totals.multiplyAccumulates)
    // Convolutions: 3*9*4+4 and 4*9*4+4; the head: 8*8*4 values -> Dense(2).
    #expect(points[0].parameters == 112 + 148 + 8 * 8 * 4 * 2 + 2)
    #expect(points[0].lastMap == TensorShape([nil, 8, 8, 4]))
    #expect(model.inputShape == TensorShape([nil, 16, 16, 3]))
  }

  /// A functional chain (its InputLayer among its layers) is replayed from the resized input, not
  /// from the shape its InputLayer was defined with (hostile batch9: the same MACs at every size).
  @Test func functionalChainGrowsWithTheInput() throws {
    let inputs = try input([32, 32, 3])
    let features = try inputs.apply(
      try layer("Conv2D", [("filters", .int(2)), ("kernel_size", .int(3))]))
    let output = try features.apply(try layer("Flatten"))
    let model = try KerasModel.functional(name: "chain", inputs: [inputs], outputs: [output])
    let scaling = try ParameterScaling(models: [model], sizes: [8, 32, 64])
    let points = scaling.series[0].points
    // 2 filters x 27 taps per output pixel: 6x6, 30x30, 62x62 pixels.
    #expect(points.map(\.multiplyAccumulates) == [54 * 36, 54 * 900, 54 * 3_844])
    #expect(points.map(\.parameters) == [56, 56, 56])
    #expect(points[0].lastMap == TensorShape([nil, 6, 6, 2]))
  }

  @Test func nestedEncoderWithTwoOutputsIsReplayed() throws {
    let encoderInput = try input([16, 16, 3])
    let fine = try encoderInput.apply(try conv(4))
    let coarse = try fine.apply(try conv(6, strides: 2))
    let encoder = try KerasModel.functional(
      name: "encoder", inputs: [encoderInput], outputs: [fine, coarse])
    let image = try input([16, 16, 3])
    let skips = try KerasTensor.call(encoder.calledInstance, on: [image], asList: false)
    #expect(skips.map(\.shape) == [TensorShape([nil, 16, 16, 4]), TensorShape([nil, 8, 8, 6])])
    let up = try skips[1].apply(
      try layer(
        "Conv2DTranspose",
        [
          ("filters", .int(4)), ("kernel_size", .int(3)), ("strides", .int(2)),
          ("padding", .string("same")),
        ]))
    let joined = try KerasTensor.apply(
      try layer("Concatenate"), to: [up, skips[0]], asList: true)
    let output = try joined.apply(
      try layer("Conv2D", [("filters", .int(1)), ("kernel_size", .int(1))]))
    let model = try KerasModel.functional(name: "unet", inputs: [image], outputs: [output])
    let scaling = try ParameterScaling(models: [model], sizes: [16, 32])
    let points = scaling.series[0].points
    #expect(try points[0].parameters == model.countParams())
    #expect(points[1].parameters == points[0].parameters)
    #expect(points[0].multiplyAccumulates == model.totals.multiplyAccumulates)
    // Every layer's MACs grow with the map's area.
    #expect(points[1].multiplyAccumulates == 4 * model.totals.multiplyAccumulates)
  }
}
