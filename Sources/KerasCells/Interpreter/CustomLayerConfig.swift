import CNNEngine

/// `get_config()` / `from_config()` of custom layers, as each Keras writes them:
/// - `super().get_config()` in an override: `name`, `trainable` and `dtype` (tf-keras' `'float32'`,
///   Keras 3's serialized `DTypePolicy`);
/// - no override: Keras' automatic config from the arguments the layer was made with — tf-keras
///   adds the arguments given (bound to `__init__`'s names) after the base keys, Keras 3 every
///   argument of `__init__` (given or default) between `name` and `trainable` (a class without
///   `__init__` gets `Layer.__init__`'s own);
/// - `Class.from_config(config)` is `Class(**config)`.
/// Values other than numbers, strings, booleans, None and tuples/lists/dicts of them are refused
/// as ConvBook's limitation (Keras would serialize them as objects).
extension KerasSubclassing {
  /// The public properties without a setter of Keras' `Layer` (and `Model`), per version
  /// (`inspect.getattr_static` on tf-keras 2.21 and Keras 3.15): `self.path = [...]` in a Keras 3
  /// layer's `__init__` is Python's AttributeError.
  static func readOnlyProperties(model: Bool, keras3: Bool) -> Set<String> {
    if keras3 {
      let layer: Set<String> = [
        "compute_dtype", "dtype", "input", "input_dtype", "losses", "metrics", "metrics_variables",
        "non_trainable_variables", "non_trainable_weights", "output", "path", "quantization_mode",
        "trainable_variables", "trainable_weights", "variable_dtype", "variables", "weights",
      ]
      return model
        ? layer.union(["compiled_metrics", "distribute_strategy", "metrics_names"]) : layer
    }
    return [
      "compute_dtype", "dtype", "dtype_policy", "dynamic", "inbound_nodes", "input", "input_mask",
      "input_shape", "losses", "metrics", "name", "name_scope", "non_trainable_variables",
      "non_trainable_weights", "outbound_nodes", "output", "output_mask", "output_shape",
      "submodules", "trainable_variables", "trainable_weights", "updates", "variable_dtype",
      "variables", "weights",
    ]
  }

  static func baseConfig(of instance: PythonInstance, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    guard let state = instance.layerState else {
      throw CellError(
        type: "RuntimeError",
        message: "You must call `super().__init__()` in the layer constructor.", range: site.range)
    }
    return .dictionary(PythonDict(basePairs(state, interpreter: interpreter)))
  }

  private static func basePairs(_ state: CustomLayerState, interpreter: Interpreter) -> [(
    Value, Value
  )] {
    var pairs: [(Value, Value)] = [
      (.string("name"), .string(state.name)),
      (.string("trainable"), .bool(state.trainable)),
      (.string("dtype"), dtypeValue(interpreter)),
    ]
    // tf-keras' base config shows a declared `_batch_input_shape`; Keras 3's does not.
    if interpreter.kerasVersion == .keras2, let shape = state.batchInputShapeValue {
      pairs.append((.string("batch_input_shape"), shape))
    }
    return pairs
  }

  /// Keras' serialized float32 dtype: tf-keras' name, Keras 3's `DTypePolicy` dict (as its
  /// layers' recorded configs hold it).
  static func dtypeValue(_ interpreter: Interpreter) -> Value {
    guard interpreter.kerasVersion == .keras3,
      let recorded = KerasLayerConfigs.defaults("Dense", keras3: true)?.first(where: {
        $0.0 == "dtype"
      })?.1
    else { return .string("float32") }
    return recorded
  }

