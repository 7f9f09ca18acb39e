import KerasCells
import Testing

@Suite struct PythonTokenizerTests {
  /// Each token as `kind:text`, with the structural tokens spelled out.
  func shapes(_ source: String) throws -> [String] {
    try PythonTokenizer.tokenize(source).map { token in
      switch token.kind {
      case .newline: "NEWLINE"
      case .indent: "INDENT"
      case .dedent: "DEDENT"
      case .end: "END"
      case .keyword: "keyword:\(token.text)"
      default: "\(token.kind):\(token.text)"
      }
    }
  }

  @Test func multiLineBracketsJoinLinesAndKeepPositions() throws {
    let source = """
      model = keras.Sequential([
          layers.Dense(10,
                       activation='relu'),
      ])
      """
    let tokens = try PythonTokenizer.tokenize(source)
    #expect(tokens.filter { $0.kind == .newline }.count == 1)
    let activation = try #require(tokens.first { $0.text == "activation" })
    #expect(span(activation.range) == "3:18-3:28")
    let relu = try #require(tokens.first { $0.text == "'relu'" })
    #expect(span(relu.range) == "3:29-3:35")
    #expect(relu.range.start.utf8Offset == source.utf8.count - "'relu'),\n])".utf8.count)
    let closing = try #require(tokens.last { $0.text == "]" })
    #expect(span(closing.range) == "4:1-4:2")
  }

  @Test func numbers() throws {
    #expect(
      try shapes("7*7*256") == [
        "integer:7", "operator:*", "integer:7", "operator:*", "integer:256", "NEWLINE", "END",
      ])
    #expect(try shapes("1e-4") == ["float:1e-4", "NEWLINE", "END"])
    #expect(try shapes("11_574_090") == ["integer:11_574_090", "NEWLINE", "END"])
    #expect(
      try shapes("0xFF + 0o17 + 0b101") == [
        "integer:0xFF", "operator:+", "integer:0o17", "operator:+", "integer:0b101", "NEWLINE",
        "END",
      ])
    #expect(
      try shapes(".5 2. 1.5e+3 3j") == [
        "float:.5", "float:2.", "float:1.5e+3", "imaginary:3j", "NEWLINE", "END",
      ])
    // A number may touch a keyword that can follow it, as in CPython.
    #expect(
      try shapes("1if x else 2") == [
        "integer:1", "keyword:if", "name:x", "keyword:else", "integer:2", "NEWLINE", "END",
      ])
    // `x.1` is a name and a float, which the parser then rejects.
    #expect(try shapes("a.1") == ["name:a", "float:.1", "NEWLINE", "END"])
  }

  @Test func strings() throws {
    #expect(
      try shapes(#"'a' "b" r'\d' b"\x00" f"{x}" Rb'y' u'z'"#) == [
        "string:'a'", #"string:"b""#, #"string:r'\d'"#, #"string:b"\x00""#,
        #"formattedString:f"{x}""#,
        "string:Rb'y'", "string:u'z'", "NEWLINE", "END",
      ])
    // An escaped quote does not end the string, even in a raw string.
    #expect(try shapes(#"r'it\'s'"#) == [#"string:r'it\'s'"#, "NEWLINE", "END"])
    let triple = try PythonTokenizer.tokenize("doc = '''one\ntwo'''\nx = 1")
    #expect(triple[2].kind == .string)
    #expect(span(triple[2].range) == "1:7-2:7")
    #expect(triple[4].range.start.line == 3)
  }

  @Test func stringPrefixesThatArePythonNamesStayNames() throws {
    #expect(try shapes("ur'x'") == ["name:ur", "string:'x'", "NEWLINE", "END"])
  }

  @Test func commentsAreNotParserTokens() throws {
    let tokens = try PythonTokenizer.tokenize("x = 1  # set x\n# alone\ny = 2\n")
    #expect(!tokens.contains { $0.kind == .comment })
    #expect(tokens.filter { $0.kind == .newline }.count == 2)
    // CPython reports an error at such a line end over the comment.
    #expect(span(tokens[3].range) == "1:8-1:15")
  }

  @Test func indentationProducesIndentAndDedent() throws {
    let source = """
      for layer in layers:

          # a comment at any indentation
        # does not count
          if layer:
              print(layer)
      done = True
      """
    #expect(
      try shapes(source) == [
        "keyword:for", "name:layer", "keyword:in", "name:layers", "operator::", "NEWLINE",
        "INDENT", "keyword:if", "name:layer", "operator::", "NEWLINE",
        "INDENT", "name:print", "operator:(", "name:layer", "operator:)", "NEWLINE",
        "DEDENT", "DEDENT", "name:done", "operator:=", "keyword:True", "NEWLINE", "END",
      ])
  }

  @Test func backslashContinuationJoinsLines() throws {
    #expect(
      try shapes("x = 1 + \\\n    2\ny = 3") == [
        "name:x", "operator:=", "integer:1", "operator:+", "integer:2", "NEWLINE",
        "name:y", "operator:=", "integer:3", "NEWLINE", "END",
      ])
  }

  @Test func trailingCommasAndOperators() throws {
    #expect(
      try shapes("f(a, b=2,)") == [
        "name:f", "operator:(", "name:a", "operator:,", "name:b", "operator:=", "integer:2",
        "operator:,",
        "operator:)", "NEWLINE", "END",
      ])
    #expect(
      try shapes("x **= 2 // 3 -> ... :=") == [
        "name:x", "operator:**=", "integer:2", "operator://", "integer:3", "operator:->",
        "operator:...",
        "operator::=", "NEWLINE", "END",
      ])
  }

  @Test func keywordsAndSoftKeywords() throws {
    let tokens = try PythonTokenizer.tokenize(
      "import from as for in if else elif not and or True False None pass def")
    #expect(tokens.dropLast(2).allSatisfy { if case .keyword = $0.kind { true } else { false } })
    #expect(
      try shapes("match _ case type") == [
        "name:match", "name:_", "name:case", "name:type", "NEWLINE", "END",
      ])
  }

  @Test func columnsCountCharactersNotBytes() throws {
    // "é" as e + combining accent is one character; the emoji is one too.
    let tokens = try PythonTokenizer.tokenize("s = 'e\u{301}😀' + t")
    let plus = try #require(tokens.first { $0.text == "+" })
    #expect(plus.range.start.column == 10)
    #expect(plus.range.start.utf8Offset == 14)
  }

  @Test func windowsLineEndings() throws {
    let source = "x = 1\r\nif x:\r\n    y = '''a\r\nb'''\r\n"
    let tokens = try PythonTokenizer.tokenize(source)
    #expect(tokens.filter { $0.kind == .newline }.count == 3)
    let y = try #require(tokens.first { $0.text == "y" })
    #expect(span(y.range) == "3:5-3:6")
    guard case .ifStatement(let branches, _) = try PythonParser.parse(source)[1].kind,
      case .assignment(_, let value) = branches[0].body[0].kind
    else {
      Issue.record("expected an if statement")
      return
    }
    // Python reads line breaks inside strings as `\n`.
    #expect(value.kind == .string("a\nb"))
    let error = try parseError("x = 1\r\ny = (1 2)\r\n")
    #expect(span(error.range) == "2:6-2:9")
  }

  @Test func nullBytesAreRejectedLikeCPython() throws {
    #expect(try parseError("x = 1 \0").message == "source code string cannot contain null bytes")
  }

  @Test func emptySourceIsJustTheEnd() throws {
    #expect(try shapes("") == ["END"])
    #expect(try shapes("\n\n# only a comment\n") == ["END"])
  }

  @Test func unclosedBracketIsLeftToTheParser() throws {
    // CPython reports "'(' was never closed" from the parser, not the tokenizer.
    #expect(try shapes("f(1,\n") == ["name:f", "operator:(", "integer:1", "operator:,", "END"])
  }

  @Test func tokenizerErrorsThrow() throws {
    let error = try #require(throws: PythonSyntaxError.self) {
      try PythonTokenizer.tokenize("x = 'abc")
    }
    #expect(error.message == "unterminated string literal (detected at line 1)")
    #expect(error.range.start.column == 5)
  }
}

