import Testing

@testable import CNNEngine
@testable import CNNKernels

/// The AVX-512 register tiles (`CNNKernelsX86`, chosen at run time) against the Swift AVX2 tiles:
/// both compute every value as the same FMA chain, so the forward pass, both gradients and a whole
/// training run must agree bit for bit. Serialized: the tests switch the process-wide choice.
@Suite(
  "Register tiles: AVX-512 and AVX2 agree bit for bit", .serialized,
  .enabled(if: ConvolutionMicrokernel.avx512Available, "this processor has no AVX-512"))
struct RegisterTileTests {
  /// Runs `body` with the AVX2 tiles, then the AVX-512 ones; restores the process' choice.
  static func bothPaths<T>(_ body: () throws -> T) rethrows -> (avx2: T, avx512: T) {
    let saved = ConvolutionMicrokernel.useAVX512
    defer { ConvolutionMicrokernel.useAVX512 = saved }
    ConvolutionMicrokernel.useAVX512 = false
    let avx2 = try body()
    ConvolutionMicrokernel.useAVX512 = true
    let avx512 = try body()
    return (avx2, avx512)
  }

  static func values(_ count: Int, seed: UInt64) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in Float(generator.uniform(-1, 1)) }
  }

  /// (input shape, kernel shape (KH, KW, C/groups, F), groups, strides, same padding)
  static let cases: [([Int], [Int], Int, [Int], Bool)] = [
    ([2, 13, 13, 32], [3, 3, 32, 64], 1, [1, 1], false),  // two full block pairs
    ([2, 28, 28, 1], [3, 3, 1, 32], 1, [1, 1], false),  // one input channel
    ([1, 9, 11, 5], [3, 3, 5, 40], 1, [1, 1], true),  // a pair plus a partial block; borders
    ([1, 7, 7, 6], [3, 3, 6, 48], 1, [2, 2], true),  // three blocks: a pair and a single
    ([1, 6, 5, 8], [3, 3, 2, 20], 4, [1, 1], false),  // groups, rows narrower than a tile
    ([1, 10, 10, 12], [1, 1, 12, 24], 1, [1, 1], false),  // pointwise, partial second block
  ]

  @Test("convolution forward, kernel and input gradients", arguments: cases.indices)
  func convolution(_ index: Int) throws {
    let (inputShape, kernelShape, groups, strides, same) = Self.cases[index]
    let input = Tensor(
      validShape: inputShape, scalars: Self.values(inputShape.reduce(1, *), seed: 1))
    let kernel = Tensor(
      validShape: kernelShape, scalars: Self.values(kernelShape.reduce(1, *), seed: 2))
    let bias = Tensor(validShape: [kernelShape[3]], scalars: Self.values(kernelShape[3], seed: 3))
    let padding =
      same
      ? SpatialPadding.same(
        inputSize: Array(inputShape[1...2]), kernelSize: Array(kernelShape.prefix(2)),
        strides: strides, dilations: [1, 1])
      : .valid(rank: 2)
    let results = try Self.bothPaths { () throws -> (Tensor, ConvolutionGradient.Result) in
      let output = try ConvolutionKernel.convolve(
        input, kernel: kernel, bias: bias, groups: groups, strides: strides, padding: padding,
        activation: .relu, threads: 2)
      let gradient = Tensor(
        validShape: output.shape, scalars: Self.values(output.count, seed: 4))
      let backward = try ConvolutionGradient.backward(
        input: input, kernel: kernel, groups: groups, strides: strides, dilations: [1, 1],
        padding: padding, outputGradient: gradient, reluOutput: output,
        needsInputGradient: true, threads: 2)
      return (output, backward)
    }
    let (avx2, avx512) = results
    #expect(KernelTestSupport.bits(avx2.0) == KernelTestSupport.bits(avx512.0), "forward")
    #expect(
      KernelTestSupport.bits(avx2.1.kernel) == KernelTestSupport.bits(avx512.1.kernel), "kernel")
    #expect(KernelTestSupport.bits(avx2.1.bias) == KernelTestSupport.bits(avx512.1.bias), "bias")
    let input2 = try #require(avx2.1.input)
    let input512 = try #require(avx512.1.input)
    #expect(KernelTestSupport.bits(input2) == KernelTestSupport.bits(input512), "input gradient")
    // And both are right: the forward pass against the Double reference.
    let reference = KernelTestSupport.referenceConvolution(
      input, kernel: kernel, bias: bias, groups: groups, strides: strides, dilations: [1, 1],
      padding: padding)
    let relu = Tensor(validShape: reference.shape, scalars: reference.scalars.map { max(0, $0) })
    KernelTestSupport.expectClose(avx512.0, relu, tolerance: 1e-5)
  }

  @Test("training the benchmark's CNN gives the same weights with either tiles")
  func training() throws {
    let names = NameScope()
    let model = try AnalysisModels.model(
      "sequential",
      [
        try AnalysisModels.layer(
          "Conv2D", [.int(32), .int(3)],
          [
            ("input_shape", .tuple([.int(14), .int(14), .int(1)])), ("activation", .string("relu")),
          ],
          names: names),
        try AnalysisModels.layer("MaxPooling2D", [], [], names: names),
        try AnalysisModels.layer(
          "Conv2D", [.int(40), .int(3)], [("activation", .string("relu"))], names: names),
        try AnalysisModels.layer("Flatten", [], [], names: names),
        try AnalysisModels.layer(
          "Dense", [.int(10)], [("activation", .string("softmax"))], names: names),
      ])
    let samples = 24
    let x = Tensor(validShape: [samples, 14, 14, 1], scalars: Self.values(samples * 196, seed: 5))
    let y = Tensor(validShape: [samples], scalars: (0..<samples).map { Float($0 % 10) })
    let (avx2, avx512) = try Self.bothPaths { () throws -> ModelWeights in
      let trainer = try Trainer(
        model: model, weights: try ModelWeights.initialized(for: model, seed: 4),
        configuration: try TrainingConfiguration(
          CompileArguments(
            optimizer: .string("adam"), loss: .string("sparse_categorical_crossentropy"))),
        threads: 2)
      _ = try trainer.fit(x: x, y: y, options: Trainer.Options(epochs: 2, batchSize: 10))
      return trainer.weights
    }
    for name in avx2.names { #expect(avx2[name] == avx512[name], "\(name)") }
  }
}
