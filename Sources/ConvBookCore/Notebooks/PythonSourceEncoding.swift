import Foundation

/// A `.py` file's encoding declaration (PEP 263: `# -*- coding: gbk -*-` on its first or second
/// line) and what CPython 3.11 makes of the file's bytes with it, as `python NAME.py` (runpy)
/// reads them: the tokenizer turns `\r\n` and lone `\r` into `\n` and decodes the file with the
/// declared codec; a byte of the file's first 8 KiB the codec cannot decode is the `SyntaxError`
/// "encoding problem: gbk" before anything runs (a UTF-8 file declared `gbk`, which Chinese
/// editors leave behind, fails so).
///
/// UTF-8 (and no declaration) is the common case and reads as before (`TextFile.read`). Latin-1,
/// ASCII, cp1252 and GBK are decoded as CPython decodes them; a file of ASCII bytes only reads the
/// same in every ASCII-compatible codec; any other codec with other bytes is ConvBook's limitation.
enum PythonSourceEncoding {
  /// What the bytes are as Python source.
  enum Decoded: Equatable {
    /// The text to run (newlines as Python reads them).
    case text(String)
    /// CPython's `SyntaxError` message ("encoding problem: ascii", printed without a place): the
    /// file cannot be decoded with its declared codec.
    case syntaxError(String)
    /// A codec ConvBook does not decode (for bytes beyond ASCII).
    case unsupported(String)
  }

