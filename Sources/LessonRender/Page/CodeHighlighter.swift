import KerasCells

/// Colours cell code with the cell language's own tokenizer, so highlighting and execution agree
/// on what every character is.
public enum CodeHighlighter {
  /// The code as HTML: every token in a `<span class="tok-...">`, whitespace and line breaks kept.
  public static func html(_ source: String) -> String { nodes(source).markup }

  /// The code as nodes: text, with every token in a `<span class="tok-...">`.
  public static func nodes(_ source: String) -> [HTMLNode] {
    var output: [HTMLNode] = []
    var cursor = source.utf8.startIndex
    let utf8 = source.utf8
    for token in PythonTokenizer.highlightTokens(source) {
      guard let className = cssClass(for: token) else { continue }
      let start =
        utf8.index(
          utf8.startIndex, offsetBy: token.range.start.utf8Offset, limitedBy: utf8.endIndex)
        ?? utf8.endIndex
      let end =
        utf8.index(utf8.startIndex, offsetBy: token.range.end.utf8Offset, limitedBy: utf8.endIndex)
        ?? utf8.endIndex
      guard start >= cursor, end > start else { continue }
      if start > cursor { output.append(.text(String(source[cursor..<start]))) }
      output.append(.tag("span", ["class": className], [.text(String(source[start..<end]))]))
      cursor = end
    }
    if cursor < source.endIndex { output.append(.text(String(source[cursor...]))) }
    return output
  }

  static let builtinNames: Set<String> = [
    "print", "len", "range", "str", "int", "float", "round", "abs", "min", "max", "sum", "list",
    "tuple",
    "sorted", "enumerate", "zip",
  ]

  static func cssClass(for token: PythonToken) -> String? {
    switch token.kind {
    case .keyword: return "tok-kw"
    case .integer, .float, .imaginary: return "tok-num"
    case .string, .formattedString: return "tok-str"
    case .comment: return "tok-com"
    case .operator: return "tok-op"
    case .error: return "tok-err"
    case .name:
      if builtinNames.contains(token.text) { return "tok-builtin" }
      if let first = token.text.first, first.isUppercase { return "tok-class" }
      return nil
    default: return nil
    }
  }
}
