import CNNEngine

/// A `keras.metrics.Metric` subclass's state: each `self.add_weight(...)` is a non-trainable
/// eager variable the script's `update_state` changes (`assign_add`) and its `result` reads;
/// `reset_state()` sets them back to zeros and calling the metric runs `update_state` then
/// `result`. tf-keras' variables are `tf.Variable`s named `tp:0`; Keras 3's print as
/// `<Variable path=f1_score/tp, shape=(), dtype=float32, value=0.0>`. Measured with tf-keras
/// 2.21 and Keras 3.15 (`Tests/Fixtures/scripts/770-*`).
extension KerasClassBase {
  /// The state attributes of a metric (nil for other names): its variables (tf-keras' `weights`
  /// too), its `dtype` and the base class's methods.
  static func metricAttribute(_ name: String, of instance: PythonInstance) -> Value? {
    let state = instance.kerasClassState
    let keras3 = state?.keras3 ?? false
    func list(_ variables: [EagerVariable]) -> Value {
      .list(PythonList(variables.map { Value.standard($0) }))
    }
    switch name {
    case "add_weight", "reset_state", "update_state", "result":
      return .method(receiver: .instance(instance), name: name)
    case "reset_states" where !keras3:
      return .method(receiver: .instance(instance), name: name)
    case "add_variable" where keras3:
      return .method(receiver: .instance(instance), name: name)
    case "variables":
      return list(state?.variables ?? [])
    case "weights", "non_trainable_weights", "non_trainable_variables":
      // Keras 3's `Metric` has `variables` only.
      return keras3 ? nil : list(state?.variables ?? [])
    case "trainable_weights", "trainable_variables":
      return keras3 ? nil : list([])
    case "dtype":
      return .string("float32")
    default:
      return nil
    }
  }

  /// The public names a Keras 3 metric inherits (what CPython's "Did you mean" looks among:
  /// `reset_states` suggests `reset_state`).
  static func inheritedNames(of instance: PythonInstance) -> [String] {
    guard instance.type.kerasClassBase == .metric, instance.kerasClassState?.keras3 == true
    else { return [] }
    return [
      "add_variable", "add_weight", "dtype", "from_config", "get_config", "name", "reset_state",
      "result", "stateless_reset_state", "stateless_result", "stateless_update_state",
      "update_state", "variables",
    ]
  }

