/// `PReLU`'s forward pass: x for x >= 0, alpha*x below, as TensorFlow's `relu(x) - alpha * relu(-x)`
/// computes it (the same value: the negations are exact).
public enum ParametricReLUKernel {
  /// tensor (N, S...) in place; alpha (A...) has the rank of a sample, each axis either the
  /// sample's size or 1 (shared: broadcast along it).
  public static func apply(_ tensor: inout Tensor, alpha: Tensor) throws(KernelError) {
    let sample = Array(tensor.shape.dropFirst())
    guard alpha.shape.count == sample.count,
      zip(alpha.shape, sample).allSatisfy({ $0 == $1 || $0 == 1 })
    else {
      throw KernelError(
        "PReLU's alpha of shape \(alpha.shape) does not broadcast over samples of shape \(sample)")
    }
    // alpha for every element of a sample, in row-major order.
    var expanded = [Float](repeating: 0, count: sample.reduce(1, *))
    var alphaStrides = [Int](repeating: 0, count: sample.count)
    var stride = 1
    for axis in alpha.shape.indices.reversed() {
      alphaStrides[axis] = alpha.shape[axis] == 1 ? 0 : stride
      stride *= alpha.shape[axis]
    }
    alpha.withUnsafeBufferPointer { values in
      var position = [Int](repeating: 0, count: sample.count)
      for index in expanded.indices {
        var offset = 0
        for axis in position.indices { offset += position[axis] * alphaStrides[axis] }
        expanded[index] = values[offset]
        RowMajorIndex.advance(&position, in: sample)
      }
    }
    let perSample = expanded.count
    guard perSample > 0 else { return }
    tensor.withUnsafeMutableBufferPointer { elements in
      var start = 0
      while start < elements.count {
        for offset in 0..<perSample {
          let x = elements[start + offset]
          elements[start + offset] = x >= 0 ? x : expanded[offset] * x
        }
        start += perSample
      }
    }
  }
}
