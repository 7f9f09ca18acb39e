/// The one place where text becomes HTML-safe. Everything the renderers put into HTML that did
/// not come from raw HTML goes through one of these functions.
public enum HTMLEscaping {
  /// Escapes `&`, `<`, `>` and `"`, exactly as cmark does, so rendered Markdown matches cmark.
  ///
  /// Safe in element content and in double-quoted attribute values, which is how every
  /// attribute is written here; `'` is left alone, as cmark leaves it.
  public static func escape(_ text: String) -> String {
    escape(text, apostrophe: false)
  }

  /// Escapes `&`, `<`, `>`, `"` and `'`: safe in attribute values quoted either way.
  public static func escapeAttribute(_ text: String) -> String {
    escape(text, apostrophe: true)
  }

  /// Makes a link destination safe for `href` or `src`, exactly as cmark does: URL-safe and
  /// reserved characters are kept (so existing `%XX` escapes survive), `&` becomes `&amp;`,
  /// `'` becomes `&#x27;`, and every other byte is percent-encoded.
  public static func escapeURL(_ url: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(url.utf8.count)
    let hex = Array("0123456789ABCDEF".utf8)
    for byte in url.utf8 {
      if isURLSafe(byte) {
        output.append(byte)
      } else if byte == UInt8(ascii: "&") {
        output.append(contentsOf: "&amp;".utf8)
      } else if byte == UInt8(ascii: "'") {
        output.append(contentsOf: "&#x27;".utf8)
      } else {
        output.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func escape(_ text: String, apostrophe: Bool) -> String {
    // Most text needs no escaping; return it without copying.
    guard
      text.utf8.contains(where: {
        $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
          || $0 == UInt8(ascii: "\"") || (apostrophe && $0 == UInt8(ascii: "'"))
      })
    else { return text }
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'") where apostrophe: output.append(contentsOf: "&#39;".utf8)
      default: output.append(byte)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// cmark's `HREF_SAFE` table: letters, digits and `-_.+!*(),%#@?=;:/$~`.
  private static func isURLSafe(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
    }
  }
}
