import CNNEngine
import Foundation

/// `model.summary()` as Keras 3 prints it through rich: a box-drawn table whose width depends on the
/// console (`SummaryConsole`), word-wrapped cells, right-aligned parameter counts and footer lines
/// with sizes in `B`/`KB`/`MB`/`GB`. On a terminal with colour, the styles rich applies.
public enum Keras3SummaryText {
  /// One column of the table: its header, where it ends as a fraction of the width, alignment.
  struct Column {
    var header: String
    var position: Double
    var rightAligned: Bool
  }

  /// Keras' columns for a chain of layers (Sequential and linear functional models; default width
  /// 88). Graphs with several branches add `Connected to` at positions 0.3, 0.56, 0.74, 1.0 and a
  /// default width of 108; the layout below handles any number of columns.
  static let sequentialColumns = [
    Column(header: "Layer (type)", position: 0.45, rightAligned: false),
    Column(header: "Output Shape", position: 0.80, rightAligned: false),
    Column(header: "Param #", position: 1.0, rightAligned: true),
  ]
  static let sequentialDefaultWidth = 88

  /// Keras' columns for a graph that is not a chain (`Connected to`; default width 108).
  static let graphColumns = [
    Column(header: "Layer (type)", position: 0.30, rightAligned: false),
    Column(header: "Output Shape", position: 0.56, rightAligned: false),
    Column(header: "Param #", position: 0.74, rightAligned: true),
    Column(header: "Connected to", position: 1.0, rightAligned: false),
  ]
  static let graphDefaultWidth = 108