  /// The base class's state methods of a metric: `add_weight` (Keras 3's `add_variable` too),
  /// `reset_state` and tf-keras' `reset_states`; nil for other names.
  static func callMetricMethod(
    _ name: String, of instance: PythonInstance, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    switch name {
    case "add_weight", "add_variable":
      return try addMetricWeight(
        instance, method: name, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case "reset_state":
      // tf-keras' default calls a `reset_states` of the subclass (the deprecated name).
      if interpreter.kerasVersion == .keras2, let (member, _) = instance.type.lookup("reset_states")
      {
        return try interpreter.callClassMember(
          member, receiver: .instance(instance), receiverClass: instance.type, positional: [],
          keywords: [], site: site)
      }
      for variable in instance.kerasClassState?.variables ?? [] {
        // tf-keras' default sets each variable to the scalar 0, which only a scalar takes.
        if interpreter.kerasVersion == .keras2, !variable.array.shape.isEmpty {
          throw CellError(
            type: "ValueError",
            message:
              "Cannot assign value to variable ' \(variable.name):0': Shape mismatch.The variable shape \(EagerTensors.shapeText(variable.array.shape)), and the assigned value shape () are incompatible.",
            range: site.range)
        }
        variable.array = try EagerTensors.make(
          EagerDType(of: variable.array), shape: variable.array.shape,
          values: Array(repeating: 0, count: variable.array.count), range: site.range)
      }
      return Value.none
    case "reset_states":
      return try interpreter.callClassValue(
        .method(receiver: .instance(instance), name: "reset_state"), positional: [],
        keywords: [], site: site) ?? Value.none
    default:
      return nil
    }
  }

  /// `metric(y_true, y_pred, sample_weight=None)`: `update_state`, then `result`.
  static func callMetric(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    _ = try interpreter.callClassValue(
      .method(receiver: .instance(instance), name: "update_state"), positional: positional,
      keywords: keywords, site: site)
    return try interpreter.callClassValue(
      .method(receiver: .instance(instance), name: "result"), positional: [], keywords: [],
      site: site) ?? Value.none
  }

  /// `self.add_weight(...)` as each Keras binds it: tf-keras' `(name, shape=(),
  /// aggregation=SUM, synchronization=ON_READ, initializer=None, dtype=None)`, Keras 3's
  /// `(shape=(), initializer=None, dtype=None, name=None)` (`add_variable(shape, initializer,
  /// dtype=None, aggregation='sum', name=None)`). The variable starts as its initializer's
  /// constant; a random initializer is refused.
  private static func addMetricWeight(
    _ instance: PythonInstance, method: String, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    let parameters =
      keras3
      ? (method == "add_variable"
        ? ["shape", "initializer", "dtype", "aggregation", "name"]
        : ["shape", "initializer", "dtype", "name"])
      : ["name", "shape", "aggregation", "synchronization", "initializer", "dtype"]
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: parameters, function: "Metric.\(method)",
      range: site.range)
    guard let state = instance.kerasClassState, state.initialized else {
      throw .unsupported(
        "ConvBook does not support `Metric.\(method)()` before `super().__init__()` yet",
        at: site.range)
    }
    guard case .string(let name)? = arguments["name"] else {
      throw .unsupported(
        "ConvBook does not support `Metric.\(method)()` without a name string yet", at: site.range)
    }
    var shape: [Int] = []
    if let given = arguments["shape"], !given.isNone {
      for item in given.sequenceItems ?? [given] {
        guard case .int(let size) = item, size >= 0 else {
          throw .unsupported(
            "ConvBook does not support `Metric.\(method)(shape=\(PythonText.repr(given)))` yet",
            at: site.range)
        }
        shape.append(size)
      }
    }
    guard let count = try? Exact.product(shape), count <= 1 << 20 else {
      throw .unsupported(
        "ConvBook does not support a metric variable of more than 2**20 values", at: site.range)
    }
    let dtype =
      try EagerFunctions.dtype(
        arguments["dtype"], function: "Metric.\(method)", range: site.range) ?? .float32
    let initial = try constantInitializer(arguments["initializer"], method: method, site: site)
    var array = try EagerTensors.make(
      dtype, shape: shape, values: Array(repeating: initial, count: count), range: site.range)
    array.traceID = nil
    let metricName = state.name ?? NameScope.snakeCase(instance.type.name)
    let variable = EagerVariable(
      array: array, name: name, trainable: false, id: interpreter.session.eagerTapes.newID(),
      kerasPath: keras3 ? metricName.replacingOccurrences(of: "/", with: ">") + "/" + name : nil)
    state.variables.append(variable)
    return .standard(variable)
  }

  /// The constant a metric variable's initializer gives (`'zeros'`, `'ones'`, `Zeros()`,
  /// `Constant(c)`).
  private static func constantInitializer(_ value: Value?, method: String, site: CallSite)
    throws(CellError) -> Double
  {
    switch value {
    case .string(let name)? where ["zeros", "zero", "Zeros"].contains(name): return 0
    case .string(let name)? where ["ones", "one", "Ones"].contains(name): return 1
    case .kerasObject(let object)? where object.typeName == "Zeros": return 0
    case .kerasObject(let object)? where object.typeName == "Ones": return 1
    case .kerasObject(let object)? where object.typeName == "Constant":
      switch object.arguments.first(where: { $0.0 == "value" || $0.0 == "arg0" })?.1 {
      case nil: return 0
      case .int(let number)?: return Double(number)
      case .float(let number)?: return number
      default: break
      }
    default: break
    }
    throw .unsupported(
      "ConvBook does not support a metric variable's initializer \(value.map { PythonText.repr($0) } ?? "None") yet (only constant ones: 'zeros', 'ones', Constant(c))",
      at: site.range)
  }
}