@Suite struct HighlightTokenTests {
  func shapes(_ source: String) -> [String] {
    PythonTokenizer.highlightTokens(source).map { "\($0.kind):\($0.text)" }
  }

  @Test func includesCommentsAndEveryLineBreak() {
    #expect(
      shapes("x = 1  # one\n\n# two\n") == [
        "name:x", "operator:=", "integer:1", "comment:# one", "newline:\n", "newline:\n",
        "comment:# two", "newline:\n",
      ])
  }

  @Test func unterminatedStringRunsToTheEndOfItsLine() {
    #expect(
      shapes("print('oops)\nx = 2") == [
        "name:print", "operator:(", "error:'oops)", "newline:\n", "name:x", "operator:=",
        "integer:2",
      ])
  }

  @Test func unterminatedTripleQuotedStringRunsToTheEnd() {
    #expect(shapes("s = '''doc\nmore") == ["name:s", "operator:=", "error:'''doc\nmore"])
  }

  @Test func malformedTextBecomesErrorTokens() {
    #expect(
      shapes("x = 1abc $ ) \\ y") == [
        "name:x", "operator:=", "error:1abc", "error:$", "operator:)", "error:\\", "name:y",
      ])
    #expect(shapes("x = 3 € 4") == ["name:x", "operator:=", "integer:3", "error:€", "integer:4"])
  }

  @Test func gapsBetweenTokensAreOnlyWhitespace() {
    let source =
      "model = keras.Sequential([  # layers\n\tlayers.Dense(10, activation=f'{act}'),\n], name='m')\n"
    var covered = ""
    var offset = 0
    let utf8 = Array(source.utf8)
    for token in PythonTokenizer.highlightTokens(source) {
      let gap = String(decoding: utf8[offset..<token.range.start.utf8Offset], as: UTF8.self)
      #expect(gap.allSatisfy { $0 == " " || $0 == "\t" })
      covered += gap + token.text
      offset = token.range.end.utf8Offset
    }
    #expect(covered == source)
  }
}
