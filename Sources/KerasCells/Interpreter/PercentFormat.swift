import CNNEngine

/// Python's printf-style `template % arguments`, built on the format-spec mini-language of
/// `PythonText.format`: conversions d, i, u, s, r, a, f, F, e, E, g, G, x, X, o and `%%`, flags
/// `-`, `+`, space, `0`, width and precision (also `*`), and `%(name)s` with a dict.
enum PercentFormat {
  static func format(
    _ template: String, _ arguments: Value, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> String {
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: message, range: range)
    }
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    var mapping: [(Value, Value)]?
    var items: [Value]
    switch arguments {
    case .tuple(let values): items = values
    case .dictionary(let pairs):
      mapping = pairs.pairs
      items = [arguments]
    default: items = [arguments]
    }
    var next = 0
    func take() throws(CellError) -> Value {
      guard next < items.count else { throw typeError("not enough arguments for format string") }
      next += 1
      return items[next - 1]
    }
    let characters = Array(template)
    var index = 0
    var result = ""
    var usedMapping = false
    while index < characters.count {
      let character = characters[index]
      index += 1
      guard character == "%" else {
        result.append(character)
        continue
      }
      let start = index - 1
      func peek() -> Character? { index < characters.count ? characters[index] : nil }
      var value: Value?
      if peek() == "(" {
        guard let mapping else { throw typeError("format requires a mapping") }
        index += 1
        var key = ""
        while let next = peek(), next != ")" {
          key.append(next)
          index += 1
        }
        guard peek() == ")" else { throw valueError("incomplete format key") }
        index += 1
        guard let found = mapping.first(where: { Operators.equal($0.0, .string(key)) }) else {
          throw CellError(type: "KeyError", message: PythonFormat.quoted(key), range: range)
        }
        value = found.1
        usedMapping = true
      }
      var align = ""
      var sign = ""
      var zero = false
      var alternate = false
      while let flag = peek(), "-+ 0#".contains(flag) {
        switch flag {
        case "#": alternate = true
        case "-": align = "<"
        case "+": sign = "+"
        case " ": if sign.isEmpty { sign = " " }
        case "0": zero = true
        default: break
        }
        index += 1
      }
      func number() throws(CellError) -> Int? {
        if peek() == "*" {
          index += 1
          guard case .int(let given) = try take() else { throw typeError("* wants int") }
          return given
        }
        var digits = ""
        while let digit = peek(), digit.isASCII, digit.isNumber {
          digits.append(digit)
          index += 1
        }
        guard !digits.isEmpty else { return nil }
        guard let parsed = Int(digits) else { throw valueError("width too big") }
        return parsed
      }
      var width = try number()
      if let given = width, given < 0 {
        align = "<"
        width = -given
      }
      var precision: Int?
      if peek() == "." {
        index += 1
        precision = try number() ?? 0
      }
      while let modifier = peek(), "hlL".contains(modifier) { index += 1 }
      guard let type = peek() else { throw valueError("incomplete format") }
      index += 1
      if type == "%" && start == index - 2 {
        result.append("%")
        continue
      }
      var argument: Value
      if let value { argument = value } else { argument = try take() }
      // A NumPy scalar is its Python number for the numeric conversions (`%s` keeps its text).
      if !"sra".contains(type) { argument = NumPyScalar.number(argument) }
      var body: Value = argument
      var code: String
      switch type {
      case "d", "i", "u":
        switch argument {
        case .int, .bigInt, .bool: body = argument
        case .float(let real): body = try Builtins.integer(real, range: range)
        default:
          throw typeError(
            "%\(type) format: a real number is required, not \(argument.typeName)")
        }
        if case .bool(let flag) = body { body = .int(flag ? 1 : 0) }
        code = "d"
      case "f", "F", "e", "E", "g", "G":
        switch argument {
        case .int, .bigInt, .float, .bool: break
        default: throw typeError("must be real number, not \(argument.typeName)")
        }
        code = String(type)
      case "s", "r", "a":
        try PythonText.requireKnownText(argument, asString: type == "s", range: range)
        body = .string(type == "s" ? PythonText.str(argument) : PythonText.repr(argument))
        code = "s"
      case "c":
        // One character: a str of length 1, or an int's code point (`'%c' % (block + 97)`).
        let character: String
        switch argument {
        case .string(let text) where text.unicodeScalars.count == 1: character = text
        case .int, .bool, .bigInt:
          var point = -1
          if case .int(let number) = argument { point = number }
          if case .bool(let flag) = argument { point = flag ? 1 : 0 }
          guard (0..<0x11_0000).contains(point) else {
            throw CellError(
              type: "OverflowError", message: "%c arg not in range(0x110000)", range: range)
          }
          guard let scalar = Unicode.Scalar(point) else {
            throw .unsupported(
              "ConvBook does not support %c of a surrogate code point yet", at: range)
          }
          character = String(Character(scalar))
        default: throw typeError("%c requires int or char")
        }
        body = .string(character)
        code = "s"
        precision = nil
      case "x", "X", "o":
        switch argument {
        case .int, .bool: body = argument
        case .bigInt:
          throw .unsupported(
            "ConvBook does not support %\(type) of integers beyond 64 bits yet", at: range)
        default:
          throw typeError("%\(type) format: an integer is required, not \(argument.typeName)")
        }
        code = String(type)
        // Precision is a minimum digit count for these; model code does not use it.
        precision = nil
      default:
        let scalar = type.unicodeScalars.first!.value
        throw valueError(
          "unsupported format character '\(type)' (0x\(String(scalar, radix: 16))) at index \(index - 1)"
        )
      }
      // printf pads on the left unless `-` is given (the mini-language's default for text is the
      // right); `0` pads numbers after the sign.
      let zeroPadded = zero && align.isEmpty && code != "s"
      var spec = (align.isEmpty && !zeroPadded ? ">" : align) + sign + (alternate ? "#" : "")
      if zeroPadded { spec += "0" }
      if let width { spec += String(width) }
      if let precision { spec += "." + String(precision) }
      if code != "s" { spec += code }
      result += try PythonText.format(body, spec: spec, range: range, budget: budget)
      try budget.allocate(bytes: result.utf8.count, at: range)
    }
    if next < items.count && !usedMapping && mapping == nil {
      throw typeError("not all arguments converted during string formatting")
    }
    return result
  }
}
