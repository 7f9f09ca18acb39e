/// Keras `Lambda(function)`: a layer that runs a Python function. ConvBook runs the function once
/// on symbolic tensors when the layer is first called (`LambdaTrace`) and keeps the tensor
/// arithmetic it performed; the output shape follows from those operations for any input shape,
/// and the forward pass replays them. No weights.
public struct Lambda: MultiInputLayer, WeightlessLayer {
  public let common: LayerCommon
  /// What the function did, once traced; shared by copies of the layer.
  public let trace: LambdaTrace
  /// A custom layer's class when the layer is one traced as a Lambda (a `keras.layers.Layer`
  /// subclass called on a list, whose `call` is tensor arithmetic); nil for Keras' `Lambda`.
  public let customClassName: String?

  public var className: String { customClassName ?? "Lambda" }

  public static let signature = LayerSignature(
    "Lambda",
    [
      .required("function"), .init("output_shape", .none), .init("mask", .none),
      .init("arguments", .none),
    ])

  public init(_ common: LayerCommon, trace: LambdaTrace, className: String? = nil) {
    self.common = common
    self.trace = trace
    customClassName = className
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try outputShape(forInputs: [input])
  }

  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    let shapes = try outputShapes(forInputs: inputs)
    guard shapes.count == 1 else {
      throw KerasError.limitation(
        "ConvBook supports a Lambda layer whose function returns several tensors (\(name) returns \(shapes.count)) only in functional models"
      )
    }
    return shapes[0]
  }

  /// The shapes of every tensor the function returns (several when it returns a list or tuple of
  /// tensors, `tf.split` in a Lambda).
  public func outputShapes(forInputs inputs: [TensorShape]) throws(KerasError) -> [TensorShape] {
    guard let program = trace.program else {
      throw KerasError.limitation(
        "ConvBook has not traced the function of the Lambda layer \"\(name)\" on symbolic tensors")
    }
    guard inputs.count == program.inputCount else {
      throw KerasError.limitation(
        "ConvBook traced the function of the Lambda layer \"\(name)\" on \(program.inputCount) tensor(s), not \(inputs.count)"
      )
    }
    let shapes = try program.shapes(forInputs: inputs)
    let outputs = program.outputs.map { shapes[$0] }
    if let declared = try keras3DeclaredShape(input: inputs, traced: outputs) { return [declared] }
    return outputs
  }

  /// Keras 3 takes a tuple `output_shape=` as the output's shape after the batch axis, without
  /// running the function (`Lambda.compute_output_shape`). ConvBook runs the traced function in
  /// the forward pass, so a declared shape must agree with it (a `None` agrees with any length).
  private func keras3DeclaredShape(input: [TensorShape], traced: [TensorShape])
    throws(KerasError) -> TensorShape?
  {
    guard common.kerasVersion == .keras3, customClassName == nil, input.count == 1,
      traced.count == 1
    else { return nil }
    let items: [ArgumentValue]
    switch common.arguments["output_shape"] {
    case .tuple(let given), .list(let given): items = given
    default: return nil
    }
    var dimensions: [Int?] = [input[0].rank > 0 ? input[0][0] : nil]
    for item in items {
      switch item {
      case .int(let length): dimensions.append(length)
      case .none: dimensions.append(nil)
      default: return nil
      }
    }
    let shape = traced[0]
    let agrees =
      dimensions.count == shape.rank
      && zip(dimensions, shape.dimensions).allSatisfy { $0 == nil || $1 == nil || $0 == $1 }
    guard agrees else {
      throw KerasError.limitation(
        "ConvBook does not support a Lambda layer whose output_shape= \(common.arguments["output_shape"].description) disagrees with what its function returns (\(shape)) in Keras 3 yet: Keras 3 takes the declared shape without running the function"
      )
    }
    return TensorShape(dimensions)
  }
}

/// The tensor operations a `Lambda`'s function performed on symbolic inputs: values 0..<inputCount
/// are the inputs, each operation appends one value.
public final class LambdaTrace: @unchecked Sendable {
  public struct Operation: Sendable {
    public let layer: any TensorOperationLayer
    public let inputs: [Int]

