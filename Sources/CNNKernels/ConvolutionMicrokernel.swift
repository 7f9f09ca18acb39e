/// The register-blocked inner loops of the implicit-GEMM convolution.
///
/// A "segment" is a run of consecutive input values that meet consecutive packed weight rows: with
/// dilation 1 and one group, the KW*C values under one kernel row are contiguous in NHWC, so a 3x3
/// kernel over 3 channels is 3 runs of 9 instead of 9 runs of 3. Every output value is accumulated
/// tap by tap in (kd, kh, kw, c) order with one FMA per tap, whichever kernel computes it, which is
/// what makes results independent of tiling and thread count. A last block of at most 8 filters and
/// a single filter follow TensorFlow's own orders for them (`LastBlockOrder`), also per value.
enum ConvolutionMicrokernel {
  struct Segment {
    /// Offset of the run's first input value from the pixel's base.
    var input: Int
    /// Offset of the run's first packed weight row (in floats) from the block's start.
    var weight: Int
    /// Number of input values (= packed weight rows of 16) in the run.
    var length: Int
  }

  /// Bias, optional clamp, store of 16 lanes (or fewer at a group's last block).
  @inline(__always)
  static func finish(
    _ low: SIMD8<Float>, _ high: SIMD8<Float>, bias: UnsafePointer<Float>,
    clamp: (lower: Float, upper: Float)?,
    lanes: Int, output: UnsafeMutablePointer<Float>
  ) {
    var low = low + SIMDMemory.load(bias)
    var high = high + SIMDMemory.load(bias + 8)
    if let clamp {
      let lower = SIMD8<Float>(repeating: clamp.lower)
      low = low.replacing(with: lower, where: low .< lower)
      high = high.replacing(with: lower, where: high .< lower)
      if clamp.upper < .infinity {  // plain ReLU skips the upper bound
        let upper = SIMD8<Float>(repeating: clamp.upper)
        low = low.replacing(with: upper, where: low .> upper)
        high = high.replacing(with: upper, where: high .> upper)
      }
    }
    if lanes == 16 {
      SIMDMemory.store(low, output)
      SIMDMemory.store(high, output + 8)
    } else if lanes > 8 {
      SIMDMemory.store(low, output)
      SIMDMemory.storePartial(high, output + 8, count: lanes - 8)
    } else if lanes == 8 {
      SIMDMemory.store(low, output)
    } else {
      SIMDMemory.storePartial(low, output, count: lanes)
    }
  }

