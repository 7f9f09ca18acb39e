import CNNKernelsX86
import Foundation

/// The register tiles the convolution drivers call: AVX-512 ones (C, `CNNKernelsX86`) where the
/// processor has them, else the Swift AVX2 tiles of `ConvolutionMicrokernel`.
///
/// With AVX-512 a tile spans up to two 16-filter blocks (6 pixels x 32 filters: 12 independent FMA
/// chains in 512-bit registers, enough to keep two FMA units busy through their latency), and a
/// remainder of 1...5 pixels is one tile rather than single pixels. With AVX2 the drivers hand out
/// one block at a time and remainders go pixel by pixel, as before. Either way every output value
/// is the same single FMA chain over its taps in the same order (or the same `LastBlockOrder`), then
/// the same bias and clamp, so both paths give bitwise identical results (`RegisterTileTests`).
extension ConvolutionMicrokernel {
  /// This processor and operating system run AVX-512F code (cpuid and XCR0).
  package static let avx512Available = cb_avx512_usable() != 0

  /// Whether the drivers use the AVX-512 tiles: where available, unless the environment says
  /// `CONVBOOK_KERNELS=avx2`. Tests switch it to compare both paths in one process (harmless to
  /// other tests running meanwhile: the paths agree bit for bit).
  nonisolated(unsafe) package static var useAVX512 =
    avx512Available && ProcessInfo.processInfo.environment["CONVBOOK_KERNELS"] != "avx2"

  /// Blocks one tile covers: 2 with AVX-512, 1 with AVX2.
  static var blocksPerTile: Int { useAVX512 ? 2 : 1 }

  /// `tile` with the taps cut as TensorFlow's contraction cuts a long patch (`ContractionPlan`):
  /// each range's taps summed from zero by `tile` into `scratch` (no bias, no clamp), added to its
  /// shard's sum, the shards' sums added in order, then the bias and the clamp. A last block's
  /// two chains (`.pairs`) restart at each range, with the range's own parity and odd tail.
  /// `clipped`: room for `segmentCount` segments; `scratch`: 3 x `rows` x `blocks` x 16 floats;
  /// `zeros`: `blocks` x 16 zeros. `pieces`: the segments already clipped to each range of the
  /// plan (shard by shard, `starts[i]..<starts[i + 1]` for the i-th range), for a caller that
  /// runs many tiles over the same segments; then `segments` and `clipped` are not read.
  static func plannedTile(
    plan: ContractionPlan, segments: UnsafePointer<Segment>, segmentCount: Int, rows: Int,
    pixel: UnsafePointer<Float>, pixelStride: Int, weights: UnsafePointer<Float>,
    blockStride: Int, blocks: Int, bias: UnsafePointer<Float>,
    clamp: (lower: Float, upper: Float)?, lanes: Int, output: UnsafeMutablePointer<Float>,
    outputStride: Int, avx512: Bool, order: LastBlockOrder,
    clipped: UnsafeMutablePointer<Segment>, scratch: UnsafeMutablePointer<Float>,
    zeros: UnsafePointer<Float>,
    pieces: (segments: UnsafePointer<Segment>, starts: UnsafePointer<Int>)? = nil
  ) {
    let width = PackedConvolutionWeights.blockWidth
    let columns = blocks * width
    let size = rows * columns
    let part = scratch
    let shardSum = scratch + size
    let total = scratch + 2 * size
    // sum = sum + part over `size` values (a multiple of 16), in SIMD lanes.
    func add(_ part: UnsafePointer<Float>, into sum: UnsafeMutablePointer<Float>) {
      var i = 0
      while i < size {
        SIMDMemory.store(SIMDMemory.load(sum + i) + SIMDMemory.load(part + i), sum + i)
        i += 8
      }
    }
    // One range's taps summed from zero: the first range of a shard straight into the shard's
    // sum, the others into `part`, added.
    func sumPiece(
      _ pieceSegments: UnsafePointer<Segment>, count: Int, range: Range<Int>, step: Int,
      into sum: UnsafeMutablePointer<Float>
    ) {
      var rangeOrder = order
      if case .pairs = order { rangeOrder = .pairs(taps: range.count) }
      tile(
        segments: pieceSegments, segmentCount: count, rows: rows, pixel: pixel,
        pixelStride: pixelStride, weights: weights + range.lowerBound * width,
        blockStride: blockStride, blocks: blocks, bias: zeros, clamp: nil, lanes: width,
        output: step == 0 ? sum : part, outputStride: columns, avx512: avx512, order: rangeOrder)
      if step > 0 { add(part, into: sum) }
    }
    var piece = 0
    for (index, shard) in plan.shards.enumerated() {
      // The first shard's sum is the total itself; a later shard's is added to it.
      let sum = index == 0 ? total : shardSum
      for (step, range) in shard.enumerated() {
        defer { piece += 1 }
        if let pieces {
          let first = pieces.starts[piece]
          sumPiece(
            pieces.segments + first, count: pieces.starts[piece + 1] - first, range: range,
            step: step, into: sum)
          continue
        }
        // The segments' taps inside `range`, weights counted from the range's first tap.
        var count = 0
        for s in 0..<segmentCount {
          let segment = segments[s]
          let first = segment.weight / width
          let start = max(first, range.lowerBound)
          let end = min(first + segment.length, range.upperBound)
          guard start < end else { continue }
          clipped[count] = Segment(
            input: segment.input + (start - first), weight: (start - range.lowerBound) * width,
            length: end - start)
          count += 1
        }
        sumPiece(clipped, count: count, range: range, step: step, into: sum)
      }
      if index > 0 { add(shardSum, into: total) }
    }
    for row in 0..<rows {
      for block in 0..<blocks {
        let at = total + row * columns + block * width
        finish(
          SIMDMemory.load(at), SIMDMemory.load(at + 8), bias: bias + block * width, clamp: clamp,
          lanes: block == blocks - 1 ? lanes : width,
          output: output + row * outputStride + block * width)
      }
    }
  }

