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

  /// (`inputUnits`, `units`) weights already packed as `PackedConvolutionWeights` packs a
  /// (1, inputUnits, units) kernel: (blocks of 16 units, inputUnits, 16), zero past the last
  /// unit (a kernel gradient's output gradient, packed while its bias gradient is summed). No bias.
  init(packedBlocks: [Float], inputUnits: Int, units: Int) {
    packed = PackedConvolutionWeights(
      packedDense: packedBlocks, inputUnits: inputUnits, units: units)
  }

  public var inputUnits: Int { packed.inputChannelsPerGroup }
  public var units: Int { packed.filters }
}
