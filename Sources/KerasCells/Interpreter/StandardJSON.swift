import BigInt
import CNNEngine

/// Python's `json`: `dumps` (CPython's encoder: separators, `indent`, `sort_keys`,
/// `ensure_ascii`, `default=`) and `loads` (its decoder, with `JSONDecodeError`'s messages and
/// positions). `dump` and `load` work on files, which cells do not open.
enum StandardJSON {
  static let decodeError = "json.decoder.JSONDecodeError"

  static func attribute(_ name: String) -> Value? {
    switch name {
    case "dumps", "loads", "dump", "load": return StandardLibrary.function("json", name)
    case "JSONDecodeError":
      return .function(Callable(.builtin(decodeError), path: decodeError))
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    switch name {
    case "dumps":
      let (values, _) = try arguments.bind(
        [("obj", nil)],
        keywordOnly: [
          ("skipkeys", .bool(false)), ("ensure_ascii", .bool(true)),
          ("check_circular", .bool(true)), ("allow_nan", .bool(true)), ("cls", .none),
          ("indent", .none), ("separators", .none), ("default", .none),
          ("sort_keys", .bool(false)),
        ])
      var encoder = Encoder(arguments: arguments)
      encoder.ensureASCII = values["ensure_ascii"]!.isTruthy
      encoder.sortKeys = values["sort_keys"]!.isTruthy
      encoder.skipKeys = values["skipkeys"]!.isTruthy
      encoder.allowNaN = values["allow_nan"]!.isTruthy
      encoder.fallback = values["default"]!
      if case .none = values["cls"]! {
      } else {
        throw .unsupported("ConvBook does not support json.dumps(cls=...) yet", at: arguments.range)
      }
      switch values["indent"]! {
      case .none: break
      case .int(let spaces): encoder.indent = String(repeating: " ", count: max(0, spaces))
      case .string(let text): encoder.indent = text
      case let other:
        throw arguments.typeError("can't multiply sequence by non-int of type '\(other.typeName)'")
      }
      encoder.itemSeparator = encoder.indent == nil ? ", " : ","
      if case .none = values["separators"]! {
      } else {
        let pair = try arguments.interpreter.iterate(values["separators"]!, range: arguments.range)
        guard pair.count == 2, let item = pair[0].stringValue, let key = pair[1].stringValue else {
          throw .unsupported(
            "ConvBook's json.dumps takes separators as a pair of strings", at: arguments.range)
        }
        encoder.itemSeparator = item
        encoder.keySeparator = key
      }
      var text = ""
      try encoder.encode(values["obj"]!, into: &text, level: 0)
      return .string(text)
    case "loads":
      let (values, _) = try arguments.bind([("s", nil)], keywordOnly: [])
      guard case .string(let text) = values["s"]! else {
        throw arguments.typeError(
          "the JSON object must be str, bytes or bytearray, not \(values["s"]!.typeName)")
      }
      var decoder = Decoder(text: Array(text.unicodeScalars), range: arguments.range)
      return try decoder.document(arguments.interpreter)
    default:
      throw .unsupported(
        "json.\(name) reads or writes a file, which ConvBook cells do not do; use json.\(name)s",
        at: arguments.range)
    }
  }

  /// CPython's `json.encoder`, over cell values.
  struct Encoder {
    let arguments: StandardArguments
    var ensureASCII = true
    var sortKeys = false
    var skipKeys = false
    var allowNaN = true
    var indent: String?
    var itemSeparator = ", "
    var keySeparator = ": "
    var fallback = Value.none

    init(arguments: StandardArguments) { self.arguments = arguments }

    func float(_ number: Double) throws(CellError) -> String {
      if number.isNaN || number.isInfinite {
        guard allowNaN else {
          throw CellError(
            type: "ValueError",
            message: "Out of range float values are not JSON compliant", range: arguments.range)
        }
        return number.isNaN ? "NaN" : number < 0 ? "-Infinity" : "Infinity"
      }
      return PythonFormat.float(number)
    }

    func string(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
          if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
            if scalar.value > 0xFFFF {
              let value = scalar.value - 0x10000
              out += hex(0xD800 + (value >> 10)) + hex(0xDC00 + (value & 0x3FF))
            } else {
              out += hex(scalar.value)
            }
          } else {
            out.unicodeScalars.append(scalar)
          }
        }
      }
      return out + "\""
    }

    private func hex(_ value: UInt32) -> String {
      let digits = String(value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    func encode(_ value: Value, into out: inout String, level: Int) throws(CellError) {
      try arguments.interpreter.step(at: arguments.range)
      if level > PythonText.maximumNesting {
        throw CellError(
          type: "RecursionError",
          message: "maximum recursion depth exceeded while encoding a JSON object",
          range: arguments.range)
      }
      switch value {
      case .none: out += "null"
      case .bool(let flag): out += flag ? "true" : "false"
      case .int(let number): out += String(number)
      case .bigInt(let number):
        guard let digits = PythonInteger.decimal(number) else {
          throw CellError(
            type: "ValueError", message: PythonInteger.stringLimitMessage, range: arguments.range)
        }
        out += digits
      case .float(let number): out += try float(number)
      case .string(let text): out += string(text)
      case _ where value.sequenceItems != nil:
        let items = value.sequenceItems ?? []
        guard !items.isEmpty else {
          out += "[]"
          return
        }
        out += "["
        for (index, item) in items.enumerated() {
          if index > 0 { out += itemSeparator }
          out += newline(level + 1)
          try encode(item, into: &out, level: level + 1)
        }
        out += newline(level) + "]"
      case .dictionary(let dictionary):
        guard !dictionary.isEmpty else {
          out += "{}"
          return
        }
        var pairs = dictionary.pairs
        if sortKeys {
          pairs = try ContainerMethods.sorted(
            pairs.map { .tuple([$0.0, $0.1]) }, key: nil, reverse: false, site: arguments.site,
            interpreter: arguments.interpreter
          ).map { item in
            let pair = item.sequenceItems ?? []
            return (pair[0], pair[1])
          }
        }
        out += "{"
        var first = true
        for (key, item) in pairs {
          let keyText: String
          switch key {
          case .string(let text): keyText = text
          case .bool(let flag): keyText = flag ? "true" : "false"
          case .none: keyText = "null"
          case .int(let number): keyText = String(number)
          case .float(let number): keyText = try float(number)
          default:
            if skipKeys { continue }
            throw arguments.typeError(
              "keys must be str, int, float, bool or None, not \(key.typeName)")
          }
          if !first { out += itemSeparator }
          first = false
          out += newline(level + 1) + string(keyText) + keySeparator
          try encode(item, into: &out, level: level + 1)
        }
        out += newline(level) + "}"
      default:
        if case .none = fallback {
          let typeName = value.typeName
          throw arguments.typeError("Object of type \(typeName) is not JSON serializable")
        }
        try encode(try arguments.call(fallback, [value]), into: &out, level: level + 1)
      }
    }

    private func newline(_ level: Int) -> String {
      guard let indent else { return "" }
      return "\n" + String(repeating: indent, count: level)
    }
  }

  /// CPython's `json.decoder` (strict mode), over the text's code points.
  struct Decoder {
    let text: [Unicode.Scalar]
    let range: SourceRange
    var position = 0

    init(text: [Unicode.Scalar], range: SourceRange) {
      self.text = text
      self.range = range
    }

    /// `JSONDecodeError(message, doc, pos)`: "message: line L column C (char P)".
    func failure(_ message: String, at index: Int) -> CellError {
      var line = 1
      var lineStart = 0
      for (offset, scalar) in text.prefix(index).enumerated() where scalar == "\n" {
        line += 1
        lineStart = offset + 1
      }
      return CellError(
        type: StandardJSON.decodeError,
        message: "\(message): line \(line) column \(index - lineStart + 1) (char \(index))",
        range: range)
    }

    mutating func skipSpace() {
      while position < text.count, [" ", "\t", "\n", "\r"].contains(text[position]) {
        position += 1
      }
    }

    mutating func document(_ interpreter: Interpreter) throws(CellError) -> Value {
      skipSpace()
      let value = try self.value(interpreter, depth: 0)
      skipSpace()
      if position < text.count { throw failure("Extra data", at: position) }
      return value
    }

    private func matches(_ word: String) -> Bool {
      let scalars = Array(word.unicodeScalars)
      return position + scalars.count <= text.count
        && Array(text[position..<(position + scalars.count)]) == scalars
    }

    mutating func value(_ interpreter: Interpreter, depth: Int) throws(CellError) -> Value {
      try interpreter.step(at: range)
      guard depth <= PythonText.maximumNesting else {
        throw CellError(
          type: "RecursionError",
          message:
            "maximum recursion depth exceeded while decoding a JSON array from a unicode string",
          range: range)
      }
      guard position < text.count else { throw failure("Expecting value", at: position) }
      for (word, value) in [
        ("null", Value.none), ("true", .bool(true)), ("false", .bool(false)),
        ("NaN", .float(.nan)), ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity)),
      ] where matches(word) {
        position += word.count
        return value
      }
      switch text[position] {
      case "\"": return .string(try string())
      case "[":
        position += 1
        skipSpace()
        var items: [Value] = []
        if position < text.count, text[position] == "]" {
          position += 1
          return .list([])
        }
        while true {
          skipSpace()
          try interpreter.budget.allocate(slots: 1, at: range)
          items.append(try value(interpreter, depth: depth + 1))
          skipSpace()
          guard position < text.count else {
            throw failure("Expecting ',' delimiter", at: position)
          }
          if text[position] == "]" {
            position += 1
            return .list(items)
          }
          guard text[position] == "," else {
            throw failure("Expecting ',' delimiter", at: position)
          }
          position += 1
        }
      case "{":
        position += 1
        skipSpace()
        let dictionary = PythonDict()
        if position < text.count, text[position] == "}" {
          position += 1
          return .dictionary(dictionary)
        }
        while true {
          skipSpace()
          guard position < text.count, text[position] == "\"" else {
            throw failure("Expecting property name enclosed in double quotes", at: position)
          }
          let key = try string()
          skipSpace()
          guard position < text.count, text[position] == ":" else {
            throw failure("Expecting ':' delimiter", at: position)
          }
          position += 1
          skipSpace()
          let item = try value(interpreter, depth: depth + 1)
          try interpreter.budget.allocate(slots: 2, at: range)
          dictionary.set(.string(key), item)
          skipSpace()
          guard position < text.count else {
            throw failure("Expecting ',' delimiter", at: position)
          }
          if text[position] == "}" {
            position += 1
            return .dictionary(dictionary)
          }
          guard text[position] == "," else {
            throw failure("Expecting ',' delimiter", at: position)
          }
          position += 1
        }
      default: return try number()
      }
    }

    mutating func number() throws(CellError) -> Value {
      let start = position
      func digits() -> Int {
        let begin = position
        while position < text.count, ("0"..."9").contains(text[position]) { position += 1 }
        return position - begin
      }
      if position < text.count, text[position] == "-" { position += 1 }
      guard position < text.count, ("0"..."9").contains(text[position]) else {
        position = start
        throw failure("Expecting value", at: start)
      }
      if text[position] == "0" { position += 1 } else { _ = digits() }
      var isFloat = false
      if position + 1 < text.count, text[position] == ".", ("0"..."9").contains(text[position + 1])
      {
        position += 1
        _ = digits()
        isFloat = true
      }
      if position < text.count, text[position] == "e" || text[position] == "E" {
        let mark = position
        position += 1
        if position < text.count, text[position] == "+" || text[position] == "-" { position += 1 }
        if digits() == 0 { position = mark } else { isFloat = true }
      }
      var literal = ""
      literal.unicodeScalars.append(contentsOf: text[start..<position])
      if isFloat { return .float(Double(literal) ?? .nan) }
      if let small = Int(literal) { return .int(small) }
      return PythonInteger.value(BigInt(literal) ?? 0)
    }

    mutating func string() throws(CellError) -> String {
      let start = position
      position += 1
      var out = String.UnicodeScalarView()
      while true {
        guard position < text.count else {
          throw failure("Unterminated string starting at", at: start)
        }
        let scalar = text[position]
        position += 1
        switch scalar {
        case "\"": return String(out)
        case "\\":
          guard position < text.count else {
            throw failure("Unterminated string starting at", at: start)
          }
          let escape = text[position]
          position += 1
          switch escape {
          case "\"": out.append("\"")
          case "\\": out.append("\\")
          case "/": out.append("/")
          case "b": out.append("\u{08}")
          case "f": out.append("\u{0C}")
          case "n": out.append("\n")
          case "r": out.append("\r")
          case "t": out.append("\t")
          case "u":
            var code = try hex4(escapeAt: position - 2)
            if (0xD800...0xDBFF).contains(code), position + 1 < text.count,
              text[position] == "\\", text[position + 1] == "u"
            {
              let mark = position
              position += 2
              let low = try hex4(escapeAt: mark)
              if (0xDC00...0xDFFF).contains(low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
              } else {
                position = mark
              }
            }
            // A lone surrogate cannot be a Swift string's scalar: ConvBook's limitation.
            guard let made = Unicode.Scalar(code) else {
              throw .unsupported(
                "ConvBook does not support lone surrogates (\\u\(String(code, radix: 16))) in strings",
                at: range)
            }
            out.append(made)
          default:
            throw failure("Invalid \\escape", at: position - 2)
          }
        default:
          if scalar.value < 0x20 { throw failure("Invalid control character at", at: position - 1) }
          out.append(scalar)
        }
      }
    }

    private mutating func hex4(escapeAt start: Int) throws(CellError) -> UInt32 {
      guard position + 4 <= text.count else { throw failure("Invalid \\uXXXX escape", at: start) }
      var literal = ""
      literal.unicodeScalars.append(contentsOf: text[position..<(position + 4)])
      guard literal.allSatisfy(\.isHexDigit), let code = UInt32(literal, radix: 16) else {
        throw failure("Invalid \\uXXXX escape", at: start)
      }
      position += 4
      return code
    }
  }
}
