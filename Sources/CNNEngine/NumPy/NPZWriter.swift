/// Writes an `.npz` as `np.savez` does: an uncompressed (stored) ZIP whose members are `NAME.npy`
/// float32 arrays, readable by `np.load` and by `NPZArchive`. Sizes above 4 GiB are refused
/// (no ZIP64), which the memory budgets keep far away.
public enum NPZWriter {
  /// (name, tensor) in member order -> the archive's bytes.
  public static func encode(_ entries: [(String, Tensor)]) throws(NumPyError) -> [UInt8] {
    var bytes: [UInt8] = []
    var central: [UInt8] = []
    func u16(_ value: Int, into out: inout [UInt8]) {
      out.append(UInt8(value & 0xFF))
      out.append(UInt8((value >> 8) & 0xFF))
    }
    func u32(_ value: UInt32, into out: inout [UInt8]) {
      for shift in stride(from: 0, to: 32, by: 8) {
        out.append(UInt8((value >> UInt32(shift)) & 0xFF))
      }
    }
    for (name, tensor) in entries {
      let member = Array((name + ".npy").utf8)
      let data = NPYFormat.encode(tensor)
      guard data.count < 0xFFFF_FFFF, bytes.count < 0xFFFF_FFFF, member.count < 0xFFFF else {
        throw NumPyError(".npz member '\(name)' is too large for ConvBook's writer")
      }
      let crc = CRC32.checksum(data)
      let offset = UInt32(bytes.count)
      // Local file header.
      u32(0x0403_4B50, into: &bytes)
      u16(20, into: &bytes)  // version needed
      u16(0, into: &bytes)  // flags
      u16(0, into: &bytes)  // stored
      u16(0, into: &bytes)  // time
      u16(0x21, into: &bytes)  // date: 1980-01-01
      u32(crc, into: &bytes)
      u32(UInt32(data.count), into: &bytes)
      u32(UInt32(data.count), into: &bytes)
      u16(member.count, into: &bytes)
      u16(0, into: &bytes)
      bytes += member
      bytes += data
      // Central directory entry.
      u32(0x0201_4B50, into: &central)
      u16(20, into: &central)  // made by
      u16(20, into: &central)
      u16(0, into: &central)
      u16(0, into: &central)
      u16(0, into: &central)
      u16(0x21, into: &central)
      u32(crc, into: &central)
      u32(UInt32(data.count), into: &central)
      u32(UInt32(data.count), into: &central)
      u16(member.count, into: &central)
      u16(0, into: &central)  // extra
      u16(0, into: &central)  // comment
      u16(0, into: &central)  // disk
      u16(0, into: &central)  // internal attributes
      u32(0, into: &central)  // external attributes
      u32(offset, into: &central)
      central += member
    }
    guard bytes.count + central.count < 0xFFFF_FFFF, entries.count < 0xFFFF else {
      throw NumPyError("the .npz archive is too large for ConvBook's writer")
    }
    let directoryOffset = UInt32(bytes.count)
    bytes += central
    u32(0x0605_4B50, into: &bytes)
    u16(0, into: &bytes)
    u16(0, into: &bytes)
    u16(entries.count, into: &bytes)
    u16(entries.count, into: &bytes)
    u32(UInt32(central.count), into: &bytes)
    u32(directoryOffset, into: &bytes)
    u16(0, into: &bytes)
    return bytes
  }
}