  /// `rows` (1...6) pixels at `pixel + r * pixelStride` plus segment offsets x `blocks` (1 or 2)
  /// consecutive packed blocks (`blockStride` floats apart; bias and outputs 16 apart) -> outputs
  /// at `output + r * outputStride`. Only the last block may be partial (`lanes` < 16).
  /// `order`: how the last block sums (see `LastBlockOrder`).
  @inline(__always)
  static func tile(
    segments: UnsafePointer<Segment>, segmentCount: Int, rows: Int, pixel: UnsafePointer<Float>,
    pixelStride: Int, weights: UnsafePointer<Float>, blockStride: Int, blocks: Int,
    bias: UnsafePointer<Float>, clamp: (lower: Float, upper: Float)?, lanes: Int,
    output: UnsafeMutablePointer<Float>, outputStride: Int, avx512: Bool,
    order: LastBlockOrder = .chain
  ) {
    if case .dot(let column, let patch, let taps) = order {
      for row in 0..<rows {
        dotSingleFilter(
          segments: segments, segmentCount: segmentCount, base: pixel,
          pixelOffset: row * pixelStride, column: column, patch: patch, taps: taps, bias: bias[0],
          clamp: clamp, output: output + row * outputStride)
      }
      return
    }
    if case .pairs(let pairedTaps) = order {
      let width = PackedConvolutionWeights.blockWidth
      if blocks > 1 {
        tile(
          segments: segments, segmentCount: segmentCount, rows: rows, pixel: pixel,
          pixelStride: pixelStride, weights: weights, blockStride: blockStride, blocks: blocks - 1,
          bias: bias, clamp: clamp, lanes: width, output: output, outputStride: outputStride,
          avx512: avx512)
      }
      let block = blocks - 1
      for row in 0..<rows {
        tile1x8Pairs(
          segments: segments, segmentCount: segmentCount, base: pixel,
          pixelOffset: row * pixelStride, weights: weights + block * blockStride, taps: pairedTaps,
          bias: bias + block * width, clamp: clamp, lanes: lanes,
          output: output + block * width + row * outputStride)
      }
      return
    }
    if avx512 {
      UnsafeRawPointer(segments).withMemoryRebound(to: cb_segment.self, capacity: segmentCount) {
        cb_avx512_tile(
          $0, segmentCount, pixel, pixelStride, rows, weights, blockStride, blocks, bias,
          clamp == nil ? 0 : 1, clamp?.lower ?? 0, clamp?.upper ?? 0, lanes, output, outputStride)
      }
      return
    }
    for block in 0..<blocks {
      let blockLanes = block == blocks - 1 ? lanes : PackedConvolutionWeights.blockWidth
      let blockWeights = weights + block * blockStride
      let blockBias = bias + block * PackedConvolutionWeights.blockWidth
      let blockOutput = output + block * PackedConvolutionWeights.blockWidth
      if rows == 6 {
        tile6x16(
          segments: segments, segmentCount: segmentCount, pixel: pixel, pixelStride: pixelStride,
          weights: blockWeights, bias: blockBias, clamp: clamp, lanes: blockLanes,
          output: blockOutput, outputStride: outputStride)
      } else {
        for row in 0..<rows {
          tile1x16(
            segments: segments, segmentCount: segmentCount, base: pixel,
            pixelOffset: row * pixelStride, weights: blockWeights, bias: blockBias, clamp: clamp,
            lanes: blockLanes, output: blockOutput + row * outputStride)
        }
      }
    }
  }
}

