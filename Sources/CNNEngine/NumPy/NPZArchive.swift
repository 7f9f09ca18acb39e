/// A `.npz` file as `np.savez` writes it: a ZIP archive of `.npy` members, stored uncompressed.
///
/// Only the central directory is trusted for sizes: numpy writes members with `force_zip64`, so the
/// local headers carry 0xFFFFFFFF placeholders and a ZIP64 extra field instead of sizes.
public struct NPZArchive: Sendable {
  /// Array names in archive order (member names without the `.npy` suffix).
  public let names: [String]
  public let arrays: [String: Tensor]

  public subscript(name: String) -> Tensor? { arrays[name] }

  /// Reads an `.npz` file from disk.
  public init(contentsOf path: String) throws(NumPyError) {
    try self.init(bytes: NPYFormat.readBytes(path))
  }

  /// Parses a whole `.npz` file.
  public init(bytes: [UInt8]) throws(NumPyError) {
    let reader = ByteReader(bytes)
    let directory = try Self.centralDirectory(reader)
    var names: [String] = []
    var arrays: [String: Tensor] = [:]
    var offset = directory.offset
    for _ in 0..<directory.entries {
      guard try reader.u32(offset) == 0x0201_4B50 else {
        throw NumPyError(".npz central directory is corrupt (bad entry signature at \(offset))")
      }
      let flags = try reader.u16(offset + 8)
      let method = try reader.u16(offset + 10)
      let crc = try reader.u32(offset + 16)
      var compressedSize = Int(try reader.u32(offset + 20))
      var size = Int(try reader.u32(offset + 24))
      let nameLength = Int(try reader.u16(offset + 28))
      let extraLength = Int(try reader.u16(offset + 30))
      let commentLength = Int(try reader.u16(offset + 32))
      var localOffset = Int(try reader.u32(offset + 42))
      let name = String(decoding: try reader.slice(offset + 46, nameLength), as: UTF8.self)
      // ZIP64 extra field (id 1): the 64-bit values of whichever fields hold 0xFFFFFFFF, in order.
      var extra = offset + 46 + nameLength
      let extraEnd = extra + extraLength
      while extra + 4 <= extraEnd {
        let id = try reader.u16(extra)
        let length = Int(try reader.u16(extra + 2))
        if id == 1 {
          var field = extra + 4
          if size == 0xFFFF_FFFF {
            size = try reader.int64(field)
            field += 8
          }
          if compressedSize == 0xFFFF_FFFF {
            compressedSize = try reader.int64(field)
            field += 8
          }
          if localOffset == 0xFFFF_FFFF { localOffset = try reader.int64(field) }
        }
        extra += 4 + length
      }
      offset = extraEnd + commentLength

      guard flags & 1 == 0 else { throw NumPyError(".npz member '\(name)' is encrypted") }
      guard method == 0 else {
        let kind =
          method == 8 ? "deflate-compressed (np.savez_compressed)" : "compressed (method \(method))"
        throw NumPyError(
          ".npz member '\(name)' is \(kind); only uncompressed archives are supported: save with np.savez"
        )
      }
      guard compressedSize == size else {
        throw NumPyError(".npz member '\(name)' has inconsistent sizes")
      }
      guard try reader.u32(localOffset) == 0x0403_4B50 else {
        throw NumPyError(".npz member '\(name)' has no local header at \(localOffset)")
      }
      let dataStart =
        localOffset + 30 + Int(try reader.u16(localOffset + 26))
        + Int(try reader.u16(localOffset + 28))
      let data = try reader.slice(dataStart, size)
      guard CRC32.checksum(data) == crc else {
        throw NumPyError(".npz member '\(name)' fails its CRC-32 check")
      }
      let key = name.hasSuffix(".npy") ? String(name.dropLast(4)) : name
      try Self.checkPlainName(key, member: name)
      guard arrays[key] == nil else {
        throw NumPyError(".npz member '\(Self.visible(name))' appears twice in the archive")
      }
      do {
        arrays[key] = try NPYFormat.decode(Array(data))
      } catch {
        throw NumPyError("in .npz member '\(name)': \(error.message)")
      }
      names.append(key)
    }
    self.names = names
    self.arrays = arrays
  }

