/// A gzip reader (RFC 1952 around RFC 1951's DEFLATE), for the `.gz` files Keras keeps in its
/// data set cache (`fashion-mnist/*.gz`). Written from the RFCs: stored, fixed and dynamic
/// Huffman blocks, decoded canonically one bit at a time. The output may never exceed the size
/// the gzip trailer announces (checked before anything is inflated), and its CRC-32 must match.
public enum Gunzip {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
  }

  /// The size the trailer announces (ISIZE, the length modulo 2^32).
  public static func announcedSize(_ bytes: [UInt8]) throws(Failure) -> Int {
    guard bytes.count >= 18, bytes[0] == 0x1f, bytes[1] == 0x8b else {
      throw Failure("not a gzip file")
    }
    let n = bytes.count
    return Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16
      | Int(bytes[n - 1]) << 24
  }

  public static func decompress(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
    let size = try announcedSize(bytes)
    guard bytes[2] == 8 else { throw Failure("unknown gzip compression method \(bytes[2])") }
    let flags = bytes[3]
    var offset = 10
    func need(_ count: Int) throws(Failure) {
      guard offset + count <= bytes.count else { throw Failure("truncated gzip header") }
    }
    if flags & 4 != 0 {
      try need(2)
      let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
      offset += 2
      try need(length)
      offset += length
    }
    for flag: UInt8 in [8, 16] where flags & flag != 0 {
      while true {
        try need(1)
        offset += 1
        if bytes[offset - 1] == 0 { break }
      }
    }
    if flags & 2 != 0 { offset += 2 }
    var reader = BitReader(bytes: bytes, offset: offset)
    // DEFLATE cannot expand more than 1032 times: a larger announced size is a damaged trailer.
    guard size <= bytes.count * 1032 else {
      throw Failure("the gzip trailer announces \(size) bytes, more than its data can hold")
    }
    var output: [UInt8] = []
    output.reserveCapacity(size)
    try inflate(&reader, into: &output, limit: size)
    let end = reader.byteOffset
    guard end + 8 <= bytes.count else { throw Failure("truncated gzip trailer") }
    let crc =
      UInt32(bytes[end]) | UInt32(bytes[end + 1]) << 8 | UInt32(bytes[end + 2]) << 16
      | UInt32(bytes[end + 3]) << 24
    guard output.count == size else {
      throw Failure("the gzip data holds \(output.count) bytes, its trailer says \(size)")
    }
    guard crc32(output) == crc else { throw Failure("the gzip data fails its CRC-32 check") }
    return output
  }

  // MARK: DEFLATE

  private struct BitReader {
    let bytes: [UInt8]
    var offset: Int
    var bitBuffer = 0
    var bitCount = 0

    init(bytes: [UInt8], offset: Int) {
      self.bytes = bytes
      self.offset = offset
    }

    mutating func bits(_ count: Int) throws(Failure) -> Int {
      while bitCount < count {
        guard offset < bytes.count else { throw Failure("truncated deflate data") }
        bitBuffer |= Int(bytes[offset]) << bitCount
        offset += 1
        bitCount += 8
      }
      let value = bitBuffer & ((1 << count) - 1)
      bitBuffer >>= count
      bitCount -= count
      return value
    }

    /// Drops the bits left in the current byte (stored blocks start on a byte).
    mutating func align() {
      bitBuffer = 0
      bitCount = 0
    }

    /// The first byte not consumed (after the final block, its partial byte counts as consumed).
    var byteOffset: Int { offset - bitCount / 8 }
  }

  /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
  private struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []

    init(lengths: [Int]) throws(Failure) {
      for length in lengths { counts[length] += 1 }
      counts[0] = 0
      var left = 1
      for length in 1...15 {
        left = left * 2 - counts[length]
        guard left >= 0 else { throw Failure("an over-subscribed Huffman code") }
      }
      var offsets = [Int](repeating: 0, count: 16)
      for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
      symbols = [Int](repeating: 0, count: lengths.count)
      for (symbol, length) in lengths.enumerated() where length != 0 {
        symbols[offsets[length]] = symbol
        offsets[length] += 1
      }
    }

    func decode(_ reader: inout BitReader) throws(Failure) -> Int {
      var code = 0
      var first = 0
      var index = 0
      for length in 1...15 {
        code |= try reader.bits(1)
        let count = counts[length]
        if code - count < first { return symbols[index + (code - first)] }
        index += count
        first = (first + count) << 1
        code <<= 1
      }
      throw Failure("an invalid Huffman code in the deflate data")
    }
  }

  private static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  private static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]
  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  private static func inflate(_ reader: inout BitReader, into output: inout [UInt8], limit: Int)
    throws(Failure)
  {
    var last = false
    while !last {
      last = try reader.bits(1) == 1
      switch try reader.bits(2) {
      case 0:
        reader.align()
        guard reader.offset + 4 <= reader.bytes.count else {
          throw Failure("truncated stored block")
        }
        let b = reader.bytes
        let length = Int(b[reader.offset]) | Int(b[reader.offset + 1]) << 8
        let complement = Int(b[reader.offset + 2]) | Int(b[reader.offset + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw Failure("a corrupt stored block") }
        reader.offset += 4
        guard reader.offset + length <= b.count, output.count + length <= limit else {
          throw Failure("a stored block longer than the data")
        }
        output += b[reader.offset..<(reader.offset + length)]
        reader.offset += length
      case 1:
        let literals = try Huffman(
          lengths: [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
            + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8))
        let distances = try Huffman(lengths: [Int](repeating: 5, count: 30))
        try codes(&reader, literals, distances, into: &output, limit: limit)
      case 2:
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeCount = try reader.bits(4) + 4
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeCount { codeLengths[codeLengthOrder[i]] = try reader.bits(3) }
        let lengthCode = try Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
          let symbol = try lengthCode.decode(&reader)
          switch symbol {
          case 0...15: lengths.append(symbol)
          case 16:
            guard let previous = lengths.last else { throw Failure("a repeat with nothing before") }
            lengths += [Int](repeating: previous, count: 3 + (try reader.bits(2)))
          case 17: lengths += [Int](repeating: 0, count: 3 + (try reader.bits(3)))
          default: lengths += [Int](repeating: 0, count: 11 + (try reader.bits(7)))
          }
        }
        guard lengths.count == literalCount + distanceCount, lengths[256] != 0 else {
          throw Failure("corrupt code lengths in a dynamic block")
        }
        try codes(
          &reader, try Huffman(lengths: Array(lengths[..<literalCount])),
          try Huffman(lengths: Array(lengths[literalCount...])), into: &output, limit: limit)
      default:
        throw Failure("an invalid deflate block type")
      }
    }
  }

  private static func codes(
    _ reader: inout BitReader, _ literals: Huffman, _ distances: Huffman,
    into output: inout [UInt8], limit: Int
  ) throws(Failure) {
    while true {
      let symbol = try literals.decode(&reader)
      if symbol < 256 {
        guard output.count < limit else { throw Failure("more data than the trailer announces") }
        output.append(UInt8(symbol))
        continue
      }
      if symbol == 256 { return }
      let index = symbol - 257
      guard index < lengthBase.count else { throw Failure("an invalid length code") }
      let length = lengthBase[index] + (try reader.bits(lengthExtra[index]))
      let code = try distances.decode(&reader)
      guard code < distanceBase.count else { throw Failure("an invalid distance code") }
      let distance = distanceBase[code] + (try reader.bits(distanceExtra[code]))
      guard distance <= output.count else { throw Failure("a distance too far back") }
      guard output.count + length <= limit else {
        throw Failure("more data than the trailer announces")
      }
      let start = output.count - distance
      for i in 0..<length { output.append(output[start + i]) }
    }
  }

  // MARK: CRC-32

  private static let crcTable: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  public static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}
