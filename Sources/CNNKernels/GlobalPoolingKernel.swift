/// Keras `GlobalAveragePooling1D/2D/3D` and `GlobalMaxPooling1D/2D/3D`: reduce every spatial axis.
public enum GlobalPoolingKernel {
  /// input (N, spatial..., C) -> output (N, C), or (N, 1..., C) with `keepDims` (Keras `keepdims=True`)
  ///
  /// Averages are `tf.reduce_mean` over the spatial axes (both Kerases pool that way): the sums
  /// TensorFlow's Eigen kernel adds (`tensorFlowSums`), each divided by the number of positions.
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
    if mode == .average {
      let count = Float(positions)
      let sums = tensorFlowSums(
        input.scalars, batch: batch, positions: positions, channels: channels)
      return Tensor(validShape: shape, scalars: sums.map { $0 / count })
    }
    return Tensor(uninitializedShape: shape) { output in
      guard output.count > 0 else { return }
      input.scalars.withUnsafeBufferPointer { source in
        let source = source.baseAddress!
        let output = output.baseAddress!
        KernelParallelism.forEachSlice(
          count: batch * channels, threads: threads,
          minimumPerThread: max(1, 1 << 16 / max(1, positions))
        ) { items in
          for item in items {
            let sample = source + (item / channels) * positions * channels + item % channels
            var best = -Float.infinity
            for p in 0..<positions { best = max(best, sample[p * channels]) }
            output[item] = best
          }
        }
      }
    }
  }

  /// The sums over the positions of values laid out (batch, positions, channels), as TensorFlow's
  /// reduction adds them: it drops dimensions of size 1 first, so one channel is a reduction of
  /// each sample's contiguous values (`EigenSum.contiguous`), several keep the channels in
  /// packets (`EigenSum.preservingInner`), and one position is the values themselves.
  static func tensorFlowSums(
    _ values: [Float], batch: Int, positions: Int, channels: Int
  ) -> [Float] {
    guard batch * channels > 0 else { return [] }
    if positions == 1 { return values }
    if channels == 1 {
      return (0..<batch).map {
        EigenSum.contiguous(values, first: $0 * positions, count: positions)
      }
    }
    return EigenSum.preservingInner(values, outer: batch, size: positions, inner: channels)
  }
}