  /// Array names are weight names such as `conv2d/kernel:0`: slash-separated plain words. A name
  /// that is empty, absolute, has an empty, `.` or `..` part, a backslash or a control character
  /// is refused rather than taken as a key (it could only come from a crafted archive).
  static func checkPlainName(_ key: String, member: String) throws(NumPyError) {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    let plain =
      !key.isEmpty && !key.contains("\\")
      && !key.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
      && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    guard plain else {
      throw NumPyError(
        ".npz member '\(visible(member))' is not a plain weight name (such as conv2d/kernel:0); refusing the archive"
      )
    }
  }

  /// A member name as a message can show it: control characters escaped, at most 200 characters.
  static func visible(_ name: String) -> String {
    var text = ""
    for scalar in name.unicodeScalars.prefix(200) {
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        text += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return name.unicodeScalars.count > 200 ? text + "..." : text
  }

  /// Finds the central directory through the end record (and its ZIP64 version when present).
  static func centralDirectory(_ reader: ByteReader) throws(NumPyError) -> (
    entries: Int, offset: Int
  ) {
    let count = reader.bytes.count
    guard count >= 22 else { throw NumPyError("not a .npz file (too short for a ZIP archive)") }
    var end = count - 22
    let lowest = max(0, count - 22 - 65535)
    while end >= lowest {
      if reader.bytes[end] == 0x50, (try? reader.u32(end)) == 0x0605_4B50 { break }
      end -= 1
    }
    guard end >= lowest else {
      throw NumPyError("not a .npz file (no ZIP end-of-central-directory record)")
    }
    var entries = Int(try reader.u16(end + 10))
    var offset = Int(try reader.u32(end + 16))
    if entries == 0xFFFF || offset == 0xFFFF_FFFF {
      let locator = end - 20
      guard locator >= 0, try reader.u32(locator) == 0x0706_4B50 else {
        throw NumPyError(".npz ZIP64 locator is missing")
      }
      let record = try reader.int64(locator + 8)
      guard try reader.u32(record) == 0x0606_4B50 else {
        throw NumPyError(".npz ZIP64 end record is missing")
      }
      entries = try reader.int64(record + 32)
      offset = try reader.int64(record + 48)
    }
    return (entries, offset)
  }

  /// Bounds-checked little-endian reads: a truncated or corrupt archive is an error, not a crash.
  struct ByteReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func slice(_ offset: Int, _ length: Int) throws(NumPyError) -> ArraySlice<UInt8> {
      guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else {
        throw NumPyError(
          ".npz archive is truncated or corrupt (needs \(length) bytes at offset \(offset))")
      }
      return bytes[offset..<offset + length]
    }

    func u16(_ offset: Int) throws(NumPyError) -> UInt16 {
      let s = try slice(offset, 2)
      return UInt16(s[s.startIndex]) | UInt16(s[s.startIndex + 1]) << 8
    }

    func u32(_ offset: Int) throws(NumPyError) -> UInt32 {
      let s = try slice(offset, 4)
      return (0..<4).reduce(UInt32(0)) { $0 | UInt32(s[s.startIndex + $1]) << (8 * $1) }
    }

    func u64(_ offset: Int) throws(NumPyError) -> UInt64 {
      let s = try slice(offset, 8)
      return (0..<8).reduce(UInt64(0)) { $0 | UInt64(s[s.startIndex + $1]) << (8 * $1) }
    }

    /// A ZIP64 size, offset or count: a value above `Int.max` cannot describe this file.
    func int64(_ offset: Int) throws(NumPyError) -> Int {
      let value = try u64(offset)
      guard let result = Int(exactly: value) else {
        throw NumPyError(".npz archive is corrupt (a ZIP64 field at \(offset) holds \(value))")
      }
      return result
    }
  }
}
