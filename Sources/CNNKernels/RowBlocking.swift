/// Which sgemm call computes each row of TensorFlow 2.21's float32 GEMM (a `MatMul`, a 1x1
/// convolution's product) on ~/keras-ref's machine, and so where `TensorFlowContraction.order`'s
/// rows left over from groups of 6 fall. Eigen's contraction hands oneDNN blocks of `nc` rows
/// (`TensorContractionBlocking`: Eigen's n block for the way it evaluates the product, rounded up
/// to 24; per shard of `ContractionPlan`), and oneDNN's `sgemm_nocopy_driver` cuts a call of more
/// than 72 rows in blocks of 48, two halves (the first larger by the odd row) from 73 to 95 rows
/// left. The 6-row tiles' exceptions count from the start of such a block; an Eigen block of a
/// single row is oneDNN's matrix-vector product, one FMA chain over the shard
/// (`ValueOrder.shardChain`). Measured with `Tools/keras-reference/probe_row_blocking.py` (every
/// value of random products of 2-300 rows, 2-160 columns and up to 2000 inner terms).
public struct RowBlocking: Sendable, Equatable {
  /// The product's rows.
  public let rows: Int
  /// Eigen's block of rows in each shard of the plan.
  public let eigenRows: [Int]

  public init(rows: Int, eigenRows: [Int]) {
    self.rows = rows
    self.eigenRows = eigenRows
  }

  /// The blocking of a product of `rows` x `depth` by `depth` x `columns` (Eigen's n, k, m), as
  /// `TensorFlowContraction.plan` evaluates it.
  public static func of(
    rows: Int, columns: Int, depth: Int,
    operand: TensorFlowContraction.Operand = .tensor,
    threads: Int = TensorFlowContraction.referenceThreads
  ) -> RowBlocking {
    let model = EigenContractionModel(
      m: columns, n: rows, k: depth, threads: max(1, threads),
      patchCompute: operand == .imagePatches ? 86.0 / 8.0 : 0)
    return RowBlocking(rows: rows, eigenRows: model.rowBlocks())
  }

  /// oneDNN's blocks of one sgemm call over `rows` rows: (first row, rows).
  static func oneDNNBlocks(_ rows: Int) -> [(start: Int, count: Int)] {
    var blocks: [(start: Int, count: Int)] = []
    var start = 0
    while start < rows {
      let left = rows - start
      let count = left >= 96 ? 48 : left > 72 ? (left + 1) / 2 : left
      blocks.append((start, count))
      start += count
    }
    return blocks
  }

  /// Row `row` within its oneDNN block and that block's rows, for Eigen blocks of `eigenRows`;
  /// nil for a lone row of an Eigen block (of a product of two rows or more).
  @inline(__always)
  static func place(row: Int, rows: Int, eigenRows: Int) -> (row: Int, rows: Int)? {
    let block = max(1, eigenRows)
    let first = row / block * block
    let count = min(block, rows - first)
    if count == 1 && rows > 1 { return nil }
    let local = row - first
    // Up to 72 rows are one oneDNN block: the common case needs no list.
    if count <= 72 { return (local, count) }
    for piece in oneDNNBlocks(count) where local < piece.start + piece.count {
      return (local - piece.start, piece.count)
    }
    return (local, count)
  }

  /// The order of the value at (`row`, `column`) of `columns` in shard `shard`.
  @inline(__always)
  public func order(row: Int, column: Int, columns: Int, shard: Int)
    -> TensorFlowContraction.ValueOrder
  {
    let eigen = eigenRows[min(shard, eigenRows.count - 1)]
    guard let place = Self.place(row: row, rows: rows, eigenRows: eigen) else {
      return .shardChain
    }
    return TensorFlowContraction.order(
      row: place.row, rows: place.rows, column: column, columns: columns)
  }

  /// The rows whose order differs from one FMA chain in some shard whatever the column (the last
  /// 1 to 3 rows of an sgemm block of 6, lone rows), ascending. The tiles keep the others.
  public func exceptionalRows() -> [Int] {
    var found = Set<Int>()
    for eigen in Set(eigenRows) {
      let block = max(1, eigen)
      var first = 0
      while first < rows {
        let count = min(block, rows - first)
        if count == 1 && rows > 1 {
          found.insert(first)
        } else {
          for piece in Self.oneDNNBlocks(count) {
            let left = piece.count % 6
            guard piece.count >= 2, (1...3).contains(left) else { continue }
            let end = first + piece.start + piece.count
            for row in end - left..<end { found.insert(row) }
          }
        }
        first += count
      }
    }
    return found.sorted()
  }
}
