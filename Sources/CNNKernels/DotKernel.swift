/// Keras `Dot(axes, normalize)`: per sample, the products of two tensors summed along one axis of
/// each (`backend.batch_dot`), optionally of L2-normalized inputs (cosine similarity).
public enum DotKernel {
  /// x (N, X...), y (N, Y...), contracted axes `axes.0` of x and `axes.1` of y (both >= 1, same
  /// size) -> output (N, X without axes.0..., Y without axes.1...), or (N, 1) when nothing remains.
  public static func dot(_ x: Tensor, _ y: Tensor, axes: (Int, Int), normalize: Bool)
    throws(KernelError) -> Tensor
  {
    guard x.rank >= 2, y.rank >= 2, x.shape[0] == y.shape[0], (1..<x.rank).contains(axes.0),
      (1..<y.rank).contains(axes.1), x.shape[axes.0] == y.shape[axes.1]
    else {
      throw KernelError(
        "cannot take the dot product of shapes \(x.shape) and \(y.shape) along axes \(axes)")
    }
    let batch = x.shape[0]
    let depth = x.shape[axes.0]
    let left = try contractedLast(x, axis: axes.0, normalize: normalize)
    let right = try contractedLast(y, axis: axes.1, normalize: normalize)
    let p = left.count / max(1, batch * depth)
    let q = right.count / max(1, batch * depth)
    var shape = [batch]
    shape += x.shape[1...].enumerated().filter { $0.offset + 1 != axes.0 }.map(\.element)
    shape += y.shape[1...].enumerated().filter { $0.offset + 1 != axes.1 }.map(\.element)
    if shape.count == 1 { shape.append(1) }
    let a = left.scalars
    let b = right.scalars
    // Each value as both Kerases' batch_dot computes it, a `tf.matmul` of the samples. TensorFlow's
    // batched MatMul multiplies one row by its columns in order, each product rounded, then
    // added (2-D inputs: cosine similarities); a block of several rows sums as Eigen's reduction
    // of the rounded products (measured on 5 x 9 by 9 x 7; larger blocks may sum otherwise).
    var products = [Float](repeating: 0, count: depth)
    return Tensor(uninitializedShape: shape) { output in
      guard output.count > 0 else { return }
      for n in 0..<batch {
        for i in 0..<p {
          let row = (n * p + i) * depth
          for j in 0..<q {
            let column = (n * q + j) * depth
            if p == 1 {
              var sum: Float = 0
              for k in 0..<depth { sum += a[row + k] * b[column + k] }
              output[(n * p + i) * q + j] = sum
            } else {
              for k in 0..<depth { products[k] = a[row + k] * b[column + k] }
              output[(n * p + i) * q + j] = EigenSum.contiguous(products, count: depth)
            }
          }
        }
      }
    }
  }

  /// `tensor` with `axis` moved last (the others in order), L2-normalized along it when asked:
  /// `x * rsqrt(max(sum(x^2), 1e-12))` in TensorFlow's float32 ops, as `tf.linalg.l2_normalize`:
  /// the squares rounded, Eigen's sum of each row, Eigen's rsqrt over the tensor of sums (its
  /// packet approximation on whole packets of 8 rows, 1 / sqrt on the rest), one product.
  private static func contractedLast(_ tensor: Tensor, axis: Int, normalize: Bool)
    throws(KernelError) -> Tensor
  {
    var moved = tensor
    if axis != tensor.rank - 1 {
      let dims = (1..<tensor.rank).filter { $0 != axis } + [axis]
      moved = try PermuteKernel.permute(tensor, dims: dims)
    }
    guard normalize else { return moved }
    let depth = tensor.shape[axis]
    guard depth > 0 else { return moved }
    let squares = moved.scalars.map { $0 * $0 }
    let rows = squares.count / depth
    var inverses = (0..<rows).map { row in
      max(EigenSum.contiguous(squares, first: row * depth, count: depth), 1e-12)
    }
    inverses.withUnsafeMutableBufferPointer { EigenMath.rsqrt($0) }
    moved.withUnsafeMutableBufferPointer { values in
      for row in 0..<rows {
        for k in 0..<depth { values[row * depth + k] *= inverses[row] }
      }
    }
    return moved
  }
}
