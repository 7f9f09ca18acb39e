/// Unaligned SIMD8 loads and stores: `[Float]` storage is only 16-byte aligned, and AVX2's unaligned
/// moves cost nothing extra on aligned data, so the kernels never depend on alignment.
enum SIMDMemory {
  @inline(__always)
  static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inline(__always)
  static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inline(__always)
  static func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
  }

  /// Loads `count` (< 8) values, zero-filling the other lanes.
  @inline(__always)
  static func loadPartial(_ pointer: UnsafePointer<Float>, count: Int) -> SIMD8<Float> {
    var value = SIMD8<Float>(repeating: 0)
    for lane in 0..<count { value[lane] = pointer[lane] }
    return value
  }

  /// Stores the first `count` (< 8) lanes.
  @inline(__always)
  static func storePartial(
    _ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>, count: Int
  ) {
    for lane in 0..<count { pointer[lane] = value[lane] }
  }
}
