@testable import CNNEngine
@testable import CNNKernels

/// Writes `.npz` bytes the way `np.savez` does (an uncompressed ZIP of `.npy` members), so tests
/// can feed the weight loader files that fit a model and files that do not.
enum NPZTestWriter {
  /// entries (name, tensor) -> archive bytes
  static func archive(_ entries: [(String, Tensor)]) -> [UInt8] {
    var bytes: [UInt8] = []
    var central: [UInt8] = []
    func u16(_ value: Int, _ out: inout [UInt8]) {
      out += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
    }
    func u32(_ value: UInt32, _ out: inout [UInt8]) {
      out += (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) }
    }
    for (name, tensor) in entries {
      let member = Array((name + ".npy").utf8)
      let data = NPYFormat.encode(tensor)
      let crc = CRC32.checksum(data)
      let offset = bytes.count
      u32(0x0403_4B50, &bytes)
      u16(20, &bytes)
      u16(0, &bytes)
      u16(0, &bytes)
      u16(0, &bytes)
      u16(0, &bytes)
      u32(crc, &bytes)
      u32(UInt32(data.count), &bytes)
      u32(UInt32(data.count), &bytes)
      u16(member.count, &bytes)
      u16(0, &bytes)
      bytes += member + data
      u32(0x0201_4B50, &central)
      u16(20, &central)
      u16(20, &central)
      u16(0, &central)
      u16(0, &central)
      u16(0, &central)
      u16(0, &central)
      u32(crc, &central)
      u32(UInt32(data.count), &central)
      u32(UInt32(data.count), &central)
      u16(member.count, &central)
      u16(0, &central)
      u16(0, &central)
      u16(0, &central)
      u16(0, &central)
      u32(0, &central)
      u32(UInt32(offset), &central)
      central += member
    }
    let centralOffset = bytes.count
    bytes += central
    u32(0x0605_4B50, &bytes)
    u16(0, &bytes)
    u16(0, &bytes)
    u16(entries.count, &bytes)
    u16(entries.count, &bytes)
    u32(UInt32(central.count), &bytes)
    u32(UInt32(centralOffset), &bytes)
    u16(0, &bytes)
    return bytes
  }
}
