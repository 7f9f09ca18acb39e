/// A regular expression with the syntax and matching rules of Python's `re` (`sre`), for the
/// patterns scripts use: literals and escapes, `.`, classes (`[a-z\d_]`, `[^...]`), `\d \w \s`
/// and their negations, anchors (`^ $ \A \Z \b \B`), groups (capturing, `(?:...)`,
/// `(?P<name>...)`), back references (`\1`, `(?P=name)`), alternation, greedy and lazy
/// quantifiers (`* + ? {m,n}`), lookarounds and the flags `IGNORECASE`, `MULTILINE`, `DOTALL` and
/// `VERBOSE` (also inline, `(?i)`). Matching is backtracking over code points, as `sre` does, so
/// the leftmost match and the alternatives' order are Python's. A malformed pattern is an
/// `Error` with `sre_parse`'s message and position.
final class PythonRegex {
  struct Flags: OptionSet {
    let rawValue: Int
    static let ignoreCase = Flags(rawValue: 2)
    static let multiline = Flags(rawValue: 8)
    static let dotAll = Flags(rawValue: 16)
    static let unicode = Flags(rawValue: 32)
    static let verbose = Flags(rawValue: 64)
    static let ascii = Flags(rawValue: 256)
  }

  struct Error: Swift.Error {
    var message: String
    /// The Python exception when it is not `re.error` (sre_parse's OverflowError).
    var type: String?
  }

  /// What a pattern is made of.
  indirect enum Node {
    case empty
    case literal(Unicode.Scalar)
    case any
    case set(negated: Bool, items: [SetItem])
    case sequence([Node])
    case alternation([Node])
    case group(index: Int?, Node)
    case repeated(Node, minimum: Int, maximum: Int?, greedy: Bool)
    case backReference(Int)
    case lineStart, lineEnd, textStart, textEnd, wordBoundary, notWordBoundary
    case lookaround(Node, ahead: Bool, negated: Bool)
  }

  enum SetItem {
    case scalar(Unicode.Scalar)
    case range(Unicode.Scalar, Unicode.Scalar)
    case digit(Bool)
    case word(Bool)
    case space(Bool)
  }

  let pattern: String
  let flags: Flags
  let root: Node
  /// The number of capturing groups, and the index of each named one.
  let groupCount: Int
  let groupNames: [String: Int]

  init(_ pattern: String, flags: Flags) throws(Error) {
    var parser = Parser(pattern: Array(pattern.unicodeScalars), flags: flags)
    let root = try parser.parseAll()
    self.pattern = pattern
    self.flags = parser.flags.union(.unicode)
    self.root = root
    self.groupCount = parser.groupCount
    self.groupNames = parser.groupNames
  }

  // MARK: Matching

  /// Group spans of one match: index 0 is the whole match.
  typealias Spans = [(Int, Int)?]

  /// The first match starting at or after `position` and ending by `end` (`search`), only at
  /// `position` (`anchored`, for `match`), or spanning exactly `position..<end` (`full`).
  /// `mustAdvance` refuses an empty match at `position` (the next match after an empty one).
  func firstMatch(
    in text: [Unicode.Scalar], from position: Int, to end: Int, anchored: Bool = false,
    full: Bool = false, mustAdvance: Bool = false,
    step: @escaping () throws(PythonRegexStop) -> Void
  ) throws(PythonRegexStop) -> Spans? {
    let matcher = Matcher(regex: self, text: text, end: end, step: step)
    var start = position
    while start <= end {
      matcher.spans = Array(repeating: nil, count: groupCount + 1)
      let from = start
      let found = try matcher.match(root, at: start) {
        (stop: Int) throws(PythonRegexStop) -> Bool in
        if full && stop != end { return false }
        if mustAdvance && from == position && stop == from { return false }
        matcher.spans[0] = (from, stop)
        return true
      }
      if found { return matcher.spans }
      if anchored || full { return nil }
      start += 1
    }
    return nil
  }

