import Foundation

/// NumPy's `SeedSequence`: the seed's 32-bit words hashed into a pool of four words, from which a
/// bit generator's initial state is drawn (`generate_state`). Everything is 32-bit arithmetic
/// that wraps, as NumPy's `uint32` arrays compute it.
struct NumPySeedSequence: Sendable {
  private(set) var pool: [UInt32] = [0, 0, 0, 0]

  private static let initA: UInt32 = 0x43B0_D7E5
  private static let multiplierA: UInt32 = 0x931E_8875
  private static let initB: UInt32 = 0x8B51_F9DD
  private static let multiplierB: UInt32 = 0x58F3_8DED
  private static let mixLeft: UInt32 = 0xCA01_F9DD
  private static let mixRight: UInt32 = 0x4973_F715

  /// The pool of `entropy` (the seed as little-endian 32-bit words).
  init(entropy: [UInt32]) {
    var constant = Self.initA
    func hash(_ word: UInt32) -> UInt32 {
      var value = word ^ constant
      constant = constant &* Self.multiplierA
      value = value &* constant
      return value ^ (value >> 16)
    }
    func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
      let value = Self.mixLeft &* x &- Self.mixRight &* y
      return value ^ (value >> 16)
    }
    for index in pool.indices {
      pool[index] = hash(index < entropy.count ? entropy[index] : 0)
    }
    for source in pool.indices {
      for target in pool.indices where source != target {
        pool[target] = mix(pool[target], hash(pool[source]))
      }
    }
    for source in pool.count..<max(pool.count, entropy.count) {
      for target in pool.indices {
        pool[target] = mix(pool[target], hash(entropy[source]))
      }
    }
  }

  /// `generate_state(count, np.uint64)`: 64-bit words, each made of two 32-bit draws, low first.
  func state64(count: Int) -> [UInt64] {
    var constant = Self.initB
    var words: [UInt32] = []
    for index in 0..<(2 * count) {
      var value = pool[index % pool.count] ^ constant
      constant = constant &* Self.multiplierB
      value = value &* constant
      words.append(value ^ (value >> 16))
    }
    return (0..<count).map { UInt64(words[2 * $0 + 1]) << 32 | UInt64(words[2 * $0]) }
  }
}

/// NumPy's default bit generator PCG64: a 128-bit linear congruential state, output by XSL-RR
/// (the two halves xored, rotated by the top six bits), seeded from a `NumPySeedSequence` as
/// `PCG64(seed_seq)` seeds it. 32-bit draws use both halves of one 64-bit output, low half
/// first, as NumPy's `next_uint32` does.
struct PCG64: Sendable {
  private var stateHigh: UInt64
  private var stateLow: UInt64
  private let incrementHigh: UInt64
  private let incrementLow: UInt64
  private var pendingWord: UInt32?

  private static let multiplierHigh: UInt64 = 0x2360_ED05_1FC6_5DA4
  private static let multiplierLow: UInt64 = 0x4385_DF64_9FCC_F645

  init(seed: NumPySeedSequence) {
    let words = seed.state64(count: 4)
    // `pcg_setseq_128_srandom_r`: the increment is the odd number made of the second pair; the
    // state starts at zero, steps, adds the first pair and steps again.
    incrementHigh = words[2] << 1 | words[3] >> 63
    incrementLow = words[3] << 1 | 1
    stateHigh = 0
    stateLow = 0
    step()
    let (low, carry) = stateLow.addingReportingOverflow(words[1])
    stateLow = low
    stateHigh = stateHigh &+ words[0] &+ (carry ? 1 : 0)
    step()
  }

  /// state = state * multiplier + increment, modulo 2^128.
  private mutating func step() {
    let (productHigh, productLow) = stateLow.multipliedFullWidth(by: Self.multiplierLow)
    var high = productHigh &+ stateHigh &* Self.multiplierLow &+ stateLow &* Self.multiplierHigh
    let (low, carry) = productLow.addingReportingOverflow(incrementLow)
    high = high &+ incrementHigh &+ (carry ? 1 : 0)
    stateHigh = high
    stateLow = low
  }

