import CNNEngine
import Testing

@Suite struct ShapeTraceTests {
  @Test func seedTraceMarksTheFlattenAndTheParameterJump() throws {
    let trace = try ShapeTrace(model: AnalysisModels.seed(flatten: true))
    #expect(trace.steps.first?.className == "InputLayer")
    #expect(trace.steps.first?.values == 150_528)
    #expect(trace.steps.count == 14)
    #expect(trace.totalParameters == 11_574_090)
    let flatten = try #require(trace.steps.first { $0.name == "flatten" })
    #expect(flatten.marks == [.flattensLayout])
    #expect(flatten.values == 179_776)
    #expect(flatten.activationBytes == 719_104)
    let dense = try #require(trace.steps.first { $0.name == "dense" })
    #expect(dense.marks.contains(.parameterJump))
    #expect(dense.parameters == 11_505_728)
    #expect(dense.multiplyAccumulates == 11_505_664)
    // No other layer jumps in parameters.
    #expect(trace.steps.filter { $0.marks.contains(.parameterJump) }.map(\.name) == ["dense"])
    #expect(trace.peakActivationBytes == 1_577_088 * 4)
  }

  @Test func poolingHeadHasNoParameterJump() throws {
    let trace = try ShapeTrace(model: AnalysisModels.seed(flatten: false))
    #expect(trace.totalParameters == 66_602)
    #expect(!trace.steps.contains { $0.marks.contains(.parameterJump) })
    #expect(!trace.steps.contains { $0.marks.contains(.flattensLayout) })
  }

  @Test func nonSquareShapesAreTheModels() throws {
    let trace = try ShapeTrace(model: AnalysisModels.nonSquare())
    #expect(
      trace.steps.map(\.outputShape) == [
        TensorShape([nil, 60, 90, 3]), TensorShape([nil, 58, 88, 8]), TensorShape([nil, 40_832]),
        TensorShape([nil, 10]),
      ])
    #expect(trace.steps[1].multiplyAccumulates == 58 * 88 * 8 * 27)
  }
}
