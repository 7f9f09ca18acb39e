/// What tf-keras records when Python arithmetic meets a Keras tensor (`x + y`, `x * 0.5`, `-x`): a
/// `TFOpLambda` layer named after the TensorFlow function (`tf.__operators__.add`,
/// `tf.math.multiply`, ...), without weights. Its Keras tensor inputs are its inputs in the graph;
/// a Python number operand is kept as a constant.
///
/// Keras 3 has no `TFOpLambda`: the same arithmetic is a `keras.ops` operation (`add (Add)`,
/// `true_divide (TrueDivide)`), a node of the graph that the summary lists but `model.layers` does
/// not (`isKeras3Operation`).
public struct TFOpLambda: MultiInputLayer {
  public enum Operation: String, Sendable, CaseIterable {
    case add = "tf.__operators__.add"
    case subtract = "tf.math.subtract"
    case multiply = "tf.math.multiply"
    case trueDivide = "tf.math.truediv"
    case negative = "tf.math.negative"
    /// `tf.nn.bias_add(x, bias)`: a per-channel vector added on the last axis (the ImageNet means
    /// `preprocess_input` subtracts).
    case biasAdd = "tf.nn.bias_add"
  }

  public let common: LayerCommon
  public let operation: Operation
  /// The Python number of `x * 0.5` or `1 - x`; nil when every operand is a tensor.
  public let constant: Double?
  /// Whether the number comes first (`1 - x`), which matters for subtraction and division.
  public let constantFirst: Bool
  /// A constant vector operand, one value per channel of the last axis (`bias_add`, or
  /// `x / [0.229, 0.224, 0.225]`); nil otherwise.
  public var channelConstants: [Double]?
  /// A constant tensor operand (`x + position_embedding` where the embedding was computed eagerly
  /// from `tf.range(...)`), broadcast against the tensor; nil otherwise.
  public var constantTensor: TensorFunction.ConstantTensor?

  /// A Keras 3 operation rather than a tf-keras layer.
  public let isKeras3Operation: Bool

  public var className: String { isKeras3Operation ? operation.keras3ClassName : "TFOpLambda" }

  /// `name` is the operation's name made unique in the session (`tf.math.multiply_1`, or Keras 3's
  /// `multiply_1`, from `Operation.keras3Name`).
  public init(
    operation: Operation, name: String, constant: Double?, constantFirst: Bool,
    isKeras3Operation: Bool = false
  ) {
    self.isKeras3Operation = isKeras3Operation
    let className = isKeras3Operation ? operation.keras3ClassName : "TFOpLambda"
    common = LayerCommon(
      name: name, arguments: LayerArguments(className: className, values: [:]))
    self.operation = operation
    self.constant = constant
    self.constantFirst = constantFirst
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }

  /// TensorFlow's static broadcasting of the full shapes (batch axis included).
  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    var shape = inputs[0]
    let constant = constantTensor.map { TensorShape($0.shape.map { Optional($0) }) }
    for input in inputs.dropFirst() + (constant.map { [$0] } ?? []) {
      guard let broadcast = shape.broadcast(with: input) else {
        throw KerasError.limitation(
          "ConvBook does not support \(operation.rawValue) on tensors of shapes \(inputs[0]) and \(input), which TensorFlow cannot broadcast"
        )
      }
      shape = broadcast
    }
    return shape
  }
}

extension TFOpLambda.Operation {
  /// The two-operand function of the operation (nil for `negative`).
  public var binary: TensorFunction.Binary? {
    switch self {
    case .add, .biasAdd: return .add
    case .subtract: return .subtract
    case .multiply: return .multiply
    case .trueDivide: return .divide
    case .negative: return nil
    }
  }

  /// Keras 3's class of the operation (`keras.ops`' `Add`, `TrueDivide`, ...).
  public var keras3ClassName: String {
    switch self {
    // Keras 3 adds a per-channel mean with `ops.add` (there is no bias_add operation layer).
    case .add, .biasAdd: return "Add"
    case .subtract: return "Subtract"
    case .multiply: return "Multiply"
    case .trueDivide: return "TrueDivide"
    case .negative: return "Negative"
    }
  }

  /// Keras 3's base name of the operation (`add`, `true_divide`), which Keras makes unique with the
  /// same counters as layer names.
  public var keras3Name: String {
    switch self {
    case .add, .biasAdd: return "add"
    case .subtract: return "subtract"
    case .multiply: return "multiply"
    case .trueDivide: return "true_divide"
    case .negative: return "negative"
    }
  }
}

// MARK: Forward pass

extension TFOpLambda {
  /// Arithmetic of Keras tensors: with a constant (a number, one per channel, a tensor) or folding
  /// the tensors left to right (NumPy broadcasting over the full shapes).
  public var forwardOperation: ForwardPlan? {
    let elementwise: ElementwiseKernel.Operation
    switch operation {
    case .add, .biasAdd: elementwise = .add
    case .subtract: elementwise = .subtract
    case .multiply: elementwise = .multiply
    case .trueDivide: elementwise = .divide
    case .negative: return .merge(.negative)
    }
    if let tensor = constantTensor, let binary = operation.binary {
      return .merge(.function(.constantOperand(binary, tensor, constantFirst: constantFirst)))
    }
    if let values = channelConstants {
      return .merge(.perChannel(elementwise, values.map { Float($0) }))
    }
    if let constant {
      return .merge(.constant(elementwise, Float(constant), constantFirst: constantFirst))
    }
    return .merge(.fold(elementwise, divisor: nil, expandsRanks: false))
  }
}

// MARK: Settings

extension TFOpLambda {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
