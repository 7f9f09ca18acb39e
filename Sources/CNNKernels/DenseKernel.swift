/// Keras `Dense` on the last axis of an input of any rank >= 1.
public enum DenseKernel {
  /// input (..., C_in), kernel (C_in, units) packed -> output (..., units)
  ///
  /// The M = product(leading dims) rows go through the convolution engine's 6x16 register tiles
  /// (a GEMM); with a single row it is a GEMV split across threads by blocks of 16 units.
  public static func apply(
    _ input: Tensor, weights: PackedDenseWeights, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    var output = Tensor.empty
    try apply(input, weights: weights, activation: activation, threads: threads, into: &output)
    return output
  }

  /// Same, reusing `output`'s storage when it already has the right size.
  /// input (..., C_in), kernel (C_in, units) packed -> output (..., units)
  public static func apply(
    _ input: Tensor, weights: PackedDenseWeights, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount, into output: inout Tensor
  ) throws(KernelError) {
    guard input.rank >= 1, input.shape[input.rank - 1] == weights.inputUnits else {
      throw KernelError(
        "dense layer expects \(weights.inputUnits) input units on the last axis, got \(input.shape)"
      )
    }
    let rows = input.count / max(1, weights.inputUnits)
    let viewed = Tensor(validShape: [1, rows, weights.inputUnits], scalars: input.scalars)
    let geometry = try ConvolutionKernel.validatedGeometry(
      input: viewed.shape, weights: weights.packed, strides: [1], dilations: [1],
      padding: .valid(rank: 1))
    output.prepareForOverwrite(shape: Array(input.shape.dropLast()) + [weights.units])
    output.withUnsafeMutableBufferPointer { destination in
      ConvolutionKernel.run(
        viewed, weights: weights.packed, geometry: geometry, activation: activation,
        threads: threads,
        output: destination)
    }
  }
}
