import Foundation

/// Splits cell source into `PythonToken`s the way CPython 3.11's tokenizer
/// does: implicit line joining inside brackets, backslash continuations,
/// INDENT/DEDENT from indentation, and blank or comment-only lines ignored
/// for indentation. Errors use CPython's messages and positions.
public struct PythonTokenizer {
  enum Mode {
    /// Tokens for the parser; the first error throws.
    case module
    /// Every token including comments; errors become `.error` tokens.
    case highlighting
    /// The expression inside an f-string's braces, which CPython compiles as
    /// if it were parenthesized: line breaks are insignificant.
    case embeddedExpression
  }

  /// The parser's token stream: no comments, a NEWLINE at the end of each
  /// logical line, INDENT/DEDENT around blocks and a final `.end`.
  ///
  /// If a bracket is still open at the end of the source, the stream stops
  /// with `.end` right after the last token and no error is thrown here:
  /// CPython only reports "'(' was never closed" once the parser runs into
  /// the end, so `PythonParser` raises it.
  public static func tokenize(_ source: String) throws(PythonSyntaxError) -> [PythonToken] {
    let buffer = SourceBuffer(source)
    let output = scan(buffer, scalarRange: 0..<buffer.count, mode: .module)
    if let error = output.error { throw error }
    return output.tokens
  }

  /// Every token of `source` that covers text, in order, for syntax
  /// highlighting. Never fails: malformed text becomes `.error` tokens (an
  /// unterminated string runs to the end of its line, or of the source if it
  /// is triple-quoted). Comments are included, every line break is a
  /// `.newline`, and there are no INDENT, DEDENT or END tokens. The gaps
  /// between tokens are only spaces, tabs and line-continuation backslashes.
  public static func highlightTokens(_ source: String) -> [PythonToken] {
    let buffer = SourceBuffer(source)
    var tokenizer = PythonTokenizer(
      buffer: buffer, scalarRange: 0..<buffer.count, mode: .highlighting)
    try? tokenizer.run()
    return tokenizer.tokens
  }

  struct Output {
    /// The tokens, ending with `.end` at the end of the source or at the
    /// first error.
    var tokens: [PythonToken]
    /// The innermost bracket left open where tokenizing stopped.
    var unclosedBracket: PythonToken?
    /// The first error. CPython's parser only meets it when it reads that
    /// far, so the parser decides whether it or its own error is reported.
    var error: PythonSyntaxError?

    /// CPython re-tokenizes the rest of the source after a parse error, and
    /// errors its tokenizer raises directly then replace the parse error;
    /// errors it only flags (indentation, line continuation, end of file)
    /// are reported only if the parser reaches them.
    var errorOverridesParseErrors: Bool {
      guard let error else { return false }
      return error.kind == .syntaxError && error.message != "unexpected EOF while parsing"
        && error.message != "unexpected character after line continuation character"
    }
  }

  static func scan(_ buffer: SourceBuffer, scalarRange: Range<Int>, mode: Mode) -> Output {
    var tokenizer = PythonTokenizer(buffer: buffer, scalarRange: scalarRange, mode: mode)
    var error: PythonSyntaxError?
    do {
      try tokenizer.run()
    } catch let thrown {
      error = thrown
      tokenizer.unclosedBracket = tokenizer.openBrackets.last
      tokenizer.emit(.end, from: tokenizer.index, to: tokenizer.index)
    }
    return Output(
      tokens: tokenizer.tokens, unclosedBracket: tokenizer.unclosedBracket, error: error)
  }

  private let buffer: SourceBuffer
  private let mode: Mode
  private let endIndex: Int
  private var index: Int
  private var tokens: [PythonToken] = []
  private var openBrackets: [PythonToken] = []
  /// CPython 3.11's `MAXLEVEL`: brackets of any kind nest at most this deep.
  static let maximumBracketDepth = 200
  private var unclosedBracket: PythonToken?
  /// Indentation widths with tabs to multiples of 8, and with tabs as 1:
  /// CPython raises TabError when the two disagree about nesting.
  private var indentColumns = [0]
  /// CPython's MAXINDENT: `indentColumns` holds the outermost level besides the indents.
  static let maximumIndentation = 100
  private var alternateIndentColumns = [0]
  private var atLineStart: Bool
  private var lineHasTokens = false
  private var trailingCommentStart: Int?

