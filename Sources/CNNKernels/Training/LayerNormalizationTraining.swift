/// `LayerNormalization` over the last axis in training (beside `LayerNormalizationKernel`, its
/// forward pass): each row of an input viewed as (M, C) is normalized with its own mean and biased
/// variance, y = gamma (x - mean) / sqrt(var + epsilon) + beta, and the backward pass is
/// dx = (1 / sqrt(var + epsilon)) (g - mean(g) - xhat mean(g xhat)) with g = gamma dy per row;
/// dgamma and dbeta sum dy xhat and dy over the rows, in row order. Row statistics are summed in
/// Double.
public enum LayerNormalizationTraining {
  public struct Saved {
    /// (x - mean) / sqrt(var + epsilon), (M, C).
    public var normalized: [Float]
    /// 1 / sqrt(var + epsilon) per row.
    public var inverseDeviation: [Float]
  }

  /// input (M, C) flattened -> (output, what the backward pass needs)
  public static func forward(
    _ input: [Float], features: Int, gamma: [Float]?, beta: [Float]?, epsilon: Float
  ) -> (output: [Float], saved: Saved) {
    let c = max(1, features)
    let rows = input.count / c
    var normalized = [Float](repeating: 0, count: input.count)
    var output = [Float](repeating: 0, count: input.count)
    var inverse = [Float](repeating: 0, count: rows)
    for r in 0..<rows {
      let base = r * c
      var sum = 0.0
      for i in 0..<c { sum += Double(input[base + i]) }
      let mean = Float(sum / Double(c))
      var squares = 0.0
      for i in 0..<c {
        let d = Double(input[base + i]) - Double(mean)
        squares += d * d
      }
      let variance = Float(squares / Double(c))
      let inv = 1 / (variance + epsilon).squareRoot()
      inverse[r] = inv
      for i in 0..<c {
        let xhat = (input[base + i] - mean) * inv
        normalized[base + i] = xhat
        output[base + i] = xhat * (gamma?[i] ?? 1) + (beta?[i] ?? 0)
      }
    }
    return (output, Saved(normalized: normalized, inverseDeviation: inverse))
  }

  /// outputGradient (M, C) -> (input gradient, gamma gradient, beta gradient)
  public static func backward(
    _ outputGradient: [Float], saved: Saved, features: Int, gamma: [Float]?
  ) -> (input: [Float], gamma: [Float], beta: [Float]) {
    let c = max(1, features)
    let rows = outputGradient.count / c
    var input = [Float](repeating: 0, count: outputGradient.count)
    var gammaGradient = [Float](repeating: 0, count: c)
    var betaGradient = [Float](repeating: 0, count: c)
    for r in 0..<rows {
      let base = r * c
      var sumG = 0.0
      var sumGX = 0.0
      for i in 0..<c {
        let dy = outputGradient[base + i]
        let xhat = saved.normalized[base + i]
        gammaGradient[i] += dy * xhat
        betaGradient[i] += dy
        let g = dy * (gamma?[i] ?? 1)
        sumG += Double(g)
        sumGX += Double(g * xhat)
      }
      let meanG = Float(sumG / Double(c))
      let meanGX = Float(sumGX / Double(c))
      let inv = saved.inverseDeviation[r]
      for i in 0..<c {
        let g = outputGradient[base + i] * (gamma?[i] ?? 1)
        input[base + i] = inv * (g - meanG - saved.normalized[base + i] * meanGX)
      }
    }
    return (input, gammaGradient, betaGradient)
  }
}
