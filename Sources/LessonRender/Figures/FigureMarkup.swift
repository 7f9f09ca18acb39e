/// The parts every figure shares: the `<figure>` element with its class and id, a scrollable data
/// table with the same numbers as the picture, and the caption.
enum FigureMarkup {
  /// `<figure class="convbook-KIND" id="ID">svg, table, caption</figure>`.
  static func figure(
    kind: String, id: String, svg: HTMLNode, tables: [HTMLNode], caption: String,
    notes: [String] = []
  ) -> HTMLNode {
    var children: [HTMLNode] = [.newline, svg, .newline]
    for table in tables { children += [table, .newline] }
    for note in notes {
      children += [.tag("p", ["class": "figure-note"], [.text(note)]), .newline]
    }
    children += [.tag("figcaption", [:], [.text(caption)]), .newline]
    return .tag("figure", ["class": "convbook-\(kind)", "id": id], children)
  }

  /// A table in a horizontally scrolling box (wide tables stay usable on phones; cells do not wrap
  /// unless `wraps`, so that shapes and numbers stay on one line). `highlightedRows` get a tinted
  /// background and keep their text marker.
  static func table(
    caption: String, header: [String], rows: [[String]], footer: [String]? = nil,
    highlightedRows: Set<Int> = [],
    wraps: Bool = false
  ) -> HTMLNode {
    func row(_ cells: [String]) -> [HTMLNode] {
      cells.enumerated().map { column, cell in
        column == 0 ? .tag("th", ["scope": "row"], [.text(cell)]) : .tag("td", [:], [.text(cell)])
      }
    }
    var body: [HTMLNode] = [.newline]
    for (index, cells) in rows.enumerated() {
      body.append(
        highlightedRows.contains(index)
          ? .tag("tr", ["style": "background: \(FigurePalette.highlight)"], row(cells))
          : .tag("tr", [:], row(cells)))
      body.append(.newline)
    }
    var table: [HTMLNode] = [
      .newline,
      .tag(
        "caption",
        [
          "style":
            "white-space: normal; text-align: left; font-size: 0.85rem; color: \(FigurePalette.muted)"
        ], [.text(caption)]),
      .newline,
      .tag(
        "thead", [:], [.tag("tr", [:], header.map { .tag("th", ["scope": "col"], [.text($0)]) })]),
      .newline,
      .tag("tbody", [:], body),
      .newline,
    ]
    if let footer {
      table += [.tag("tfoot", [:], [.tag("tr", [:], row(footer))]), .newline]
    }
    return .tag(
      "div", ["class": "table-scroll"],
      [
        wraps
          ? .tag("table", [:], table) : .tag("table", ["style": "white-space: nowrap"], table)
      ])
  }
}
