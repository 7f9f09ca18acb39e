/// How TensorFlow 2.21's Eigen contraction cuts the inner (summed) dimension of a float32 product
/// of two rows or more by two columns or more on ~/keras-ref's machine (the `eigen` engine: an AMD
/// EPYC with AVX2 and 32 KiB of L1 data cache, TensorFlow's intra-op pool of 2 threads): a
/// `MatMul` (`Dense`, eager `tf.matmul`; `ParallelMatMulKernel` in matmul_op_impl.h) or a
/// convolution's GEMM (Eigen's `SpatialConvolution`, whose right operand is an image-patch
/// expression). Read from Eigen's TensorContractionThreadPool.h and TensorFlow's
/// eigen_contraction_kernel.h (the headers ship in the wheel), then measured with
/// `Tools/keras-reference/probe_contraction_plan.py`.
///
/// Eigen's cost model picks one of three ways (`evalProductImpl`):
/// - one thread (`evalProductSequential`): the inner dimension in steps of Eigen's `kc`, from
///   `computeProductBlockingSizes` for one thread (L1 of 32 KiB and TensorFlow's AVX build, whose
///   GEBP traits are mr = 16, nr = 4: at most 400, shortened so the last step is as long as
///   possible), then TensorFlow's refinement to about equal slices rounded up to 8;
/// - several threads over rows and columns: the same steps from the blocking for that many
///   threads (at most 320);
/// - sharded over the inner dimension (`evalShardedByInnerDim`, small outputs): the inner
///   dimension cut into shards of `max(96, ceil(k / threads) rounded up to 8)`, each summed on its
///   own in the steps of a blocking for that many threads, then shard 0 + shard 1.
/// Each step is one oneDNN sgemm call (TensorFlow's custom contraction kernel), which sums up to
/// 256 terms at once, from 257 to 511 in two halves (the first larger by the odd term) and past
/// that in blocks of 256 (`sgemm_nocopy_driver`). Every sgemm block is summed from zero in the
/// value's own order (`TensorFlowContraction.order`) and then added to the value.
///
/// Measured: every value of 239 random products of 2-72 rows, 2-159 columns and 257-3999 inner
/// terms (`MatMul`), and convolutions of 288-1152 taps; the other 11 lose a lone last row of an
/// Eigen row block, which `RowBlocking` follows (with oneDNN's own row blocks past 72 rows).
public struct ContractionPlan: Sendable, Equatable {
  /// Ranges of the inner index, shard by shard: each range is summed from zero and added to its
  /// shard's sum in turn; the shards' sums are added in order.
  public let shards: [[Range<Int>]]

  public init(shards: [[Range<Int>]]) { self.shards = shards }

  /// One range over everything: the sum goes in one piece.
  public var isWhole: Bool { shards.count == 1 && shards[0].count == 1 }

  /// The whole inner dimension of `count` terms in one piece.
  public static func whole(_ count: Int) -> ContractionPlan {
    ContractionPlan(shards: [[0..<count]])
  }
}

extension TensorFlowContraction {
  /// The right operand of a contraction, whose cost per value enters Eigen's choice of threads.
  public enum Operand: Sendable {
    /// A tensor in memory (`MatMul`, a 1x1 convolution).
    case tensor
    /// A convolution's image patches (`extract_image_patches`: 3 index divisions and 14
    /// multiplications per value, Eigen's estimate).
    case imagePatches
  }

  /// TensorFlow's intra-op threads on ~/keras-ref's machine (2 cores).
  public static let referenceThreads = 2

  /// The plan of a product of `rows` x `depth` by `depth` x `columns` (Eigen's n, k, m).
  public static func plan(
    rows: Int, columns: Int, depth: Int, operand: Operand = .tensor,
    threads: Int = referenceThreads
  ) -> ContractionPlan {
    let model = EigenContractionModel(
      m: columns, n: rows, k: depth, threads: max(1, threads),
      patchCompute: operand == .imagePatches ? 86.0 / 8.0 : 0)
    return model.plan()
  }
}

/// Eigen's heuristics for one contraction, as `ContractionPlan` describes them. m: the columns
/// (Eigen's left operand, the weights), n: the rows, k: the inner dimension.
struct EigenContractionModel {
  let m: Int
  let n: Int
  let k: Int
  let threads: Int
  /// Compute cycles per value of the right operand (Eigen's `costPerCoeff`, vectorized).
  let patchCompute: Double

  // Eigen's GEBP traits in TensorFlow's build (AVX without FMA): mr = 2 * 8, nr = 4.
  static let mr = 16
  static let nr = 4
  static let l1 = 32 * 1024
  static let l2 = 512 * 1024
  static let l3 = 32 * 1024 * 1024

