import Foundation

/// The logistic function exactly as TensorFlow computes it on a CPU, in its two forms:
///
/// - `eigen`: the `Sigmoid` op (eager `tf.sigmoid`, an activation TensorFlow does not fuse): Eigen's
///   `scalar_logistic_op<float>`. Its vectorized form (packets of 8 floats in TensorFlow's AVX
///   build, without FMA) runs on every whole packet of the tensor, a Cephes-style exp(x / 2)
///   squared, then e / (1 + e); the last `count % 8` values take the scalar form,
///   e = exp(min(x, 16.6355324)), e / (1 + e).
/// - `oneDNN`: a `Dense` layer's MatMul + bias + sigmoid inside a `tf.function` (`fit`, `predict`,
///   `evaluate`): TensorFlow's graph optimizer fuses the three into one oneDNN matmul whose
///   logistic post-op computes exp(-|x|) with oneDNN's degree-5 polynomial (with FMA), then
///   e / (e + 1), mirrored for positive x.
///
/// Both were checked value by value against TensorFlow 2.21 (tens of thousands of inputs).
public enum TensorFlowSigmoid {
  /// Floats per Eigen packet in TensorFlow's x86 build (AVX).
  static let packet = 8

  /// `values` in place, as one `Sigmoid` op over the whole tensor.
  public static func eigen(_ values: UnsafeMutableBufferPointer<Float>) {
    let whole = values.count / packet * packet
    for index in 0..<values.count {
      values[index] = index < whole ? eigenPacket(values[index]) : eigenScalar(values[index])
    }
  }

  /// The values `eigen` gives a tensor of `values`.
  public static func eigen(_ values: [Float]) -> [Float] {
    var result = values
    result.withUnsafeMutableBufferPointer { eigen($0) }
    return result
  }

  /// Eigen's scalar form (values after the last whole packet).
  static func eigenScalar(_ x: Float) -> Float {
    let e = Foundation.exp(Swift.min(x, 16.6355324))
    return e / (1 + e)
  }

  /// Eigen's packet form, one lane; `pmadd` is a multiply then an add (no FMA in the build).
  static func eigenPacket(_ input: Float) -> Float {
    if input.isNaN { return input }
    if input < -104 { return 0 }
    let x = Swift.min(input, 16.6355324) * 0.5
    let m = (x * 1.44269504088896341 + 0.5).rounded(.down)
    var r = m * -0.693359375 + x
    r = m * 2.12194440e-4 + r
    let r2 = r * r
    let even = r2 * 4.1898667812347412109375e-2 + 0.49999141693115234375
    let odd = r2 * 8.33471305668354034423828125e-3 + 0.16666877269744873046875
    let low = r + 1
    var p = r * odd + even
    p = r2 * p + low
    // pldexp_fast: 2^m through the biased exponent clamped to [0, 255].
    let biased = Swift.min(Swift.max(m + 127, 0), 255)
    var e = p * Float(bitPattern: UInt32(biased) << 23)
    e = e * e
    return e / (1 + e)
  }

  /// oneDNN's logistic post-op (jit eltwise injector), one value.
  public static func oneDNN(_ x: Float) -> Float {
    if x.isNaN { return x }
    let ln2 = Float(bitPattern: 0x3f31_7218)
    let log2e = Float(bitPattern: 0x3fb8_aa3b)
    let lnMax = Float(bitPattern: 0x42b1_7218)
    let lnMin = Float(bitPattern: 0xc2ae_ac50)
    let coefficients: [Float] = [
      Float(bitPattern: 0x3f7f_fffb), Float(bitPattern: 0x3eff_fee3),
      Float(bitPattern: 0x3e2a_ad40), Float(bitPattern: 0x3d2b_9d0d),
      Float(bitPattern: 0x3c07_cfce),
    ]
    // exp(t) for t = -|x| <= 0.
    var t = -abs(x)
    let underflows = t < lnMin
    t = Swift.max(Swift.min(t, lnMax), lnMin)
    let n = (t * log2e + 0.5).rounded(.down)
    let r = t.addingProduct(-n, ln2)  // one rounding (vfnmadd231ps)
    // 2^(n - 1) through the biased exponent (n >= -126 once t is clamped), zero below ln(FLT_MIN).
    let biased = Int(n - 1) + 127
    let power = underflows || biased <= 0 ? 0 : Float(bitPattern: UInt32(biased) << 23)
    var p = coefficients[4]
    for coefficient in [coefficients[3], coefficients[2], coefficients[1], coefficients[0], 1] {
      p = coefficient.addingProduct(p, r)
    }
    let e = p * power * 2
    let y = e / (e + 1)
    return x.sign == .minus ? y : 1 - y
  }
}

/// TensorFlow's `Exp` op on a CPU (Eigen's `scalar_exp_op<float>`): its vectorized form on every
/// whole packet of 8 floats (a Cephes-style degree-6 polynomial, no FMA), `exp` on the last
/// `count % 8` values.
public enum TensorFlowExp {
  /// The values the `Exp` op gives a tensor of `values`.
  public static func eigen(_ values: [Float]) -> [Float] {
    let whole = values.count / TensorFlowSigmoid.packet * TensorFlowSigmoid.packet
    return values.indices.map { index in
      index < whole ? eigenPacket(values[index]) : Foundation.exp(values[index])
    }
  }

  /// Eigen's `pexp_float`, one lane.
  static func eigenPacket(_ input: Float) -> Float {
    if input.isNaN { return input }
    if input < -104 { return 0 }
    let x = Swift.min(input, 88.723)
    let m = (x * 1.44269504088896341 + 0.5).rounded(.down)
    var r = m * -0.693359375 + x
    r = m * 2.12194440e-4 + r
    let r2 = r * r
    var even = r2 * 1.37449637986719608306884765625e-3 + 4.166965186595916748046875e-2
    let odd = r2 * 8.36894474923610687255859375e-3 + 0.16666518151760101318359375
    even = r2 * even + 0.49999988079071044921875
    let low = r + 1
    var y = r * odd + even
    y = r2 * y + low
    if abs(x) <= 87 {
      let biased = Swift.min(Swift.max(m + 127, 0), 255)
      return Swift.max(y * Float(bitPattern: UInt32(biased) << 23), input)
    }
    return Swift.max(Foundation.scalbn(y, Int(m)), input)
  }
}
