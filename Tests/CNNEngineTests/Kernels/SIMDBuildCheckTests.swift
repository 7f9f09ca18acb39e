import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("SIMD build check")
struct SIMDBuildCheckTests {
  /// Fails when CNNEngine was built without AVX2/FMA code generation (the `-Xcc -march=x86-64-v3`
  /// flag in Package.swift): its SIMD8 multiply-adds would then be fmaf() calls, ~150x slower.
  /// Deterministic: it reads the module's own machine code, no timing involved.
  @Test("the SIMD fast path is compiled into CNNEngine")
  func fastPathCompiledIn() {
    let report = SIMDBuildCheck.report()
    #expect(report.isVectorized, "\(report)")
    #expect(SIMDBuildCheck.isVectorized())
  }

  #if arch(x86_64) && os(Linux)
    @Test("the instruction scanner recognizes FMA3 encodings and nothing else")
    func scannerRecognizesEncodings() {
      func scan(_ bytes: [UInt8]) -> (any: Bool, vector: Bool) {
        bytes.withUnsafeBytes { SIMDBuildCheck.scanWindow($0.baseAddress!, length: bytes.count) }
      }
      // vfmadd213ps %ymm1,%ymm0,%ymm0
      let ymmPacked: [UInt8] = [0xC4, 0xE2, 0x7D, 0xA8, 0xC1, 0x90]
      // vfmadd213ss %xmm2,%xmm1,%xmm0
      let xmmScalar: [UInt8] = [0xC4, 0xE2, 0x71, 0xA9, 0xC2, 0x90]
      let callFmaf: [UInt8] = [0xE8, 0x10, 0x20, 0x00, 0x00, 0x90]  // call rel32
      let vaddps: [UInt8] = [0xC5, 0xFC, 0x58, 0xC1, 0x90, 0x90]  // vaddps %ymm1,%ymm0,%ymm0
      #expect(scan(ymmPacked) == (true, true))
      #expect(scan(xmmScalar) == (true, false))
      #expect(scan(callFmaf) == (false, false))
      #expect(scan(vaddps) == (false, false))
    }
  #endif
}
