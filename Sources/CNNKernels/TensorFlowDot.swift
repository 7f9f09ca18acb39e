/// One dot product of a TensorFlow `MatMul` whose result has a single column and at least two
/// rows (a `Dense(1)` layer, its input gradient `dy @ W^T` for one input unit), in the order
/// TensorFlow's CPU kernel sums it: Eigen's matrix-vector product, eager and inside a
/// `tf.function` alike, with or without a bias fused after it. Found by probing TensorFlow 2.21
/// with sums that round differently in every association, then checked on random data for
/// lengths 1 to 1,000 and 2 to 100 rows. The other MatMuls go through oneDNN, which sums each
/// value tap by tap in one FMA chain, as `DenseKernel`'s tiles do: several columns, a single row,
/// and a first operand transposed (`x^T @ dy`, a kernel gradient, even for one column).
///
/// With p = the products: whole steps of 16 accumulate into 8 lanes (lane i takes the products
/// i, i + 8, i + 16, ... by FMA, from zero); the lanes reduce as `reduce8` does; then a block of
/// 8 left (its products rounded, reduced as `reduce8`), a block of 4 ((p0 + p1) + (p2 + p3)),
/// a pair, a last single product, each added to the sum in turn.
public enum TensorFlowDot {
  /// Sum over k < count of a[k] * b[k].
  public static func dot(count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> Float
  {
    var sum: Float = 0
    var started = false
    func add(_ value: Float) {
      sum = started ? sum + value : value
      started = true
    }
    let whole = count / 16 * 16
    if whole > 0 {
      var lanes = SIMD8<Float>(repeating: 0)
      var k = 0
      while k < whole {
        lanes = lanes.addingProduct(SIMDMemory.load(a + k), SIMDMemory.load(b + k))
        k += 8
      }
      add(reduce8(lanes))
    }
    var k = whole
    if count - k >= 8 {
      add(reduce8(SIMDMemory.load(a + k) * SIMDMemory.load(b + k)))
      k += 8
    }
    if count - k >= 4 {
      add((a[k] * b[k] + a[k + 1] * b[k + 1]) + (a[k + 2] * b[k + 2] + a[k + 3] * b[k + 3]))
      k += 4
    }
    if count - k >= 2 {
      add(a[k] * b[k] + a[k + 1] * b[k + 1])
      k += 2
    }
    if count - k == 1 { add(a[k] * b[k]) }
    return sum
  }

  /// Eight lanes summed as adjacent pairs, the pairs of each half of the register added across
  /// the halves, then the two results: ((l0 + l1) + (l4 + l5)) + ((l2 + l3) + (l6 + l7)).
  @inline(__always)
  static func reduce8(_ l: SIMD8<Float>) -> Float {
    ((l[0] + l[1]) + (l[4] + l[5])) + ((l[2] + l[3]) + (l[6] + l[7]))
  }
}
