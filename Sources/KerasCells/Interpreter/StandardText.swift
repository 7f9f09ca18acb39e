/// Python's `string` constants and `capwords`, and `textwrap`'s `dedent`, `indent`, `wrap`,
/// `fill` and `shorten` (CPython's `TextWrapper` with its default options), for the report lines
/// scripts print around their models.
enum StandardText {
  static let constants: [String: String] = [
    "ascii_letters": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ascii_lowercase": "abcdefghijklmnopqrstuvwxyz",
    "ascii_uppercase": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "digits": "0123456789",
    "hexdigits": "0123456789abcdefABCDEF",
    "octdigits": "01234567",
    "punctuation": "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "whitespace": " \t\n\r\u{0B}\u{0C}",
    "printable":
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\u{0B}\u{0C}",
  ]

  static func attribute(_ name: String, of module: String) -> Value? {
    switch module {
    case "string":
      if let text = constants[name] { return .string(text) }
      return name == "capwords" ? StandardLibrary.function(module, name) : nil
    default:
      return ["dedent", "indent", "wrap", "fill", "shorten"].contains(name)
        ? StandardLibrary.function(module, name) : nil
    }
  }

  static func call(_ module: String, _ name: String, _ arguments: StandardArguments)
    throws(CellError) -> Value?
  {
    switch name {
    case "capwords":
      let (values, _) = try arguments.bind([("s", nil), ("sep", Value.none)])
      let text = try arguments.string(values["s"]!, "s")
      func capitalized(_ word: Substring) -> String {
        guard let first = word.first else { return "" }
        return first.uppercased() + word.dropFirst().lowercased()
      }
      if case .string(let separator) = values["sep"]! {
        return .string(
          text.components(separatedBy: separator).map { capitalized($0[...]) }.joined(
            separator: separator))
      }
      return .string(
        text.split(whereSeparator: { $0.isWhitespace }).map(capitalized).joined(separator: " "))
    case "dedent":
      let (values, _) = try arguments.bind([("text", nil)])
      return .string(dedent(try arguments.string(values["text"]!, "text")))
    case "indent":
      let (values, _) = try arguments.bind([
        ("text", nil), ("prefix", nil), ("predicate", Value.none),
      ])
      let text = try arguments.string(values["text"]!, "text")
      let prefix = try arguments.string(values["prefix"]!, "prefix")
      var out = ""
      for line in lines(keepingEnds: text) {
        let add: Bool
        if case .none = values["predicate"]! {
          add = !line.allSatisfy(\.isWhitespace)
        } else {
          add = try arguments.call(values["predicate"]!, [.string(line)]).isTruthy
        }
        out += (add ? prefix : "") + line
      }
      return .string(out)
    case "wrap", "fill", "shorten":
      let parameters: [(String, Value?)] =
        name == "shorten" ? [("text", nil), ("width", nil)] : [("text", nil), ("width", .int(70))]
      let (values, _) = try arguments.bind(
        parameters,
        keywordOnly: name == "shorten" ? [("placeholder", .string(" [...]"))] : [])
      let text = try arguments.string(values["text"]!, "text")
      let width = try arguments.integer(values["width"]!, "width")
      guard width > 0 else {
        throw CellError(
          type: "ValueError", message: "invalid width \(width) (must be > 0)",
          range: arguments.range)
      }
      if name == "shorten" {
        let placeholder = try arguments.string(values["placeholder"]!, "placeholder")
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if collapsed.count <= width { return .string(collapsed) }
        guard placeholder.drop(while: \.isWhitespace).count <= width else {
          throw CellError(
            type: "ValueError", message: "placeholder too large for max width",
            range: arguments.range)
        }
        var kept: [Substring] = []
        for word in collapsed.split(separator: " ") {
          let candidate = (kept + [word]).joined(separator: " ")
          guard candidate.count + placeholder.count <= width else { break }
          kept.append(word)
        }
        let head = kept.joined(separator: " ")
        return .string(
          head.isEmpty ? String(placeholder.drop(while: \.isWhitespace)) : head + placeholder)
      }
      let wrapped = wrap(text, width: width)
      try arguments.interpreter.budget.allocate(slots: wrapped.count, at: arguments.range)
      return name == "fill"
        ? .string(wrapped.joined(separator: "\n")) : .list(wrapped.map(Value.string))
    default: return nil
    }
  }

