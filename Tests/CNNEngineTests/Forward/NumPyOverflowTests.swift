import Testing

@testable import CNNEngine

/// The .npy/.npz readers compile with overflow checks: sizes in a header or a ZIP64 record that do
/// not fit in 64 bits are a clear error, never a wrap (and never a trap).
@Suite("NumPy readers: sizes beyond 64 bits")
struct NumPyOverflowTests {
  static func npy(header: String) -> [UInt8] {
    var text = header
    while (10 + text.utf8.count + 1) % 64 != 0 { text += " " }
    text += "\n"
    let length = text.utf8.count
    return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
      + Array(text.utf8)
  }

  static func message(_ body: () throws(NumPyError) -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return error.message
    }
  }

  @Test("a .npy whose data size overflows is refused as truncated")
  func npyDataSizeOverflows() {
    let bytes = Self.npy(
      header: "{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952, 2), }")
    let text = Self.message { () throws(NumPyError) in _ = try NPYFormat.decode(bytes) }
    #expect(text?.contains("needs more than 9223372036854775807 bytes") == true)
  }

  @Test("a ZIP64 record pointing past 2^63 is refused as corrupt")
  func zip64OffsetOverflows() {
    func u16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
    let locator = u32(0x0706_4B50) + u32(0) + [UInt8](repeating: 0xFF, count: 8) + u32(1)
    let end =
      u32(0x0605_4B50) + u16(0) + u16(0) + u16(0xFFFF) + u16(0xFFFF) + u32(0) + u32(0xFFFF_FFFF)
      + u16(0)
    let text = Self.message { () throws(NumPyError) in _ = try NPZArchive(bytes: locator + end) }
    #expect(text?.contains("ZIP64 field of 18446744073709551615 points past") == true)
  }
}
