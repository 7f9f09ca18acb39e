import CNNEngine
import Foundation

/// `model.summary()` as Keras 3 prints it through rich: a box-drawn table whose width depends on the
/// console (`SummaryConsole`), word-wrapped cells, right-aligned parameter counts and footer lines
/// with sizes in `B`/`KB`/`MB`/`GB`. On a terminal with colour, the styles rich applies.
public enum Keras3SummaryText {
  /// One column of the table: its header, where it ends as a fraction of the width, alignment.
  struct Column {
    enum Alignment { case left, right, center }
    var header: String
    var position: Double
    var alignment: Alignment

    init(header: String, position: Double, rightAligned: Bool) {
      self.init(header: header, position: position, alignment: rightAligned ? .right : .left)
    }

    init(header: String, position: Double, alignment: Alignment) {
      self.header = header
      self.position = position
      self.alignment = alignment
    }
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

  /// The columns and the table width of a summary: Keras' defaults for a chain or a graph, the
  /// call's `positions=` (each times the width, as Keras 3 does), `show_trainable=True`'s centred
  /// `Trainable` column (12 more columns by default, the others scaled by 0.9), and `line_length=`,
  /// which overrides the console's width.
  static func layout(_ summary: ModelSummary, console: SummaryConsole) -> (
    columns: [Column], lineLength: Int
  ) {
    let graph = summary.showsConnections
    var columns = graph ? graphColumns : sequentialColumns
    var defaultWidth = graph ? graphDefaultWidth : sequentialDefaultWidth
    // Keras 3 sizes its columns from the first positions given (more are checked, then unused).
    if let positions = summary.options.positions, positions.count >= columns.count {
      for index in columns.indices { columns[index].position = positions[index] }
    }
    if summary.options.showTrainable {
      defaultWidth += 12
      // Keras 3 sizes column i from position i of `[p * 0.9 for p in positions] + [1.0]`: with
      // more positions given than the table's other columns, Trainable takes the next one.
      var trainable = 1.0
      if let positions = summary.options.positions, positions.count > columns.count {
        trainable = positions[columns.count] * 0.9
      }
      for index in columns.indices { columns[index].position *= 0.9 }
      columns.append(Column(header: "Trainable", position: trainable, alignment: .center))
    }
    let lineLength = summary.options.lineLength ?? console.tableWidth(defaultWidth: defaultWidth)
    return (columns, lineLength)
  }

  /// Whether Keras 3 refuses the summary with "Insufficient console width to print summary."
  /// because a column would be narrower than 4 (checked when `line_length=` fixes the width; the
  /// default width depends on the console the text is printed on).
  /// Keras 3 checks every position given, however many columns the table has
  /// (`positions=[0.5, 0.25, 0.1, 0.0]` on three columns fails at the second).
  public static func hasInsufficientWidth(_ summary: ModelSummary) -> Bool {
    let given = summary.options.positions
    guard summary.options.lineLength != nil || given != nil else { return false }
    let (columns, lineLength) = layout(summary, console: .notATerminal)
    var positions = columns.map(\.position)
    if let given, given.count != columns.count - (summary.options.showTrainable ? 1 : 0) {
      positions = summary.options.showTrainable ? given.map { $0 * 0.9 } + [1.0] : given
    }
    var current = 0
    for position in positions {
      let end = Int((position * Double(lineLength)).rounded(.towardZero))
      if end - current < 4 { return true }
      current = end
    }
    return false
  }

