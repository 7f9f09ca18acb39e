/// FarmHash's `Fingerprint64` (`farmhashna::Hash64`), which TensorFlow's
/// `tf.strings.to_hash_bucket_fast` uses: Keras' `Hashing` layer and the out-of-vocabulary
/// buckets of `StringLookup(num_oov_indices > 1)` put a string in bucket
/// `fingerprint64(utf8) % buckets`. Written from the published algorithm (little-endian reads,
/// right rotations, wrapping arithmetic); TensorFlow's own outputs are the fixtures' reference.
enum FarmHash {
  private static let k0: UInt64 = 0xc3a5_c85c_97cb_3127
  private static let k1: UInt64 = 0xb492_b66f_be98_f273
  private static let k2: UInt64 = 0x9ae1_6a3b_2f90_404f

  static func fingerprint64(_ bytes: [UInt8]) -> UInt64 {
    let length = bytes.count
    if length <= 16 { return hashLen0to16(bytes) }
    if length <= 32 { return hashLen17to32(bytes) }
    if length <= 64 { return hashLen33to64(bytes) }
    return hashLong(bytes)
  }

  private static func fetch64(_ s: [UInt8], _ offset: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(s[offset + index]) << (8 * UInt64(index)) }
    return value
  }

  private static func fetch32(_ s: [UInt8], _ offset: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<4 { value |= UInt64(s[offset + index]) << (8 * UInt64(index)) }
    return value
  }

  private static func rotate(_ value: UInt64, _ shift: UInt64) -> UInt64 {
    shift == 0 ? value : (value >> shift) | (value << (64 - shift))
  }

  private static func shiftMix(_ value: UInt64) -> UInt64 { value ^ (value >> 47) }

  private static func hashLen16(_ u: UInt64, _ v: UInt64, _ mul: UInt64) -> UInt64 {
    var a = (u ^ v) &* mul
    a ^= a >> 47
    var b = (v ^ a) &* mul
    b ^= b >> 47
    return b &* mul
  }

  private static func hashLen0to16(_ s: [UInt8]) -> UInt64 {
    let length = s.count
    let len = UInt64(length)
    if length >= 8 {
      let mul = k2 &+ len &* 2
      let a = fetch64(s, 0) &+ k2
      let b = fetch64(s, length - 8)
      let c = rotate(b, 37) &* mul &+ a
      let d = (rotate(a, 25) &+ b) &* mul
      return hashLen16(c, d, mul)
    }
    if length >= 4 {
      let mul = k2 &+ len &* 2
      let a = fetch32(s, 0)
      return hashLen16(len &+ (a << 3), fetch32(s, length - 4), mul)
    }
    if length > 0 {
      let y = UInt32(s[0]) &+ (UInt32(s[length >> 1]) << 8)
      let z = UInt32(truncatingIfNeeded: length) &+ (UInt32(s[length - 1]) << 2)
      return shiftMix(UInt64(y) &* k2 ^ UInt64(z) &* k0) &* k2
    }
    return k2
  }

  private static func hashLen17to32(_ s: [UInt8]) -> UInt64 {
    let length = s.count
    let mul = k2 &+ UInt64(length) &* 2
    let a = fetch64(s, 0) &* k1
    let b = fetch64(s, 8)
    let c = fetch64(s, length - 8) &* mul
    let d = fetch64(s, length - 16) &* k2
    return hashLen16(
      rotate(a &+ b, 43) &+ rotate(c, 30) &+ d, a &+ rotate(b &+ k2, 18) &+ c, mul)
  }

  private static func hashLen33to64(_ s: [UInt8]) -> UInt64 {
    let length = s.count
    let mul = k2 &+ UInt64(length) &* 2
    let a = fetch64(s, 0) &* k2
    let b = fetch64(s, 8)
    let c = fetch64(s, length - 8) &* mul
    let d = fetch64(s, length - 16) &* k2
    let y = rotate(a &+ b, 43) &+ rotate(c, 30) &+ d
    let z = hashLen16(y, a &+ rotate(b &+ k2, 18) &+ c, mul)
    let e = fetch64(s, 16) &* mul
    let f = fetch64(s, 24)
    let g = (y &+ fetch64(s, length - 32)) &* mul
    let h = (z &+ fetch64(s, length - 24)) &* mul
    return hashLen16(
      rotate(e &+ f, 43) &+ rotate(g, 30) &+ h, e &+ rotate(f &+ a, 18) &+ g, mul)
  }

  private static func weakHashLen32WithSeeds(_ s: [UInt8], _ offset: Int, _ a: UInt64, _ b: UInt64)
    -> (UInt64, UInt64)
  {
    let w = fetch64(s, offset)
    let x = fetch64(s, offset + 8)
    let y = fetch64(s, offset + 16)
    let z = fetch64(s, offset + 24)
    var a = a &+ w
    var b = rotate(b &+ a &+ z, 21)
    let c = a
    a = a &+ x
    a = a &+ y
    b = b &+ rotate(a, 44)
    return (a &+ z, b &+ c)
  }

  private static func hashLong(_ s: [UInt8]) -> UInt64 {
    let length = s.count
    let seed: UInt64 = 81
    var x = seed
    var y = seed &* k1 &+ 113
    var z = shiftMix(y &* k2 &+ 113) &* k2
    var v: (UInt64, UInt64) = (0, 0)
    var w: (UInt64, UInt64) = (0, 0)
    x = x &* k2 &+ fetch64(s, 0)
    let end = ((length - 1) / 64) * 64
    let last64 = end + ((length - 1) & 63) - 63
    var offset = 0
    repeat {
      x = rotate(x &+ y &+ v.0 &+ fetch64(s, offset + 8), 37) &* k1
      y = rotate(y &+ v.1 &+ fetch64(s, offset + 48), 42) &* k1
      x ^= w.1
      y = y &+ v.0 &+ fetch64(s, offset + 40)
      z = rotate(z &+ w.0, 33) &* k1
      v = weakHashLen32WithSeeds(s, offset, v.1 &* k1, x &+ w.0)
      w = weakHashLen32WithSeeds(s, offset + 32, z &+ w.1, y &+ fetch64(s, offset + 16))
      swap(&z, &x)
      offset += 64
    } while offset != end
    let mul = k1 &+ ((z & 0xff) << 1)
    offset = last64
    w.0 = w.0 &+ UInt64((length - 1) & 63)
    v.0 = v.0 &+ w.0
    w.0 = w.0 &+ v.0
    x = rotate(x &+ y &+ v.0 &+ fetch64(s, offset + 8), 37) &* mul
    y = rotate(y &+ v.1 &+ fetch64(s, offset + 48), 42) &* mul
    x ^= w.1 &* 9
    y = y &+ v.0 &* 9 &+ fetch64(s, offset + 40)
    z = rotate(z &+ w.0, 33) &* mul
    v = weakHashLen32WithSeeds(s, offset, v.1 &* mul, x &+ w.0)
    w = weakHashLen32WithSeeds(s, offset + 32, z &+ w.1, y &+ fetch64(s, offset + 16))
    swap(&z, &x)
    return hashLen16(
      hashLen16(v.0, w.0, mul) &+ shiftMix(y) &* k0 &+ z, hashLen16(v.1, w.1, mul) &+ x, mul)
  }
}
