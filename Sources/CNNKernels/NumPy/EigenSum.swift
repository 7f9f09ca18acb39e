/// Sums as TensorFlow's CPU kernels add them (Eigen's tensor reductions on an AVX build: packets
/// of 256 bits, 8 floats or 4 doubles), so that `tf.reduce_sum`, `tf.reduce_mean` and softmax
/// give TensorFlow's last digits (measured against TensorFlow 2.21).
public enum EigenSum {
  /// Values a packet holds.
  static func lanes<T: BinaryFloatingPoint>(_: T.Type) -> Int { 32 / MemoryLayout<T>.size }

  /// The sum of `count` contiguous values starting at `values[first]` (Eigen's
  /// `InnerMostDimReducer`): above 1024 packets a tree, split at the packet boundary after the
  /// middle (counted from the tensor's start, `first`); below, four packet accumulators over the
  /// unrolled part added one after another, one more packet, the accumulator's lanes reduced
  /// halves first, and the scalar tail summed apart and added before them.
  public static func contiguous<T: BinaryFloatingPoint>(_ values: [T], first: Int = 0, count: Int)
    -> T
  {
    values.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, count > 0 else { return 0 }
      return tree(base, first: first, count: count)
    }
  }

  private static func tree<T: BinaryFloatingPoint>(
    _ base: UnsafePointer<T>, first: Int, count: Int
  ) -> T {
    let lanes = lanes(T.self)
    guard count > lanes * 1024 else { return leaf(base + first, count: count) }
    let half = (count + 1) / 2
    let split = lanes * ((first + half + lanes - 1) / lanes)
    let left = min(split - first, count)
    var total: T = 0
    total += tree(base, first: first, count: left)
    if left < count { total += tree(base, first: split, count: count - left) }
    return total
  }

  private static func leaf<T: BinaryFloatingPoint>(_ values: UnsafePointer<T>, count: Int) -> T {
    let lanes = lanes(T.self)
    var accumulators = [[T]](repeating: [T](repeating: 0, count: lanes), count: 4)
    var start = 0
    if count >= 4 * lanes {
      let unrolled = count / (4 * lanes) * (4 * lanes)
      while start < unrolled {
        for packet in 0..<4 {
          for lane in 0..<lanes {
            accumulators[packet][lane] += values[start + packet * lanes + lane]
          }
        }
        start += 4 * lanes
      }
      for packet in 1..<4 {
        for lane in 0..<lanes { accumulators[0][lane] += accumulators[packet][lane] }
      }
    }
    let vectorized = count / lanes * lanes
    while start < vectorized {
      for lane in 0..<lanes { accumulators[0][lane] += values[start + lane] }
      start += lanes
    }
    var rest: T = 0
    while start < count {
      rest += values[start]
      start += 1
    }
    return rest + horizontal(accumulators[0])
  }

  /// A packet's lanes added halves first: 8 -> 4 -> 2 -> 1.
  private static func horizontal<T: BinaryFloatingPoint>(_ packet: [T]) -> T {
    var lanes = packet
    var width = lanes.count
    while width > 1 {
      width /= 2
      for lane in 0..<width { lanes[lane] += lanes[lane + width] }
    }
    return lanes[0]
  }

  /// Sums over the middle axis of values laid out as `outer` x `size` x `inner` (Eigen's reduction
  /// that keeps the innermost dimension): the outputs in row-major order go in packets; a packet
  /// that lies within one row of `inner` outputs adds the reduced rows into packet accumulators,
  /// four round robin from 16 rows on (added one after another, then the remaining rows); the
  /// other outputs (a packet across two rows, the outputs after the last whole packet) add their
  /// values in order.
  public static func preservingInner<T: BinaryFloatingPoint>(
    _ values: [T], outer: Int, size: Int, inner: Int
  ) -> [T] {
    let lanes = lanes(T.self)
    let outputs = outer * inner
    var result = [T](repeating: 0, count: outputs)
    func inOrder(_ output: Int) -> T {
      let o = output / inner
      let c = output % inner
      var total: T = 0
      for r in 0..<size { total += values[(o * size + r) * inner + c] }
      return total
    }
    var output = 0
    while output + lanes <= outputs {
      let c = output % inner
      if c + lanes - 1 < inner {
        let base = (output / inner) * size * inner + c
        var accumulators = [[T]](repeating: [T](repeating: 0, count: lanes), count: 4)
        var row = 0
        if size >= 16 {
          let unrolled = size / 4 * 4
          while row < unrolled {
            for packet in 0..<4 {
              let offset = base + (row + packet) * inner
              for lane in 0..<lanes { accumulators[packet][lane] += values[offset + lane] }
            }
            row += 4
          }
          for packet in 1..<4 {
            for lane in 0..<lanes { accumulators[0][lane] += accumulators[packet][lane] }
          }
        }
        while row < size {
          let offset = base + row * inner
          for lane in 0..<lanes { accumulators[0][lane] += values[offset + lane] }
          row += 1
        }
        for lane in 0..<lanes { result[output + lane] = accumulators[0][lane] }
      } else {
        for lane in 0..<lanes { result[output + lane] = inOrder(output + lane) }
      }
      output += lanes
    }
    while output < outputs {
      result[output] = inOrder(output)
      output += 1
    }
    return result
  }
}
