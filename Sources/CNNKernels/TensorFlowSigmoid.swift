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
  /// `values` in place, as one `Sigmoid` op over the whole tensor (`EigenMath.logistic`, whose
  /// lane and scalar forms it shares, without an array per packet).
  public static func eigen(_ values: UnsafeMutableBufferPointer<Float>) {
    let whole = values.count / EigenMath.lanes * EigenMath.lanes
    for index in 0..<values.count {
      let x = values[index]
      values[index] = EigenMath.flush(
        index < whole
          ? EigenMath.logisticLane(EigenMath.flush(x)) : EigenMath.logisticScalar(x))
    }
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
