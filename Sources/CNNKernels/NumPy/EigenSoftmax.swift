import CNNKernelsX86

/// Softmax of float32 rows as TensorFlow's own `Softmax` kernel computes it when oneDNN is off
/// (`TensorFlowEngine.eigen`): `SoftmaxEigenImpl` (tensorflow/core/kernels/softmax_op_functor.h),
/// three Eigen expressions on the whole (rows, classes) tensor, on TensorFlow's AVX build
/// without FMA:
///
/// 1. `exp(x - max(row))` as one elementwise op over the flat tensor (`EigenMath.exp`: whole
///    packets of 8 by Eigen's `pexp`, the last `count % 8` values by the C library's `expf`);
/// 2. each row's sum, Eigen's inner-most reduction: 4 packet accumulators over steps of 32, added
///    in turn (0 + 1, + 2, + 3), then whole packets into the first, then the leftover values one
///    by one from zero, plus the first accumulator's lanes reduced as
///    ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7)); rows over 8,192 values split in two
///    halves at a packet boundary, recursively;
/// 3. `1 / sum` for rows in whole packets of 8 rows by Eigen's packet reciprocal (the processor's
///    `vrcpps` and one Newton step x + x (1 - a x), each product and sum rounded), the last
///    `rows % 8` rows by division; then each exponential times its row's reciprocal.
///
/// Checked bit for bit against TensorFlow 2.21 on ~/keras-ref's machine for rows of 1 to 1,000
/// classes and 1 to 2,000 rows. Not modelled: rows over 8,192 classes (a few values differ) and
/// tensors of ~10,000 values and more, which TensorFlow's thread pool splits into blocks.
public enum EigenSoftmax {
  static let lanes = 8

  /// Softmax of each row of `rowLength` contiguous values.
  public static func rows(_ values: [Float], rowLength: Int) -> [Float] {
    guard rowLength > 0, !values.isEmpty else { return values }
    let rowCount = values.count / rowLength
    var shifted = values
    for row in 0..<rowCount {
      let start = row * rowLength
      var top = EigenMath.flush(values[start])
      for k in 1..<rowLength { top = EigenMath.pmax(top, EigenMath.flush(values[start + k])) }
      for k in 0..<rowLength {
        shifted[start + k] = EigenMath.flush(EigenMath.flush(values[start + k]) - top)
      }
    }
    let exponentials = EigenMath.exp(shifted)
    var sums = [Float](repeating: 0, count: rowCount)
    exponentials.withUnsafeBufferPointer { buffer in
      for row in 0..<rowCount {
        sums[row] = sum(buffer, first: row * rowLength, count: rowLength)
      }
    }
    let inverses = reciprocals(sums)
    var result = exponentials
    for index in result.indices {
      result[index] = EigenMath.flush(exponentials[index] * inverses[index / rowLength])
    }
    return result
  }

  /// Eigen's `InnerMostDimReducer` with tree reduction (leaves of 1,024 packets).
  static func sum(_ values: UnsafeBufferPointer<Float>, first: Int, count: Int) -> Float {
    if count > lanes * 1024 {
      let half = (count + 1) / 2
      let split = lanes * ((first + half + lanes - 1) / lanes)
      let left = min(split - first, count)
      var total: Float = 0 + sum(values, first: first, count: left)
      if left < count { total = total + sum(values, first: split, count: count - left) }
      return total
    }
    var accumulators = [SIMD8<Float>](repeating: SIMD8(), count: 4)
    func packet(_ start: Int) -> SIMD8<Float> {
      var p = SIMD8<Float>()
      for lane in 0..<lanes { p[lane] = values[first + start + lane] }
      return p
    }
    var start = 0
    if count >= 4 * lanes {
      let whole = count / (4 * lanes) * (4 * lanes)
      while start < whole {
        for a in 0..<4 { accumulators[a] = accumulators[a] + packet(start + a * lanes) }
        start += 4 * lanes
      }
      accumulators[0] = accumulators[0] + accumulators[1]
      accumulators[0] = accumulators[0] + accumulators[2]
      accumulators[0] = accumulators[0] + accumulators[3]
    }
    if start <= count - lanes {
      let whole = count / lanes * lanes
      while start < whole {
        accumulators[0] = accumulators[0] + packet(start)
        start += lanes
      }
    }
    var scalar: Float = 0
    for k in start..<count { scalar = scalar + values[first + k] }
    let p = accumulators[0]
    let folded = (p[0] + p[4], p[1] + p[5], p[2] + p[6], p[3] + p[7])
    return scalar + ((folded.0 + folded.2) + (folded.1 + folded.3))
  }

  /// `1 / x` of each sum as Eigen's `scalar_inverse_op` evaluates a tensor: packets of 8 by
  /// `vrcpps` refined by one Newton step, the tail by division.
  public static func reciprocals(_ x: [Float]) -> [Float] {
    var result = x.map { 1 / $0 }
    let whole = x.count / lanes * lanes
    var approximation = SIMD8<Float>()
    for start in stride(from: 0, to: whole, by: lanes) {
      var a = SIMD8<Float>()
      for lane in 0..<lanes { a[lane] = x[start + lane] }
      withUnsafePointer(to: a) { input in
        withUnsafeMutablePointer(to: &approximation) { output in
          cb_rcp_approximation8(
            UnsafeRawPointer(input).assumingMemoryBound(to: Float.self),
            UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self))
        }
      }
      for lane in 0..<lanes {
        let r = approximation[lane]
        let error = 1 - a[lane] * r
        // A NaN step (a zero or infinite sum) keeps the approximation.
        result[start + lane] = error.isNaN ? r : r + r * error
      }
    }
    return result
  }
}
