import CNNKernels
import Foundation

/// NumPy's `.npy` format (versions 1.0, 2.0 and 3.0): reads little-endian float32, float64 and
/// int64 arrays into a `Tensor` (converting to Float), writes float32.
///
/// Layout: magic `\x93NUMPY`, major and minor version bytes, header length (2 bytes in 1.0, 4 bytes
/// after), an ASCII Python dict literal such as `{'descr': '<f4', 'fortran_order': False,
/// 'shape': (2, 3), }` padded with spaces and a newline, then the raw data in C order.
public enum NPYFormat {
  static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

  /// Parses a whole `.npy` file.
  public static func decode(_ bytes: [UInt8]) throws(NumPyError) -> Tensor {
    guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
      throw NumPyError("not a .npy file (the magic string \\x93NUMPY is missing)")
    }
    let major = bytes[6]
    let headerLength: Int
    let headerStart: Int
    switch major {
    case 1:
      headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
      headerStart = 10
    case 2, 3:
      guard bytes.count >= 12 else {
        throw NumPyError(".npy file is truncated inside its header length")
      }
      headerLength =
        Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
      headerStart = 12
    default:
      throw NumPyError(
        ".npy format version \(major).\(bytes[7]) is not supported (only 1.0, 2.0 and 3.0)")
    }
    guard headerStart + headerLength <= bytes.count else {
      throw NumPyError(".npy header says \(headerLength) bytes but the file ends first")
    }
    guard
      let header = String(bytes: bytes[headerStart..<headerStart + headerLength], encoding: .utf8)
    else {
      throw NumPyError(".npy header is not valid text")
    }
    let fields = try parseHeader(header)
    let count = try checkedCount(fields.shape)
    let dataStart = headerStart + headerLength
    let width = fields.descr == "<f4" ? 4 : fields.descr == "|u1" ? 1 : 8
    let (needed, overflow) = count.multipliedReportingOverflow(by: width)
    guard !overflow, bytes.count - dataStart >= needed else {
      let size = overflow ? "more than 9223372036854775807" : String(needed)
      throw NumPyError(
        ".npy data is truncated: shape \(fields.shape) of \(fields.descr) needs \(size) bytes, "
          + "\(bytes.count - dataStart) present")
    }
    var values = [Float](repeating: 0, count: count)
    bytes.withUnsafeBytes { raw in
      let data = raw.baseAddress! + dataStart
      switch fields.descr {
      case "<f4":
        for i in 0..<count {
          values[i] = Float(
            bitPattern: UInt32(
              littleEndian: data.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
        }
      case "<f8":
        for i in 0..<count {
          values[i] = Float(
            Double(
              bitPattern: UInt64(
                littleEndian: data.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))))
        }
      case "|u1":
        for i in 0..<count { values[i] = Float(data.load(fromByteOffset: i, as: UInt8.self)) }
      default:  // "<i8"
        for i in 0..<count {
          values[i] = Float(
            Int64(littleEndian: data.loadUnaligned(fromByteOffset: i * 8, as: Int64.self)))
        }
      }
    }
    return Tensor(validShape: fields.shape, scalars: values)
  }

