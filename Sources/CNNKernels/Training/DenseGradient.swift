/// The backward pass of Keras `Dense` (beside `DenseKernel`, its forward pass): the layer is
/// y = x W + b on the last axis, so with M = product of the leading dimensions
/// dx = dy W^T (M, C_in), dW = x^T dy (C_in, units), db = column sums of dy.
public enum DenseGradient {
  /// The order the two products of the backward pass sum their terms in.
  public enum Order: Sendable {
    /// One FMA chain per value (the register tiles), a single unit of dx as `TensorFlowDot`:
    /// Keras 3's compiled steps and the oneDNN engine.
    case chains
    /// TensorFlow's MatMul gradients (`MatMul(x, dy, transpose_a=True)`,
    /// `MatMul(dy, W, transpose_b=True)`) under the Eigen engine: two rows and two columns or
    /// more in `TensorFlowContraction.order`, as the forward pass; `eigenVectors`: a product with
    /// a single row or column in Eigen's matrix-vector products, else as `chains`. Measured
    /// against TensorFlow 2.21 on ~/keras-ref's machine (every value of the raw MatMuls with
    /// `transpose_a` / `transpose_b` for 1-65 rows, 1-300 inner, 1-64 columns; seeded fits of
    /// tf-keras and Keras 3, script 1117).
    case tensorFlow(eigenVectors: Bool)
  }

  /// input (..., C_in), kernel (C_in, units), outputGradient (..., units)
  /// -> (input gradient (..., C_in) or nil, kernel gradient (C_in, units), bias gradient (units))
  public static func backward(
    input: Tensor, kernel: Tensor, outputGradient: Tensor, needsInputGradient: Bool,
    threads: Int, biasBySum: Bool = false, order: Order = .chains
  ) throws(KernelError) -> (input: Tensor?, kernel: Tensor, bias: Tensor) {
    let inputUnits = kernel.shape[0]
    let units = kernel.shape[1]
    let rows = input.count / max(1, inputUnits)
    let kernelGradient: [Float]
    if case .tensorFlow(true) = order, inputUnits == 1 || units == 1, rows > 0 {
      kernelGradient = transposedVectorProduct(
        input.scalars, outputGradient.scalars, rows: rows, inputUnits: inputUnits, units: units)
    } else {
      let transposedInput = GradientMath.transpose(input.scalars, rows: rows, columns: inputUnits)
      kernelGradient = try GradientMath.multiply(
        transposedInput, outputGradient.scalars, rows: inputUnits, inner: rows, columns: units,
        threads: threads, aTransposed: true, order: order.contraction)
    }
    // tf-keras' BiasAddGrad adds the rows one after another; Keras 3's `ops.add` gradient is a
    // `reduce_sum` over the rows, the same order except for a single unit, where TensorFlow's
    // reduction sees one contiguous vector and adds it in Eigen's packets (`biasBySum`; measured
    // against tf-keras 2.21 and Keras 3.15.1 from 12 rows on).
    let biasGradient =
      biasBySum && units == 1
      ? [EigenSum.contiguous(outputGradient.scalars, count: rows)]
      : GradientMath.columnSums(outputGradient.scalars, rows: rows, columns: units)
    var inputGradient: Tensor?
    if needsInputGradient {
      let values: [Float]
      if case .tensorFlow(true) = order, rows == 1, inputUnits >= 1, units >= 1 {
        values = singleRowInputGradient(
          outputGradient.scalars, kernel.scalars, inputUnits: inputUnits, units: units)
      } else {
        let transposedKernel = GradientMath.transpose(
          kernel.scalars, rows: inputUnits, columns: units)
        values = try GradientMath.multiply(
          outputGradient.scalars, transposedKernel, rows: rows, inner: units,
          columns: inputUnits, threads: threads, order: order.contraction,
          engine: order.vectorEngine)
      }
      inputGradient = Tensor(validShape: input.shape, scalars: values)
    }
    return (
      inputGradient, Tensor(validShape: kernel.shape, scalars: kernelGradient),
      Tensor(validShape: [units], scalars: biasGradient)
    )
  }

  /// dW = x^T dy when one side is a vector (a single input unit or a single unit): Eigen's
  /// column-major matrix-vector product, each value summed over the M rows in order, each
  /// product rounded first, in blocks from 128 rows on (`EigenRowProduct`); a single value
  /// (1 x 1) in one unblocked sum.
  private static func transposedVectorProduct(
    _ input: [Float], _ outputGradient: [Float], rows: Int, inputUnits: Int, units: Int
  ) -> [Float] {
    if inputUnits == 1 && units == 1 {
      var sum: Float = 0
      for k in 0..<rows {
        let term = input[k] * outputGradient[k]
        sum = sum + term
      }
      return [sum]
    }
    // The vector is the operand with one column; the matrix the other, (M, columns).
    let (vector, matrix, columns) =
      units == 1 ? (outputGradient, input, inputUnits) : (input, outputGradient, units)
    var out = [Float](repeating: 0, count: columns)
    vector.withUnsafeBufferPointer { vector in
      EigenRowProduct.product(
        vector.baseAddress!, count: rows, matrix, columns: columns, into: &out)
    }
    return out
  }

  /// dx = dy W^T for a batch of one row: Eigen's row-major matrix-vector product of the kernel
  /// (C_in rows of `units` values) and dy, each value's products rounded first and added in turn
  /// for fewer than 8 units, else in packets of 8 (`EigenMatrixVector.rowDot`; the last row of
  /// an odd count of two or more also folds a half packet).
  private static func singleRowInputGradient(
    _ outputGradient: [Float], _ kernel: [Float], inputUnits: Int, units: Int
  ) -> [Float] {
    kernel.withUnsafeBufferPointer { kernel in
      outputGradient.withUnsafeBufferPointer { dy in
        (0..<inputUnits).map { (r: Int) -> Float in
          let row = kernel.baseAddress! + r * units
          if units < 8 {
            var sum: Float = 0
            for k in 0..<units {
              let term = row[k] * dy[k]
              sum = sum + term
            }
            return sum
          }
          let alone = inputUnits >= 2 && inputUnits % 2 == 1 && r == inputUnits - 1
          return EigenMatrixVector.rowDot(row, dy.baseAddress!, count: units, halfPacket: alone)
        }
      }
    }
  }
}

extension DenseGradient.Order {
  /// The order of products of two rows and two columns or more.
  var contraction: ContractionOrder {
    switch self {
    case .chains: return .chains
    case .tensorFlow: return .tensorFlowKernels
    }
  }

  /// The order of a single column over several rows (dx of a layer with one input unit).
  var vectorEngine: TensorFlowEngine {
    switch self {
    case .tensorFlow(true): return .eigen
    case .chains, .tensorFlow(false): return .oneDNN
    }
  }
}
