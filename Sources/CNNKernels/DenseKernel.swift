/// Keras `Dense` on the last axis of an input of any rank >= 1.
public enum DenseKernel {
  /// input (..., C_in), kernel (C_in, units) packed -> output (..., units)
  ///
  /// The M = product(leading dims) rows go through the convolution engine's 6x16 register tiles
  /// (a GEMM); with a single row it is a GEMV split across threads by blocks of 16 units. A single
  /// unit over two rows or more sums each row as TensorFlow's matrix-vector product does
  /// (`TensorFlowDot`) unless `tensorFlowSingleUnit` is false: a recurrent layer's projection of
  /// all its steps at once, which TensorFlow multiplies step by step (one row per step for a batch
  /// of one), or the product of a transposed first operand (a kernel gradient), which TensorFlow
  /// sums in one FMA chain as the tiles do.
  ///
  /// `eachRowAlone`: every row is a MatMul of its own (a recurrent layer's steps for a batch of
  /// one), so each takes the single-row order below.
  ///
  /// `engine`: the single unit's order differs between TensorFlow's kernels
  /// (`TensorFlowEngine`): Eigen's matrix-vector product (`EigenMatrixVector`) or, with oneDNN
  /// on, `TensorFlowDot`; callers that follow no run keep the latter.
  ///
  /// `order`: `.tensorFlowKernels` sums two rows or more of two units or more as TensorFlow's
  /// MatMul does under the Eigen engine with AVX2 (`TensorFlowContraction.order`: the units of a
  /// short last block of 16 and the rows left over from groups of 6 in two chains), tf-keras' and
  /// Keras 3's alike (its compiled predict reaches the same kernel); `.chains` (the oneDNN
  /// engine's recordings) one FMA chain per value.
  public static func apply(
    _ input: Tensor, weights: PackedDenseWeights, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount, tensorFlowSingleUnit: Bool = true,
    eachRowAlone: Bool = false, engine: TensorFlowEngine = .oneDNN,
    order: ContractionOrder = .chains
  ) throws(KernelError) -> Tensor {
    var output = Tensor.empty
    try apply(
      input, weights: weights, activation: activation, threads: threads,
      tensorFlowSingleUnit: tensorFlowSingleUnit, eachRowAlone: eachRowAlone, engine: engine,
      order: order, into: &output)
    return output
  }

  /// Same, reusing `output`'s storage when it already has the right size.
  /// input (..., C_in), kernel (C_in, units) packed -> output (..., units)
  public static func apply(
    _ input: Tensor, weights: PackedDenseWeights, activation: FusedActivation = .linear,
    threads: Int = KernelParallelism.defaultThreadCount, tensorFlowSingleUnit: Bool = true,
    eachRowAlone: Bool = false, engine: TensorFlowEngine = .oneDNN,
    order: ContractionOrder = .chains, into output: inout Tensor
  ) throws(KernelError) {
    guard input.rank >= 1, input.shape[input.rank - 1] == weights.inputUnits else {
      throw KernelError(
        "dense layer expects \(weights.inputUnits) input units on the last axis, got \(input.shape)"
      )
    }
    if weights.inputUnits == 0 {
      zeroInputUnits(input, weights: weights, activation: activation, into: &output)
      return
    }
    let rows = input.count / weights.inputUnits
    if weights.units >= 2, (tensorFlowSingleUnit && rows == 1) || eachRowAlone {
      output.prepareForOverwrite(shape: Array(input.shape.dropLast()) + [weights.units])
      singleRows(input, weights: weights, rows: rows, activation: activation, into: &output)
      return
    }
    if tensorFlowSingleUnit, weights.units == 1, weights.inputUnits > 0, rows >= 1 {
      output.prepareForOverwrite(shape: Array(input.shape.dropLast()) + [1])
      singleUnit(
        input, weights: weights, rows: rows, activation: activation, engine: engine,
        into: &output)
      return
    }
    let tensorFlowOrder = order == .tensorFlowKernels && rows >= 2 && weights.units >= 2
    // Past 256 inputs TensorFlow's contraction sums in pieces (`ContractionPlan`); the tiles
    // follow them.
    let plan =
      tensorFlowOrder && weights.inputUnits > TensorFlowContraction.blockDepth
      ? TensorFlowContraction.plan(
        rows: rows, columns: weights.units, depth: weights.inputUnits)
      : ContractionPlan.whole(weights.inputUnits)
    let viewed = Tensor(validShape: [1, rows, weights.inputUnits], scalars: input.scalars)
    // In TensorFlow's order the rows left over from groups of 6 in an sgemm call, and lone rows
    // (`RowBlocking`), are `tensorFlowRows`' alone: the tiles stop before the last ones (a row's
    // value does not depend on which tile computes it) and the others are summed again.
    let blocking =
      tensorFlowOrder
      ? RowBlocking.of(rows: rows, columns: weights.units, depth: weights.inputUnits) : nil
    let exceptional = blocking?.exceptionalRows() ?? []
    var tiled = rows
    for row in exceptional.reversed() {
      guard row == tiled - 1 else { break }
      tiled = row
    }
    let geometry = try ConvolutionKernel.validatedGeometry(
      input: [1, tiled, weights.inputUnits], weights: weights.packed, strides: [1],
      dilations: [1], padding: .valid(rank: 1))
    output.prepareForOverwrite(shape: Array(input.shape.dropLast()) + [weights.units])
    // One row or one unit left here (a lone row of one unit, a recurrent layer's projection)
    // keeps the tiles' chain.
    output.withUnsafeMutableBufferPointer { destination in
      ConvolutionKernel.run(
        viewed, weights: weights.packed, geometry: geometry, activation: activation,
        threads: threads, order: tensorFlowOrder ? .tensorFlowKernels : .chains, plan: plan,
        output: destination)
      guard let blocking, !exceptional.isEmpty else { return }
      input.scalars.withUnsafeBufferPointer { source in
        for row in exceptional {
          tensorFlowRows(
            source.baseAddress! + row * weights.inputUnits, rows: row..<row + 1,
            order: { blocking.order(row: $0, column: $1, columns: weights.units, shard: $2) },
            weights: weights, activation: activation, plan: plan,
            output: destination.baseAddress!)
        }
      }
    }
  }

