/// Collects the elements of one inline SVG as typed nodes (`HTMLNode`) and writes the finished
/// `<svg>`: text and attribute values are escaped when the nodes are written, every coordinate
/// goes through one fixed format, so that the same figure always produces the same bytes.
struct SVGCanvas {
  /// Sans-serif text with tabular digits, so that numbers in a column line up.
  static let fontFamily = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif"
  static let monoFamily = "ui-monospace, 'DejaVu Sans Mono', Menlo, monospace"

  enum Anchor: String {
    case start, middle, end
  }

  /// The drawing's elements in order (each written on its own line).
  private(set) var nodes: [HTMLNode] = []
  private var definitions: [HTMLNode] = []

  /// The drawing's elements as markup.
  var body: String { nodes.map { $0.markup + "\n" }.joined() }

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

  /// An element drawn after the ones before it.
  mutating func add(_ node: HTMLNode) { nodes.append(node) }

  /// An element of `<defs>` (a pattern, a marker).
  mutating func addDefinition(_ node: HTMLNode) { definitions.append(node) }

  /// Markup written as it is, for figures written before the canvas held nodes; ConvBook's own
  /// figures use `add` and `addDefinition`.
  mutating func define(_ markup: String) {
    definitions.append(.trusted(TrustedMarkup(canvasMarkup: markup)))
  }

  /// Markup written as it is (see `define`).
  mutating func raw(_ markup: String) {
    nodes.append(.trusted(TrustedMarkup(canvasMarkup: markup)))
  }

  /// A diagonal hatch, so that a filled area differs from a plain one without colour.
  mutating func defineHatch(id: String, color: String, background: String) {
    addDefinition(
      .tag(
        "pattern",
        attributes: [
          .init("id", id), .init("width", "6"), .init("height", "6"),
          .init("patternUnits", "userSpaceOnUse"), .init("patternTransform", "rotate(45)"),
        ],
        [
          .empty(
            "rect", [.init("width", "6"), .init("height", "6"), .init("fill", background)]),
          .empty(
            "line",
            [
              .init("x1", "0"), .init("y1", "0"), .init("x2", "0"), .init("y2", "6"),
              .init("stroke", color), .init("stroke-width", "3"),
            ]),
        ]))
  }

  /// An arrowhead for `marker-end`.
  mutating func defineArrow(id: String, color: String) {
    addDefinition(
      .tag(
        "marker",
        attributes: [
          .init("id", id), .init("viewBox", "0 0 10 10"), .init("refX", "9"), .init("refY", "5"),
          .init("markerWidth", "7"), .init("markerHeight", "7"), .init("orient", "auto"),
        ],
        [.empty("path", [.init("d", "M0 0 L10 5 L0 10 z"), .init("fill", color)])]))
  }

  /// An element with a `<title>` (a tooltip) when `title` is given, else empty.
  static func shape(_ name: String, _ attributes: [HTMLAttribute], title: String?) -> HTMLNode {
    guard let title else { return .empty(name, attributes) }
    return .tag(name, attributes: attributes, [.tag("title", [:], [.text(title)])])
  }

  /// `stroke` and `stroke-width` (and a dash) when there is a stroke.
  static func strokeAttributes(_ stroke: String?, width: Double, dash: String? = nil)
    -> [HTMLAttribute]
  {
    guard let stroke else { return [] }
    var attributes = [
      HTMLAttribute("stroke", stroke), HTMLAttribute("stroke-width", number(width)),
    ]
    if let dash { attributes.append(HTMLAttribute("stroke-dasharray", dash)) }
    return attributes
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
    strokeWidth: Double = 1, radius: Double = 0, dashed: Bool = false, title: String? = nil
  ) {
    var attributes: [HTMLAttribute] = [
      .init("x", Self.number(x)), .init("y", Self.number(y)),
      .init("width", Self.number(max(width, 0))), .init("height", Self.number(height)),
      .init("fill", fill),
    ]
    attributes += Self.strokeAttributes(stroke, width: strokeWidth, dash: dashed ? "4 3" : nil)
    if radius > 0 { attributes.append(.init("rx", Self.number(radius))) }
    add(Self.shape("rect", attributes, title: title))
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    dash: String? = nil
  ) {
    add(
      .empty(
        "line",
        [
          .init("x1", Self.number(x1)), .init("y1", Self.number(y1)), .init("x2", Self.number(x2)),
          .init("y2", Self.number(y2)),
        ] + Self.strokeAttributes(stroke, width: width, dash: dash)))
  }

