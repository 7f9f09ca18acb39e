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
    // Keras 3 takes a first positional argument as the shape (`add_weight("total", ...)`), which
    // its `standardize_shape` refuses when the variable is made.
    if keras3, let given = arguments["shape"],
      let message = Keras3Wording.shapeConversionError(given)
    {
      throw CellError(type: "ValueError", message: message, range: site.range)
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

/// The script's metric objects in `fit`, `evaluate` and `train_on_batch`: the trainer resets
/// each when an epoch (or an evaluation) begins, and after each batch runs its `update_state(y_true,
/// y_pred, sample_weight=None)` (Keras passes `sample_weight` by name) on eager tensors of the
/// batch's targets (float32, or the integer dtype the targets were given in: both Kerases cast
/// float64 targets to float32) and training-mode predictions, then reads `result()` for the logs.
/// Keras runs `update_state` and `result` as traced functions: what only tracing shows (a print,
/// TensorFlow's graph-mode errors, Keras 3 logging the variable `result` returns, whose value
/// later changes) is refused by name.
enum ScriptMetricTraining {
  /// The stateful metrics of `model`'s `compile`, by the identity of the object kept for each.
  static func metrics(for model: KerasModel, site: CallSite, interpreter: Interpreter)
    -> [ObjectIdentifier: StatefulMetric]
  {
    let training = interpreter.session.training
    var made: [ObjectIdentifier: StatefulMetric] = [:]
    for (key, instance) in training.metricObjects[ObjectIdentifier(model)] ?? [:] {
      let name = instance.kerasClassState?.name ?? NameScope.snakeCase(instance.type.name)
      made[key] = StatefulMetric(
        name: name,
        reset: { () throws(TrainingError) in
          _ = try run(instance, "reset_state", positional: [], site: site, interpreter: interpreter)
        },
        update: { (target: Tensor, prediction: Tensor) throws(TrainingError) in
          let dtype = training.metricTargetDType
          var target = target
          // tf-keras' `match_dtype_and_rank`: targets of one axis against predictions of two
          // get a last axis of 1 (Keras 3 passes them as they are).
          if interpreter.kerasVersion == .keras2, target.shape.count == 1,
            prediction.shape.count == 2
          {
            target = Tensor(validShape: target.shape + [1], scalars: target.scalars)
          }
          let yTrue: Value
          if dtype.isFloat {
            yTrue = EagerTensors.value(target)
          } else {
            do throws(CellError) {
              yTrue = .array(
                try EagerTensors.make(
                  dtype, shape: target.shape, values: target.scalars.map(Double.init),
                  range: site.range))
            } catch {
              throw pending(error, interpreter: interpreter)
            }
          }
          _ = try run(
            instance, "update_state", positional: [yTrue, EagerTensors.value(prediction)],
            keywords: [("sample_weight", Value.none)], site: site, interpreter: interpreter)
        },
        result: { () throws(TrainingError) -> Double in
          let value = try run(
            instance, "result", positional: [], site: site, interpreter: interpreter)
          return try number(value, of: instance, site: site, interpreter: interpreter)
        })
    }
    return made
  }

  /// A method of the metric, run as Keras' traced step runs it; a print or an error of
  /// TensorFlow's is refused (Keras shows them as its tracing makes them).
  private static func run(
    _ instance: PythonInstance, _ method: String, positional: [Value],
    keywords: [(String, Value)] = [], site: CallSite, interpreter: Interpreter
  ) throws(TrainingError) -> Value {
    let writes = interpreter.writeCount
    let value: Value
    do {
      value =
        try interpreter.callClassValue(
          .method(receiver: .instance(instance), name: method), positional: positional,
          keywords: keywords, site: site) ?? Value.none
    } catch {
      // Python's TypeError for `update_state` without a `sample_weight` parameter: Keras 3
      // raises it as it is; tf-keras inside AutoGraph's "in user code:" text.
      let call = "\(instance.type.name).\(method)() "
      if error.type == "TypeError", error.chained == nil, error.message.hasPrefix(call),
        interpreter.kerasVersion == .keras3
      {
        throw pending(
          CellError(type: "TypeError", message: error.message, range: site.range),
          interpreter: interpreter)
      }
      if error.type == nil { throw pending(error, interpreter: interpreter) }
      throw pending(
        .unsupported(
          "ConvBook does not support the error \(error.type ?? "") raised in \(instance.type.name).\(method)() during training yet (Keras traces the method into a graph, where errors read otherwise): \(error.message)",
          at: site.range), interpreter: interpreter)
    }
    guard interpreter.writeCount == writes else {
      throw pending(
        .unsupported(
          "ConvBook does not support print() in \(instance.type.name).\(method)() during training yet: Keras runs it as a traced function and prints only while tracing",
          at: site.range), interpreter: interpreter)
    }
    return value
  }

  /// The metric's result as a number for the logs.
  private static func number(
    _ value: Value, of instance: PythonInstance, site: CallSite, interpreter: Interpreter
  ) throws(TrainingError) -> Double {
    if case .standard(is EagerVariable) = value, interpreter.kerasVersion == .keras3 {
      throw pending(
        .unsupported(
          "ConvBook does not support a Keras 3 metric whose result() returns its variable itself during training yet (Keras logs the variable, whose value changes after the epoch)",
          at: site.range), interpreter: interpreter)
    }
    let array: NDArray
    switch value {
    case .array(let given): array = given
    case .standard(let variable as EagerVariable): array = variable.array
    case .standard(let scalar as NumPyScalar): array = scalar.array
    case .float(let number): return number
    case .int(let number): return Double(number)
    default:
      throw pending(
        .unsupported(
          "ConvBook does not support a metric result of type \(value.typeName) yet",
          at: site.range), interpreter: interpreter)
    }
    let values = EagerTensors.doubles(array)
    guard array.shape.isEmpty, let first = values.first else {
      throw pending(
        .unsupported(
          "ConvBook does not support a metric result of shape \(EagerTensors.shapeText(array.shape)) in the logs yet",
          at: site.range), interpreter: interpreter)
    }
    return first
  }

  /// Keeps `error` for the training call to raise, and stops the trainer.
  private static func pending(_ error: CellError, interpreter: Interpreter) -> TrainingError {
    interpreter.session.training.metricError = error
    return TrainingError(.configuration, "ConvBook: \(error.message)")
  }
}