  /// The deepest nesting of a match (one level per repetition of a quantifier): the
  /// matcher recurses, and this keeps it well inside the cell language's stack.
  static let maximumDepth = 10_000

  /// Lower-cases for `IGNORECASE` (simple case folding of one code point).
  static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let lowered = scalar.properties.lowercaseMapping.unicodeScalars
    return lowered.count == 1 ? lowered.first! : scalar
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.numericType == .decimal
  }

  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
    default: return scalar.properties.isWhitespace
    }
  }
}

/// Stops a match: the session's budget ran out while backtracking (`error`), or the match
/// nested deeper than `PythonRegex.maximumDepth` (nil).
struct PythonRegexStop: Error {
  var error: CellError?
}

extension PythonRegex {
  final class Matcher {
    let regex: PythonRegex
    let text: [Unicode.Scalar]
    let end: Int
    let step: () throws(PythonRegexStop) -> Void
    var spans: Spans = []
    /// Nested `match` calls now running: each repetition of a quantifier nests one more.
    var depth = 0

    init(
      regex: PythonRegex, text: [Unicode.Scalar], end: Int,
      step: @escaping () throws(PythonRegexStop) -> Void
    ) {
      self.regex = regex
      self.text = text
      self.end = end
      self.step = step
    }

    var ignoreCase: Bool { regex.flags.contains(.ignoreCase) }

    func same(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
      a == b || (ignoreCase && PythonRegex.folded(a) == PythonRegex.folded(b))
    }

    func isWordAt(_ position: Int) -> Bool {
      position >= 0 && position < end && PythonRegex.isWord(text[position])
    }

    func inSet(_ scalar: Unicode.Scalar, _ items: [SetItem]) -> Bool {
      for item in items {
        switch item {
        case .scalar(let member): if same(scalar, member) { return true }
        case .range(let low, let high):
          if (low...high).contains(scalar) { return true }
          if ignoreCase {
            let lower = PythonRegex.folded(scalar)
            let upper = scalar.properties.uppercaseMapping.unicodeScalars
            if (low...high).contains(lower) { return true }
            if upper.count == 1, (low...high).contains(upper.first!) { return true }
          }
        case .digit(let negated): if PythonRegex.isDigit(scalar) != negated { return true }
        case .word(let negated): if PythonRegex.isWord(scalar) != negated { return true }
        case .space(let negated): if PythonRegex.isSpace(scalar) != negated { return true }
        }
      }
      return false
    }

