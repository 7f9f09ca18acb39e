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
    // The batch stays first: a transpose of every axis with axis 0 in place.
    return try TensorFunctionKernel.transpose(input, permutation: [0] + dims)
  }
}
