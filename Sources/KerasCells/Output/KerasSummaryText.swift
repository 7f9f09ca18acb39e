import CNNEngine
import Foundation

/// `model.summary()` as tf-keras prints a Sequential model, character for character: 65-column rows
/// with columns at 0, 29 and 55, hard-cut cells that continue on the next line, a spacer line after
/// every layer row, and the footer in the chosen style.
public enum KerasSummaryText {
  static let lineLength = 65
  static let positions = [29, 55, 65]

  /// A graph that is not a chain: 98 columns, with `Connected to` (`[0.3, 0.6, 0.7, 1.0]` of 98).
  static let graphLineLength = 98
  static let graphPositions = [29, 58, 68, 98]

  /// The line length and column ends of a summary: Keras' defaults for a chain or a graph, or
  /// the call's `line_length=` and `positions=` (relative when the last is at most 1), plus the
  /// 11 columns of `Trainable` with `show_trainable=True`.
  public static func layout(_ summary: ModelSummary) -> (lineLength: Int, positions: [Int]) {
    let graph = summary.showsConnections
    var lineLength = summary.options.lineLength ?? (graph ? graphLineLength : lineLength)
    var positions: [Int]
    if let given = summary.options.positions, let last = given.last {
      positions =
        last <= 1
        ? given.map { Int((Double(lineLength) * $0).rounded(.towardZero)) }
        : given.map { Int($0.rounded(.towardZero)) }
    } else if summary.options.lineLength != nil {
      let relative = graph ? [0.3, 0.6, 0.70, 1.0] : [0.45, 0.85, 1.0]
      positions = relative.map { Int((Double(lineLength) * $0).rounded(.towardZero)) }
    } else {
      positions = graph ? graphPositions : Self.positions
    }
    if summary.options.showTrainable {
      lineLength += 11
      positions.append(lineLength)
    }
    return (lineLength, positions)
  }

  public static func render(_ summary: ModelSummary, footer: SummaryFooterStyle = .default)
    -> String
  {
    let graph = summary.showsConnections
    let options = summary.options
    let (lineLength, positions) = layout(summary)
    var header = ["Layer (type)", "Output Shape", "Param #"]
    if graph { header.append("Connected to") }
    if options.showTrainable { header.append("Trainable") }
    var lines: [String] = []
    lines.append("Model: \"\(summary.name)\"")
    lines.append(String(repeating: "_", count: lineLength))
    lines += row(header, positions: positions)
    lines.append(String(repeating: "=", count: lineLength))
    func framed(_ level: Int, _ fill: Character, inner: Int) -> String {
      String(repeating: "|", count: level) + String(repeating: fill, count: max(0, inner))
        + String(repeating: "|", count: level)
    }
    // Keras' `print_layer`: the row, the nested model's rows framed by `|` and `¯` lines, and a
    // spacer line after every row but the last of a nested model. Keras' loop over the nested
    // rows reuses the `is_nested_last` flag, so an expanded model is followed by no spacer.
    func printLayer(_ layer: ModelSummary.Row, level: Int, isNestedLast: Bool) {
      var isNestedLast = isNestedLast
      var fields = [
        "\(layer.name) (\(layer.className))", layer.outputShapeText,
        // tf-keras' `print_layer_summary`: a layer that was never built (one a subclassed model
        // holds but its call does not reach).
        layer.isBuilt ? String(layer.parameters) : "0 (unused)",
      ]
      if graph {
        // Python's str of the list of `name[node][tensor]` strings.
        let connections = layer.connections.map { PythonFormat.quoted($0.kerasDescription) }
        fields.append("[" + connections.joined(separator: ", ") + "]")
      }
      if options.showTrainable { fields.append(layer.trainable ? "Y" : "N") }
      lines += row(fields, positions: positions, nestedLevel: level)
      if options.expandNested && !layer.nestedRows.isEmpty {
        lines.append(framed(level + 1, "¯", inner: lineLength - 2 * level - 2))
        for (index, nested) in layer.nestedRows.enumerated() {
          // Layers inside a nested model have no calls inside this model: no connections.
          var inner = nested
          inner.connections = []
          printLayer(
            inner, level: level + 1, isNestedLast: index == layer.nestedRows.count - 1)
        }
        lines.append(framed(level, "¯", inner: lineLength - 2 * level))
        isNestedLast = true
      }
      if !isNestedLast { lines.append(framed(level, " ", inner: lineLength - 2 * level)) }
    }
    for layer in summary.shownRows { printLayer(layer, level: 0, isNestedLast: false) }
    lines.append(String(repeating: "=", count: lineLength))
    let total = summary.totalParameters
    let trainable = summary.trainableParameters
    let frozen = summary.nonTrainableParameters
    switch footer {
    case .classic:
      lines.append("Total params: \(PythonFormat.grouped(total))")
      lines.append("Trainable params: \(PythonFormat.grouped(trainable))")
      lines.append("Non-trainable params: \(PythonFormat.grouped(frozen))")
    case .modern:
      let sizes = summary.parameterBytes
      lines.append("Total params: \(total) (\(readableSize(bytes: sizes.total)))")
      lines.append("Trainable params: \(trainable) (\(readableSize(bytes: sizes.trainable)))")
      lines.append("Non-trainable params: \(frozen) (\(readableSize(bytes: sizes.nonTrainable)))")
    }
    lines.append(String(repeating: "_", count: lineLength))
    return lines.map { $0 + "\n" }.joined()
  }

