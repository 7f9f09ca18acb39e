/// Buffers one layer's training step reuses from batch to batch: large fresh allocations are
/// page-faulted in 4 KiB at a time and returned to the system when freed, which cost as much as
/// the arithmetic of a small network. A trainer keeps one workspace per layer; kernels resize a
/// buffer only when its size changes (the last, partial batch of an epoch).
///
/// A tensor handed out of a workspace (a forward output, an input gradient) shares its storage
/// until the caller drops it; the next step then writes into the same memory again.
public final class GradientWorkspace {
  /// The layer's forward output.
  package var output = Tensor.empty
  /// The gradient with respect to the layer's input.
  package var inputGradient = Tensor.empty
  /// The gradient through the layer's activation.
  package var activationGradient = Tensor.empty
  /// Convolutions: dY masked by a fused ReLU, dY packed in 16-filter blocks, X^T, spread dY.
  package var maskedGradient = Tensor.empty
  package var packedGradient = Tensor.empty
  package var columns = Tensor.empty
  package var spread = Tensor.empty
  /// A max pooling's input gradient when the convolution before it cannot take the pooling's
  /// output gradient directly (`ConvolutionGradient.PooledOutputGradient`).
  package var pooledGradient = Tensor.empty
  /// Max pooling in training: the winner of every window (`MaxPoolTraining`).
  package var winners: [UInt8] = []
  /// SeparableConv: the depthwise output between its two convolutions, and the pointwise
  /// convolution's own buffers.
  package var intermediate = Tensor.empty
  package lazy var inner = GradientWorkspace()

  public init() {}
}
