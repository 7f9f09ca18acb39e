/// String literals: concatenation, escapes and f-strings.
extension PythonParser {
  /// One or more adjacent string tokens, joined as Python joins them.
  mutating func parseStrings() throws(PythonSyntaxError) -> Expression {
    var pieces: [PythonToken] = []
    while current.kind == .string || current.kind == .formattedString {
      pieces.append(current)
      try advance()
    }
    let range = pieces.first!.range.union(pieces.last!.range)
    var isBytes: Bool?
    var isFormatted = false
    // CPython reports these once the literal is read, at the token after it.
    let followingTokenRange = current.range
    var parts: [FormattedStringPart] = []
    var bytes: [UInt8] = []
    for token in pieces {
      let layout = StringLiteralLayout(token: token, buffer: buffer)
      if let isBytes, isBytes != layout.isBytes {
        throw syntaxError("cannot mix bytes and nonbytes literals", at: followingTokenRange)
      }
      isBytes = layout.isBytes
      if layout.isFormatted {
        isFormatted = true
        parts += try parseFormattedStringBody(layout)
        continue
      }
      var decoder = StringLiteralDecoder(scalars: buffer.scalars[layout.body], isRaw: layout.isRaw)
      do {
        if layout.isBytes {
          bytes += try decoder.decodeBytes()
        } else {
          parts.append(.literal(try decoder.decodeString()))
        }
      } catch {
        throw syntaxError(error.message, at: error.isAtLiteral ? token.range : followingTokenRange)
      }
      if decoder.usesNamedEscape {
        deferUnsupported("\\N{...}", "named Unicode escapes (\\N{...})", at: token.range)
      }
    }
    if isBytes == true { return Expression(.bytes(bytes), range: range) }
    let merged = Self.mergingLiterals(parts)
    guard isFormatted else {
      if case .literal(let text) = merged.first { return Expression(.string(text), range: range) }
      return Expression(.string(""), range: range)
    }
    return Expression(.formattedString(merged), range: range)
  }

  private static func mergingLiterals(_ parts: [FormattedStringPart]) -> [FormattedStringPart] {
    var merged: [FormattedStringPart] = []
    for part in parts {
      if case .literal(let text) = part {
        if text.isEmpty { continue }
        if case .literal(let previous) = merged.last {
          merged[merged.count - 1] = .literal(previous + text)
          continue
        }
      }
      merged.append(part)
    }
    return merged
  }

  // MARK: - f-strings

  /// Splits an f-string body into literal text and replacement fields,
  /// with CPython 3.11's f-string error messages.
  private mutating func parseFormattedStringBody(_ layout: StringLiteralLayout)
    throws(PythonSyntaxError)
    -> [FormattedStringPart]
  {
    var cursor = layout.body.lowerBound
    return try parseFormattedText(
      &cursor, end: layout.body.upperBound, isRaw: layout.isRaw, nesting: 0, isFormatSpec: false)
  }

  private func fstringError(_ message: String, at index: Int) -> PythonSyntaxError {
    syntaxError(message, at: SourceRange(at: buffer.location(at: index)))
  }

  /// Literal text and fields up to `end`, or up to the `}` closing a
  /// format spec when `isFormatSpec` is set.
  private mutating func parseFormattedText(
    _ cursor: inout Int, end: Int, isRaw: Bool, nesting: Int, isFormatSpec: Bool
  ) throws(PythonSyntaxError) -> [FormattedStringPart] {
    var parts: [FormattedStringPart] = []
    var pendingLiteral: [Unicode.Scalar] = []
    var pendingLiteralStart = cursor
    while cursor < end {
      let scalar = buffer.scalars[cursor]
      if scalar == "{" {
        if !isFormatSpec && cursor + 1 < end && buffer.scalars[cursor + 1] == "{" {
          pendingLiteral.append("{")
          cursor += 2
          continue
        }
        parts += try decodedLiteral(pendingLiteral, isRaw: isRaw, startingAt: pendingLiteralStart)
        pendingLiteral = []
        parts += try parseReplacementField(&cursor, end: end, isRaw: isRaw, nesting: nesting)
        pendingLiteralStart = cursor
        continue
      }
      if scalar == "}" {
        if isFormatSpec { break }
        if cursor + 1 < end && buffer.scalars[cursor + 1] == "}" {
          pendingLiteral.append("}")
          cursor += 2
          continue
        }
        throw fstringError("f-string: single '}' is not allowed", at: cursor)
      }
      pendingLiteral.append(scalar)
      cursor += 1
      // Keep an escape whole so `\\{` or `\N{...}` is never taken for a
      // field; a brace right after a backslash still opens or closes one.
      if scalar == "\\" && !isRaw && cursor < end && buffer.scalars[cursor] != "{"
        && buffer.scalars[cursor] != "}"
      {
        let escaped = buffer.scalars[cursor]
        pendingLiteral.append(escaped)
        cursor += 1
        if escaped == "N" && cursor < end && buffer.scalars[cursor] == "{" {
          while cursor < end && buffer.scalars[cursor] != "}" {
            pendingLiteral.append(buffer.scalars[cursor])
            cursor += 1
          }
          if cursor < end {
            pendingLiteral.append("}")
            cursor += 1
          }
        }
      }
    }
    parts += try decodedLiteral(pendingLiteral, isRaw: isRaw, startingAt: pendingLiteralStart)
    return parts
  }

