/// Keras `Conv2D` with a 3x3 kernel, stride 1, dilation 1 and one group, by Winograd's minimal
/// filtering F(m x m, 3 x 3) (Lavin & Gray, "Fast Algorithms for Convolutional Neural Networks",
/// 2016): an m x m output tile costs (m + 2)^2 multiply-accumulates per channel and filter instead
/// of 9 m^2, i.e. 2.25x (m = 2) or 4x (m = 4) fewer FMAs than the direct kernel.
///
/// Per tile: V = B^T d B (d the input patch), M_k = V_k . U_k for every position k (GEMMs over the
/// channels, on the direct kernel's 6x16 register tiles), Y = A^T M A + bias. G's fractions are
/// folded into U in Double; B and A have small integer entries, so results stay within ~1e-6 of
/// the direct sum relative to the output's scale (tested against the direct kernel and tf-keras).
/// Every tile is computed alone in a fixed order, so results are bitwise identical for every
/// thread count.
public enum WinogradConvolutionKernel {
  /// Whether a convolution can take this path (and is worth it: few channels leave the GEMMs too
  /// short to pay for the transforms).
  public static func applies(
    kernelSize: [Int], strides: [Int], dilations: [Int], groups: Int, inputChannels: Int,
    filters: Int
  ) -> Bool {
    kernelSize == [3, 3] && strides == [1, 1] && dilations == [1, 1] && groups == 1
      && inputChannels >= 8 && filters >= 8
  }

  /// Output tiles per work item (a run of tile columns of one tile row): their transformed inputs
  /// and products stay in L2.
  static func tilesPerItem(tile: Int) -> Int { tile == 2 ? 36 : 24 }

  /// input (N, H, W, C), kernel (3, 3, C, F) transformed -> output (N, OH, OW, F), written into
  /// `output`'s storage when its size fits. `padding` explicit (valid or TensorFlow's same).
  public static func convolve(
    _ input: Tensor, weights: PackedWinogradWeights, padding: SpatialPadding,
    activation: FusedActivation = .linear, threads: Int = KernelParallelism.defaultThreadCount,
    into output: inout Tensor
  ) throws(KernelError) {
    let geometry = try WindowGeometry(
      inputShape: input.shape, kernelSize: [3, 3], strides: [1, 1], dilations: [1, 1],
      padding: padding)
    guard geometry.channels == weights.inputChannels else {
      throw KernelError(
        "input has \(geometry.channels) channels but the kernel expects \(weights.inputChannels)")
    }
    output.prepareForOverwrite(shape: geometry.outputShape(channels: weights.filters))
    let g = geometry
    let m = weights.tile
    let (outH, outW) = (g.output[1], g.output[2])
    guard g.batch * outH * outW * weights.filters > 0 else { return }
    let tileRows = (outH + m - 1) / m
    let tileColumns = (outW + m - 1) / m
    // Runs of tile columns in multiples of the 6-tile register block where possible.
    let perItem = tilesPerItem(tile: m)
    let evenWidth =
      (tileColumns + (tileColumns + perItem - 1) / perItem - 1)
      / ((tileColumns + perItem - 1) / perItem)
    let chunkWidth = min(tileColumns, (evenWidth + 5) / 6 * 6)
    let chunks = (tileColumns + chunkWidth - 1) / chunkWidth
    let items = g.batch * tileRows * chunks
    let clamp = activation.bounds
    input.scalars.withUnsafeBufferPointer { source in
      weights.packed.withUnsafeBufferPointer { packed in
        weights.bias.withUnsafeBufferPointer { bias in
          output.withUnsafeMutableBufferPointer { destination in
            let plan = Plan(
              geometry: g, weights: weights, tileRows: tileRows, chunks: chunks,
              chunkWidth: chunkWidth, source: source.baseAddress!, packed: packed.baseAddress!,
              bias: bias.baseAddress!, output: destination.baseAddress!, clamp: clamp)
            KernelParallelism.forEachSlice(count: items, threads: threads) { range in
              plan.run(range)
            }
          }
        }
      }
    }
  }

