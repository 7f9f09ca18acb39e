/// Softmax of float32 rows as TensorFlow computes it on x86-64: its Softmax kernel hands float32
/// to oneDNN (on by default since TensorFlow 2.9), whose AVX-512 kernel walks a row in vectors
/// of 16 lanes. Measured bit for bit against TensorFlow 2.21 (rows of 1 to 1,000 values).
///
/// Per row: the maximum; `exp(x - max)` with oneDNN's own exponential (a degree-5 polynomial
/// evaluated with fused multiply-adds); the exponentials summed into up to four vector
/// accumulators (four vectors per unrolled step, then the leftover whole vectors, then the tail),
/// the accumulators added pairwise and their lanes reduced by halves; then each exponential times
/// `1 / sum`.
public enum OneDNNSoftmax {
  /// Lanes of one AVX-512 vector.
  static let lanes = 16
  /// Vectors per unrolled step.
  static let unroll = 4

  /// Softmax of each row of `rowLength` contiguous values.
  public static func rows(_ values: [Float], rowLength: Int) -> [Float] {
    guard rowLength > 0 else { return values }
    var result = values
    for start in stride(from: 0, to: values.count, by: rowLength) {
      let row = Array(values[start..<min(start + rowLength, values.count)])
      for (offset, value) in softmax(row).enumerated() { result[start + offset] = value }
    }
    return result
  }

  /// `maxps a, b`: `b` when either is NaN.
  static func maxps(_ a: Float, _ b: Float) -> Float { a > b ? a : b }
  /// `minps a, b`: `b` when either is NaN.
  static func minps(_ a: Float, _ b: Float) -> Float { a < b ? a : b }

  static func softmax(_ row: [Float]) -> [Float] {
    let whole = row.count / lanes
    let loops = whole / unroll
    let leftover = whole - loops * unroll
    let accumulatorCount = loops > 0 ? unroll : max(leftover, 1)
    // The vectors of the row in the order the kernel takes them, each with its accumulator.
    var vectors: [(start: Int, accumulator: Int)] = []
    for vector in 0..<(loops * unroll) { vectors.append((vector * lanes, vector % unroll)) }
    for vector in 0..<leftover { vectors.append(((loops * unroll + vector) * lanes, vector)) }
    if row.count % lanes != 0 { vectors.append((whole * lanes, 0)) }

    func reduce(_ lanesValues: [Float], _ op: (Float, Float) -> Float) -> Float {
      var values = lanesValues
      var step = lanes / 2
      while step > 0 {
        values = (0..<lanes).map { op(values[$0], values[$0 ^ step]) }
        step /= 2
      }
      return values[0]
    }
    func combine(_ accumulators: [[Float]], _ op: (Float, Float) -> Float) -> [Float] {
      func pair(_ a: [Float], _ b: [Float]) -> [Float] { (0..<lanes).map { op(a[$0], b[$0]) } }
      switch accumulators.count {
      case 4: return pair(pair(accumulators[0], accumulators[1]), pair(accumulators[2], accumulators[3]))
      case 3: return pair(pair(accumulators[0], accumulators[1]), accumulators[2])
      case 2: return pair(accumulators[0], accumulators[1])
      default: return accumulators[0]
      }
    }

    var maxima = [[Float]](
      repeating: [Float](repeating: -.greatestFiniteMagnitude, count: lanes), count: accumulatorCount)
    for (start, accumulator) in vectors {
      for lane in 0..<lanes where start + lane < row.count {
        maxima[accumulator][lane] = maxps(maxima[accumulator][lane], row[start + lane])
      }
    }
    let top = reduce(combine(maxima, maxps), maxps)

    let exponentials = row.map { exp($0 - top) }
    var sums = [[Float]](repeating: [Float](repeating: 0, count: lanes), count: accumulatorCount)
    for (start, accumulator) in vectors {
      for lane in 0..<lanes where start + lane < row.count {
        sums[accumulator][lane] = sums[accumulator][lane] + exponentials[start + lane]
      }
    }
    let inverse = 1 / reduce(combine(sums, +), +)
    return exponentials.map { EigenMath.flush($0 * inverse) }
  }

  /// oneDNN's float32 `exp` (its eltwise injector): `2 * 2^(n-1) * p(r)` with
  /// `n = floor(x log2(e) + 1/2)`, `r = x - n ln 2` and a polynomial in fused multiply-adds;
  /// below `ln(FLT_MIN)` zero.
  static func exp(_ input: Float) -> Float {
    let log2e = Float(bitPattern: 0x3fb8_aa3b)
    let highest = Float(bitPattern: 0x42b1_7218)
    let lowest = Float(bitPattern: 0xc2ae_ac50)
    let ln2 = Float(bitPattern: 0x3f31_7218)
    let coefficients: [Float] = [
      Float(bitPattern: 0x3c07_cfce), Float(bitPattern: 0x3d2b_9d0d), Float(bitPattern: 0x3e2a_ad40),
      Float(bitPattern: 0x3eff_fee3), Float(bitPattern: 0x3f7f_fffb), 1,
    ]
    let zero = input < lowest
    let x = maxps(minps(input, highest), lowest)
    let n = (x * log2e + 0.5).rounded(.down)
    let r = x.addingProduct(-n, ln2)
    let exponent = Int32(n - 1) + 127
    let scale = zero ? 0 : Float(bitPattern: UInt32(bitPattern: exponent) << 23)
    var p = coefficients[0]
    for coefficient in coefficients.dropFirst() { p = coefficient.addingProduct(p, r) }
    // TensorFlow's threads flush subnormal results to zero.
    return EigenMath.flush(EigenMath.flush(p * scale) * 2)
  }
}
