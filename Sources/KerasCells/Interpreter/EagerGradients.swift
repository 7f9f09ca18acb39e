import CNNEngine

/// The `tf.GradientTape`s of a session: those recording now, and a counter that gives eager
/// tensors their identities (`NDArray.traceID`).
final class EagerTapes {
  var active: [GradientTape] = []
  var trainableVariables: Set<Int> = []
  /// The identities of model weights (`WeightVariable.name`) that recorded model calls read, and
  /// the layers holding them (`EagerModelGradients`).
  var variableIDs: [String: Int] = [:]
  var variableOwners: [String: LayerInstance] = [:]
  /// The slots of `optimizer.apply_gradients` (`TapeOptimizers`), per variable.
  let optimizerSlots = OptimizerSlots()
  /// The optimizers that updated `tf.Variable`s, numbered in order: each keeps its own slots of
  /// those variables (held here, so an identity is never reused).
  private var optimizerNumbers: [ObjectIdentifier: (KerasObject.Identity, Int)] = [:]

  func number(of optimizer: KerasObject) -> Int {
    let key = ObjectIdentifier(optimizer.identity)
    if let known = optimizerNumbers[key] { return known.1 }
    let number = optimizerNumbers.count + 1
    optimizerNumbers[key] = (optimizer.identity, number)
    return number
  }
  /// What `compile` made for subclassed models' own steps (`TrainStepModels`), per model.
  var compiledSteps: [ObjectIdentifier: TrainStepModels.Compiled] = [:]
  /// The subclassed model whose own `train_step` / `test_step` runs now (`TrainStepLoop`).
  var stepModel: PythonInstance?
  /// `tf.config.run_functions_eagerly(True)` ran: `tf.function`s and Keras' steps run eagerly.
  var functionsRunEagerly = false
  /// The logits Keras cached on the outputs of model calls a tape recorded in a graph
  /// (`EagerGradients.modelCall`), by the output's identity; kept while a tape records.
  var cachedLogits: [Int: NDArray] = [:]
  private var lastID = 0

  /// The `with` block of `tape` (or `Optimizer.minimize`'s loss) ended: it records no more, and
  /// once no tape records, the cached logits go.
  func stop(_ tape: GradientTape) {
    active.removeAll { $0 === tape }
    if active.isEmpty { cachedLogits = [:] }
  }

  func newID() -> Int {
    lastID += 1
    return lastID
  }
}

/// `tf.GradientTape(persistent=False)`: while its `with` block runs it records the operations on
/// the tensors it watches (trainable variables it sees read, and what `watch` names), and
/// `gradient(target, sources)` runs them backwards. The backward operations are recorded in turn
/// by tapes still recording, so a tape around another gives second derivatives.
final class GradientTape: StandardObject {
  struct Node {
    let output: Int
    let inputs: [Int?]
    let backward: (Value, Interpreter, SourceRange) throws(CellError) -> [Value?]
  }

  let persistent: Bool
  var watched: Set<Int> = []
  var produced: Set<Int> = []
  var nodes: [Node] = []
  var used = false

  init(persistent: Bool) { self.persistent = persistent }

  override var typeName: String { "GradientTape" }

