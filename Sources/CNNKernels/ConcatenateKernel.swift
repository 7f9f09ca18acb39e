/// Keras `Concatenate(axis=)`: tensors joined along one axis.
public enum ConcatenateKernel {
  /// inputs (d0, ..., a_i, ..., dk), same sizes but along `axis` -> output (d0, ..., sum a_i, ..., dk)
  public static func concatenate(_ inputs: [Tensor], axis: Int) throws(KernelError) -> Tensor {
    guard let first = inputs.first, axis >= 0, axis < first.rank else {
      throw KernelError("concatenation needs at least one input and an axis within its rank")
    }
    for input in inputs {
      var a = input.shape
      var b = first.shape
      guard a.count == b.count else {
        throw KernelError("cannot concatenate shapes \(first.shape) and \(input.shape)")
      }
      a.remove(at: axis)
      b.remove(at: axis)
      guard a == b else {
        throw KernelError("cannot concatenate shapes \(first.shape) and \(input.shape)")
      }
    }
    var shape = first.shape
    shape[axis] = inputs.reduce(0) { $0 + $1.shape[axis] }
    let outer = first.shape[..<axis].reduce(1, *)
    let blocks = inputs.map { $0.shape[axis...].reduce(1, *) }
    let row = blocks.reduce(0, +)
    return Tensor(uninitializedShape: shape) { target in
      guard target.count > 0 else { return }
      var column = 0
      for (input, block) in zip(inputs, blocks) where block > 0 {
        input.withUnsafeBufferPointer { source in
          for o in 0..<outer {
            (target.baseAddress! + o * row + column).update(
              from: source.baseAddress! + o * block, count: block)
          }
        }
        column += block
      }
    }
  }
}
