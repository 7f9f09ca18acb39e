import CNNEngine
import CNNKernels
import Foundation

/// Python operators on eager tensors, with TensorFlow's rules: the other operand (a Python
/// number, a list, a NumPy array) is converted to the tensor's dtype, two tensors must have the same
/// dtype (TensorFlow's `InvalidArgumentError` otherwise), shapes broadcast as NumPy's do, `/` of
/// whole numbers gives float64, `//` and `%` floor as Python does, comparisons give bool tensors.
enum EagerArithmetic {
  /// TensorFlow's `tf.errors.InvalidArgumentError`, as Python's traceback names it.
  static let invalidArgument = "tensorflow.python.framework.errors_impl.InvalidArgumentError"

  /// TensorFlow's kernel name of an operator (`[Op:AddV2]`).
  static func kernel(_ operation: BinaryOperator) -> String? {
    switch operation {
    case .add: return "AddV2"
    case .subtract: return "Sub"
    case .multiply: return "Mul"
    case .divide: return "RealDiv"
    case .floorDivide: return "FloorDiv"
    case .modulo: return "FloorMod"
    case .power: return "Pow"
    case .matrixMultiply: return "MatMul"
    default: return nil
    }
  }

  static func kernel(_ operation: ComparisonOperator) -> String? {
    switch operation {
    case .equal: return "Equal"
    case .notEqual: return "NotEqual"
    case .less: return "Less"
    case .lessOrEqual: return "LessEqual"
    case .greater: return "Greater"
    case .greaterOrEqual: return "GreaterEqual"
    default: return nil
    }
  }

  /// The InvalidArgumentError of an operation on tensors of two dtypes.
  /// `name` is the operation's name TensorFlow shows (`concat`); a float32 MatMul runs as
  /// oneDNN's `_MklMatMul`.
  static func dtypeMismatch(
    _ kernel: String, _ left: EagerDType, _ right: EagerDType, range: SourceRange,
    name: String = ""
  ) -> CellError {
    let shown = kernel == "MatMul" && left == .float32 ? "_MklMatMul" : kernel
    return CellError(
      type: invalidArgument,
      message:
        "cannot compute \(shown) as input #1(zero-based) was expected to be a \(left.kernelName) tensor but is a \(right.kernelName) tensor [Op:\(kernel)] name: \(name)",
      range: range)
  }

  /// TensorFlow's error of a kernel that failed, as its eager runtime words it.
  /// `named`: false for the functions that pass the kernel no name (`tf.fill`, `tf.one_hot`;
  /// Keras 3's `ops.one_hot` passes one), whose messages end at `[Op:...]`.
  static func kernelError(
    _ kernel: String, _ message: String, named: Bool = true, range: SourceRange
  ) -> CellError {
    CellError(
      type: invalidArgument,
      message:
        "{{function_node __wrapped__\(kernel)_device_/job:localhost/replica:0/task:0/device:CPU:0}} \(message) [Op:\(kernel)]\(named ? " name: " : "")",
      range: range)
  }

  /// The two operands as tensors of one dtype: the eager one decides; a Python number, list or NumPy
  /// array is converted to its dtype.
  private static func operands(
    _ left: Value, _ right: Value, kernel: String, range: SourceRange
  ) throws(CellError) -> (NDArray, NDArray) {
    let leftTensor = EagerTensors.operand(left)
    let rightTensor = EagerTensors.operand(right)
    switch (leftTensor, rightTensor) {
    case (let a?, let b?):
      guard EagerDType(of: a) == EagerDType(of: b) else {
        if kernel == "RealDiv" {
          throw CellError(
            type: "TypeError",
            message:
              "`x` and `y` must have the same dtype, got tf.\(EagerDType(of: a).rawValue) != tf.\(EagerDType(of: b).rawValue).",
            range: range)
        }
        throw dtypeMismatch(kernel, EagerDType(of: a), EagerDType(of: b), range: range)
      }
      return (a, b)
    case (let a?, nil):
      return (a, try other(right, like: a, kernel: kernel, first: false, range: range))
    case (nil, let b?):
      return (try other(left, like: b, kernel: kernel, first: true, range: range), b)
    case (nil, nil):
      preconditionFailure("an eager operation needs an eager operand")
    }
  }