  func follows(_ id: Int?, interpreter: Interpreter) -> Bool {
    guard let id else { return false }
    if watched.contains(id) || produced.contains(id) { return true }
    if interpreter.session.eagerTapes.trainableVariables.contains(id) {
      watched.insert(id)
      return true
    }
    return false
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    ["gradient", "watch", "stop_recording", "reset"].contains(name)
      ? .method(receiver: .standard(self), name: name) : nil
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    switch name {
    case "watch":
      for item in positional.first.map({ $0.sequenceItems ?? [$0] }) ?? [] {
        guard let id = EagerTensors.operand(item)?.traceID else {
          throw .unsupported(
            "ConvBook watches eager tensors made by tf.constant, tf.Variable and TensorFlow's functions; this value is a '\(item.typeName)'",
            at: site.range)
        }
        watched.insert(id)
      }
      return Value.none
    case "gradient":
      let arguments = try EagerFunctions.bind(
        positional, keywords,
        parameters: ["target", "sources", "output_gradients", "unconnected_gradients"],
        function: "gradient", range: site.range)
      guard let target = arguments["target"], let sources = arguments["sources"] else {
        throw CellError(
          type: "TypeError",
          message:
            "gradient() missing 1 required positional argument: '\(arguments["target"] == nil ? "target" : "sources")'",
          range: site.range)
      }
      if arguments["output_gradients"].map({ !$0.isNone }) ?? false
        || arguments["unconnected_gradients"] != nil
      {
        throw .unsupported(
          "ConvBook does not support `GradientTape.gradient` with `output_gradients` or `unconnected_gradients` yet",
          at: site.range)
      }
      return try gradient(target, sources, interpreter: interpreter, range: site.range)
    default:
      throw .unsupported(
        "ConvBook does not support `GradientTape.\(name)` yet", at: site.range)
    }
  }

