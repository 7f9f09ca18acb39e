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
}
