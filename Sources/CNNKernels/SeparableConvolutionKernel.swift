/// Keras `SeparableConv1D` / `SeparableConv2D`: a depthwise convolution (strides, dilation and
/// padding apply here, no bias) followed by a 1x1 pointwise convolution that carries the bias.
/// `unfusedDepthwise` and `pointwiseOrder` follow TensorFlow's two ops (`DepthwiseConvolutionKernel`,
/// `ConvolutionKernel`).
public enum SeparableConvolutionKernel {
  /// input (N, spatial..., C), depthwise (K..., C, M), pointwise (1..., C*M, F) packed with bias (F)
  /// -> output (N, spatial'..., F)
  public static func convolve(
    _ input: Tensor, depthwiseKernel: Tensor, pointwise: PackedConvolutionWeights,
    strides: [Int]? = nil,
    dilations: [Int]? = nil, padding: SpatialPadding? = nil, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount, unfusedDepthwise: Bool = false,
    pointwiseOrder: ContractionOrder = .chains
  ) throws(KernelError) -> Tensor {
    let rank = depthwiseKernel.rank - 2
    guard pointwise.spatialRank == rank, pointwise.kernelSize.allSatisfy({ $0 == 1 }),
      pointwise.groups == 1
    else {
      throw KernelError(
        "the pointwise kernel of a \(rank)D separable convolution must be 1x...x1, ungrouped")
    }
    let depthwise = try DepthwiseConvolutionKernel.convolve(
      input, kernel: depthwiseKernel, strides: strides, dilations: dilations, padding: padding,
      threads: threads, unfused: unfusedDepthwise)
    let ones = Array(repeating: 1, count: rank)
    return try ConvolutionKernel.convolve(
      depthwise, weights: pointwise, strides: ones, dilations: ones, padding: .valid(rank: rank),
      activation: activation, threads: threads, order: pointwiseOrder)
  }
}
