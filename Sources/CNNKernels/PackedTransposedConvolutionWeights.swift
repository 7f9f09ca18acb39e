/// Transposed-convolution weights packed once per layer.
///
/// Keras stores a `ConvNDTranspose` kernel as (K..., F_out, C_in). Gathering each output value from
/// the inputs that reach it is an ordinary convolution tap list, so the kernel is transposed to
/// (K..., C_in, F_out) and packed exactly like a convolution's. The spatial taps are not flipped:
/// TensorFlow defines the op as out[i*s + k*d - pad] += in[i] * w[k].
///
/// `columns` is the same kernel as the (C_in, K... x F_out) matrix TensorFlow's CPU kernel
/// multiplies each image's pixels by (`TransposedConvolutionKernel`'s TensorFlow order), without
/// the bias, which that kernel adds afterwards (`bias`).
public struct PackedTransposedConvolutionWeights: Sendable {
  let packed: PackedConvolutionWeights
  let columns: PackedDenseWeights
  let bias: [Float]?

  /// kernel (K..., F_out, C_in), bias (F_out)
  public init(kernel: Tensor, bias: Tensor? = nil) throws(KernelError) {
    let rank = kernel.rank - 2
    guard (1...3).contains(rank) else {
      throw KernelError(
        "a transposed convolution kernel has rank 3, 4 or 5, got shape \(kernel.shape)")
    }
    let filters = kernel.shape[rank]
    let channels = kernel.shape[rank + 1]
    let taps = kernel.shape.prefix(rank).reduce(1, *)
    var swapped = [Float](repeating: 0, count: kernel.count)
    for tap in 0..<taps {
      for f in 0..<filters {
        for c in 0..<channels {
          swapped[(tap * channels + c) * filters + f] =
            kernel.scalars[(tap * filters + f) * channels + c]
        }
      }
    }
    let shape = Array(kernel.shape.prefix(rank)) + [channels, filters]
    packed = try PackedConvolutionWeights(
      kernel: Tensor(validShape: shape, scalars: swapped), bias: bias)
    let width = taps * filters
    var matrix = [Float](repeating: 0, count: kernel.count)
    for column in 0..<width {
      for c in 0..<channels {
        matrix[c * width + column] = kernel.scalars[column * channels + c]
      }
    }
    columns = try PackedDenseWeights(
      kernel: Tensor(validShape: [channels, width], scalars: matrix))
    self.bias = bias?.scalars
  }

  public var kernelSize: [Int] { packed.kernelSize }
  public var inputChannels: Int { packed.inputChannelsPerGroup }
  public var filters: Int { packed.filters }
}