  /// Whether the summary holds a control character (a tab, a newline: `Dense(name="a\\tb")`),
  /// which rich expands, splits lines at or strips before measuring.
  public static func hasControlCharacters(_ summary: ModelSummary) -> Bool {
    let texts = [summary.name] + tableRows(summary).map { $0.0.name }
    return texts.contains { text in
      text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
  }

  /// Whether `positions=` names fewer columns than the table has: Keras 3 then fails reading the
  /// next column's width (`IndexError: list index out of range`), after the width check.
  public static func lacksPositions(_ summary: ModelSummary) -> Bool {
    guard let given = summary.options.positions else { return false }
    let columns = summary.showsConnections ? graphColumns.count : sequentialColumns.count
    return given.count < columns
  }

  public static func render(_ summary: ModelSummary, console: SummaryConsole = .notATerminal)
    -> String
  {
    let graph = summary.showsConnections
    let (columns, lineLength) = layout(summary, console: console)
    let widths = textWidths(lineLength: lineLength, columns: columns)
    let style = console.styling
    var out = ""
    for line in modelLine(summary.name, width: console.columns) {
      out += style.bold(line) + "\n"
    }
    var table = ""
    func rule(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
      left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: middle)
        + right + "\n"
    }
    table += rule("┏", "━", "┳", "┓")
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
          + style.bold(pad(lines[offset], widths[index], columns[index].alignment))
          + style.bold(" ")
      }
      table += "┃" + parts.joined(separator: "┃") + "┃\n"
    }
    table += rule("┡", "━", "╇", "┩")
    for (index, (row, level)) in tableRows(summary).enumerated() {
      if index > 0 { table += rule("├", "─", "┼", "┤") }
      let prefix = level > 0 ? String(repeating: "   ", count: level) + "└ " : ""
      var cells = [
        "\(prefix)\(row.name) (\(row.className))",
        row.outputShape.dimensions.isEmpty && !row.outputIsScalar ? "?" : shapeText(row),
        row.isBuilt ? PythonFormat.grouped(row.parameters) : "0 (unbuilt)",
      ]
      // Layers inside a nested model have no calls inside this model: `-`.
      if graph { cells.append(level > 0 ? "-" : connectionsText(row)) }
      if summary.options.showTrainable {
        cells.append(row.weights.isEmpty ? "-" : row.trainable ? "Y" : "N")
      }
      let wrapped = cells.indices.map { wrap(cells[$0], width: widths[$0]) }
      let height = wrapped.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        let parts = wrapped.indices.map { column -> String in
          let lines = wrapped[column]
          let text = lineIndex < lines.count ? lines[lineIndex] : ""
          let padded = pad(text, widths[column], columns[column].alignment)
          if summary.options.showTrainable && column == columns.count - 1 {
            return " " + style.trainableMark(padded) + " "
          }
          return " " + style.highlight(padded, column: column) + " "
        }
        table += "│" + parts.joined(separator: "│") + "│\n"
      }
    }
    table += rule("└", "─", "┴", "┘")
    // rich draws a table wider than the console (`line_length=`) and crops its lines.
    out += cropped(table, width: console.columns, styled: style != .none)
    let sizes = summary.parameterBytes
    // A built optimizer's variables count in the total and get a line of their own.
    let optimizer = summary.optimizerParameters
    var footer = [
      (
        "Total params: ", summary.totalParameters + (optimizer?.count ?? 0),
        sizes.total + (optimizer?.bytes ?? 0)
      ),
      ("Trainable params: ", summary.trainableParameters, sizes.trainable),
      ("Non-trainable params: ", summary.nonTrainableParameters, sizes.nonTrainable),
    ]
    if let optimizer { footer.append(("Optimizer params: ", optimizer.count, optimizer.bytes)) }
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
    func text(_ shape: TensorShape) -> String {
      "(" + shape.dimensions.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + ")"
    }
    // A layer whose call returns several tensors: their shapes as a list.
    if let shapes = row.outputShapes {
      let items = shapes.map(text).joined(separator: ", ")
      return row.keras3ShowsOutputTuple ? "(" + items + ")" : "[" + items + "]"
    }
    // A nested model shows what its last call returned (`format_layer_shape`).
    return text(row.lastCallOutputShape ?? row.outputShape)
  }

  /// The `Connected to` cell: `name[node][tensor]` of every input of the layer's calls inside the
  /// model, joined by `, `; `-` for none (an input layer).
  static func connectionsText(_ row: ModelSummary.Row) -> String {
    if row.connections.isEmpty { return "-" }
    return row.connections.map(\.kerasDescription).joined(separator: ", ")
  }

  /// Text widths of the columns for a table `lineLength` wide. Keras gives column i the width
  /// `int(p_i·L) − int(p_{i−1}·L)`; rich adds one space of padding on each side, caps each column
  /// at the room inside the n+1 borders, and when they do not fit takes the excess back from the
  /// columns one by one, each giving `min(its width, round(excess left / columns left))`
  /// (Python's round: halves to even).
  static func textWidths(lineLength: Int, columns: [Column]) -> [Int] {
    let room = lineLength - (columns.count + 1)
    var padded: [Int] = []
    var current = 0
    for column in columns {
      let end = Int((column.position * Double(lineLength)).rounded(.towardZero))
      padded.append(max(min(end - current + 2, room), 0))
      current = end
    }
    var excess = padded.reduce(0, +) - room
    guard excess > 0 else {
      // A table given its width (`Table(width=line_length)`) expands: columns that end short of
      // it (positions past the table's columns) share the rest in proportion to their widths,
      // each taking ceil(width · rest / widths left), as rich's `ratio_distribute` does.
      var widths = padded
      var rest = -excess
      var ratios = padded.reduce(0, +)
      for index in widths.indices where rest > 0 && ratios > 0 {
        let share = (padded[index] * rest + ratios - 1) / ratios
        widths[index] += share
        rest -= share
        ratios -= padded[index]
      }
      return widths.map { max($0 - 2, 0) }
    }
    var remaining = padded.filter { $0 > 0 }.count
    return padded.map { width in
      guard width > 0, remaining > 0 else { return 0 }
      let taken = min(
        width, Int((Double(excess) / Double(remaining)).rounded(.toNearestOrEven)))
      excess -= taken
      remaining -= 1
      return max(width - taken - 2, 0)
    }
  }

  /// A cell's text as rich wraps it (`overflow="ellipsis"`, measured in cells): lines break
  /// between words (`RichCells.lineBreaks`), lose their trailing spaces, and a line still wider than
  /// the column is cut to `width − 1` cells and `…`.
  static func wrap(_ text: String, width: Int) -> [String] {
    let scalars = Array(text.unicodeScalars)
    let lines = RichCells.divide(
      scalars, at: RichCells.lineBreaks(scalars, width: width, fold: false))
    return lines.map { line in
      let trimmed = RichCells.rstrip(line)
      guard RichCells.length(trimmed) > width else { return string(trimmed) }
      return string(RichCells.setSize(trimmed, width - 1)) + "…"
    }
  }

  /// The `Model: "name"` line as rich prints it at the console's width: words that fit share a
  /// line, a longer word is folded into pieces of the width (`overflow="fold"`).
  static func modelLine(_ name: String, width: Int) -> [String] {
    let text = Array("Model: \"\(name)\"".unicodeScalars)
    let lines = RichCells.divide(text, at: RichCells.lineBreaks(text, width: width, fold: true))
    return lines.map { line in
      // `rstrip_end`: trailing spaces past the width (counted in code points) go first.
      var line = line
      if line.count > width {
        var spaces = 0
        while spaces < line.count && PythonText.isSpace(line[line.count - 1 - spaces]) {
          spaces += 1
        }
        line.removeLast(min(spaces, line.count - width))
      }
      if RichCells.length(line) > width { line = RichCells.setSize(line, width) }
      return string(line)
    }
  }

  static func string(_ scalars: RichCells.Text) -> String {
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars)
    return String(text)
  }

  static func pad(_ text: String, _ width: Int, _ alignment: Column.Alignment) -> String {
    let missing = max(width - RichCells.length(text), 0)
    switch alignment {
    case .left: return text + String(repeating: " ", count: missing)
    case .right: return String(repeating: " ", count: missing) + text
    case .center:
      let left = missing / 2
      return String(repeating: " ", count: left) + text
        + String(repeating: " ", count: missing - left)
    }
  }

  /// The rows of the table with their nesting level: with `expand_nested`, each nested model's
  /// layers (`layer.layers`, without its graph's operations) follow its row, one level deeper.
  static func tableRows(_ summary: ModelSummary) -> [(ModelSummary.Row, Int)] {
    var result: [(ModelSummary.Row, Int)] = []
    func add(_ row: ModelSummary.Row, level: Int) {
      result.append((row, level))
      guard summary.options.expandNested else { return }
      for nested in row.nestedRows where !nested.isKeras3Operation { add(nested, level: level + 1) }
    }
    for row in summary.shownRows { add(row, level: 0) }
    return result
  }

  /// Lines cut at the console's width, in cells (`set_cell_size`: a wide character the edge
  /// falls inside becomes a space). Styled lines keep their escape sequences, which take no room.
  static func cropped(_ text: String, width: Int, styled: Bool) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      styled ? croppedStyled(line, width: width) : croppedPlain(line, width: width)
    }.joined(separator: "\n")
  }

  private static func croppedPlain(_ line: Substring, width: Int) -> String {
    let scalars = Array(line.unicodeScalars)
    guard RichCells.length(scalars) > width else { return String(line) }
    return string(RichCells.setSize(scalars, width))
  }

  /// A styled line cut after `width` cells, as rich crops its segments: the runs of text between
  /// escape sequences go whole while they end before the edge, the one that reaches it is cut
  /// (`set_cell_size`), and a style open there is closed.
  private static func croppedStyled(_ line: Substring, width: Int) -> String {
    var runs: [(escape: Bool, text: RichCells.Text)] = []
    var rest = Substring(line)
    while !rest.isEmpty {
      if rest.first == "\u{1B}", let end = rest.firstIndex(of: "m") {
        runs.append((true, Array(rest[...end].unicodeScalars)))
        rest = rest[rest.index(after: end)...]
      } else {
        let end = rest.firstIndex(of: "\u{1B}") ?? rest.endIndex
        runs.append((false, Array(rest[..<end].unicodeScalars)))
        rest = rest[end...]
      }
    }
    let cells = runs.filter { !$0.escape }.reduce(0) { $0 + RichCells.length($1.text) }
    guard cells > width else { return String(line) }
    var out = ""
    var visible = 0
    var styleOpen = false
    for run in runs {
      if run.escape {
        out += string(run.text)
        styleOpen = string(run.text) != "\u{1B}[0m"
        continue
      }
      let length = RichCells.length(run.text)
      if visible + length < width {
        out += string(run.text)
        visible += length
        continue
      }
      out += string(RichCells.setSize(run.text, width - visible))
      break
    }
    if styleOpen { out += "\u{1B}[0m" }
    return out
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