  static func automaticConfig(
    of instance: PythonInstance, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard let state = instance.layerState else {
      throw CellError(
        type: "RuntimeError",
        message: "You must call `super().__init__()` in the layer constructor.", range: site.range)
    }
    let keras3 = interpreter.kerasVersion == .keras3
    let base = basePairs(state, interpreter: interpreter)
    let (positional, keywords) = instance.initArguments ?? ([], [])
    guard let (initializer, _) = instance.type.lookup("__init__"),
      case .function(let callable) = initializer, case .user(let function) = callable.kind
    else {
      guard keras3 else { return .dictionary(PythonDict(base)) }
      return .dictionary(
        PythonDict([
          base[0], (.string("activity_regularizer"), .none), base[1], base[2],
          (.string("autocast"), .bool(true)),
        ]))
    }
    let parameters = function.parameters.dropFirst().filter {
      $0.kind == .positional || $0.kind == .keywordOnly
    }
    if !keras3 {
      // tf-keras' `Layer.__new__` records the keywords given, then the positional arguments
      // under `__init__`'s names, and `get_config` updates the base dict with them.
      var pairs = base
      let named = zip(parameters.filter { $0.kind == .positional }.map(\.name), positional)
      for (label, value) in keywords + Array(named) {
        guard isPlain(value) else {
          throw .unsupported(
            "ConvBook does not support the automatic get_config() of \(instance.type.name) with the argument `\(label)` = \(value.typeName) yet; define get_config()",
            at: site.range)
        }
        if let index = pairs.firstIndex(where: { Operators.equal($0.0, .string(label)) }) {
          pairs[index].1 = value
        } else {
          pairs.append((.string(label), value))
        }
      }
      try interpreter.budget.allocate(slots: pairs.count * 2, at: site.range)
      return .dictionary(PythonDict(pairs))
    }
    var given: [String: Value] = [:]
    for (parameter, value) in zip(parameters.filter { $0.kind == .positional }, positional) {
      given[parameter.name] = value
    }
    for (label, value) in keywords where parameters.contains(where: { $0.name == label }) {
      given[label] = value
    }
    var arguments: [(Value, Value)] = []
    for parameter in parameters {
      guard let value = given[parameter.name] ?? function.defaults[parameter.name] else { continue }
      guard isPlain(value) else {
        throw .unsupported(
          "ConvBook does not support the automatic get_config() of \(instance.type.name) with the argument `\(parameter.name)` = \(value.typeName) yet; define get_config()",
          at: site.range)
      }
      arguments.append((.string(parameter.name), value))
    }
    // The keywords `**kwargs` took come after the named parameters (`bound.arguments |=
    // kwargs.pop(varkw)`), `name` aside (the config's first key).
    if function.parameters.contains(where: { $0.kind == .variadicKeywords }) {
      for (label, value) in keywords
      where label != "name" && !parameters.contains(where: { $0.name == label }) {
        guard isPlain(value) else {
          throw .unsupported(
            "ConvBook does not support the automatic get_config() of \(instance.type.name) with the argument `\(label)` = \(value.typeName) yet; define get_config()",
            at: site.range)
        }
        arguments.append((.string(label), value))
      }
    }
    // Layer's `trainable` and `dtype` update the dict: one `**kwargs` took keeps its place.
    var pairs = [base[0]] + arguments
    for setting in [base[1], base[2]] {
      if let index = pairs.firstIndex(where: { Operators.equal($0.0, setting.0) }) {
        pairs[index].1 = setting.1
      } else {
        pairs.append(setting)
      }
    }
    try interpreter.budget.allocate(slots: pairs.count * 2, at: site.range)
    return .dictionary(PythonDict(pairs))
  }

  private static func isPlain(_ value: Value) -> Bool {
    switch value {
    case .none, .bool, .int, .float, .string: return true
    case .tuple(let items): return items.allSatisfy(isPlain)
    case .list(let list): return list.items.allSatisfy(isPlain)
    case .dictionary(let dict): return dict.pairs.allSatisfy { isPlain($0.0) && isPlain($0.1) }
    default: return false
    }
  }

  /// `Class.from_config(config)`: `Class(**config)`.
  static func fromConfig(
    _ type: PythonClass, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard positional.count + keywords.count == 1,
      let config = positional.first ?? keywords.first(where: { $0.0 == "config" })?.1
    else {
      throw CellError(
        type: "TypeError",
        message:
          "\(type.kerasClassBase?.rawValue ?? (type.kerasBase == "Model" ? "Model" : "Layer")).from_config() missing 1 required positional argument: 'config'",
        range: site.range)
    }
    guard case .dictionary(let dict) = config else {
      throw .unsupported(
        "ConvBook's from_config() takes the dict get_config() returns, not \(config.typeName)",
        at: site.range)
    }
    var arguments: [(String, Value)] = []
    for (key, value) in dict.pairs {
      guard case .string(let label) = key else {
        throw CellError(
          type: "TypeError", message: "keywords must be strings", range: site.range)
      }
      arguments.append((label, value))
    }
    return try interpreter.instantiate(
      type, positional: [], keywords: arguments, site: site)
  }
}
