/// Python's `re` on `PythonRegex`: `compile`, `match`, `search`, `fullmatch`, `findall`,
/// `finditer`, `sub`, `subn`, `split`, `escape`, the flags and `re.error`, with CPython 3.11's
/// results (empty matches included) and messages. Patterns and match objects are
/// `RegexPattern` / `RegexMatch` values.
enum StandardRe {
  static let error = "re.error"

  static let flagValues: [String: Int] = [
    "I": 2, "IGNORECASE": 2, "M": 8, "MULTILINE": 8, "S": 16, "DOTALL": 16, "X": 64,
    "VERBOSE": 64, "A": 256, "ASCII": 256, "U": 32, "UNICODE": 32, "NOFLAG": 0,
  ]

  static let functions: Set<String> = [
    "compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split",
    "escape",
  ]

  static func attribute(_ name: String) -> Value? {
    if let flag = flagValues[name] { return .standard(RegexFlag(flag)) }
    if name == "error" { return .function(Callable(.builtin(error), path: error)) }
    return functions.contains(name) ? StandardLibrary.function("re", name) : nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    if name == "escape" {
      let (values, _) = try arguments.bind([("pattern", nil)])
      let text = try arguments.string(values["pattern"]!, "pattern")
      var escaped = ""
      for scalar in text.unicodeScalars {
        // `re.escape` (3.7+) escapes ASCII punctuation and whitespace other than `_`.
        if scalar.isASCII && !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
          && scalar != "_"
        {
          escaped += "\\"
        }
        escaped.unicodeScalars.append(scalar)
      }
      return .string(escaped)
    }
    var parameters: [(String, Value?)] = [("pattern", nil)]
    switch name {
    case "compile": parameters += [("flags", .int(0))]
    case "sub", "subn":
      parameters += [("repl", nil), ("string", nil), ("count", .int(0)), ("flags", .int(0))]
    case "split": parameters += [("string", nil), ("maxsplit", .int(0)), ("flags", .int(0))]
    default: parameters += [("string", nil), ("flags", .int(0))]
    }
    let (values, _) = try arguments.bind(parameters)
    let pattern = try compiled(values["pattern"]!, flags: values["flags"]!, arguments)
    if name == "compile" { return .standard(pattern) }
    var forwarded: [(String, Value)] = []
    for key in ["repl", "string", "count", "maxsplit"] {
      if let value = values[key] { forwarded.append((key, value)) }
    }
    return try pattern.run(
      name,
      StandardArguments(
        function: name, positional: [], keywords: forwarded, site: arguments.site,
        interpreter: arguments.interpreter))
  }

  static func compiled(_ pattern: Value, flags: Value, _ arguments: StandardArguments)
    throws(CellError) -> RegexPattern
  {
    let flagBits = try arguments.integer(RegexFlag.integer(flags), "flags")
    if case .standard(let existing as RegexPattern) = pattern {
      guard flagBits == 0 else {
        throw CellError(
          type: "ValueError", message: "cannot process flags argument with a compiled pattern",
          range: arguments.range)
      }
      return existing
    }
    guard case .string(let text) = pattern else {
      throw arguments.typeError("first argument must be string or compiled pattern")
    }
    do {
      return RegexPattern(
        try PythonRegex(text, flags: PythonRegex.Flags(rawValue: flagBits)), flagBits: flagBits)
    } catch {
      if error.message.hasPrefix("ConvBook") {
        throw .unsupported(error.message, at: arguments.range)
      }
      throw CellError(
        type: error.type ?? Self.error, message: error.message, range: arguments.range)
    }
  }
}

/// A flag of `re` (`re.IGNORECASE`), an int that prints as its names; `|`, `&` and `^` of flags
/// (or a flag and an int) are flags again, other arithmetic gives ints (`Operators.Number`).
final class RegexFlag: StandardObject {
  let value: Int

  init(_ value: Int) { self.value = value }

