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

  /// oneDNN's logistic post-op (jit eltwise injector), one value: oneDNN's `exp` of -|x|
  /// (`OneDNNSoftmax.exp`, with TensorFlow's flush of subnormals), then e / (e + 1), mirrored for
  /// positive x.
  public static func oneDNN(_ x: Float) -> Float {
    if x.isNaN { return x }
    let e = OneDNNSoftmax.exp(-abs(x))
    let y = e / (e + 1)
    return x.sign == .minus ? y : 1 - y
  }
}
