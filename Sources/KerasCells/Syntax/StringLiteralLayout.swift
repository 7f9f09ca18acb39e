/// Where the prefix, quotes and body of a string token are.
struct StringLiteralLayout {
  var isRaw: Bool
  var isBytes: Bool
  var isFormatted: Bool
  /// Scalar indices of the text between the quotes.
  var body: Range<Int>

  init(token: PythonToken, buffer: SourceBuffer) {
    var index = token.scalarStart
    var prefix = ""
    while let scalar = buffer[index], scalar != "'" && scalar != "\"" {
      prefix.unicodeScalars.append(scalar)
      index += 1
    }
    prefix = prefix.lowercased()
    let quote = buffer[index]
    let isTripleQuoted =
      token.scalarEnd - index >= 6 && buffer[index + 1] == quote && buffer[index + 2] == quote
    let quoteLength = isTripleQuoted ? 3 : 1
    isRaw = prefix.contains("r")
    isBytes = prefix.contains("b")
    isFormatted = prefix.contains("f")
    body = (index + quoteLength)..<max(index + quoteLength, token.scalarEnd - quoteLength)
  }
}