  /// A version 1.0 `.npy` file of `tensor` as '<f4' (2.0 when the header would not fit 1.0).
  /// The header is padded so the data starts on a 64-byte boundary, as numpy does.
  public static func encode(_ tensor: Tensor) -> [UInt8] {
    let shape: String
    switch tensor.rank {
    case 0: shape = "()"
    case 1: shape = "(\(tensor.shape[0]),)"
    default: shape = "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
    }
    var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }"
    let version2 = header.utf8.count + 11 > 65535
    let prefix = version2 ? 12 : 10
    let total = (prefix + header.utf8.count + 1 + 63) / 64 * 64
    header += String(repeating: " ", count: total - prefix - header.utf8.count - 1) + "\n"
    var bytes = magic + [version2 ? 2 : 1, 0]
    let length = header.utf8.count
    bytes += [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF)]
    if version2 { bytes += [UInt8(length >> 16 & 0xFF), UInt8(length >> 24 & 0xFF)] }
    bytes += Array(header.utf8)
    bytes.reserveCapacity(bytes.count + tensor.count * 4)
    for value in tensor.scalars {
      let bits = value.bitPattern.littleEndian
      bytes += [
        UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24),
      ]
    }
    return bytes
  }

  /// Reads a `.npy` file from disk.
  public static func read(contentsOf path: String) throws(NumPyError) -> Tensor {
    try decode(readBytes(path))
  }

  /// Writes `tensor` to `path` as a '<f4' `.npy` file.
  public static func write(_ tensor: Tensor, to path: String) throws(NumPyError) {
    do {
      try Data(encode(tensor)).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw NumPyError("cannot write \(path): \(error.localizedDescription)")
    }
  }

  static func readBytes(_ path: String) throws(NumPyError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw NumPyError("cannot read \(path): no such file or not readable")
    }
    return [UInt8](data)
  }

  struct Header {
    var descr: String
    var shape: [Int]
  }

  /// Parses the header's Python dict literal; only the three keys numpy writes are accepted.
  static func parseHeader(_ text: String) throws(NumPyError) -> Header {
    var scanner = LiteralScanner(text)
    var descr: String?
    var fortranOrder: Bool?
    var shape: [Int]?
    try scanner.expect("{")
    while true {
      scanner.skipSpaces()
      if scanner.consume("}") { break }
      let key = try scanner.string()
      try scanner.expect(":")
      switch key {
      case "descr": descr = try scanner.string()
      case "fortran_order": fortranOrder = try scanner.boolean()
      case "shape": shape = try scanner.intTuple()
      default: throw NumPyError(".npy header has an unexpected key '\(key)'")
      }
      scanner.skipSpaces()
      if scanner.consume(",") { continue }
      try scanner.expect("}")
      break
    }
    guard let descr, let fortranOrder, let shape else {
      throw NumPyError(".npy header lacks one of 'descr', 'fortran_order', 'shape': \(text)")
    }
    guard !fortranOrder else {
      throw NumPyError(
        ".npy array is in Fortran order; save a C-order copy (np.ascontiguousarray) instead")
    }
    guard ["<f4", "<f8", "<i8", "|u1"].contains(descr) else {
      throw NumPyError(
        ".npy dtype '\(descr)' is not supported; use float32 ('<f4'), float64 ('<f8'), int64 ('<i8') or uint8 ('|u1'), "
          + "e.g. array.astype(np.float32)")
    }
    return Header(descr: descr, shape: shape)
  }

  static func checkedCount(_ shape: [Int]) throws(NumPyError) -> Int {
    var count = 1
    for dimension in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      guard dimension >= 0, !overflow else { throw NumPyError(".npy shape \(shape) is invalid") }
      count = product
    }
    return count
  }

  /// Just enough of a Python literal reader for numpy headers: quoted strings, True/False, int tuples.
  struct LiteralScanner {
    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    mutating func skipSpaces() {
      while position < characters.count && characters[position].isWhitespace { position += 1 }
    }

    mutating func consume(_ token: Character) -> Bool {
      skipSpaces()
      guard position < characters.count, characters[position] == token else { return false }
      position += 1
      return true
    }

    mutating func expect(_ token: Character) throws(NumPyError) {
      guard consume(token) else {
        throw NumPyError(".npy header: expected '\(token)' at offset \(position)")
      }
    }

    mutating func string() throws(NumPyError) -> String {
      skipSpaces()
      guard position < characters.count, characters[position] == "'" || characters[position] == "\""
      else {
        throw NumPyError(".npy header: expected a quoted string at offset \(position)")
      }
      let quote = characters[position]
      position += 1
      var value = ""
      while position < characters.count && characters[position] != quote {
        value.append(characters[position])
        position += 1
      }
      guard position < characters.count else {
        throw NumPyError(".npy header: unterminated string")
      }
      position += 1
      return value
    }

    mutating func boolean() throws(NumPyError) -> Bool {
      skipSpaces()
      for (word, value) in [("True", true), ("False", false)]
      where characters[position...].starts(with: word) {
        position += word.count
        return value
      }
      throw NumPyError(".npy header: expected True or False at offset \(position)")
    }

    mutating func intTuple() throws(NumPyError) -> [Int] {
      try expect("(")
      var values: [Int] = []
      while true {
        skipSpaces()
        if consume(")") { return values }
        var digits = ""
        while position < characters.count
          && (characters[position].isNumber || characters[position] == "L")
        {
          if characters[position] != "L" { digits.append(characters[position]) }
          position += 1
        }
        guard let value = Int(digits) else {
          throw NumPyError(".npy header: bad shape entry at offset \(position)")
        }
        values.append(value)
        skipSpaces()
        if consume(",") { continue }
        try expect(")")
        return values
      }
    }
  }
}
