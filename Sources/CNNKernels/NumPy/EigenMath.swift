import CNNKernelsX86
import Foundation

/// Elementwise float32 functions as TensorFlow's CPU kernels compute them, so that eager
/// `tf.tanh`, `tf.sigmoid`, `tf.exp`, `tf.pow` (and softmax's exponentials) print TensorFlow's
/// last digits (measured against TensorFlow 2.21 on x86-64).
///
/// TensorFlow evaluates an elementwise op with Eigen's `TensorExecutor` on an AVX build without
/// FMA: the first `count / 8 * 8` values go through the packet function (8 floats at a time),
/// the rest through the scalar one. Where Eigen's packet and scalar functions differ (`exp`,
/// `logistic`, `pow`: the scalar ones are the C library's), a value's digits depend on its
/// position. Every multiply-add is a product and a sum, each rounded (no FMA on that build).
/// TensorFlow's threads flush subnormal inputs and results to zero.
public enum EigenMath {
  /// Floats in one AVX packet.
  static let lanes = 8

  /// `tanh` (Eigen's `ptanh_float`, the same for packets and scalars).
  public static func tanh(_ x: [Float]) -> [Float] {
    x.map { flush(tanhLane(flush($0))) }
  }

  /// The logistic sigmoid (Eigen's `scalar_logistic_op<float>`).
  public static func logistic(_ x: [Float]) -> [Float] {
    map(x, packet: { $0.map(logisticLane) }, scalar: logisticScalar)
  }

  /// `exp` (Eigen's `pexp_float` for packets, the C library's `expf` for the tail).
  public static func exp(_ x: [Float]) -> [Float] {
    map(x, packet: expPacket, scalar: { Foundation.exp($0) })
  }

