import CNNKernelsX86
import Foundation

/// The register tiles the convolution drivers call: AVX-512 ones (C, `CNNKernelsX86`) where the
/// processor has them, else the Swift AVX2 tiles of `ConvolutionMicrokernel`.
///
/// With AVX-512 a tile spans up to two 16-filter blocks (6 pixels x 32 filters: 12 independent FMA
/// chains in 512-bit registers, enough to keep two FMA units busy through their latency), and a
/// remainder of 1...5 pixels is one tile rather than single pixels. With AVX2 the drivers hand out
/// one block at a time and remainders go pixel by pixel, as before. Either way every output value
/// is the same single FMA chain over its taps in the same order, then the same bias and clamp, so
/// both paths give bitwise identical results (checked by `RegisterTileTests`).
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

  /// `rows` (1...6) pixels at `pixel + r * pixelStride` plus segment offsets x `blocks` (1 or 2)
  /// consecutive packed blocks (`blockStride` floats apart; bias and outputs 16 apart) -> outputs
  /// at `output + r * outputStride`. Only the last block may be partial (`lanes` < 16).
  @inline(__always)
  static func tile(
    segments: UnsafePointer<Segment>, segmentCount: Int, rows: Int, pixel: UnsafePointer<Float>,
    pixelStride: Int, weights: UnsafePointer<Float>, blockStride: Int, blocks: Int,
    bias: UnsafePointer<Float>, clamp: (lower: Float, upper: Float)?, lanes: Int,
    output: UnsafeMutablePointer<Float>, outputStride: Int, avx512: Bool
  ) {
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
