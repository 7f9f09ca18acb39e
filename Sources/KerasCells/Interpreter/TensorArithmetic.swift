import CNNEngine

/// Python arithmetic with a Keras tensor operand: tf-keras wraps the TensorFlow operation in a
/// `TFOpLambda` layer and calls it on the tensor operands, so `x + y` becomes a layer of the graph;
/// Keras 3 makes it a `keras.ops` operation (`add (Add)`), a node of the graph that is not a layer.
enum TensorArithmetic {
  static func involvesTensor(_ values: Value...) -> Bool {
    values.contains { if case .kerasTensor = $0 { return true } else { return false } }
  }

  static func binary(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    if operation == .power {
      return try power(left, right, range: range, interpreter: interpreter)
    }
    if operation == .matrixMultiply, case .kerasTensor(let a) = left,
      case .kerasTensor(let b) = right
    {
      // `a @ b`: tf-keras' `tf.linalg.matmul` layer, Keras 3's `matmul` operation.
      let keras3 = interpreter.kerasVersion == .keras3
      return .kerasTensor(
        try TensorFunctions.apply(
          .matmul(transposeA: false, transposeB: false), keras3 ? "matmul" : "tf.linalg.matmul",
          [a, b], interpreter: interpreter, range: range))
    }
    if operation == .floorDivide {
      return try floorDivide(left, right, range: range, interpreter: interpreter)
    }
    let kind: TFOpLambda.Operation
    switch operation {
    case .add: kind = .add
    case .subtract: kind = .subtract
    case .multiply: kind = .multiply
    case .divide: kind = .trueDivide
    default:
      throw .unsupported(
        "the operator \(operation.symbol) on Keras tensors is not supported in ConvBook cells yet; use +, -, *, / or //",
        at: range)
    }
    var tensors: [KerasTensor] = []
    var constant: Double?
    var constantTensor: TensorFunction.ConstantTensor?
    var constantFirst = false
    for (index, operand) in [left, right].enumerated() {
      switch operand {
      case .kerasTensor(let tensor): tensors.append(tensor)
      case .array(let array):
        // A constant tensor computed eagerly (a position embedding of `tf.range(...)`). Whole
        // numbers (`tf.range(...)` itself) would need TensorFlow's dtype rules, which differ
        // between NumPy arrays and eager tensors.
        guard array.dtype.isFloat else {
          throw .unsupported(
            "ConvBook does not support \(operation.symbol) between a Keras tensor and a constant of dtype \(array.dtype.rawValue) yet; use a float32 constant",
            at: range)
        }
        constantTensor = TensorFunction.ConstantTensor(
          shape: array.shape, values: array.scalars,
          isGraphConstant: array.tensorFlowDType == nil)
        constantFirst = index == 0
      case .int(let number):
        constant = Double(number)
        constantFirst = index == 0
      case .float(let number):
        constant = number
        constantFirst = index == 0
      default:
        if let error = keras3SequenceOperand(operand, interpreter: interpreter, range: range) {
          throw error
        }
        throw .unsupported(
          "\(operation.symbol) between a Keras tensor and a value of type '\(operand.typeName)' is not supported in ConvBook cells; use a tensor or a number",
          at: range)
      }
    }
    return try apply(
      kind, tensors, constant: constant, constantTensor: constantTensor,
      constantFirst: constantFirst, range: range, interpreter: interpreter)
  }

  /// Keras 3's error for arithmetic between a Keras tensor and a tuple or list: its operation's
  /// `compute_output_spec` asks `result_type` for the dtype of the sequence's type (tf-keras
  /// converts the sequence to a constant tensor).
  private static func keras3SequenceOperand(
    _ operand: Value, interpreter: Interpreter, range: SourceRange
  ) -> CellError? {
    guard interpreter.kerasVersion == .keras3 else { return nil }
    switch operand {
    case .tuple, .list:
      return CellError(
        type: "ValueError", message: "Invalid dtype: \(operand.typeName)", range: range)
    default: return nil
    }
  }