  private init(buffer: SourceBuffer, scalarRange: Range<Int>, mode: Mode) {
    self.buffer = buffer
    self.mode = mode
    self.index = scalarRange.lowerBound
    self.endIndex = scalarRange.upperBound
    self.atLineStart = mode == .module
  }

  private mutating func run() throws(PythonSyntaxError) {
    while true {
      if atLineStart {
        atLineStart = false
        try processIndentation()
      }
      skipSpaces()
      guard let scalar = scalar(at: index) else { break }
      switch scalar {
      case "#":
        scanComment()
      case "\n", "\r":
        scanLineBreak()
      case "\\":
        try scanLineContinuation()
      case "'", "\"":
        try scanString(start: index, quoteIndex: index)
      case "0"..."9":
        try scanNumber()
      case "." where Self.isDigit(self.scalar(at: index + 1)):
        try scanNumber()
      default:
        if Self.isIdentifierStart(scalar) {
          try scanNameOrPrefixedString()
        } else if Self.operatorCharacters.contains(scalar) {
          try scanOperator()
        } else {
          try scanInvalidCharacter(scalar)
        }
      }
    }
    finish()
  }

  // MARK: - Scanning helpers

  private func scalar(at position: Int) -> Unicode.Scalar? {
    position < endIndex ? buffer[position] : nil
  }

  private func isLineBreak(at position: Int) -> Bool {
    position < endIndex && buffer.isLineBreak(at: position)
  }

  private func endOfLine(from position: Int) -> Int {
    min(buffer.endOfLine(from: position), endIndex)
  }

  private mutating func emit(
    _ kind: PythonToken.Kind, from start: Int, to end: Int, range: SourceRange? = nil,
    text normalized: String? = nil
  ) {
    let depth = openBrackets.count + (mode == .embeddedExpression ? 1 : 0)
    let isText =
      !(kind == .comment || kind == .newline || kind == .indent || kind == .dedent || kind == .end)
    let text =
      normalized ?? (kind == .newline && mode != .highlighting ? "" : buffer.text(start, end))
    tokens.append(
      PythonToken(
        kind: kind, text: text, range: range ?? buffer.range(start, end), scalarStart: start,
        scalarEnd: end,
        bracketDepth: depth))
    if isText { lineHasTokens = true }
  }

  private func syntaxError(_ message: String, at position: Int) -> PythonSyntaxError {
    PythonSyntaxError(.syntaxError, message, at: SourceRange(at: buffer.location(at: position)))
  }

  private mutating func skipSpaces() {
    while let scalar = scalar(at: index), scalar == " " || scalar == "\t" || scalar == "\u{0C}" {
      index += 1
    }
  }

  // MARK: - Indentation

  private mutating func processIndentation() throws(PythonSyntaxError) {
    guard mode == .module else { return }
    var column = 0
    var alternateColumn = 0
    var cursor = index
    scanning: while let scalar = scalar(at: cursor) {
      switch scalar {
      case " ":
        column += 1
        alternateColumn += 1
      case "\t":
        column = (column / 8 + 1) * 8
        alternateColumn += 1
      case "\u{0C}":
        column = 0
        alternateColumn = 0
      default:
        break scanning
      }
      cursor += 1
    }
    // Blank, comment-only and continuation-only lines do not indent.
    let next = scalar(at: cursor)
    if next == nil || next == "#" || next == "\n" || next == "\r" || next == "\\" { return }

    let lineStart = index
    let tabError = PythonSyntaxError(
      .tabError, "inconsistent use of tabs and spaces in indentation",
      at: SourceRange(at: buffer.location(at: lineStart)))
    if column == indentColumns.last! {
      if alternateColumn != alternateIndentColumns.last! { throw tabError }
    } else if column > indentColumns.last! {
      if alternateColumn <= alternateIndentColumns.last! { throw tabError }
      // CPython's tokenizer stops at 100 levels (MAXINDENT): the 100th indent is refused.
      if indentColumns.count >= Self.maximumIndentation {
        throw PythonSyntaxError(
          .indentationError, "too many levels of indentation",
          at: SourceRange(at: buffer.location(at: lineStart)))
      }
      indentColumns.append(column)
      alternateIndentColumns.append(alternateColumn)
      emit(.indent, from: lineStart, to: cursor)
    } else {
      let remainingLevels = indentColumns.lastIndex(where: { $0 <= column })! + 1
      if column != indentColumns[remainingLevels - 1] {
        // CPython puts the caret at the end of the offending line.
        throw PythonSyntaxError(
          .indentationError, "unindent does not match any outer indentation level",
          at: SourceRange(at: buffer.location(at: endOfLine(from: cursor))))
      }
      if alternateColumn != alternateIndentColumns[remainingLevels - 1] { throw tabError }
      while indentColumns.count > remainingLevels {
        indentColumns.removeLast()
        alternateIndentColumns.removeLast()
        emit(.dedent, from: cursor, to: cursor)
      }
    }
    index = cursor
  }