    /// Matches `node` at `position`, then asks `next` to match the rest from where it ended.
    func match(
      _ node: Node, at position: Int, _ next: (Int) throws(PythonRegexStop) -> Bool
    ) throws(PythonRegexStop) -> Bool {
      try step()
      depth += 1
      defer { depth -= 1 }
      if depth > PythonRegex.maximumDepth { throw PythonRegexStop(error: nil) }
      switch node {
      case .empty: return try next(position)
      case .literal(let scalar):
        guard position < end, same(text[position], scalar) else { return false }
        return try next(position + 1)
      case .any:
        guard position < end else { return false }
        if text[position] == "\n" && !regex.flags.contains(.dotAll) { return false }
        return try next(position + 1)
      case .set(let negated, let items):
        guard position < end, inSet(text[position], items) != negated else { return false }
        return try next(position + 1)
      case .sequence(let nodes): return try matchSequence(nodes[...], at: position, next)
      case .alternation(let branches):
        for branch in branches where try match(branch, at: position, next) { return true }
        return false
      case .group(let index, let inner):
        guard let index else { return try match(inner, at: position, next) }
        let saved = spans[index]
        let found = try match(inner, at: position) { (stop: Int) throws(PythonRegexStop) -> Bool in
          let before = self.spans[index]
          self.spans[index] = (position, stop)
          if try next(stop) { return true }
          self.spans[index] = before
          return false
        }
        if !found { spans[index] = saved }
        return found
      case .repeated(let inner, let minimum, let maximum, let greedy):
        return try repeatMatch(
          inner, minimum: minimum, maximum: maximum, greedy: greedy, count: 0, at: position, next)
      case .backReference(let index):
        guard let (start, stop) = spans[index] else { return false }
        let length = stop - start
        guard position + length <= end else { return false }
        for offset in 0..<length where !same(text[position + offset], text[start + offset]) {
          return false
        }
        return try next(position + length)
      case .lineStart:
        let atStart =
          position == 0
          || (regex.flags.contains(.multiline) && text[position - 1] == "\n")
        return atStart ? try next(position) : false
      case .lineEnd:
        let atEnd =
          position == end
          || (position == end - 1 && text[position] == "\n")
          || (regex.flags.contains(.multiline) && text[position] == "\n")
        return atEnd ? try next(position) : false
      case .textStart: return position == 0 ? try next(position) : false
      case .textEnd: return position == end ? try next(position) : false
      case .wordBoundary, .notWordBoundary:
        let boundary = isWordAt(position - 1) != isWordAt(position)
        let wanted: Bool
        if case .wordBoundary = node { wanted = true } else { wanted = false }
        // sre: `\b` never matches in an empty string.
        if end == 0 { return false }
        return boundary == wanted ? try next(position) : false
      case .lookaround(let inner, let ahead, let negated):
        let saved = spans
        var found = false
        if ahead {
          found = try match(inner, at: position) { (_: Int) throws(PythonRegexStop) -> Bool in true
          }
        } else {
          var start = position
          while start >= 0 && !found {
            found = try match(inner, at: start) { (stop: Int) throws(PythonRegexStop) -> Bool in
              stop == position
            }
            start -= 1
          }
        }
        if found == negated {
          spans = saved
          return false
        }
        if negated { spans = saved }
        if try next(position) { return true }
        spans = saved
        return false
      }
    }

    private func matchSequence(
      _ nodes: ArraySlice<Node>, at position: Int, _ next: (Int) throws(PythonRegexStop) -> Bool
    ) throws(PythonRegexStop) -> Bool {
      guard let first = nodes.first else { return try next(position) }
      let rest = nodes.dropFirst()
      return try match(first, at: position) { (stop: Int) throws(PythonRegexStop) -> Bool in
        try self.matchSequence(rest, at: stop, next)
      }
    }

    private func repeatMatch(
      _ inner: Node, minimum: Int, maximum: Int?, greedy: Bool, count: Int, at position: Int,
      _ next: (Int) throws(PythonRegexStop) -> Bool
    ) throws(PythonRegexStop) -> Bool {
      let canRepeat = maximum.map { count < $0 } ?? true
      func more() throws(PythonRegexStop) -> Bool {
        guard canRepeat else { return false }
        return try match(inner, at: position) { (stop: Int) throws(PythonRegexStop) -> Bool in
          // An iteration that matched nothing ends the repetition (as sre does).
          if stop == position && count >= minimum { return false }
          return try self.repeatMatch(
            inner, minimum: minimum, maximum: maximum, greedy: greedy, count: count + 1, at: stop,
            next)
        }
      }
      if greedy {
        if try more() { return true }
        return count >= minimum ? try next(position) : false
      }
      if count >= minimum, try next(position) { return true }
      return try more()
    }
  }
}

extension PythonRegex {
  /// `sre_parse`: the pattern's syntax, with its messages and positions.
  struct Parser {
    let pattern: [Unicode.Scalar]
    var flags: Flags
    var position = 0
    var groupCount = 0
    var groupNames: [String: Int] = [:]
    /// Groups whose `)` has been read (a back reference may only name one of them).
    var closedGroups: Set<Int> = []

    init(pattern: [Unicode.Scalar], flags: Flags) {
      self.pattern = pattern
      self.flags = flags
    }

    func error(_ message: String, at position: Int) -> Error {
      Error(message: "\(message) at position \(position)")
    }

    var current: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

    mutating func skipVerbose() {
      guard flags.contains(.verbose) else { return }
      while let scalar = current {
        if PythonRegex.isSpace(scalar) {
          position += 1
        } else if scalar == "#" {
          while let next = current, next != "\n" { position += 1 }
        } else {
          return
        }
      }
    }

