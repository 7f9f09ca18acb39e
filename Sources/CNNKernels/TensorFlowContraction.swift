/// How TensorFlow 2.21 sums one value of a float32 contraction with several rows and columns on an
/// AVX2 processor: a `MatMul`, or the GEMM behind a convolution (rows = output positions, columns
/// = filters). Eigen's contraction hands its blocks to oneDNN's sgemm, which sums a value in one
/// FMA chain over the inner index, except in a last block of at most 8 columns (of 16) and in a
/// last group of 3 rows (of 6): there it keeps one FMA chain over the even terms and one over the
/// odd terms, adds the two, then the last term of an odd count by FMA (`pairs`). Measured by
/// `Tools/keras-reference/probe_contraction_order.py`: every value matched for inner sizes up to
/// 288. The last 1 or 2 rows (of 6) of a product of 2 rows or more sum in the same two chains but
/// without FMA (each product rounded, then added), whatever the column (`unfusedPairs`; measured on
/// Dense layers of 2-32 units over 2-39 inputs in tf-keras' `predict`, every value). A single row
/// is Eigen's matrix-vector product (`EigenRowProduct`), a single column `TensorFlowDot` /
/// `EigenMatrixVector`.
///
/// Over more than 256 terms the inner index goes in the pieces of Eigen's and oneDNN's blocking
/// (`ContractionPlan`, `plannedSum`), each summed in the value's order from zero and added to the
/// value.
public enum TensorFlowContraction {
  /// How one value of a product sums its terms.
  public enum ValueOrder: Sendable {
    /// One FMA chain (`chain`).
    case chain
    /// An FMA chain over the even terms and one over the odd terms, added (`pairs`).
    case pairs
    /// The same two chains without FMA (`unfusedPairs`).
    case unfusedPairs
    /// A lone row of an Eigen row block (`RowBlocking`): oneDNN's matrix-vector product, one FMA
    /// chain over the whole shard, not cut in the plan's pieces.
    case shardChain
  }

  /// The order of the value at (`row`, `column`) of a product of `rows` rows and `columns`
  /// columns: with 2 rows or more the last 1 or 2 (of 6) in `unfusedPairs`; the last 3 in `pairs`,
  /// the other rows in `pairs` in a short last block of columns, else in one chain.
  @inline(__always)
  public static func order(row: Int, rows: Int, column: Int, columns: Int) -> ValueOrder {
    let left = rows % 6
    if rows >= 2 && left >= 1 && left <= 2 && row >= rows - left { return .unfusedPairs }
    return sumsInPairs(row: row, rows: rows, column: column, columns: columns) ? .pairs : .chain
  }

  /// Whether column `column` of `columns` is in a last block of at most 8 columns (of 16).
  @inline(__always)
  public static func inShortLastBlock(column: Int, columns: Int) -> Bool {
    let last = columns % 16
    return last >= 1 && last <= 8 && column >= columns - last
  }

  /// Whether the value at (`row`, `column`) sums in `pairs` rather than in one chain.
  @inline(__always)
  public static func sumsInPairs(row: Int, rows: Int, column: Int, columns: Int) -> Bool {
    inShortLastBlock(column: column, columns: columns) || (rows % 6 == 3 && row >= rows - 3)
  }

  /// Sum over k < count of a[k] * b[k * strideB]: one FMA chain per parity, added, then the odd
  /// tail by FMA.
  public static func pairs(
    count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, strideB: Int
  ) -> Float {
    var even: Float = 0
    var odd: Float = 0
    let whole = count / 2 * 2
    var k = 0
    while k < whole {
      even = even.addingProduct(a[k], b[k * strideB])
      odd = odd.addingProduct(a[k + 1], b[(k + 1) * strideB])
      k += 2
    }
    var sum = even + odd
    if whole < count { sum = sum.addingProduct(a[whole], b[whole * strideB]) }
    return sum
  }

