/// A fenced block written ```` ```exercise ````, holding `key: value` fields.
public struct ExerciseBlock: Sendable, Hashable {
  /// The block's content as cmark gives it (fence indentation removed, lines ending in `"\n"`).
  public var text: String
  /// The info string words after `exercise`.
  public var options: [String]
  /// The lesson line of the opening fence.
  public var fenceLine: Int
  /// The lesson line of the first content line; content line N is lesson line
  /// `contentStartLine + N - 1`.
  public var contentStartLine: Int

  /// Creates an exercise block.
  public init(text: String, options: [String], fenceLine: Int, contentStartLine: Int) {
    self.text = text
    self.options = options
    self.fenceLine = fenceLine
    self.contentStartLine = contentStartLine
  }

  /// Reads the fields, in order.
  ///
  /// The format, one construct per line:
  /// - `key: value` at the start of a line; keys are letters, digits, `_` and `-`, starting
  ///   with a letter or `_`, and may not repeat;
  /// - `key:` with nothing after it, followed by one or more `- item` lines (indented or not);
  /// - an indented line continues the previous value or item;
  /// - blank lines are ignored.
  ///
  /// - Throws: ``ExerciseParseError`` for the first line that fits none of these, a repeated
  ///   key, or a `key:` with no items.
  public func parseFields() throws(ExerciseParseError) -> [ExerciseField] {
    var fields: [ExerciseField] = []
    var seenKeys: Set<String> = []
    // Lines of the current field's value, joined once the field is complete.
    var pendingText: [String] = []

    func finishField() throws(ExerciseParseError) {
      guard var field = fields.popLast() else { return }
      switch field.value {
      case .text:
        field.value = .text(pendingText.joined(separator: " "))
      case .list(let items) where items.isEmpty:
        throw ExerciseParseError(
          line: field.line,
          message:
            "'\(field.key):' has no value; write '\(field.key): value' or follow it with '- item' lines"
        )
      case .list:
        break
      }
      fields.append(field)
      pendingText = []
    }

    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, rawLine) in lines.enumerated() {
      let lineNumber = contentStartLine + index
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      let trimmed = Self.trimmed(line)
      if trimmed.isEmpty { continue }
      let isIndented = line.first == " " || line.first == "\t"

      if trimmed.first == "-", trimmed.count == 1 || trimmed.dropFirst().first == " " {
        guard case .list(var items)? = fields.last?.value else {
          throw ExerciseParseError(
            line: lineNumber, message: "'- item' line outside a list; put 'key:' on the line before"
          )
        }
        let item = Self.trimmed(trimmed.dropFirst())
        if item.isEmpty {
          throw ExerciseParseError(line: lineNumber, message: "empty list item")
        }
        items.append(ExerciseField.Item(text: item, line: lineNumber))
        fields[fields.count - 1].value = .list(items)
      } else if isIndented {
        switch fields.last?.value {
        case .text?:
          pendingText.append(trimmed)
        case .list(var items)? where !items.isEmpty:
          items[items.count - 1].text += " " + trimmed
          fields[fields.count - 1].value = .list(items)
        default:
          throw ExerciseParseError(
            line: lineNumber, message: "indented line continues nothing; expected 'key: value'")
        }
      } else if let colon = line.firstIndex(of: ":"), Self.isKey(line[..<colon]) {
        try finishField()
        let key = String(line[..<colon])
        guard seenKeys.insert(key).inserted else {
          throw ExerciseParseError(line: lineNumber, message: "field '\(key)' appears twice")
        }
        let value = Self.trimmed(line[line.index(after: colon)...])
        if value.isEmpty {
          fields.append(ExerciseField(key: key, value: .list([]), line: lineNumber))
        } else {
          fields.append(ExerciseField(key: key, value: .text(""), line: lineNumber))
          pendingText = [value]
        }
      } else {
        throw ExerciseParseError(
          line: lineNumber,
          message:
            "expected 'key: value', or 'key:' followed by '- item' lines, but found '\(trimmed)'")
      }
    }
    try finishField()
    return fields
  }

  private static func isKey(_ candidate: Substring) -> Bool {
    guard let first = candidate.first, first.isASCII, first.isLetter || first == "_" else {
      return false
    }
    return candidate.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-")
    }
  }

  private static func trimmed(_ text: Substring) -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = text.firstIndex(where: { !isBlank($0) }),
      let last = text.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(text[first...last])
  }
}