  /// A recurrent layer's projection of all its steps at once, (N, T, C) -> (N, T, units), summed
  /// as TensorFlow's MatMul of each step's batch of N rows sums it under the Eigen engine
  /// (`TensorFlowContraction.order` with row = the sample, rows = N; in blocks past 256 inputs),
  /// then the bias. Two units or more over a batch of two samples or more.
  public static func applySteps(
    _ input: Tensor, weights: PackedDenseWeights, batch: Int,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    var output = try apply(
      input, weights: weights, threads: threads, tensorFlowSingleUnit: false)
    let inner = weights.inputUnits
    let units = weights.units
    guard batch >= 2, units >= 2, inner > 0, input.count % (batch * inner) == 0 else {
      return output
    }
    let steps = input.count / (batch * inner)
    let width = PackedConvolutionWeights.blockWidth
    let bias = weights.packed.packedBias
    // The tiles summed every value in one chain; the values TensorFlow sums otherwise again.
    let blocked = inner > TensorFlowContraction.blockDepth
    weights.packed.packed.withUnsafeBufferPointer { kernel in
      input.scalars.withUnsafeBufferPointer { source in
        output.withUnsafeMutableBufferPointer { destination in
          for sample in 0..<batch {
            for unit in 0..<units {
              let order = TensorFlowContraction.order(
                row: sample, rows: batch, column: unit, columns: units)
              if case .chain = order, !blocked { continue }
              let column = kernel.baseAddress! + (unit / width) * inner * width + unit % width
              for step in 0..<steps {
                let row = sample * steps + step
                let sum = TensorFlowContraction.blockedSum(
                  order, count: inner, source.baseAddress! + row * inner, column, strideB: width)
                destination[row * units + unit] = sum + bias[unit]
              }
            }
          }
        }
      }
    }
    return output
  }

  /// Rows `range` of a product (`input`: the range's first row, then the others; `output`: the
  /// whole product's), each value in TensorFlow's order (`order(row, column, shard)`, in the
  /// pieces of `plan`), then the bias and the activation's clamp: 16 units at a time
  /// (`TensorFlowContraction.plannedSum16`; a block's units share their order, the short last
  /// block being whole blocks of 16 apart).
  static func tensorFlowRows(
    _ input: UnsafePointer<Float>, rows range: Range<Int>,
    order: (Int, Int, Int) -> TensorFlowContraction.ValueOrder,
    weights: PackedDenseWeights, activation: FusedActivation, plan: ContractionPlan,
    output: UnsafeMutablePointer<Float>
  ) {
    let inner = weights.inputUnits
    let units = weights.units
    let width = PackedConvolutionWeights.blockWidth
    let bias = weights.packed.packedBias
    let bounds = activation.bounds
    // The packed kernel holds unit j of input unit k at (j / 16) * inner * 16 + k * 16 + j % 16,
    // zero past the last unit.
    weights.packed.packed.withUnsafeBufferPointer { kernel in
      guard let kernel = kernel.baseAddress else { return }
      for row in range {
        for first in stride(from: 0, to: units, by: width) {
          let sum = TensorFlowContraction.plannedSum16(
            orders: { order(row, first, $0) },
            plan: plan, input + (row - range.lowerBound) * inner, kernel + first * inner)
          for lane in 0..<min(width, units - first) {
            let value = lane < 8 ? sum.low[lane] : sum.high[lane - 8]
            output[row * units + first + lane] = FusedActivation.clamped(
              value + bias[first + lane], bounds)
          }
        }
      }
    }
  }

