import Foundation
import Testing

@testable import CNNEngine

/// Files the numpy fuzzer (`scripts/fuzz numpy`) found crashing the readers, in
/// `Tests/Fixtures/fuzz/numpy`: each is corrupt and must be refused with a NumPyError by both
/// readers, never trap.
@Suite("NumPy readers: fuzzer findings")
struct NumPyFuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz/numpy")

  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".bin") }.sorted()

  @Test func findingsArePresent() {
    #expect(Self.names.count >= 4)
  }

  @Test(arguments: names)
  func refusedWithoutCrash(_ name: String) throws {
    let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    #expect(throws: NumPyError.self) { try NPYFormat.decode(bytes) }
    #expect(throws: NumPyError.self) { try NPZArchive(bytes: bytes) }
  }

  @Test("a shape whose byte count overflows is refused as truncated")
  func byteCountOverflow() {
    // 2^62 int64 values need 2^65 bytes: the count fits Int, the byte count does not.
    let header = "{'descr': '<i8', 'fortran_order': False, 'shape': (4611686018427387904,), }"
    let bytes = NPYFormat.magic + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8)
    #expect(
      throws: NumPyError(
        ".npy data is truncated: shape [4611686018427387904] of <i8 needs more than 9223372036854775807 bytes, 0 present"
      )
    ) {
      try NPYFormat.decode(bytes)
    }
  }

  @Test("ZIP64 fields above Int.max are refused, not converted")
  func zip64FieldAboveIntMax() {
    let reader = NPZArchive.ByteReader([0, 0, 0, 0, 0, 0, 0, 0x80])
    #expect(
      throws: NumPyError(
        ".npz archive is corrupt (a ZIP64 field of 9223372036854775808 points past its 8 bytes)")
    ) {
      try reader.offset(0)
    }
    #expect(
      throws: NumPyError(
        ".npz archive is truncated or corrupt (needs 4 bytes at \(Int.max), the file has 8)")
    ) {
      try reader.u32(Int.max)
    }
  }
}