  // MARK: - Comments and line structure

  private mutating func scanComment() {
    let start = index
    index = endOfLine(from: index)
    if mode == .highlighting {
      emit(.comment, from: start, to: index)
    } else if lineHasTokens && openBrackets.isEmpty {
      trailingCommentStart = start
    }
  }

  private mutating func scanLineBreak() {
    let start = index
    index += buffer.lineBreakLength(at: index)
    switch mode {
    case .highlighting:
      emit(.newline, from: start, to: index)
    case .module:
      if openBrackets.isEmpty {
        if lineHasTokens {
          emitNewline(at: start)
        }
        atLineStart = true
      }
    case .embeddedExpression:
      break
    }
    trailingCommentStart = nil
  }

  private mutating func emitNewline(at position: Int) {
    let range = SourceRange(
      start: buffer.location(at: trailingCommentStart ?? position),
      end: buffer.location(at: position))
    emit(.newline, from: position, to: position, range: range)
    lineHasTokens = false
  }

  private mutating func scanLineContinuation() throws(PythonSyntaxError) {
    let backslash = index
    if isLineBreak(at: backslash + 1) || scalar(at: backslash + 1) == nil {
      index =
        backslash + 1
        + (scalar(at: backslash + 1) == nil ? 0 : buffer.lineBreakLength(at: backslash + 1))
      if scalar(at: index) == nil && mode == .module && openBrackets.isEmpty {
        throw syntaxError("unexpected EOF while parsing", at: backslash + 1)
      }
      return
    }
    if mode == .highlighting {
      emit(.error, from: backslash, to: backslash + 1)
      index += 1
      return
    }
    throw syntaxError("unexpected character after line continuation character", at: backslash + 1)
  }

  private mutating func finish() {
    switch mode {
    case .highlighting:
      break
    case .embeddedExpression:
      emit(.end, from: endIndex, to: endIndex)
    case .module:
      if let open = openBrackets.last {
        unclosedBracket = open
      } else {
        if lineHasTokens { emitNewline(at: endIndex) }
        while indentColumns.count > 1 {
          indentColumns.removeLast()
          alternateIndentColumns.removeLast()
          emit(.dedent, from: endIndex, to: endIndex)
        }
      }
      emit(.end, from: endIndex, to: endIndex)
    }
  }

  // MARK: - Names

