/// Python's `pprint`: `pprint`, `pformat`, `pp`, `saferepr`, `isreadable` and `isrecursive`, laid
/// out as CPython 3.11's `PrettyPrinter` lays them out: a value whose repr fits the width left is
/// written as its repr; a plain list, tuple, dict, set or frozenset that does not fit puts one item
/// per line, indented by `indent` per level; a str that does not fit is cut into adjacent literals
/// at its words and line ends; everything else is its repr, however wide. `depth` shows deeper
/// containers as `[...]`. Widths count characters, as `len` does. Cells cannot make a recursive
/// structure, so nothing is ever `<Recursion on ...>`. What ConvBook lays out differently from
/// CPython (an OrderedDict, defaultdict, Counter, deque or namespace wider than the line, dict keys
/// only CPython's object ids would order) is refused as ConvBook's limitation.
enum StandardPprint {
  static let functions = ["pprint", "pformat", "pp", "saferepr", "isreadable", "isrecursive"]

  static func attribute(_ name: String) -> Value? {
    functions.contains(name) ? StandardLibrary.function("pprint", name) : nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    let interpreter = arguments.interpreter
    let options: [(String, Value)] = [
      ("compact", .bool(false)), ("sort_dicts", .bool(name != "pp")),
      ("underscore_numbers", .bool(false)),
    ]
    let values: [String: Value]
    switch name {
    case "pprint", "pp":
      values =
        try arguments.bind(
          [
            ("object", nil), ("stream", Value.none), ("indent", .int(1)), ("width", .int(80)),
            ("depth", Value.none),
          ], keywordOnly: options
        ).values
    case "pformat":
      values =
        try arguments.bind(
          [("object", nil), ("indent", .int(1)), ("width", .int(80)), ("depth", Value.none)],
          keywordOnly: options
        ).values
    default:
      values = try arguments.bind([("object", nil)]).values
    }
    let object = values["object"]!
    var printer = try Printer(values, arguments)
    try interpreter.prepareText(object, range: arguments.range, as: .repr)
    try PythonText.requireKnownText(object, asString: false, range: arguments.range)
    switch name {
    case "saferepr":
      return .string(try printer.safeRepr(object, level: 0).text)
    case "isreadable":
      return .bool(try printer.safeRepr(object, level: 0).readable)
    case "isrecursive":
      return .bool(false)
    default:
      break
    }
    try printer.format(object, indent: 0, allowance: 0, level: 0)
    if name == "pformat" { return .string(printer.output) }
    let text = printer.output + "\n"
    try interpreter.budget.allocate(bytes: text.utf8.count, at: arguments.range)
    switch values["stream"] ?? Value.none {
    case Value.none: interpreter.write(text)
    case .standard(let stream as StandardStream): stream.write(text, interpreter)
    case .standard(let buffer as StringBuffer):
      guard !buffer.closed else {
        throw CellError(
          type: "ValueError", message: "I/O operation on closed file", range: arguments.range)
      }
      buffer.write(text)
    default:
      throw .unsupported(
        "ConvBook's pprint writes to sys.stdout or sys.stderr only (no files)", at: arguments.range
      )
    }
    return Value.none
  }

  /// One `PrettyPrinter` at work: its settings and the text written so far.
  private struct Printer {
    let indentPerLevel: Int
    let width: Int
    let depth: Int?
    let compact: Bool
    let sortDicts: Bool
    let underscoreNumbers: Bool
    let arguments: StandardArguments
    var output = ""

    init(_ values: [String: Value], _ arguments: StandardArguments) throws(CellError) {
      self.arguments = arguments
      // `int(indent)`, `int(width)`: Python's int() of what was given.
      indentPerLevel = try Self.integer(values["indent"] ?? .int(1), arguments)
      width = try Self.integer(values["width"] ?? .int(80), arguments)
      let givenDepth = values["depth"] ?? .none
      depth = givenDepth.isNone ? nil : try arguments.integer(givenDepth, "depth")
      compact = (values["compact"] ?? .bool(false)).isTruthy
      sortDicts = (values["sort_dicts"] ?? .bool(true)).isTruthy
      underscoreNumbers = (values["underscore_numbers"] ?? .bool(false)).isTruthy
      func valueError(_ message: String) -> CellError {
        CellError(type: "ValueError", message: message, range: arguments.range)
      }
      if indentPerLevel < 0 { throw valueError("indent must be >= 0") }
      if let depth, depth <= 0 { throw valueError("depth must be > 0") }
      if width == 0 { throw valueError("width must be != 0") }
    }