  func gradient(_ target: Value, _ sources: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    if used && !persistent {
      throw CellError(
        type: "RuntimeError",
        message:
          "A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians)",
        range: range)
    }
    used = true
    let tapes = interpreter.session.eagerTapes
    let wasActive = tapes.active.contains { $0 === self }
    tapes.active.removeAll { $0 === self }
    defer { if wasActive { tapes.active.append(self) } }
    // The sources' identities: their gradients are kept as they arrive, and the traversal goes on
    // past them to what they were computed from, as TensorFlow's does (`tape.gradient(z, [x, y])`
    // with y made from x gives x the gradient that came through y).
    func sourceID(_ source: Value) -> Int? {
      if case .variable(let variable) = source { return tapes.variableIDs[variable.name] }
      return EagerTensors.operand(source)?.traceID
    }
    let sourceIDs = Set((sources.sequenceItems ?? [sources]).compactMap(sourceID))
    // No sources (`model.trainable_variables` of a Keras 3 model holding only tf.Variables, which
    // it does not track): TensorFlow returns an empty list without running anything backwards.
    if let items = sources.sequenceItems, items.isEmpty {
      if case .tuple = sources { return .tuple([]) }
      return .list(PythonList([]))
    }
    // TensorFlow's tape (`GradientTape::ComputeGradient`): the recorded operations, each reading
    // a variable it takes anew (a `ReadVariableOp` per use, here an identity operation of its
    // own); those the targets reach are run backwards in the order they become ready (all their
    // output's uses done), first ready first; the gradients a tensor receives are kept in the
    // order they arrive and added up in that order (`AddN`) when its operation runs, or at the end
    // for a source. The order of these sums shows in the last bits of a variable used more than
    // once.
    let variables = tapes.trainableVariables.union(tapes.variableIDs.values)
    var operations: [(output: Int, inputs: [Int?], backward: EagerGradients.Backward?)] = []
    var producer: [Int: Int] = [:]
    var reads = 0
    for node in nodes {
      var inputs = node.inputs
      for index in inputs.indices {
        guard let id = inputs[index], variables.contains(id) else { continue }
        reads += 1
        operations.append((output: -reads, inputs: [id], backward: nil))
        producer[-reads] = operations.count - 1
        inputs[index] = -reads
      }
      operations.append((output: node.output, inputs: inputs, backward: node.backward))
      producer[node.output] = operations.count - 1
    }
    let targets = (target.sequenceItems ?? [target])
    var targetIDs: [Int] = []
    var targetArrays: [Int: NDArray] = [:]
    for item in targets {
      guard let array = EagerTensors.operand(item) else {
        throw .unsupported(
          "ConvBook computes gradients of eager tensors; this target is a '\(item.typeName)'",
          at: range)
      }
      // A source given as the target itself (`result = v0`, a variable not read on the tape):
      // TensorFlow matches their handles, a gradient of ones.
      if let id = array.traceID,
        produced.contains(id) || watched.contains(id) || sourceIDs.contains(id)
      {
        targetIDs.append(id)
        targetArrays[id] = array
      }
    }
    // What the targets reach, and how many uses of each tensor they hold.
    var usage: [Int: Int] = [:]
    var reached: Set<Int> = []
    var pending = targetIDs
    while let tensor = pending.popLast() {
      guard let index = producer[tensor], reached.insert(index).inserted else { continue }
      for case let input? in operations[index].inputs {
        if let count = usage[input] {
          usage[input] = count + 1
        } else {
          usage[input] = 1
          if producer[input] != nil { pending.append(input) }
        }
      }
    }
    var missing: [Int: Int] = [:]
    for tensor in usage.keys {
      if let index = producer[tensor], reached.contains(index) { missing[index, default: 0] += 1 }
    }
    var ready = reached.filter { missing[$0] == nil }.sorted()
    var gradients: [Int: [Value]] = [:]
    for id in targetIDs where usage[id] == nil {
      guard let array = targetArrays[id] else { continue }
      var ones = try EagerTensors.make(
        EagerDType(of: array), shape: array.shape,
        values: [Double](repeating: 1, count: array.count), range: range)
      ones.traceID = nil
      gradients[id, default: []].append(.array(ones))
    }
    func sum(_ parts: [Value]) throws(CellError) -> Value {
      var total = parts[0]
      for part in parts.dropFirst() {
        total = try EagerGradients.binary(
          .add, total, part, interpreter: interpreter, range: range)
      }
      return total
    }
    var done: Set<Int> = []
    while let index = ready.popLast() {
      guard done.insert(index).inserted else { continue }
      let operation = operations[index]
      var parts: [Value?] = []
      if let received = gradients[operation.output], !received.isEmpty {
        let upstream = try sum(received)
        gradients[operation.output] = sourceIDs.contains(operation.output) ? [upstream] : nil
        if let backward = operation.backward {
          parts = try backward(upstream, interpreter, range)
        } else {
          parts = [upstream]
        }
      }
      for (position, input) in operation.inputs.enumerated() {
        guard let input else { continue }
        if position < parts.count, let part = parts[position] {
          gradients[input, default: []].append(part)
        }
        guard let count = usage[input] else { continue }
        usage[input] = count - 1
        guard count == 1, let producing = producer[input],
          let left = missing[producing]
        else { continue }
        missing[producing] = left - 1
        if left == 1 { ready.insert(producing, at: 0) }
      }
    }
    func result(_ source: Value) throws(CellError) -> Value {
      if case .variable(let variable) = source {
        // A model's weight: what the recorded calls of its model gave it.
        guard let id = tapes.variableIDs[variable.name], let received = gradients[id],
          !received.isEmpty
        else { return Value.none }
        return try sum(received)
      }
      guard let array = EagerTensors.operand(source) else {
        throw .unsupported(
          "ConvBook computes gradients with respect to eager tensors and variables; this source is a '\(source.typeName)'",
          at: range)
      }
      guard let id = array.traceID, let received = gradients[id], !received.isEmpty else {
        return Value.none
      }
      return try sum(received)
    }
    if let items = sources.sequenceItems {
      var results: [Value] = []
      for item in items { results.append(try result(item)) }
      if case .tuple = sources { return .tuple(results) }
      return .list(PythonList(results))
    }
    return try result(sources)
  }
}

/// The differentiable eager operations: each computes as `EagerArithmetic` / `EagerMath` do and
/// is recorded on the tapes that follow one of its inputs, with its backward rule written in the
/// same operations (so that those are recorded too).
enum EagerGradients {
  typealias Backward = (Value, Interpreter, SourceRange) throws(CellError) -> [Value?]