  /// Sum over k < count of a[k] * b[k * strideB] as `pairs` without FMA: each product rounded,
  /// then added to its chain.
  public static func unfusedPairs(
    count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, strideB: Int
  ) -> Float {
    var even: Float = 0
    var odd: Float = 0
    let whole = count / 2 * 2
    var k = 0
    while k < whole {
      let evenTerm = a[k] * b[k * strideB]
      let oddTerm = a[k + 1] * b[(k + 1) * strideB]
      even = even + evenTerm
      odd = odd + oddTerm
      k += 2
    }
    var sum = even + odd
    if whole < count {
      let last = a[whole] * b[whole * strideB]
      sum = sum + last
    }
    return sum
  }

  /// The sum of `order` over k < count of a[k] * b[k * strideB].
  @inline(__always)
  public static func sum(
    _ order: ValueOrder, count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
    strideB: Int
  ) -> Float {
    switch order {
    case .chain, .shardChain: return chain(count: count, a, b, strideB: strideB)
    case .pairs: return pairs(count: count, a, b, strideB: strideB)
    case .unfusedPairs: return unfusedPairs(count: count, a, b, strideB: strideB)
    }
  }

  /// The largest inner size oneDNN's AVX2 sgemm sums in one block.
  public static let blockDepth = 256

  /// The inner blocks of one oneDNN sgemm call over `count` terms (`sgemm_nocopy_driver`): all of
  /// them up to 256; below 512 two halves, the first one larger by the odd term; else blocks of
  /// 256. (Eigen's contraction cuts longer sums into several calls first: `ContractionPlan`.)
  public static func blocks(count: Int) -> [Int] {
    if count <= blockDepth { return [count] }
    if count < 2 * blockDepth { return [(count + 1) / 2, count / 2] }
    var sizes: [Int] = []
    var left = count
    while left > 0 {
      sizes.append(min(blockDepth, left))
      left -= blockDepth
    }
    return sizes
  }

  /// `sum` as one oneDNN sgemm call gives it: each block of `blocks` summed in `order`, then
  /// added to the value (a batched eager `tf.matmul`, whose Eigen blocking is not followed).
  public static func blockedSum(
    _ order: ValueOrder, count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
    strideB: Int
  ) -> Float {
    if count <= blockDepth || order == .shardChain {
      return sum(order, count: count, a, b, strideB: strideB)
    }
    var total: Float = 0
    var start = 0
    for size in blocks(count: count) {
      let block = sum(order, count: size, a + start, b + start * strideB, strideB: strideB)
      total = start == 0 ? block : total + block
      start += size
    }
    return total
  }

  /// `sum` over the inner index in the pieces of `plan`: each range summed in `order` from zero
  /// and added to its shard's sum, the shards' sums added in order.
  public static func plannedSum(
    _ order: ValueOrder, plan: ContractionPlan, _ a: UnsafePointer<Float>,
    _ b: UnsafePointer<Float>, strideB: Int
  ) -> Float {
    plannedSum(orders: { _ in order }, plan: plan, a, b, strideB: strideB)
  }

  /// `plannedSum` with an order for each shard (`orders(shard)`): a lone row's `shardChain` in
  /// one shard need not be its order in another (`RowBlocking`).
  @inline(__always)
  public static func plannedSum(
    orders: (Int) -> ValueOrder, plan: ContractionPlan, _ a: UnsafePointer<Float>,
    _ b: UnsafePointer<Float>, strideB: Int
  ) -> Float {
    var total: Float = 0
    for (index, shard) in plan.shards.enumerated() {
      let order = orders(index)
      var shardSum: Float = 0
      if order == .shardChain, let first = shard.first, let last = shard.last {
        let start = first.lowerBound
        shardSum = chain(
          count: last.upperBound - start, a + start, b + start * strideB, strideB: strideB)
        total = index == 0 ? shardSum : total + shardSum
        continue
      }
      for (step, range) in shard.enumerated() {
        let part = sum(
          order, count: range.count, a + range.lowerBound, b + range.lowerBound * strideB,
          strideB: strideB)
        shardSum = step == 0 ? part : shardSum + part
      }
      total = index == 0 ? shardSum : total + shardSum
    }
    return total
  }

