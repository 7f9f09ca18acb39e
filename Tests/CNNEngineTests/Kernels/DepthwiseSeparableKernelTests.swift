import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Depthwise and separable convolution kernels")
struct DepthwiseSeparableKernelTests {
  typealias Support = KernelTestSupport

  @Test("output channel c*M + m comes from input channel c and filter m (worked out by hand)")
  func channelOrder() throws {
    // input (1, 1, 2, 2): pixel 0 = (1, 10), pixel 1 = (2, 20); kernel (1, 2, 2, 2) [kw][c][m].
    let input = try Tensor(shape: [1, 1, 2, 2], scalars: [1, 10, 2, 20])
    let kernel = try Tensor(shape: [1, 2, 2, 2], scalars: [1, 2, 3, 4, 5, 6, 7, 8])
    let output = try DepthwiseConvolutionKernel.convolve(input, kernel: kernel)
    // channel 0: m0 = 1*1 + 2*5 = 11, m1 = 1*2 + 2*6 = 14
    // channel 1: m0 = 10*3 + 20*7 = 170, m1 = 10*4 + 20*8 = 200
    #expect(output.shape == [1, 1, 1, 4])
    #expect(output.scalars == [11, 14, 170, 200])
  }

  /// (fixture, strides, dilations, same)
  static let depthwiseCases: [(String, [Int], [Int], Bool)] = [
    ("depthwise2d_multiplier", [2, 2], [1, 1], true),
    ("depthwise2d_dilated", [1, 1], [2, 2], false),
    ("depthwise1d_same", [1], [1], true),
  ]

  @Test("matches tf-keras DepthwiseConv1D/2D", arguments: depthwiseCases.indices)
  func depthwiseMatchesKeras(_ index: Int) throws {
    let (name, strides, dilations, same) = Self.depthwiseCases[index]
    let input = try Support.fixture(name, "input")
    let kernel = try Support.fixture(name, "depthwise_kernel")
    let rank = kernel.rank - 2
    let padding: SpatialPadding =
      same
      ? .same(
        inputSize: Array(input.shape[1...rank]), kernelSize: Array(kernel.shape.prefix(rank)),
        strides: strides,
        dilations: dilations) : .valid(rank: rank)
    for threads in [1, 2] {
      let output = try DepthwiseConvolutionKernel.convolve(
        input, kernel: kernel, bias: Support.fixture(name, "bias"), strides: strides,
        dilations: dilations,
        padding: padding, threads: threads)
      Support.expectClose(output, try Support.fixture(name, "output"), Comment(rawValue: name))
    }
  }

  @Test("matches tf-keras SeparableConv2D")
  func separableMatchesKeras() throws {
    let name = "separable2d_same"
    let input = try Support.fixture(name, "input")
    let pointwise = try PackedConvolutionWeights(
      kernel: Support.fixture(name, "pointwise_kernel"), bias: Support.fixture(name, "bias"))
    let output = try SeparableConvolutionKernel.convolve(
      input, depthwiseKernel: Support.fixture(name, "depthwise_kernel"), pointwise: pointwise,
      padding: .same(inputSize: [6, 6], kernelSize: [3, 3], strides: [1, 1], dilations: [1, 1]))
    Support.expectClose(output, try Support.fixture(name, "output"))
  }

  @Test("depthwise equals a grouped convolution with one group per channel")
  func depthwiseEqualsGrouped() throws {
    let input = try KernelBenchmark.randomTensor([1, 9, 11, 12], seed: 5)
    let kernel = try KernelBenchmark.randomTensor([3, 3, 12, 1], seed: 6)
    let depthwise = try DepthwiseConvolutionKernel.convolve(input, kernel: kernel, strides: [2, 1])
    // Grouped kernel (3, 3, 1, 12): filter c of group c is the depthwise filter of channel c.
    let grouped = try ConvolutionKernel.convolve(
      input, kernel: kernel.reshaped([3, 3, 1, 12]), groups: 12, strides: [2, 1])
    #expect(Support.bits(depthwise) == Support.bits(grouped))
  }
}