    private static func integer(_ value: Value, _ arguments: StandardArguments) throws(CellError)
      -> Int
    {
      if case .float(let number) = value, number.isFinite, abs(number) < 0x1p62 {
        return Int(number.rounded(.towardZero))
      }
      return try arguments.integer(value, "int")
    }

    private func unsupported(_ what: String) -> CellError {
      .unsupported("ConvBook does not support pprint of \(what) yet", at: arguments.range)
    }

    /// Python's `len` of a text: its code points.
    private static func length(_ text: String) -> Int { text.unicodeScalars.count }

    private mutating func write(_ text: String) throws(CellError) {
      try arguments.interpreter.budget.allocate(bytes: text.utf8.count, at: arguments.range)
      output += text
    }

    // MARK: The one-line repr (`_safe_repr`)

    /// `PrettyPrinter._safe_repr`: the repr with dict keys sorted and containers deeper than
    /// `depth` elided, and whether `eval` could read it back.
    func safeRepr(_ value: Value, level: Int) throws(CellError) -> (text: String, readable: Bool) {
      try arguments.interpreter.step(at: arguments.range)
      guard level <= PythonText.maximumNesting else {
        throw CellError(
          type: "RecursionError",
          message: "maximum recursion depth exceeded while calling a Python object",
          range: arguments.range)
      }
      switch value {
      case .int(let number) where underscoreNumbers:
        return (Self.grouped(number), true)
      case .dictionary(let dictionary) where dictionary.flavor.isPlainDict:
        if dictionary.pairs.isEmpty { return ("{}", true) }
        if let depth, level >= depth { return ("{...}", false) }
        var readable = true
        var parts: [String] = []
        for (key, item) in try sortedPairs(dictionary.pairs) {
          let keyText = try safeRepr(key, level: level + 1)
          let itemText = try safeRepr(item, level: level + 1)
          readable = readable && keyText.readable && itemText.readable
          parts.append(keyText.text + ": " + itemText.text)
        }
        return ("{" + parts.joined(separator: ", ") + "}", readable)
      case .list(let list) where list.dictionaryView == nil && list.deque == nil:
        if list.isEmpty { return ("[]", true) }
        return try sequenceRepr(Array(list), open: "[", close: "]", level: level)
      case .tuple(let items):
        if items.isEmpty { return ("()", true) }
        return try sequenceRepr(
          items, open: "(", close: items.count == 1 ? ",)" : ")", level: level)
      default:
        let text = PythonText.repr(value)
        return (text, !text.isEmpty && !text.hasPrefix("<"))
      }
    }

    private func sequenceRepr(_ items: [Value], open: String, close: String, level: Int)
      throws(CellError) -> (text: String, readable: Bool)
    {
      if let depth, level >= depth { return (open + "..." + close, false) }
      var readable = true
      var parts: [String] = []
      for item in items {
        let itemText = try safeRepr(item, level: level + 1)
        readable = readable && itemText.readable
        parts.append(itemText.text)
      }
      return (open + parts.joined(separator: ", ") + close, readable)
    }

    /// `f"{number:_d}"`.
    private static func grouped(_ number: Int) -> String {
      let digits = Array(String(number.magnitude))
      var text = ""
      for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { text.append("_") }
        text.append(digit)
      }
      return (number < 0 ? "-" : "") + text
    }

    // MARK: Ordering (`_safe_key`)

    /// `sorted(dict.items(), key=_safe_tuple)`: keys compared with `<`; keys of types `<` cannot
    /// compare are ordered by their type's `str`, and, of one type, by CPython's object ids,
    /// which ConvBook refuses.
    private func sortedPairs(_ pairs: [(Value, Value)]) throws(CellError) -> [(Value, Value)] {
      guard sortDicts else { return pairs }
      return try sortedByKey(pairs, key: \.0)
    }