  /// `value` converted to `tensor`'s dtype, as TensorFlow's operators convert their other operand.
  private static func other(
    _ value: Value, like tensor: NDArray, kernel: String, first: Bool, range: SourceRange
  ) throws(CellError) -> NDArray {
    let dtype = EagerDType(of: tensor)
    if case .array(let array) = value {
      // A NumPy array takes the tensor's dtype.
      return try EagerTensors.make(
        dtype, shape: array.shape, values: EagerTensors.doubles(array), range: range)
    }
    let plain = try EagerTensors.convert(
      value, dtype: nil, function: "tf.constant", range: range, asOperand: true)
    let given = EagerDType(of: plain)
    if given == dtype || (given.isInteger && dtype != .bool) || (given == .bool && dtype == .bool) {
      return try EagerTensors.make(
        dtype, shape: plain.shape, values: EagerTensors.doubles(plain), range: range)
    }
    if given == .float32, !dtype.isFloat, !first {
      // `x + 1.5` and `x @ 1.5` convert the number on its own (a float32 tensor) and the kernel
      // refuses it; `/` compares the dtypes; the rest convert it to the tensor's dtype.
      if kernel == "AddV2" || kernel == "MatMul" {
        throw dtypeMismatch(kernel, dtype, given, range: range)
      }
      if kernel == "RealDiv" {
        throw CellError(
          type: "TypeError",
          message:
            "`x` and `y` must have the same dtype, got tf.\(dtype.rawValue) != tf.\(given.rawValue).",
          range: range)
      }
    }
    if given == .float32, dtype.isFloat {
      // A Python float takes a float tensor's dtype (`-100.0 * float64_mask`), converted from
      // the number itself (0.1 as float64 is not float32's 0.1).
      return try EagerTensors.convert(value, dtype: dtype, function: "tf.constant", range: range)
    }
    if given == .float32 {
      throw CellError(
        type: "TypeError",
        message:
          "Cannot convert \(PythonText.repr(value)) to EagerTensor of dtype \(dtype.rawValue)",
        range: range)
    }
    if given == .float64 || given == .int64, dtype.isFloat {
      return try EagerTensors.make(
        dtype, shape: plain.shape, values: EagerTensors.doubles(plain), range: range)
    }
    throw .unsupported(
      "ConvBook does not support combining a \(dtype.rawValue) eager tensor with a value of type '\(value.typeName)' yet",
      at: range)
  }

