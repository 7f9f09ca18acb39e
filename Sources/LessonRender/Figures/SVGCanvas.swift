/// Collects the elements of one inline SVG and writes the finished `<svg>`: every text and
/// attribute value goes through `HTMLEscaping`, every coordinate through one fixed format, so that
/// the same figure always produces the same bytes.
struct SVGCanvas {
  /// Sans-serif text with tabular digits, so that numbers in a column line up.
  static let fontFamily = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif"
  static let monoFamily = "ui-monospace, 'DejaVu Sans Mono', Menlo, monospace"

  enum Anchor: String {
    case start, middle, end
  }

  private(set) var body = ""
  private var definitions = ""

  /// A coordinate or length: at most one decimal, no grouping, no trailing `.0`.
  static func number(_ value: Double) -> String {
    let tenths = (value * 10).rounded(.toNearestOrAwayFromZero)
    let whole = Int(tenths) / 10
    let fraction = abs(Int(tenths) % 10)
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return fraction == 0 ? sign + String(whole) : sign + String(whole) + "." + String(fraction)
  }

  /// A rough width of `text` at `size` px, enough to keep labels from running into each other.
  static func estimatedWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
    Double(text.count) * size * (bold ? 0.62 : 0.57)
  }

  mutating func define(_ markup: String) { definitions += markup + "\n" }

  /// A diagonal hatch, so that a filled area differs from a plain one without colour.
  mutating func defineHatch(id: String, color: String, background: String) {
    define(
      "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        + "<rect width=\"6\" height=\"6\" fill=\"\(background)\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"\(color)\" stroke-width=\"3\"/></pattern>"
    )
  }

  mutating func raw(_ markup: String) { body += markup + "\n" }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
    strokeWidth: Double = 1, radius: Double = 0, dashed: Bool = false, title: String? = nil
  ) {
    var markup =
      "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(height))\" fill=\"\(fill)\""
    if let stroke {
      markup += " stroke=\"\(stroke)\" stroke-width=\"\(Self.number(strokeWidth))\""
      if dashed { markup += " stroke-dasharray=\"4 3\"" }
    }
    if radius > 0 { markup += " rx=\"\(Self.number(radius))\"" }
    if let title {
      markup += "><title>\(HTMLEscaping.escape(title))</title></rect>"
    } else {
      markup += "/>"
    }
    raw(markup)
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    dash: String? = nil
  ) {
    var markup =
      "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
    if let dash { markup += " stroke-dasharray=\"\(dash)\"" }
    raw(markup + "/>")
  }

  /// A path given as SVG path data built from `number`-formatted coordinates.
  mutating func path(
    _ data: String, stroke: String, width: Double = 1, fill: String = "none", dash: String? = nil
  ) {
    var markup =
      "<path d=\"\(data)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
    if let dash { markup += " stroke-dasharray=\"\(dash)\"" }
    raw(markup + "/>")
  }

  mutating func circle(
    x: Double, y: Double, radius: Double, fill: String, stroke: String? = nil,
    strokeWidth: Double = 1
  ) {
    var markup =
      "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" fill=\"\(fill)\""
    if let stroke { markup += " stroke=\"\(stroke)\" stroke-width=\"\(Self.number(strokeWidth))\"" }
    raw(markup + "/>")
  }

  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 13, bold: Bool = false,
    anchor: Anchor = .start,
    fill: String = FigurePalette.ink, mono: Bool = false, italic: Bool = false
  ) {
    var markup =
      "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
    if mono { markup += " font-family=\"\(Self.monoFamily)\"" }
    if bold { markup += " font-weight=\"700\"" }
    if italic { markup += " font-style=\"italic\"" }
    if anchor != .start { markup += " text-anchor=\"\(anchor.rawValue)\"" }
    if fill != FigurePalette.ink { markup += " fill=\"\(fill)\"" }
    raw(markup + ">\(HTMLEscaping.escape(content))</text>")
  }

  /// Words of `content` broken into lines no wider than `width` (by the estimate above).
  static func wrap(_ content: String, width: Double, size: Double, bold: Bool = false) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in content.split(separator: " ") {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if !current.isEmpty && estimatedWidth(candidate, size: size, bold: bold) > width {
        lines.append(current)
        current = String(word)
      } else {
        current = candidate
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Text wrapped to `width`, one `<text>` per line; returns the baseline of the last line.
  @discardableResult
  mutating func paragraph(
    _ content: String, x: Double, y: Double, width: Double, size: Double = 12, bold: Bool = false,
    fill: String = FigurePalette.ink, italic: Bool = false, lineHeight: Double? = nil
  ) -> Double {
    var baseline = y
    for (index, line) in Self.wrap(content, width: width, size: size, bold: bold).enumerated() {
      if index > 0 { baseline += lineHeight ?? size * 1.3 }
      text(line, x: x, y: baseline, size: size, bold: bold, fill: fill, italic: italic)
    }
    return baseline
  }

  /// The finished element. `maxWidth` keeps a figure drawn for phones from growing huge on a
  /// desktop; the viewBox and `width="100%"` let it shrink on a phone, down to `minWidth` (below
  /// that the figure's scroll box scrolls). `background: false` leaves the page's colour showing,
  /// so that a scroll box's edge shadows stay visible behind a wide drawing.
  func svg(
    id: String, width: Double, height: Double, title: String, description: String, maxWidth: Double,
    minWidth: Double? = nil, background: Bool = true
  ) -> String {
    var markup =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
    markup +=
      " style=\"max-width: \(Self.number(maxWidth))px\(minWidth.map { "; min-width: \(Self.number($0))px" } ?? "")\" font-family=\"\(Self.fontFamily)\" font-size=\"13\" fill=\"\(FigurePalette.ink)\">\n"
    markup += "<title id=\"\(id)-title\">\(HTMLEscaping.escape(title))</title>\n"
    markup += "<desc id=\"\(id)-desc\">\(HTMLEscaping.escape(description))</desc>\n"
    if !definitions.isEmpty { markup += "<defs>\n" + definitions + "</defs>\n" }
    if background {
      markup += "<rect width=\"100%\" height=\"100%\" fill=\"\(FigurePalette.paper)\"/>\n"
    }
    return markup + body + "</svg>"
  }
}