  /// The lines of `text`, each with its line ending (`str.splitlines(keepends=True)` for `\n`).
  static func lines(keepingEnds text: String) -> [String] {
    var out: [String] = []
    var current = ""
    for character in text {
      current.append(character)
      if character == "\n" || character == "\r\n" {
        out.append(current)
        current = ""
      }
    }
    if !current.isEmpty { out.append(current) }
    return out
  }

  /// `textwrap.dedent`: the common leading spaces and tabs removed; lines of only whitespace
  /// become empty.
  static func dedent(_ text: String) -> String {
    let all = lines(keepingEnds: text)
    func body(_ line: String) -> Substring {
      var content = Substring(line)
      while content.last == "\n" || content.last == "\r\n" { content = content.dropLast() }
      return content
    }
    let margins = all.filter { !body($0).allSatisfy { $0 == " " || $0 == "\t" } }.map {
      String($0.prefix(while: { $0 == " " || $0 == "\t" }))
    }
    var margin = margins.first ?? ""
    for other in margins.dropFirst() {
      margin = String(zip(margin, other).prefix(while: { $0 == $1 }).map(\.0))
    }
    return all.map { line -> String in
      let content = body(line)
      let ending = String(line.dropFirst(content.count))
      if content.allSatisfy({ $0 == " " || $0 == "\t" }) { return ending }
      return String(content.dropFirst(margin.count)) + ending
    }.joined()
  }

  /// `TextWrapper(width).wrap(text)` with the defaults: tabs expanded to 8 columns, every
  /// whitespace character a space, words broken after hyphens between letters, long words split,
  /// whitespace dropped at line ends.
  static func wrap(_ text: String, width: Int) -> [String] {
    var expanded = ""
    var column = 0
    for character in text {
      if character == "\t" {
        let spaces = 8 - column % 8
        expanded += String(repeating: " ", count: spaces)
        column += spaces
      } else if character.isWhitespace {
        expanded += " "
        column = character == "\n" ? 0 : column + 1
      } else {
        expanded.append(character)
        column += 1
      }
    }
    // Chunks: runs of spaces, and words split after a hyphen that has letters on both sides.
    var chunks: [String] = []
    var current = ""
    var inSpace = false
    for character in expanded {
      let isSpace = character == " "
      if !current.isEmpty && isSpace != inSpace {
        chunks.append(current)
        current = ""
      }
      inSpace = isSpace
      current.append(character)
    }
    if !current.isEmpty { chunks.append(current) }
    chunks = chunks.flatMap { chunk -> [String] in
      guard chunk.first != " " else { return [chunk] }
      var pieces: [String] = []
      var piece = ""
      let characters = Array(chunk)
      for (index, character) in characters.enumerated() {
        piece.append(character)
        if character == "-", index > 0, index + 1 < characters.count,
          characters[index - 1].isLetter, characters[index + 1].isLetter
        {
          pieces.append(piece)
          piece = ""
        }
      }
      if !piece.isEmpty { pieces.append(piece) }
      return pieces
    }
    var lines: [String] = []
    var remaining = Array(chunks.reversed())
    while !remaining.isEmpty {
      var line: [String] = []
      var length = 0
      // Whitespace at the start of a line (after the first) is dropped.
      if !lines.isEmpty, remaining.last?.first == " " { remaining.removeLast() }
      while let chunk = remaining.last {
        if length + chunk.count <= width {
          line.append(chunk)
          length += chunk.count
          remaining.removeLast()
        } else {
          break
        }
      }
      if let chunk = remaining.last, chunk.count > width {
        // A word longer than a line is split where the line ends.
        let room = max(1, width - length)
        line.append(String(chunk.prefix(room)))
        remaining[remaining.count - 1] = String(chunk.dropFirst(room))
      }
      if line.last?.first == " " {
        length -= line.last!.count
        line.removeLast()
      }
      if !line.isEmpty { lines.append(line.joined()) }
    }
    return lines
  }
}