  static let names: [(Int, String)] = [
    (1, "TEMPLATE"), (2, "IGNORECASE"), (4, "LOCALE"), (8, "MULTILINE"), (16, "DOTALL"),
    (32, "UNICODE"), (64, "VERBOSE"), (128, "DEBUG"), (256, "ASCII"),
  ]

  /// The int a flag stands for; any other value as it is.
  static func integer(_ value: Value) -> Value {
    if case .standard(let flag as RegexFlag) = value { return .int(flag.value) }
    return value
  }

  override var typeName: String { "RegexFlag" }

  override func repr(_ item: (Value) -> String) -> String {
    guard value != 0 else { return "re.NOFLAG" }
    var parts: [String] = []
    var rest = value
    for (bit, name) in Self.names where value & bit != 0 {
      parts.append("re." + name)
      rest &= ~bit
    }
    if rest != 0 { parts.append(String(rest)) }
    return parts.joined(separator: "|")
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "value": return .int(value)
    case "name":
      return Self.names.first { $0.0 == value }.map { .string($0.1) } ?? Value.none
    default: return nil
    }
  }
}

/// A compiled pattern (`re.compile(...)`).
final class RegexPattern: StandardObject {
  let regex: PythonRegex
  let flagBits: Int

  init(_ regex: PythonRegex, flagBits: Int) {
    self.regex = regex
    self.flagBits = flagBits
  }

  override var typeName: String { "re.Pattern" }

  override func repr(_ item: (Value) -> String) -> String {
    var names: [String] = []
    for (bit, name) in [
      (2, "IGNORECASE"), (8, "MULTILINE"), (16, "DOTALL"), (64, "VERBOSE"), (256, "ASCII"),
    ] where flagBits & bit != 0 {
      names.append("re." + name)
    }
    let flags = names.isEmpty ? "" : ", " + names.joined(separator: "|")
    return "re.compile(\(item(.string(regex.pattern)))\(flags))"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "pattern": return .string(regex.pattern)
    case "flags": return .int(regex.flags.rawValue)
    case "groups": return .int(regex.groupCount)
    case "groupindex":
      return .dictionary(
        regex.groupNames.sorted { $0.value < $1.value }.map { (.string($0.key), .int($0.value)) })
    case _ where StandardRe.functions.contains(name) && name != "compile" && name != "escape":
      return .method(receiver: .standard(self), name: name)
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard StandardRe.functions.contains(name), name != "compile", name != "escape" else {
      return nil
    }
    return try run(
      name,
      StandardArguments(
        function: name, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter))
  }

