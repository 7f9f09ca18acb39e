import Foundation

/// Tells whether this module's SIMD code was compiled for AVX2 + FMA, by reading its own machine code.
///
/// Without `-Xcc -march=x86-64-v3` (Package.swift), a `SIMD8<Float>` multiply-add compiles to eight
/// calls to `fmaf()` and the kernels run ~150x slower, yet every result stays the same (`fmaf` is
/// correctly rounded too), so no numerical test can notice and a timing threshold would be flaky.
/// The check is deterministic instead: it takes the address of a probe function in this module
/// that performs one `SIMD8<Float>.addingProduct`, follows the direct calls and jumps at its entry
/// (the C-convention thunk), and looks for an FMA3 instruction (VEX prefix C4, opcode map 0F38,
/// opcodes 96-9F, A6-AF, B6-BF). Found: the compiler was allowed to use FMA for this module. In an
/// optimized build it must moreover be a 256-bit (`VEX.L = 1`) packed FMA: one instruction per SIMD8
/// operation. A debug build keeps SIMD8 operations lane by lane (scalar `vfmadd...ss`), which is
/// slow but proves the flag; without the flag there is no VEX code in the module at all.
public enum SIMDBuildCheck {
  public struct Report: Sendable, CustomStringConvertible {
    /// An FMA3 instruction was found in the probe: FMA code generation was enabled.
    public var hardwareFMA: Bool
    /// A 256-bit packed FMA was found: SIMD8<Float> maps to single AVX instructions.
    public var vectorFMA: Bool
    /// Built with optimization (SwiftPM's release configuration).
    public var optimizedBuild: Bool
    /// Not an x86-64 Linux build: the check does not apply (ARM64 always has vector FMA).
    public var notApplicable: Bool

    public init(hardwareFMA: Bool, vectorFMA: Bool, optimizedBuild: Bool, notApplicable: Bool) {
      self.hardwareFMA = hardwareFMA
      self.vectorFMA = vectorFMA
      self.optimizedBuild = optimizedBuild
      self.notApplicable = notApplicable
    }

    /// What the kernels need: vector FMA in optimized builds, FMA code generation in debug builds.
    public var isVectorized: Bool { notApplicable || (optimizedBuild ? vectorFMA : hardwareFMA) }

    public var description: String {
      if notApplicable {
        return "SIMD build check: not applicable on this architecture (vector FMA is baseline)"
      }
      return "SIMD build check: FMA3 code \(hardwareFMA ? "present" : "ABSENT"), 256-bit FMA "
        + "\(vectorFMA ? "present" : "absent"), \(optimizedBuild ? "optimized" : "debug") build -> "
        + (isVectorized
          ? "fast path compiled in" : "SLOW PATH: build CNNEngine with -Xcc -march=x86-64-v3")
    }
  }

  /// True when the SIMD fast path is compiled into this module (see `report()`).
  public static func isVectorized() -> Bool { report().isVectorized }

  public static func report() -> Report {
    #if DEBUG
      let optimized = false
    #else
      let optimized = true
    #endif
    #if arch(x86_64) && os(Linux)
      // Keep the probe reachable so it is compiled exactly like the kernels, and run it once.
      var a = [Float](repeating: 1.5, count: 8)
      var c = [Float](repeating: 0.25, count: 8)
      a.withUnsafeMutableBufferPointer { a in
        c.withUnsafeMutableBufferPointer { c in
          simdBuildProbe(a.baseAddress!, a.baseAddress!, c.baseAddress!)
        }
      }
      let probe:
        @convention(c) (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) ->
          Void =
          simdBuildProbe
      let scan = scanFMA(from: unsafeBitCast(probe, to: UnsafeRawPointer.self))
      return Report(
        hardwareFMA: scan.any, vectorFMA: scan.vector, optimizedBuild: optimized,
        notApplicable: false)
    #else
      return Report(
        hardwareFMA: true, vectorFMA: true, optimizedBuild: optimized, notApplicable: true)
    #endif
  }

  #if arch(x86_64) && os(Linux)
    /// Scans the probe's entry and the targets of the direct calls/jumps at its start.
    static func scanFMA(from entry: UnsafeRawPointer) -> (any: Bool, vector: Bool) {
      var result = scanWindow(entry, length: 64)
      let head = readable(entry, length: 64)
      var index = 0
      while index + 5 <= head.count {
        if head[index] == 0xE8 || head[index] == 0xE9 {  // call/jmp rel32
          let displacement = Int32(
            bitPattern: (0..<4).reduce(UInt32(0)) { $0 | UInt32(head[index + 1 + $1]) << (8 * $1) })
          let target = entry + index + 5 + Int(displacement)
          // Debug code reaches the FMA a few hundred bytes in; optimized code within a few dozen.
          let found = scanWindow(target, length: 2048)
          result = (result.any || found.any, result.vector || found.vector)
        }
        index += 1
      }
      return result
    }

    /// Looks for FMA3 encodings in `length` bytes (clamped to mapped memory) from `start`.
    static func scanWindow(_ start: UnsafeRawPointer, length: Int) -> (any: Bool, vector: Bool) {
      let bytes = readable(start, length: length)
      var any = false
      var vector = false
      var index = 0
      while index + 4 <= bytes.count {
        // VEX3: C4, [R X B mmmmm], [W vvvv L pp], opcode. FMA3: map 0F38 (mmmmm = 2), pp = 66 (1).
        let (b1, b2, opcode) = (bytes[index + 1], bytes[index + 2], bytes[index + 3])
        if bytes[index] == 0xC4 && b1 & 0x1F == 0x02 && b2 & 0x03 == 0x01 && opcode >= 0x96
          && opcode <= 0xBF
          && opcode & 0x0F >= 6
        {
          any = true
          let packed = opcode & 0x0F < 8 || opcode & 0x01 == 0
          let singlePrecision = b2 & 0x80 == 0
          if packed && singlePrecision && b2 & 0x04 != 0 { vector = true }
        }
        index += 1
      }
      return (any, vector)
    }

    /// Copies up to `length` bytes of code from `start`, never past the end of its mapping
    /// (/proc/self/maps), or of its page when the maps cannot be read.
    static func readable(_ start: UnsafeRawPointer, length: Int) -> [UInt8] {
      let address = UInt(bitPattern: start)
      var end = (address | 4095) + 1
      if let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) {
        for line in maps.split(separator: "\n") {
          let range = line.prefix { $0 != " " }.split(separator: "-")
          guard range.count == 2, let low = UInt(range[0], radix: 16),
            let high = UInt(range[1], radix: 16)
          else {
            continue
          }
          if low <= address && address < high {
            end = high
            break
          }
        }
      }
      let count = Int(min(UInt(length), end - address))
      return Array(UnsafeRawBufferPointer(start: start, count: count))
    }
  #endif
}

/// One SIMD8 fused multiply-add through memory, compiled with the same flags as every kernel.
/// c = c + a * b, 8 lanes.
@inline(never) @_cdecl("cnnengine_simd_build_probe")
func simdBuildProbe(
  _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>
) {
  SIMDMemory.store(SIMDMemory.load(c).addingProduct(SIMDMemory.load(a), SIMDMemory.load(b)), c)
}