  /// NumPy's broadcast shape of two shapes, or nil.
  static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
    let rank = max(a.count, b.count)
    var shape: [Int] = []
    for axis in 0..<rank {
      let x = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
      let y = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
      guard x == y || x == 1 || y == 1 else { return nil }
      shape.append(x == 1 ? y : x)
    }
    return shape
  }

  /// The offsets into an array of `shape` for each position of the broadcast `target` shape.
  static func broadcastOffsets(_ shape: [Int], to target: [Int]) -> [Int] {
    RowMajorIndex.broadcastOffsets(shape, to: target)
  }

  /// TensorFlow's error for operands that do not broadcast.
  static func incompatibleShapes(_ a: NDArray, _ b: NDArray, kernel: String, range: SourceRange)
    -> CellError
  {
    kernelError(
      kernel,
      "Incompatible shapes: [\(a.shape.map(String.init).joined(separator: ","))] vs. [\(b.shape.map(String.init).joined(separator: ","))]",
      range: range)
  }

  /// `f(a, b)` element by element with broadcasting; the result's dtype is `dtype`.
  static func elementwise(
    _ a: NDArray, _ b: NDArray, kernel: String, dtype: EagerDType, range: SourceRange,
    budget: EvaluationBudget, _ f: (Double, Double) throws(CellError) -> Double
  ) throws(CellError) -> NDArray {
    guard let shape = broadcastShape(a.shape, b.shape) else {
      throw incompatibleShapes(a, b, kernel: kernel, range: range)
    }
    let count = shape.reduce(1, *)
    try budget.allocate(count: count, size: 8, at: range)
    let (x, y) = (EagerTensors.doubles(a), EagerTensors.doubles(b))
    let (xs, ys) = (broadcastOffsets(a.shape, to: shape), broadcastOffsets(b.shape, to: shape))
    var values = [Double](repeating: 0, count: count)
    for position in 0..<count { values[position] = try f(x[xs[position]], y[ys[position]]) }
    return try EagerTensors.make(dtype, shape: shape, values: values, range: range)
  }

  /// `engine`: whose kernels a float32 `a @ b` sums in (`EagerMath.matmul`).
  static func binary(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, engine: TensorFlowEngine,
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    if let logical = logicalKernel(operation) {
      // `&`, `|`, `^` of bool tensors are TensorFlow's logical operations.
      let (a, b) = try operands(left, right, kernel: logical, range: range)
      guard EagerDType(of: a) == .bool else {
        throw EagerTensors.refusal("`\(operation.symbol)`", range: range)
      }
      return .array(try self.logical(operation, a, b, range: range, budget: budget))
    }
    guard let kernel = kernel(operation) else {
      throw EagerTensors.refusal("`\(operation.symbol)`", range: range)
    }
    let (a, b) = try operands(left, right, kernel: kernel, range: range)
    let dtype = EagerDType(of: a)
    if operation == .matrixMultiply {
      return .array(try EagerMath.matmul(a, b, engine: engine, range: range, budget: budget))
    }
    if dtype == .bool {
      throw .unsupported(
        "ConvBook does not support `\(operation.symbol)` on bool eager tensors (TensorFlow's \(kernel) refuses them)",
        at: range)
    }
    return .array(
      try compute(operation, a, b, kernel: kernel, dtype: dtype, range: range, budget: budget))
  }

  /// The kernel of `&`, `|` and `^` on bool tensors (`tf.logical_and`, ...); nil for the others.
  static func logicalKernel(_ operation: BinaryOperator) -> String? {
    switch operation {
    case .bitwiseAnd: return "LogicalAnd"
    case .bitwiseOr: return "LogicalOr"
    case .bitwiseXor: return "LogicalXor"
    default: return nil
    }
  }

  /// `tf.logical_and` / `or` / `xor` of two bool tensors, broadcast.
  static func logical(
    _ operation: BinaryOperator, _ a: NDArray, _ b: NDArray, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    let kernel = logicalKernel(operation) ?? "LogicalAnd"
    return try elementwise(a, b, kernel: kernel, dtype: .bool, range: range, budget: budget) {
      let (x, y) = ($0 != 0, $1 != 0)
      switch operation {
      case .bitwiseOr: return x || y ? 1 : 0
      case .bitwiseXor: return x != y ? 1 : 0
      default: return x && y ? 1 : 0
      }
    }
  }

  /// One arithmetic operation on two tensors of `dtype` (also `tf.add`, `tf.math.floordiv`, ...).
  static func compute(
    _ operation: BinaryOperator, _ a: NDArray, _ b: NDArray, kernel: String, dtype: EagerDType,
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    let integer = !dtype.isFloat
    switch operation {
    case .add:
      return try elementwise(a, b, kernel: kernel, dtype: dtype, range: range, budget: budget) {
        $0 + $1
      }
    case .subtract:
      return try elementwise(a, b, kernel: kernel, dtype: dtype, range: range, budget: budget) {
        $0 - $1
      }
    case .multiply:
      return try elementwise(a, b, kernel: kernel, dtype: dtype, range: range, budget: budget) {
        $0 * $1
      }
    case .divide:
      // Whole numbers divide as float64 (int8/int16/uint8 as float32).
      let result: EagerDType = integer ? (dtype == .uint8 ? .float32 : .float64) : dtype
      return try elementwise(a, b, kernel: kernel, dtype: result, range: range, budget: budget) {
        $0 / $1
      }
    case .floorDivide, .modulo:
      let modulo = operation == .modulo
      return try elementwise(a, b, kernel: kernel, dtype: dtype, range: range, budget: budget) {
        (x: Double, y: Double) throws(CellError) -> Double in
        if integer, y == 0 { throw kernelError(kernel, "Integer division by zero", range: range) }
        if modulo {
          if dtype.isFloat {
            let remainder = fmod(x, y)
            return remainder != 0 && (remainder < 0) != (y < 0) ? remainder + y : remainder
          }
          return x - (x / y).rounded(.down) * y
        }
        return (x / y).rounded(.down)
      }
    case .power where dtype == .float32:
      // Eigen's pow for float32 packets, the C library's for the tail (TensorFlow's Pow kernel).
      guard let shape = broadcastShape(a.shape, b.shape) else {
        throw incompatibleShapes(a, b, kernel: kernel, range: range)
      }
      try budget.allocate(count: shape.reduce(1, *), size: 8, at: range)
      let (x, y) = (EagerTensors.doubles(a), EagerTensors.doubles(b))
      let bases = broadcastOffsets(a.shape, to: shape).map { Float(x[$0]) }
      let exponents = broadcastOffsets(b.shape, to: shape).map { Float(y[$0]) }
      return try EagerTensors.make(
        dtype, shape: shape, values: EigenMath.power(bases, exponents).map(Double.init),
        range: range)
    case .power:
      return try elementwise(a, b, kernel: kernel, dtype: dtype, range: range, budget: budget) {
        (x: Double, y: Double) throws(CellError) -> Double in
        if integer, y < 0 {
          throw kernelError(
            kernel, "Integers to negative integer powers are not allowed", range: range)
        }
        return Foundation.pow(x, y)
      }
    default:
      throw EagerTensors.refusal("`\(operation.symbol)`", range: range)
    }
  }

  /// `x < y`, `x == y`, ...: a bool tensor. `==` with None (or another value TensorFlow cannot
  /// compare) is False, `!=` True.
  static func compare(
    _ operation: ComparisonOperator, _ left: Value, _ right: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    guard let kernel = kernel(operation) else {
      throw EagerTensors.refusal("`\(operation.rawValue)`", range: range)
    }
    if operation == .equal || operation == .notEqual, left.isNone || right.isNone {
      return .bool(operation == .notEqual)
    }
    let (a, b) = try operands(left, right, kernel: kernel, range: range)
    return .array(
      try elementwise(a, b, kernel: kernel, dtype: .bool, range: range, budget: budget) { x, y in
        let result: Bool
        switch operation {
        case .equal: result = x == y
        case .notEqual: result = x != y
        case .less: result = x < y
        case .lessOrEqual: result = x <= y
        case .greater: result = x > y
        default: result = x >= y
        }
        return result ? 1 : 0
      })
  }

  /// `-x`.
  static func negate(_ value: Value, range: SourceRange) throws(CellError) -> Value {
    guard let array = EagerTensors.operand(value) else {
      throw EagerTensors.refusal("unary `-`", range: range)
    }
    let dtype = EagerDType(of: array)
    guard dtype != .bool else {
      throw .unsupported(
        "ConvBook does not support unary `-` on bool eager tensors (TensorFlow's Neg refuses them)",
        at: range)
    }
    return .array(
      try EagerTensors.make(
        dtype, shape: array.shape, values: EagerTensors.doubles(array).map { -$0 }, range: range))
  }
}
