/// A float32 `MatMul` with one output column over several rows (`Dense(1)` on a batch) as
/// TensorFlow computes it with oneDNN off (`TensorFlowEngine.eigen`): Eigen's row-major
/// matrix-vector product, on TensorFlow's AVX build without FMA (each product rounded, then
/// added). Measured against TensorFlow 2.21 on ~/keras-ref's machine (rows 2 to 16, depths 3 to
/// 300, random data: every value).
///
/// - Small products (rows + depth + 1 < 20) are Eigen's coefficient-based product: each row's
///   products added one after another, from the first.
/// - Otherwise each row sums its whole packets of 8 products in 8 lanes, reduces the lanes as
///   ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7)) and adds the leftover products in turn;
///   a row processed alone (the last of an odd number of rows) first folds one half packet of 4
///   ((h0 + h2) + (h1 + h3)) into its sum. Rows processed in blocks of 8, 4 or 2 have no half
///   packets: with a depth of 4 to 7 they add their products in turn from the first (measured
///   again on rows 2 to 65, depths 1 to 100: every value; folding a half packet into every row
///   of such a depth was wrong from 8 rows on, tf-keras' `predict` of a `Dense(1)` on 5 inputs).
public enum EigenMatrixVector {
  /// out[r] = sum over k < depth of x[r * depth + k] * w[k], for r < rows.
  public static func product(
    _ x: UnsafePointer<Float>, rows: Int, depth: Int, _ w: UnsafePointer<Float>,
    into out: UnsafeMutablePointer<Float>
  ) {
    guard rows > 0 else { return }
    guard depth > 0 else {
      for r in 0..<rows { out[r] = 0 }
      return
    }
    if rows + depth + 1 < 20 {
      for r in 0..<rows {
        let a = x + r * depth
        var sum = a[0] * w[0]
        for k in 1..<depth { sum = sum + a[k] * w[k] }
        out[r] = sum
      }
      return
    }
    for r in 0..<rows {
      let alone = rows % 2 == 1 && r == rows - 1
      out[r] = rowDot(x + r * depth, w, count: depth, halfPacket: alone)
    }
  }

  static func rowDot(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int, halfPacket: Bool
  ) -> Float {
    let full = count / 8 * 8
    var lanes = [Float](repeating: 0, count: 8)
    for start in stride(from: 0, to: full, by: 8) {
      for l in 0..<8 { lanes[l] = lanes[l] + a[start + l] * b[start + l] }
    }
    var sum =
      ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6]))
      + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]))
    var start = full
    if halfPacket {
      let half = count / 4 * 4
      var h: [Float] = [0, 0, 0, 0]
      for block in stride(from: full, to: half, by: 4) {
        for l in 0..<4 { h[l] = h[l] + a[block + l] * b[block + l] }
      }
      sum = sum + ((h[0] + h[2]) + (h[1] + h[3]))
      start = half
    }
    for k in start..<count { sum = sum + a[k] * b[k] }
    return sum
  }
}
