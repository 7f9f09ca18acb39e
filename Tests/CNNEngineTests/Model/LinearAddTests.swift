import Synchronization
import Testing

@testable import CNNEngine

/// `for i in range(N): model.add(layers.Dense(1))` stays linear in N: adding a layer reads the
/// earlier layers neither for their names nor for their shapes. Counted, not timed: a layer that
/// counts how often its configuration (name included) and its shape inference are read.
@Suite("Sequential.add stays linear")
struct LinearAddTests {
  final class Reads: Sendable {
    let configuration = Atomic<Int>(0)
    let shapes = Atomic<Int>(0)
  }

  struct CountingLayer: WeightlessLayer {
    let reads: Reads
    let ownCommon: LayerCommon

    var common: LayerCommon {
      reads.configuration.add(1, ordering: .relaxed)
      return ownCommon
    }
    var className: String { "Counting" }

    func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
      reads.shapes.add(1, ordering: .relaxed)
      return input
    }

    func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
      throw preparation.unsupported()
    }

    func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan {
      throw preparation.unsupported()
    }

    func setting(_ name: String) -> LayerSetting? { nil }
  }

  @Test("each add reads a bounded number of layer properties, whatever the model's length")
  func addIsConstantPerLayer() throws {
    let reads = Reads()
    let model = KerasModel(name: "sequential")
    try model.add(AnalysisModels.input([4], names: NameScope()))
    var perAdd: [Int] = []
    for index in 0..<400 {
      let before = reads.configuration.load(ordering: .relaxed)
      let layer = CountingLayer(
        reads: reads,
        ownCommon: LayerCommon(
          name: "counting_\(index)", arguments: LayerArguments(className: "Counting", values: [:])))
      try model.add(LayerInstance(layer))
      perAdd.append(reads.configuration.load(ordering: .relaxed) - before)
    }
    // Shape inference once per layer, never re-run for earlier layers.
    #expect(reads.shapes.load(ordering: .relaxed) == 400)
    // The 400th add reads no more than the 2nd (a scan of earlier names would read 399 more).
    #expect(perAdd[399] <= perAdd[1])
    #expect(reads.configuration.load(ordering: .relaxed) <= 400 * perAdd[1])
    #expect(try model.summary().rows.count == 400)
  }
}