  /// The declared codec's name as CPython's tokenizer reads it (`get_coding_spec`, then
  /// `get_normal_name`: `utf-8`, `iso-8859-1` or the name as written), or nil when the first two
  /// lines declare none. The second line counts only when the first holds nothing but a comment.
  static func declaration(_ bytes: [UInt8]) -> (name: String, line: Int)? {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      lines.append(bytes[start...index])
      start = index + 1
      if lines.count == 2 { break }
    }
    // CPython looks at a line only once its newline is there.
    for (index, line) in lines.enumerated() {
      if let name = codingSpec(line) { return (normalName(name), index + 1) }
      if !isCommentOrBlank(line) { return nil }
    }
    return nil
  }

  /// `line`'s `coding[:=] NAME` when the line is a comment (only blanks before its `#`).
  private static func codingSpec(_ line: ArraySlice<UInt8>) -> String? {
    let blanks: Set<UInt8> = [0x20, 0x09, 0x0C]
    let bytes = Array(line)
    let count = bytes.count
    var index = 0
    while index < count - 6 {
      if bytes[index] == UInt8(ascii: "#") { break }
      if !blanks.contains(bytes[index]) { return nil }
      index += 1
    }
    let coding = Array("coding".utf8)
    while index < count - 6 {
      defer { index += 1 }
      guard Array(bytes[index..<index + 6]) == coding else { continue }
      var cursor = index + 6
      guard cursor < count, bytes[cursor] == UInt8(ascii: ":") || bytes[cursor] == UInt8(ascii: "=")
      else { continue }
      repeat {
        cursor += 1
      } while cursor < count && (bytes[cursor] == 0x20 || bytes[cursor] == 0x09)
      let begin = cursor
      while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
      if cursor > begin { return String(decoding: bytes[begin..<cursor], as: UTF8.self) }
    }
    return nil
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A)
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
  }

  /// Whether a line holds only blanks and possibly a comment (CPython then reads the next line's
  /// declaration too).
  private static func isCommentOrBlank(_ line: ArraySlice<UInt8>) -> Bool {
    for byte in line {
      if byte == UInt8(ascii: "#") || byte == 0x0A || byte == 0x0D { return true }
      if byte != 0x20 && byte != 0x09 && byte != 0x0C { return false }
    }
    return true
  }

  /// CPython's `get_normal_name`: the UTF-8 and Latin-1 spellings it knows, from the name's
  /// first 12 characters lowercased with `_` as `-`.
  private static func normalName(_ name: String) -> String {
    let head = String(name.prefix(12)).lowercased().replacingOccurrences(of: "_", with: "-")
    if head == "utf-8" || head.hasPrefix("utf-8-") { return "utf-8" }
    if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(head)
      || ["latin-1-", "iso-8859-1-", "iso-latin-1-"].contains(where: { head.hasPrefix($0) })
    {
      return "iso-8859-1"
    }
    return name
  }

  /// The codec a name finds, as `codecs.lookup` normalizes it (lowercase, runs of characters other
  /// than letters, digits and `.` as one `_`), or nil for no codec.
  static func codecKey(_ name: String) -> String? {
    var key = ""
    var pendingSeparator = false
    for character in name.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber || character == ".") {
        if pendingSeparator && !key.isEmpty { key.append("_") }
        pendingSeparator = false
        key.append(character)
      } else {
        pendingSeparator = true
      }
    }
    let dotted = key.replacingOccurrences(of: ".", with: "_")
    for candidate in [key, dotted]
    where asciiCompatibleCodecs.contains(candidate) || otherCodecs.contains(candidate) {
      return candidate
    }
    return nil
  }

  static let utf8Names: Set<String> = [
    "utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4",
  ]
  static let latin1Names: Set<String> = [
    "latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "iso_8859_1_1987", "8859",
    "iso8859", "cp819", "ibm819", "csisolatin1", "iso_ir_100",
  ]
  static let asciiNames: Set<String> = [
    "ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii",
    "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii",
  ]
  static let cp1252Names: Set<String> = ["cp1252", "windows_1252", "1252"]
  static let gbkNames: Set<String> = ["gbk", "cp936", "936", "ms936"]

  /// The file's bytes (`bytes`, a UTF-8 byte order mark already taken off by the caller when
  /// there was one) with `name` declared on line `line`: nil when they read as UTF-8 (the
  /// caller's usual path).
  ///
  /// `python FILE.py` switches its tokenizer to the codec right after the declaration's line
  /// (`fp_setreadl`): it opens the file as text in that codec and reads one line, from the last
  /// byte of the declaration's line on, which decodes a first chunk of 8192 bytes. A codec Python
  /// does not know, or a byte in that chunk the codec cannot decode, is the `SyntaxError`
  /// "encoding problem: NAME" before anything runs, without a place. A bad byte further on stops
  /// the parser where it has read to, which ConvBook does not follow.
  static func decode(_ bytes: [UInt8], declared name: String, line: Int) -> Decoded? {
    guard let key = codecKey(name) else { return .syntaxError("encoding problem: \(name)") }
    if utf8Names.contains(key) { return nil }
    let source = translatedNewlines(bytes)
    if latin1Names.contains(key) {
      return .text(String(String.UnicodeScalarView(source.map { Unicode.Scalar($0) })))
    }
    let badByte: Int?
    if asciiNames.contains(key) {
      badByte = bytes.firstIndex { $0 >= 0x80 }
    } else if cp1252Names.contains(key) {
      badByte = bytes.firstIndex { (0x80...0x9F).contains($0) && cp1252High[Int($0) - 0x80] == nil }
    } else if gbkNames.contains(key) {
      badByte = firstBadGBKByte(bytes)
    } else if asciiCompatibleCodecs.contains(key), bytes.allSatisfy({ $0 < 0x80 }) {
      badByte = nil
    } else {
      return .unsupported(
        "ConvBook does not support source files in the `\(name)` encoding yet (save the file as UTF-8)"
      )
    }
    if let badByte {
      // The first chunk starts at the declaration line's newline.
      var newlines = 0
      let lineEnd = bytes.firstIndex { byte in
        if byte == 0x0A { newlines += 1 }
        return newlines == line
      }
      if let lineEnd, badByte < lineEnd + 8192 {
        return .syntaxError("encoding problem: \(name)")
      }
      return .unsupported(
        "ConvBook does not support a source file whose bytes after its first 8192 do not decode in its declared `\(name)` encoding yet (the byte at offset \(badByte); save the file as UTF-8)"
      )
    }
    if cp1252Names.contains(key) { return .text(decodeCP1252(source)) }
    if gbkNames.contains(key) {
      guard let text = convertWithIconv(source, from: "GBK") else {
        return .unsupported(
          "ConvBook does not support source files in the `gbk` encoding here (this system's C library has no GBK converter; save the file as UTF-8)"
        )
      }
      return .text(text)
    }
    return .text(String(decoding: source, as: UTF8.self))
  }

  /// The bytes as CPython's tokenizer hands them to the codec: `\r\n` and a lone `\r` as `\n`.
  static func translatedNewlines(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0D {
        out.append(0x0A)
        if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
      } else {
        out.append(byte)
      }
      index += 1
    }
    return out
  }

  /// Windows-1252's characters for 0x80...0x9F (nil: undefined, which Python's `cp1252` codec
  /// cannot decode); every other byte is its Latin-1 character.
  private static let cp1252High: [UInt32?] = [
    0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, nil, 0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
  ]

  /// Windows-1252 text of bytes it decodes (`decode` checked them).
  private static func decodeCP1252(_ source: [UInt8]) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in source {
      if (0x80...0x9F).contains(byte), let value = cp1252High[Int(byte) - 0x80],
        let scalar = Unicode.Scalar(value)
      {
        scalars.append(scalar)
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  /// The offset of the first byte Python's `gbk` codec cannot decode: a lead byte 0x81...0xFE
  /// takes a trail byte 0x40...0x7E or 0x80...0xFE as one character, unless the pair is one of
  /// the user-defined ones Python leaves unmapped (`gbkUnmapped`); a lead byte the input ends on
  /// is incomplete. Nil when all decode; the characters then come from the C library's GBK
  /// converter (`iconv`), which maps every pair Python maps to the same character.
  private static func firstBadGBKByte(_ source: [UInt8]) -> Int? {
    var index = 0
    while index < source.count {
      let lead = source[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      guard index + 1 < source.count else { return index }
      let trail = source[index + 1]
      guard lead != 0x80, lead != 0xFF,
        (0x40...0x7E).contains(trail) || (0x80...0xFE).contains(trail),
        !isUnmappedGBK(lead: lead, trail: trail)
      else { return index }
      index += 2
    }
    return nil
  }

  /// The pairs of GBK's user-defined areas that Python's `gbk` codec does not decode, by lead
  /// byte: ranges of trail bytes (measured with CPython 3.11 over every lead and trail byte).
  private static let gbkUnmapped: [UInt8: [ClosedRange<UInt8>]] = [
    0xA1: [0x40...0xA0], 0xA2: [0x40...0xA0, 0xAB...0xB0, 0xE3...0xE4, 0xEF...0xF0, 0xFD...0xFE],
    0xA3: [0x40...0xA0], 0xA4: [0x40...0xA0, 0xF4...0xFE], 0xA5: [0x40...0xA0, 0xF7...0xFE],
    0xA6: [0x40...0xA0, 0xB9...0xC0, 0xD9...0xDF, 0xEC...0xED, 0xF3...0xF3, 0xF6...0xFE],
    0xA7: [0x40...0xA0, 0xC2...0xD0, 0xF2...0xFE],
    0xA8: [0x96...0xA0, 0xBC...0xBC, 0xBF...0xBF, 0xC1...0xC4, 0xEA...0xFE],
    0xA9: [0x58...0x58, 0x5B...0x5B, 0x5D...0x5F, 0x89...0x95, 0x97...0xA3, 0xF0...0xFE],
    0xAA: [0xA1...0xFE], 0xAB: [0xA1...0xFE], 0xAC: [0xA1...0xFE], 0xAD: [0xA1...0xFE],
    0xAE: [0xA1...0xFE], 0xAF: [0xA1...0xFE], 0xD7: [0xFA...0xFE], 0xF8: [0xA1...0xFE],
    0xF9: [0xA1...0xFE], 0xFA: [0xA1...0xFE], 0xFB: [0xA1...0xFE], 0xFC: [0xA1...0xFE],
    0xFD: [0xA1...0xFE], 0xFE: [0x50...0xFE],
  ]

  private static func isUnmappedGBK(lead: UInt8, trail: UInt8) -> Bool {
    gbkUnmapped[lead]?.contains { $0.contains(trail) } ?? false
  }

  /// `bytes` in `encoding`, converted to text by the C library, or nil when it has no such
  /// converter or the bytes do not convert.
  private static func convertWithIconv(_ bytes: [UInt8], from encoding: String) -> String? {
    let converter = iconv_open("UTF-8", encoding)
    guard let converter, Int(bitPattern: converter) != -1 else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    // At most 3 UTF-8 bytes for each 2-byte character, 1 for each ASCII byte.
    var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
    let outputCount = output.count
    var inputLeft = input.count
    var outputLeft = outputCount
    let result = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer in
        var inputPointer = inputBuffer.baseAddress
        var outputPointer = outputBuffer.baseAddress
        return iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
      }
    }
    guard result != -1, inputLeft == 0 else { return nil }
    let produced = output[..<(outputCount - outputLeft)].map { UInt8(bitPattern: $0) }
    return String(decoding: produced, as: UTF8.self)
  }
}
