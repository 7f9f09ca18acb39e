/// Q of a thin QR decomposition exactly as TensorFlow's `Qr` op computes it in float32
/// (`tf.linalg.qr(a, full_matrices=False)`, the orthogonal initializer's QR): Eigen's unblocked
/// Householder QR of the row-major matrix, then `householderQ() * Identity`, whose result Eigen
/// keeps column-major. Eigen in TensorFlow's build has no FMA: every product is rounded before it
/// is added. Exact (value by value against TensorFlow 2.21) for fewer than 48 columns; Eigen
/// switches to blocked reflectors from 48 on, which this does not follow.
public enum EigenHouseholderQR {
  /// Eigen's block size for Householder reflectors.
  public static let blockedFrom = 48

  /// a: (tall, wide) row-major, tall >= wide >= 1 -> Q (tall, wide) row-major and R's diagonal.
  public static func thinQ(_ a: [Float], tall: Int, wide: Int) -> (q: [Float], diagonal: [Float]) {
    var m = a
    var taus = [Float](repeating: 0, count: wide)
    var diagonal = [Float](repeating: 0, count: wide)
    var tmp = [Float](repeating: 0, count: wide)
    for k in 0..<wide {
      let c0 = m[k * wide + k]
      // The tail's squared norm: a strided column, summed in order.
      var squares: Float = 0
      for i in (k + 1)..<max(tall, k + 1) {
        let v = m[i * wide + k]
        let square = v * v
        squares = i == k + 1 ? square : squares + square
      }
      var tau: Float = 0
      var beta = c0
      if tall - k - 1 == 0 || squares <= Float.leastNormalMagnitude {
        for i in (k + 1)..<max(tall, k + 1) { m[i * wide + k] = 0 }
      } else {
        beta = (c0 * c0 + squares).squareRoot()
        if c0 >= 0 { beta = -beta }
        let divisor = c0 - beta
        for i in (k + 1)..<tall { m[i * wide + k] = m[i * wide + k] / divisor }
        tau = (beta - c0) / beta
      }
      taus[k] = tau
      m[k * wide + k] = beta
      diagonal[k] = beta
      // H_k on the columns after k, rows k..<tall: tmp = essential^T * bottom is Eigen's
      // column-major matrix-vector product here (the matrix is row-major): in order over the rows.
      if k + 1 < wide && tau != 0 {
        let r = tall - k - 1
        let block = r < 128 ? max(r, 1) : 16
        for j in (k + 1)..<wide {
          var sum: Float = 0
          var start = 0
          while start < r {
            let end = min(start + block, r)
            var partial: Float = 0
            for i in start..<end {
              let term = m[(k + 1 + i) * wide + k] * m[(k + 1 + i) * wide + j]
              partial = partial + term
            }
            sum = sum + partial
            start = end
          }
          tmp[j] = sum + m[k * wide + j]
        }
        for j in (k + 1)..<wide { m[k * wide + j] = m[k * wide + j] - tau * tmp[j] }
        for i in 0..<r {
          let scaled = tau * m[(k + 1 + i) * wide + k]
          for j in (k + 1)..<wide {
            m[(k + 1 + i) * wide + j] = m[(k + 1 + i) * wide + j] - scaled * tmp[j]
          }
        }
      }
    }
    // Q = H_0 ... H_(wide-1) applied to the identity, last reflector first. The product lives in
    // a column-major matrix, so tmp = bottom^T * essential is Eigen's row-major matrix-vector
    // product: lanes of 8, then their sum, then the rest in order.
    var q = [Float](repeating: 0, count: tall * wide)  // column-major
    for j in 0..<wide { q[j * tall + j] = 1 }
    for k in stride(from: wide - 1, through: 0, by: -1) {
      let tau = taus[k]
      let rows = tall - k
      if rows == 1 {
        for j in 0..<wide { q[j * tall + k] = q[j * tall + k] * (1 - tau) }
        continue
      }
      if tau == 0 { continue }
      let r = rows - 1
      var essential = [Float](repeating: 0, count: r)
      for i in 0..<r { essential[i] = m[(k + 1 + i) * wide + k] }
      rowMajorProduct(
        q, column: { $0 * tall + k + 1 }, count: r, essential, outputs: wide, into: &tmp)
      for j in 0..<wide { tmp[j] = tmp[j] + q[j * tall + k] }
      for j in 0..<wide { q[j * tall + k] = q[j * tall + k] - tau * tmp[j] }
      for i in 0..<r {
        let scaled = tau * essential[i]
        for j in 0..<wide {
          q[j * tall + k + 1 + i] = q[j * tall + k + 1 + i] - tmp[j] * scaled
        }
      }
    }
    var result = [Float](repeating: 0, count: tall * wide)
    for i in 0..<tall {
      for j in 0..<wide { result[i * wide + j] = q[j * tall + i] }
    }
    return (result, diagonal)
  }

  /// out[j] = Σ_i a[column(j) + i] * x[i] as Eigen's row-major matrix-vector product sums it
  /// (without FMA): outputs in groups of 8, 4 and 2 take lanes of 8 over i, their sum
  /// ((l0 + l4) + (l2 + l6)) + ((l1 + l5) + (l3 + l7)), then the rest one by one; a last single
  /// output also takes a half packet of 4 before the rest.
  static func rowMajorProduct(
    _ a: [Float], column: (Int) -> Int, count: Int, _ x: [Float], outputs: Int,
    into out: inout [Float]
  ) {
    let full = count / 8 * 8
    let half = count / 4 * 4
    func dot(_ j: Int, single: Bool) -> Float {
      let base = column(j)
      var lanes = [Float](repeating: 0, count: 8)
      var i = 0
      while i < full {
        for l in 0..<8 {
          let term = a[base + i + l] * x[i + l]
          lanes[l] = lanes[l] + term
        }
        i += 8
      }
      var sum =
        ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6]))
        + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]))
      var start = full
      if single {
        var quarter = [Float](repeating: 0, count: 4)
        var i = full
        while i < half {
          for l in 0..<4 {
            let term = a[base + i + l] * x[i + l]
            quarter[l] = quarter[l] + term
          }
          i += 4
        }
        sum = sum + ((quarter[0] + quarter[2]) + (quarter[1] + quarter[3]))
        start = half
      }
      for i in start..<count {
        let term = a[base + i] * x[i]
        sum = sum + term
      }
      return sum
    }
    // Eigen's loops over the outputs: groups of 8, then at most one group of 4 and one of 2.
    var j = 0
    while j + 8 <= outputs {
      for o in j..<(j + 8) { out[o] = dot(o, single: false) }
      j += 8
    }
    for group in [4, 2] where j + group <= outputs {
      for o in j..<(j + group) { out[o] = dot(o, single: false) }
      j += group
    }
    while j < outputs {
      out[j] = dot(j, single: true)
      j += 1
    }
  }
}
