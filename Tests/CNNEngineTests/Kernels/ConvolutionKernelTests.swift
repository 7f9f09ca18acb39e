import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Convolution kernel")
struct ConvolutionKernelTests {
  typealias Support = KernelTestSupport

  @Test("3x3 input, 2x2 kernel, worked out by hand")
  func handComputedValid() throws {
    // input (1, 3, 3, 1) = 1...9, kernel (2, 2, 1, 1) = [[1, 2], [3, 4]], bias 0.5
    // out[0,0] = 1*1 + 2*2 + 4*3 + 5*4 = 37, then 47, 67, 77; plus the bias.
    let input = try Tensor(shape: [1, 3, 3, 1], scalars: (1...9).map(Float.init))
    let kernel = try Tensor(shape: [2, 2, 1, 1], scalars: [1, 2, 3, 4])
    let output = try ConvolutionKernel.convolve(input, kernel: kernel, bias: Tensor([0.5]))
    #expect(output.shape == [1, 2, 2, 1])
    #expect(output.scalars == [37.5, 47.5, 67.5, 77.5])
  }

  @Test("'same' padding puts the odd pixel at the end (TensorFlow)")
  func samePaddingIsAsymmetric() throws {
    // 4x4 input, 2x2 kernel, stride 1: total padding 1 per axis, all of it after.
    let padding = SpatialPadding.same(
      inputSize: [4, 4], kernelSize: [2, 2], strides: [1, 1], dilations: [1, 1])
    #expect(padding == SpatialPadding(before: [0, 0], after: [1, 1]))
    let input = try Tensor(shape: [1, 4, 4, 1], scalars: (1...16).map(Float.init))
    let kernel = try Tensor(shape: [2, 2, 1, 1], scalars: [1, 2, 3, 4])
    let output = try ConvolutionKernel.convolve(input, kernel: kernel, padding: padding)
    #expect(output.shape == [1, 4, 4, 1])
    #expect(output[0, 0, 0, 0] == 44)  // 1 + 2*2 + 5*3 + 6*4: no padding in front
    #expect(output[0, 0, 3, 0] == 28)  // 4 + 8*3: the right column sees zeros on its right
    #expect(output[0, 3, 0, 0] == 41)  // 13 + 14*2: the bottom row sees zeros below
    #expect(output[0, 3, 3, 0] == 16)

    // 6x6, 3x3, stride 2: output 3, total padding 1 -> (0, 1), so the first window starts at 0.
    let strided = SpatialPadding.same(
      inputSize: [6, 6], kernelSize: [3, 3], strides: [2, 2], dilations: [1, 1])
    #expect(strided == SpatialPadding(before: [0, 0], after: [1, 1]))
    let six = try Tensor(shape: [1, 6, 6, 1], scalars: (1...36).map(Float.init))
    let ones = try Tensor(shape: [3, 3, 1, 1], repeating: 1)
    let pooled = try ConvolutionKernel.convolve(
      six, kernel: ones, strides: [2, 2], padding: strided)
    #expect(pooled.shape == [1, 3, 3, 1])
    #expect(pooled[0, 0, 0, 0] == 72)  // rows 0-2, columns 0-2
    #expect(pooled[0, 2, 2, 0] == 130)  // 29 + 30 + 35 + 36: rows 4-5, columns 4-5, then padding
    #expect(
      SpatialPadding.causal(kernelSize: 3, dilation: 2) == SpatialPadding(before: [4], after: [0]))
  }

  /// (fixture, strides, dilations, padding mode, groups, activation)
  static let kerasCases: [(String, [Int], [Int], String, Int, FusedActivation)] = [
    ("conv2d_same_stride2", [2, 2], [1, 1], "same", 1, .linear),
    ("conv2d_same_even_kernel", [1, 1], [1, 1], "same", 1, .linear),
    ("conv2d_dilated_same", [1, 1], [2, 2], "same", 1, .linear),
    ("conv2d_groups", [1, 1], [1, 1], "valid", 3, .linear),
    ("conv2d_wide_same_relu", [1, 2], [1, 1], "same", 1, .relu),
    ("conv2d_seed_like", [1, 1], [1, 1], "valid", 1, .relu),
    ("conv1d_causal_dilated", [1], [2], "causal", 1, .linear),
    ("conv1d_same_stride3", [3], [1], "same", 1, .linear),
    ("conv3d_same", [1, 2, 1], [1, 1, 1], "same", 1, .linear),
  ]

  @Test("matches tf-keras Conv1D/2D/3D", arguments: kerasCases.indices)
  func matchesKeras(_ index: Int) throws {
    let (name, strides, dilations, mode, groups, activation) = Self.kerasCases[index]
    let input = try Support.fixture(name, "input")
    let kernel = try Support.fixture(name, "kernel")
    let rank = kernel.rank - 2
    let padding: SpatialPadding
    switch mode {
    case "same":
      padding = .same(
        inputSize: Array(input.shape[1...rank]), kernelSize: Array(kernel.shape.prefix(rank)),
        strides: strides,
        dilations: dilations)
    case "causal": padding = .causal(kernelSize: kernel.shape[0], dilation: dilations[0])
    default: padding = .valid(rank: rank)
    }
    let weights = try PackedConvolutionWeights(
      kernel: kernel, bias: Support.fixture(name, "bias"), groups: groups)
    for threads in [1, 2] {
      let output = try ConvolutionKernel.convolve(
        input, weights: weights, strides: strides, dilations: dilations, padding: padding,
        activation: activation,
        threads: threads)
      Support.expectClose(output, try Support.fixture(name, "output"), Comment(rawValue: name))
    }
  }

  @Test("random configurations agree with a direct Double-precision convolution")
  func matchesDirectReference() throws {
    // (input shape, kernel shape, groups, strides, dilations, same padding)
    let cases: [([Int], [Int], Int, [Int], [Int], Bool)] = [
      ([2, 9, 23, 5], [3, 3, 5, 20], 1, [1, 1], [1, 1], true),
      ([1, 13, 31, 4], [5, 3, 2, 6], 2, [2, 3], [1, 1], true),
      ([1, 11, 17, 3], [3, 2, 3, 17], 1, [1, 1], [2, 3], false),
      ([3, 40, 7], [5, 7, 33], 1, [1], [1], true),
      ([1, 5, 6, 7, 4], [3, 3, 2, 4, 9], 1, [2, 1, 2], [1, 2, 1], true),
      ([1, 1, 1, 8], [3, 3, 8, 4], 1, [1, 1], [1, 1], true),
    ]
    for (seed, (inputShape, kernelShape, groups, strides, dilations, same)) in cases.enumerated() {
      let input = try KernelBenchmark.randomTensor(inputShape, seed: UInt64(seed * 3 + 1))
      let kernel = try KernelBenchmark.randomTensor(kernelShape, seed: UInt64(seed * 3 + 2))
      let bias = try KernelBenchmark.randomTensor([kernelShape.last!], seed: UInt64(seed * 3 + 3))
      let rank = kernelShape.count - 2
      let padding =
        same
        ? SpatialPadding.same(
          inputSize: Array(inputShape[1...rank]), kernelSize: Array(kernelShape.prefix(rank)),
          strides: strides,
          dilations: dilations)
        : .valid(rank: rank)
      let output = try ConvolutionKernel.convolve(
        input, kernel: kernel, bias: bias, groups: groups, strides: strides, dilations: dilations,
        padding: padding)
      let expected = Support.referenceConvolution(
        input, kernel: kernel, bias: bias, groups: groups, strides: strides, dilations: dilations,
        padding: padding)
      Support.expectClose(output, expected, tolerance: 1e-5, Comment(rawValue: "case \(seed)"))
    }
  }

  @Test("results are bitwise identical for 1, 2 and 3 threads")
  func deterministicAcrossThreadCounts() throws {
    let input = try KernelBenchmark.randomTensor([2, 37, 45, 16], seed: 7)
    let kernel = try KernelBenchmark.randomTensor([3, 3, 16, 40], seed: 8)
    let weights = try PackedConvolutionWeights(
      kernel: kernel, bias: KernelBenchmark.randomTensor([40], seed: 9))
    let padding = SpatialPadding.same(
      inputSize: [37, 45], kernelSize: [3, 3], strides: [1, 1], dilations: [1, 1])
    let outputs = try [1, 2, 3].map { threads in
      try ConvolutionKernel.convolve(
        input, weights: weights, strides: [1, 1], dilations: [1, 1], padding: padding,
        activation: .relu,
        threads: threads)
    }
    #expect(Support.bits(outputs[0]) == Support.bits(outputs[1]))
    #expect(Support.bits(outputs[0]) == Support.bits(outputs[2]))

    // A single-row dense-like case splits columns and filter blocks instead of rows.
    let row = try KernelBenchmark.randomTensor([1, 1, 500, 24], seed: 10)
    let wide = try PackedConvolutionWeights(
      kernel: KernelBenchmark.randomTensor([1, 1, 24, 70], seed: 11))
    let split = try [1, 2].map { threads in
      try ConvolutionKernel.convolve(
        row, weights: wide, strides: [1, 1], dilations: [1, 1], padding: .valid(rank: 2),
        threads: threads)
    }
    #expect(Support.bits(split[0]) == Support.bits(split[1]))
  }

  @Test("into: reuses the output storage and gives the same values")
  func intoReusesStorage() throws {
    let input = try KernelBenchmark.randomTensor([1, 10, 12, 3], seed: 1)
    let weights = try PackedConvolutionWeights(
      kernel: KernelBenchmark.randomTensor([3, 3, 3, 8], seed: 2))
    var output = Tensor.empty
    try ConvolutionKernel.convolve(
      input, weights: weights, strides: [1, 1], dilations: [1, 1], padding: .valid(rank: 2),
      into: &output)
    let first = output
    try ConvolutionKernel.convolve(
      input, weights: weights, strides: [1, 1], dilations: [1, 1], padding: .valid(rank: 2),
      into: &output)
    #expect(output == first)
    #expect(output.shape == [1, 8, 10, 8])
  }

  @Test("fused clamp matches relu(max_value) applied afterwards")
  func fusedClamp() throws {
    let input = try KernelBenchmark.randomTensor([1, 6, 9, 4], seed: 3)
    let weights = try PackedConvolutionWeights(
      kernel: KernelBenchmark.randomTensor([3, 3, 4, 18], seed: 4))
    let linear = try ConvolutionKernel.convolve(
      input, weights: weights, strides: [1, 1], dilations: [1, 1], padding: .valid(rank: 2))
    let clamped = try ConvolutionKernel.convolve(
      input, weights: weights, strides: [1, 1], dilations: [1, 1], padding: .valid(rank: 2),
      activation: .clamp(lower: 0, upper: 0.5))
    let separate = try ActivationKernel.apply(.relu(maxValue: 0.5), to: linear)
    #expect(clamped == separate)
  }

  @Test("bad arguments are errors, not crashes")
  func rejectsBadArguments() throws {
    let input = try Tensor(shape: [1, 5, 5, 3])
    let kernel = try Tensor(shape: [3, 3, 4, 2])
    #expect(throws: KernelError.self) { try ConvolutionKernel.convolve(input, kernel: kernel) }
    #expect(throws: KernelError.self) {
      try PackedConvolutionWeights(kernel: Tensor(shape: [3, 3, 2, 5]), groups: 2)
    }
    #expect(throws: KernelError.self) {
      try ConvolutionKernel.convolve(input, kernel: Tensor(shape: [3, 3, 3, 2]), strides: [0, 1])
    }
    #expect(throws: KernelError.self) {
      try ConvolutionKernel.convolve(Tensor(shape: [5, 5, 3]), kernel: kernel)
    }
    // A kernel larger than the input gives an empty output, as the shape arithmetic says.
    let empty = try ConvolutionKernel.convolve(
      try Tensor(shape: [1, 2, 2, 3]), kernel: Tensor(shape: [3, 3, 3, 2]))
    #expect(empty.shape == [1, 0, 0, 2])
  }
}
