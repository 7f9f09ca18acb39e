import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Dense kernel")
struct DenseKernelTests {
  typealias Support = KernelTestSupport

  @Test("worked out by hand")
  func handComputed() throws {
    // x (2, 2) = [[1, 2], [3, 4]], kernel (2, 3) = [[1, 0, -1], [2, 1, 0]], bias (0.5, 0, 1)
    let weights = try PackedDenseWeights(
      kernel: Tensor(shape: [2, 3], scalars: [1, 0, -1, 2, 1, 0]), bias: Tensor([0.5, 0, 1]))
    let output = try DenseKernel.apply(
      Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), weights: weights)
    #expect(output.shape == [2, 3])
    #expect(output.scalars == [5.5, 2, 0, 11.5, 4, -2])
  }

  @Test("matches tf-keras Dense on rank 3 and on a wide layer with ReLU")
  func matchesKeras() throws {
    for (name, activation) in [("dense_rank3", FusedActivation.linear), ("dense_wide", .relu)] {
      let weights = try PackedDenseWeights(
        kernel: Support.fixture(name, "kernel"), bias: Support.fixture(name, "bias"))
      for threads in [1, 2] {
        let output = try DenseKernel.apply(
          Support.fixture(name, "input"), weights: weights, activation: activation, threads: threads
        )
        Support.expectClose(output, try Support.fixture(name, "output"), Comment(rawValue: name))
      }
    }
  }

  @Test("a single long row (GEMV) is split across threads bitwise identically")
  func gemvDeterministic() throws {
    let input = try KernelBenchmark.randomTensor([1, 3000], seed: 21)
    let weights = try PackedDenseWeights(
      kernel: KernelBenchmark.randomTensor([3000, 64], seed: 22))
    let one = try DenseKernel.apply(input, weights: weights, threads: 1)
    let two = try DenseKernel.apply(input, weights: weights, threads: 2)
    #expect(Support.bits(one) == Support.bits(two))
    #expect(throws: KernelError.self) {
      try DenseKernel.apply(Tensor(shape: [2, 5]), weights: weights)
    }
  }

  @Test(
    "a long inner dimension goes in Eigen's pieces: one thread, threads over the output, shards")
  func contractionPlans() {
    func runs(_ plan: ContractionPlan) -> [[[Int]]] {
      plan.shards.map { $0.map { [$0.lowerBound, $0.upperBound] } }
    }
    // Read off Tools/keras-reference/probe_contraction_plan.py's model, measured on every value.
    #expect(
      runs(TensorFlowContraction.plan(rows: 32, columns: 10, depth: 800)) == [
        [[0, 200], [200, 400], [400, 600], [600, 800]]
      ])
    #expect(
      runs(TensorFlowContraction.plan(rows: 6, columns: 16, depth: 576)) == [
        [[0, 144], [144, 288], [288, 432], [432, 576]]
      ])
    #expect(
      runs(TensorFlowContraction.plan(rows: 33, columns: 64, depth: 1000)) == [
        [[0, 256], [256, 504]], [[504, 752], [752, 1000]],
      ])
    #expect(
      runs(TensorFlowContraction.plan(rows: 32, columns: 64, depth: 300)) == [
        [[0, 150], [150, 300]]
      ])
    #expect(
      runs(TensorFlowContraction.plan(rows: 10, columns: 3, depth: 513)) == [
        [[0, 256], [256, 512], [512, 513]]
      ])
    #expect(
      runs(TensorFlowContraction.plan(rows: 36, columns: 8, depth: 576, operand: .imagePatches))
        == [[[0, 144], [144, 288]], [[288, 432], [432, 576]]])
    #expect(
      runs(TensorFlowContraction.plan(rows: 75, columns: 12, depth: 360, operand: .imagePatches))
        == [[[0, 184]], [[184, 360]]])
    #expect(
      runs(TensorFlowContraction.plan(rows: 21632, columns: 64, depth: 288, operand: .imagePatches))
        == [[[0, 144], [144, 288]]])
    let head = TensorFlowContraction.plan(rows: 32, columns: 128, depth: 5408)
    #expect(head.shards.count == 2)
    #expect(runs(head)[0].prefix(2) == [[0, 152], [152, 304]])
    #expect(runs(head)[1].last == [5272, 5408])
    #expect(TensorFlowContraction.plan(rows: 32, columns: 64, depth: 256).isWhole)
  }

  /// (rows, inputs, units): rows left over from groups of 6 (1, 3, 2, none; all of them below
  /// 6), short and partial last blocks of units, whole and planned sums.
  @Test(
    "Dense in the tiles and value by value agree",
    arguments: [
      (13, 800, 20), (9, 1000, 32), (14, 300, 33), (8, 40, 7), (12, 257, 16), (3, 600, 24),
      (2, 9, 17),
    ])
  func plannedTilesAgreeWithPlannedSums(_ rows: Int, _ inner: Int, _ units: Int) throws {
    var generator = SeededGenerator(seed: 9)
    let x = (0..<rows * inner).map { _ in Float.random(in: -1...1, using: &generator) }
    let w = (0..<inner * units).map { _ in Float.random(in: -1...1, using: &generator) }
    let weights = try PackedDenseWeights(
      kernel: Tensor(shape: [inner, units], scalars: w),
      bias: Tensor([Float](repeating: 0, count: units)))
    let output = try DenseKernel.apply(
      Tensor(shape: [rows, inner], scalars: x), weights: weights, order: .tensorFlowKernels)
    let plan = TensorFlowContraction.plan(rows: rows, columns: units, depth: inner)
    for row in 0..<rows {
      for unit in 0..<units {
        let order = TensorFlowContraction.order(row: row, rows: rows, column: unit, columns: units)
        let expected = x.withUnsafeBufferPointer { a in
          w.withUnsafeBufferPointer { b in
            TensorFlowContraction.plannedSum(
              order, plan: plan, a.baseAddress! + row * inner, b.baseAddress! + unit, strideB: units
            )
          }
        }
        #expect(output.scalars[row * units + unit] == expected, "row \(row) unit \(unit)")
      }
    }
  }
}
