/// What tf-keras records when Python arithmetic meets a Keras tensor (`x + y`, `x * 0.5`, `-x`): a
/// `TFOpLambda` layer named after the TensorFlow function (`tf.__operators__.add`,
/// `tf.math.multiply`, ...), without weights. Its Keras tensor inputs are its inputs in the graph;
/// a Python number operand is kept as a constant.
public struct TFOpLambda: MultiInputLayer {
  public enum Operation: String, Sendable, CaseIterable {
    case add = "tf.__operators__.add"
    case subtract = "tf.math.subtract"
    case multiply = "tf.math.multiply"
    case trueDivide = "tf.math.truediv"
    case negative = "tf.math.negative"
  }

  public let common: LayerCommon
  public let operation: Operation
  /// The Python number of `x * 0.5` or `1 - x`; nil when every operand is a tensor.
  public let constant: Double?
  /// Whether the number comes first (`1 - x`), which matters for subtraction and division.
  public let constantFirst: Bool

  public var className: String { "TFOpLambda" }

  /// `name` is the operation's name made unique in the session (`tf.math.multiply_1`).
  public init(operation: Operation, name: String, constant: Double?, constantFirst: Bool) {
    common = LayerCommon(
      name: name, arguments: LayerArguments(className: "TFOpLambda", values: [:]))
    self.operation = operation
    self.constant = constant
    self.constantFirst = constantFirst
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }

  /// TensorFlow's static broadcasting of the full shapes (batch axis included).
  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    var dimensions = inputs[0].dimensions
    for input in inputs.dropFirst() {
      var first = dimensions
      var second = input.dimensions
      let rank = max(first.count, second.count)
      first = Array(repeating: 1, count: rank - first.count) + first
      second = Array(repeating: 1, count: rank - second.count) + second
      var result: [Int?] = []
      for (i, j) in zip(first, second) {
        switch (i, j) {
        case (1, _): result.append(j)
        case (_, 1): result.append(i)
        case (nil, _): result.append(j)
        case (_, nil): result.append(i)
        case (let i?, let j?) where i == j: result.append(i)
        default:
          throw KerasError.limitation(
            "ConvBook does not support \(operation.rawValue) on tensors of shapes \(inputs[0]) and \(input), which TensorFlow cannot broadcast"
          )
        }
      }
      dimensions = result
    }
    return TensorShape(dimensions)
  }
}