    private func sortedByKey<T>(_ items: [T], key: (T) -> Value) throws(CellError) -> [T] {
      guard items.count > 1 else { return items }
      var failure: CellError?
      let range = arguments.range
      let sorted = items.enumerated().sorted { first, second in
        if failure != nil { return first.offset < second.offset }
        let a = key(first.element)
        let b = key(second.element)
        do {
          return try Operators.compare(.less, a, b, range: range)
        } catch {
          let typeA = Self.typeString(a)
          let typeB = Self.typeString(b)
          guard let typeA, let typeB, typeA != typeB else {
            failure = unsupported("keys that only Python's object ids would order")
            return first.offset < second.offset
          }
          return typeA < typeB
        }
      }
      if let failure { throw failure }
      return sorted.map(\.element)
    }

    /// `str(type(value))` of a built-in value.
    private static func typeString(_ value: Value) -> String? {
      switch value {
      case .none: return "<class 'NoneType'>"
      case .bool: return "<class 'bool'>"
      case .int, .bigInt: return "<class 'int'>"
      case .float: return "<class 'float'>"
      case .string: return "<class 'str'>"
      case .tuple: return "<class 'tuple'>"
      default: return nil
      }
    }

    // MARK: Laying out (`_format` and the `_pprint_*` methods)

    mutating func format(_ value: Value, indent: Int, allowance: Int, level: Int)
      throws(CellError)
    {
      let text = try safeRepr(value, level: level).text
      let maximumWidth = width - indent - allowance
      guard Self.length(text) > maximumWidth else { return try write(text) }
      switch value {
      case .dictionary(let dictionary) where dictionary.flavor.isPlainDict:
        try write("{")
        if indentPerLevel > 1 { try write(String(repeating: " ", count: indentPerLevel - 1)) }
        if !dictionary.pairs.isEmpty {
          try formatDictionaryItems(
            try sortedPairs(dictionary.pairs), indent: indent, allowance: allowance + 1,
            level: level + 1)
        }
        try write("}")
      case .dictionary:
        throw unsupported("an OrderedDict, defaultdict or Counter wider than the line")
      case .list(let list) where list.deque != nil:
        throw unsupported("a deque wider than the line")
      case .list(let list) where list.dictionaryView == nil:
        try write("[")
        try formatItems(Array(list), indent: indent, allowance: allowance + 1, level: level + 1)
        try write("]")
      case .tuple(let items):
        try write("(")
        let end = items.count == 1 ? ",)" : ")"
        try formatItems(items, indent: indent, allowance: allowance + end.count, level: level + 1)
        try write(end)
      case .set(let set):
        guard set.count > 0 else { return try write(text) }
        var indent = indent
        let end: String
        if set.isFrozen {
          try write("frozenset({")
          end = "})"
          indent += "frozenset".count + 1
        } else {
          try write("{")
          end = "}"
        }
        let items = try sortedByKey(set.items, key: { $0 })
        try formatItems(items, indent: indent, allowance: allowance + end.count, level: level + 1)
        try write(end)
      case .string(let string):
        try formatString(string, text: text, indent: indent, allowance: allowance, level: level + 1)
      case .standard(is Namespace):
        throw unsupported("a namespace wider than the line")
      case .instance(let instance) where instance.type.dataclass != nil:
        throw unsupported("a dataclass wider than the line")
      default:
        try write(text)
      }
    }

    private mutating func formatItems(
      _ items: [Value], indent: Int, allowance: Int, level: Int
    ) throws(CellError) {
      let indent = indent + indentPerLevel
      if indentPerLevel > 1 { try write(String(repeating: " ", count: indentPerLevel - 1)) }
      let newLine = ",\n" + String(repeating: " ", count: indent)
      var delimiter = ""
      var width = self.width - indent + 1
      var maximumWidth = width
      for (index, item) in items.enumerated() {
        let last = index == items.count - 1
        if last {
          maximumWidth -= allowance
          width -= allowance
        }
        if compact {
          let text = try safeRepr(item, level: level).text
          let needed = Self.length(text) + 2
          if width < needed {
            width = maximumWidth
            if !delimiter.isEmpty { delimiter = newLine }
          }
          if width >= needed {
            width -= needed
            try write(delimiter)
            delimiter = ", "
            try write(text)
            continue
          }
        }
        try write(delimiter)
        delimiter = newLine
        try format(item, indent: indent, allowance: last ? allowance : 1, level: level)
      }
    }