  /// `plannedSum` of 16 columns at once: `b` holds the 16 columns' values of each term side by
  /// side (a packed 16-unit block, 16 floats per term). Every lane sums its column exactly as
  /// `plannedSum(order, ...)` does (the same operations in the same order, in SIMD lanes).
  @inline(__always)
  static func plannedSum16(
    _ order: ValueOrder, plan: ContractionPlan, _ a: UnsafePointer<Float>,
    _ b: UnsafePointer<Float>
  ) -> (low: SIMD8<Float>, high: SIMD8<Float>) {
    plannedSum16(orders: { _ in order }, plan: plan, a, b)
  }

  /// `plannedSum16` with an order for each shard (see `plannedSum(orders:...)`).
  @inline(__always)
  static func plannedSum16(
    orders: (Int) -> ValueOrder, plan: ContractionPlan, _ a: UnsafePointer<Float>,
    _ b: UnsafePointer<Float>
  ) -> (low: SIMD8<Float>, high: SIMD8<Float>) {
    let zero = SIMD8<Float>(repeating: 0)
    var total = (low: zero, high: zero)
    for (index, shard) in plan.shards.enumerated() {
      let order = orders(index)
      var shardSum = (low: zero, high: zero)
      if order == .shardChain, let first = shard.first, let last = shard.last {
        let start = first.lowerBound
        shardSum = sum16(.chain, count: last.upperBound - start, a + start, b + start * 16)
        total = index == 0 ? shardSum : (total.low + shardSum.low, total.high + shardSum.high)
        continue
      }
      for (step, range) in shard.enumerated() {
        let part = sum16(
          order, count: range.count, a + range.lowerBound, b + range.lowerBound * 16)
        shardSum = step == 0 ? part : (shardSum.low + part.low, shardSum.high + part.high)
      }
      total = index == 0 ? shardSum : (total.low + shardSum.low, total.high + shardSum.high)
    }
    return total
  }

  /// `sum` of 16 columns at once (see `plannedSum16`).
  static func sum16(
    _ order: ValueOrder, count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>
  ) -> (low: SIMD8<Float>, high: SIMD8<Float>) {
    let zero = SIMD8<Float>(repeating: 0)
    switch order {
    case .chain, .shardChain:
      var (low, high) = (zero, zero)
      for k in 0..<count {
        let x = SIMD8<Float>(repeating: a[k])
        low = low.addingProduct(x, SIMDMemory.load(b + 16 * k))
        high = high.addingProduct(x, SIMDMemory.load(b + 16 * k + 8))
      }
      return (low, high)
    case .pairs, .unfusedPairs:
      // Two chains (even and odd terms), added, then the odd tail: with FMA (`pairs`) or each
      // product rounded first (`unfusedPairs`).
      let fused = order == .pairs
      @inline(__always)
      func step(_ sum: SIMD8<Float>, _ x: SIMD8<Float>, _ w: SIMD8<Float>) -> SIMD8<Float> {
        if fused { return sum.addingProduct(x, w) }
        let term = x * w
        return sum + term
      }
      var (evenLow, evenHigh, oddLow, oddHigh) = (zero, zero, zero, zero)
      let whole = count / 2 * 2
      var k = 0
      while k < whole {
        let x = SIMD8<Float>(repeating: a[k])
        let y = SIMD8<Float>(repeating: a[k + 1])
        evenLow = step(evenLow, x, SIMDMemory.load(b + 16 * k))
        evenHigh = step(evenHigh, x, SIMDMemory.load(b + 16 * k + 8))
        oddLow = step(oddLow, y, SIMDMemory.load(b + 16 * k + 16))
        oddHigh = step(oddHigh, y, SIMDMemory.load(b + 16 * k + 24))
        k += 2
      }
      var low = evenLow + oddLow
      var high = evenHigh + oddHigh
      if whole < count {
        let x = SIMD8<Float>(repeating: a[whole])
        low = step(low, x, SIMDMemory.load(b + 16 * whole))
        high = step(high, x, SIMDMemory.load(b + 16 * whole + 8))
      }
      return (low, high)
    }
  }

  /// Sum over k < count of a[k] * b[k * strideB] in one FMA chain.
  public static func chain(
    count: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, strideB: Int
  ) -> Float {
    var sum: Float = 0
    for k in 0..<count { sum = sum.addingProduct(a[k], b[k * strideB]) }
    return sum
  }
}