  /// A method of the pattern, its arguments bound as `Pattern.NAME` takes them.
  func run(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value {
    let interpreter = arguments.interpreter
    let range = arguments.range
    let step = { () throws(PythonRegexStop) in
      do throws(CellError) {
        try interpreter.step(at: range)
      } catch {
        throw PythonRegexStop(error: error)
      }
    }
    func text(_ value: Value) throws(CellError) -> [Unicode.Scalar] {
      guard case .string(let string) = value else {
        throw arguments.typeError("expected string or bytes-like object, got '\(value.typeName)'")
      }
      return Array(string.unicodeScalars)
    }
    func find(
      _ scalars: [Unicode.Scalar], from: Int, to: Int, anchored: Bool = false, full: Bool = false,
      mustAdvance: Bool = false
    ) throws(CellError) -> PythonRegex.Spans? {
      do throws(PythonRegexStop) {
        return try regex.firstMatch(
          in: scalars, from: from, to: to, anchored: anchored, full: full,
          mustAdvance: mustAdvance, step: step)
      } catch {
        if let stop = error.error { throw stop }
        throw .unsupported(
          "ConvBook's regular expressions do not match this much text in one match yet (about 10,000 repetitions of a quantifier)",
          at: range)
      }
    }
    /// Every match left to right, as `sre`'s `finditer` finds them (an empty match right after
    /// another match is allowed; two empty matches at one place are not).
    func all(_ scalars: [Unicode.Scalar], limit: Int = 0) throws(CellError) -> [PythonRegex.Spans] {
      var found: [PythonRegex.Spans] = []
      var position = 0
      var mustAdvance = false
      while position <= scalars.count {
        if limit > 0 && found.count >= limit { break }
        guard
          let spans = try find(
            scalars, from: position, to: scalars.count, mustAdvance: mustAdvance),
          let (start, stop) = spans[0]
        else { break }
        try interpreter.budget.allocate(slots: spans.count, at: range)
        found.append(spans)
        mustAdvance = stop == start
        position = stop
      }
      return found
    }
    switch name {
    case "match", "search", "fullmatch":
      let (values, _) = try arguments.bind([
        ("string", nil), ("pos", .int(0)), ("endpos", .int(Int.max)),
      ])
      let scalars = try text(values["string"]!)
      let count = scalars.count
      func clamp(_ value: Int) -> Int { value < 0 ? max(value + count, 0) : min(value, count) }
      let from = clamp(try arguments.integer(values["pos"]!, "pos"))
      let to = clamp(try arguments.integer(values["endpos"]!, "endpos"))
      guard from <= to,
        let spans = try find(
          scalars, from: from, to: to, anchored: name == "match", full: name == "fullmatch")
      else { return .none }
      return .standard(
        RegexMatch(
          pattern: self, string: values["string"]!, scalars: scalars, spans: spans, pos: from,
          endpos: to))
    case "findall", "finditer":
      let (values, _) = try arguments.bind([("string", nil)])
      let scalars = try text(values["string"]!)
      let matches = try all(scalars)
      if name == "finditer" {
        var position = 0
        return .standard(
          PythonIterator(name: "callable_iterator") { _, _ in
            guard position < matches.count else { return nil }
            position += 1
            return .standard(
              RegexMatch(
                pattern: self, string: values["string"]!, scalars: scalars,
                spans: matches[position - 1], pos: 0, endpos: scalars.count))
          })
      }
      return .list(
        matches.map { spans in
          func group(_ index: Int) -> Value {
            spans[index].map { .string(RegexMatch.slice(scalars, $0)) } ?? .string("")
          }
          switch regex.groupCount {
          case 0: return group(0)
          case 1: return group(1)
          default: return .tuple((1...regex.groupCount).map(group))
          }
        })
    case "split":
      let (values, _) = try arguments.bind([("string", nil), ("maxsplit", .int(0))])
      let scalars = try text(values["string"]!)
      let limit = try arguments.integer(values["maxsplit"]!, "maxsplit")
      if limit < 0 { return .list([values["string"]!]) }
      var pieces: [Value] = []
      var last = 0
      for spans in try all(scalars, limit: limit) {
        guard let (start, stop) = spans[0] else { continue }
        pieces.append(.string(RegexMatch.slice(scalars, (last, start))))
        for index in stride(from: 1, through: regex.groupCount, by: 1) {
          pieces.append(spans[index].map { .string(RegexMatch.slice(scalars, $0)) } ?? .none)
        }
        last = stop
      }
      pieces.append(.string(RegexMatch.slice(scalars, (last, scalars.count))))
      return .list(pieces)
    default:  // sub, subn
      let (values, _) = try arguments.bind([("repl", nil), ("string", nil), ("count", .int(0))])
      let scalars = try text(values["string"]!)
      let limit = try arguments.integer(values["count"]!, "count")
      let replacement = values["repl"]!
      var template: [RegexTemplatePart]?
      switch replacement {
      case .string(let repl):
        template = try RegexTemplatePart.parse(repl, regex: regex, range: range)
      case .function, .method, .standard: template = nil
      default:
        throw arguments.typeError("expected str instance, \(replacement.typeName) found")
      }
      var result = String.UnicodeScalarView()
      var last = 0
      var count = 0
      var charged = 0
      for spans in try all(scalars, limit: max(limit, 0)) {
        guard let (start, stop) = spans[0] else { continue }
        result.append(contentsOf: scalars[last..<start])
        if let template {
          for part in template {
            switch part {
            case .text(let text): result.append(contentsOf: text.unicodeScalars)
            case .group(let index):
              if let span = spans[index] { result.append(contentsOf: scalars[span.0..<span.1]) }
            }
          }
        } else {
          let match = RegexMatch(
            pattern: self, string: values["string"]!, scalars: scalars, spans: spans, pos: 0,
            endpos: scalars.count)
          let produced = try Calls.call(
            replacement, positional: [.standard(match)], keywords: [], site: arguments.site,
            interpreter: interpreter)
          guard case .string(let piece) = produced else {
            throw arguments.typeError("expected str instance, \(produced.typeName) found")
          }
          result.append(contentsOf: piece.unicodeScalars)
        }
        try interpreter.budget.allocate(bytes: result.count - charged, at: range)
        charged = result.count
        last = stop
        count += 1
      }
      result.append(contentsOf: scalars[last...])
      let text = Value.string(String(result))
      return name == "subn" ? .tuple([text, .int(count)]) : text
    }
  }
}

/// A piece of a `sub` replacement template: text, or a group's match (`\1`, `\g<name>`).
enum RegexTemplatePart {
  case text(String)
  case group(Int)

