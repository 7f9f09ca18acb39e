import Foundation

/// `GroupNormalization` over the last axis and `UnitNormalization`, in float32.
public enum GroupNormalizationKernel {
  /// input (N, ..., C) in place: within each sample, the C channels form `groups` groups of
  /// C/groups; each group is normalized over all its positions and channels with the biased
  /// variance (sums in Double, rounded to float once, as `LayerNormalizationKernel` does), then
  /// scaled and shifted per channel: (x - mean) * rsqrt(var + eps) * gamma + beta.
  public static func normalize(
    _ tensor: inout Tensor, groups: Int, gamma: Tensor?, beta: Tensor?, epsilon: Float
  ) throws(KernelError) {
    guard tensor.rank >= 2, groups > 0 else {
      throw KernelError("group normalization needs a batch axis, channels and groups > 0")
    }
    let channels = tensor.shape[tensor.rank - 1]
    guard channels % groups == 0 else {
      throw KernelError("\(channels) channels do not split into \(groups) groups")
    }
    if let gamma, gamma.shape != [channels] {
      throw KernelError("gamma has shape \(gamma.shape) but the last axis has \(channels) values")
    }
    if let beta, beta.shape != [channels] {
      throw KernelError("beta has shape \(beta.shape) but the last axis has \(channels) values")
    }
    let batch = tensor.shape[0]
    guard batch > 0, channels > 0 else { return }
    let positions = tensor.count / (batch * channels)
    let width = channels / groups
    let count = Double(positions * width)
    let gammaValues = gamma?.scalars
    let betaValues = beta?.scalars
    tensor.withUnsafeMutableBufferPointer { values in
      for sample in 0..<batch {
        let base = sample * positions * channels
        for group in 0..<groups {
          let first = group * width
          var sum = 0.0
          for position in 0..<positions {
            for c in first..<(first + width) {
              sum += Double(values[base + position * channels + c])
            }
          }
          let mean = Float(sum / count)
          var squares = 0.0
          for position in 0..<positions {
            for c in first..<(first + width) {
              let deviation = Double(values[base + position * channels + c]) - Double(mean)
              squares += deviation * deviation
            }
          }
          let variance = Float(squares / count)
          let inverse = 1 / (variance + epsilon).squareRoot()
          for position in 0..<positions {
            for c in first..<(first + width) {
              let index = base + position * channels + c
              var y = (values[index] - mean) * inverse
              if let gammaValues { y *= gammaValues[c] }
              if let betaValues { y += betaValues[c] }
              values[index] = y
            }
          }
        }
      }
    }
  }

  /// tensor (..., C) in place: each row over the last axis divided by its L2 norm, as
  /// `tf.math.l2_normalize` computes it: x * rsqrt(max(sum(x^2), 1e-12)).
  public static func unitNormalize(_ tensor: inout Tensor) {
    guard let channels = tensor.shape.last, channels > 0 else { return }
    tensor.withUnsafeMutableBufferPointer { values in
      var start = 0
      while start < values.count {
        var sum: Float = 0
        for c in 0..<channels { sum += values[start + c] * values[start + c] }
        let inverse = 1 / max(sum, 1e-12).squareRoot()
        for c in 0..<channels { values[start + c] *= inverse }
        start += channels
      }
    }
  }
}