  /// A path given as SVG path data built from `number`-formatted coordinates.
  mutating func path(
    _ data: String, stroke: String, width: Double = 1, fill: String = "none", dash: String? = nil,
    markerEnd: String? = nil
  ) {
    var attributes = [HTMLAttribute("d", data), HTMLAttribute("fill", fill)]
    attributes += Self.strokeAttributes(stroke, width: width, dash: dash)
    if let markerEnd { attributes.append(.init("marker-end", "url(#\(markerEnd))")) }
    add(.empty("path", attributes))
  }

  mutating func circle(
    x: Double, y: Double, radius: Double, fill: String, stroke: String? = nil,
    strokeWidth: Double = 1, title: String? = nil
  ) {
    add(
      Self.shape(
        "circle",
        [
          .init("cx", Self.number(x)), .init("cy", Self.number(y)),
          .init("r", Self.number(radius)), .init("fill", fill),
        ] + Self.strokeAttributes(stroke, width: strokeWidth), title: title))
  }

  /// The attributes of a `<text>`; `halo` draws a white outline under the letters, so that a
  /// label stays readable where it crosses a bar or a line.
  static func textAttributes(
    x: Double, y: Double, size: Double, bold: Bool = false, anchor: Anchor = .start,
    fill: String = FigurePalette.ink, mono: Bool = false, italic: Bool = false,
    halo: Double? = nil
  ) -> [HTMLAttribute] {
    var attributes: [HTMLAttribute] = [
      .init("x", number(x)), .init("y", number(y)), .init("font-size", number(size)),
    ]
    if mono { attributes.append(.init("font-family", monoFamily)) }
    if bold { attributes.append(.init("font-weight", "700")) }
    if italic { attributes.append(.init("font-style", "italic")) }
    if anchor != .start { attributes.append(.init("text-anchor", anchor.rawValue)) }
    if fill != FigurePalette.ink { attributes.append(.init("fill", fill)) }
    if let halo { attributes += Self.halo(halo) }
    return attributes
  }

  /// A white outline of `width` under a text's letters.
  static func halo(_ width: Double) -> [HTMLAttribute] {
    [
      .init("stroke", "#ffffff"), .init("stroke-width", number(width)),
      .init("paint-order", "stroke"),
    ]
  }

  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 13, bold: Bool = false,
    anchor: Anchor = .start,
    fill: String = FigurePalette.ink, mono: Bool = false, italic: Bool = false
  ) {
    add(
      .tag(
        "text",
        attributes: Self.textAttributes(
          x: x, y: y, size: size, bold: bold, anchor: anchor, fill: fill, mono: mono,
          italic: italic),
        [.text(content)]))
  }

  /// A `<text>` made of parts (`<tspan>`s and plain text), for labels in two styles.
  mutating func text(parts: [HTMLNode], attributes: [HTMLAttribute]) {
    add(.tag("text", attributes: attributes, parts))
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
    svgNode(
      id: id, width: width, height: height, title: title, description: description,
      maxWidth: maxWidth, minWidth: minWidth, background: background
    ).markup
  }

  /// The finished element as a node (see `svg`).
  func svgNode(
    id: String, width: Double, height: Double, title: String, description: String, maxWidth: Double,
    minWidth: Double? = nil, background: Bool = true, fixedSize: Bool = false
  ) -> HTMLNode {
    var children: [HTMLNode] = [
      .newline, .tag("title", ["id": "\(id)-title"], [.text(title)]), .newline,
      .tag("desc", ["id": "\(id)-desc"], [.text(description)]), .newline,
    ]
    if !definitions.isEmpty {
      children += [
        .tag("defs", [:], [.newline] + definitions.flatMap { [$0, .newline] }), .newline,
      ]
    }
    if background {
      children += [
        .empty(
          "rect",
          [.init("width", "100%"), .init("height", "100%"), .init("fill", FigurePalette.paper)]),
        .newline,
      ]
    }
    children += nodes.flatMap { [$0, .newline] }
    let style =
      "max-width: \(Self.number(maxWidth))px"
      + (minWidth.map { "; min-width: \(Self.number($0))px" } ?? "")
    // A drawing in its own file (`fixedSize`) has its natural size: no page to fit into.
    let size: [HTMLAttribute] =
      fixedSize
      ? [.init("width", Self.number(width)), .init("height", Self.number(height))]
      : [.init("width", "100%")]
    return .tag(
      "svg",
      attributes: [
        .init("xmlns", "http://www.w3.org/2000/svg"),
        .init("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"),
      ] + size + [
        .init("role", "img"),
        .init("aria-labelledby", "\(id)-title \(id)-desc"),
      ] + (fixedSize ? [] : [.init("style", style)]) + [
        .init("font-family", Self.fontFamily), .init("font-size", "13"),
        .init("fill", FigurePalette.ink),
      ], children)
  }
}