  /// `result` recorded as made from `inputs` by an operation with `backward` (nil: an operation
  /// whose gradient ConvBook lacks, refused when a gradient would go through it).
  static func record(
    _ result: Value, inputs: [Value], name: String, interpreter: Interpreter,
    backward: Backward?
  ) -> Value {
    let tapes = interpreter.session.eagerTapes
    // Untraced, the tensor still gets an identity of its own, which a later `tape.watch` needs
    // (`x = tf.cast(0.0, tf.float32)` made before the tape).
    guard !tapes.active.isEmpty, case .array(var array) = result else {
      return freshlyIdentified(result, interpreter: interpreter)
    }
    let ids = inputs.map { EagerTensors.operand($0)?.traceID }
    let following = tapes.active.filter { tape in
      ids.contains { tape.follows($0, interpreter: interpreter) }
    }
    guard !following.isEmpty else { return freshlyIdentified(result, interpreter: interpreter) }
    let id = tapes.newID()
    array.traceID = id
    let rule: Backward
    if let backward {
      rule = backward
    } else {
      rule = { (_: Value, _: Interpreter, range: SourceRange) throws(CellError) -> [Value?] in
        throw CellError.unsupported(
          "ConvBook does not compute gradients through `\(name)` yet", at: range)
      }
    }
    for tape in following {
      tape.produced.insert(id)
      tape.nodes.append(GradientTape.Node(output: id, inputs: ids, backward: rule))
    }
    return .array(array)
  }

  /// An identity for a new eager tensor that has none yet (one no tape recorded).
  private static func freshlyIdentified(_ value: Value, interpreter: Interpreter) -> Value {
    guard case .array(let array) = value, array.traceID == nil else { return value }
    return identified(value, interpreter: interpreter)
  }

  /// A new identity for a tensor made from no traced input (`tf.constant`), for `tape.watch`.
  static func identified(_ value: Value, interpreter: Interpreter) -> Value {
    guard case .array(var array) = value, array.tensorFlowDType != nil else { return value }
    array.traceID = interpreter.session.eagerTapes.newID()
    return .array(array)
  }

  /// `x` summed down to `shape` (the gradient of an operand that was broadcast).
  static func unbroadcast(
    _ gradient: Value, to shape: [Int], interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    guard let array = EagerTensors.operand(gradient), array.shape != shape else { return gradient }
    var value = gradient
    let extra = array.rank - shape.count
    if extra > 0 {
      value = try reduce(
        "sum", value, axes: Array(0..<extra), keepDims: false, interpreter: interpreter,
        range: range)
    }
    let current = EagerTensors.operand(value)?.shape ?? []
    let ones = shape.indices.filter { shape[$0] == 1 && current[$0] != 1 }
    if !ones.isEmpty {
      value = try reduce(
        "sum", value, axes: ones, keepDims: true, interpreter: interpreter, range: range)
    }
    return value
  }

