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

  public static func render(_ summary: ModelSummary, footer: SummaryFooterStyle = .default)
    -> String
  {
    let graph = summary.showsConnections
    let lineLength = graph ? graphLineLength : lineLength
    let positions = graph ? graphPositions : positions
    var header = ["Layer (type)", "Output Shape", "Param #"]
    if graph { header.append("Connected to") }
    var lines: [String] = []
    lines.append("Model: \"\(summary.name)\"")
    lines.append(String(repeating: "_", count: lineLength))
    lines += row(header, positions: positions)
    lines.append(String(repeating: "=", count: lineLength))
    for layer in summary.rows {
      var fields = [
        "\(layer.name) (\(layer.className))", layer.outputShapeText, String(layer.parameters),
      ]
      if graph {
        // Python's str of the list of `name[node][tensor]` strings.
        let connections = layer.connections.map { PythonFormat.quoted($0.kerasDescription) }
        fields.append("[" + connections.joined(separator: ", ") + "]")
      }
      lines += row(fields, positions: positions)
      lines.append(String(repeating: " ", count: lineLength))
    }
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

  /// Keras' `print_row`: each field is cut to its column width (less two separating spaces, and one
  /// more for all but the last column) and the rest continues on following lines.
  static func row(_ fields: [String], positions: [Int] = positions) -> [String] {
    var remaining = fields.map { Array($0) }
    var lines: [String] = []
    while remaining.contains(where: { !$0.isEmpty }) {
      var line: [Character] = []
      for column in remaining.indices {
        let start = column > 0 ? positions[column - 1] : 0
        let end = positions[column]
        let isLast = column == positions.count - 1
        let space = isLast ? 0 : 2
        var cutoff = end - start - space
        if !isLast { cutoff -= 1 }
        var fitting = Array(remaining[column].prefix(max(cutoff, 0)))
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
        if column == 0 { line.append(" ") }
        line += fitting
        line += Array(repeating: " ", count: space)
        remaining[column] = Array(remaining[column].dropFirst(max(cutoff, 0)))
        let padding = positions[column] - line.count
        if padding > 0 { line += Array(repeating: " ", count: padding) }
      }
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
