import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Transposed convolution kernel")
struct TransposedConvolutionKernelTests {
  typealias Support = KernelTestSupport

  @Test("1D stride 2, worked out by hand: out[i*s + k - pad] += in[i] * w[k]")
  func handComputed() throws {
    let input = try Tensor(shape: [1, 2, 1], scalars: [1, 2])
    let weights = try PackedTransposedConvolutionWeights(
      kernel: Tensor(shape: [3, 1, 1], scalars: [1, 10, 100]))
    // valid: length 2*2 + max(3 - 2, 0) = 5; i=0 -> 1, 10, 100 at 0..2; i=1 -> 2, 20, 200 at 2..4.
    let valid = try TransposedConvolutionKernel.convolve(
      input, weights: weights, strides: [2], padding: .valid)
    #expect(valid.scalars == [1, 10, 102, 20, 200])
    // same: length 4; TensorFlow pads max((2-1)*2 + 3 - 4, 0)/2 = 0 before, so the tail is dropped.
    let same = try TransposedConvolutionKernel.convolve(
      input, weights: weights, strides: [2], padding: .same)
    #expect(same.scalars == [1, 10, 102, 20])
  }

  @Test("output length follows Keras deconv_output_length")
  func outputLengths() {
    typealias T = TransposedConvolutionKernel
    #expect(T.outputLength(input: 3, kernel: 3, stride: 2, padding: .valid) == 7)
    #expect(T.outputLength(input: 3, kernel: 1, stride: 2, padding: .valid) == 6)
    #expect(T.outputLength(input: 3, kernel: 3, stride: 2, padding: .same) == 6)
    #expect(T.outputLength(input: 3, kernel: 3, stride: 2, padding: .same, outputPadding: 1) == 6)
    #expect(T.outputLength(input: 3, kernel: 3, stride: 2, padding: .same, outputPadding: 0) == 5)
    #expect(T.outputLength(input: 2, kernel: 2, stride: 3, padding: .valid, outputPadding: 1) == 6)
    #expect(T.outputLength(input: 4, kernel: 3, stride: 1, dilation: 2, padding: .valid) == 8)
    #expect(T.padBefore(input: 3, output: 5, kernel: 3, stride: 2, padding: .same) == 1)
    #expect(T.padBefore(input: 3, output: 6, kernel: 3, stride: 2, padding: .same) == 0)
  }

  /// (fixture, strides, padding, output padding)
  static let kerasCases: [(String, [Int], TransposedConvolutionKernel.PaddingMode, [Int]?)] = [
    ("conv2d_transpose_valid_s2", [2, 2], .valid, nil),
    ("conv2d_transpose_same_s2_op1", [2, 2], .same, [1, 1]),
    ("conv2d_transpose_same_k4_s2", [2, 2], .same, nil),
    ("conv2d_transpose_valid_s3_op1", [3, 2], .valid, [1, 0]),
    ("conv2d_transpose_same_s2_op0", [2, 2], .same, [0, 0]),
    ("conv1d_transpose_same", [2], .same, nil),
  ]

  @Test("matches tf-keras Conv1DTranspose/Conv2DTranspose", arguments: kerasCases.indices)
  func matchesKeras(_ index: Int) throws {
    let (name, strides, padding, outputPadding) = Self.kerasCases[index]
    let weights = try PackedTransposedConvolutionWeights(
      kernel: Support.fixture(name, "kernel"), bias: Support.fixture(name, "bias"))
    for threads in [1, 2] {
      let output = try TransposedConvolutionKernel.convolve(
        Support.fixture(name, "input"), weights: weights, strides: strides, padding: padding,
        outputPadding: outputPadding, threads: threads)
      Support.expectClose(output, try Support.fixture(name, "output"), Comment(rawValue: name))
    }
  }

  @Test(
    "TensorFlow's order (per-image product, then Col2im) is the same layer, for any thread count",
    arguments: kerasCases.indices)
  func tensorFlowOrderMatchesKeras(_ index: Int) throws {
    let (name, strides, padding, outputPadding) = Self.kerasCases[index]
    let weights = try PackedTransposedConvolutionWeights(
      kernel: Support.fixture(name, "kernel"), bias: Support.fixture(name, "bias"))
    var outputs: [Tensor] = []
    for threads in [1, 2, 3] {
      let output = try TransposedConvolutionKernel.convolve(
        Support.fixture(name, "input"), weights: weights, strides: strides, padding: padding,
        outputPadding: outputPadding, activation: .relu, threads: threads,
        order: .tensorFlowKernels)
      outputs.append(output)
      var expected = try Support.fixture(name, "output")
      expected = try Tensor(shape: expected.shape, scalars: expected.scalars.map { max($0, 0) })
      Support.expectClose(output, expected, Comment(rawValue: name))
    }
    #expect(outputs.allSatisfy { $0.scalars == outputs[0].scalars })
  }

  @Test("mismatched channels are an error")
  func rejectsBadInput() throws {
    let weights = try PackedTransposedConvolutionWeights(kernel: Tensor(shape: [3, 3, 4, 2]))
    #expect(throws: KernelError.self) {
      try TransposedConvolutionKernel.convolve(
        Tensor(shape: [1, 3, 3, 3]), weights: weights, strides: [2, 2], padding: .same)
    }
  }
}