  /// The first column whose width leaves no room for text (Keras' `print_row` would then loop
  /// forever on a non-empty field); nil when every column has room.
  public static func unprintableColumn(_ summary: ModelSummary) -> Int? {
    let positions = layout(summary).positions
    // Only the columns that hold a field are printed; positions beyond them go unused.
    let fields = (summary.showsConnections ? 4 : 3) + (summary.options.showTrainable ? 1 : 0)
    for column in positions.indices.prefix(fields) {
      let start = column > 0 ? positions[column - 1] : 0
      let isLast = column == positions.count - 1
      let cutoff = positions[column] - start - (isLast ? 0 : 3)
      if cutoff <= 0 { return column }
    }
    return nil
  }

  /// Keras' `print_row`: each field is cut to its column width (less two separating spaces, and one
  /// more for all but the last column; the first column also loses one per nesting level) and the
  /// rest continues on following lines; a nested model's rows are framed by `|`.
  static func row(_ fields: [String], positions: [Int] = positions, nestedLevel: Int = 0)
    -> [String]
  {
    var remaining = fields.map { Array($0) }
    var lines: [String] = []
    let bars = Array(repeating: Character("|"), count: nestedLevel)
    while remaining.contains(where: { !$0.isEmpty }) {
      var line: [Character] = []
      for column in remaining.indices {
        let start = column > 0 ? positions[column - 1] : 0
        let end = positions[column]
        let isLast = column == positions.count - 1
        let space = isLast ? 0 : 2
        var cutoff = end - start - space
        if !isLast { cutoff -= 1 }
        if column == 0 { cutoff -= nestedLevel }
        // Keras would loop forever on a column without room: ConvBook drops the rest instead
        // (`unprintableColumn` refuses such a summary before it is printed).
        if cutoff <= 0 { cutoff = remaining[column].count }
        var fitting = Array(remaining[column].prefix(cutoff))
        // Keras prefers to break right after the end of a nested tuple, list or dict.
        let fittingText = String(fitting)
        let breaks = ["),", "},", "],", "',"].compactMap { marker -> Int? in
          guard let range = fittingText.range(of: marker) else { return nil }
          return fittingText.distance(from: fittingText.startIndex, to: range.upperBound)
        }
        if let earliest = breaks.min() {
          cutoff = earliest
          fitting = Array(fitting.prefix(earliest))
        }
        if column == 0 { line += bars + [" "] }
        line += fitting
        line += Array(repeating: " ", count: space)
        remaining[column] = Array(remaining[column].dropFirst(cutoff))
        let padding =
          positions[column] - line.count - (nestedLevel > 0 && isLast ? nestedLevel : 0)
        if padding > 0 { line += Array(repeating: " ", count: padding) }
      }
      line += bars
      lines.append(String(line))
    }
    return lines
  }

  /// Keras' `readable_memory_size`: 1024-based units, two decimals, singular `Byte`.
  public static func readableSize(bytes: Int) -> String {
    let units = ["Byte", "KB", "MB", "GB", "TB", "PB"]
    var size = Double(bytes)
    for unit in units {
      if size / 1024 < 1 { return format(size) + " " + unit }
      size /= 1024
    }
    return format(size) + " " + units.last!
  }

  private static func format(_ value: Double) -> String {
    // Python's "{:.2f}" and C's "%.2f" both round the exact binary value.
    String(format: "%.2f", value)
  }
}
