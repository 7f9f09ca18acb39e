import Foundation

/// TensorFlow's stateless random numbers on the CPU (`tf.random.stateless_uniform`,
/// `stateless_normal`, `stateless_truncated_normal` with a seed pair `[seed, 0]`), which Keras'
/// initializers draw when their seed is known: `keras.utils.set_random_seed(n)` makes every
/// unseeded initializer take its seed from Python's `random` (`randint(1, 10**9)`), and an
/// initializer given `seed=` uses it. The same seed gives the same values as TensorFlow's run,
/// so a seeded script starts from TensorFlow's weights.
///
/// Philox-4x32-10 (Salmon et al., 2011) as `tensorflow/core/lib/random/philox_random.h` runs it:
/// the seed pair is scrambled into a key and counter by one Philox round trip (`GenerateKey` of
/// `stateless_random_ops.cc`); output group g is the block at counter + g, four 32-bit words.
/// Floats take a word's low 23 bits as the mantissa of [1, 2) minus 1 (`Uint32ToFloat`).
/// Normals are Box-Muller pairs (`BoxMullerFloat`, in single precision: the C library's `logf`,
/// `sinf` and `cosf`, as TensorFlow's `logf` and `sincosf`); truncated normals skip values of magnitude 2 or more, each group of four
/// from its own block of 256 counters (`FillPhiloxRandomTask` with variable samples per output).
public struct TensorFlowRandom: Sendable {
  private var key: (UInt32, UInt32)
  private var counter: (UInt32, UInt32, UInt32, UInt32)

  /// The generator of the seed pair `[seed0, seed1]`.
  public init(seed0: UInt64, seed1: UInt64 = 0) {
    let mix = Self.philox(
      counter: (
        UInt32(truncatingIfNeeded: seed0), UInt32(truncatingIfNeeded: seed0 >> 32),
        UInt32(truncatingIfNeeded: seed1), UInt32(truncatingIfNeeded: seed1 >> 32)
      ), key: (0x3ec8_f720, 0x0246_1e29))
    key = (mix.0, mix.1)
    counter = (0, 0, mix.2, mix.3)
  }

  /// TensorFlow's stateful generator `PhiloxRandom(seedLow, seedHigh)` (`tf.random.normal` and
  /// `uniform` run eagerly with the seed pair `(seedLow, seedHigh)`): the key is the first seed,
  /// the counter's high half the second, its low half the blocks already used.
  public init(philoxKey seedLow: UInt64, counter seedHigh: UInt64, skipping blocks: UInt64) {
    key = (UInt32(truncatingIfNeeded: seedLow), UInt32(truncatingIfNeeded: seedLow >> 32))
    counter = (
      UInt32(truncatingIfNeeded: blocks), UInt32(truncatingIfNeeded: blocks >> 32),
      UInt32(truncatingIfNeeded: seedHigh), UInt32(truncatingIfNeeded: seedHigh >> 32)
    )
  }

  private static func philox(
    counter start: (UInt32, UInt32, UInt32, UInt32), key start2: (UInt32, UInt32)
  ) -> (UInt32, UInt32, UInt32, UInt32) {
    var counter = start
    var key = start2
    for round in 0..<10 {
      let product0 = UInt64(0xD251_1F53) &* UInt64(counter.0)
      let product1 = UInt64(0xCD9E_8D57) &* UInt64(counter.2)
      counter = (
        UInt32(truncatingIfNeeded: product1 >> 32) ^ counter.1 ^ key.0,
        UInt32(truncatingIfNeeded: product1),
        UInt32(truncatingIfNeeded: product0 >> 32) ^ counter.3 ^ key.1,
        UInt32(truncatingIfNeeded: product0)
      )
      if round < 9 { key = (key.0 &+ 0x9E37_79B9, key.1 &+ 0xBB67_AE85) }
    }
    return counter
  }

  /// The four words of block `group` (the counter advanced by `group`, a 128-bit addition).
  private func block(_ group: UInt64) -> [UInt32] {
    var value = counter
    let low = UInt64(value.0) | UInt64(value.1) << 32
    let (sum, carry) = low.addingReportingOverflow(group)
    value.0 = UInt32(truncatingIfNeeded: sum)
    value.1 = UInt32(truncatingIfNeeded: sum >> 32)
    if carry {
      let high = (UInt64(value.2) | UInt64(value.3) << 32) &+ 1
      value.2 = UInt32(truncatingIfNeeded: high)
      value.3 = UInt32(truncatingIfNeeded: high >> 32)
    }
    let result = Self.philox(counter: value, key: key)
    return [result.0, result.1, result.2, result.3]
  }