  private mutating func decodedLiteral(
    _ scalars: [Unicode.Scalar], isRaw: Bool, startingAt start: Int
  )
    throws(PythonSyntaxError) -> [FormattedStringPart]
  {
    guard !scalars.isEmpty else { return [] }
    var decoder = StringLiteralDecoder(scalars: scalars, isRaw: isRaw)
    let text: String
    do {
      text = try decoder.decodeString()
    } catch {
      throw fstringError(error.message, at: start)
    }
    if decoder.usesNamedEscape {
      deferUnsupported(
        "\\N{...}", "named Unicode escapes (\\N{...})",
        at: SourceRange(at: buffer.location(at: start)))
    }
    return [.literal(text)]
  }

  /// Parses `{expression=!conversion:spec}` starting at its `{`.
  private mutating func parseReplacementField(
    _ cursor: inout Int, end: Int, isRaw: Bool, nesting: Int
  )
    throws(PythonSyntaxError) -> [FormattedStringPart]
  {
    let open = cursor
    if nesting >= 2 { throw fstringError("f-string: expressions nested too deeply", at: open) }
    cursor += 1
    let expressionStart = cursor
    try scanFieldExpression(&cursor, end: end)
    let expressionEnd = cursor
    if buffer.scalars[expressionStart..<expressionEnd].allSatisfy({
      " \t\n\r\u{0B}\u{0C}".unicodeScalars.contains($0)
    }) {
      let terminator = buffer.scalars[cursor]
      if terminator == "}" {
        throw fstringError("f-string: empty expression not allowed", at: cursor)
      }
      throw fstringError("f-string: expression required before '\(terminator)'", at: cursor)
    }
    let expression = try parseFieldExpression(from: expressionStart, to: expressionEnd)

    var selfDocumentation: String?
    if buffer.scalars[cursor] == "=" {
      cursor += 1
      while cursor < end && buffer.scalars[cursor].properties.isWhitespace { cursor += 1 }
      selfDocumentation = buffer.text(expressionStart, cursor)
    }
    var conversion: FormattedStringConversion?
    if cursor < end && buffer.scalars[cursor] == "!" {
      cursor += 1
      guard cursor < end else { throw fstringError("f-string: expecting '}'", at: cursor) }
      guard let converted = FormattedStringConversion(rawValue: Character(buffer.scalars[cursor]))
      else {
        throw fstringError(
          "f-string: invalid conversion character: expected 's', 'r', or 'a'", at: cursor)
      }
      conversion = converted
      cursor += 1
    }
    var formatSpec: [FormattedStringPart] = []
    var hasFormatSpec = false
    if cursor < end && buffer.scalars[cursor] == ":" {
      cursor += 1
      hasFormatSpec = true
      formatSpec = try parseFormattedText(
        &cursor, end: end, isRaw: isRaw, nesting: nesting + 1, isFormatSpec: true)
    }
    guard cursor < end && buffer.scalars[cursor] == "}" else {
      throw fstringError("f-string: expecting '}'", at: cursor)
    }
    cursor += 1

    var parts: [FormattedStringPart] = []
    if let selfDocumentation {
      parts.append(.literal(selfDocumentation))
      if conversion == nil && !hasFormatSpec { conversion = .repr }
    }
    parts.append(
      .replacement(
        FormattedReplacement(
          expression: expression, conversion: conversion, formatSpec: formatSpec,
          range: buffer.range(open, cursor))))
    return parts
  }

