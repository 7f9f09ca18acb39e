import Foundation

/// A TOML 1.0 document (https://toml.io/en/v1.0.0), read by ConvBook's own parser: every kind of
/// key (bare, quoted, dotted), tables and arrays of tables, inline tables, arrays (nested,
/// multi-line, trailing commas, comments inside), the four kinds of strings with their escapes
/// and line-ending backslashes, integers (decimal, hex, octal, binary, with `_`), floats (`inf`,
/// `nan`, exponents), booleans, and dates and times (kept as written). Bad input is refused with
/// the words and the position (line, column in characters) of Python's `tomllib`, the parser of
/// the TOML that the answers files' writers run; a key in a message is written as TOML writes it.
///
/// Answers files need only a small part of TOML, but a student's file is whatever a TOML-aware
/// editor lets them write, so the reader takes all of it and leaves the choice of what an answer
/// can be to `AnswersFile`.
public struct TOMLDocument: Sendable {
  /// A value. Tables keep their keys in the order the document gives them.
  public indirect enum Value: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// An offset or local date-time, a local date or a local time, as written.
    case dateTime(String)
    case array([Value])
    case table([(key: String, value: Value)])

    public static func == (left: Value, right: Value) -> Bool {
      switch (left, right) {
      case (.string(let a), .string(let b)), (.dateTime(let a), .dateTime(let b)): return a == b
      case (.integer(let a), .integer(let b)): return a == b
      case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)
      case (.bool(let a), .bool(let b)): return a == b
      case (.array(let a), .array(let b)): return a == b
      case (.table(let a), .table(let b)):
        return a.count == b.count
          && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
      default: return false
      }
    }
  }

  /// Why a document is not TOML: a message in `tomllib`'s words and where (1-based line and
  /// column, in characters; `atEnd` when Python would say "at end of document").
  public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var atEnd: Bool

    /// `message (at line L, column C)`, as `tomllib` words it.
    public var description: String {
      "\(message) (at \(atEnd ? "end of document" : "line \(line), column \(column)"))"
    }
  }

  /// The document's top-level table.
  public var root: [(key: String, value: Value)]
  /// The line of the statement that set each value (by its full key path), for messages.
  public var lines: [[String]: Int]

  public init(parsing source: String) throws(ParseError) {
    var parser = TOMLParser(source)
    try parser.parseDocument()
    root = parser.rootTable()
    lines = parser.valueLines
  }
}

/// The parser behind `TOMLDocument`: one statement at a time, over the document's Unicode
/// scalars (CRLF read as LF, as the spec allows).
struct TOMLParser {
  typealias Key = [String]
  typealias ParseError = TOMLDocument.ParseError
  typealias Value = TOMLDocument.Value

  /// A table being built: tables and arrays of tables stay open to later statements; values
  /// (inline tables and arrays included) are closed.
  final class Node {
    enum Kind {
      case table
      case tables([Node])
      case value(Value)
    }
    var kind: Kind
    var keys: [String] = []
    var children: [String: Node] = [:]

    init(_ kind: Kind) { self.kind = kind }

    func child(_ key: String) -> Node? { children[key] }

    func set(_ key: String, _ node: Node) {
      if children[key] == nil { keys.append(key) }
      children[key] = node
    }

    var value: Value {
      switch kind {
      case .value(let value): return value
      case .tables(let tables): return .array(tables.map(\.value))
      case .table: return .table(keys.map { ($0, children[$0]!.value) })
      }
    }
  }

  /// `tomllib`'s two marks on a key: declared with `[header]` (or opened by dotted keys before the
  /// next header), and closed for good (inline tables and arrays, with everything under them).
  enum Flag: Hashable {
    case explicit
    case frozen
  }

  let text: [Unicode.Scalar]
  var position = 0
  let root = Node(.table)
  var flags: [Key: Set<Flag>] = [:]
  var recursiveFlags: [Key: Set<Flag>] = [:]
  var pending: [(Key, Flag)] = []
  var valueLines: [Key: Int] = [:]