  /// The generator of a stateful random op from `tf.random.set_seed`'s global seed with op seed
  /// 0, as `tf.random.shuffle` inside the `tf.data` map function of Keras' `fit` draws it (the
  /// first random op of its graph): the seed pair (global % (2^31 - 1), 0), or (0, 2^31 - 1) for
  /// a global seed of 0 (`random_seed.get_seed`); `GuardedPhiloxRandom` keys Philox with the
  /// first seed and starts its counter at (0, second seed).
  public init(globalSeed: UInt64) {
    let maximum: UInt64 = (1 << 31) - 1
    var pair = (globalSeed % maximum, UInt64(0))
    if pair == (0, 0) { pair = (0, maximum) }
    key = (UInt32(truncatingIfNeeded: pair.0), UInt32(truncatingIfNeeded: pair.0 >> 32))
    counter = (0, 0, UInt32(truncatingIfNeeded: pair.1), UInt32(truncatingIfNeeded: pair.1 >> 32))
  }

  /// `tf.random.shuffle(tf.range(count))` from block `start` of a stateful generator
  /// (`RandomShuffleOp`: position i swaps with i + word % (count - i), the words taken in order),
  /// and the block its next call starts from (each call reserves (count + 3) / 4 blocks).
  public func shuffled(count: Int, from start: UInt64 = 0) -> (order: [Int], next: UInt64) {
    var order = Array(0..<count)
    var words: [UInt32] = []
    var group = start
    for i in 0..<max(0, count - 1) {
      if words.isEmpty {
        words = block(group).reversed()
        group += 1
      }
      let word = words.removeLast()
      order.swapAt(i, i + Int(word % UInt32(truncatingIfNeeded: count - i)))
    }
    return (order, start + UInt64((count + 3) / 4))
  }

  /// `Uint32ToFloat`: uniform in [0, 1).
  private static func unit(_ word: UInt32) -> Float {
    Float(bitPattern: (word & 0x7F_FFFF) | 0x3F80_0000) - 1
  }

  /// `BoxMullerFloat`.
  private static func boxMuller(_ x0: UInt32, _ x1: UInt32) -> (Float, Float) {
    var u1 = unit(x0)
    if u1 < 1.0e-7 { u1 = 1.0e-7 }
    let v1 = Float(2.0 * Double.pi * Double(unit(x1)))
    // The C library's own logf and sincosf, as TensorFlow calls them: glibc's sinf and cosf are
    // not always the correctly rounded values (a draw of 0.0043505593 came out one ulp off).
    let u2 = (-2.0 * logf(u1)).squareRoot()
    return (sinf(v1) * u2, cosf(v1) * u2)
  }

  /// `count` uniform floats in [0, 1).
  public func uniform(count: Int) -> [Float] {
    var values: [Float] = []
    values.reserveCapacity(count)
    var group: UInt64 = 0
    while values.count < count {
      for word in block(group) where values.count < count { values.append(Self.unit(word)) }
      group += 1
    }
    return values
  }

  /// `count` integers in [low, high) as `RandomUniformInt` draws them (`UniformDistribution` of
  /// an integer type): low + bits % (high - low), the bits one word per value for 32-bit integers
  /// (four a block), two words (low half first) for 64-bit ones (two a block).
  public func uniformIntegers(count: Int, low: Int64, high: Int64, wide: Bool) -> [Int64] {
    var values: [Int64] = []
    values.reserveCapacity(count)
    var group: UInt64 = 0
    while values.count < count {
      let words = block(group)
      if wide {
        let span = UInt64(bitPattern: high &- low)
        for pair in 0..<2 where values.count < count {
          let bits = UInt64(words[2 * pair]) | UInt64(words[2 * pair + 1]) << 32
          values.append(low &+ Int64(bitPattern: bits % span))
        }
      } else {
        let span = UInt32(truncatingIfNeeded: high &- low)
        let start = Int32(truncatingIfNeeded: low)
        for word in words where values.count < count {
          values.append(Int64(start &+ Int32(bitPattern: word % span)))
        }
      }
      group += 1
    }
    return values
  }

  /// `count` standard normal floats.
  public func normal(count: Int) -> [Float] {
    var values: [Float] = []
    values.reserveCapacity(count)
    var group: UInt64 = 0
    while values.count < count {
      let words = block(group)
      let first = Self.boxMuller(words[0], words[1])
      let second = Self.boxMuller(words[2], words[3])
      for value in [first.0, first.1, second.0, second.1] where values.count < count {
        values.append(value)
      }
      group += 1
    }
    return values
  }

  /// `count` standard normal floats of magnitude below 2.
  public func truncatedNormal(count: Int) -> [Float] {
    var values: [Float] = []
    values.reserveCapacity(count)
    var group: UInt64 = 0
    while values.count < count {
      // Each group of four starts at its own 256 blocks (1024 words).
      var next = group * 256
      var words: [UInt32] = []
      var kept = 0
      while kept < 4 && values.count < count {
        if words.count < 2 {
          words += block(next)
          next += 1
        }
        let pair = Self.boxMuller(words[0], words[1])
        words.removeFirst(2)
        for value in [pair.0, pair.1] where abs(value) < 2 && kept < 4 && values.count < count {
          values.append(value)
          kept += 1
        }
      }
      group += 1
    }
    return values
  }
}