  /// Finds where a field's expression ends: at a top-level `}`, `!`, `:` or
  /// `=` that is not part of a comparison operator, skipping nested
  /// brackets and string literals.
  private func scanFieldExpression(_ cursor: inout Int, end: Int) throws(PythonSyntaxError) {
    var brackets: [Unicode.Scalar] = []
    var quote: Unicode.Scalar?
    var isTripleQuoted = false
    let matchingOpen: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{"]
    func scalar(_ index: Int) -> Unicode.Scalar? { index < end ? buffer.scalars[index] : nil }
    scanning: while cursor < end {
      let current = buffer.scalars[cursor]
      if current == "\\" {
        throw fstringError("f-string expression part cannot include a backslash", at: cursor)
      }
      if let open = quote {
        if current == open {
          if !isTripleQuoted {
            quote = nil
          } else if scalar(cursor + 1) == open && scalar(cursor + 2) == open {
            quote = nil
            cursor += 3
            continue
          }
        }
        cursor += 1
        continue
      }
      switch current {
      case "'", "\"":
        quote = current
        isTripleQuoted = scalar(cursor + 1) == current && scalar(cursor + 2) == current
        if isTripleQuoted {
          cursor += 3
          continue
        }
      case "(", "[", "{":
        brackets.append(current)
      case ")", "]", "}":
        guard let open = brackets.popLast() else {
          if current == "}" { break scanning }
          throw fstringError("f-string: unmatched '\(current)'", at: cursor)
        }
        if open != matchingOpen[current] {
          throw fstringError(
            "f-string: closing parenthesis '\(current)' does not match opening parenthesis '\(open)'",
            at: cursor)
        }
      case "#":
        throw fstringError("f-string expression part cannot include '#'", at: cursor)
      case "!", "=", "<", ">":
        guard brackets.isEmpty else { break }
        if scalar(cursor + 1) == "=" {
          cursor += 2
          continue
        }
        if current == "!" || current == "=" { break scanning }
      case ":" where brackets.isEmpty:
        break scanning
      default:
        break
      }
      cursor += 1
    }
    if quote != nil { throw fstringError("f-string: unterminated string", at: cursor) }
    if let open = brackets.last { throw fstringError("f-string: unmatched '\(open)'", at: cursor) }
    if cursor >= end { throw fstringError("f-string: expecting '}'", at: cursor) }
  }

  /// Tokenizes and parses a field's expression in place, so its nodes carry
  /// their real positions in the cell.
  private mutating func parseFieldExpression(from start: Int, to end: Int) throws(PythonSyntaxError)
    -> Expression
  {
    let output = PythonTokenizer.scan(buffer, scalarRange: start..<end, mode: .embeddedExpression)
    if let error = output.error { throw error }
    var parser = PythonParser(
      buffer: buffer, tokens: output.tokens, unclosedBracket: nil, tokenizerError: nil)
    parser.lambdaDepth = lambdaDepth
    do throws(PythonSyntaxError) {
      // CPython compiles the field as `(expression)`.
      if parser.current.isOperator("**") {
        let stars = parser.current
        try parser.advance()
        if try parser.attemptExpression() != nil && parser.current.kind == .end {
          throw syntaxError("cannot use double starred expression here", at: stars.range)
        }
        parser.restore(Checkpoint(position: 0, deferredErrorCount: 0, furthestLookahead: 0))
      }
      let expression =
        parser.current.isKeyword(.yield)
        ? try parser.parseYieldExpression() : try parser.parseStarExpressions()
      guard parser.current.kind == .end else { throw parser.invalidSyntaxHere() }
      if case .starred = expression.kind {
        throw syntaxError("cannot use starred expression here", at: expression.range)
      }
      deferredErrors += parser.deferredErrors
      return expression
    } catch {
      guard error.kind == .syntaxError, !error.message.hasPrefix("f-string") else { throw error }
      throw PythonSyntaxError(.syntaxError, "f-string: " + error.message, at: error.range)
    }
  }
}
