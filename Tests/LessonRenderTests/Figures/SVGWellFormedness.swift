import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Checks markup with Foundation's XML parser: every inline SVG must be well-formed XML on its own.
enum SVGWellFormedness {
  /// Each `<svg ...>...</svg>` element of `html`.
  static func svgElements(in html: String) -> [String] {
    var found: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg"),
      let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
    {
      found.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return found
  }

  /// The parser's error, or nil when `markup` is well-formed.
  static func parseError(_ markup: String) -> String? {
    let parser = XMLParser(data: Data(markup.utf8))
    if parser.parse() { return nil }
    return parser.parserError.map { "\($0)" } ?? "unknown XML error"
  }
}
