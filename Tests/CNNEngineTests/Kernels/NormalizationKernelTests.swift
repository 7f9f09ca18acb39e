import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Normalization kernels")
struct NormalizationKernelTests {
  typealias Support = KernelTestSupport

  @Test("batch normalization, worked out by hand: gamma * (x - mean) / sqrt(var + eps) + beta")
  func batchNormHand() throws {
    let input = try Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
    let output = try BatchNormalizationKernel.normalize(
      input, gamma: Tensor([2, 1]), beta: Tensor([0.5, -1]), movingMean: Tensor([1, 2]),
      movingVariance: Tensor([4 - 1e-3, 1 - 1e-3]))
    // channel 0: 2 * (x - 1) / 2 + 0.5; channel 1: (x - 2) / 1 - 1
    Support.expectClose(
      output, try Tensor(shape: [1, 2, 2], scalars: [0.5, -1, 2.5, 1]), tolerance: 1e-6)
  }

  @Test("batch normalization matches tf-keras (fused rank-4 and axis=1 rank-3)")
  func batchNormMatchesKeras() throws {
    for (name, axis) in [("batchnorm_rank4", -1), ("batchnorm_axis1_rank3", 1)] {
      let output = try BatchNormalizationKernel.normalize(
        Support.fixture(name, "input"), axis: axis, gamma: Support.fixture(name, "gamma"),
        beta: Support.fixture(name, "beta"), movingMean: Support.fixture(name, "moving_mean"),
        movingVariance: Support.fixture(name, "moving_variance"))
      Support.expectClose(
        output, try Support.fixture(name, "output"), tolerance: 1e-6, Comment(rawValue: name))
    }
  }

  @Test("in-place batch normalization equals the out-of-place result, on any thread count")
  func batchNormInPlace() throws {
    let name = "batchnorm_rank4"
    let (gamma, beta) = (try Support.fixture(name, "gamma"), try Support.fixture(name, "beta"))
    let (mean, variance) = (
      try Support.fixture(name, "moving_mean"), try Support.fixture(name, "moving_variance")
    )
    let input = try Support.fixture(name, "input")
    let expected = try BatchNormalizationKernel.normalize(
      input, gamma: gamma, beta: beta, movingMean: mean, movingVariance: variance, threads: 1)
    var tensor = input
    try BatchNormalizationKernel.normalizeInPlace(
      &tensor, gamma: gamma, beta: beta, movingMean: mean, movingVariance: variance, threads: 2)
    #expect(Support.bits(tensor) == Support.bits(expected))
    #expect(input == (try Support.fixture(name, "input")))  // the copy it came from is untouched
  }

  @Test("scale=False and center=False drop gamma and beta")
  func batchNormWithoutScaleAndCenter() throws {
    let input = try Tensor(shape: [2, 1], scalars: [3, 5])
    let output = try BatchNormalizationKernel.normalize(
      input, gamma: nil, beta: nil, movingMean: Tensor([1]), movingVariance: Tensor([3.999]))
    Support.expectClose(output, try Tensor(shape: [2, 1], scalars: [1, 2]), tolerance: 1e-6)
    #expect(throws: KernelError.self) {
      try BatchNormalizationKernel.normalize(
        input, gamma: Tensor([1, 2]), beta: nil, movingMean: Tensor([1]),
        movingVariance: Tensor([1]))
    }
  }

  @Test("layer normalization matches tf-keras (fused and small-epsilon paths)")
  func layerNormMatchesKeras() throws {
    for (name, epsilon) in [("layernorm", Float(1e-3)), ("layernorm_small_eps", 1e-6)] {
      let output = try LayerNormalizationKernel.normalize(
        Support.fixture(name, "input"), gamma: Support.fixture(name, "gamma"),
        beta: Support.fixture(name, "beta"),
        epsilon: epsilon)
      Support.expectClose(
        output, try Support.fixture(name, "output"), tolerance: 2e-6, Comment(rawValue: name))
    }
  }

  @Test("layer normalization, worked out by hand")
  func layerNormHand() throws {
    // Row (1, 3): mean 2, variance 1 -> (-1, 1) / sqrt(1 + 1e-3)
    let output = try LayerNormalizationKernel.normalize(
      Tensor(shape: [1, 2], scalars: [1, 3]), gamma: nil, beta: nil)
    let scale = 1 / (1 + Float(1e-3)).squareRoot()
    Support.expectClose(
      output, try Tensor(shape: [1, 2], scalars: [-scale, scale]), tolerance: 1e-7)
  }
}
