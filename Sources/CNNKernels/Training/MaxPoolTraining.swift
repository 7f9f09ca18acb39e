/// Max pooling's forward pass in training when its windows tile the input (pool size = strides,
/// no padding: Keras' default `MaxPooling2D()`) and the channels are a multiple of 8: the same
/// output as `PoolingKernel.pool`, bit for bit, plus one byte per output value saying which tap
/// of its window holds it, so that the backward pass never reads the (large) input again.
///
/// A winner byte is the tap's index in scan order (kd, kh, kw) of the first tap equal to the
/// maximum, 0 when the maximum is NaN (the first tap, as `PoolingGradient` does), plus
/// `positiveFlag` when the maximum is > 0 (where a ReLU before the pooling passes its gradient).
public enum MaxPoolTraining {
  public static let positiveFlag: UInt8 = 0x80

  /// Whether an input of `inputShape` (N, spatial..., C) pooled by `poolSize` takes this path.
  public static func applies(inputShape: [Int], poolSize: [Int]) -> Bool {
    let rank = poolSize.count
    guard inputShape.count == rank + 2, let channels = inputShape.last, channels % 8 == 0,
      channels > 0
    else { return false }
    var taps = 1
    for axis in 0..<rank {
      guard poolSize[axis] >= 1, inputShape[1 + axis] >= poolSize[axis] else { return false }
      taps *= poolSize[axis]
    }
    return taps < Int(positiveFlag)
  }

  /// input (N, spatial..., C) -> `output` (N, spatial / pool..., C) and `winners` (one byte per
  /// output value). Only for shapes `applies` accepts.
  public static func forward(
    _ input: Tensor, poolSize: [Int], threads: Int, into output: inout Tensor,
    winners: inout [UInt8]
  ) throws(KernelError) {
    guard applies(inputShape: input.shape, poolSize: poolSize) else {
      throw KernelError(
        "max pooling with winners needs tiling windows and channels a multiple of 8, got \(input.shape) pooled by \(poolSize)"
      )
    }
    let rank = poolSize.count
    let lead = 3 - rank
    let size = Array(repeating: 1, count: lead) + Array(input.shape[1...rank])
    let pool = Array(repeating: 1, count: lead) + poolSize
    let out = (0..<3).map { size[$0] / pool[$0] }
    let (batch, channels) = (input.shape[0], input.shape[rank + 1])
    let (sH, sW) = (size[1], size[2])
    let (kD, kH, kW) = (pool[0], pool[1], pool[2])
    let (oD, oH, oW) = (out[0], out[1], out[2])
    output.prepareForOverwrite(
      shape: [batch] + Array(out.suffix(rank)) + [channels])
    let count = output.count
    if winners.count != count { winners = [UInt8](repeating: 0, count: count) }
    var taps: [Int] = []
    for kd in 0..<kD {
      for kh in 0..<kH {
        for kw in 0..<kW { taps.append(((kd * sH + kh) * sW + kw) * channels) }
      }
    }
    let tapCount = taps.count
    let rows = batch * oD * oH
    input.scalars.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        winners.withUnsafeMutableBufferPointer { winners in
          taps.withUnsafeBufferPointer { taps in
            let (source, target, winners, taps) = (
              source.baseAddress!, target.baseAddress!, winners.baseAddress!, taps.baseAddress!
            )
            // Output rows (n, od, oh) are disjoint: threads take rows.
            KernelParallelism.forEachSlice(
              count: rows, threads: threads,
              minimumPerThread: max(1, 65536 / max(1, oW * channels * tapCount))
            ) { range in
              let zero = SIMD8<Float>(repeating: 0)
              for row in range {
                let oh = row % oH
                let od = (row / oH) % oD
                let n = row / (oH * oD)
                for ow in 0..<oW {
                  let origin =
                    ((((n * size[0] + od * kD) * sH + oh * kH) * sW) + ow * kW) * channels
                  let at = (row * oW + ow) * channels
                  var c = 0
                  while c < channels {
                    let window = source + origin + c
                    var best = SIMDMemory.load(window)
                    for t in 1..<tapCount {
                      let value = SIMDMemory.load(window + taps[t])
                      best = best.replacing(with: value, where: value .> best)
                    }
                    SIMDMemory.store(best, target + at + c)
                    var tap = SIMD8<Int32>(repeating: 0)
                    var taken = SIMDMask<SIMD8<Int32>>(repeating: false)
                    for t in 0..<tapCount {
                      let hit = (SIMDMemory.load(window + taps[t]) .== best) .& .!taken
                      tap.replace(with: Int32(truncatingIfNeeded: t), where: hit)
                      taken .|= hit
                    }
                    tap.replace(with: tap | Int32(positiveFlag), where: best .> zero)
                    UnsafeMutableRawPointer(winners + at + c).storeBytes(
                      of: SIMD8<UInt8>(truncatingIfNeeded: tap), as: SIMD8<UInt8>.self)
                    c += 8
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