    public init(layer: any TensorOperationLayer, inputs: [Int]) {
      self.layer = layer
      self.inputs = inputs
    }
  }

  public struct Program: Sendable {
    public let inputCount: Int
    public let operations: [Operation]
    /// The values the function returned: one, or each tensor of the list or tuple it returned.
    public let outputs: [Int]
    /// Whether the function returned a tuple of tensors (Python gets a tuple; a list otherwise).
    public let returnsTuple: Bool
    /// The value the function returned (its first tensor).
    public var output: Int { outputs[0] }

    public init(inputCount: Int, operations: [Operation], output: Int) {
      self.init(inputCount: inputCount, operations: operations, outputs: [output])
    }

    public init(
      inputCount: Int, operations: [Operation], outputs: [Int], returnsTuple: Bool = false
    ) {
      self.inputCount = inputCount
      self.operations = operations
      self.outputs = outputs
      self.returnsTuple = returnsTuple
    }

    /// The shape of every value for inputs of `inputs` shapes (what is known of the values of
    /// shape tensors, `tf.shape(x)[0]`, flows with them).
    public func shapes(forInputs inputs: [TensorShape]) throws(KerasError) -> [TensorShape] {
      var shapes = inputs
      var values: [[Int?]?] = inputs.map { _ in nil }
      for operation in operations {
        let given = operation.inputs.map { shapes[$0] }
        let known = operation.inputs.map { values[$0] }
        shapes.append(try operation.layer.outputShape(forInputs: given, values: known))
        values.append(operation.layer.outputValue(forInputs: given, values: known))
      }
      return shapes
    }
  }

  /// Set once, by the first call of the layer (cells run on one thread).
  public var program: Program?

  public init() {}

  /// The operations from `inputs` to `output`, which must all be tensor operations (`TFOpLambda`,
  /// `TensorFunctionLayer`, `SlicingOpLambda`);
  /// nil when the function did anything else (called a layer, returned something unrelated).
  public static func program(inputs: [KerasTensor], output: KerasTensor) -> Program? {
    program(inputs: inputs, outputs: [output])
  }

  /// The operations from `inputs` to each of `outputs` (a function returning several tensors).
  public static func program(
    inputs: [KerasTensor], outputs: [KerasTensor], returnsTuple: Bool = false
  ) -> Program? {
    var values: [ObjectIdentifier: Int] = [:]
    for (index, input) in inputs.enumerated() { values[ObjectIdentifier(input)] = index }
    var operations: [Operation] = []
    var visiting = Set<ObjectIdentifier>()
    func visit(_ tensor: KerasTensor) -> Int? {
      if let value = values[ObjectIdentifier(tensor)] { return value }
      guard let layer = tensor.producer.layer as? any TensorOperationLayer, !tensor.inputs.isEmpty,
        visiting.insert(ObjectIdentifier(tensor)).inserted
      else { return nil }
      var wiring: [Int] = []
      for input in tensor.inputs {
        guard let value = visit(input) else { return nil }
        wiring.append(value)
      }
      operations.append(Operation(layer: layer, inputs: wiring))
      let value = inputs.count + operations.count - 1
      values[ObjectIdentifier(tensor)] = value
      return value
    }
    var found: [Int] = []
    for output in outputs {
      guard let value = visit(output) else { return nil }
      found.append(value)
    }
    guard !found.isEmpty else { return nil }
    return Program(
      inputCount: inputs.count, operations: operations, outputs: found,
      returnsTuple: returnsTuple)
  }
}

// MARK: Forward pass

extension Lambda {
  /// The traced operations, one step each.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    guard let program = trace.program else {
      throw ForwardError(
        .model, "the function of the Lambda layer \"\(preparation.instance.name)\" was never traced"
      )
    }
    var steps: [MergeStep] = []
    for operation in program.operations {
      guard let plan = operation.layer.forwardOperation, case .merge(let step) = plan.kind else {
        throw preparation.unsupported()
      }
      steps.append(MergeStep(name: preparation.instance.name, operation: step))
    }
    return .merge(.lambda(program, steps: steps))
  }
}

// MARK: Settings

extension Lambda {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
