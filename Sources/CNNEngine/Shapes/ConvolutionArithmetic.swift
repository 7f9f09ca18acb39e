/// Output-size arithmetic shared by convolutions and pooling (Keras `conv_utils`).
public enum ConvolutionArithmetic {
  /// The receptive extent of a kernel of `size` with `dilation`.
  public static func dilatedSize(_ size: Int, dilation: Int) -> Int {
    size + (size - 1) * (dilation - 1)
  }

  /// Output length of a convolution or pooling window along one axis; nil stays nil.
  /// valid: floor((n - d*(k-1) - 1) / s) + 1; same and causal: ceil(n / s).
  public static func outputLength(
    _ length: Int?, kernel: Int, padding: Padding, stride: Int, dilation: Int = 1
  ) -> Int? {
    guard let length else { return nil }
    let extent = dilatedSize(kernel, dilation: dilation)
    let padded: Int
    switch padding {
    case .same, .causal: padded = length
    case .valid: padded = length - extent + 1
    case .full: padded = length + extent - 1
    }
    return floorDivide(padded + stride - 1, stride)
  }

  /// Output length of a transposed convolution (Keras `deconv_output_length`).
  public static func transposedOutputLength(
    _ length: Int?, kernel: Int, padding: Padding, outputPadding: Int?, stride: Int,
    dilation: Int = 1
  ) -> Int? {
    guard let length else { return nil }
    let extent = dilatedSize(kernel, dilation: dilation)
    guard let outputPadding else {
      switch padding {
      case .valid: return length * stride + max(extent - stride, 0)
      case .full: return length * stride - (stride + extent - 2)
      case .same, .causal: return length * stride
      }
    }
    let pad: Int
    switch padding {
    case .same, .causal: pad = extent / 2
    case .valid: pad = 0
    case .full: pad = extent - 1
    }
    return (length - 1) * stride + extent - 2 * pad + outputPadding
  }

  /// TensorFlow's explicit padding for `same`: the odd pixel goes at the end.
  public static func samePadding(length: Int, kernel: Int, stride: Int, dilation: Int = 1) -> (
    before: Int, after: Int
  ) {
    let extent = dilatedSize(kernel, dilation: dilation)
    let output = (length + stride - 1) / stride
    let total = max((output - 1) * stride + extent - length, 0)
    return (total / 2, total - total / 2)
  }

  /// Python's floor division, which rounds towards negative infinity.
  public static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }
}
