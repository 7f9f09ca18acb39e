/// Output-size arithmetic shared by convolutions and pooling (Keras `conv_utils`), checked: a size
/// that does not fit in 64 bits is refused (`Exact.Overflow`), never wrapped.
public enum ConvolutionArithmetic {
  /// The receptive extent of a kernel of `size` with `dilation`: size + (size - 1) * (dilation - 1).
  public static func dilatedSize(_ size: Int, dilation: Int) throws(Exact.Overflow) -> Int {
    try Exact.add(
      size, Exact.multiply(Exact.subtract(size, 1), Exact.subtract(dilation, 1)))
  }

  /// Output length of a convolution or pooling window along one axis; nil stays nil.
  /// valid: floor((n - d*(k-1) - 1) / s) + 1; same and causal: ceil(n / s). The padded extent
  /// n + d*(k-1) is checked for every padding, since the kernels pad `same` inputs by up to it.
  public static func outputLength(
    _ length: Int?, kernel: Int, padding: Padding, stride: Int, dilation: Int = 1
  ) throws(Exact.Overflow) -> Int? {
    guard let length else { return nil }
    let extent = try dilatedSize(kernel, dilation: dilation)
    let padded: Int
    switch padding {
    case .same, .causal: padded = length
    case .valid: padded = try Exact.add(Exact.subtract(length, extent), 1)
    case .full: padded = try Exact.subtract(Exact.add(length, extent), 1)
    }
    _ = try Exact.add(length, extent)
    // Keras' `(padded + stride - 1) // stride`; for a positive stride taken as -(-padded // stride),
    // which needs no sum (a stride near 2**63 fits: Keras 3 computes with Python ints).
    guard stride > 0 else {
      return try Exact.floorDivide(Exact.subtract(Exact.add(padded, stride), 1), stride)
    }
    return try Exact.subtract(0, Exact.floorDivide(Exact.subtract(0, padded), stride))
  }

  /// Output length of a transposed convolution (Keras `deconv_output_length`).
  public static func transposedOutputLength(
    _ length: Int?, kernel: Int, padding: Padding, outputPadding: Int?, stride: Int,
    dilation: Int = 1
  ) throws(Exact.Overflow) -> Int? {
    guard let length else { return nil }
    let extent = try dilatedSize(kernel, dilation: dilation)
    let scaled = try Exact.multiply(length, stride)
    guard let outputPadding else {
      switch padding {
      case .valid: return try Exact.add(scaled, max(Exact.subtract(extent, stride), 0))
      case .full: return try Exact.subtract(scaled, Exact.subtract(Exact.add(stride, extent), 2))
      case .same, .causal: return scaled
      }
    }
    let pad: Int
    switch padding {
    case .same, .causal: pad = extent / 2
    case .valid: pad = 0
    case .full: pad = extent - 1
    }
    // (length - 1) * stride + extent - 2 * pad + outputPadding
    let start = try Exact.multiply(Exact.subtract(length, 1), stride)
    return try Exact.add(
      Exact.subtract(Exact.add(start, extent), Exact.multiply(2, pad)), outputPadding)
  }
}
