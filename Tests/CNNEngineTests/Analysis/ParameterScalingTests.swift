import CNNEngine
import Testing

@Suite struct ParameterScalingTests {
  @Test func flattenHeadGrowsAndPoolingHeadStaysFlat() throws {
    let names = NameScope(kerasVersion: .keras2)
    let flat = try AnalysisModels.seed(flatten: true, names: names)
    let pooling = try AnalysisModels.seed(flatten: false, names: names)
    let scaling = try ParameterScaling(models: [flat, pooling], sizes: [8, 32, 224, 512])
    let flatPoints = scaling.series[0].points
    #expect(flatPoints[2].parameters == 11_574_090)
    #expect(flatPoints[2].lastMap == TensorShape([nil, 53, 53, 64]))
    #expect(flatPoints[1].parameters == 170_826)
    #expect(scaling.series[1].points.dropFirst().allSatisfy { $0.parameters == 66_602 })
    // 8 pixels: the second block's convolutions run out of map; a gap with a reason, not a crash.
    #expect(flatPoints[0].parameters == nil)
    #expect(flatPoints[0].invalidReason?.isEmpty == false)
    #expect(scaling.series[1].points[0].isValid == false)
    // The models are untouched.
    #expect(flat.inputShape == TensorShape([nil, 224, 224, 3]))
    #expect(try flat.countParams() == 11_574_090)
  }

  @Test func nonSquareModelIsResizedToSquare() throws {
    let scaling = try ParameterScaling(models: [AnalysisModels.nonSquare()], sizes: [60])
    // (60, 60, 3) -> (58, 58, 8) -> 26,912 values -> Dense(10).
    #expect(scaling.series[0].points[0].parameters == 224 + 26_912 * 10 + 10)
  }

  @Test func channelsFirstResizesTheSpatialAxes() throws {
    let scaling = try ParameterScaling(
      models: [AnalysisModels.channelsFirst(flattenFormat: nil)], sizes: [10])
    // (3, 10, 10) -> (16, 10, 10) -> 1,600 values -> Dense(5).
    #expect(scaling.series[0].points[0].parameters == 448 + 1_600 * 5 + 5)
  }
}