  /// `next_uint64`.
  mutating func next64() -> UInt64 {
    step()
    let folded = stateHigh ^ stateLow
    let rotation = stateHigh >> 58
    return folded >> rotation | folded << ((64 - rotation) & 63)
  }

  /// `next_uint32`: the low half of a 64-bit draw, then its high half.
  mutating func next32() -> UInt32 {
    if let word = pendingWord {
      pendingWord = nil
      return word
    }
    let draw = next64()
    pendingWord = UInt32(truncatingIfNeeded: draw >> 32)
    return UInt32(truncatingIfNeeded: draw)
  }

  /// `next_double`: 53 bits in [0, 1).
  mutating func nextDouble() -> Double { Double(next64() >> 11) * 0x1p-53 }

  /// `next_float`: 24 bits in [0, 1).
  mutating func nextFloat() -> Float { Float(next32() >> 8) * 0x1p-24 }

  /// `random_interval(max)`: masked rejection, on 32-bit draws while `max` fits them.
  mutating func interval(_ max: UInt64) -> UInt64 {
    if max == 0 { return 0 }
    var mask = max
    for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
    if max <= 0xFFFF_FFFF {
      while true {
        let value = UInt64(next32()) & mask
        if value <= max { return value }
      }
    }
    while true {
      let value = next64() & mask
      if value <= max { return value }
    }
  }

  /// `random_bounded_uint64(0, range)` without masking: Lemire's multiply-and-reject, on 32-bit
  /// draws while `range` fits them.
  mutating func bounded(_ range: UInt64) -> UInt64 {
    if range == 0 { return 0 }
    if range < 0xFFFF_FFFF {
      let exclusive = UInt32(range) + 1
      var product = UInt64(next32()) * UInt64(exclusive)
      var leftover = UInt32(truncatingIfNeeded: product)
      if leftover < exclusive {
        let threshold = (UInt32.max - UInt32(range)) % exclusive
        while leftover < threshold {
          product = UInt64(next32()) * UInt64(exclusive)
          leftover = UInt32(truncatingIfNeeded: product)
        }
      }
      return product >> 32
    }
    if range == 0xFFFF_FFFF { return UInt64(next32()) }
    if range == UInt64.max { return next64() }
    let exclusive = range + 1
    var (high, low) = next64().multipliedFullWidth(by: exclusive)
    if low < exclusive {
      let threshold = (UInt64.max - range) % exclusive
      while low < threshold {
        (high, low) = next64().multipliedFullWidth(by: exclusive)
      }
    }
    return high
  }

  /// `random_standard_normal`: the ziggurat of 256 layers on one 64-bit draw (8 bits of layer,
  /// a sign bit and 52 bits of magnitude), with NumPy's tail and wedge draws.
  mutating func standardNormal() -> Double {
    let table = NormalZiggurat.shared
    while true {
      var draw = next64()
      let layer = Int(draw & 0xFF)
      draw >>= 8
      let negative = draw & 1 == 1
      let magnitude = (draw >> 1) & 0x000F_FFFF_FFFF_FFFF
      var x = Double(magnitude) * table.widths[layer]
      if negative { x = -x }
      if magnitude < table.thresholds[layer] { return x }
      if layer == 0 {
        while true {
          let xx = -NormalZiggurat.inverseTail * Foundation.log1p(-nextDouble())
          let yy = -Foundation.log1p(-nextDouble())
          if yy + yy > xx * xx {
            return (magnitude >> 8) & 1 == 1
              ? -(NormalZiggurat.tail + xx) : NormalZiggurat.tail + xx
          }
        }
      }
      let heights = table.heights
      if (heights[layer - 1] - heights[layer]) * nextDouble() + heights[layer]
        < Foundation.exp(-0.5 * x * x)
      {
        return x
      }
    }
  }
}

/// NumPy's normal ziggurat: its tail start r and the tables (`NormalZigguratTables`) as values.
struct NormalZiggurat: Sendable {
  static let tail = 3.6541528853610087963519472518
  static let inverseTail = 0.27366123732975827203338247596

  let thresholds = NormalZigguratTables.thresholds
  let widths = NormalZigguratTables.widthBits.map(Double.init(bitPattern:))
  let heights = NormalZigguratTables.heightBits.map(Double.init(bitPattern:))

  static let shared = NormalZiggurat()
}
