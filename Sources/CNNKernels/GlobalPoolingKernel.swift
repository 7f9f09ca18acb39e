/// Keras `GlobalAveragePooling1D/2D/3D` and `GlobalMaxPooling1D/2D/3D`: reduce every spatial axis.
public enum GlobalPoolingKernel {
  /// input (N, spatial..., C) -> output (N, C), or (N, 1..., C) with `keepDims` (Keras `keepdims=True`)
  ///
  /// Averages sum in Double, in spatial order, then divide once: TensorFlow's float32 tree reduction
  /// is close to the exact sum, which a long float32 running sum would drift from.
  public static func pool(
    _ input: Tensor, mode: PoolingKernel.Mode, keepDims: Bool = false,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    guard input.rank >= 3 else {
      throw KernelError("global pooling needs an input (N, spatial..., C), got \(input.shape)")
    }
    let batch = input.shape[0]
    let channels = input.shape[input.rank - 1]
    let positions = input.shape.dropFirst().dropLast().reduce(1, *)
    let shape =
      keepDims
      ? [batch] + Array(repeating: 1, count: input.rank - 2) + [channels] : [batch, channels]
    return Tensor(uninitializedShape: shape) { output in
      guard output.count > 0 else { return }
      input.scalars.withUnsafeBufferPointer { source in
        let source = source.baseAddress!
        let output = output.baseAddress!
        KernelParallelism.forEachSlice(
          count: batch * channels, threads: threads,
          minimumPerThread: max(1, 1 << 16 / max(1, positions))
        ) { items in
          // Items are (n, c); runs of consecutive channels of one sample are reduced together.
          var item = items.lowerBound
          while item < items.upperBound {
            let n = item / channels
            let firstChannel = item % channels
            let run = min(items.upperBound - item, channels - firstChannel)
            let sample = source + n * positions * channels
            if mode == .max {
              for c in firstChannel..<firstChannel + run {
                var best = -Float.infinity
                for p in 0..<positions { best = max(best, sample[p * channels + c]) }
                output[item + c - firstChannel] = best
              }
            } else {
              var sums = [Double](repeating: 0, count: run)
              for p in 0..<positions {
                let rowStart = sample + p * channels + firstChannel
                for c in 0..<run { sums[c] += Double(rowStart[c]) }
              }
              for c in 0..<run { output[item + c] = Float(sums[c] / Double(positions)) }
            }
            item += run
          }
        }
      }
    }
  }
}
