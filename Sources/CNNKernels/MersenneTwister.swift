import Foundation

/// The Mersenne Twister MT19937 (Matsumoto and Nishimura's reference algorithm), the generator
/// behind both NumPy's legacy `RandomState` and CPython's `random` module. The two seed it
/// differently (`init(seed:)` is the reference `init_genrand`, which NumPy uses for an integer
/// seed; `init(key:)` is `init_by_array`, which CPython uses for the 32-bit words of an integer),
/// and both draw doubles from two words as `genrand_res53` does.
///
/// It lives with the kernels, which every build compiles with optimisation (`Package.swift`), and
/// draws whole arrays in one call (`boundedIntegers`, `uniforms`, `gaussians`): a debug build drew
/// `np.random.randint(0, 2, size=(1280, 10000))` one value at a time in about 6 s of processor
/// time (real-BQ bq11, three such arrays), one call the cell's time budget cannot stop.
public struct MersenneTwister: Sendable {
  private static let size = 624
  private var state = [UInt32](repeating: 0, count: 624)
  private var position = 624

  /// `init_genrand(seed)`.
  public init(seed: UInt32) {
    state[0] = seed
    for index in 1..<Self.size {
      let previous = state[index - 1]
      state[index] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(index)
    }
  }

  /// `init_by_array(key)`; an empty key is taken as `[0]`, as CPython passes it.
  public init(key given: [UInt32]) {
    let key = given.isEmpty ? [0] : given
    self.init(seed: 19_650_218)
    var i = 1
    var j = 0
    for _ in 0..<max(Self.size, key.count) {
      let previous = state[i - 1]
      state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
      i += 1
      j += 1
      if i >= Self.size {
        state[0] = state[Self.size - 1]
        i = 1
      }
      if j >= key.count { j = 0 }
    }
    for _ in 0..<(Self.size - 1) {
      let previous = state[i - 1]
      state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= Self.size {
        state[0] = state[Self.size - 1]
        i = 1
      }
    }
    state[0] = 0x8000_0000
  }

  /// `genrand_uint32()`: the next 32-bit word.
  public mutating func nextWord() -> UInt32 {
    if position >= Self.size {
      for index in 0..<Self.size {
        let y = (state[index] & 0x8000_0000) | (state[(index + 1) % Self.size] & 0x7FFF_FFFF)
        state[index] =
          state[(index + 397) % Self.size] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
      }
      position = 0
    }
    var y = state[position]
    position += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// `genrand_res53()`: a double in [0, 1) with 53 random bits from two words.
  public mutating func nextDouble() -> Double {
    let a = Double(nextWord() >> 5)
    let b = Double(nextWord() >> 6)
    return (a * 67_108_864 + b) / 9_007_199_254_740_992
  }

  /// A value in 0...range as NumPy's legacy `RandomState` draws bounded integers
  /// (`random_bounded_uint64` with masking): masked 32-bit words while the range fits 32 bits,
  /// else masked 64-bit words made high word first, rejected until one falls in the range.
  public mutating func bounded(_ range: UInt64) -> UInt64 {
    if range == 0 { return 0 }
    return bounded(range, mask: Self.mask(range))
  }

  /// `count` values `low + bounded(span)`, as doubles (how the cell language keeps NumPy's
  /// integer arrays), drawn in order.
  public mutating func boundedIntegers(count: Int, low: Int, span: UInt64) -> [Double] {
    let mask = Self.mask(span)
    return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      for index in 0..<count {
        let value = span == 0 ? 0 : bounded(span, mask: mask)
        buffer[index] = Double(low &+ Int(truncatingIfNeeded: value))
      }
      initialized = count
    }
  }

  /// `count` values `low + width * nextDouble()` (`np.random.uniform`'s
  /// `low + (high - low) * random_sample()`), drawn in order.
  public mutating func uniforms(count: Int, low: Double, width: Double) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      for index in 0..<count { buffer[index] = low + width * nextDouble() }
      initialized = count
    }
  }

  /// `count` values `loc + scale * z` for NumPy's legacy standard normal deviates `z`
  /// (`legacy_gauss`: the polar method, whose second deviate `cached` keeps for the next draw).
  public mutating func gaussians(count: Int, loc: Double, scale: Double, cached: inout Double?)
    -> [Double]
  {
    var kept = cached
    defer { cached = kept }
    return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      for index in 0..<count { buffer[index] = loc + scale * gauss(cached: &kept) }
      initialized = count
    }
  }

  /// One standard normal deviate of NumPy's legacy `legacy_gauss`.
  public mutating func gauss(cached: inout Double?) -> Double {
    if let value = cached {
      cached = nil
      return value
    }
    var x1 = 0.0
    var x2 = 0.0
    var r2 = 0.0
    repeat {
      x1 = 2 * nextDouble() - 1
      x2 = 2 * nextDouble() - 1
      r2 = x1 * x1 + x2 * x2
    } while r2 >= 1 || r2 == 0
    let f = (-2 * Foundation.log(r2) / r2).squareRoot()
    cached = f * x1
    return f * x2
  }

  /// The smallest all-ones mask covering `range`.
  private static func mask(_ range: UInt64) -> UInt64 {
    var mask = range
    mask |= mask >> 1
    mask |= mask >> 2
    mask |= mask >> 4
    mask |= mask >> 8
    mask |= mask >> 16
    mask |= mask >> 32
    return mask
  }

  private mutating func bounded(_ range: UInt64, mask: UInt64) -> UInt64 {
    if range <= 0xFFFF_FFFF {
      if range == 0xFFFF_FFFF { return UInt64(nextWord()) }
      while true {
        let value = UInt64(nextWord()) & mask
        if value <= range { return value }
      }
    }
    while true {
      let high = UInt64(nextWord())
      let value = (high << 32 | UInt64(nextWord())) & mask
      if value <= range { return value }
    }
  }
}
