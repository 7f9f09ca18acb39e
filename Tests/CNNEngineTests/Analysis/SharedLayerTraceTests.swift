import CNNEngine
import Testing

/// A layer called several times computes on every call, and a model with several inputs holds
/// each: the trace, the comparison and the model's totals count them all (hostile batch9: a Dense
/// shared three times showed the multiply-accumulates of one call, and a siamese model's trace
/// left its second input out).
@Suite struct SharedLayerTraceTests {
  let names = NameScope(kerasVersion: .keras3)

  func dense(_ units: Int) throws -> LayerInstance {
    LayerInstance(
      try LayerCatalog.make(
        className: "Dense", positional: [], keywords: [("units", .int(units))], names: names))
  }

  func input(_ shape: [Int]) throws -> KerasTensor {
    KerasTensor(
      input: try LayerCatalog.makeInput(
        positional: [], keywords: [("shape", .tuple(shape.map { .int($0) }))], names: names))
  }

  @Test func aSharedLayerCountsEveryCall() throws {
    let shared = try dense(4)
    let inputs = try input([4])
    let output = try inputs.apply(shared).apply(shared).apply(shared)
    let model = try KerasModel.functional(name: "thrice", inputs: [inputs], outputs: [output])
    // 4x4 multiply-accumulates per call, three calls; the weights once.
    #expect(try model.countParams() == 20)
    #expect(model.totals.multiplyAccumulates == 48)
    let trace = try ShapeTrace(model: model)
    #expect(trace.steps.map(\.name) == [inputs.producer.name, shared.name])
    #expect(trace.steps[1].calls == 3)
    #expect(trace.steps[1].multiplyAccumulates == 48)
    #expect(trace.totalMultiplyAccumulates == 48)
    // The input and three outputs of 4 float32 values.
    #expect(trace.totalActivationBytes == 64)
    let comparison = try ModelComparison(models: [model])
    #expect(comparison.entries[0].multiplyAccumulates == 48)
  }

  @Test func aSiameseModelCountsBothInputsAndBothCalls() throws {
    let encoderInput = try input([5])
    let encoder = try KerasModel.functional(
      name: "enc", inputs: [encoderInput], outputs: [try encoderInput.apply(try dense(3))])
    let left = try input([5])
    let right = try input([5])
    let a = try KerasTensor.call(encoder.calledInstance, on: [left], asList: false)[0]
    let b = try KerasTensor.call(encoder.calledInstance, on: [right], asList: false)[0]
    let difference = try KerasTensor.apply(
      LayerInstance(
        try LayerCatalog.make(className: "Subtract", positional: [], keywords: [], names: names)),
      to: [a, b], asList: true)
    let model = try KerasModel.functional(
      name: "siam", inputs: [left, right], outputs: [difference])
    var trace = try ShapeTrace(model: model)
    #expect(
      trace.steps.map(\.name)
        == [left.producer.name, right.producer.name, "enc", difference.producer.name])
    #expect(trace.totalMultiplyAccumulates == 30)
    // Two inputs of 5, the encoder's output twice, the difference: 19 values.
    #expect(trace.totalActivationBytes == 76)
    trace.measure(model)
    #expect(trace.measurement?.failure == nil)
    // Each input gets its own seeded batch.
    #expect(trace.steps[0].statistics != nil && trace.steps[1].statistics != nil)
    #expect(trace.steps[0].statistics != trace.steps[1].statistics)
  }
}