  /// No input units (`keras.Input((0,))`): TensorFlow's MatMul over an empty inner dimension is
  /// zeros, so every row is the bias, then the activation. (The tiles would compute no row: the
  /// rows are the leading dimensions, not the input's zero count over the units.)
  private static func zeroInputUnits(
    _ input: Tensor, weights: PackedDenseWeights, activation: FusedActivation,
    into output: inout Tensor
  ) {
    let rows = input.shape.dropLast().reduce(1, *)
    let units = weights.units
    let bias = weights.packed.packedBias
    let bounds = activation.bounds
    output.prepareForOverwrite(shape: Array(input.shape.dropLast()) + [units])
    output.withUnsafeMutableBufferPointer { destination in
      for row in 0..<rows {
        for unit in 0..<units {
          destination[row * units + unit] = FusedActivation.clamped(bias[unit], bounds)
        }
      }
    }
  }

  /// Single rows of two units or more: TensorFlow's MatMul of one row is Eigen's matrix-vector
  /// product (`EigenRowProduct`), then the bias, then the activation's clamp.
  private static func singleRows(
    _ input: Tensor, weights: PackedDenseWeights, rows: Int, activation: FusedActivation,
    into output: inout Tensor
  ) {
    let inner = weights.inputUnits
    let units = weights.units
    let packed = weights.packed
    let width = PackedConvolutionWeights.blockWidth
    // The packed kernel holds unit j of input unit k at (j / 16) * inner * 16 + k * 16 + j % 16.
    var kernel = [Float](repeating: 0, count: inner * units)
    for k in 0..<inner {
      for j in 0..<units {
        kernel[k * units + j] = packed.packed[(j / width) * inner * width + k * width + j % width]
      }
    }
    let bias = packed.packedBias
    let bounds = activation.bounds
    var row = [Float](repeating: 0, count: units)
    input.scalars.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { destination in
        for r in 0..<rows {
          EigenRowProduct.product(
            source.baseAddress! + r * inner, count: inner, kernel, columns: units, into: &row)
          for j in 0..<units {
            destination[r * units + j] = FusedActivation.clamped(row[j] + bias[j], bounds)
          }
        }
      }
    }
  }

  /// One unit: each row's dot product with the kernel's column (`EigenMatrixVector` or, with
  /// oneDNN on, `TensorFlowDot`), then the bias, then the activation, as TensorFlow's MatMul and
  /// the BiasAdd (and activation) after it.
  private static func singleUnit(
    _ input: Tensor, weights: PackedDenseWeights, rows: Int, activation: FusedActivation,
    engine: TensorFlowEngine, into output: inout Tensor
  ) {
    let inner = weights.inputUnits
    let packed = weights.packed
    // A single filter's packed block holds the kernel column in lane 0 of every tap.
    let column = (0..<inner).map { packed.packed[$0 * PackedConvolutionWeights.blockWidth] }
    let bias = packed.packedBias[0]
    let bounds = activation.bounds
    input.scalars.withUnsafeBufferPointer { source in
      column.withUnsafeBufferPointer { column in
        output.withUnsafeMutableBufferPointer { destination in
          if rows == 1 {
            // One row by one column: each product rounded, added in turn from the first.
            var sum = source[0] * column[0]
            for k in 1..<inner { sum = sum + source[k] * column[k] }
            destination[0] = FusedActivation.clamped(sum + bias, bounds)
            return
          }
          if engine == .eigen {
            EigenMatrixVector.product(
              source.baseAddress!, rows: rows, depth: inner, column.baseAddress!,
              into: destination.baseAddress!)
            for row in 0..<rows {
              destination[row] = FusedActivation.clamped(destination[row] + bias, bounds)
            }
            return
          }
          for row in 0..<rows {
            destination[row] = FusedActivation.clamped(
              TensorFlowDot.dot(
                count: inner, source.baseAddress! + row * inner, column.baseAddress!) + bias,
              bounds)
          }
        }
      }
    }
  }
}
