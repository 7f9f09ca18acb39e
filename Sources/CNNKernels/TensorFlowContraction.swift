/// How TensorFlow 2.21 sums one value of a float32 contraction with several rows and columns on an
/// AVX2 processor: a `MatMul`, or the GEMM behind a convolution (rows = output positions, columns
/// = filters). Eigen's contraction hands its blocks to oneDNN's sgemm, which sums a value in one
/// FMA chain over the inner index, except in a last block of at most 8 columns (of 16) and in a
/// last group of 3 rows (of 6): there it keeps one FMA chain over the even terms and one over the
/// odd terms, adds the two, then the last term of an odd count by FMA (`pairs`). Measured by
/// `Tools/keras-reference/probe_contraction_order.py`: every value matched for inner sizes up to
/// 288. Not identified: the last 1 or 2 rows (of 6), which ConvBook sums as the rest of their
/// columns; sums over more than 288 terms, which Eigen splits into slices by cache size.
public enum TensorFlowContraction {
  /// Whether column `column` of `columns` is in a last block of at most 8 columns (of 16).
  @inline(__always)
  public static func inShortLastBlock(column: Int, columns: Int) -> Bool {
    let last = columns % 16
    return last >= 1 && last <= 8 && column >= columns - last
  }

  /// Whether the value at (`row`, `column`) sums in `pairs` rather than in one chain.
  @inline(__always)
  public static func sumsInPairs(row: Int, rows: Int, column: Int, columns: Int) -> Bool {
    inShortLastBlock(column: column, columns: columns) || (rows % 6 == 3 && row >= rows - 3)
  }

  /// Sum over k < count of a[k] * b[k * strideB]: one FMA chain per parity, added, then the odd
  /// tail by FMA.
  public static func pairs(
    count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, strideB: Int
  ) -> Float {
    var even: Float = 0
    var odd: Float = 0
    let whole = count / 2 * 2
    var k = 0
    while k < whole {
      even = even.addingProduct(a[k], b[k * strideB])
      odd = odd.addingProduct(a[k + 1], b[(k + 1) * strideB])
      k += 2
    }
    var sum = even + odd
    if whole < count { sum = sum.addingProduct(a[whole], b[whole * strideB]) }
    return sum
  }

  /// Sum over k < count of a[k] * b[k * strideB] in one FMA chain.
  public static func chain(
    count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, strideB: Int
  ) -> Float {
    var sum: Float = 0
    for k in 0..<count { sum = sum.addingProduct(a[k], b[k * strideB]) }
    return sum
  }
}
