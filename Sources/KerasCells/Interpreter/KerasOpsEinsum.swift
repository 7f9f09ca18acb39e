import CNNEngine

/// `keras.ops.einsum` / `tf.einsum` of two Keras tensors inside a traced call (a custom layer's
/// `call`, a Lambda): TensorFlow's einsum kernel contracts two operands by transposing each to
/// (batch labels, free labels, contracted labels), reshaping them to matrices, one batched
/// `MatMul`, then reshaping and transposing the product to the output's labels; ConvBook records
/// the same operations. Equations with an ellipsis, a label twice in one operand, or a label
/// summed in one operand alone are refused, as is einsum outside a traced call (Keras shows it
/// as one operation there).
enum KerasOpsEinsum {
  static func traced(
    path: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard keywords.isEmpty, positional.count == 3, case .string(let equation) = positional[0],
      case .kerasTensor(let left) = positional[1], case .kerasTensor(let right) = positional[2]
    else { return nil }
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support `\(path)` \(what) in a Lambda yet", at: range)
    }
    let compact = equation.filter { $0 != " " }
    let sides = compact.components(separatedBy: "->")
    let operands = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(Array.init)
    guard sides.count == 2, operands.count == 2,
      (operands + [Array(sides[1])]).allSatisfy({ labels in
        labels.allSatisfy { $0.isASCII && $0.isLetter } && Set(labels).count == labels.count
      })
    else { throw limitation("with the equation '\(equation)'") }
    let (a, b, output) = (operands[0], operands[1], Array(sides[1]))
    guard a.count == left.shape.rank, b.count == right.shape.rank else {
      throw limitation("with operands whose ranks differ from the equation's '\(equation)'")
    }
    var sizes: [Character: Int?] = [:]
    for (labels, tensor) in [(a, left), (b, right)] {
      for (label, size) in zip(labels, tensor.shape.dimensions) {
        if let known = sizes[label], known != size {
          throw limitation("with operands of different sizes for the label '\(label)'")
        }
        sizes[label] = size
      }
    }
    guard output.allSatisfy({ a.contains($0) || b.contains($0) }),
      (a + b).allSatisfy({ output.contains($0) || (a.contains($0) && b.contains($0)) })
    else { throw limitation("with the equation '\(equation)'") }
    let batch = output.filter { a.contains($0) && b.contains($0) }
    let freeA = output.filter { a.contains($0) && !b.contains($0) }
    let freeB = output.filter { b.contains($0) && !a.contains($0) }
    let contracted = a.filter { b.contains($0) && !output.contains($0) }
    func size(_ labels: [Character]) -> Int? {
      var total = 1
      for label in labels {
        guard let known = sizes[label] ?? nil else { return nil }
        total *= known
      }
      return total
    }
    func shape(_ groups: [[Character]]) throws(CellError) -> [Int] {
      let target = groups.map { size($0) ?? -1 }
      guard target.filter({ $0 == -1 }).count <= 1 else {
        throw limitation("with several axes of unknown size in one operand")
      }
      return target
    }
    func apply(_ function: TensorFunction, _ name: String, _ input: KerasTensor)
      throws(CellError) -> KerasTensor
    {
      try TensorFunctions.apply(function, name, [input], interpreter: interpreter, range: range)
    }
    func arranged(_ tensor: KerasTensor, _ labels: [Character], _ order: [Character])
      throws(CellError) -> KerasTensor
    {
      let permutation = order.map { labels.firstIndex(of: $0)! }
      guard permutation != Array(0..<permutation.count) else { return tensor }
      return try apply(.transpose(permutation), "transpose", tensor)
    }
    let batchGroups = batch.map { [$0] }
    let lhs = try apply(
      .reshape(try shape(batchGroups + [freeA, contracted])), "reshape",
      try arranged(left, a, batch + freeA + contracted))
    let rhs = try apply(
      .reshape(try shape(batchGroups + [contracted, freeB])), "reshape",
      try arranged(right, b, batch + contracted + freeB))
    let product = try TensorFunctions.apply(
      .matmul(transposeA: false, transposeB: false), "matmul", [lhs, rhs],
      interpreter: interpreter, range: range)
    let labels = batch + freeA + freeB
    let unfolded = try apply(
      .reshape(try shape(labels.map { [$0] })), "reshape", product)
    return .kerasTensor(try arranged(unfolded, labels, output))
  }
}