  /// 6 output pixels x 16 filters: 12 accumulators + 2 weight vectors + 1 broadcast = 15 of the 16
  /// AVX2 registers; per input value 12 FMAs against 8 loads, so the FMA units set the pace.
  ///
  /// input pixels at `pixel + r*pixelStride` (r < 6) plus segment offsets, packed block `weights`
  /// (taps, 16) -> output rows `output + r*outputStride`, 16 (or `lanes`) filters each.
  @inline(__always)
  static func tile6x16(
    segments: UnsafePointer<Segment>, segmentCount: Int, pixel: UnsafePointer<Float>,
    pixelStride: Int,
    weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, clamp: (lower: Float, upper: Float)?,
    lanes: Int, output: UnsafeMutablePointer<Float>, outputStride: Int
  ) {
    let zero = SIMD8<Float>(repeating: 0)
    var a00 = zero
    var a01 = zero
    var a10 = zero
    var a11 = zero
    var a20 = zero
    var a21 = zero
    var a30 = zero
    var a31 = zero
    var a40 = zero
    var a41 = zero
    var a50 = zero
    var a51 = zero
    let stride2 = pixelStride * 2
    // One flat loop over every tap with a rarely taken segment switch: nested loops made LLVM
    // shuffle and spill the accumulators at each inner-loop exit.
    var s = 0
    var x0 = pixel
    var x3 = pixel
    var w = weights
    var remaining = 0
    while true {
      if remaining == 0 {
        while s < segmentCount && segments[s].length == 0 { s += 1 }
        if s == segmentCount { break }
        x0 = pixel + segments[s].input
        x3 = x0 + pixelStride * 3
        w = weights + segments[s].weight
        remaining = segments[s].length
        s += 1
      }
      let w0 = SIMDMemory.load(w)
      let w1 = SIMDMemory.load(w + 8)
      var b = SIMD8<Float>(repeating: x0[0])
      a00 = a00.addingProduct(b, w0)
      a01 = a01.addingProduct(b, w1)
      b = SIMD8<Float>(repeating: x0[pixelStride])
      a10 = a10.addingProduct(b, w0)
      a11 = a11.addingProduct(b, w1)
      b = SIMD8<Float>(repeating: x0[stride2])
      a20 = a20.addingProduct(b, w0)
      a21 = a21.addingProduct(b, w1)
      b = SIMD8<Float>(repeating: x3[0])
      a30 = a30.addingProduct(b, w0)
      a31 = a31.addingProduct(b, w1)
      b = SIMD8<Float>(repeating: x3[pixelStride])
      a40 = a40.addingProduct(b, w0)
      a41 = a41.addingProduct(b, w1)
      b = SIMD8<Float>(repeating: x3[stride2])
      a50 = a50.addingProduct(b, w0)
      a51 = a51.addingProduct(b, w1)
      x0 += 1
      x3 += 1
      w += 16
      remaining -= 1
    }
    finish(a00, a01, bias: bias, clamp: clamp, lanes: lanes, output: output)
    finish(a10, a11, bias: bias, clamp: clamp, lanes: lanes, output: output + outputStride)
    finish(a20, a21, bias: bias, clamp: clamp, lanes: lanes, output: output + outputStride * 2)
    finish(a30, a31, bias: bias, clamp: clamp, lanes: lanes, output: output + outputStride * 3)
    finish(a40, a41, bias: bias, clamp: clamp, lanes: lanes, output: output + outputStride * 4)
    finish(a50, a51, bias: bias, clamp: clamp, lanes: lanes, output: output + outputStride * 5)
  }

  /// One output pixel x 16 filters, for borders, short rows and single-row dense layers. Two
  /// accumulator pairs alternate over even and odd taps would change the summation order, so the
  /// chain stays single and the loop is unrolled instead.
  ///
  /// input at `base + pixelOffset + segment.input`, packed block `weights` -> 16 (or `lanes`) outputs.
  @inline(__always)
  static func tile1x16(
    segments: UnsafePointer<Segment>, segmentCount: Int, base: UnsafePointer<Float>,
    pixelOffset: Int,
    weights: UnsafePointer<Float>, bias: UnsafePointer<Float>, clamp: (lower: Float, upper: Float)?,
    lanes: Int, output: UnsafeMutablePointer<Float>
  ) {
    var a0 = SIMD8<Float>(repeating: 0)
    var a1 = SIMD8<Float>(repeating: 0)
    for s in 0..<segmentCount {
      let segment = segments[s]
      let x = base + (pixelOffset + segment.input)
      let w = weights + segment.weight
      var k = 0
      while k + 4 <= segment.length {
        var b = SIMD8<Float>(repeating: x[k])
        a0 = a0.addingProduct(b, SIMDMemory.load(w + k * 16))
        a1 = a1.addingProduct(b, SIMDMemory.load(w + k * 16 + 8))
        b = SIMD8<Float>(repeating: x[k + 1])
        a0 = a0.addingProduct(b, SIMDMemory.load(w + k * 16 + 16))
        a1 = a1.addingProduct(b, SIMDMemory.load(w + k * 16 + 24))
        b = SIMD8<Float>(repeating: x[k + 2])
        a0 = a0.addingProduct(b, SIMDMemory.load(w + k * 16 + 32))
        a1 = a1.addingProduct(b, SIMDMemory.load(w + k * 16 + 40))
        b = SIMD8<Float>(repeating: x[k + 3])
        a0 = a0.addingProduct(b, SIMDMemory.load(w + k * 16 + 48))
        a1 = a1.addingProduct(b, SIMDMemory.load(w + k * 16 + 56))
        k += 4
      }
      while k < segment.length {
        let b = SIMD8<Float>(repeating: x[k])
        a0 = a0.addingProduct(b, SIMDMemory.load(w + k * 16))
        a1 = a1.addingProduct(b, SIMDMemory.load(w + k * 16 + 8))
        k += 1
      }
    }
    finish(a0, a1, bias: bias, clamp: clamp, lanes: lanes, output: output)
  }

