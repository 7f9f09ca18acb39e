/// The loops over every value of scikit-learn's generated samples (row-major float64 matrices),
/// kept here so that they run optimised: blocks of columns side by side, columns copied by index,
/// and the final per-column shift and scale with rows and columns in their shuffled order.
public enum SampleColumns {
  /// The blocks' columns side by side: row `r` is each block's row `r` in turn.
  public static func join(_ blocks: [(values: [Double], width: Int)], rows: Int) -> [Double] {
    let width = blocks.reduce(0) { $0 + $1.width }
    var result = [Double](repeating: 0, count: rows * width)
    var offset = 0
    for block in blocks {
      for row in 0..<rows {
        for column in 0..<block.width {
          result[row * width + offset + column] = block.values[row * block.width + column]
        }
      }
      offset += block.width
    }
    return result
  }

  /// The columns `picks` of a (rows x columns) matrix, in that order.
  public static func pick(_ values: [Double], columns: Int, rows: Int, _ picks: [Int]) -> [Double] {
    var result: [Double] = []
    result.reserveCapacity(rows * picks.count)
    for row in 0..<rows {
      for column in picks { result.append(values[row * columns + column]) }
    }
    return result
  }

  /// `(values + shift) * scale` per column, then `[rowOrder][:, columnOrder]`.
  public static func arrange(
    _ values: [Double], rows: Int, columns: Int, shift: [Double], scale: [Double],
    rowOrder: [Int], columnOrder: [Int]
  ) -> [Double] {
    var result = [Double](repeating: 0, count: rows * columns)
    for row in 0..<rows {
      let source = rowOrder[row] * columns
      for column in 0..<columns {
        let from = columnOrder[column]
        result[row * columns + column] = (values[source + from] + shift[from]) * scale[from]
      }
    }
    return result
  }
}