  init(_ source: String) {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(source.unicodeScalars.count)
    var iterator = source.unicodeScalars.makeIterator()
    var held: Unicode.Scalar?
    while let scalar = held ?? iterator.next() {
      held = nil
      if scalar == "\r", let next = iterator.next() {
        if next == "\n" {
          scalars.append("\n")
          continue
        }
        scalars.append(scalar)
        held = next
        continue
      }
      scalars.append(scalar)
    }
    text = scalars
  }

  func rootTable() -> [(key: String, value: Value)] {
    root.keys.map { ($0, root.children[$0]!.value) }
  }

  // MARK: Characters

  var current: Unicode.Scalar? { position < text.count ? text[position] : nil }

  func starts(with prefix: String, at index: Int) -> Bool {
    var at = index
    for scalar in prefix.unicodeScalars {
      guard at < text.count, text[at] == scalar else { return false }
      at += 1
    }
    return true
  }

  static func isWhitespace(_ scalar: Unicode.Scalar?) -> Bool { scalar == " " || scalar == "\t" }

  static func isBareKey(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
      || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F
  }

  static func isHexDigit(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar)
      || ("A"..."F").contains(scalar)
  }

  static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return ("0"..."9").contains(scalar)
  }

  mutating func skipWhitespace() {
    while Self.isWhitespace(current) { position += 1 }
  }

  mutating func skipWhitespaceAndNewlines() {
    while Self.isWhitespace(current) || current == "\n" { position += 1 }
  }

  /// A character as Python's `repr` shows it in a message: `'\x01'`, `'\n'`.
  static func shown(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "'\\n'"
    case "\r": return "'\\r'"
    case "\t": return "'\\t'"
    default:
      if isControl(scalar) {
        let hex = String(scalar.value, radix: 16)
        return "'\\x\(hex.count == 1 ? "0" + hex : hex)'"
      }
      return "'\(Character(scalar))'"
    }
  }

  /// A key path as TOML writes it: bare parts as they are, others quoted.
  static func shown(_ key: Key) -> String {
    key.map { part in
      !part.isEmpty && part.unicodeScalars.allSatisfy { isBareKey($0) }
        ? part
        : "\""
          + part.replacingOccurrences(of: "\\", with: "\\\\")
          .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }.joined(separator: ".")
  }

  func error(_ message: String, at index: Int? = nil) -> ParseError {
    let at = index ?? position
    if at >= text.count { return ParseError(message: message, line: 0, column: 0, atEnd: true) }
    var line = 1
    var lineStart = 0
    for offset in 0..<at where text[offset] == "\n" {
      line += 1
      lineStart = offset + 1
    }
    return ParseError(message: message, line: line, column: at - lineStart + 1, atEnd: false)
  }

  /// The line of `position`, counted on from where it was last asked (statements only move
  /// forward): counting from the start for each statement made 200,000 one-line answers
  /// quadratic (minutes of processor time).
  var lineMark = (position: 0, line: 1)
  mutating func currentLine() -> Int {
    let end = min(position, text.count)
    if end < lineMark.position { lineMark = (0, 1) }
    for offset in lineMark.position..<end where text[offset] == "\n" { lineMark.line += 1 }
    lineMark.position = end
    return lineMark.line
  }

  /// Arrays and inline tables open now, and the limit on them and on a key's dotted parts:
  /// `tomllib` recurses per level until Python's recursion limit; ConvBook's parser recursed on
  /// the thread's stack (100,000 nested `[` crashed `convbook check --answers`), and the tables
  /// a key of 50,000 dotted parts makes were quadratic to check.
  var nesting = 0
  static let maximumNesting = 100
  static let maximumKeyParts = 100

  mutating func enterNesting() throws(ParseError) {
    nesting += 1
    guard nesting <= Self.maximumNesting else {
      throw error(
        "ConvBook reads arrays and inline tables nested at most \(Self.maximumNesting) levels deep"
      )
    }
  }

  // MARK: Flags

  func has(_ key: Key, _ flag: Flag) -> Bool {
    guard !key.isEmpty else { return false }
    for length in 1..<key.count
    where recursiveFlags[Swift.Array(key[0..<length])]?.contains(flag) == true {
      return true
    }
    return flags[key]?.contains(flag) == true || recursiveFlags[key]?.contains(flag) == true
  }

  mutating func mark(_ key: Key, _ flag: Flag, recursive: Bool) {
    if recursive {
      recursiveFlags[key, default: []].insert(flag)
    } else {
      flags[key, default: []].insert(flag)
    }
  }

  mutating func unmarkAll(_ key: Key) {
    for stored in Swift.Array(flags.keys) where stored.starts(with: key) { flags[stored] = nil }
    for stored in Swift.Array(recursiveFlags.keys) where stored.starts(with: key) {
      recursiveFlags[stored] = nil
    }
  }

  mutating func finalizePending() {
    for (key, flag) in pending { mark(key, flag, recursive: false) }
    pending.removeAll()
  }

  // MARK: Tables

  /// The table at `key` under `start`, made where missing; through an array of tables, its last
  /// table (when `throughArrays`). Nil when a value stands in the way.
  static func nest(_ key: Key, in start: Node, throughArrays: Bool = true) -> Node? {
    var node = start
    for part in key {
      if node.child(part) == nil { node.set(part, Node(.table)) }
      var next = node.child(part)!
      if case .tables(let tables) = next.kind {
        guard throughArrays, let last = tables.last else { return nil }
        next = last
      }
      guard case .table = next.kind else { return nil }
      node = next
    }
    return node
  }

  // MARK: Statements

  mutating func parseDocument() throws(ParseError) {
    var header: Key = []
    while true {
      skipWhitespace()
      guard let scalar = current else { break }
      if scalar == "\n" {
        position += 1
        continue
      }
      if Self.isBareKey(scalar) || scalar == "\"" || scalar == "'" {
        try keyValueStatement(header: header)
        skipWhitespace()
      } else if scalar == "[" {
        finalizePending()
        if position + 1 < text.count, text[position + 1] == "[" {
          header = try arrayTableHeader()
        } else {
          header = try tableHeader()
        }
        skipWhitespace()
      } else if scalar != "#" {
        throw error("Invalid statement")
      }
      try skipComment()
      guard let next = current else { break }
      if next != "\n" { throw error("Expected newline or end of document after a statement") }
      position += 1
    }
  }

  mutating func skipComment() throws(ParseError) {
    guard current == "#" else { return }
    position += 1
    while let scalar = current, scalar != "\n" {
      if Self.isControl(scalar), scalar != "\t" {
        throw error("Found invalid character \(Self.shown(scalar))")
      }
      position += 1
    }
  }

  mutating func skipCommentsAndNewlines() throws(ParseError) {
    while true {
      let before = position
      skipWhitespaceAndNewlines()
      try skipComment()
      if position == before { return }
    }
  }

  mutating func tableHeader() throws(ParseError) -> Key {
    position += 1
    skipWhitespace()
    let key = try parseKey()
    if has(key, .explicit) || has(key, .frozen) {
      throw error("Cannot declare \(Self.shown(key)) twice")
    }
    mark(key, .explicit, recursive: false)
    guard Self.nest(key, in: root) != nil else { throw error("Cannot overwrite a value") }
    if valueLines[key] == nil { valueLines[key] = currentLine() }
    guard current == "]" else { throw error("Expected ']' at the end of a table declaration") }
    position += 1
    return key
  }

  mutating func arrayTableHeader() throws(ParseError) -> Key {
    position += 2
    skipWhitespace()
    let key = try parseKey()
    if has(key, .frozen) {
      throw error("Cannot mutate immutable namespace \(Self.shown(key))")
    }
    unmarkAll(key)
    mark(key, .explicit, recursive: false)
    guard let parent = Self.nest(Swift.Array(key.dropLast()), in: root) else {
      throw error("Cannot overwrite a value")
    }
    let last = key[key.count - 1]
    if let existing = parent.child(last) {
      guard case .tables(var tables) = existing.kind else {
        throw error("Cannot overwrite a value")
      }
      // Appended in place (a copy per header made 100,000 `[[a]]` headers quadratic).
      existing.kind = .table
      tables.append(Node(.table))
      existing.kind = .tables(tables)
    } else {
      parent.set(last, Node(.tables([Node(.table)])))
    }
    guard starts(with: "]]", at: position) else {
      throw error("Expected ']]' at the end of an array declaration")
    }
    if valueLines[key] == nil { valueLines[key] = currentLine() }
    position += 2
    return key
  }

  mutating func keyValueStatement(header: Key) throws(ParseError) {
    let statementLine = currentLine()
    let (key, value) = try keyValuePair()
    let parent = header + key.dropLast()
    for length in 1..<max(key.count, 1) {
      let container = header + key[0..<length]
      if has(container, .explicit) {
        throw error("Cannot redefine namespace \(Self.shown(container))")
      }
      pending.append((container, .explicit))
    }
    if has(parent, .frozen) {
      throw error("Cannot mutate immutable namespace \(Self.shown(parent))")
    }
    guard let table = Self.nest(parent, in: root) else { throw error("Cannot overwrite a value") }
    let stem = key[key.count - 1]
    if table.child(stem) != nil { throw error("Cannot overwrite a value") }
    if case .array = value { mark(header + key, .frozen, recursive: true) }
    if case .table = value { mark(header + key, .frozen, recursive: true) }
    table.set(stem, Node(.value(value)))
    recordLines(header + key, value, line: statementLine)
  }

  mutating func recordLines(_ key: Key, _ value: Value, line: Int) {
    valueLines[key] = line
    if case .table(let entries) = value {
      for (part, inner) in entries { recordLines(key + [part], inner, line: line) }
    }
  }

  mutating func keyValuePair() throws(ParseError) -> (Key, Value) {
    let key = try parseKey()
    guard current == "=" else { throw error("Expected '=' after a key in a key/value pair") }
    position += 1
    skipWhitespace()
    return (key, try parseValue())
  }

  mutating func parseKey() throws(ParseError) -> Key {
    var key = [try parseKeyPart()]
    skipWhitespace()
    while current == "." {
      guard key.count < Self.maximumKeyParts else {
        throw error("ConvBook reads keys of at most \(Self.maximumKeyParts) dotted parts")
      }
      position += 1
      skipWhitespace()
      key.append(try parseKeyPart())
      skipWhitespace()
    }
    return key
  }

  mutating func parseKeyPart() throws(ParseError) -> String {
    if Self.isBareKey(current) {
      let start = position
      while Self.isBareKey(current) { position += 1 }
      return String(String.UnicodeScalarView(text[start..<position]))
    }
    if current == "'" { return try literalString() }
    if current == "\"" {
      position += 1
      return try basicString(multiline: false)
    }
    throw error("Invalid initial character for a key part")
  }

  // MARK: Values

  mutating func parseValue() throws(ParseError) -> Value {
    let scalar = current
    if scalar == "\"" {
      if starts(with: "\"\"\"", at: position) {
        return .string(try multilineString(literal: false))
      }
      position += 1
      return .string(try basicString(multiline: false))
    }
    if scalar == "'" {
      if starts(with: "'''", at: position) { return .string(try multilineString(literal: true)) }
      return .string(try literalString())
    }
    if scalar == "t", starts(with: "true", at: position) {
      position += 4
      return .bool(true)
    }
    if scalar == "f", starts(with: "false", at: position) {
      position += 5
      return .bool(false)
    }
    if scalar == "[" { return try array() }
    if scalar == "{" { return try inlineTable() }
    if let end = try dateTimeEnd() ?? timeEnd(from: position) {
      defer { position = end }
      return .dateTime(String(String.UnicodeScalarView(text[position..<end])))
    }
    if let number = try number() { return number }
    for special in ["inf", "nan", "+inf", "-inf", "+nan", "-nan"]
    where starts(with: special, at: position) {
      position += special.unicodeScalars.count
      let negative = special.hasPrefix("-")
      let magnitude = special.hasSuffix("inf") ? Double.infinity : Double.nan
      return .float(negative ? -magnitude : magnitude)
    }
    throw error("Invalid value")
  }

  mutating func array() throws(ParseError) -> Value {
    try enterNesting()
    defer { nesting -= 1 }
    position += 1
    var items: [Value] = []
    try skipCommentsAndNewlines()
    if current == "]" {
      position += 1
      return .array(items)
    }
    while true {
      items.append(try parseValue())
      try skipCommentsAndNewlines()
      if current == "]" {
        position += 1
        return .array(items)
      }
      guard current == "," else { throw error("Unclosed array") }
      position += 1
      try skipCommentsAndNewlines()
      if current == "]" {
        position += 1
        return .array(items)
      }
    }
  }

  mutating func inlineTable() throws(ParseError) -> Value {
    try enterNesting()
    defer { nesting -= 1 }
    position += 1
    let table = Node(.table)
    var frozen: [Key] = []
    skipWhitespace()
    if current == "}" {
      position += 1
      return table.value
    }
    while true {
      let (key, value) = try keyValuePair()
      if frozen.contains(where: { key.starts(with: $0) }) {
        throw error("Cannot mutate immutable namespace \(Self.shown(key))")
      }
      guard let parent = Self.nest(Swift.Array(key.dropLast()), in: table, throughArrays: false)
      else { throw error("Cannot overwrite a value") }
      let stem = key[key.count - 1]
      if parent.child(stem) != nil {
        throw error("Duplicate inline table key \(Self.shown([stem]))")
      }
      parent.set(stem, Node(.value(value)))
      skipWhitespace()
      if current == "}" {
        position += 1
        return table.value
      }
      guard current == "," else { throw error("Unclosed inline table") }
      switch value {
      case .array, .table: frozen.append(key)
      default: break
      }
      position += 1
      skipWhitespace()
    }
  }

  /// A one-line basic string from after its opening quote, or a multi-line one from after its
  /// opening quotes (and the newline that may follow them).
  mutating func basicString(multiline: Bool) throws(ParseError) -> String {
    var result = String.UnicodeScalarView()
    while true {
      guard let scalar = current else { throw error("Unterminated string") }
      if scalar == "\"" {
        if !multiline {
          position += 1
          return String(result)
        }
        if starts(with: "\"\"\"", at: position) {
          position += 3
          return String(result)
        }
        result.append(scalar)
        position += 1
        continue
      }
      if scalar == "\\" {
        result.append(contentsOf: try escape(multiline: multiline).unicodeScalars)
        continue
      }
      let allowed = scalar == "\t" || (multiline && scalar == "\n")
      if Self.isControl(scalar), !allowed {
        throw error("Illegal character \(Self.shown(scalar))")
      }
      result.append(scalar)
      position += 1
    }
  }

  mutating func escape(multiline: Bool) throws(ParseError) -> String {
    let next = position + 1 < text.count ? text[position + 1] : nil
    position += 2
    if multiline, next == " " || next == "\t" || next == "\n" {
      // A line-ending backslash: the newline and the whitespace after it are trimmed.
      if next != "\n" {
        skipWhitespace()
        guard let scalar = current else { return "" }
        if scalar != "\n" { throw error("Unescaped '\\' in a string") }
        position += 1
      }
      skipWhitespaceAndNewlines()
      return ""
    }
    switch next {
    case "u": return try hexCharacter(length: 4)
    case "U": return try hexCharacter(length: 8)
    case "b": return "\u{8}"
    case "t": return "\t"
    case "n": return "\n"
    case "f": return "\u{C}"
    case "r": return "\r"
    case "\"": return "\""
    case "\\": return "\\"
    default: throw error("Unescaped '\\' in a string")
    }
  }

  mutating func hexCharacter(length: Int) throws(ParseError) -> String {
    guard position + length <= text.count,
      text[position..<(position + length)].allSatisfy({ Self.isHexDigit($0) })
    else { throw error("Invalid hex value") }
    let digits = String(String.UnicodeScalarView(text[position..<(position + length)]))
    position += length
    guard let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
      throw error("Escaped character is not a Unicode scalar value")
    }
    return String(Character(scalar))
  }

  /// The end of the next `delimiter` from the current position, after checking that no
  /// character in between is a control character other than those `allowed`; without one, the
  /// error is at the end of the document, as `tomllib` reports it.
  mutating func skipUntil(_ delimiter: String, allowing allowed: Set<Unicode.Scalar>)
    throws(ParseError) -> Int
  {
    var end = position
    while end < text.count, !starts(with: delimiter, at: end) { end += 1 }
    guard end < text.count else {
      throw error(
        "Expected \(delimiter.contains("'") ? "\"\(delimiter)\"" : "'\(delimiter)'")", at: end)
    }
    for index in position..<end where Self.isControl(text[index]) && !allowed.contains(text[index])
    {
      throw error("Found invalid character \(Self.shown(text[index]))", at: index)
    }
    return end
  }

  mutating func literalString() throws(ParseError) -> String {
    position += 1
    let start = position
    let end = try skipUntil("'", allowing: ["\t"])
    position = end + 1
    return String(String.UnicodeScalarView(text[start..<end]))
  }

  mutating func multilineString(literal: Bool) throws(ParseError) -> String {
    position += 3
    if current == "\n" { position += 1 }
    var result: String
    let delimiter: Unicode.Scalar = literal ? "'" : "\""
    if literal {
      let start = position
      let end = try skipUntil("\'\'\'", allowing: ["\t", "\n"])
      result = String(String.UnicodeScalarView(text[start..<end]))
      position = end + 3
    } else {
      result = try basicString(multiline: true)
    }
    // Up to two quotes right before the closing three belong to the string.
    for _ in 0..<2 where current == delimiter {
      result.unicodeScalars.append(delimiter)
      position += 1
    }
    return result
  }

  // MARK: Numbers, dates and times

  /// The end of digits of `isDigit` from `index`, one `_` allowed between two digits; nil
  /// when no digit is there.
  func digitsEnd(from index: Int, _ isDigit: (Unicode.Scalar) -> Bool) -> Int? {
    guard index < text.count, isDigit(text[index]) else { return nil }
    var end = index + 1
    while end < text.count {
      if isDigit(text[end]) {
        end += 1
      } else if text[end] == "_", end + 1 < text.count, isDigit(text[end + 1]) {
        end += 2
      } else {
        break
      }
    }
    return end
  }

  mutating func number() throws(ParseError) -> Value? {
    let start = position
    if current == "0", position + 1 < text.count {
      let radices: [(Unicode.Scalar, Int, (Unicode.Scalar) -> Bool)] = [
        ("x", 16, { Self.isHexDigit($0) }), ("b", 2, { $0 == "0" || $0 == "1" }),
        ("o", 8, { ("0"..."7").contains($0) }),
      ]
      for (letter, radix, isDigit) in radices where text[position + 1] == letter {
        guard let end = digitsEnd(from: position + 2, isDigit) else { continue }
        let digits = String(String.UnicodeScalarView(text[(position + 2)..<end]))
          .replacingOccurrences(of: "_", with: "")
        guard let value = Int(digits, radix: radix) else {
          throw error("ConvBook reads integers of up to 64 bits; this one is larger")
        }
        position = end
        return .integer(value)
      }
    }
    var end = position
    if end < text.count, text[end] == "+" || text[end] == "-" { end += 1 }
    guard end < text.count, Self.isDigit(text[end]) else { return nil }
    if text[end] == "0" {
      end += 1
    } else {
      end = digitsEnd(from: end, { Self.isDigit($0) })!
    }
    var isFloat = false
    if end + 1 < text.count, text[end] == ".",
      let fraction = digitsEnd(from: end + 1, { Self.isDigit($0) })
    {
      end = fraction
      isFloat = true
    }
    if end < text.count, text[end] == "e" || text[end] == "E" {
      var exponent = end + 1
      if exponent < text.count, text[exponent] == "+" || text[exponent] == "-" { exponent += 1 }
      if let digits = digitsEnd(from: exponent, { Self.isDigit($0) }) {
        end = digits
        isFloat = true
      }
    }
    let written = String(String.UnicodeScalarView(text[start..<end]))
      .replacingOccurrences(of: "_", with: "")
    position = end
    if isFloat {
      guard let value = Double(written) else { throw error("Invalid value", at: start) }
      return .float(value)
    }
    guard let value = Int(written) else {
      throw error("ConvBook reads integers of up to 64 bits; this one is larger", at: start)
    }
    return .integer(value)
  }

  /// `HH:MM:SS` with an optional fraction, from `index`: its end, or nil.
  func timeEnd(from index: Int) -> Int? {
    func two(_ at: Int, _ check: (Int) -> Bool) -> Bool {
      guard at + 1 < text.count, Self.isDigit(text[at]), Self.isDigit(text[at + 1]) else {
        return false
      }
      return check(Int(text[at].value - 48) * 10 + Int(text[at + 1].value - 48))
    }
    guard two(index, { $0 <= 23 }), index + 2 < text.count, text[index + 2] == ":",
      two(index + 3, { $0 <= 59 }), index + 5 < text.count, text[index + 5] == ":",
      two(index + 6, { $0 <= 59 })
    else { return nil }
    var end = index + 8
    if end + 1 < text.count, text[end] == ".", Self.isDigit(text[end + 1]) {
      end += 1
      while Self.isDigit(end < text.count ? text[end] : nil) { end += 1 }
    }
    return end
  }

  /// A date, or a date and time with an optional offset, at the current position: its end, or
  /// nil. A date that does not exist (February 30th) is refused.
  func dateTimeEnd() throws(ParseError) -> Int? {
    let at = position
    guard at + 9 < text.count,
      (0..<4).allSatisfy({ Self.isDigit(text[at + $0]) }), text[at + 4] == "-",
      Self.isDigit(text[at + 5]), Self.isDigit(text[at + 6]), text[at + 7] == "-",
      Self.isDigit(text[at + 8]), Self.isDigit(text[at + 9])
    else { return nil }
    func number(_ from: Int, _ count: Int) -> Int {
      (from..<(from + count)).reduce(0) { $0 * 10 + Int(text[$1].value - 48) }
    }
    let (year, month, day) = (number(at, 4), number(at + 5, 2), number(at + 8, 2))
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    var end = at + 10
    if end < text.count, text[end] == "T" || text[end] == "t" || text[end] == " ",
      let time = timeEnd(from: end + 1)
    {
      end = time
      if end < text.count, text[end] == "Z" || text[end] == "z" {
        end += 1
      } else if end + 5 < text.count, text[end] == "+" || text[end] == "-",
        Self.isDigit(text[end + 1]), Self.isDigit(text[end + 2]), text[end + 3] == ":",
        Self.isDigit(text[end + 4]), Self.isDigit(text[end + 5]),
        number(end + 1, 2) <= 23, number(end + 4, 2) <= 59
      {
        end += 6
      }
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard day <= days else { throw error("Invalid date or datetime") }
    return end
  }
}
