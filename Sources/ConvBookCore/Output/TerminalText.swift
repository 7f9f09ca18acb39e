import CNNEngine

/// Text from a lesson or a student's file (names, messages, file names) made safe for a terminal:
/// control characters, the escape character of terminal sequences, C1 controls and the Unicode
/// bidirectional overrides are shown as visible escapes (`\x1b`, `\n`, `\u{202e}`), so a file
/// cannot clear the screen, recolour it, move the cursor or forge lines of output.
public enum TerminalText {
  /// Escapes every control character, newlines and tabs included: for one-line values such as
  /// names, messages and file names.
  public static func escaped(_ text: String) -> String {
    escape(text, keepLineBreaks: false)
  }

  /// Escapes control characters but keeps `\n` and `\t`: for whole multi-line outputs whose line
  /// structure is ConvBook's own.
  public static func escapedKeepingLines(_ text: String) -> String {
    escape(text, keepLineBreaks: true)
  }

  /// Whether `scalar` must be escaped.
  static func needsEscape(_ scalar: Unicode.Scalar, keepLineBreaks: Bool) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return !keepLineBreaks
    case 0x00..<0x20, 0x7F, 0x80...0x9F: return true
    // Bidirectional embeddings, overrides and isolates: they reorder what the reader sees.
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
    // Line and paragraph separators: some terminals and viewers break lines at them.
    case 0x2028, 0x2029: return true
    default: return false
    }
  }

  private static func escape(_ text: String, keepLineBreaks: Bool) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepLineBreaks: keepLineBreaks) })
    else { return text }
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar, keepLineBreaks: keepLineBreaks) else {
        output.append(scalar)
        continue
      }
      let visible: String
      switch scalar.value {
      case 0x0A: visible = "\\n"
      case 0x0D: visible = "\\r"
      case 0x09: visible = "\\t"
      case 0x00...0xFF:
        let hex = String(scalar.value, radix: 16)
        visible = "\\x" + (hex.count < 2 ? "0" : "") + hex
      default: visible = "\\u{" + String(scalar.value, radix: 16) + "}"
      }
      output.append(contentsOf: visible.unicodeScalars)
    }
    return String(output)
  }

  /// A list cut to its first `limit` items, with a count of the rest:
  /// `["a", "b", "... and 99,990 more"]`.
  public static func truncatedList(_ items: [String], limit: Int = 20) -> [String] {
    guard items.count > limit else { return items }
    return Array(items.prefix(limit)) + [
      "... and \(PythonFormat.grouped(items.count - limit)) more"
    ]
  }
}
