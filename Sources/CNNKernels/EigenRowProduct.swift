/// A TensorFlow `MatMul` whose first operand has a single row (a `Dense` layer or an RNN step on
/// one sample): TensorFlow hands it to Eigen's matrix-vector product, not to the GEMM of larger
/// products, and its Eigen is compiled without FMA. Each output sums its products in order of
/// the inner index, each product rounded before it is added; from 128 inner values on, the sum
/// runs in blocks of 16 (4 once a kernel row no longer fits Eigen's 32 KiB level-one cache), each
/// block from zero, the block sums added in turn. Found by probing TensorFlow 2.21 on an AVX2
/// processor: every value of 1 x {5..784} x {2..2000} products matched.
public enum EigenRowProduct {
  /// out[j] = sum over k < count of x[k] * w[k * columns + j], for a row-major (count, columns) w
  /// and j in `range` (all columns when nil), a product of its own over those columns.
  public static func product(
    _ x: UnsafePointer<Float>, count: Int, _ w: [Float], columns: Int, range: Range<Int>? = nil,
    into out: inout [Float]
  ) {
    let range = range ?? 0..<columns
    let block = count < 128 ? max(count, 1) : (range.count * 4 < 32768 ? 16 : 4)
    w.withUnsafeBufferPointer { w in
      for j in range {
        var sum: Float = 0
        var start = 0
        while start < count {
          let end = min(start + block, count)
          var partial: Float = 0
          for k in start..<end {
            let term = x[k] * w[k * columns + j]
            partial = partial + term
          }
          sum = sum + partial
          start = end
        }
        out[j] = sum
      }
    }
  }
}