  static func divup(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

  /// `evaluateProductBlockingSizesHeuristic` (KcFactor 1, float): k, m and n blocks.
  static func eigenBlocking(k: Int, m: Int, n: Int, threads: Int) -> (k: Int, m: Int, n: Int) {
    var (k, m, n) = (k, m, n)
    let kdiv = mr * 4 + nr * 4
    let ksub = mr * nr * 4
    if threads > 1 {
      let kCache = max(8, min((l1 - ksub) / kdiv, 320))
      if kCache < k { k = kCache - kCache % 8 }
      let nCache = (l2 - l1) / (nr * 4 * k)
      let nPerThread = divup(n, threads)
      if nCache <= nPerThread {
        n = nCache - nCache % nr
      } else {
        n = min(n, (nPerThread + nr - 1) - ((nPerThread + nr - 1) % nr))
      }
      let mCache = (l3 - l2) / (4 * k * threads)
      let mPerThread = divup(m, threads)
      if mCache < mPerThread && mCache >= mr {
        m = mCache - mCache % mr
      } else {
        m = min(m, (mPerThread + mr - 1) - ((mPerThread + mr - 1) % mr))
      }
      return (k, m, n)
    }
    if max(k, m, n) < 48 { return (k, m, n) }
    let maxKc = max(((l1 - ksub) / kdiv) & ~7, 1)
    if k > maxKc {
      k =
        k % maxKc == 0
        ? maxKc : maxKc - 8 * ((maxKc - 1 - (k % maxKc)) / (8 * (k / maxKc + 1)))
    }
    // The n block (rows of the product, `RowBlocking`): the rhs panel in what L1 leaves of the
    // lhs block, else in half of 1.5 MB; a last block as long as possible. (m does not enter.)
    let actualL2 = 1_572_864
    let remainingL1 = l1 - ksub - m * k * 4
    let maxNc = remainingL1 >= nr * 4 * k ? remainingL1 / (k * 4) : 3 * actualL2 / (4 * maxKc * 4)
    let nc = min(actualL2 / (2 * k * 4), maxNc) & ~(nr - 1)
    if nc > 0 && n > nc {
      n = n % nc == 0 ? nc : nc - nr * ((nc - n % nc) / (nr * (n / nc + 1)))
    }
    return (k, m, n)
  }

  /// TensorFlow's `TensorContractionBlocking` for its oneDNN kernel: Eigen's blocks, then m and n
  /// scaled to oneDNN's unrolls and k cut into about equal slices rounded up to 8.
  static func tensorFlowBlocking(k: Int, m: Int, n: Int, threads: Int, byColumn: Bool)
    -> (k: Int, m: Int, n: Int)
  {
    var kc: Int
    var mc: Int
    var nc: Int
    if byColumn {
      (kc, mc, nc) = eigenBlocking(k: k, m: m, n: n, threads: threads)
    } else {
      let swapped = eigenBlocking(k: k, m: n, n: m, threads: threads)
      (kc, mc, nc) = (swapped.k, swapped.n, swapped.m)
    }
    guard kc > 0, mc > 0, nc > 0 else { return (kc, mc, nc) }
    mc = min(m, divup(Int(Float(mc) * 1.5), 48) * 48)
    nc = min(n, divup(nc, 24) * 24)
    let slices = max(1, divup(k, kc))
    kc = min(k, divup(k / slices, 8) * 8)
    return (kc, mc, nc)
  }

  /// `shardByCol`.
  static func shardsByColumn(m: Int, n: Int, threads: Int) -> Bool {
    if m / threads >= nr
      && (n / threads < nr
        || (n / threads < 4 * nr && n % (threads * nr) != 0
          && (m % (threads * nr) == 0 || m / n >= 6)))
    {
      return false
    }
    if n / threads < 16 * nr && m > n * 32 { return false }
    return true
  }

  /// `TensorCostModel::totalCost` of `size` values costing (loaded, stored, compute) each.
  static func totalCost(_ size: Double, _ cost: (Double, Double, Double)) -> Double {
    let memory = 11.0 / 64
    return size * (memory * cost.0 + memory * cost.1 + cost.2)
  }

  /// `computeBandwidth` without FMA.
  static func bandwidth(byColumn: Bool, bm: Int, bn: Int, bk: Int) -> Double {
    if bk == 1 { return 4 }
    if (byColumn ? bn : bm) < nr || (byColumn ? bm : bn) < mr { return 2 }
    return 1
  }

  /// `numThreads` of the row and column sharding.
  func threadsOverOutput() -> Int {
    let byColumn = Self.shardsByColumn(m: m, n: n, threads: 2)
    let blocks = Self.tensorFlowBlocking(k: k, m: m, n: n, threads: 2, byColumn: byColumn)
    let (bk, bm, bn) = (Double(blocks.k), blocks.m, blocks.n)
    let compute =
      bk * Self.bandwidth(byColumn: false, bm: bm, bn: bn, bk: blocks.k) / 8 + patchCompute * bk
      / Double(m)
    let loaded = byColumn ? 4 * bk / Double(m) : 4 * bk / Double(n)
    let cost = Self.totalCost(Double(n) * Double(m), (loaded, 4, compute))
    let wanted = (cost - 100_000) / 100_000 + 0.9
    return min(threads, max(1, Int(min(wanted, Double(Int32.max)))))
  }

  /// `numThreadsInnerDim`.
  func threadsOverInner() -> Int {
    let perInner = (
      4 * Double(n), 4.0,
      Self.bandwidth(byColumn: true, bm: m, bn: n, bk: k) * Double(m) * Double(n) / 8
        + patchCompute * Double(n)
    )
    let parallel = Self.totalCost(Double(k), perInner)
    let reduction = Self.totalCost(Double(m * n), (2, 1, 1.0 / 8))
    var best = 1
    var least = parallel
    var count = 2
    while count <= threads {
      let cost = parallel / Double(count) + 100_000 + Double(count) * (reduction + 3000)
      if cost < least {
        best = count
        least = cost
      }
      count += 2
    }
    return best
  }

  /// `shardByInnerDim`.
  func shardsInner(threads: Int, innerThreads: Int) -> Bool {
    if n == 1 || innerThreads < 2 || innerThreads < threads
      || m * n * 4 > Self.l3 / innerThreads || k / innerThreads < 2 * Self.nr
    {
      return false
    }
    return max(m, n) / threads < Self.nr
      || (k / innerThreads > 8 * Self.nr && (min(m, n) < 2 * Self.nr || innerThreads > threads))
  }

  /// oneDNN's inner blocks of one sgemm call over `count` terms.
  static func sgemmBlocks(_ count: Int) -> [Int] {
    if count <= 256 { return [count] }
    if count < 512 { return [(count + 1) / 2, count / 2] }
    var sizes: [Int] = []
    var left = count
    while left > 0 {
      sizes.append(min(256, left))
      left -= 256
    }
    return sizes
  }

  /// The ranges of Eigen's steps of `kc` over `range`, each cut by oneDNN.
  static func steps(_ range: Range<Int>, kc: Int) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var start = range.lowerBound
    while start < range.upperBound {
      let length = min(kc, range.upperBound - start)
      var offset = start
      for size in sgemmBlocks(length) {
        runs.append(offset..<offset + size)
        offset += size
      }
      start += kc
    }
    return runs
  }