  /// One call's sizes and pointers; `run` does a range of work items with its own scratch.
  struct Plan {
    let weights: PackedWinogradWeights
    let tile: Int
    let alpha: Int
    // Scalars, not the geometry's arrays: the per-tile transforms would retain and release them.
    let inputHeight: Int
    let inputWidth: Int
    let channels: Int
    /// Channels rounded up to whole SIMD8 vectors: the row stride of the transformed inputs.
    let paddedChannels: Int
    let padTop: Int
    let padLeft: Int
    let outputHeight: Int
    let outputWidth: Int
    let tileRows: Int
    let chunks: Int
    let chunkWidth: Int
    let source: UnsafePointer<Float>
    let packed: UnsafePointer<Float>
    let bias: UnsafePointer<Float>
    let output: UnsafeMutablePointer<Float>
    let clamp: (lower: Float, upper: Float)?

    init(
      geometry g: WindowGeometry, weights: PackedWinogradWeights, tileRows: Int, chunks: Int,
      chunkWidth: Int, source: UnsafePointer<Float>, packed: UnsafePointer<Float>,
      bias: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
      clamp: (lower: Float, upper: Float)?
    ) {
      self.weights = weights
      tile = weights.tile
      alpha = weights.alpha
      (inputHeight, inputWidth, channels) = (g.input[1], g.input[2], g.channels)
      paddedChannels = (g.channels + 7) / 8 * 8
      (padTop, padLeft) = (g.padBefore[1], g.padBefore[2])
      (outputHeight, outputWidth) = (g.output[1], g.output[2])
      self.tileRows = tileRows
      self.chunks = chunks
      self.chunkWidth = chunkWidth
      self.source = source
      self.packed = packed
      self.bias = bias
      self.output = output
      self.clamp = clamp
    }

    // items: (n, tile row, chunk of tile columns) of input (N, H, W, C) -> output (N, OH, OW, F)
    func run(_ items: Range<Int>) {
      let filters = weights.filters
      let blockWidth = PackedConvolutionWeights.blockWidth
      let paddedFilters = weights.blocks * blockWidth
      let positions = alpha * alpha
      let tiles = chunkWidth
      // V: [k][tiles][C (padded)]; M: [k][tiles][blocks * 16]; a patch gathered at the borders.
      let transformed = UnsafeMutablePointer<Float>.allocate(
        capacity: positions * tiles * paddedChannels)
      let products = UnsafeMutablePointer<Float>.allocate(
        capacity: positions * tiles * paddedFilters)
      let patch = UnsafeMutablePointer<Float>.allocate(capacity: positions * 8)
      let zeroBias = UnsafeMutablePointer<Float>.allocate(capacity: blockWidth)
      zeroBias.initialize(repeating: 0, count: blockWidth)
      let scratch = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: 36)
      defer {
        scratch.deallocate()
        transformed.deallocate()
        products.deallocate()
        patch.deallocate()
        zeroBias.deallocate()
      }
      var segment = ConvolutionMicrokernel.Segment(input: 0, weight: 0, length: channels)
      let tileColumns = (outputWidth + tile - 1) / tile
      for item in items {
        let chunk = item % chunks
        let tileRow = (item / chunks) % tileRows
        let n = item / (chunks * tileRows)
        let firstTile = chunk * chunkWidth
        let count = min(chunkWidth, tileColumns - firstTile)
        guard count > 0 else { continue }
        for t in 0..<count {
          transformInput(
            n: n, oh: tileRow * tile, ow: (firstTile + t) * tile,
            into: transformed + t * paddedChannels, stride: tiles * paddedChannels, patch: patch,
            scratch: scratch)
        }
        for k in 0..<positions {
          let v = transformed + k * tiles * paddedChannels
          let u = packed + k * weights.matrixStride
          let m = products + k * tiles * paddedFilters
          for block in 0..<weights.blocks {
            let blockWeights = u + block * channels * blockWidth
            if count >= 6 {
              // The last block of 6 slides back to end at `count`; the tiles it repeats are
              // recomputed identically in this item's own scratch.
              var t = 0
              while true {
                let start = min(t, count - 6)
                ConvolutionMicrokernel.tile6x16(
                  segments: &segment, segmentCount: 1, pixel: v + start * paddedChannels,
                  pixelStride: paddedChannels, weights: blockWeights, bias: zeroBias, clamp: nil,
                  lanes: blockWidth, output: m + start * paddedFilters + block * blockWidth,
                  outputStride: paddedFilters)
                t = start + 6
                if t >= count { break }
              }
            } else {
              for t in 0..<count {
                ConvolutionMicrokernel.tile1x16(
                  segments: &segment, segmentCount: 1, base: v + t * paddedChannels,
                  pixelOffset: 0, weights: blockWeights, bias: zeroBias, clamp: nil,
                  lanes: blockWidth, output: m + t * paddedFilters + block * blockWidth)
              }
            }
          }
        }
        for t in 0..<count {
          transformOutput(
            n: n, oh: tileRow * tile, ow: (firstTile + t) * tile,
            from: products + t * paddedFilters, stride: tiles * paddedFilters, filters: filters,
            scratch: scratch)
        }
      }
    }

