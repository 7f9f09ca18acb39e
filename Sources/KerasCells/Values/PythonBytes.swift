/// Python's `bytes`, as TensorFlow hands out the items of string tensors (`t.numpy()` of a
/// scalar, the items of its object array): `b'...'` in CPython's `repr`, `decode()`, `len`,
/// `==` with other bytes; also what a bytes literal (`b"..."`) makes.
final class PythonBytes: StandardObject {
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The bytes as UTF-8 text (invalid sequences replaced).
  var text: String { String(decoding: bytes, as: UTF8.self) }

  override var typeName: String { "bytes" }

  override func repr(_ item: (Value) -> String) -> String { Self.repr(bytes) }

  /// CPython's `bytes_repr`: single quotes unless the bytes hold one and no double quote;
  /// `\t`, `\n`, `\r`, the quote and the backslash escaped, other bytes outside printable ASCII
  /// as `\xNN`.
  static func repr(_ bytes: [UInt8]) -> String {
    let quote: UInt8 = bytes.contains(0x27) && !bytes.contains(0x22) ? 0x22 : 0x27
    var text = "b" + String(UnicodeScalar(quote))
    for byte in bytes {
      switch byte {
      case quote, 0x5C: text += "\\" + String(UnicodeScalar(byte))
      case 0x09: text += "\\t"
      case 0x0A: text += "\\n"
      case 0x0D: text += "\\r"
      case 0x20..<0x7F: text += String(UnicodeScalar(byte))
      default:
        let digits = String(byte, radix: 16)
        text += "\\x" + (digits.count == 1 ? "0" + digits : digits)
      }
    }
    return text + String(UnicodeScalar(quote))
  }

  override var comparisonKey: Value? { .string(text) }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "decode": return .method(receiver: .standard(self), name: name)
    default:
      throw .unsupported("ConvBook's bytes support decode(), len and ==, not .\(name)", at: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "decode" else { return nil }
    let arguments = StandardArguments(
      function: "decode", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let values = try arguments.bind([
      ("encoding", .string("utf-8")), ("errors", .string("strict")),
    ]).values
    guard case .string(let encoding) = values["encoding"] ?? .none,
      ["utf-8", "utf8", "UTF-8", "UTF8"].contains(encoding)
    else {
      throw .unsupported("ConvBook decodes bytes as UTF-8 only", at: site.range)
    }
    guard let decoded = String(validating: bytes, as: UTF8.self) else {
      throw .unsupported("ConvBook decodes valid UTF-8 only", at: site.range)
    }
    return .string(decoded)
  }
}
