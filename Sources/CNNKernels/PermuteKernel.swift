/// Keras `Permute(dims)`: reorders the non-batch axes; `dims` is 1-based as in Keras, so
/// Permute((2, 1)) swaps the two axes after the batch.
public enum PermuteKernel {
  /// input (N, d1, ..., dk), dims (a permutation of 1...k) -> output (N, d_dims[0], ..., d_dims[k-1])
  public static func permute(_ input: Tensor, dims: [Int]) throws(KernelError) -> Tensor {
    let rank = input.rank
    guard dims.count == rank - 1, dims.sorted() == Array(1..<max(1, rank)) else {
      throw KernelError(
        "Permute dims \(dims) must be a permutation of 1...\(rank - 1) for input \(input.shape)")
    }
    let order = [0] + dims
    let outShape = order.map { input.shape[$0] }
    var inStrides = [Int](repeating: 1, count: rank)
    for axis in stride(from: rank - 2, through: 0, by: -1) {
      inStrides[axis] = inStrides[axis + 1] * input.shape[axis + 1]
    }
    let strides = order.map { inStrides[$0] }
    return Tensor(uninitializedShape: outShape) { output in
      guard output.count > 0 else { return }
      input.scalars.withUnsafeBufferPointer { source in
        var index = [Int](repeating: 0, count: rank)
        var offset = 0
        for position in 0..<output.count {
          output[position] = source[offset]
          var axis = rank - 1
          while axis >= 0 {
            index[axis] += 1
            offset += strides[axis]
            if index[axis] < outShape[axis] { break }
            offset -= strides[axis] * outShape[axis]
            index[axis] = 0
            axis -= 1
          }
        }
      }
    }
  }
}
