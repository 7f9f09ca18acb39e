/// The Mersenne Twister MT19937 (Matsumoto and Nishimura's reference algorithm), the generator
/// behind both NumPy's legacy `RandomState` and CPython's `random` module. The two seed it
/// differently (`init(seed:)` is the reference `init_genrand`, which NumPy uses for an integer
/// seed; `init(key:)` is `init_by_array`, which CPython uses for the 32-bit words of an integer),
/// and both draw doubles from two words as `genrand_res53` does.
struct MersenneTwister: Sendable {
  private static let size = 624
  private var state = [UInt32](repeating: 0, count: 624)
  private var position = 624

  /// `init_genrand(seed)`.
  init(seed: UInt32) {
    state[0] = seed
    for index in 1..<Self.size {
      let previous = state[index - 1]
      state[index] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(index)
    }
  }

  /// `init_by_array(key)`; an empty key is taken as `[0]`, as CPython passes it.
  init(key given: [UInt32]) {
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
  mutating func nextWord() -> UInt32 {
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
  mutating func nextDouble() -> Double {
    let a = Double(nextWord() >> 5)
    let b = Double(nextWord() >> 6)
    return (a * 67_108_864 + b) / 9_007_199_254_740_992
  }
}
