/// `BatchNormalization` in training mode (beside `BatchNormalizationKernel`, its inference pass),
/// over the last axis of an input viewed as (M, C): each channel is normalized with the mean and
/// the biased variance of its M values, y = gamma (x - mean) / sqrt(var + epsilon) + beta, and the
/// moving statistics move towards the batch's as tf-keras does,
/// moving = moving * momentum + batch * (1 - momentum). Which batch variance moves the moving one
/// depends on tf-keras' path, as measured: inputs of rank 4 and 5 take the fused kernel, whose
/// update uses the unbiased variance (times M / (M - 1)); other ranks use the biased one.
/// Statistics are summed in Double, rows in order.
public enum BatchNormalizationTraining {
  public struct Saved {
    /// (x - mean) / sqrt(var + epsilon), (M, C).
    public var normalized: [Float]
    /// 1 / sqrt(var + epsilon) per channel.
    public var inverseDeviation: [Float]
    public var mean: [Float]
    public var variance: [Float]
  }

  /// input (M, C) flattened -> (output, what the backward pass needs)
  public static func forward(
    _ input: [Float], channels: Int, gamma: [Float]?, beta: [Float]?, epsilon: Float
  ) -> (output: [Float], saved: Saved) {
    let rows = input.count / max(1, channels)
    var sums = [Double](repeating: 0, count: channels)
    for r in 0..<rows {
      for c in 0..<channels { sums[c] += Double(input[r * channels + c]) }
    }
    let mean = sums.map { Float($0 / Double(max(1, rows))) }
    var squares = [Double](repeating: 0, count: channels)
    for r in 0..<rows {
      for c in 0..<channels {
        let d = Double(input[r * channels + c]) - Double(mean[c])
        squares[c] += d * d
      }
    }
    let variance = squares.map { Float($0 / Double(max(1, rows))) }
    let inverse = variance.map { 1 / ($0 + epsilon).squareRoot() }
    var normalized = [Float](repeating: 0, count: input.count)
    var output = [Float](repeating: 0, count: input.count)
    for r in 0..<rows {
      for c in 0..<channels {
        let index = r * channels + c
        let xhat = (input[index] - mean[c]) * inverse[c]
        normalized[index] = xhat
        output[index] = xhat * (gamma?[c] ?? 1) + (beta?[c] ?? 0)
      }
    }
    return (
      output,
      Saved(normalized: normalized, inverseDeviation: inverse, mean: mean, variance: variance)
    )
  }

  /// outputGradient (M, C) -> (input gradient, gamma gradient, beta gradient)
  public static func backward(
    _ outputGradient: [Float], saved: Saved, channels: Int, gamma: [Float]?
  ) -> (input: [Float], gamma: [Float], beta: [Float]) {
    let rows = outputGradient.count / max(1, channels)
    var sumGradient = [Double](repeating: 0, count: channels)
    var sumGradientNormalized = [Double](repeating: 0, count: channels)
    for r in 0..<rows {
      for c in 0..<channels {
        let index = r * channels + c
        sumGradient[c] += Double(outputGradient[index])
        sumGradientNormalized[c] += Double(outputGradient[index] * saved.normalized[index])
      }
    }
    let m = Float(max(1, rows))
    var input = [Float](repeating: 0, count: outputGradient.count)
    let meanGradient = sumGradient.map { Float($0) / m }
    let meanGradientNormalized = sumGradientNormalized.map { Float($0) / m }
    for r in 0..<rows {
      for c in 0..<channels {
        let index = r * channels + c
        let scale = (gamma?[c] ?? 1) * saved.inverseDeviation[c]
        input[index] =
          scale
          * (outputGradient[index] - meanGradient[c] - saved.normalized[index]
            * meanGradientNormalized[c])
      }
    }
    return (input, sumGradientNormalized.map { Float($0) }, sumGradient.map { Float($0) })
  }

  /// The variance that moves the moving variance: unbiased on tf-keras' fused path (input rank 4
  /// or 5), biased otherwise.
  public static func movingVarianceSample(_ saved: Saved, rows: Int, inputRank: Int) -> [Float] {
    guard inputRank == 4 || inputRank == 5, rows > 1 else { return saved.variance }
    let factor = Float(rows) / Float(rows - 1)
    return saved.variance.map { $0 * factor }
  }

  /// moving <- moving * momentum + batch * (1 - momentum), per channel.
  public static func updateMoving(_ moving: inout [Float], batch: [Float], momentum: Float) {
    for c in moving.indices { moving[c] -= (moving[c] - batch[c]) * (1 - momentum) }
  }
}
