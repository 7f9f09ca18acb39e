/// The random numbers behind seeded weights and inputs: SplitMix64 (Steele, Lea and Flood, 2014),
/// a 64-bit state advanced by a Weyl increment and scrambled by two multiply-xorshift rounds.
///
/// Why our own: lessons must render byte-identically on every machine and Swift release, and the
/// standard library's generators promise neither a fixed algorithm nor platform independence.
/// Everything here uses only integer arithmetic and correctly rounded IEEE operations (+, -, *, /,
/// sqrt); the one transcendental function normal deviates need, the logarithm, is computed by
/// `portableLog` from those operations instead of the platform's libm, whose last bits differ
/// between glibc and Darwin.
///
/// Values do not match TensorFlow's (it uses Philox counters with its own seeding); the
/// distributions and their parameters do.
///
/// It lives with the kernels, which every build compiles with optimisation (`Package.swift`): a
/// debug build drew a U-Net's 7.8 million weights one `normal()` call at a time in about 2 s of
/// processor time (real-BM bm89), most of it loop and call overhead of unoptimised code.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// An independent stream per name (a weight's `conv2d/kernel:0`, the input): the seed mixed with
  /// the FNV-1a hash of the name, so adding a layer does not change the other layers' weights.
  public init(seed: UInt64, stream name: String) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    var mixer = SeededGenerator(seed: seed ^ hash)
    state = mixer.next()
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1): the top 53 bits as a binary fraction (exact, no rounding).
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// Uniform in [lower, upper).
  public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
    lower + (upper - lower) * unit()
  }

  /// A standard normal deviate by Marsaglia's polar method (one of each pair is used, so the
  /// sequence does not depend on how many values a caller draws at a time).
  public mutating func normal() -> Double {
    while true {
      let u = 2 * unit() - 1
      let v = 2 * unit() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        return u * (-2 * Self.portableLog(s) / s).squareRoot()
      }
    }
  }

  /// A normal deviate redrawn until it lies within two standard deviations, as Keras'
  /// `truncated_normal` does.
  public mutating func truncatedNormal() -> Double {
    while true {
      let value = normal()
      if abs(value) <= 2 { return value }
    }
  }

  /// Natural logarithm of a positive finite x from exactly rounded operations only:
  /// x = m * 2^e with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(t) with t = (m - 1)/(m + 1),
  /// |t| < 0.172, summed as an odd power series to below one ulp. Identical on every platform.
  public static func portableLog(_ x: Double) -> Double {
    var exponent = Double(x.exponent)
    var mantissa = x.significand  // [1, 2), exact
    if mantissa > 1.4142135623730951 {
      mantissa /= 2
      exponent += 1
    }
    let t = (mantissa - 1) / (mantissa + 1)
    let t2 = t * t
    var term = t
    var sum = 0.0
    var k = 1.0
    // |t|^2 < 0.03: 12 terms reach 1e-19 relative.
    for _ in 0..<12 {
      sum += term / k
      term *= t2
      k += 2
    }
    return 2 * sum + exponent * 0.6931471805599453
  }

  /// A distribution weights are drawn from, value by value in row-major order.
  public enum Draw: Sendable {
    /// `Float(mean + stddev * normal())`.
    case normal(mean: Double, stddev: Double)
    /// `Float(stddev * normal())`.
    case scaledNormal(stddev: Double)
    /// `Float(mean + stddev * truncatedNormal())`.
    case truncatedNormal(mean: Double, stddev: Double)
    /// `Float(stddev * truncatedNormal())`.
    case scaledTruncatedNormal(stddev: Double)
    /// `Float(uniform(lower, upper))`.
    case uniform(lower: Double, upper: Double)
  }

  /// Fills `values` with draws of `distribution`, in order: the same numbers as a loop calling
  /// `normal()` (or the others) once per value.
  public mutating func fill(_ values: inout [Float], with distribution: Draw) {
    values.withUnsafeMutableBufferPointer { buffer in
      switch distribution {
      case .normal(let mean, let stddev):
        for index in buffer.indices { buffer[index] = Float(mean + stddev * normal()) }
      case .scaledNormal(let stddev):
        for index in buffer.indices { buffer[index] = Float(stddev * normal()) }
      case .truncatedNormal(let mean, let stddev):
        for index in buffer.indices { buffer[index] = Float(mean + stddev * truncatedNormal()) }
      case .scaledTruncatedNormal(let stddev):
        for index in buffer.indices { buffer[index] = Float(stddev * truncatedNormal()) }
      case .uniform(let lower, let upper):
        for index in buffer.indices { buffer[index] = Float(uniform(lower, upper)) }
      }
    }
  }
}
