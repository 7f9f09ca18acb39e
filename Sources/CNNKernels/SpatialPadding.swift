/// Explicit zero padding before and after each spatial axis (H, W order, or W, or D, H, W).
///
/// Kernels take explicit pads so that Keras' padding modes are decided in one place: the factories
/// below reproduce TensorFlow's arithmetic for `valid`, `same` and `causal`.
public struct SpatialPadding: Sendable, Equatable, CustomStringConvertible {
  public var before: [Int]
  public var after: [Int]

  public init(before: [Int], after: [Int]) {
    self.before = before
    self.after = after
  }

  public var rank: Int { before.count }

  /// No padding on any of `rank` axes.
  public static func valid(rank: Int) -> SpatialPadding {
    SpatialPadding(
      before: Array(repeating: 0, count: rank), after: Array(repeating: 0, count: rank))
  }

  /// TensorFlow `SAME`: output = ceil(n / s); total = max((out - 1)*s + d*(k-1) + 1 - n, 0) with
  /// total/2 (floored) before and the odd pixel after.
  public static func same(inputSize: [Int], kernelSize: [Int], strides: [Int], dilations: [Int])
    -> SpatialPadding
  {
    var padding = SpatialPadding.valid(rank: inputSize.count)
    for axis in inputSize.indices {
      let extent = (kernelSize[axis] - 1) * dilations[axis] + 1
      let output = (inputSize[axis] + strides[axis] - 1) / strides[axis]
      let total = max((output - 1) * strides[axis] + extent - inputSize[axis], 0)
      padding.before[axis] = total / 2
      padding.after[axis] = total - total / 2
    }
    return padding
  }

  /// Keras `causal` (Conv1D only): d*(k-1) zeros before, none after.
  public static func causal(kernelSize: Int, dilation: Int) -> SpatialPadding {
    SpatialPadding(before: [dilation * (kernelSize - 1)], after: [0])
  }

  /// Output length along one axis of a sliding window over the padded input (0 when it does not fit).
  public static func outputLength(
    input: Int, kernel: Int, stride: Int, dilation: Int, before: Int, after: Int
  )
    -> Int
  {
    let extent = (kernel - 1) * dilation + 1
    let padded = input + before + after
    return padded < extent ? 0 : (padded - extent) / stride + 1
  }

  /// Output sizes of a sliding window over every spatial axis with this padding.
  public func outputSize(inputSize: [Int], kernelSize: [Int], strides: [Int], dilations: [Int])
    -> [Int]
  {
    inputSize.indices.map {
      SpatialPadding.outputLength(
        input: inputSize[$0], kernel: kernelSize[$0], stride: strides[$0], dilation: dilations[$0],
        before: before[$0], after: after[$0])
    }
  }

  public var description: String { "SpatialPadding(before: \(before), after: \(after))" }
}