  /// Eigen's way for this product: the shards' ranges of the inner index, with the thread count
  /// and sharding of each one's blocking.
  func evaluation() -> [(range: Range<Int>, threads: Int, byColumn: Bool)] {
    var overOutput = threadsOverOutput()
    let overInner = threadsOverInner()
    if shardsInner(threads: overOutput, innerThreads: overInner) {
      let size = min(k, max(96, Self.divup(Self.divup(k, overInner), 8) * 8))
      let count = Self.divup(k, size)
      return (0..<count).map { index in
        (index * size..<min(k, (index + 1) * size), count, true)
      }
    }
    if n == 1 { overOutput = 1 }
    if overOutput == 1 { return [(0..<k, 1, true)] }
    return [(0..<k, overOutput, Self.shardsByColumn(m: m, n: n, threads: overOutput))]
  }

  func plan() -> ContractionPlan {
    guard k > 0 else { return .whole(k) }
    return ContractionPlan(
      shards: evaluation().map { shard in
        let kc = Self.tensorFlowBlocking(
          k: shard.range.count, m: m, n: n, threads: shard.threads, byColumn: shard.byColumn
        ).k
        return Self.steps(shard.range, kc: max(1, kc))
      })
  }

  /// Eigen's block of rows (`nc`) in each shard of `plan()`.
  func rowBlocks() -> [Int] {
    guard k > 0 else { return [n] }
    return evaluation().map { shard in
      let nc = Self.tensorFlowBlocking(
        k: shard.range.count, m: m, n: n, threads: shard.threads, byColumn: shard.byColumn
      ).n
      return nc > 0 ? nc : n
    }
  }
}
