import Testing

@testable import CNNEngine
@testable import CNNKernels

/// A convolution's backward pass given a tiled max pooling's output gradient and the winners its
/// forward pass recorded (`MaxPoolTraining`, `ConvolutionGradient.backward(pooled:)`, which
/// routes the gradient to the winners while it packs) against the pooling's own forward and
/// backward passes followed by the plain backward pass: bit for bit, with ties, NaN and negative
/// outputs, with and without the ReLU, the input gradient and a second thread, and for groups the
/// fused packing does not cover (its fallback).
@Suite("Convolution gradient through a tiled max pooling")
struct PooledConvolutionGradientTests {
  struct Case: Sendable {
    /// Input (N, spatial..., C), kernel size, filters, groups, pool size.
    var input: [Int]
    var kernel: [Int]
    var filters: Int
    var groups = 1
    var pool: [Int]
  }

  static let cases: [Case] = [
    Case(input: [3, 12, 12, 1], kernel: [3, 3], filters: 32, pool: [2, 2]),  // benchmark's first
    // Past BiasAddGrad's one-thread limit (`tensorFlowBackward` sums the bias in two halves).
    Case(input: [40, 26, 26, 1], kernel: [3, 3], filters: 32, pool: [2, 2]),
    // Odd output, partial block.
    Case(input: [2, 9, 9, 8], kernel: [3, 3], filters: 24, pool: [2, 2]),
    Case(input: [2, 8, 7, 6], kernel: [3, 2], filters: 16, pool: [3, 2]),
    Case(input: [2, 12, 4], kernel: [3], filters: 16, pool: [3]),  // 1D
    Case(input: [1, 5, 6, 6, 2], kernel: [2, 2, 2], filters: 8, pool: [2, 2, 3]),  // 3D
    Case(input: [2, 8, 8, 4], kernel: [3, 3], filters: 16, groups: 2, pool: [2, 2]),  // groups
    // Fallback (12 filters per group): the pooled gradient scattered in full first.
    Case(input: [2, 8, 8, 4], kernel: [3, 3], filters: 24, groups: 2, pool: [2, 2]),
  ]

  @Test(
    "matches the pooling's backward pass then the convolution's",
    arguments: cases.indices, [false, true])
  func matchesUnfused(_ index: Int, relu: Bool) throws {
    let c = Self.cases[index]
    var generator = SeededGenerator(seed: UInt64(10 + index))
    let rank = c.kernel.count
    let channels = c.input.last!
    let input = Tensor(
      validShape: c.input,
      scalars: (0..<c.input.reduce(1, *)).map { _ in Float(generator.uniform(-1, 1)) })
    let kernelShape = c.kernel + [channels / c.groups, c.filters]
    let kernel = Tensor(
      validShape: kernelShape,
      scalars: (0..<kernelShape.reduce(1, *)).map { _ in Float(generator.uniform(-1, 1)) })
    let outputSpatial = (0..<rank).map { c.input[1 + $0] - c.kernel[$0] + 1 }
    let outputShape = [c.input[0]] + outputSpatial + [c.filters]
    // Few distinct values (ties; zeros and negatives for the ReLU), one NaN.
    var outputValues = (0..<outputShape.reduce(1, *)).map { _ in
      Float(Int(generator.uniform(-2, 3)))
    }
    outputValues[7] = .nan
    let output = Tensor(validShape: outputShape, scalars: outputValues)
    let pooledShape =
      [c.input[0]] + (0..<rank).map { outputSpatial[$0] / c.pool[$0] } + [c.filters]
    let pooledGradient = Tensor(
      validShape: pooledShape,
      scalars: (0..<pooledShape.reduce(1, *)).map { _ in Float(generator.uniform(-1, 1)) })
    let ones = Array(repeating: 1, count: rank)
    var pooledOutput = Tensor.empty
    var winners: [UInt8] = []
    try MaxPoolTraining.forward(
      output, poolSize: c.pool, threads: 2, into: &pooledOutput, winners: &winners)
    let plainPooled = try PoolingKernel.pool(
      output, mode: .max, poolSize: c.pool, strides: c.pool, padding: .valid(rank: rank),
      threads: 1)
    #expect(pooledOutput.shape == plainPooled.shape)
    #expect(KernelTestSupport.bits(pooledOutput) == KernelTestSupport.bits(plainPooled))
    for threads in [1, 2] {
      for needsInput in [false, true] {
        let dense = try PoolingGradient.backward(
          input: output, mode: .max, poolSize: c.pool, strides: c.pool,
          padding: .valid(rank: rank), outputGradient: pooledGradient, threads: threads)
        let expected = try ConvolutionGradient.backward(
          input: input, kernel: kernel, groups: c.groups, strides: ones, dilations: ones,
          padding: .valid(rank: rank), outputGradient: dense, reluOutput: relu ? output : nil,
          needsInputGradient: needsInput, threads: threads)
        let actual = try ConvolutionGradient.backward(
          input: input, kernel: kernel, groups: c.groups, strides: ones, dilations: ones,
          padding: .valid(rank: rank),
          pooled: ConvolutionGradient.PooledOutputGradient(
            gradient: pooledGradient, poolSize: c.pool, winners: winners,
            outputShape: outputShape, relu: relu),
          needsInputGradient: needsInput, threads: threads)
        let label = "case \(index), relu \(relu), threads \(threads), input \(needsInput)"
        if rank <= 2 && c.groups == 1 {
          // TensorFlow's orders: packed from the pooled gradient as from the full one.
          let masked = Tensor(
            validShape: outputShape,
            scalars: relu ? zip(dense.scalars, outputValues).map { $1 > 0 ? $0 : 0 } : dense.scalars
          )
          let full = try ConvolutionGradient.tensorFlowBackward(
            input: input, kernel: kernel, strides: ones, padding: .valid(rank: rank),
            outputGradient: masked, needsInputGradient: needsInput, threads: threads)
          let fused = try ConvolutionGradient.tensorFlowBackward(
            input: input, kernel: kernel, strides: ones, padding: .valid(rank: rank),
            pooled: ConvolutionGradient.PooledOutputGradient(
              gradient: pooledGradient, poolSize: c.pool, winners: winners,
              outputShape: outputShape, relu: relu),
            needsInputGradient: needsInput, threads: threads)
          for (a, b) in [(fused.kernel, full.kernel), (fused.bias, full.bias)] {
            #expect(KernelTestSupport.bits(a) == KernelTestSupport.bits(b), "TF \(label)")
          }
          #expect(fused.input.map(KernelTestSupport.bits) == full.input.map(KernelTestSupport.bits))
        }
        #expect(
          KernelTestSupport.bits(actual.kernel) == KernelTestSupport.bits(expected.kernel),
          "\(label)")
        #expect(
          KernelTestSupport.bits(actual.bias) == KernelTestSupport.bits(expected.bias), "\(label)")
        #expect(actual.input?.shape == expected.input?.shape, "\(label)")
        if let actualInput = actual.input, let expectedInput = expected.input {
          #expect(
            KernelTestSupport.bits(actualInput) == KernelTestSupport.bits(expectedInput),
            "\(label)")
        }
      }
    }
  }
}
