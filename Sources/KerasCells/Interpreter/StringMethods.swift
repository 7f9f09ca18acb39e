/// The `str` methods model code uses beyond the basic ones of `Methods.stringMethod`: stripping
/// with characters, `splitlines`, `split` with `maxsplit`, searching, padding and the `is...`
/// tests, as CPython 3.11 defines them (indexes count code points).
enum StringMethods {
  /// The result of `text.name(...)`, or nil when `str` has no such method here.
  static func call(
    _ name: String, _ text: String, _ positional: [Value], _ keywords: [(String, Value)],
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value? {
    let scalars = Array(text.unicodeScalars)
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: message, range: range)
    }
    func padWidth(_ value: Value) throws(CellError) -> Int {
      try PythonInteger.sizeArgument(value, range: range)
    }
    func noKeywords() throws(CellError) {
      if let (label, _) = keywords.first {
        throw typeError("str.\(name)() takes no keyword arguments (got '\(label)')")
      }
    }
    func arguments(_ minimum: Int, _ maximum: Int) throws(CellError) {
      guard positional.count >= minimum, positional.count <= maximum else {
        if positional.count < minimum {
          throw typeError(
            "\(name)() takes \(minimum == maximum ? "exactly" : "at least") \(minimum) argument\(minimum == 1 ? "" : "s") (\(positional.count) given)"
          )
        }
        throw typeError(
          "\(name)() takes at most \(maximum) argument\(maximum == 1 ? "" : "s") (\(positional.count) given)"
        )
      }
    }
    func string(_ index: Int) throws(CellError) -> String {
      guard let value = NumPyStringArray.text(positional[index]) else {
        throw typeError("must be str, not \(positional[index].typeName)")
      }
      return value
    }
    func optionalCharacters() throws(CellError) -> Set<Unicode.Scalar>? {
      guard let first = positional.first else { return nil }
      switch first {
      case .none: return nil
      case .string(let characters): return Set(characters.unicodeScalars)
      default: throw typeError("\(name) arg must be None or str")
      }
    }
    func made(_ result: [Unicode.Scalar]) throws(CellError) -> Value {
      try budget.allocate(bytes: result.count, at: range)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: result)
      return .string(String(view))
    }
    switch name {
    case "lstrip", "rstrip", "strip":
      try noKeywords()
      try arguments(0, 1)
      let characters = try optionalCharacters()
      func strips(_ scalar: Unicode.Scalar) -> Bool {
        characters?.contains(scalar) ?? PythonText.isSpace(scalar)
      }
      var start = 0
      var end = scalars.count
      if name != "rstrip" { while start < end && strips(scalars[start]) { start += 1 } }
      if name != "lstrip" { while end > start && strips(scalars[end - 1]) { end -= 1 } }
      return try made(Array(scalars[start..<end]))
    case "splitlines":
      var keepEnds = false
      if let first = positional.first { keepEnds = first.isTruthy }
      for (label, value) in keywords {
        guard label == "keepends" else {
          throw typeError("splitlines() got an unexpected keyword argument '\(label)'")
        }
        keepEnds = value.isTruthy
      }
      try arguments(0, 1)
      try budget.allocate(count: scalars.count, size: 16, at: range)
      var lines: [Value] = []
      var start = 0
      var index = 0
      while index < scalars.count {
        let scalar = scalars[index]
        // str.splitlines' boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
        let isBreak = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(
          scalar.value)
        guard isBreak else {
          index += 1
          continue
        }
        var next = index + 1
        if scalar.value == 0x0D, next < scalars.count, scalars[next].value == 0x0A { next += 1 }
        lines.append(try made(Array(scalars[start..<(keepEnds ? next : index)])))
        start = next
        index = next
      }
      if start < scalars.count { lines.append(try made(Array(scalars[start...]))) }
      return .list(lines)
    case "split", "rsplit":
      var separator: Value = positional.first ?? .none
      var maximum: Value = positional.count > 1 ? positional[1] : .int(-1)
      try arguments(0, 2)
      for (label, value) in keywords {
        switch label {
        case "sep": separator = value
        case "maxsplit": maximum = value
        default: throw typeError("\(name)() got an unexpected keyword argument '\(label)'")
        }
      }
      // The argument clinic's `Py_ssize_t` conversion (`"a,b".split(",", 2**63)`).
      var limit = try PythonInteger.sizeArgument(maximum, range: range)
      if limit < 0 { limit = Int.max }
      try budget.allocate(count: scalars.count + 1, size: 16, at: range)
      var pieces: [[Unicode.Scalar]] = []
      let reversed = name == "rsplit"
      let source = reversed ? Array(scalars.reversed()) : scalars
      switch separator {
      case .none:
        var index = 0
        while index < source.count {
          while index < source.count && PythonText.isSpace(source[index]) { index += 1 }
          guard index < source.count else { break }
          if pieces.count == limit {
            // CPython keeps the rest as it is, trailing whitespace included.
            pieces.append(Array(source[index...]))
            break
          }
          let start = index
          while index < source.count && !PythonText.isSpace(source[index]) { index += 1 }
          pieces.append(Array(source[start..<index]))
        }
      case .string(let text):
        guard !text.isEmpty else {
          throw CellError(type: "ValueError", message: "empty separator", range: range)
        }
        let needle = reversed ? Array(text.unicodeScalars.reversed()) : Array(text.unicodeScalars)
        var start = 0
        var index = 0
        while index + needle.count <= source.count && pieces.count < limit {
          if source[index..<index + needle.count].elementsEqual(needle) {
            pieces.append(Array(source[start..<index]))
            index += needle.count
            start = index
          } else {
            index += 1
          }
        }
        pieces.append(Array(source[start...]))
      default:
        throw typeError("must be str or None, not \(separator.typeName)")
      }
      if reversed { pieces = pieces.reversed().map { $0.reversed() } }
      var items: [Value] = []
      for piece in pieces { items.append(try made(piece)) }
      return .list(items)
    case "startswith", "endswith":
      try noKeywords()
      try arguments(1, 1)
      var candidates: [String] = []
      switch positional[0] {
      case .string(let value): candidates = [value]
      case .tuple(let items):
        for item in items {
          guard case .string(let value) = item else {
            throw typeError("tuple for \(name) must only contain str, not \(item.typeName)")
          }
          candidates.append(value)
        }
      default:
        throw typeError(
          "\(name) first arg must be str or a tuple of str, not \(positional[0].typeName)")
      }
      return .bool(
        candidates.contains { candidate in
          let needle = Array(candidate.unicodeScalars)
          guard needle.count <= scalars.count else { return false }
          return name == "startswith"
            ? scalars[..<needle.count].elementsEqual(needle)
            : scalars[(scalars.count - needle.count)...].elementsEqual(needle)
        })
    case "find", "rfind", "index", "rindex", "count":
      try noKeywords()
      try arguments(1, 3)
      let needle = Array(try string(0).unicodeScalars)
      // `start` and `end` as a slice takes them (negative from the end, None for the default).
      var bounds = [0, scalars.count]
      for (offset, position) in positional.dropFirst().enumerated() {
        let given: Int
        switch position {
        case .none: continue
        case .int(let value): given = value
        case .bool(let value): given = value ? 1 : 0
        case .bigInt(let value): given = value.signum() < 0 ? Int.min / 2 : Int.max / 2
        default:
          throw typeError("slice indices must be integers or None or have an __index__ method")
        }
        bounds[offset] = given < 0 ? max(given + scalars.count, 0) : min(given, scalars.count + 1)
      }
      let (low, high) = (bounds[0], min(bounds[1], scalars.count))
      var found: [Int] = []
      if low <= scalars.count && low <= high {
        var index = low
        while index + needle.count <= high {
          if scalars[index..<index + needle.count].elementsEqual(needle) {
            found.append(index)
            if name == "count" {
              index += max(needle.count, 1)
              continue
            }
          }
          index += 1
        }
      }
      if name == "count" { return .int(found.count) }
      let position = name.hasPrefix("r") ? found.last : found.first
      if let position { return .int(position) }
      if name.hasSuffix("find") { return .int(-1) }
      throw CellError(type: "ValueError", message: "substring not found", range: range)
    case "ljust", "rjust", "center":
      try noKeywords()
      try arguments(1, 2)
      let width = try padWidth(positional[0])
      var fill: Unicode.Scalar = " "
      if positional.count > 1 {
        let text = try string(1)
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
          throw typeError("The fill character must be exactly one character long")
        }
        fill = scalar
      }
      let padding = max(width - scalars.count, 0)
      try budget.allocate(bytes: padding, at: range)
      var left = 0
      switch name {
      case "ljust": left = 0
      case "rjust": left = padding
      // CPython's `pad`: the odd space goes left when the width is odd.
      default: left = padding / 2 + (padding & width & 1)
      }
      return try made(
        Array(repeating: fill, count: left) + scalars
          + Array(repeating: fill, count: padding - left))
    case "expandtabs":
      // `expandtabs(tabsize=8)`: each tab pads to the next multiple of `tabsize` columns,
      // counted from the last newline or carriage return (none for a size below 1).
      guard positional.count + keywords.count <= 1 else {
        throw typeError(
          "expandtabs() takes at most 1 argument (\(positional.count + keywords.count) given)")
      }
      var given = positional.first
      for (label, value) in keywords {
        guard label == "tabsize" else {
          throw typeError("'\(label)' is an invalid keyword argument for expandtabs()")
        }
        given = value
      }
      let size: Int
      switch given {
      case nil: size = 8
      case .int(let number)?: size = number
      case .bool(let flag)?: size = flag ? 1 : 0
      case let other?:
        throw typeError("'\(other.typeName)' object cannot be interpreted as an integer")
      }
      // The length first, without trapping on a huge size.
      var length = 0
      var column = 0
      for scalar in scalars {
        var step = 1
        if scalar == "\t" {
          step = size > 0 ? size - column % size : 0
        }
        let (sum, overflow) = length.addingReportingOverflow(step)
        guard !overflow else {
          throw CellError(type: "OverflowError", message: "new string is too long", range: range)
        }
        length = sum
        column = scalar == "\n" || scalar == "\r" ? 0 : column + step
      }
      try budget.allocate(bytes: length, at: range)
      var result: [Unicode.Scalar] = []
      result.reserveCapacity(length)
      column = 0
      for scalar in scalars {
        if scalar == "\t" {
          let step = size > 0 ? size - column % size : 0
          result += Array(repeating: " ", count: step)
          column += step
        } else {
          result.append(scalar)
          column = scalar == "\n" || scalar == "\r" ? 0 : column + 1
        }
      }
      return try made(result)
    case "zfill":
      try noKeywords()
      try arguments(1, 1)
      let width = try padWidth(positional[0])
      let padding = max(width - scalars.count, 0)
      try budget.allocate(bytes: padding, at: range)
      var result = scalars
      let sign = result.first.map { $0 == "+" || $0 == "-" } ?? false
      result.insert(contentsOf: Array(repeating: "0", count: padding), at: sign ? 1 : 0)
      return try made(result)
    case "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isdecimal", "isnumeric",
      "isascii", "isidentifier":
      try noKeywords()
      try arguments(0, 0)
      let cased = scalars.filter { $0.properties.isUppercase || $0.properties.isLowercase }
      // CPython's letters are the categories L*; its digits have a decimal or digit value.
      func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
          .contains(scalar.properties.generalCategory)
      }
      func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal || scalar.properties.numericType == .digit
      }
      switch name {
      case "isdigit": return .bool(!scalars.isEmpty && scalars.allSatisfy(isDigit))
      case "isalpha": return .bool(!scalars.isEmpty && scalars.allSatisfy(isLetter))
      case "isalnum":
        return .bool(
          !scalars.isEmpty
            && scalars.allSatisfy { isLetter($0) || $0.properties.numericType != nil })
      case "isspace": return .bool(!scalars.isEmpty && scalars.allSatisfy(PythonText.isSpace))
      case "isdecimal":
        return .bool(
          !scalars.isEmpty && scalars.allSatisfy { $0.properties.numericType == .decimal })
      case "isnumeric":
        return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.numericType != nil })
      case "isascii": return .bool(scalars.allSatisfy(\.isASCII))
      case "isidentifier": return .bool(PythonText.isIdentifier(text))
      case "isupper":
        return .bool(!cased.isEmpty && !scalars.contains(where: \.properties.isLowercase))
      default: return .bool(!cased.isEmpty && !scalars.contains(where: \.properties.isUppercase))
      }
    case "capitalize":
      try noKeywords()
      try arguments(0, 0)
      guard let first = text.first else { return .string("") }
      return .string(first.uppercased() + text.dropFirst().lowercased())
    case "swapcase":
      try noKeywords()
      try arguments(0, 0)
      return .string(
        text.map { character in
          let string = String(character)
          if string.lowercased() != string { return string.lowercased() }
          return string.uppercased()
        }.joined())
    case "removeprefix", "removesuffix":
      try noKeywords()
      try arguments(1, 1)
      let affix = Array(try string(0).unicodeScalars)
      guard affix.count <= scalars.count else { return .string(text) }
      if name == "removeprefix", scalars[..<affix.count].elementsEqual(affix) {
        return try made(Array(scalars[affix.count...]))
      }
      if name == "removesuffix", !affix.isEmpty,
        scalars[(scalars.count - affix.count)...].elementsEqual(affix)
      {
        return try made(Array(scalars[..<(scalars.count - affix.count)]))
      }
      return .string(text)
    case "partition", "rpartition":
      try noKeywords()
      try arguments(1, 1)
      let separator = try string(0)
      let needle = Array(separator.unicodeScalars)
      guard !needle.isEmpty else {
        throw CellError(type: "ValueError", message: "empty separator", range: range)
      }
      let starts = stride(from: 0, through: scalars.count - needle.count, by: 1).filter {
        scalars[$0..<$0 + needle.count].elementsEqual(needle)
      }
      guard let found = name == "partition" ? starts.first : starts.last else {
        return name == "partition"
          ? .tuple([.string(text), .string(""), .string("")])
          : .tuple([.string(""), .string(""), .string(text)])
      }
      return .tuple([
        try made(Array(scalars[..<found])), .string(separator),
        try made(Array(scalars[(found + needle.count)...])),
      ])
    default:
      return nil
    }
  }

}