    mutating func parseAll() throws(Error) -> Node {
      try parseGlobalFlags()
      let node = try parseAlternation()
      if position < pattern.count {
        throw error("unbalanced parenthesis", at: position)
      }
      return node
    }

    /// `(?aiLmsux)` at the start of the pattern.
    mutating func parseGlobalFlags() throws(Error) {
      while position + 2 < pattern.count, pattern[position] == "(", pattern[position + 1] == "?",
        "aiLmsux".unicodeScalars.contains(pattern[position + 2])
      {
        let start = position
        position += 2
        while let scalar = current, "aiLmsux".unicodeScalars.contains(scalar) {
          switch scalar {
          case "i": flags.insert(.ignoreCase)
          case "m": flags.insert(.multiline)
          case "s": flags.insert(.dotAll)
          case "x": flags.insert(.verbose)
          case "a": flags.insert(.ascii)
          default: break
          }
          position += 1
        }
        guard current == ")" else {
          if current == ":" {
            throw Error(message: "ConvBook does not support scoped inline flags (?i:...) yet")
          }
          throw error("missing -, : or )", at: position)
        }
        position += 1
        _ = start
      }
    }

    mutating func parseAlternation() throws(Error) -> Node {
      var branches = [try parseSequence()]
      while current == "|" {
        position += 1
        branches.append(try parseSequence())
      }
      return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() throws(Error) -> Node {
      var items: [Node] = []
      while true {
        skipVerbose()
        guard let scalar = current, scalar != "|", scalar != ")" else { break }
        let start = position
        var atom = try parseAtom()
        skipVerbose()
        // Quantifiers.
        var quantified = false
        while let next = current {
          let quantifierStart = position
          var bounds: (Int, Int?)?
          switch next {
          case "*":
            bounds = (0, nil)
            position += 1
          case "+":
            bounds = (1, nil)
            position += 1
          case "?":
            bounds = (0, 1)
            position += 1
          case "{":
            if let parsed = try parseBraces() { bounds = parsed }
          default: break
          }
          guard let (minimum, maximum) = bounds else { break }
          if quantified { throw error("multiple repeat", at: quantifierStart) }
          switch atom {
          case .lineStart, .lineEnd, .textStart, .textEnd, .wordBoundary, .notWordBoundary,
            .empty:
            throw error("nothing to repeat", at: start)
          default: break
          }
          var greedy = true
          if current == "?" {
            greedy = false
            position += 1
          } else if current == "+" {
            throw Error(message: "ConvBook does not support possessive quantifiers yet")
          }
          atom = .repeated(atom, minimum: minimum, maximum: maximum, greedy: greedy)
          quantified = true
          skipVerbose()
        }
        items.append(atom)
      }
      return items.count == 1 ? items[0] : .sequence(items)
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}`; nil (a literal `{`) for anything else.
    mutating func parseBraces() throws(Error) -> (Int, Int?)? {
      let start = position
      var index = position + 1
      // sre_parse's bounds: a count of MAXREPEAT (2**32 - 1) or more is OverflowError.
      var overflows = false
      func number() -> Int? {
        var digits = ""
        while index < pattern.count, ("0"..."9").contains(pattern[index]) {
          digits.unicodeScalars.append(pattern[index])
          index += 1
        }
        guard !digits.isEmpty else { return nil }
        guard let value = Int(digits), value < 4_294_967_295 else {
          overflows = true
          return 0
        }
        return value
      }
      let low = number()
      var high: Int?
      if index < pattern.count, pattern[index] == "," {
        index += 1
        high = number()
      } else {
        high = low
        if low == nil { return nil }
      }
      guard index < pattern.count, pattern[index] == "}" else { return nil }
      position = index + 1
      if overflows {
        throw Error(message: "the repetition number is too large", type: "OverflowError")
      }
      if let low, let high, high < low {
        throw error("min repeat greater than max repeat", at: start + 1)
      }
      return (low ?? 0, high)
    }

    mutating func parseAtom() throws(Error) -> Node {
      let start = position
      let scalar = pattern[position]
      position += 1
      switch scalar {
      case ".": return .any
      case "^": return .lineStart
      case "$": return .lineEnd
      case "*", "+", "?": throw error("nothing to repeat", at: start)
      case "{":
        position = start
        if try parseBraces() != nil { throw error("nothing to repeat", at: start) }
        position = start + 1
        return .literal("{")
      case "[": return try parseSet(start: start)
      case "(": return try parseGroup(start: start)
      case "\\": return try parseEscape(start: start, inSet: false)
      default: return .literal(scalar)
      }
    }

    mutating func parseGroup(start: Int) throws(Error) -> Node {
      var index: Int?
      if current == "?" {
        position += 1
        guard let kind = current else { throw error("unexpected end of pattern", at: position) }
        position += 1
        switch kind {
        case ":": break
        case "=", "!":
          let inner = try parseAlternation()
          try closeGroup(start: start)
          return .lookaround(inner, ahead: true, negated: kind == "!")
        case "<" where current == "=" || current == "!":
          let negated = current == "!"
          position += 1
          let inner = try parseAlternation()
          try closeGroup(start: start)
          return .lookaround(inner, ahead: false, negated: negated)
        case "P" where current == "<":
          position += 1
          let name = try parseName(terminator: ">")
          groupCount += 1
          if let earlier = groupNames[name] {
            throw error(
              "redefinition of group name '\(name)' as group \(groupCount); was group \(earlier)",
              at: start + 4)
          }
          groupNames[name] = groupCount
          index = groupCount
        case "P" where current == "=":
          position += 1
          let nameStart = position
          let name = try parseName(terminator: ")")
          guard let reference = groupNames[name] else {
            throw error("unknown group name '\(name)'", at: nameStart)
          }
          return .backReference(reference)
        case "#":
          while let next = current, next != ")" { position += 1 }
          guard current == ")" else {
            throw error("missing ), unterminated comment", at: start)
          }
          position += 1
          return .empty
        default:
          throw error("unknown extension ?\(kind)", at: start + 1)
        }
      } else {
        groupCount += 1
        index = groupCount
      }
      let inner = try parseAlternation()
      try closeGroup(start: start)
      if let index { closedGroups.insert(index) }
      return .group(index: index, inner)
    }

    mutating func closeGroup(start: Int) throws(Error) {
      guard current == ")" else {
        throw error("missing ), unterminated subpattern", at: start)
      }
      position += 1
    }

    mutating func parseName(terminator: Unicode.Scalar) throws(Error) -> String {
      let start = position
      var name = ""
      while let scalar = current, scalar != terminator {
        name.unicodeScalars.append(scalar)
        position += 1
      }
      guard current == terminator else {
        throw error("missing \(terminator), unterminated name", at: start)
      }
      position += 1
      guard !name.isEmpty else { throw error("missing group name", at: start) }
      guard let first = name.unicodeScalars.first, PythonRegex.isWord(first),
        !PythonRegex.isDigit(first), name.unicodeScalars.allSatisfy(PythonRegex.isWord)
      else {
        throw error("bad character in group name '\(name)'", at: start)
      }
      return name
    }

    mutating func parseSet(start: Int) throws(Error) -> Node {
      var negated = false
      if current == "^" {
        negated = true
        position += 1
      }
      var items: [SetItem] = []
      var first = true
      while true {
        guard let scalar = current else {
          throw error("unterminated character set", at: start)
        }
        if scalar == "]" && !first { break }
        first = false
        let itemStart = position
        var low: SetItem
        position += 1
        if scalar == "\\" {
          low = try parseSetEscape(start: itemStart)
        } else {
          low = .scalar(scalar)
        }
        if current == "-", position + 1 < pattern.count, pattern[position + 1] != "]" {
          position += 1
          let highStart = position
          let highScalar = pattern[position]
          position += 1
          var high: SetItem = .scalar(highScalar)
          if highScalar == "\\" { high = try parseSetEscape(start: highStart) }
          guard case .scalar(let a) = low, case .scalar(let b) = high else {
            let text = String(String.UnicodeScalarView(pattern[itemStart..<position]))
            throw error("bad character range \(text)", at: itemStart)
          }
          guard a <= b else {
            let text = String(String.UnicodeScalarView(pattern[itemStart..<position]))
            throw error("bad character range \(text)", at: itemStart)
          }
          low = .range(a, b)
        }
        items.append(low)
      }
      position += 1
      return .set(negated: negated, items: items)
    }

    mutating func parseSetEscape(start: Int) throws(Error) -> SetItem {
      guard let scalar = current else { throw error("bad escape (end of pattern)", at: start) }
      position += 1
      switch scalar {
      case "d": return .digit(false)
      case "D": return .digit(true)
      case "w": return .word(false)
      case "W": return .word(true)
      case "s": return .space(false)
      case "S": return .space(true)
      case "b": return .scalar("\u{08}")
      default:
        position -= 1
        return .scalar(try parseCharacterEscape(start: start))
      }
    }

    mutating func parseEscape(start: Int, inSet: Bool) throws(Error) -> Node {
      guard let scalar = current else { throw error("bad escape (end of pattern)", at: start) }
      position += 1
      switch scalar {
      case "d": return .set(negated: false, items: [.digit(false)])
      case "D": return .set(negated: false, items: [.digit(true)])
      case "w": return .set(negated: false, items: [.word(false)])
      case "W": return .set(negated: false, items: [.word(true)])
      case "s": return .set(negated: false, items: [.space(false)])
      case "S": return .set(negated: false, items: [.space(true)])
      case "b": return .wordBoundary
      case "B": return .notWordBoundary
      case "A": return .textStart
      case "Z": return .textEnd
      case "1"..."9":
        var digits = String(scalar)
        if let next = current, ("0"..."9").contains(next) {
          digits.unicodeScalars.append(next)
          position += 1
        }
        let reference = Int(digits) ?? 0
        guard closedGroups.contains(reference) else {
          if reference > groupCount || !closedGroups.contains(reference) {
            throw error(
              reference <= groupCount
                ? "cannot refer to an open group" : "invalid group reference \(reference)",
              at: start + 1)
          }
          return .backReference(reference)
        }
        return .backReference(reference)
      default:
        position -= 1
        return .literal(try parseCharacterEscape(start: start))
      }
    }

    /// `\n`, `\x41`, `\u00e9`, `\0`, `\.`: one code point.
    mutating func parseCharacterEscape(start: Int) throws(Error) -> Unicode.Scalar {
      let scalar = pattern[position]
      position += 1
      func hex(_ count: Int) throws(Error) -> Unicode.Scalar {
        var digits = ""
        for _ in 0..<count {
          guard let next = current, next.properties.isASCIIHexDigit else {
            let text = String(String.UnicodeScalarView(pattern[start..<position]))
            throw error("incomplete escape \(text)", at: start)
          }
          digits.unicodeScalars.append(next)
          position += 1
        }
        guard let value = UInt32(digits, radix: 16), let result = Unicode.Scalar(value) else {
          let text = String(String.UnicodeScalarView(pattern[start..<position]))
          throw error("bad escape \(text)", at: start)
        }
        return result
      }
      switch scalar {
      case "n": return "\n"
      case "t": return "\t"
      case "r": return "\r"
      case "f": return "\u{0C}"
      case "v": return "\u{0B}"
      case "a": return "\u{07}"
      case "x": return try hex(2)
      case "u": return try hex(4)
      case "U": return try hex(8)
      case "0":
        var value: UInt32 = 0
        var count = 0
        while count < 2, let next = current, ("0"..."7").contains(next) {
          value = value * 8 + (next.value - 48)
          position += 1
          count += 1
        }
        return Unicode.Scalar(value) ?? "\0"
      default:
        if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
          throw error("bad escape \\\(scalar)", at: start)
        }
        return scalar
      }
    }
  }
}
