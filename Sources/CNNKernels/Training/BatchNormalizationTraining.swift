/// `BatchNormalization` in training mode (beside `BatchNormalizationKernel`, its inference pass),
/// over the last axis of an input viewed as (M, C): each channel is normalized with the mean and
/// the biased variance of its M values, y = gamma (x - mean) / sqrt(var + epsilon) + beta, and the
/// moving statistics move towards the batch's, each computed as TensorFlow computes it for the
/// Keras in use (`Formula`, `tensorFlow`); `backward` is the gradient of that map.
public enum BatchNormalizationTraining {
  public struct Saved {
    /// (x - mean) / sqrt(var + epsilon), (M, C).
    public var normalized: [Float]
    /// 1 / sqrt(var + epsilon) per channel.
    public var inverseDeviation: [Float]
    public var mean: [Float]
    public var variance: [Float]
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
}

extension BatchNormalizationTraining {
  /// Which of TensorFlow's computations a training-mode call of the layer runs (each in float32,
  /// sums as Eigen adds them: `EigenSum`).
  public enum Formula: Sendable {
    /// tf-keras on inputs of rank 4 or 5 normalized over the last axis: the FusedBatchNormV3
    /// kernel. mean = sum * (1 / M), variance = sum((x - mean)^2) * (1 / M),
    /// y = (x - mean) * (rsqrt(variance + epsilon) * gamma) + beta; the kernel moves the moving
    /// statistics itself with factor f = 1 - momentum: (1 - f) * moving + f * mean, and
    /// (1 - f) * moving + (f * M / (M - 1)) * variance (Bessel's correction).
    case fused
    /// tf-keras on other inputs: `tf.nn.moments` (sum / M), `tf.nn.batch_normalization`
    /// (inv = rsqrt(variance + epsilon) * gamma, y = x * inv + (beta - mean * inv)), and
    /// `assign_moving_average`: moving - (moving - batch) * (1 - momentum), biased variance.
    case unfused
    /// Keras 3: `tf.nn.moments` and `tf.nn.batch_normalization` as `unfused`, the moving
    /// statistics assigned moving * momentum + batch * (1 - momentum), biased variance.
    case keras3
    /// tf-keras' `SyncBatchNormalization` (never fused) and Keras 3's `synchronized=True`: sums
    /// of the values and of their squares, mean = sum / M, variance = sumOfSquares / M - mean^2
    /// (Keras 3 takes it at least 0), then `unfused` (tf-keras) or `keras3`.
    case synchronized(keras3: Bool)
  }

  /// `BatchNormalization` called on data in training mode, as TensorFlow computes it with
  /// `formula`: input (M, C) flattened, normalized over C -> (output, what a backward pass
  /// needs); `movingMean` and `movingVariance` move as that formula moves them. `momentum` is
  /// Keras' (a Python float: 1 - momentum is taken in double, then float32).
  public static func tensorFlow(
    _ input: [Float], channels: Int, gamma: [Float]?, beta: [Float]?, epsilon: Double,
    momentum: Double, movingMean: inout [Float], movingVariance: inout [Float], formula: Formula
  ) -> (output: [Float], saved: Saved) {
    let rows = channels > 0 ? input.count / channels : 0
    guard rows > 0 else {
      return ([], Saved(normalized: [], inverseDeviation: [], mean: [], variance: []))
    }
    let fused: Bool
    if case .fused = formula { fused = true } else { fused = false }
    // TensorFlow's reduction ops drop an axis of one channel and add all values as one
    // contiguous run; the fused kernel keeps its (M, C) view.
    func columnSums(_ values: [Float]) -> [Float] {
      if !fused && channels == 1 { return [EigenSum.contiguous(values, count: values.count)] }
      return EigenSum.preservingInner(values, outer: 1, size: rows, inner: channels)
    }
    let inverseRows = 1 / Float(rows)
    let mean = columnSums(input).map { fused ? $0 * inverseRows : $0 / Float(rows) }
    let variance: [Float]
    if case .synchronized(let keras3) = formula {
      let meanSquares = columnSums(input.map { $0 * $0 }).map { $0 / Float(rows) }
      variance = (0..<channels).map { c in
        let difference = meanSquares[c] - mean[c] * mean[c]
        return keras3 ? Swift.max(difference, 0) : difference
      }
    } else {
      var squares = [Float](repeating: 0, count: input.count)
      for index in input.indices {
        let d = input[index] - mean[index % channels]
        squares[index] = d * d
      }
      variance = columnSums(squares).map { fused ? $0 * inverseRows : $0 / Float(rows) }
    }
    var inverse = variance.map { $0 + Float(epsilon) }
    inverse.withUnsafeMutableBufferPointer { EigenMath.rsqrt($0) }
    let factor = (0..<channels).map { c in gamma.map { inverse[c] * $0[c] } ?? inverse[c] }
    var output = [Float](repeating: 0, count: input.count)
    var normalized = [Float](repeating: 0, count: input.count)
    for index in input.indices {
      let c = index % channels
      let centered = input[index] - mean[c]
      normalized[index] = centered * inverse[c]
      if fused {
        output[index] = centered * factor[c] + (beta?[c] ?? 0)
      } else {
        let shift = beta.map { $0[c] - mean[c] * factor[c] } ?? -mean[c] * factor[c]
        output[index] = input[index] * factor[c] + shift
      }
    }
    let decay = Float(1.0 - momentum)
    switch formula {
    case .fused:
      let keep = 1 - decay
      let adjust = Float(rows) / Float(max(rows - 1, 1))
      for c in 0..<channels {
        movingVariance[c] = keep * movingVariance[c] + (decay * adjust) * variance[c]
        movingMean[c] = keep * movingMean[c] + decay * mean[c]
      }
    case .unfused, .synchronized(keras3: false):
      for c in 0..<channels {
        movingMean[c] -= (movingMean[c] - mean[c]) * decay
        movingVariance[c] -= (movingVariance[c] - variance[c]) * decay
      }
    case .keras3, .synchronized(keras3: true):
      let keep = Float(momentum)
      for c in 0..<channels {
        movingMean[c] = movingMean[c] * keep + mean[c] * decay
        movingVariance[c] = movingVariance[c] * keep + variance[c] * decay
      }
    }
    return (
      output,
      Saved(normalized: normalized, inverseDeviation: inverse, mean: mean, variance: variance)
    )
  }
}
