/// Keras `BatchNormalization` at inference: gamma * (x - mean) * rsqrt(variance + epsilon) + beta,
/// with the moving statistics, over any channel axis; rsqrt as TensorFlow computes it on the
/// vector of variances (`EigenMath.rsqrt`).
///
/// `gamma` nil is Keras `scale=False`, `beta` nil is `center=False`. The per-channel factor is
/// computed once, so the pass over the data is one subtract, multiply and add per value. Rank-4/5
/// inputs normalized over the first or last non-batch axis take TensorFlow's fused path
/// ((x - mean) * factor + beta); others its `batch_normalization`
/// (x * factor + (beta - mean * factor)), as tf-keras does, so rounding follows the same formula;
/// Keras 3 always takes `batch_normalization` (`fused: false`).
public enum BatchNormalizationKernel {
  /// input (d0, ..., C at `axis`, ...), gamma/beta/mean/variance (C) -> output, same shape
  public static func normalize(
    _ input: Tensor, axis: Int = -1, gamma: Tensor?, beta: Tensor?, movingMean: Tensor,
    movingVariance: Tensor, epsilon: Float = 1e-3, fused: Bool? = nil,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    let plan = try Plan(
      shape: input.shape, axis: axis, gamma: gamma, beta: beta, movingMean: movingMean,
      movingVariance: movingVariance, epsilon: epsilon, fused: fused)
    return Tensor(uninitializedShape: input.shape) { output in
      input.scalars.withUnsafeBufferPointer { source in
        plan.run(source: source.baseAddress, output: output.baseAddress, threads: threads)
      }
    }
  }

  /// In place, so a forward pass that owns its activations writes no new buffer.
  /// tensor (d0, ..., C at `axis`, ...), gamma/beta/mean/variance (C) -> tensor, same shape
  public static func normalizeInPlace(
    _ tensor: inout Tensor, axis: Int = -1, gamma: Tensor?, beta: Tensor?, movingMean: Tensor,
    movingVariance: Tensor, epsilon: Float = 1e-3, fused: Bool? = nil,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) {
    let plan = try Plan(
      shape: tensor.shape, axis: axis, gamma: gamma, beta: beta, movingMean: movingMean,
      movingVariance: movingVariance, epsilon: epsilon, fused: fused)
    tensor.withUnsafeMutableBufferPointer { buffer in
      plan.run(
        source: UnsafePointer(buffer.baseAddress), output: buffer.baseAddress, threads: threads)
    }
  }

  /// Per-channel constants and the (outer, C, inner) view of the tensor.
  struct Plan {
    var factor: [Float]
    var shift: [Float]
    var mean: [Float]
    var outer: Int
    var channels: Int
    var inner: Int

    init(
      shape: [Int], axis: Int, gamma: Tensor?, beta: Tensor?, movingMean: Tensor,
      movingVariance: Tensor, epsilon: Float, fused: Bool? = nil
    ) throws(KernelError) {
      let axis = axis < 0 ? axis + shape.count : axis
      guard shape.count >= 1, (0..<shape.count).contains(axis) else {
        throw KernelError("axis \(axis) is out of range for input \(shape)")
      }
      let channels = shape[axis]
      let parameters = [
        ("gamma", gamma), ("beta", beta), ("moving_mean", movingMean),
        ("moving_variance", movingVariance),
      ]
      for (name, tensor) in parameters {
        if let tensor, tensor.shape != [channels] {
          throw KernelError(
            "\(name) has shape \(tensor.shape) but the input has \(channels) channels on axis \(axis)"
          )
        }
      }
      let fused =
        fused ?? ((shape.count == 4 || shape.count == 5) && (axis == shape.count - 1 || axis == 1))
      factor = [Float](repeating: 0, count: channels)
      shift = [Float](repeating: 0, count: channels)
      // TensorFlow's rsqrt of the channels' variances: Eigen's packet approximation for whole
      // packets of channels, 1 / sqrt(x) for the rest (`EigenMath.rsqrt`).
      var inverses = (0..<channels).map { movingVariance.scalars[$0] + epsilon }
      inverses.withUnsafeMutableBufferPointer { EigenMath.rsqrt($0) }
      for c in 0..<channels {
        let inverse = inverses[c]
        factor[c] = gamma.map { inverse * $0.scalars[c] } ?? inverse
        let offset = beta?.scalars[c] ?? 0
        shift[c] = fused ? offset : offset - movingMean.scalars[c] * factor[c]
      }
      // x - 0 is exact, so the unfused formula runs through the same loop.
      mean = fused ? movingMean.scalars : [Float](repeating: 0, count: channels)
      self.channels = channels
      inner = shape[(axis + 1)...].reduce(1, *)
      outer = shape[..<axis].reduce(1, *)
    }

    // source (outer, C, inner) -> output (outer, C, inner); the two may be the same memory.
    func run(source: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>?, threads: Int) {
      guard let source, let output, outer * channels * inner > 0 else { return }
      let (channels, inner) = (channels, inner)
      factor.withUnsafeBufferPointer { factor in
        shift.withUnsafeBufferPointer { shift in
          mean.withUnsafeBufferPointer { mean in
            let (factor, shift, mean) = (factor.baseAddress!, shift.baseAddress!, mean.baseAddress!)
            if inner == 1 {
              // Channels last: SIMD8 across channels, rows split across threads.
              KernelParallelism.forEachSlice(
                count: outer, threads: threads, minimumPerThread: max(1, 1 << 16 / max(1, channels))
              ) { rows in
                for row in rows {
                  let x = source + row * channels
                  let y = output + row * channels
                  var c = 0
                  while c + 8 <= channels {
                    let centered = SIMDMemory.load(x + c) - SIMDMemory.load(mean + c)
                    SIMDMemory.store(
                      centered * SIMDMemory.load(factor + c) + SIMDMemory.load(shift + c), y + c)
                    c += 8
                  }
                  while c < channels {
                    y[c] = (x[c] - mean[c]) * factor[c] + shift[c]
                    c += 1
                  }
                }
              }
            } else {
              // Channel axis inside: each (outer, c) slab of `inner` values shares one factor.
              KernelParallelism.forEachSlice(
                count: outer * channels, threads: threads,
                minimumPerThread: max(1, 1 << 16 / max(1, inner))
              ) { slabs in
                for slab in slabs {
                  let c = slab % channels
                  let x = source + slab * inner
                  let y = output + slab * inner
                  let m = SIMD8(repeating: mean[c])
                  let f = SIMD8(repeating: factor[c])
                  let s = SIMD8(repeating: shift[c])
                  var i = 0
                  while i + 8 <= inner {
                    SIMDMemory.store((SIMDMemory.load(x + i) - m) * f + s, y + i)
                    i += 8
                  }
                  while i < inner {
                    y[i] = (x[i] - mean[c]) * factor[c] + shift[c]
                    i += 1
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
