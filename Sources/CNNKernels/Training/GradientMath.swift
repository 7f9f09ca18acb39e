/// Small dense-array helpers the backward passes share: transposes, row sums and gathers, each
/// computed in a fixed order on one thread so that results never depend on the thread count.
public enum GradientMath {
  /// (rows, columns) row-major -> (columns, rows) row-major.
  public static func transpose(_ values: [Float], rows: Int, columns: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: values.count) { buffer, initialized in
      values.withUnsafeBufferPointer { source in
        // Blocks of 32x32 keep both sides in cache.
        var r0 = 0
        while r0 < rows {
          let r1 = min(rows, r0 + 32)
          var c0 = 0
          while c0 < columns {
            let c1 = min(columns, c0 + 32)
            for r in r0..<r1 {
              for c in c0..<c1 { buffer[c * rows + r] = source[r * columns + c] }
            }
            c0 = c1
          }
          r0 = r1
        }
      }
      initialized = values.count
    }
  }

  /// Column sums of a (rows, columns) matrix, rows added in order.
  public static func columnSums(_ values: [Float], rows: Int, columns: Int) -> [Float] {
    var sums = [Float](repeating: 0, count: columns)
    values.withUnsafeBufferPointer { source in
      sums.withUnsafeMutableBufferPointer { sums in
        for r in 0..<rows {
          let row = source.baseAddress! + r * columns
          for c in 0..<columns { sums[c] += row[c] }
        }
      }
    }
    return sums
  }

  /// `a * b` for (rows, inner) x (inner, columns) row-major matrices through the dense kernel
  /// (packed, register-tiled; each output summed over `inner` in a fixed order). `aTransposed`:
  /// `a` is the transpose of TensorFlow's operand (`MatMul(transpose_a=True)`, a kernel
  /// gradient), which TensorFlow sums in one FMA chain even for a single column (Keras 3's
  /// compiled steps; tf-keras' are `DenseGradient.Order`'s). `order` and `engine`: as
  /// `DenseKernel.apply`'s.
  public static func multiply(
    _ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int, threads: Int,
    aTransposed: Bool = false, order: ContractionOrder = .chains,
    engine: TensorFlowEngine = .oneDNN
  ) throws(KernelError) -> [Float] {
    guard rows > 0, columns > 0 else { return [Float](repeating: 0, count: rows * columns) }
    guard inner > 0 else { return [Float](repeating: 0, count: rows * columns) }
    let packed = try PackedDenseWeights(
      kernel: Tensor(validShape: [inner, columns], scalars: b), bias: nil)
    return try DenseKernel.apply(
      Tensor(validShape: [rows, inner], scalars: a), weights: packed, threads: threads,
      tensorFlowSingleUnit: !aTransposed, engine: engine, order: order
    ).scalars
  }
}