/// Whose order a convolution's sums follow.
public enum ContractionOrder: Sendable {
  /// One FMA chain per value over its taps, whatever the filter count: the training steps'
  /// convolutions and the order of the kernel gradients (not TensorFlow's: fit's convolutions
  /// are not followed yet).
  case chains
  /// TensorFlow's own CPU kernels (an eager call, `predict` / `evaluate` of both Kerases: Keras 3
  /// turns XLA off without an accelerator): oneDNN's sgemm as TensorFlow's contraction calls it,
  /// with `LastBlockOrder`'s exceptions, over more than 256 taps in `ContractionPlan`'s pieces.
  case tensorFlowKernels
}

/// How the last 16-filter block of a convolution sums each value, as TensorFlow's CPU contraction
/// does for that many filters (the other blocks are always one FMA chain per value).
enum LastBlockOrder {
  /// One FMA chain over the taps (a last block of 9...16 filters).
  case chain
  /// Two chains over the even and odd taps of a patch of `taps` (a last block of 2...8 filters, or
  /// the last 1...8 of more than 16): `ConvolutionMicrokernel.tile1x8Pairs`.
  case pairs(taps: Int)
  /// A single filter (one group): Eigen's matrix-vector product, `TensorFlowDot`, over the whole
  /// patch with its padding as zeros. `column`: the filter's `taps` weights; `patch`: scratch of
  /// `taps` floats owned by the calling thread.
  case dot(column: UnsafePointer<Float>, patch: UnsafeMutablePointer<Float>, taps: Int)

  /// The order for a convolution's weights, or nil when it needs per-thread scratch (`.dot`).
  static func forWeights(_ weights: PackedConvolutionWeights, _ contraction: ContractionOrder)
    -> LastBlockOrder?
  {
    guard contraction == .tensorFlowKernels, weights.groups == 1 else { return .chain }
    let taps = weights.kernel3.reduce(1, *) * weights.inputChannelsPerGroup
    if weights.filters == 1 { return nil }
    let shortLast = TensorFlowContraction.inShortLastBlock(
      column: weights.filters - 1, columns: weights.filters)
    return shortLast ? .pairs(taps: taps) : .chain
  }
}

/// How a run of `count` rows (pixels of an output row, or kernel-gradient rows) splits into tiles of
/// at most 6: with AVX-512 into `ceil(count / 6)` tiles whose sizes differ by at most one (a tile
/// of 4 or 5 rows still has 8-10 independent FMA chains), with AVX2 into full 6-row tiles and then
/// the rest (which the AVX2 path computes row by row).
struct TileRows {
  let count: Int
  let balanced: Bool
  let tiles: Int

  init(count: Int, avx512: Bool) {
    self.count = count
    balanced = avx512
    tiles = (count + 5) / 6
  }

  /// First row and row count of tile `index` (< `tiles`).
  @inline(__always)
  func tile(_ index: Int) -> (start: Int, rows: Int) {
    guard balanced else { return (index * 6, min(6, count - index * 6)) }
    let base = count / tiles
    let extra = count % tiles
    return (index * base + min(index, extra), base + (index < extra ? 1 : 0))
  }
}