  /// One output pixel x a last block of at most 8 filters, in the order TensorFlow's CPU
  /// contraction sums it (oneDNN's AVX2 sgemm, which the convolution and `MatMul` both reach):
  /// filters go in blocks of 16, and a last block of 8 or fewer is accumulated in two FMA chains,
  /// one over the even taps and one over the odd taps of the whole patch (padding included, so a
  /// tap's parity is its index k in (kd, kh, kw, c) order), then even + odd, then, when the patch
  /// has an odd number of taps, the last tap by FMA. Measured on TensorFlow 2.21 with random data:
  /// every value of Conv2D/Conv1D/1x1 convolutions with 2...8 filters (and the last 1...8 of 17...24)
  /// this way, one chain matches a third of them (`Tools/keras-reference/probe_contraction_order.py`).
  ///
  /// `taps`: the patch length K (kernel taps x channels), padding included.
  @inline(__always)
  static func tile1x8Pairs(
    segments: UnsafePointer<Segment>, segmentCount: Int, base: UnsafePointer<Float>,
    pixelOffset: Int, weights: UnsafePointer<Float>, taps: Int, bias: UnsafePointer<Float>,
    clamp: (lower: Float, upper: Float)?, lanes: Int, output: UnsafeMutablePointer<Float>
  ) {
    let width = PackedConvolutionWeights.blockWidth
    var even = SIMD8<Float>(repeating: 0)
    var odd = SIMD8<Float>(repeating: 0)
    let last = taps % 2 == 1 ? taps - 1 : -1
    var tail: (x: Float, w: SIMD8<Float>)? = nil
    for s in 0..<segmentCount {
      let segment = segments[s]
      let x = base + (pixelOffset + segment.input)
      let first = segment.weight / width
      for j in 0..<segment.length {
        let k = first + j
        let w = SIMDMemory.load(weights + k * width)
        if k == last {
          tail = (x[j], w)
        } else if k % 2 == 0 {
          even = even.addingProduct(SIMD8<Float>(repeating: x[j]), w)
        } else {
          odd = odd.addingProduct(SIMD8<Float>(repeating: x[j]), w)
        }
      }
    }
    var sum = even + odd
    if let tail { sum = sum.addingProduct(SIMD8<Float>(repeating: tail.x), tail.w) }
    finish(sum, SIMD8<Float>(repeating: 0), bias: bias, clamp: clamp, lanes: lanes, output: output)
  }

  /// One output pixel of a single-filter convolution: the patch (zeros where it overhangs the
  /// input) against the filter's weights in `TensorFlowDot`'s order, then bias and clamp.
  @inline(__always)
  static func dotSingleFilter(
    segments: UnsafePointer<Segment>, segmentCount: Int, base: UnsafePointer<Float>,
    pixelOffset: Int, column: UnsafePointer<Float>, patch: UnsafeMutablePointer<Float>, taps: Int,
    bias: Float, clamp: (lower: Float, upper: Float)?, output: UnsafeMutablePointer<Float>
  ) {
    patch.update(repeating: 0, count: taps)
    let width = PackedConvolutionWeights.blockWidth
    for s in 0..<segmentCount {
      let segment = segments[s]
      (patch + segment.weight / width).update(
        from: base + (pixelOffset + segment.input), count: segment.length)
    }
    output.pointee = FusedActivation.clamped(
      TensorFlowDot.dot(count: taps, patch, column) + bias, clamp)
  }
}