  static func binary(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> Value {
    let result = try EagerArithmetic.binary(
      operation, left, right, engine: interpreter.session.engine, range: range,
      budget: interpreter.budget)
    // Logical operations of bool tensors have no gradient. Untraced, the tensor still gets an
    // identity of its own, which a later `tape.watch` needs (`img = (noise - 0.5) * 0.25`).
    guard !interpreter.session.eagerTapes.active.isEmpty,
      EagerArithmetic.logicalKernel(operation) == nil,
      let dtype = EagerTensors.operand(left).map(EagerDType.init(of:))
        ?? EagerTensors.operand(right).map(EagerDType.init(of:))
    else { return freshlyIdentified(result, interpreter: interpreter) }
    // The operands as they were (a variable's value now), Python numbers as tensors.
    func tensor(_ value: Value) throws(CellError) -> NDArray {
      if let array = EagerTensors.operand(value) { return array }
      return try EagerTensors.convert(value, dtype: dtype, function: "tf.constant", range: range)
    }
    let (a, b) = (try tensor(left), try tensor(right))
    let (aShape, bShape) = (a.shape, b.shape)
    let (left, right) = (Value.array(a), Value.array(b))
    func op(_ o: BinaryOperator, _ x: Value, _ y: Value, _ i: Interpreter, _ r: SourceRange)
      throws(CellError) -> Value
    {
      try binary(o, x, y, interpreter: i, range: r)
    }
    let backward: Backward?
    switch operation {
    case .add, .subtract:
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        let other = operation == .add ? g : try negate(g, interpreter: i, range: r)
        return [
          try unbroadcast(g, to: aShape, interpreter: i, range: r),
          try unbroadcast(other, to: bShape, interpreter: i, range: r),
        ]
      }
    case .multiply:
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [
          try unbroadcast(try op(.multiply, g, right, i, r), to: aShape, interpreter: i, range: r),
          try unbroadcast(try op(.multiply, g, left, i, r), to: bShape, interpreter: i, range: r),
        ]
      }
    case .divide:
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        let first = try op(.divide, g, right, i, r)
        let square = try op(.multiply, right, right, i, r)
        let second = try negate(
          try op(.divide, try op(.multiply, g, left, i, r), square, i, r), interpreter: i,
          range: r)
        return [
          try unbroadcast(first, to: aShape, interpreter: i, range: r),
          try unbroadcast(second, to: bShape, interpreter: i, range: r),
        ]
      }
    case .power:
      // d(x^y)/dx = y x^(y-1); the exponent's gradient (x^y log x) only when it is traced.
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        let lowered = try op(.subtract, right, .int(1), i, r)
        let first = try op(
          .multiply, g, try op(.multiply, right, try op(.power, left, lowered, i, r), i, r), i, r)
        var second: Value?
        if b.traceID != nil {
          let logarithm = try unary("Log", left, interpreter: i, range: r)
          second = try unbroadcast(
            try op(.multiply, g, try op(.multiply, result, logarithm, i, r), i, r), to: bShape,
            interpreter: i, range: r)
        }
        return [try unbroadcast(first, to: aShape, interpreter: i, range: r), second]
      }
    case .matrixMultiply where a.rank >= 2 && b.rank >= 2:
      // C = A B: dA = dC B^T, dB = A^T dC (over the last two axes; batches of equal shapes).
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        let transposedLeft = try transposed(left, interpreter: i, range: r)
        let second: Value
        if i.session.eagerTapes.active.isEmpty, let at = EagerTensors.operand(transposedLeft),
          let dc = EagerTensors.operand(g)
        {
          // TensorFlow's MatMul(transpose_a=True), summed as such (nothing records it).
          second = .array(
            try EagerMath.matmul(
              at, dc, engine: i.session.engine, range: r, budget: i.budget, aTransposed: true))
        } else {
          second = try op(.matrixMultiply, transposedLeft, g, i, r)
        }
        return [
          try op(.matrixMultiply, g, try transposed(right, interpreter: i, range: r), i, r), second,
        ]
      }
    default: backward = nil
    }
    return record(
      result, inputs: [left, right], name: "`\(operation.symbol)`", interpreter: interpreter,
      backward: backward)
  }

  /// `value` with its last two axes swapped, recorded with its own gradient.
  static func transposed(_ value: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    guard let array = EagerTensors.operand(value) else { return value }
    return try permuted(
      value, EagerMath.swapLast(array.rank), interpreter: interpreter, range: range)
  }

  /// `tf.transpose(value, permutation)`, recorded: its gradient is the inverse permutation's.
  static func permuted(
    _ value: Value, _ permutation: [Int], interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    guard let array = EagerTensors.operand(value) else { return value }
    let result = Value.array(try EagerMath.transpose(array, permutation, range: range))
    // The kernel took it: every axis once, some perhaps counted from the end.
    let resolved = permutation.map { $0 < 0 ? $0 + array.rank : $0 }
    var inverse = resolved
    for (position, axis) in resolved.enumerated() { inverse[axis] = position }
    return record(
      result, inputs: [value], name: "tf.transpose", interpreter: interpreter,
      backward: { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [try permuted(g, inverse, interpreter: i, range: r)]
      })
  }

  static func negate(_ value: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    let result = try EagerArithmetic.negate(value, range: range)
    return record(
      result, inputs: [value], name: "unary `-`", interpreter: interpreter,
      backward: { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [try negate(g, interpreter: i, range: r)]
      })
  }

  /// `tf.exp`, `tf.math.log`, `tf.sqrt`, ... with the rules of those ConvBook differentiates.
  static func unary(_ kernel: String, _ value: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    var x: NDArray
    if let array = EagerTensors.operand(value) {
      x = array
    } else {
      x = try EagerTensors.convert(value, dtype: nil, function: kernel, range: range)
    }
    let result = Value.array(try EagerMath.unary(kernel, x, range: range))
    func op(_ o: BinaryOperator, _ a: Value, _ b: Value, _ i: Interpreter, _ r: SourceRange)
      throws(CellError) -> Value
    {
      try binary(o, a, b, interpreter: i, range: r)
    }
    let input = Value.array(x)
    let backward: Backward?
    switch kernel {
    case "Exp":
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [try op(.multiply, g, result, i, r)]
      }
    case "Log":
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [try op(.divide, g, input, i, r)]
      }
    case "Sqrt":
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [try op(.divide, g, try op(.multiply, result, .int(2), i, r), i, r)]
      }
    case "Square":
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [try op(.multiply, g, try op(.multiply, input, .int(2), i, r), i, r)]
      }
    case "Neg":
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [try negate(g, interpreter: i, range: r)]
      }
    case "Sigmoid":
      // SigmoidGrad: g * y * (1 - y).
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [
          try op(
            .multiply, try op(.multiply, g, result, i, r),
            try op(.subtract, .int(1), result, i, r), i, r)
        ]
      }
    case "Tanh":
      // TanhGrad: g * (1 - y * y).
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [
          try op(
            .multiply, g,
            try op(.subtract, .int(1), try op(.multiply, result, result, i, r), i, r), i, r)
        ]
      }
    default: backward = nil
    }
    return record(
      result, inputs: [value], name: "tf.\(kernel.lowercased())", interpreter: interpreter,
      backward: backward)
  }

  /// `tf.reduce_sum` / `tf.reduce_mean` (differentiated); the other reductions are recorded
  /// without a rule.
  static func reduce(
    _ reduction: String, _ value: Value, axes: [Int]?, keepDims: Bool, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> Value {
    var x: NDArray
    if let array = EagerTensors.operand(value) {
      x = array
    } else {
      x = try EagerTensors.convert(
        value, dtype: nil, function: "tf.reduce_\(reduction)", range: range)
    }
    let result = Value.array(
      try EagerMath.reduce(
        x, reduction, axes: axes, keepDims: keepDims, range: range, budget: interpreter.budget))
    let shape = x.shape
    let backward: Backward?
    if reduction == "sum" || reduction == "mean" {
      backward = { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        // The gradient spread back over the reduced axes: kept as axes of 1, then broadcast.
        let reduced = Set((axes ?? Array(shape.indices)).map { $0 < 0 ? $0 + shape.count : $0 })
        guard var spread = EagerTensors.operand(g) else { return [nil] }
        spread.shape = shape.indices.map { reduced.contains($0) ? 1 : shape[$0] }
        var ones = try EagerTensors.make(
          EagerDType(of: x), shape: shape,
          values: [Double](repeating: 1, count: x.count), range: r)
        ones.traceID = nil
        var expanded = try binary(.multiply, .array(spread), .array(ones), interpreter: i, range: r)
        if reduction == "mean" {
          let count = shape.indices.filter { reduced.contains($0) }.reduce(1) { $0 * shape[$1] }
          expanded = try binary(.divide, expanded, .float(Double(count)), interpreter: i, range: r)
        }
        return [expanded]
      }
    } else {
      backward = nil
    }
    return record(
      result, inputs: [value], name: "tf.reduce_\(reduction)", interpreter: interpreter,
      backward: backward)
  }
}