    // MARK: Input transform

    /// One side of B^T d B for F(2x2, 3x3): (d0 - d2, d1 + d2, d2 - d1, d1 - d3).
    @inline(__always)
    static func inputSide4(
      _ d0: SIMD8<Float>, _ d1: SIMD8<Float>, _ d2: SIMD8<Float>, _ d3: SIMD8<Float>
    ) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
      (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
    }

    /// One side of B^T d B for F(4x4, 3x3):
    /// (4d0 - 5d2 + d4, -4d1 - 4d2 + d3 + d4, 4d1 - 4d2 - d3 + d4, -2d1 - d2 + 2d3 + d4,
    ///  2d1 - d2 - 2d3 + d4, 4d1 - 5d3 + d5).
    @inline(__always)
    static func inputSide6(
      _ d0: SIMD8<Float>, _ d1: SIMD8<Float>, _ d2: SIMD8<Float>, _ d3: SIMD8<Float>,
      _ d4: SIMD8<Float>, _ d5: SIMD8<Float>
    ) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
      let four = SIMD8<Float>(repeating: 4)
      let two = SIMD8<Float>(repeating: 2)
      let a = d3 - four * d1
      let b = d4 - four * d2
      let c = two * (d3 - d1)
      let e = d4 - d2
      return (four * (d0 - d2) + e, a + b, b - a, c + e, e - c, four * (d1 - d3) + (d5 - d3))
    }

    /// V = B^T d B for whole vectors of 8 channels: input pixel (i, j) of channel group g at
    /// corner + i * rowStride + j * columnStride + 8g -> V_k at v[k * stride + 8g].
    ///
    @inline(__always)
    private func transformPatch(
      corner: UnsafePointer<Float>, rowStride: Int, columnStride: Int, groups: Int,
      into v: UnsafeMutablePointer<Float>, stride: Int, scratch: UnsafeMutablePointer<SIMD8<Float>>
    ) {
      if tile == 2 {
        for group in 0..<groups {
          let c = group * 8
          @inline(__always) func load(_ i: Int, _ j: Int) -> SIMD8<Float> {
            SIMDMemory.load(corner + i * rowStride + j * columnStride + c)
          }
          @inline(__always) func rowSide(_ i: Int) -> (
            SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>
          ) {
            Self.inputSide4(load(i, 0), load(i, 1), load(i, 2), load(i, 3))
          }
          // u = d B row by row, then V = B^T u column by column.
          let (u00, u01, u02, u03) = rowSide(0)
          let (u10, u11, u12, u13) = rowSide(1)
          let (u20, u21, u22, u23) = rowSide(2)
          let (u30, u31, u32, u33) = rowSide(3)
          @inline(__always) func store(
            _ j: Int, _ a: SIMD8<Float>, _ b: SIMD8<Float>, _ cc: SIMD8<Float>, _ d: SIMD8<Float>
          ) {
            let (v0, v1, v2, v3) = Self.inputSide4(a, b, cc, d)
            SIMDMemory.store(v0, v + j * stride + c)
            SIMDMemory.store(v1, v + (4 + j) * stride + c)
            SIMDMemory.store(v2, v + (8 + j) * stride + c)
            SIMDMemory.store(v3, v + (12 + j) * stride + c)
          }
          store(0, u00, u10, u20, u30)
          store(1, u01, u11, u21, u31)
          store(2, u02, u12, u22, u32)
          store(3, u03, u13, u23, u33)
        }
        return
      }
      // Two passes through `scratch` (36 vectors, in L1): u = d B row by row, V = B^T u column by
      // column; straight-line code the compiler keeps in registers.
      let u = scratch
      for group in 0..<groups {
        let c = group * 8
        for i in 0..<6 {
          let row = corner + i * rowStride + c
          let (u0, u1, u2, u3, u4, u5) = Self.inputSide6(
            SIMDMemory.load(row), SIMDMemory.load(row + columnStride),
            SIMDMemory.load(row + 2 * columnStride), SIMDMemory.load(row + 3 * columnStride),
            SIMDMemory.load(row + 4 * columnStride), SIMDMemory.load(row + 5 * columnStride))
          u[i * 6] = u0
          u[i * 6 + 1] = u1
          u[i * 6 + 2] = u2
          u[i * 6 + 3] = u3
          u[i * 6 + 4] = u4
          u[i * 6 + 5] = u5
        }
        for j in 0..<6 {
          let (v0, v1, v2, v3, v4, v5) = Self.inputSide6(
            u[j], u[6 + j], u[12 + j], u[18 + j], u[24 + j], u[30 + j])
          let out = v + j * stride + c
          SIMDMemory.store(v0, out)
          SIMDMemory.store(v1, out + 6 * stride)
          SIMDMemory.store(v2, out + 12 * stride)
          SIMDMemory.store(v3, out + 18 * stride)
          SIMDMemory.store(v4, out + 24 * stride)
          SIMDMemory.store(v5, out + 30 * stride)
        }
      }
    }

    /// The input patch of the tile at output (oh, ow), zeros outside the image -> V.
    @inline(__always)
    private func transformInput(
      n: Int, oh: Int, ow: Int, into v: UnsafeMutablePointer<Float>, stride: Int,
      patch: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<SIMD8<Float>>
    ) {
      let (inH, inW) = (inputHeight, inputWidth)
      let top = oh - padTop
      let left = ow - padLeft
      let image = source + n * inH * inW * channels
      let interior = top >= 0 && left >= 0 && top + alpha <= inH && left + alpha <= inW
      if interior && channels % 8 == 0 {
        transformPatch(
          corner: image + (top * inW + left) * channels, rowStride: inW * channels,
          columnStride: channels, groups: channels / 8, into: v, stride: stride, scratch: scratch)
        return
      }
      // Borders and partial vectors: gather 8 channels of the patch (zeros outside), then the same.
      var c = 0
      while c < channels {
        let lanes = min(8, channels - c)
        for i in 0..<alpha {
          for j in 0..<alpha {
            let (h, w) = (top + i, left + j)
            let target = patch + (i * alpha + j) * 8
            if h < 0 || h >= inH || w < 0 || w >= inW {
              target.update(repeating: 0, count: 8)
            } else {
              let pixel = image + (h * inW + w) * channels + c
              target.update(from: pixel, count: lanes)
              if lanes < 8 { (target + lanes).update(repeating: 0, count: 8 - lanes) }
            }
          }
        }
        transformPatch(
          corner: patch, rowStride: alpha * 8, columnStride: 8, groups: 1, into: v + c,
          stride: stride, scratch: scratch)
        c += 8
      }
    }

    // MARK: Output transform

    /// A^T m for F(4x4, 3x3): (m0 + m1 + m2 + m3 + m4, m1 - m2 + 2(m3 - m4),
    /// m1 + m2 + 4(m3 + m4), m1 - m2 + 8(m3 - m4) + m5).
    @inline(__always)
    static func outputSide6(
      _ m0: SIMD8<Float>, _ m1: SIMD8<Float>, _ m2: SIMD8<Float>, _ m3: SIMD8<Float>,
      _ m4: SIMD8<Float>, _ m5: SIMD8<Float>
    ) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
      let s1 = m1 + m2
      let t1 = m1 - m2
      let s2 = m3 + m4
      let t2 = m3 - m4
      return (
        m0 + s1 + s2, t1 + SIMD8(repeating: 2) * t2, s1 + SIMD8(repeating: 4) * s2,
        t1 + SIMD8(repeating: 8) * t2 + m5
      )
    }

    /// M_k for filter f at `m[k * stride + f]` -> Y = A^T M A + bias (clamped), the outputs of the
    /// tile at (oh, ow) that lie inside the output.
    @inline(__always)
    private func transformOutput(
      n: Int, oh: Int, ow: Int, from m: UnsafeMutablePointer<Float>, stride: Int, filters: Int,
      scratch: UnsafeMutablePointer<SIMD8<Float>>
    ) {
      let (outH, outW) = (outputHeight, outputWidth)
      let lower = SIMD8<Float>(repeating: clamp?.lower ?? 0)
      let upper = SIMD8<Float>(repeating: clamp?.upper ?? 0)
      let clamped = clamp != nil
      let capped = clamped && clamp!.upper < .infinity
      let fullTile = oh + tile <= outH && ow + tile <= outW
      let base = output + ((n * outH + oh) * outW + ow) * filters
      var f = 0
      while f < filters {
        let lanes = min(8, filters - f)
        @inline(__always) func at(_ k: Int) -> SIMD8<Float> { SIMDMemory.load(m + k * stride + f) }
        let b = SIMDMemory.load(bias + f)
        @inline(__always) func finish(_ value: SIMD8<Float>, _ r: Int, _ s: Int) {
          if !fullTile && (oh + r >= outH || ow + s >= outW) { return }
          var value = value + b
          if clamped {
            value = value.replacing(with: lower, where: value .< lower)
            if capped { value = value.replacing(with: upper, where: value .> upper) }
          }
          let pointer = base + (r * outW + s) * filters + f
          if lanes == 8 {
            SIMDMemory.store(value, pointer)
          } else {
            SIMDMemory.storePartial(value, pointer, count: lanes)
          }
        }
        if tile == 2 {
          // a = A^T M column by column (A^T = [1 1 1 0; 0 1 -1 -1]), then Y = a A.
          @inline(__always) func column(_ j: Int) -> (SIMD8<Float>, SIMD8<Float>) {
            let (m0, m1, m2, m3) = (at(j), at(4 + j), at(8 + j), at(12 + j))
            return (m0 + m1 + m2, m1 - m2 - m3)
          }
          let (a00, a10) = column(0)
          let (a01, a11) = column(1)
          let (a02, a12) = column(2)
          let (a03, a13) = column(3)
          finish(a00 + a01 + a02, 0, 0)
          finish(a01 - a02 - a03, 0, 1)
          finish(a10 + a11 + a12, 1, 0)
          finish(a11 - a12 - a13, 1, 1)
        } else {
          // a = A^T M column by column into `scratch` (24 vectors), then Y = a A row by row.
          let a = scratch
          for j in 0..<6 {
            let (a0, a1, a2, a3) = Self.outputSide6(
              at(j), at(6 + j), at(12 + j), at(18 + j), at(24 + j), at(30 + j))
            a[j] = a0
            a[6 + j] = a1
            a[12 + j] = a2
            a[18 + j] = a3
          }
          for r in 0..<4 {
            let row = a + r * 6
            let (y0, y1, y2, y3) = Self.outputSide6(row[0], row[1], row[2], row[3], row[4], row[5])
            finish(y0, r, 0)
            finish(y1, r, 1)
            finish(y2, r, 2)
            finish(y3, r, 3)
          }
        }
        f += 8
      }
    }
  }
}
