/// Decodes the body of a string or bytes literal: escape sequences, and
/// line breaks normalised to `\n` as Python does when reading source.
struct StringLiteralDecoder {
  struct Failure: Error {
    var message: String
    /// CPython reports escape errors at the token after the literal, but
    /// non-ASCII bytes at the literal itself.
    var isAtLiteral = false
  }

  private let scalars: [Unicode.Scalar]
  private let isRaw: Bool
  /// Set when a `\N{...}` escape was replaced by U+FFFD: resolving Unicode
  /// character names is not supported.
  private(set) var usesNamedEscape = false

  init<Scalars: Sequence<Unicode.Scalar>>(scalars: Scalars, isRaw: Bool) {
    self.scalars = Array(scalars)
    self.isRaw = isRaw
  }

  mutating func decodeString() throws(Failure) -> String {
    var result = String.UnicodeScalarView()
    try decode(
      append: { result.append($0) },
      escape: { decoder, escape, start, index throws(Failure) in
        switch escape {
        case "x":
          result.append(
            try decoder.hexEscape(digits: 2, name: "\\xXX", start: start, index: &index))
        case "u":
          result.append(
            try decoder.hexEscape(digits: 4, name: "\\uXXXX", start: start, index: &index))
        case "U":
          result.append(
            try decoder.hexEscape(digits: 8, name: "\\UXXXXXXXX", start: start, index: &index))
        case "N":
          decoder.usesNamedEscape = true
          if index < decoder.scalars.count && decoder.scalars[index] == "{" {
            while index < decoder.scalars.count && decoder.scalars[index] != "}" { index += 1 }
            index += 1
          }
          result.append("\u{FFFD}")
        default: return false
        }
        return true
      })
    return String(result)
  }

  mutating func decodeBytes() throws(Failure) -> [UInt8] {
    if scalars.contains(where: { $0.value >= 128 }) {
      throw Failure(message: "bytes can only contain ASCII literal characters", isAtLiteral: true)
    }
    var result: [UInt8] = []
    try decode(
      append: { result.append(UInt8(truncatingIfNeeded: $0.value)) },
      escape: { decoder, escape, start, index throws(Failure) in
        guard escape == "x" else { return false }
        var value: UInt32 = 0
        for _ in 0..<2 {
          guard index < decoder.scalars.count,
            let digit = UInt32(String(decoder.scalars[index]), radix: 16)
          else {
            throw Failure(
              message:
                "(value error) invalid \\x escape at position \(decoder.byteOffset(of: start))")
          }
          value = value * 16 + digit
          index += 1
        }
        result.append(UInt8(value))
        return true
      })
    return result
  }

  /// Shared escape handling; `escape` handles the escapes specific to str or
  /// bytes and returns `false` for ones it does not know.
  private mutating func decode(
    append: (Unicode.Scalar) -> Void,
    escape: (inout StringLiteralDecoder, Unicode.Scalar, Int, inout Int) throws(Failure) -> Bool
  ) throws(Failure) {
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\r" {
        append("\n")
        index += index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
        continue
      }
      guard scalar == "\\" && !isRaw && index + 1 < scalars.count else {
        append(scalar)
        index += 1
        continue
      }
      let start = index
      let code = scalars[index + 1]
      index += 2
      switch code {
      case "\n":
        break
      case "\r":
        if index < scalars.count && scalars[index] == "\n" { index += 1 }
      case "\\", "'", "\"":
        append(code)
      case "a": append("\u{07}")
      case "b": append("\u{08}")
      case "f": append("\u{0C}")
      case "n": append("\n")
      case "r": append("\r")
      case "t": append("\t")
      case "v": append("\u{0B}")
      case "0"..."7":
        var value = code.value - 48
        var digits = 1
        while digits < 3, index < scalars.count, scalars[index] >= "0" && scalars[index] <= "7" {
          value = value * 8 + scalars[index].value - 48
          index += 1
          digits += 1
        }
        append(Unicode.Scalar(value) ?? "\u{FFFD}")
      default:
        if try !escape(&self, code, start, &index) {
          // Python keeps unknown escapes as written.
          append("\\")
          append(code)
        }
      }
    }
  }

  private func hexEscape(digits: Int, name: String, start: Int, index: inout Int) throws(Failure)
    -> Unicode.Scalar
  {
    var value: UInt32 = 0
    for _ in 0..<digits {
      guard index < scalars.count, let digit = UInt32(String(scalars[index]), radix: 16) else {
        throw Failure(
          message:
            "(unicode error) 'unicodeescape' codec can't decode bytes in position \(byteOffset(of: start))-\(byteOffset(of: index) - 1): truncated \(name) escape"
        )
      }
      value = value * 16 + digit
      index += 1
    }
    guard value <= 0x10FFFF else {
      throw Failure(
        message:
          "(unicode error) 'unicodeescape' codec can't decode bytes in position \(byteOffset(of: start))-\(byteOffset(of: index) - 1): illegal Unicode character"
      )
    }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// Python reports escape errors by UTF-8 byte position in the body.
  private func byteOffset(of index: Int) -> Int {
    scalars[..<min(index, scalars.count)].reduce(0) { $0 + UTF8.width($1) }
  }
}