  static func parse(_ template: String, regex: PythonRegex, range: SourceRange)
    throws(CellError) -> [RegexTemplatePart]
  {
    let scalars = Array(template.unicodeScalars)
    var parts: [RegexTemplatePart] = []
    var literal = ""
    var index = 0
    func fail(_ message: String, _ position: Int) -> CellError {
      CellError(type: StandardRe.error, message: "\(message) at position \(position)", range: range)
    }
    func group(_ number: Int, _ position: Int) throws(CellError) {
      guard number <= regex.groupCount else {
        throw fail("invalid group reference \(number)", position)
      }
      if !literal.isEmpty { parts.append(.text(literal)) }
      literal = ""
      parts.append(.group(number))
    }
    while index < scalars.count {
      let scalar = scalars[index]
      guard scalar == "\\", index + 1 < scalars.count else {
        if scalar == "\\" { throw fail("bad escape (end of pattern)", index) }
        literal.unicodeScalars.append(scalar)
        index += 1
        continue
      }
      let start = index
      let next = scalars[index + 1]
      index += 2
      switch next {
      case "g":
        guard index < scalars.count, scalars[index] == "<" else {
          throw fail("missing <", index)
        }
        var name = ""
        index += 1
        while index < scalars.count, scalars[index] != ">" {
          name.unicodeScalars.append(scalars[index])
          index += 1
        }
        guard index < scalars.count else { throw fail("missing >, unterminated name", start + 3) }
        index += 1
        if let number = Int(name) {
          try group(number, start + 3)
        } else if let number = regex.groupNames[name] {
          try group(number, start + 3)
        } else if name.isEmpty {
          throw fail("missing group name", start + 3)
        } else {
          throw CellError(type: "IndexError", message: "unknown group name '\(name)'", range: range)
        }
      case "1"..."9":
        var digits = String(next)
        if index < scalars.count, ("0"..."9").contains(scalars[index]) {
          digits.unicodeScalars.append(scalars[index])
          index += 1
        }
        try group(Int(digits) ?? 0, start + 1)
      case "n": literal += "\n"
      case "t": literal += "\t"
      case "r": literal += "\r"
      case "f": literal += "\u{0C}"
      case "v": literal += "\u{0B}"
      case "a": literal += "\u{07}"
      case "\\": literal += "\\"
      case "0": literal += "\0"
      default:
        if next.isASCII && next.properties.isAlphabetic {
          throw fail("bad escape \\\(next)", start)
        }
        literal += "\\"
        literal.unicodeScalars.append(next)
      }
    }
    if !literal.isEmpty { parts.append(.text(literal)) }
    return parts
  }
}

/// A match object (`re.Match`).
final class RegexMatch: StandardObject {
  let pattern: RegexPattern
  let string: Value
  let scalars: [Unicode.Scalar]
  let spans: PythonRegex.Spans
  let pos: Int
  let endpos: Int

