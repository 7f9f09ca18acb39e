/// `Dense` weights packed once per layer: a dense layer is a 1-wide 1D convolution over the rows,
/// so the (C_in, units) kernel is packed like a (1, C_in, units) convolution kernel.
public struct PackedDenseWeights: Sendable {
  let packed: PackedConvolutionWeights

  /// kernel (C_in, units), bias (units)
  public init(kernel: Tensor, bias: Tensor? = nil) throws(KernelError) {
    guard kernel.rank == 2 else {
      throw KernelError("a dense kernel has shape (C_in, units), got \(kernel.shape)")
    }
    packed = try PackedConvolutionWeights(kernel: kernel.reshaped([1] + kernel.shape), bias: bias)
  }

  public var inputUnits: Int { packed.inputChannelsPerGroup }
  public var units: Int { packed.filters }
}
