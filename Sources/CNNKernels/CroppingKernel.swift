/// Keras `Cropping1D/2D/3D`: removes (before, after) values from each spatial axis.
public enum CroppingKernel {
  /// input (N, spatial..., C), crops (before, after) per spatial axis -> output (N, spatial - crops..., C)
  public static func crop(_ input: Tensor, cropping: SpatialPadding) throws(KernelError) -> Tensor {
    let rank = input.rank - 2
    guard rank >= 1, cropping.before.count == rank, cropping.after.count == rank else {
      throw KernelError(
        "cropping needs (before, after) for each of the \(max(0, rank)) spatial axes of \(input.shape)"
      )
    }
    var region = input.shape.map { 0..<$0 }
    for axis in 0..<rank {
      let (before, after, size) = (
        cropping.before[axis], cropping.after[axis], input.shape[axis + 1]
      )
      guard before >= 0, after >= 0, before + after <= size else {
        throw KernelError("cannot crop (\(before), \(after)) from a spatial axis of size \(size)")
      }
      region[axis + 1] = before..<(size - after)
    }
    var output = try Tensor(shape: region.map(\.count))
    BoxCopy.copy(
      from: input, region: region, into: &output, at: Array(repeating: 0, count: input.rank))
    return output
  }
}