    private mutating func formatDictionaryItems(
      _ pairs: [(Value, Value)], indent: Int, allowance: Int, level: Int
    ) throws(CellError) {
      let indent = indent + indentPerLevel
      let newLine = ",\n" + String(repeating: " ", count: indent)
      for (index, (key, item)) in pairs.enumerated() {
        let last = index == pairs.count - 1
        let keyText = try safeRepr(key, level: level).text
        try write(keyText)
        try write(": ")
        try format(
          item, indent: indent + Self.length(keyText) + 2, allowance: last ? allowance : 1,
          level: level)
        if !last { try write(newLine) }
      }
    }

    /// `_pprint_str`: the text cut at line ends, and lines still too wide cut after their
    /// words' spaces (`\S*\s*`), each piece its own literal; at the top level in parentheses.
    private mutating func formatString(
      _ string: String, text: String, indent: Int, allowance: Int, level: Int
    ) throws(CellError) {
      guard !string.isEmpty else { return try write(text) }
      var indent = indent
      var allowance = allowance
      if level == 1 {
        indent += 1
        allowance += 1
      }
      let maximumWidth = width - indent
      var firstWidth = maximumWidth
      var chunks: [String] = []
      let lines = Self.linesKeepingEnds(Array(string.unicodeScalars))
      func literal(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var piece = String.UnicodeScalarView()
        piece.append(contentsOf: scalars)
        return PythonText.repr(.string(String(piece)))
      }
      for (lineIndex, line) in lines.enumerated() {
        let lastLine = lineIndex == lines.count - 1
        let lineText = literal(line[...])
        if lastLine { firstWidth -= allowance }
        if Self.length(lineText) <= firstWidth {
          chunks.append(lineText)
          continue
        }
        let parts = Self.wordsWithSpaces(line)
        var partWidth = maximumWidth
        var current: ArraySlice<Unicode.Scalar> = []
        for (partIndex, part) in parts.enumerated() {
          let candidate = current + part
          if partIndex == parts.count - 1 && lastLine { partWidth -= allowance }
          if Self.length(literal(candidate)) > partWidth {
            if !current.isEmpty { chunks.append(literal(current)) }
            current = part
          } else {
            current = candidate
          }
        }
        if !current.isEmpty { chunks.append(literal(current)) }
      }
      if chunks.count == 1 { return try write(text) }
      if level == 1 { try write("(") }
      for (index, chunk) in chunks.enumerated() {
        if index > 0 { try write("\n" + String(repeating: " ", count: indent)) }
        try write(chunk)
      }
      if level == 1 { try write(")") }
    }

    /// `str.splitlines(True)`.
    private static func linesKeepingEnds(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
      var lines: [[Unicode.Scalar]] = []
      var start = 0
      var index = 0
      while index < scalars.count {
        let isBreak = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(
          scalars[index].value)
        guard isBreak else {
          index += 1
          continue
        }
        var next = index + 1
        if scalars[index].value == 0x0D, next < scalars.count, scalars[next].value == 0x0A {
          next += 1
        }
        lines.append(Array(scalars[start..<next]))
        start = next
        index = next
      }
      if start < scalars.count { lines.append(Array(scalars[start...])) }
      return lines
    }

    /// `re.findall(r'\S*\s*', line)` without its final empty match: runs of non-space
    /// characters, each with the spaces after it.
    private static func wordsWithSpaces(_ line: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
      var parts: [ArraySlice<Unicode.Scalar>] = []
      var index = 0
      while index < line.count {
        let start = index
        while index < line.count && !PythonRegex.isSpace(line[index]) { index += 1 }
        while index < line.count && PythonRegex.isSpace(line[index]) { index += 1 }
        parts.append(line[start..<index])
      }
      return parts
    }
  }
}

extension PythonDict.Flavor {
  /// A plain `dict`, not one of `collections`' dict classes.
  fileprivate var isPlainDict: Bool {
    if case .plain = self { return true } else { return false }
  }
}