  /// `x // 2` (`tf.shape(x)[1] // 2` among shape arithmetic): tf-keras' `tf.compat.v1.floor_div` layer,
  /// Keras 3's `floor_divide` operation.
  private static func floorDivide(
    _ left: Value, _ right: Value, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let inputs: [KerasTensor]
    let function: TensorFunction
    switch (left, right) {
    case (.kerasTensor(let a), .kerasTensor(let b)):
      inputs = [a, b]
      function = .binary(.floorDivide, constant: nil, constantFirst: false)
    case (.kerasTensor(let a), .int(let n)), (.int(let n), .kerasTensor(let a)):
      inputs = [a]
      let constantFirst: Bool
      if case .kerasTensor = left { constantFirst = false } else { constantFirst = true }
      function = .binary(.floorDivide, constant: Double(n), constantFirst: constantFirst)
    case (.kerasTensor(let a), .float(let n)), (.float(let n), .kerasTensor(let a)):
      inputs = [a]
      let constantFirst: Bool
      if case .kerasTensor = left { constantFirst = false } else { constantFirst = true }
      function = .binary(.floorDivide, constant: n, constantFirst: constantFirst)
    default:
      let other: Value
      if case .kerasTensor = left { other = right } else { other = left }
      if let error = keras3SequenceOperand(other, interpreter: interpreter, range: range) {
        throw error
      }
      throw .unsupported(
        "// between a Keras tensor and a value of type '\(other.typeName)' is not supported in ConvBook cells; use a tensor or a number",
        at: range)
    }
    let keras3 = interpreter.kerasVersion == .keras3
    return .kerasTensor(
      try TensorFunctions.apply(
        function, keras3 ? "floor_divide" : "tf.compat.v1.floor_div", inputs,
        interpreter: interpreter,
        range: range))
  }

  /// `x ** 2`, `2 ** x`, `x ** y`: tf-keras' `tf.math.pow` layer, Keras 3's `power` operation.
  private static func power(
    _ left: Value, _ right: Value, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    func number(_ value: Value) -> Double? {
      switch value {
      case .int(let n): return Double(n)
      case .float(let n): return n
      default: return nil
      }
    }
    let inputs: [KerasTensor]
    let function: TensorFunction
    switch (left, right) {
    case (.kerasTensor(let a), .kerasTensor(let b)):
      inputs = [a, b]
      function = .binary(.power, constant: nil, constantFirst: false)
    case (.kerasTensor(let a), let other), (let other, .kerasTensor(let a)):
      guard let constant = number(other) else {
        if let error = keras3SequenceOperand(other, interpreter: interpreter, range: range) {
          throw error
        }
        throw .unsupported(
          "** between a Keras tensor and a value of type '\(other.typeName)' is not supported in ConvBook cells; use a tensor or a number",
          at: range)
      }
      let constantFirst: Bool
      if case .kerasTensor = left { constantFirst = false } else { constantFirst = true }
      inputs = [a]
      function = .binary(.power, constant: constant, constantFirst: constantFirst)
    default:
      preconditionFailure("power needs a Keras tensor operand")
    }
    let keras3 = interpreter.kerasVersion == .keras3
    return .kerasTensor(
      try TensorFunctions.apply(
        function, keras3 ? "power" : "tf.math.pow", inputs, interpreter: interpreter,
        range: range))
  }

  static func negate(_ tensor: KerasTensor, range: SourceRange, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    try apply(
      .negative, [tensor], constant: nil, constantFirst: false, range: range,
      interpreter: interpreter)
  }

  private static func apply(
    _ operation: TFOpLambda.Operation, _ tensors: [KerasTensor], constant: Double?,
    constantTensor: TensorFunction.ConstantTensor? = nil, constantFirst: Bool,
    range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    // The operation belongs to its tensors' package (a tf-keras `TFOpLambda` for `tf_keras` tensors).
    let package = try KerasPackages.package(of: tensors, interpreter: interpreter, range: range)
    if package != interpreter.kerasVersion {
      return try interpreter.inPackage(package) { () throws(CellError) in
        try apply(
          operation, tensors, constant: constant, constantTensor: constantTensor,
          constantFirst: constantFirst, range: range, interpreter: interpreter)
      }
    }
    let keras3 = interpreter.kerasNames.kerasVersion == .keras3
    let tracing = interpreter.session.lambdaTracingDepth > 0
    let baseName = keras3 ? operation.keras3Name : operation.rawValue
    let name =
      tracing
      ? interpreter.session.tracedOperationName(baseName)
      : interpreter.kerasNames.uniqueName(baseName)
    var layer = TFOpLambda(
      operation: operation, name: name, constant: constant, constantFirst: constantFirst,
      isKeras3Operation: keras3)
    layer.constantTensor = constantTensor
    let instance = LayerInstance(layer)
    if !tracing { interpreter.recordOrigin(of: instance, at: range) }
    do {
      return .kerasTensor(
        try KerasTensor.apply(
          instance, to: tensors, asList: true, names: tracing ? nil : interpreter.kerasNames))
    } catch {
      throw Calls.keras(error, at: range)
    }
  }
}
