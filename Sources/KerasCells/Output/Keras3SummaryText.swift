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

  /// Whether the table holds text that a terminal shows wider or narrower than one column per
  /// character (CJK, emoji, combining accents: `Dense(name="密集層")`), which rich pads by its
  /// cells' display widths and ConvBook's layout does not measure.
  public static func hasNonUnitWidthText(_ summary: ModelSummary) -> Bool {
    let table = render(summary).split(separator: "\n").dropFirst(
      modelLine(summary.name, width: SummaryConsole.notATerminal.columns).count)
    return table.contains { line in
      line.unicodeScalars.contains { scalar in
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: break
        }
        return wideRanges.contains { $0.contains(scalar.value) }
      }
    }
  }

  /// Scalars East Asian Width calls wide or fullwidth, and emoji (a superset of what rich measures
  /// as two columns, so that nothing it widens is missed).
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2600...0x27BF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
    0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F000...0x1FAFF, 0x20000...0x3FFFD,
  ]

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

  static func pad(_ text: String, _ width: Int, _ alignment: Column.Alignment) -> String {
    let missing = max(width - text.count, 0)
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

  /// Lines cut at the console's width (plain text only: a styled table is never wider than the
  /// console unless `line_length=` asks, and then the escapes would have to be kept whole).
  static func cropped(_ text: String, width: Int, styled: Bool) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      styled ? croppedStyled(line, width: width) : String(line.prefix(width))
    }.joined(separator: "\n")
  }

  /// A styled line cut after `width` visible characters, as rich crops its segments: escape
  /// sequences take no room, and a style open at the cut is closed there.
  private static func croppedStyled(_ line: Substring, width: Int) -> String {
    var out = ""
    var visible = 0
    var styleOpen = false
    var index = line.startIndex
    while index < line.endIndex {
      if visible == width {
        if styleOpen { out += "\u{1B}[0m" }
        return out
      }
      if line[index] == "\u{1B}", let end = line[index...].firstIndex(of: "m") {
        let sequence = line[index...end]
        out += sequence
        styleOpen = sequence != "\u{1B}[0m"
        index = line.index(after: end)
        continue
      }
      out.append(line[index])
      visible += 1
      index = line.index(after: index)
    }
    return out
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
