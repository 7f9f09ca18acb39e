/// Float64 matrix products summed in the order of the BLAS that NumPy's wheels ship (OpenBLAS 0.3,
/// its Haswell kernels, which it also runs on AMD Zen), so that values NumPy makes with `np.dot`
/// (scikit-learn's sample generators) come out bit for bit. Measured against NumPy 2.4 with exact
/// rounding (`Tools/keras-reference`-style probes, one product at a time):
/// - a matrix times a matrix (`dgemm`, `dgemm_kernel_4x8_haswell`): each value is one fused
///   multiply-add chain over the shared axis from zero, for shared sizes up to 256 (beyond,
///   `dgemm` splits the axis into blocks), but for the last of an odd number of rows, whose
///   columns in fours sum in four lanes;
/// - a matrix times one column (NumPy calls `dgemv` transposed, `dgemv_t`): the shared axis in
///   blocks of at most 2048 whole quadruples, each summed by the kernel the row falls to (rows in
///   fours: four fused lanes, added as (0 + 2) + (1 + 3); a pair left over: two lanes of separate
///   products and sums; a last single row: two pairs of lanes), the blocks added in turn, and the
///   last one to three values added after them (`a0 * x0` fused onto `a1 * x1`, then `a2 * x2`
///   fused on; a single one fused onto the sum).
/// One row times a matrix (`dgemv_n`) is not modelled: nil.
public enum OpenBLASDoubleProduct {
  /// `np.dot(a, b)` for a row-major (rows x shared) `a` and (shared x columns) `b`, row-major;
  /// nil where the order is not known.
  public static func product(_ a: [Double], rows: Int, shared: Int, _ b: [Double], columns: Int)
    -> [Double]?
  {
    precondition(a.count == rows * shared && b.count == shared * columns)
    if rows == 0 || columns == 0 { return [] }
    if shared == 0 { return [Double](repeating: 0, count: rows * columns) }
    if rows == 1 && shared == 1 { return b.map { a[0] * $0 } }
    if rows == 1 { return nil }
    if columns == 1 { return matrixVector(a, rows: rows, shared: shared, b) }
    guard shared <= 256 else { return nil }
    var result = [Double](repeating: 0, count: rows * columns)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        // NumPy's rows are the kernel's N, its columns the kernel's M (a row-major product is
        // the column-major one of the transposes). An odd number of rows leaves the last one to
        // the N = 1 kernel (`KERNEL4x1`), whose M-quadruples keep four accumulators over the
        // shared axis: k mod 4 through the unrolled eights, the rest of the eight onto the
        // first, added as (0 + 1) + (2 + 3). Its last one to three columns, and every other
        // row, are one chain.
        let unrolled = shared & -8
        let quadruples = rows & 1 == 1 ? columns & -4 : 0
        for row in 0..<rows {
          let base = row * shared
          for column in 0..<columns {
            var total = 0.0
            if row == rows - 1, column < quadruples {
              var lanes: (Double, Double, Double, Double) = (0, 0, 0, 0)
              var k = 0
              while k < unrolled {
                lanes.0 = lanes.0.addingProduct(a[base + k], b[k * columns + column])
                lanes.1 = lanes.1.addingProduct(a[base + k + 1], b[(k + 1) * columns + column])
                lanes.2 = lanes.2.addingProduct(a[base + k + 2], b[(k + 2) * columns + column])
                lanes.3 = lanes.3.addingProduct(a[base + k + 3], b[(k + 3) * columns + column])
                k += 4
              }
              while k < shared {
                lanes.0 = lanes.0.addingProduct(a[base + k], b[k * columns + column])
                k += 1
              }
              total = (lanes.0 + lanes.1) + (lanes.2 + lanes.3)
            } else {
              for k in 0..<shared {
                total = total.addingProduct(a[base + k], b[k * columns + column])
              }
            }
            result[row * columns + column] = total
          }
        }
      }
    }
    return result
  }

  /// `dgemv_t`'s sums of each row of `a` times `x`.
  static func matrixVector(_ a: [Double], rows: Int, shared: Int, _ x: [Double]) -> [Double] {
    let tail = shared & 3
    // The blocks of `dgemv_t`'s loop: whole blocks of 2048 while more remain, then the rest of
    // the whole quadruples.
    var blocks: [Range<Int>] = []
    var remaining = shared & -4
    let rest = (shared & 2047) - tail
    var size = 2048
    var start = 0
    while size == 2048 {
      remaining -= size
      if remaining < 0 {
        if rest == 0 { break }
        size = rest
      }
      blocks.append(start..<(start + size))
      start += size
    }
    let fours = rows & -4
    var y = [Double](repeating: 0, count: rows)
    a.withUnsafeBufferPointer { a in
      x.withUnsafeBufferPointer { x in
        for row in 0..<rows {
          let base = row * shared
          var total = 0.0
          for block in blocks {
            var sum: Double
            if row < fours {
              var lanes: (Double, Double, Double, Double) = (0, 0, 0, 0)
              var k = block.lowerBound
              while k < block.upperBound {
                lanes.0 = lanes.0.addingProduct(a[base + k], x[k])
                lanes.1 = lanes.1.addingProduct(a[base + k + 1], x[k + 1])
                lanes.2 = lanes.2.addingProduct(a[base + k + 2], x[k + 2])
                lanes.3 = lanes.3.addingProduct(a[base + k + 3], x[k + 3])
                k += 4
              }
              sum = (lanes.0 + lanes.2) + (lanes.1 + lanes.3)
            } else if row < fours + (rows & 2) {
              var lanes: (Double, Double) = (0, 0)
              var k = block.lowerBound
              while k < block.upperBound {
                lanes.0 += a[base + k] * x[k]
                lanes.1 += a[base + k + 1] * x[k + 1]
                k += 2
              }
              sum = lanes.0 + lanes.1
            } else {
              var first: (Double, Double) = (0, 0)
              var second: (Double, Double) = (0, 0)
              var k = block.lowerBound
              while k < block.upperBound {
                first.0 += a[base + k] * x[k]
                first.1 += a[base + k + 1] * x[k + 1]
                second.0 += a[base + k + 2] * x[k + 2]
                second.1 += a[base + k + 3] * x[k + 3]
                k += 4
              }
              sum = (first.0 + second.0) + (first.1 + second.1)
            }
            total += sum
          }
          let last = shared - tail
          switch tail {
          case 1:
            total = total.addingProduct(a[base + last], x[last])
          case 2, 3:
            var sum = (a[base + last + 1] * x[last + 1]).addingProduct(a[base + last], x[last])
            if tail == 3 { sum = sum.addingProduct(a[base + last + 2], x[last + 2]) }
            total += sum
          default: break
          }
          y[row] = total
        }
      }
    }
    return y
  }
}
