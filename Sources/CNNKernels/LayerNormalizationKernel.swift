/// Keras `LayerNormalization` over the last axis, in float32 like tf-keras.
public enum LayerNormalizationKernel {
  /// input (..., C), gamma (C), beta (C) -> output (..., C)
  ///
  /// Mean and variance (the biased one, mean of squared deviations) of each row are summed in Double
  /// and rounded to float once. tf-keras takes its fused path when epsilon >= 1.001e-5:
  /// ((x - mean) * rsqrt(var + eps)) * gamma + beta; otherwise tf.nn.batch_normalization:
  /// x * inv + (beta - mean * inv) with inv = rsqrt(var + eps) * gamma. Both are reproduced.
  public static func normalize(
    _ input: Tensor, gamma: Tensor?, beta: Tensor?, epsilon: Float = 1e-3,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    guard input.rank >= 1 else { throw KernelError("layer normalization needs at least one axis") }
    let channels = input.shape[input.rank - 1]
    if let gamma, gamma.shape != [channels] {
      throw KernelError("gamma has shape \(gamma.shape) but the last axis has \(channels) values")
    }
    if let beta, beta.shape != [channels] {
      throw KernelError("beta has shape \(beta.shape) but the last axis has \(channels) values")
    }
    let rows = channels == 0 ? 0 : input.count / channels
    let fused = epsilon >= 1.001e-5
    let gammaValues = gamma?.scalars
    let betaValues = beta?.scalars
    return Tensor(uninitializedShape: input.shape) { output in
      guard output.count > 0 else { return }
      input.scalars.withUnsafeBufferPointer { source in
        let (source, output) = (source.baseAddress!, output.baseAddress!)
        KernelParallelism.forEachSlice(
          count: rows, threads: threads, minimumPerThread: max(1, 1 << 14 / max(1, channels))
        ) { slice in
          for row in slice {
            let x = source + row * channels
            let y = output + row * channels
            var sum = 0.0
            for c in 0..<channels { sum += Double(x[c]) }
            let mean = Float(sum / Double(channels))
            var squares = 0.0
            for c in 0..<channels {
              let deviation = Double(x[c]) - Double(mean)
              squares += deviation * deviation
            }
            let variance = Float(squares / Double(channels))
            let inverse = 1 / (variance + epsilon).squareRoot()
            if fused {
              for c in 0..<channels {
                var value = (x[c] - mean) * inverse
                if let gammaValues { value *= gammaValues[c] }
                if let betaValues { value += betaValues[c] }
                y[c] = value
              }
            } else {
              for c in 0..<channels {
                let scale = inverse * (gammaValues?[c] ?? 1)
                y[c] = x[c] * scale + ((betaValues?[c] ?? 0) - mean * scale)
              }
            }
          }
        }
      }
    }
  }
}