  public static func render(_ summary: ModelSummary, console: SummaryConsole = .notATerminal)
    -> String
  {
    let graph = summary.showsConnections
    let columns = graph ? graphColumns : sequentialColumns
    let lineLength = console.tableWidth(
      defaultWidth: graph ? graphDefaultWidth : sequentialDefaultWidth)
    let widths = textWidths(lineLength: lineLength, columns: columns)
    let style = console.styling
    var out = ""
    for line in modelLine(summary.name, width: console.columns) {
      out += style.bold(line) + "\n"
    }
    func rule(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
      left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: middle)
        + right + "\n"
    }
    out += rule("┏", "━", "┳", "┓")
    // Headers wrap like cells (`Param #` at width 56) and sit at the bottom of the header row.
    let headers = columns.indices.map { wrap(columns[$0].header, width: widths[$0]) }
    let headerHeight = headers.map(\.count).max() ?? 1
    for lineIndex in 0..<headerHeight {
      let parts = columns.indices.map { index -> String in
        let lines = headers[index]
        let offset = lineIndex - (headerHeight - lines.count)
        guard offset >= 0 else {
          return style.bold(String(repeating: " ", count: widths[index] + 2))
        }
        return style.bold(" ")
          + style.bold(pad(lines[offset], widths[index], right: columns[index].rightAligned))
          + style.bold(" ")
      }
      out += "┃" + parts.joined(separator: "┃") + "┃\n"
    }
    out += rule("┡", "━", "╇", "┩")
    for (index, row) in summary.rows.enumerated() {
      if index > 0 { out += rule("├", "─", "┼", "┤") }
      var cells = [
        "\(row.name) (\(row.className))",
        row.outputShape.dimensions.isEmpty ? "?" : shapeText(row),
        row.isBuilt ? PythonFormat.grouped(row.parameters) : "0 (unbuilt)",
      ]
      if graph { cells.append(connectionsText(row)) }
      let wrapped = cells.indices.map { wrap(cells[$0], width: widths[$0]) }
      let height = wrapped.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        let parts = wrapped.indices.map { column -> String in
          let lines = wrapped[column]
          let text = lineIndex < lines.count ? lines[lineIndex] : ""
          let padded = pad(text, widths[column], right: columns[column].rightAligned)
          return " " + style.highlight(padded, column: column) + " "
        }
        out += "│" + parts.joined(separator: "│") + "│\n"
      }
    }
    out += rule("└", "─", "┴", "┘")
    let sizes = summary.parameterBytes
    let footer = [
      ("Total params: ", summary.totalParameters, sizes.total),
      ("Trainable params: ", summary.trainableParameters, sizes.trainable),
      ("Non-trainable params: ", summary.nonTrainableParameters, sizes.nonTrainable),
    ]
    for (label, count, bytes) in footer {
      out +=
        style.bold(" " + label) + style.number(PythonFormat.grouped(count)) + " ("
        + readableSize(bytes: bytes) + ")\n"
    }
    return out
  }

  /// The output shape as Keras 3 writes it: dimensions joined by `, ` (so a rank-1 shape is
  /// `(None)`); the input layer of a functional model shows its plain shape.
  static func shapeText(_ row: ModelSummary.Row) -> String {
    "(" + row.outputShape.dimensions.map { $0.map(String.init) ?? "None" }.joined(separator: ", ")
      + ")"
  }

  /// The `Connected to` cell: `name[node][tensor]` of every input of the layer's calls inside the
  /// model, joined by `, `; `-` for none (an input layer).
  static func connectionsText(_ row: ModelSummary.Row) -> String {
    if row.connections.isEmpty { return "-" }
    return row.connections.map(\.kerasDescription).joined(separator: ", ")
  }

  /// Text widths of the columns for a table `lineLength` wide. Keras gives column i the width
  /// `int(p_i·L) − int(p_{i−1}·L)`; rich adds one space of padding on each side and n+1 borders,
  /// then takes the excess (3n+1) back from the columns one by one, each giving
  /// `round(excess left / columns left)` (Python's round: halves to even).
  static func textWidths(lineLength: Int, columns: [Column]) -> [Int] {
    var keras: [Int] = []
    var current = 0
    for column in columns {
      let width = Int(column.position * Double(lineLength)) - current
      keras.append(width)
      current += width
    }
    var excess = 3 * columns.count + 1
    var remaining = columns.count
    return keras.map { width in
      let taken = Int((Double(excess) / Double(remaining)).rounded(.toNearestOrEven))
      excess -= taken
      remaining -= 1
      return width - taken
    }
  }

  /// rich's word wrap with `overflow="ellipsis"`: words are runs of non-spaces with the spaces after
  /// them; a word goes on the current line when it fits without its trailing spaces; a word longer
  /// than the width gets its own line, cut to `width − 1` characters and `…`.
  static func wrap(_ text: String, width: Int) -> [String] {
    var words: [String] = []
    var current = ""
    var inSpaces = false
    for character in text {
      if character == " " {
        inSpaces = true
      } else if inSpaces {
        words.append(current)
        current = ""
        inSpaces = false
      }
      current.append(character)
    }
    if !current.isEmpty { words.append(current) }
    var lines: [String] = []
    var line = ""
    var offset = 0
    for word in words {
      let length = trimmedTrailing(word).count
      if width - offset >= length {
        line += word
        offset += word.count
      } else {
        if !line.isEmpty || !lines.isEmpty { lines.append(line) }
        line = word
        offset = word.count
      }
    }
    lines.append(line)
    return lines.map { line in
      let trimmed = trimmedTrailing(line)
      guard trimmed.count > width else { return trimmed }
      return String(trimmed.prefix(max(width - 1, 0))) + "…"
    }
  }

  /// The `Model: "name"` line; rich folds it at the console width when it is longer.
  static func modelLine(_ name: String, width: Int) -> [String] {
    let quoted = "\"\(name)\""
    let label = "Model: "
    if label.count + quoted.count <= width { return [label + quoted] }
    var lines = [label]
    var rest = Substring(quoted)
    while !rest.isEmpty {
      lines.append(String(rest.prefix(width)))
      rest = rest.dropFirst(width)
    }
    return lines
  }

  static func pad(_ text: String, _ width: Int, right: Bool) -> String {
    let fill = String(repeating: " ", count: max(width - text.count, 0))
    return right ? fill + text : text + fill
  }

  static func trimmedTrailing(_ text: String) -> String {
    var result = Substring(text)
    while result.last == " " { result = result.dropLast() }
    return String(result)
  }

  /// Keras 3's `readable_memory_size`: 1024-based units, two decimals, `B` for bytes.
  public static func readableSize(bytes: Int) -> String {
    let units = ["B", "KB", "MB", "GB", "TB", "PB"]
    var size = Double(bytes)
    for unit in units.dropLast() {
      if size < 1024 { return String(format: "%.2f", size) + " " + unit }
      size /= 1024
    }
    return String(format: "%.2f", size) + " " + units.last!
  }
}
