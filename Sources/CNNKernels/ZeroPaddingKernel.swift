/// Keras `ZeroPadding1D/2D/3D`: zeros around the spatial axes of a channels-last tensor.
public enum ZeroPaddingKernel {
  /// input (N, spatial..., C), pads (before, after) per spatial axis -> output (N, spatial + pads..., C)
  public static func pad(_ input: Tensor, padding: SpatialPadding) throws(KernelError) -> Tensor {
    let rank = input.rank - 2
    guard rank >= 1, padding.before.count == rank, padding.after.count == rank else {
      throw KernelError(
        "zero padding needs (before, after) for each of the \(max(0, rank)) spatial axes of \(input.shape)"
      )
    }
    guard (padding.before + padding.after).allSatisfy({ $0 >= 0 }) else {
      throw KernelError("zero padding must not be negative: \(padding)")
    }
    var shape = input.shape
    for axis in 0..<rank { shape[axis + 1] += padding.before[axis] + padding.after[axis] }
    var output = try Tensor(shape: shape)
    BoxCopy.copy(
      from: input, region: input.shape.map { 0..<$0 }, into: &output,
      at: [0] + padding.before + [0])
    return output
  }
}
