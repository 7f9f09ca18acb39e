import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Winograd F(2x2, 3x3) convolution")
struct WinogradConvolutionTests {
  /// (height, width, channels, filters, same padding)
  static let cases: [(Int, Int, Int, Int, Bool)] = [
    (9, 7, 8, 16, false), (10, 10, 32, 32, true), (5, 6, 12, 20, true), (3, 3, 8, 9, false),
    (17, 40, 16, 8, true), (4, 13, 9, 33, false),
  ]

  @Test(
    "equals the direct convolution within ~1e-6 of the output's scale",
    arguments: cases.indices, [2, 4])
  func matchesDirect(_ index: Int, tile: Int) throws {
    let (height, width, channels, filters, same) = Self.cases[index]
    let input = SeededInput.tensor(shape: [2, height, width, channels], seed: UInt64(index))
    var kernel = SeededInput.tensor(shape: [3, 3, channels, filters], seed: 100 + UInt64(index))
    kernel.withUnsafeMutableBufferPointer { values in
      for i in values.indices { values[i] = (values[i] - 0.5) / Float(channels) }
    }
    let bias = SeededInput.tensor(shape: [filters], seed: 200)
    let padding: SpatialPadding =
      same
      ? .same(
        inputSize: [height, width], kernelSize: [3, 3], strides: [1, 1], dilations: [1, 1])
      : .valid(rank: 2)
    for activation in [FusedActivation.linear, .relu, .clamp(lower: 0, upper: 0.5)] {
      let direct = try ConvolutionKernel.convolve(
        input, weights: PackedConvolutionWeights(kernel: kernel, bias: bias), strides: [1, 1],
        dilations: [1, 1], padding: padding, activation: activation)
      var winograd = Tensor.empty
      try WinogradConvolutionKernel.convolve(
        input, weights: PackedWinogradWeights(kernel: kernel, bias: bias, tile: tile),
        padding: padding,
        activation: activation, threads: 2, into: &winograd)
      #expect(winograd.shape == direct.shape)
      let scale = direct.scalars.map(abs).max() ?? 1
      let error = winograd.maxAbsoluteDifference(to: direct) / max(scale, 1)
      #expect(error <= (tile == 2 ? 1e-6 : 3e-6), "tile \(tile): \(error)")
    }
  }

  @Test("bitwise identical for 1, 2 and 3 threads", arguments: [2, 4])
  func deterministic(tile: Int) throws {
    let input = SeededInput.tensor(shape: [3, 30, 41, 16], seed: 1)
    let weights = try PackedWinogradWeights(
      kernel: SeededInput.tensor(shape: [3, 3, 16, 24], seed: 2), bias: nil, tile: tile)
    var reference = Tensor.empty
    try WinogradConvolutionKernel.convolve(
      input, weights: weights, padding: .valid(rank: 2), threads: 1, into: &reference)
    for threads in [2, 3] {
      var output = Tensor.empty
      try WinogradConvolutionKernel.convolve(
        input, weights: weights, padding: .valid(rank: 2), threads: threads, into: &output)
      #expect(output.scalars.map(\.bitPattern) == reference.scalars.map(\.bitPattern))
    }
  }
}