  init(
    pattern: RegexPattern, string: Value, scalars: [Unicode.Scalar], spans: PythonRegex.Spans,
    pos: Int, endpos: Int
  ) {
    self.pattern = pattern
    self.string = string
    self.scalars = scalars
    self.spans = spans
    self.pos = pos
    self.endpos = endpos
  }

  static func slice(_ scalars: [Unicode.Scalar], _ span: (Int, Int)) -> String {
    String(String.UnicodeScalarView(scalars[span.0..<span.1]))
  }

  override var typeName: String { "re.Match" }

  override func repr(_ item: (Value) -> String) -> String {
    let (start, stop) = spans[0] ?? (0, 0)
    return
      "<re.Match object; span=(\(start), \(stop)), match=\(item(.string(Self.slice(scalars, (start, stop)))))>"
  }

  func groupIndex(_ value: Value, range: SourceRange) throws(CellError) -> Int {
    switch value {
    case .int(let index) where index >= 0 && index <= pattern.regex.groupCount: return index
    case .bool(let flag): return flag ? 1 : 0
    case .string(let name):
      if let index = pattern.regex.groupNames[name] { return index }
    default: break
    }
    throw CellError(type: "IndexError", message: "no such group", range: range)
  }

  func group(_ index: Int, default fallback: Value = Value.none) -> Value {
    spans[index].map { .string(Self.slice(scalars, $0)) } ?? fallback
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "string": return string
    case "re": return .standard(pattern)
    case "pos": return .int(pos)
    case "endpos": return .int(endpos)
    case "lastindex":
      // The group that closed last: the one with the rightmost end, the outer one on a tie.
      var best: (index: Int, end: Int)?
      for index in stride(from: 1, through: pattern.regex.groupCount, by: 1) {
        if let span = spans[index], best.map({ span.1 > $0.end }) ?? true {
          best = (index, span.1)
        }
      }
      return best.map { .int($0.index) } ?? Value.none
    case "group", "groups", "groupdict", "start", "end", "span", "expand":
      return .method(receiver: .standard(self), name: name)
    default: return nil
    }
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    group(try groupIndex(index, range: range))
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let range = site.range
    switch name {
    case "group":
      if !keywords.isEmpty { throw arguments.typeError("group() takes no keyword arguments") }
      if positional.isEmpty { return group(0) }
      let values = try positional.map { (value: Value) throws(CellError) -> Value in
        group(try groupIndex(value, range: range))
      }
      return values.count == 1 ? values[0] : .tuple(values)
    case "groups":
      let (values, _) = try arguments.bind([("default", Value.none)])
      let count = pattern.regex.groupCount
      return .tuple(
        count == 0 ? [] : (1...count).map { group($0, default: values["default"]!) })
    case "groupdict":
      let (values, _) = try arguments.bind([("default", Value.none)])
      return .dictionary(
        pattern.regex.groupNames.sorted { $0.value < $1.value }.map {
          (.string($0.key), group($0.value, default: values["default"]!))
        })
    case "start", "end", "span":
      let (values, _) = try arguments.bind([("group", .int(0))])
      let span = spans[try groupIndex(values["group"]!, range: range)] ?? (-1, -1)
      switch name {
      case "start": return .int(span.0)
      case "end": return .int(span.1)
      default: return .tuple([.int(span.0), .int(span.1)])
      }
    case "expand":
      let (values, _) = try arguments.bind([("template", nil)])
      guard case .string(let template) = values["template"]! else {
        throw arguments.typeError("expected str instance")
      }
      var result = ""
      for part in try RegexTemplatePart.parse(template, regex: pattern.regex, range: range) {
        switch part {
        case .text(let text): result += text
        case .group(let index):
          if let span = spans[index] { result += Self.slice(scalars, span) }
        }
      }
      return .string(result)
    default: return nil
    }
  }
}
