import Foundation
import Testing

@testable import CNNEngine

/// `.npz` entry names become weight keys only when they are plain names; long lists of stray keys
/// give short messages.
@Suite("NPZ keys")
struct NPZKeyTests {
  /// An uncompressed ZIP of `.npy` members, as `np.savez` writes it (without ZIP64).
  static func archive(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
    func u16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
    var output: [UInt8] = []
    var central: [UInt8] = []
    for member in members {
      let name = Array(member.name.utf8)
      let crc = CRC32.checksum(member.bytes)
      let offset = UInt32(output.count)
      let size = u32(UInt32(member.bytes.count))
      output += u32(0x0403_4B50) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0) + u32(crc)
      output += size + size + u16(name.count) + u16(0) + name + member.bytes
      central += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0)
      central += u32(crc) + size + size + u16(name.count) + u16(0) + u16(0) + u16(0) + u16(0)
      central += u32(0) + u32(offset) + name
    }
    let directoryOffset = UInt32(output.count)
    output += central
    output += u32(0x0605_4B50) + u16(0) + u16(0) + u16(members.count) + u16(members.count)
    output += u32(UInt32(central.count)) + u32(directoryOffset) + u16(0)
    return output
  }

  static let array = NPYFormat.encode(try! Tensor(shape: [1], scalars: [1]))

  @Test("plain Keras names are read")
  func plainNames() throws {
    let npz = try NPZArchive(
      bytes: Self.archive([("conv2d/kernel:0.npy", Self.array), ("dense_1/bias.npy", Self.array)]))
    #expect(npz.names == ["conv2d/kernel:0", "dense_1/bias"])
  }

  @Test("names with .., absolute paths, empty parts, backslashes or control characters are refused")
  func nonPlainNames() {
    for name in [
      "../conv2d/kernel:0", "/etc/passwd", "conv2d//kernel", "conv2d/./kernel", "a\\b",
      "conv2d/kernel\u{1B}[2J", "", "conv2d/..",
    ] {
      let bytes = Self.archive([(name + ".npy", Self.array)])
      #expect(throws: NumPyError.self, "\(name)") { try NPZArchive(bytes: bytes) }
      do {
        _ = try NPZArchive(bytes: bytes)
      } catch {
        #expect(error.message.contains("is not a plain weight name"))
        #expect(!error.message.contains("\u{1B}"))
      }
    }
    let twice = Self.archive([("a.npy", Self.array), ("a.npy", Self.array)])
    #expect(throws: NumPyError.self) { try NPZArchive(bytes: twice) }
  }

  @Test("60,000 unknown keys give a message of a few lines")
  func manyUnknownKeys() throws {
    // A plain ZIP holds at most 65,535 members.
    let members = (0..<60_000).map { (name: "stray_\($0)/w.npy", bytes: Self.array) }
    let npz = try NPZArchive(bytes: Self.archive(members))
    let model = try ModelWeightsTests.smallModel()
    let error = try #require(throws: ForwardError.self) {
      try ModelWeights(archive: npz, for: model)
    }
    #expect(error.message.utf8.count < 4_000)
    #expect(error.message.contains("... and 59,980 more"))
  }
}
