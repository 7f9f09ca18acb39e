/// `RepeatVector`'s forward pass.
public enum RepeatVectorKernel {
  /// input (N, F) -> output (N, count, F): each row copied `count` times.
  public static func repeatRows(_ input: Tensor, count: Int) throws(KernelError) -> Tensor {
    guard input.rank == 2, count >= 0 else {
      throw KernelError("RepeatVector takes a (batch, features) tensor; got shape \(input.shape)")
    }
    let (batch, features) = (input.shape[0], input.shape[1])
    var output = try Tensor(shape: [batch, count, features])
    input.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for row in 0..<batch {
          for copy in 0..<count {
            for feature in 0..<features {
              target[(row * count + copy) * features + feature] = source[row * features + feature]
            }
          }
        }
      }
    }
    return output
  }
}