  private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar >= "0" && scalar <= "9"
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
  }

  private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    isASCIILetter(scalar) || scalar == "_" || scalar.value >= 128
  }

  /// CPython first collects every character that could belong to a name,
  /// including any non-ASCII one, then validates the whole run.
  private static func isPotentialIdentifierCharacter(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return isIdentifierStart(scalar) || isDigit(scalar)
  }

  private static let stringPrefixes: Set<String> = ["r", "u", "b", "br", "rb", "f", "fr", "rf"]

  private mutating func scanNameOrPrefixedString() throws(PythonSyntaxError) {
    let start = index
    var cursor = index
    while Self.isPotentialIdentifierCharacter(scalar(at: cursor)) { cursor += 1 }
    let text = buffer.text(start, cursor)
    if let quote = scalar(at: cursor), quote == "'" || quote == "\"",
      Self.stringPrefixes.contains(text.lowercased())
    {
      try scanString(start: start, quoteIndex: cursor)
      return
    }
    if let invalid = firstInvalidIdentifierScalar(from: start, to: cursor) {
      if mode == .highlighting {
        emit(.error, from: start, to: cursor)
        index = cursor
        return
      }
      throw invalidCharacterError(at: invalid)
    }
    index = cursor
    if let keyword = PythonKeyword(rawValue: text) {
      emit(.keyword(keyword), from: start, to: cursor)
    } else if mode != .highlighting, text.unicodeScalars.contains(where: { $0.value >= 128 }) {
      // CPython NFKC-normalizes a non-ASCII identifier (PEP 3131): `ｘ`, `x` and a
      // compatibility ligature such as `ﬁle` name the same variable as their plain spelling.
      emit(
        .name, from: start, to: cursor, text: text.precomposedStringWithCompatibilityMapping)
    } else {
      emit(.name, from: start, to: cursor)
    }
  }

  private func firstInvalidIdentifierScalar(from start: Int, to end: Int) -> Int? {
    for position in start..<end {
      let scalar = buffer.scalars[position]
      guard scalar.value >= 128 else { continue }
      let isValid =
        position == start ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
      if !isValid { return position }
    }
    return nil
  }

  private func invalidCharacterError(at position: Int) -> PythonSyntaxError {
    let scalar = buffer.scalars[position]
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    if Self.isPrintable(scalar) {
      return syntaxError("invalid character '\(Character(scalar))' (U+\(code))", at: position)
    }
    return syntaxError("invalid non-printable character U+\(code)", at: position)
  }

  /// Python's `str.isprintable` for one character.
  private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator,
      .spaceSeparator:
      return false
    default:
      return true
    }
  }

  private mutating func scanInvalidCharacter(_ scalar: Unicode.Scalar) throws(PythonSyntaxError) {
    // Stray printable ASCII such as `$` or `?` is a token CPython's parser
    // rejects with plain "invalid syntax"; anything else fails right here.
    if mode == .highlighting || (scalar.value < 128 && Self.isPrintable(scalar)) {
      emit(.error, from: index, to: index + 1)
      index += 1
      return
    }
    throw invalidCharacterError(at: index)
  }

  // MARK: - Strings

  private mutating func scanString(start: Int, quoteIndex: Int) throws(PythonSyntaxError) {
    let quote = buffer.scalars[quoteIndex]
    let isTripleQuoted = scalar(at: quoteIndex + 1) == quote && scalar(at: quoteIndex + 2) == quote
    var cursor = quoteIndex + (isTripleQuoted ? 3 : 1)
    while true {
      guard let current = scalar(at: cursor), isTripleQuoted || !isLineBreak(at: cursor) else {
        try reportUnterminatedString(
          start: start, stoppedAt: cursor, isTripleQuoted: isTripleQuoted)
        return
      }
      if current == "\\" {
        cursor += 1
        cursor +=
          isLineBreak(at: cursor)
          ? buffer.lineBreakLength(at: cursor) : (scalar(at: cursor) == nil ? 0 : 1)
        continue
      }
      if current == quote {
        if !isTripleQuoted {
          cursor += 1
          break
        }
        if scalar(at: cursor + 1) == quote && scalar(at: cursor + 2) == quote {
          cursor += 3
          break
        }
      }
      cursor += 1
    }
    let prefix = buffer.text(start, quoteIndex).lowercased()
    index = cursor
    emit(prefix.contains("f") ? .formattedString : .string, from: start, to: cursor)
  }

  private mutating func reportUnterminatedString(
    start: Int, stoppedAt position: Int, isTripleQuoted: Bool
  )
    throws(PythonSyntaxError)
  {
    if mode == .highlighting {
      let end = isTripleQuoted ? endIndex : endOfLine(from: position)
      emit(.error, from: start, to: end)
      index = end
      return
    }
    if isTripleQuoted {
      // A final line break does not start a line CPython counts.
      var line = buffer.location(at: endIndex).line
      if endIndex > 0 && buffer.isLineBreak(at: endIndex - 1) { line -= 1 }
      throw syntaxError(
        "unterminated triple-quoted string literal (detected at line \(line))", at: start)
    }
    var line = buffer.location(at: position).line
    if position >= endIndex && endIndex > 0 && buffer.isLineBreak(at: endIndex - 1) { line -= 1 }
    throw syntaxError("unterminated string literal (detected at line \(line))", at: start)
  }

  // MARK: - Numbers

  private struct NumberError: Error {
    var message: String
    /// Where CPython's caret goes: the last character it consumed.
    var position: Int
    var end: Int?
  }

  private mutating func scanNumber() throws(PythonSyntaxError) {
    let start = index
    do {
      let (end, kind) = try lexNumber(from: start)
      index = end
      emit(kind, from: start, to: end)
    } catch {
      if mode == .highlighting {
        var end = max(error.position + 1, start + 1)
        while let scalar = scalar(at: end),
          Self.isPotentialIdentifierCharacter(scalar) || scalar == "."
        { end += 1 }
        emit(.error, from: start, to: end)
        index = end
        return
      }
      let location = buffer.location(at: error.position)
      let range = SourceRange(
        start: location, end: error.end.map { buffer.location(at: $0) } ?? location)
      throw PythonSyntaxError(.syntaxError, error.message, at: range)
    }
  }

  /// CPython's number grammar, including its choice of error messages.
  private func lexNumber(from start: Int) throws(NumberError) -> (end: Int, kind: PythonToken.Kind)
  {
    var cursor = start
    if scalar(at: cursor) == "0", let marker = scalar(at: cursor + 1),
      let (radixName, isRadixDigit) = Self.radixPrefixes[Character(marker).lowercased().first!]
    {
      cursor += 2
      while true {
        if scalar(at: cursor) == "_" { cursor += 1 }
        guard let digit = scalar(at: cursor), isRadixDigit(digit) else {
          if Self.isDigit(scalar(at: cursor)) {
            throw NumberError(
              message: "invalid digit '\(scalar(at: cursor)!)' in \(radixName) literal",
              position: cursor)
          }
          throw NumberError(message: "invalid \(radixName) literal", position: cursor - 1)
        }
        while let digit = scalar(at: cursor), isRadixDigit(digit) { cursor += 1 }
        if scalar(at: cursor) != "_" { break }
      }
      if radixName != "hexadecimal", Self.isDigit(scalar(at: cursor)) {
        throw NumberError(
          message: "invalid digit '\(scalar(at: cursor)!)' in \(radixName) literal",
          position: cursor)
      }
      return (try verifyEndOfNumber(at: cursor, kindName: radixName), .integer)
    }

    if scalar(at: cursor) == "0" {
      cursor += 1
      while true {
        if scalar(at: cursor) == "_" {
          cursor += 1
          if !Self.isDigit(scalar(at: cursor)) {
            throw NumberError(message: "invalid decimal literal", position: cursor - 1)
          }
        }
        if scalar(at: cursor) != "0" { break }
        cursor += 1
      }
      let zerosEnd = cursor
      var hasNonZeroDigits = false
      if Self.isDigit(scalar(at: cursor)) {
        hasNonZeroDigits = true
        cursor = try decimalTail(from: cursor)
      }
      let next = scalar(at: cursor)
      if next == "." || next == "e" || next == "E" || next == "j" || next == "J" {
        return try lexFractionAndExponent(from: cursor)
      }
      if hasNonZeroDigits {
        throw NumberError(
          message:
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
          position: start, end: zerosEnd)
      }
      return (try verifyEndOfNumber(at: cursor, kindName: "decimal"), .integer)
    }

    if Self.isDigit(scalar(at: cursor)) {
      cursor = try decimalTail(from: cursor)
      let next = scalar(at: cursor)
      if next == "." || next == "e" || next == "E" || next == "j" || next == "J" {
        return try lexFractionAndExponent(from: cursor)
      }
      return (try verifyEndOfNumber(at: cursor, kindName: "decimal"), .integer)
    }
    return try lexFractionAndExponent(from: cursor)
  }

  private static let radixPrefixes: [Character: (String, @Sendable (Unicode.Scalar) -> Bool)] = [
    "x": ("hexadecimal", { $0.properties.isASCIIHexDigit }),
    "o": ("octal", { $0 >= "0" && $0 <= "7" }),
    "b": ("binary", { $0 == "0" || $0 == "1" }),
  ]

  /// Continues a number at `.`, an exponent or `j`.
  private func lexFractionAndExponent(from position: Int) throws(NumberError) -> (
    end: Int, kind: PythonToken.Kind
  ) {
    var cursor = position
    var kind = PythonToken.Kind.integer
    if scalar(at: cursor) == "." {
      kind = .float
      cursor += 1
      if Self.isDigit(scalar(at: cursor)) { cursor = try decimalTail(from: cursor) }
    }
    if scalar(at: cursor) == "e" || scalar(at: cursor) == "E" {
      let exponentMarker = cursor
      cursor += 1
      if scalar(at: cursor) == "+" || scalar(at: cursor) == "-" {
        cursor += 1
        if !Self.isDigit(scalar(at: cursor)) {
          throw NumberError(message: "invalid decimal literal", position: cursor - 1)
        }
      } else if !Self.isDigit(scalar(at: cursor)) {
        // `1else` is valid: the number ends before the keyword.
        return (try verifyEndOfNumber(at: exponentMarker, kindName: "decimal"), kind)
      }
      cursor = try decimalTail(from: cursor)
      kind = .float
    }
    if scalar(at: cursor) == "j" || scalar(at: cursor) == "J" {
      return (try verifyEndOfNumber(at: cursor + 1, kindName: "imaginary"), .imaginary)
    }
    return (try verifyEndOfNumber(at: cursor, kindName: "decimal"), kind)
  }

  private func decimalTail(from position: Int) throws(NumberError) -> Int {
    var cursor = position
    while true {
      while Self.isDigit(scalar(at: cursor)) { cursor += 1 }
      if scalar(at: cursor) != "_" { return cursor }
      cursor += 1
      if !Self.isDigit(scalar(at: cursor)) {
        throw NumberError(message: "invalid decimal literal", position: cursor - 1)
      }
    }
  }

  /// A number may be glued to a keyword that can legally follow it
  /// (`1if x else 2`), but not to any other name character.
  private func verifyEndOfNumber(at position: Int, kindName: String) throws(NumberError) -> Int {
    let gluedKeywords: [Unicode.Scalar: [String]] = [
      "a": ["and"], "e": ["else"], "f": ["for"], "i": ["if", "in", "is"], "o": ["or"], "n": ["not"],
    ]
    guard let next = scalar(at: position) else { return position }
    for keyword in gluedKeywords[next] ?? [] where matchesKeyword(keyword, at: position) {
      return position
    }
    // In practice CPython 3.11 ends a number before a non-ASCII character.
    if next.isASCII && Self.isPotentialIdentifierCharacter(next) {
      throw NumberError(message: "invalid \(kindName) literal", position: position - 1)
    }
    return position
  }

  private func matchesKeyword(_ keyword: String, at position: Int) -> Bool {
    var cursor = position
    for expected in keyword.unicodeScalars {
      guard scalar(at: cursor) == expected else { return false }
      cursor += 1
    }
    return keyword.count == 2 && keyword.first == "i"
      || !Self.isPotentialIdentifierCharacter(scalar(at: cursor))
  }

  // MARK: - Operators

  private static let operatorCharacters: Set<Unicode.Scalar> = Set(
    "%&()*+,-./:;<=>@[]^{|}~!".unicodeScalars)
  private static let threeCharacterOperators: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
  private static let twoCharacterOperators: Set<String> = [
    "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "==", ">=", ">>",
    "@=", "^=", "|=",
  ]
  private static let closingToOpening: [String: String] = [")": "(", "]": "[", "}": "{"]

  private mutating func scanOperator() throws(PythonSyntaxError) {
    let start = index
    var length = 1
    if Self.threeCharacterOperators.contains(buffer.text(start, min(start + 3, endIndex))) {
      length = 3
    } else if Self.twoCharacterOperators.contains(buffer.text(start, min(start + 2, endIndex))) {
      length = 2
    }
    let text = buffer.text(start, start + length)
    if text == "!" {
      try scanInvalidCharacter("!")
      return
    }
    index = start + length
    if text == "(" || text == "[" || text == "{" {
      // CPython's tokenizer refuses a 201st open bracket (MAXLEVEL), before its parser recurses.
      if mode != .highlighting && openBrackets.count >= Self.maximumBracketDepth {
        throw syntaxError("too many nested parentheses", at: start)
      }
      emit(.operator, from: start, to: index)
      openBrackets.append(tokens.last!)
      return
    }
    if let expectedOpening = Self.closingToOpening[text] {
      if mode != .highlighting {
        guard let open = openBrackets.last else {
          throw syntaxError("unmatched '\(text)'", at: start)
        }
        if open.text != expectedOpening {
          let line = open.range.start.line
          let onLine = line == buffer.location(at: start).line ? "" : " on line \(line)"
          throw syntaxError(
            "closing parenthesis '\(text)' does not match opening parenthesis '\(open.text)'\(onLine)",
            at: start)
        }
      }
      if !openBrackets.isEmpty { openBrackets.removeLast() }
    }
    emit(.operator, from: start, to: index)
  }
}