  /// `rsqrt` (`tf.math.rsqrt`, tf-keras' RMSprop step): Eigen's packet `prsqrt`, the processor's
  /// approximation (`vrsqrtps`) refined by one Newton step, h = (x y) y - 1, y + (-y / 2) h (each
  /// product and sum rounded; the approximation where that gives NaN: zero, infinity, negative
  /// inputs), and 1 / sqrt(x) for the tail. Checked against TensorFlow 2.21 on 80,000 values.
  public static func rsqrt(_ values: UnsafeMutableBufferPointer<Float>) {
    guard let base = values.baseAddress else { return }
    let whole = values.count / lanes * lanes
    var approximation = SIMD8<Float>()
    var start = 0
    while start < whole {
      var x = SIMDMemory.load(base + start)
      for lane in 0..<lanes { x[lane] = flush(x[lane]) }
      withUnsafePointer(to: x) { input in
        withUnsafeMutablePointer(to: &approximation) { output in
          cb_rsqrt_approximation8(
            UnsafeRawPointer(input).assumingMemoryBound(to: Float.self),
            UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self))
        }
      }
      let y = approximation
      let h = (x * y) * y + SIMD8(repeating: -1)
      let refined = (y * SIMD8(repeating: -0.5)) * h + y
      for lane in 0..<lanes {
        base[start + lane] = flush(refined[lane].isNaN ? y[lane] : refined[lane])
      }
      start += lanes
    }
    for index in whole..<values.count { base[index] = flush(1 / base[index].squareRoot()) }
  }

  /// The natural logarithm (Eigen's `plog_float` for packets, the C library's `logf` for the
  /// tail).
  public static func log(_ x: [Float]) -> [Float] {
    map(x, packet: { $0.map(logLane) }, scalar: { Foundation.log($0) })
  }

  /// `log1p` (Eigen's `generic_plog1p` over `plog_float` for packets, the C library's for the
  /// tail).
  public static func log1p(_ x: [Float]) -> [Float] {
    map(x, packet: { $0.map(log1pLane) }, scalar: { Foundation.log1p($0) })
  }

  /// `generic_plog1p`: x * log(1 + x) / ((1 + x) - 1), or x where 1 + x is 1 or infinite.
  static func log1pLane(_ x: Float) -> Float {
    let plusOne = x + 1
    let logOfSum = logLane(plusOne)
    return plusOne == 1 || plusOne == logOfSum ? x : x * (logOfSum / (plusOne - 1))
  }

  /// TensorFlow's `Softplus` kernel: x above -threshold, exp(x) below threshold, else
  /// log1p(exp(x)) (threshold = log(float epsilon) + 2), with Eigen's `exp` and `log1p`
  /// (`generic_plog1p` over `plog_float`) for packets and the C library's for the tail.
  public static func softplus(_ x: [Float]) -> [Float] {
    let threshold = Foundation.log(Float.ulpOfOne) + 2
    func select(_ value: Float, _ exponential: Float, _ logarithm: Float) -> Float {
      value > -threshold ? value : value < threshold ? exponential : logarithm
    }
    return map(
      x,
      packet: { values in
        let exponentials = expPacket(values)
        return values.indices.map { lane in
          let e = exponentials[lane]
          return select(values[lane], e, log1pLane(e))
        }
      },
      scalar: { value in
        let e = Foundation.exp(value)
        return select(value, e, Foundation.log1p(e))
      })
  }

  /// TensorFlow's `Elu` and `Selu` kernels: for x < 0, exp(x) - 1 (Eigen's `exp` by position)
  /// times `negative` (Selu: scale * alpha), else x times `positive` (Selu: scale).
  public static func exponentialLinear(_ x: [Float], positive: Float, negative: Float) -> [Float] {
    let exponentials = exp(x)
    return x.indices.map { index in
      x[index] < 0
        ? (negative == 1 ? exponentials[index] - 1 : negative * (exponentials[index] - 1))
        : (positive == 1 ? x[index] : positive * x[index])
    }
  }

  /// `pow(x, y)` of two equally long lists of operands (the broadcast already done): Eigen's
  /// `generic_pow` for packets, the C library's `powf` for the tail.
  public static func power(_ x: [Float], _ y: [Float]) -> [Float] {
    precondition(x.count == y.count)
    let count = x.count
    let vectorized = count / lanes * lanes
    var result = [Float](repeating: 0, count: count)
    for start in stride(from: 0, to: vectorized, by: lanes) {
      let packet = powPacket(
        x[start..<start + lanes].map(flush), y[start..<start + lanes].map(flush))
      for lane in 0..<lanes { result[start + lane] = flush(packet[lane]) }
    }
    for index in vectorized..<count {
      result[index] = flush(Foundation.pow(x[index], y[index]))
    }
    return result
  }

  static func map(
    _ x: [Float], packet: ([Float]) -> [Float], scalar: (Float) -> Float
  ) -> [Float] {
    let vectorized = x.count / lanes * lanes
    var result = [Float](repeating: 0, count: x.count)
    for start in stride(from: 0, to: vectorized, by: lanes) {
      let values = packet(x[start..<start + lanes].map(flush))
      for lane in 0..<lanes { result[start + lane] = flush(values[lane]) }
    }
    // The C library's functions read the bits of a subnormal input, which DAZ does not touch.
    for index in vectorized..<x.count { result[index] = flush(scalar(x[index])) }
    return result
  }

  /// Subnormal values become zero (of the same sign), as under FTZ/DAZ.
  static func flush(_ x: Float) -> Float { x.isSubnormal ? (x.sign == .minus ? -0.0 : 0) : x }

  /// Eigen's `pmin(a, b)` and `pmax(a, b)` (`minps`/`maxps` with swapped operands: a NaN in
  /// either gives `a`).
  static func pmin(_ a: Float, _ b: Float) -> Float { b < a ? b : a }
  static func pmax(_ a: Float, _ b: Float) -> Float { b > a ? b : a }

  /// `x * 2^m` for a whole `m` whose biased exponent is clamped to 0...255 (`pldexp_fast`).
  static func ldexpFast(_ a: Float, _ m: Float) -> Float {
    let biased = UInt32(bitPattern: truncated(pmin(pmax(m + 127, 0), 255)))
    return flush(a * Float(bitPattern: biased << 23))
  }

  /// `cvttps2dq`: toward zero, NaN and out-of-range values give `Int32.min`.
  static func truncated(_ x: Float) -> Int32 {
    guard x.isFinite, x > -2_147_483_904, x < 2_147_483_648 else { return .min }
    return Int32(x)
  }

  /// `x * 2^e` in four steps that neither overflow nor underflow early (`pldexp_generic`).
  static func ldexp(_ a: Float, _ exponent: Float) -> Float {
    let e = truncated(pmin(pmax(exponent, -278), 278))
    var b = e >> 2
    var c = Float(bitPattern: UInt32(bitPattern: b &+ 127) << 23)
    var out = flush(flush(flush(a * c) * c) * c)
    b = e &- 3 &* b
    c = Float(bitPattern: UInt32(bitPattern: b &+ 127) << 23)
    out = flush(out * c)
    return out
  }

  // MARK: - tanh

  static func tanhLane(_ a: Float) -> Float {
    let clamp: Float = 7.90738964080810547
    let x = pmax(pmin(a, clamp), -clamp)
    // Horner's rule without FMA, written out (no arrays: activations call this per value).
    let x2 = x * x
    let x3 = x2 * x
    var p: Float = 1.394553628e-8
    p = p * x2 + 2.102733560e-5
    p = p * x2 + 3.520756727e-3
    p = p * x2 + 1.340216100e-1
    var q: Float = 8.015776984e-7
    q = q * x2 + 3.326951409e-4
    q = q * x2 + 2.597254514e-2
    q = q * x2 + 4.673548340e-1
    q = q * x2 + 1.0
    p = x3 * p + x
    return p / q
  }

  /// `tanh` of one value as TensorFlow's `Tanh` op computes it (`tanhLane` with TensorFlow's
  /// flush of subnormal inputs and results): the same in every position of a tensor.
  public static func tanh(_ x: Float) -> Float { flush(tanhLane(flush(x))) }

  /// The logistic function of the value at `index` of a tensor of `count` values, as
  /// TensorFlow's `Sigmoid` op computes it: Eigen's packet form on whole packets of 8, the
  /// scalar form on the last `count % 8` values.
  public static func logistic(_ x: Float, index: Int, count: Int) -> Float {
    flush(index < count / lanes * lanes ? logisticLane(flush(x)) : logisticScalar(x))
  }

  // MARK: - log

  static func logLane(_ input: Float) -> Float {
    var (x, e) = frexp(input)
    // [0.5, 1) to [sqrt(1/2), sqrt(2)) minus 1.
    let below = x < 0.707106781186547524
    let kept: Float = below ? x : 0
    x = x - 1
    e = e - (below ? 1 : 0)
    x = x + kept
    let alpha: [Float] = [0.18256296349849254, 1.0000000190281063, 1.0000000190281136]
    let beta: [Float] = [0.049616247954120038, 0.59923249590823520, 1.4999999999999927, 1.0]
    var p = alpha[0]
    for coefficient in alpha.dropFirst() { p = p * x + coefficient }
    p = x * p
    var q = beta[0]
    for coefficient in beta.dropFirst() { q = q * x + coefficient }
    x = p / q
    x = e * Float(0.693147180559945309417232121458176568) + x
    if input == 0 { return -.infinity }
    if input < 0 || input.isNaN { return .nan }
    if input == .infinity { return .infinity }
    return x
  }

  // MARK: - exp

  static func expPacket(_ values: [Float]) -> [Float] {
    var ys: [Float] = []
    var ms: [Float] = []
    var unsafe = false
    for input in values {
      let x = pmin(input, 88.723)
      let m = (x * 1.44269504088896341 + 0.5).rounded(.down)
      var r = m * -0.693359375 + x
      r = m * 2.12194440e-4 + r
      let r2 = r * r
      var pEven = r2 * 1.37449637986719608306884765625e-3 + 4.166965186595916748046875e-2
      let pOdd = r2 * 8.36894474923610687255859375e-3 + 0.16666518151760101318359375
      pEven = r2 * pEven + 0.49999988079071044921875
      let pLow = r + 1
      var y = r * pOdd + pEven
      y = r2 * y + pLow
      ys.append(y)
      ms.append(m)
      if 87 < x.magnitude { unsafe = true }
    }
    return (0..<values.count).map { lane in
      // For |x| <= 87 in every lane the result is neither zero nor infinite.
      if !unsafe { return pmax(ldexpFast(ys[lane], ms[lane]), values[lane]) }
      if values[lane] < -104 { return 0 }
      return pmax(ldexp(ys[lane], ms[lane]), values[lane])
    }
  }

  // MARK: - logistic

  static func logisticLane(_ input: Float) -> Float {
    // Truncated at the first point where the interpolant is exactly one.
    var x = pmin(input, 16.6355324)
    // exp(x) as exp(x/2)^2, 2^m * exp(r) with x/2 = m ln 2 + r.
    x = x * 0.5
    let m = (x * 1.44269504088896341 + 0.5).rounded(.down)
    var r = m * -0.693359375 + x
    r = m * 2.12194440e-4 + r
    let r2 = r * r
    let pEven = r2 * 4.1898667812347412109375e-2 + 0.49999141693115234375
    let pOdd = r2 * 8.33471305668354034423828125e-3 + 0.16666877269744873046875
    let pLow = r + 1
    var p = r * pOdd + pEven
    p = r2 * p + pLow
    var e = ldexpFast(p, m)
    e = flush(e * e)
    if input < -104 { return 0 }
    return e / (1 + e)
  }

  static func logisticScalar(_ x: Float) -> Float {
    let e = flush(Foundation.exp(pmin(x, 16.6355324)))
    return e / (1 + e)
  }

  // MARK: - pow

  /// Dekker's exact product without FMA: `x * y == hi + lo`.
  static func twoProduct(_ x: Float, _ y: Float) -> (hi: Float, lo: Float) {
    func split(_ value: Float) -> (Float, Float) {
      let gamma = 4097 * value
      let rho = value - gamma
      let hi = rho + gamma
      return (hi, value - hi)
    }
    let (xHi, xLo) = split(x)
    let (yHi, yLo) = split(y)
    let hi = x * y
    var lo = xHi * yHi + -hi
    lo = xHi * yLo + lo
    lo = xLo * yHi + lo
    lo = xLo * yLo + lo
    return (hi, lo)
  }

  static func fastTwoSum(_ x: Float, _ y: Float) -> (hi: Float, lo: Float) {
    let hi = x + y
    return (hi, y - (hi - x))
  }

  /// A double word `{xHi, xLo}` times a float.
  static func twoProduct(_ xHi: Float, _ xLo: Float, _ y: Float) -> (hi: Float, lo: Float) {
    let (cHi, cLo1) = twoProduct(xHi, y)
    let cLo2 = xLo * y
    let (tHi, tLo1) = fastTwoSum(cHi, cLo2)
    return fastTwoSum(tHi, tLo1 + cLo1)
  }

  /// Two double words added, `|xHi| >= |yHi|`.
  static func fastTwoSum(_ xHi: Float, _ xLo: Float, _ yHi: Float, _ yLo: Float) -> (
    hi: Float, lo: Float
  ) {
    let (rHi, rLo) = fastTwoSum(xHi, yHi)
    return fastTwoSum(rHi, (yLo + rLo) + xLo)
  }

  /// `log2(z)` of `z` in [1/sqrt(2), sqrt(2)] as a double word (`accurate_log2<float>`).
  static func accurateLog2(_ z: Float) -> (hi: Float, lo: Float) {
    let c0: Double = 1.442695041742110273474963832995854318141937255859375e+00
    let c1: Double = -7.2134751588268664068692714863573201000690460205078125e-01
    let (c0Hi, c1Hi) = (Float(c0), Float(c1))
    let (c0Lo, c1Lo) = (Float(c0 - Double(c0Hi)), Float(c1 - Double(c1Hi)))
    let c: [Float] = [
      9.7010828554630279541015625e-02, -1.6896486282348632812500000e-01,
      1.7200836539268493652343750e-01, -1.7892272770404815673828125e-01,
      2.0505344867706298828125000e-01, -2.4046677350997924804687500e-01,
      2.8857553005218505859375000e-01, -3.6067414283752441406250000e-01,
      4.8089790344238281250000000e-01,
    ]
    let x = z - 1
    var p = c[0]
    for coefficient in c.dropFirst() { p = p * x + coefficient }
    var (pHi, pLo) = twoProduct(x, p)
    (pHi, pLo) = fastTwoSum(c1Hi, c1Lo, pHi, pLo)
    (pHi, pLo) = twoProduct(pHi, pLo, x)
    (pHi, pLo) = fastTwoSum(c0Hi, c0Lo, pHi, pLo)
    return twoProduct(pHi, pLo, x)
  }

  /// Eigen's `pfrexp_generic`: a mantissa in [0.5, 1) and the exponent.
  static func frexp(_ a: Float) -> (mantissa: Float, exponent: Float) {
    let subnormal = a.magnitude < Float.leastNormalMagnitude
    let normalized = subnormal ? a * 16_777_216 : a
    let biased = Float((normalized.magnitude.bitPattern >> 23))
    if a == 0 || biased == 255 { return (a, 0) }
    let mantissa = Float(bitPattern: (normalized.bitPattern & ~0x7f80_0000) | Float(0.5).bitPattern)
    return (mantissa, biased + (subnormal ? -150 : -126))
  }

  /// Eigen's `pround`: halves away from zero.
  static func round(_ a: Float) -> Float {
    let half = Float(bitPattern: 0x3eff_ffff)
    let biased = Float(bitPattern: (a.bitPattern & 0x8000_0000) | half.bitPattern) + a
    return biased.rounded(.towardZero)
  }

  /// `2^x` (`generic_exp2`): `exp(x ln 2)` with the product's low word as a correction.
  static func exp2Packet(_ values: [Float]) -> [Float] {
    let ln2 = Float(0.693147180559945309417232121458176568)
    var hi: [Float] = []
    var lo: [Float] = []
    for value in values {
      let x = pmax(pmin(value, 129), -(128 + 24 - 1))
      let product = twoProduct(ln2, x)
      hi.append(product.hi)
      lo.append(product.lo)
    }
    let exponentials = expPacket(hi)
    return (0..<values.count).map { exponentials[$0] * (1 + lo[$0]) }
  }

  /// `|x|^y` for positive `x` (`generic_pow_impl`).
  static func powMagnitudePacket(_ x: [Float], _ y: [Float]) -> [Float] {
    var fractions: [Float] = []
    var wholes: [Float] = []
    for lane in 0..<x.count {
      var (m, e) = frexp(x[lane])
      if m < Float(0.70710678118654752440) {
        m = 2 * m
        e = e - 1
      }
      let (rHi, rLo) = accurateLog2(m)
      let (f1Hi, f1Lo) = twoProduct(e, y[lane])
      let (f2Hi, f2Lo) = twoProduct(rHi, rLo, y[lane])
      let (fHi, fLo) = fastTwoSum(f1Hi, f1Lo, f2Hi, f2Lo)
      var n = round(fHi)
      var r = fHi - n
      r = r + fLo
      let nR = round(r)
      r = r - nR
      n = n + nR
      fractions.append(r)
      wholes.append(n)
    }
    let exponentials = exp2Packet(fractions)
    // `max_exponent - 2`: beyond it the fast scaling could overflow.
    let unsafe = wholes.contains { 126 < $0.magnitude }
    return (0..<x.count).map {
      unsafe ? ldexp(exponentials[$0], wholes[$0]) : ldexpFast(exponentials[$0], wholes[$0])
    }
  }

  /// `pow` with C's special cases (`generic_pow`).
  static func powPacket(_ x: [Float], _ y: [Float]) -> [Float] {
    let magnitudes = powMagnitudePacket(x.map(\.magnitude), y)
    return (0..<x.count).map { lane in
      let (x, y) = (x[lane], y[lane])
      var pow = magnitudes[lane]
      let xAbs = x.magnitude
      let yAbs = y.magnitude
      let yIsInt = y.rounded(.down) == y && yAbs != .infinity
      let yHalf = y * 0.5
      let yIsEven = round(yHalf) == yHalf
      let yIsOddInt = yIsInt && !yIsEven
      // The smallest exponent for which (1 + epsilon) overflows to infinity.
      let huge = (Float(128) * Float(0.693147180559945309417232121458176568)) / Float.ulpOfOne
      if x < 0 && !yIsInt { pow = .nan }
      if x == 0 { pow = y < 0 ? .infinity : 0 }
      if x.sign == .minus && yIsOddInt { pow = -pow }
      if huge <= yAbs {
        var value: Float = ((y < 0 && x == 0) || ((y < 0) != (1 < xAbs))) ? .infinity : 0
        if x == -1 { value = 1 }
        pow = value
      }
      if xAbs == .infinity {
        let positive: Float = y < 0 ? 0 : .infinity
        pow = x < 0 ? (yIsOddInt ? -positive : positive) : positive
      }
      if x.isNaN || y.isNaN { pow = .nan }
      if y == 1 { pow = x } else if x == 1 || y == 0 { pow = 1 }
      return pow
    }
  }
}
