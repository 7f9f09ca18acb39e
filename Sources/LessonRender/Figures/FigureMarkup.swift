/// The parts every figure shares: the `<figure>` element with its class and id, a scrollable data
/// table with the same numbers as the picture, and the caption.
enum FigureMarkup {
  /// `<figure class="convbook-KIND" id="ID">svg, table, caption</figure>`.
  static func figure(
    kind: String, id: String, svg: String, tables: [String], caption: String, notes: [String] = []
  ) -> String {
    var html = "<figure class=\"convbook-\(kind)\" id=\"\(id)\">\n" + svg + "\n"
    for table in tables { html += table }
    for note in notes { html += "<p class=\"figure-note\">\(HTMLEscaping.escape(note))</p>\n" }
    html += "<figcaption>\(HTMLEscaping.escape(caption))</figcaption>\n</figure>\n"
    return html
  }

  /// A table in a horizontally scrolling box (wide tables stay usable on phones; cells do not wrap
  /// unless `wraps`, so that shapes and numbers stay on one line). Cells are escaped here; `highlightedRows` get a tinted background and keep their text marker.
  static func table(
    caption: String, header: [String], rows: [[String]], footer: [String]? = nil,
    highlightedRows: Set<Int> = [],
    wraps: Bool = false
  ) -> String {
    var html =
      "<div class=\"table-scroll\"><table\(wraps ? "" : " style=\"white-space: nowrap\"")>\n<caption style=\"white-space: normal; text-align: left; font-size: 0.85rem; color: \(FigurePalette.muted)\">\(HTMLEscaping.escape(caption))</caption>\n<thead><tr>"
    for cell in header { html += "<th scope=\"col\">\(HTMLEscaping.escape(cell))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for (index, row) in rows.enumerated() {
      html +=
        highlightedRows.contains(index)
        ? "<tr style=\"background: \(FigurePalette.highlight)\">" : "<tr>"
      for (column, cell) in row.enumerated() {
        html +=
          column == 0
          ? "<th scope=\"row\">\(HTMLEscaping.escape(cell))</th>"
          : "<td>\(HTMLEscaping.escape(cell))</td>"
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n"
    if let footer {
      html += "<tfoot><tr>"
      for (column, cell) in footer.enumerated() {
        html +=
          column == 0
          ? "<th scope=\"row\">\(HTMLEscaping.escape(cell))</th>"
          : "<td>\(HTMLEscaping.escape(cell))</td>"
      }
      html += "</tr></tfoot>\n"
    }
    return html + "</table></div>\n"
  }
}
