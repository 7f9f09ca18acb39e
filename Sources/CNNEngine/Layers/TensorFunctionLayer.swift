/// The layers (tf-keras) and operations (Keras 3) of tensor arithmetic and tensor functions in a
/// graph: `TFOpLambda`, `SlicingOpLambda`, `TensorFunctionLayer`. A `Lambda` traces its function
/// into these (`LambdaTrace`).
public protocol TensorOperationLayer: MultiInputLayer, WeightlessLayer {
  /// A Keras 3 operation (a node of the graph that `model.layers` does not list).
  var isKeras3Operation: Bool { get }
  /// The output shape given what is known of the inputs' values (`values[k]` for input k, see
  /// `TensorFunction.outputValue`): `tf.reshape(x, [tf.shape(x)[0], -1])`.
  func outputShape(forInputs inputs: [TensorShape], values: [[Int?]?]) throws(KerasError)
    -> TensorShape
  /// The known value of the output when it is a small integer tensor computed from shapes.
  func outputValue(forInputs inputs: [TensorShape], values: [[Int?]?]) -> [Int?]?
  /// The shapes of every output of the call: one for all operations but `TensorSplit`'s.
  func outputShapes(forInputs inputs: [TensorShape], values: [[Int?]?]) throws(KerasError)
    -> [TensorShape]
  /// What the forward pass computes: an operation without weights (`ForwardPlan.merge`), or nil
  /// where the pass never runs it.
  var forwardOperation: ForwardPlan? { get }
}

extension TensorOperationLayer {
  public func outputShape(forInputs inputs: [TensorShape], values: [[Int?]?]) throws(KerasError)
    -> TensorShape
  { try outputShape(forInputs: inputs) }

  public func outputValue(forInputs inputs: [TensorShape], values: [[Int?]?]) -> [Int?]? { nil }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    guard let plan = forwardOperation else { throw preparation.unsupported() }
    return plan
  }

  public func outputShapes(forInputs inputs: [TensorShape], values: [[Int?]?]) throws(KerasError)
    -> [TensorShape]
  { [try outputShape(forInputs: inputs, values: values)] }
}

extension TFOpLambda {
  public func outputValue(forInputs inputs: [TensorShape], values: [[Int?]?]) -> [Int?]? {
    guard channelConstants == nil else { return nil }
    let binary: TensorFunction.Binary
    switch operation {
    case .add: binary = .add
    case .subtract: binary = .subtract
    case .multiply: binary = .multiply
    case .negative:
      return (values.first ?? nil)?.map { value in
        value.flatMap { $0 == Int.min ? nil : -$0 }
      }
    case .trueDivide, .biasAdd: return nil
    }
    return TensorFunction.binary(binary, constant: constant, constantFirst: constantFirst)
      .outputValue(inputs, values: values)
  }
}

extension SlicingOpLambda {
  public func outputValue(forInputs inputs: [TensorShape], values: [[Int?]?]) -> [Int?]? {
    TensorFunction.sliceValue(slice, inputs[0], values.first ?? nil)
  }
}

extension TFOpLambda: TensorOperationLayer {}

/// A TensorFlow function called on Keras tensors, as tf-keras records it: a `TFOpLambda` layer
/// named after the function's canonical TensorFlow name (`tf.math.abs`, `tf.math.reduce_mean`,
/// `tf.concat`, `tf.compat.v1.squeeze`, ...), without weights, whose inputs are the call's Keras
/// tensors. In Keras 3 the same call of a `keras.ops` function is an operation (`absolute
/// (Absolute)`, `mean (Mean)`).
public struct TensorFunctionLayer: TensorOperationLayer {
  public let common: LayerCommon
  public let function: TensorFunction
  public let isKeras3Operation: Bool
  /// Keras 3's class of the operation (`Absolute`); unused in tf-keras.
  public let keras3ClassName: String
  /// tf-keras' class: `TFOpLambda`, or `AddLoss` for the identity `model.add_loss` records.
  public let tfKerasClassName: String

  public var className: String { isKeras3Operation ? keras3ClassName : tfKerasClassName }

  /// `name` is the function's name made unique in the session (`tf.math.abs_1`, Keras 3's
  /// `absolute_1`).
  public init(
    function: TensorFunction, name: String, isKeras3Operation: Bool = false,
    keras3ClassName: String = "", tfKerasClassName: String = "TFOpLambda"
  ) {
    self.function = function
    self.isKeras3Operation = isKeras3Operation
    self.keras3ClassName = keras3ClassName
    self.tfKerasClassName = tfKerasClassName
    let className = isKeras3Operation ? keras3ClassName : tfKerasClassName
    common = LayerCommon(name: name, arguments: LayerArguments(className: className, values: [:]))
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try outputShape(forInputs: [input])
  }

  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    try function.outputShape(inputs, name: name)
  }

  public func outputShape(forInputs inputs: [TensorShape], values: [[Int?]?]) throws(KerasError)
    -> TensorShape
  { try function.outputShape(inputs, values: values, name: name) }

  public func outputValue(forInputs inputs: [TensorShape], values: [[Int?]?]) -> [Int?]? {
    guard let value = function.outputValue(inputs, values: values),
      value.count <= TensorFunction.largestKnownValue
    else { return nil }
    return value
  }
}

// MARK: Forward pass

extension TensorFunctionLayer {
  public var forwardOperation: ForwardPlan? { .merge(.function(function)) }
}

// MARK: Settings

extension TensorFunctionLayer {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
