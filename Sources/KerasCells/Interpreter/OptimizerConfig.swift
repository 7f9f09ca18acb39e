import CNNEngine

/// An optimizer object's `get_config()`, `keras.optimizers.serialize` / `deserialize` / `get` and
/// `Adam.from_config(config)`, per Keras version. The keys, their order and the defaults are
/// Keras' own (`KerasObjectConfigs`, recorded by `make_object_configs.py`); the values are the
/// arguments the object was made with. The learning rate is read from its float32 variable:
/// tf-keras' `get_config()` hands out the NumPy scalar (`np.float32(0.001)`), its `serialize` and
/// Keras 3 the Python float (`0.0010000000474974513`). An optimizer given a learning-rate schedule
/// is ConvBook's limitation.
enum OptimizerConfig {
  /// Whether `object` is an optimizer ConvBook makes configs of.
  static func isOptimizer(_ object: KerasObject, keras3: Bool) -> Bool {
    !object.isLegacyOptimizer
      && CompiledModelAttributes.optimizerClasses.values.contains(object.typeName)
      && KerasObjectConfigs.defaults(object.typeName, keras3: keras3)?.module == "keras.optimizers"
  }

  /// `optimizer.get_config()` (`serializing`: the config inside `serialize`'s dict).
  static func config(
    of object: KerasObject, serializing: Bool, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    guard let recorded = KerasObjectConfigs.defaults(object.typeName, keras3: keras3) else {
      throw .unsupported(
        "ConvBook does not support `get_config()` of \(object.typeName) optimizers yet", at: range)
    }
    var config = recorded.config
    for (index, (label, given)) in object.arguments.enumerated() {
      let name =
        label.hasPrefix("arg") && index < recorded.parameters.count
        ? recorded.parameters[index] : label
      guard name != "learning_rate", name != "lr" else { continue }
      guard let position = config.firstIndex(where: { $0.0 == name }),
        let value = LayerConfig.plainValue(given)
      else {
        throw .unsupported(
          "ConvBook does not support `get_config()` of an optimizer given `\(name)` yet", at: range)
      }
      config[position].1 = value
    }
    if let position = config.firstIndex(where: { $0.0 == "name" }),
      let name = CompiledModelAttributes.optimizerName(object, keras3: keras3)
    {
      config[position].1 = .string(name)
    }
    if let position = config.firstIndex(where: { $0.0 == "learning_rate" }) {
      let variable = LearningRateVariable(
        optimizer: object,
        model: object.ownerModel.flatMap { interpreter.session.training.optimizerOwners[$0] },
        training: interpreter.session.training, keras3: keras3)
      guard let rate = variable.value else {
        throw .unsupported(
          "ConvBook does not support `get_config()` of an optimizer given a learning rate schedule yet",
          at: range)
      }
      config[position].1 =
        keras3 || serializing
        ? .float(Double(rate))
        : .standard(NumPyScalar(NDArray(dtype: .float32, shape: [], scalars: [rate])))
    }
    try interpreter.budget.allocate(slots: config.count * 2, at: range)
    return .dictionary(config.map { (.string($0.0), $0.1) })
  }

  /// `keras.optimizers.serialize(optimizer)`.
  static func serialized(_ object: KerasObject, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    let config = try config(of: object, serializing: true, interpreter: interpreter, range: range)
    return .dictionary([
      (.string("module"), .string("keras.optimizers")),
      (.string("class_name"), .string(object.typeName)), (.string("config"), config),
      (.string("registered_name"), Value.none),
    ])
  }

  /// `Adam.from_config(config)`: the class called with the config's items as keywords.
  static func fromConfig(
    _ className: String, config: Value, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    try Calls.call(
      .function(Callable(.objectFactory(className), path: "keras.optimizers." + className)),
      positional: [], keywords: try keywordArguments(config, className, site), site: site,
      interpreter: interpreter)
  }

  /// A config's items as the constructor's keywords.
  private static func keywordArguments(_ config: Value, _ className: String, _ site: CallSite)
    throws(CellError) -> [(String, Value)]
  {
    guard case .dictionary(let dict) = config else {
      throw .unsupported(
        "ConvBook's \(className).from_config() takes the dict get_config() returns", at: site.range)
    }
    var keywords: [(String, Value)] = []
    for (key, value) in dict.pairs {
      guard case .string(let label) = key else {
        throw CellError(
          type: "TypeError", message: "keywords must be strings", range: site.range)
      }
      // tf-keras' config says whether it came from a legacy optimizer; `from_config` drops it.
      if label == "is_legacy_optimizer" { continue }
      if case .dictionary = value {
        throw .unsupported(
          "ConvBook does not support `from_config()` of an optimizer with a serialized `\(label)` yet",
          at: site.range)
      }
      keywords.append((label, value))
    }
    return keywords
  }

  /// `keras.optimizers.get(identifier)` / `deserialize(config)`: an optimizer from its name, its
  /// serialized dict, or itself.
  static func lookup(
    _ function: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    if function == "serialize" {
      let identifier = try ActivationLookup.identifier(
        of: function, positional: positional, keywords: keywords, site: site)
      guard case .kerasObject(let object) = identifier, isOptimizer(object, keras3: keras3) else {
        throw .unsupported(
          "ConvBook's keras.optimizers.serialize() takes an optimizer, not \(identifier.typeName)",
          at: site.range)
      }
      return try serialized(object, interpreter: interpreter, range: site.range)
    }
    guard
      let identifier = positional.first ?? keywords.first(where: { $0.0 != "custom_objects" })?.1
    else {
      throw CellError(
        type: "TypeError",
        message:
          "\(function)() missing 1 required positional argument: '\(function == "get" ? "identifier" : "config")'",
        range: site.range)
    }
    switch identifier {
    case .kerasObject(let object) where function == "get" && isOptimizer(object, keras3: keras3):
      return identifier
    case .string(let name) where function == "get":
      guard let className = CompiledModelAttributes.optimizerClasses[name.lowercased()] else {
        throw .unsupported(
          "ConvBook does not support the optimizer '\(name)' yet", at: site.range)
      }
      return try Calls.call(
        .function(Callable(.objectFactory(className), path: "keras.optimizers." + className)),
        positional: [], keywords: [], site: site, interpreter: interpreter)
    case .dictionary(let dict):
      guard case .string(let given)? = ModelConfig.item("class_name", of: dict),
        let className = CompiledModelAttributes.optimizerClasses[given.lowercased()]
      else {
        throw .unsupported(
          "ConvBook's keras.optimizers.\(function)() makes the optimizers it knows from their serialized dict",
          at: site.range)
      }
      let config = ModelConfig.item("config", of: dict) ?? .dictionary([])
      if !keras3 {
        // tf-keras makes a legacy optimizer unless the config says it is not one (as
        // `serialize` writes it).
        var isNew = false
        if case .dictionary(let items) = config,
          case .bool(false)? = ModelConfig.item("is_legacy_optimizer", of: items)
        {
          isNew = true
        }
        if !isNew {
          return try Calls.call(
            .function(
              Callable(.objectFactory(className), path: "keras.optimizers.legacy." + className)),
            positional: [], keywords: try keywordArguments(config, className, site),
            site: site, interpreter: interpreter)
        }
      }
      return try fromConfig(className, config: config, site: site, interpreter: interpreter)
    default:
      throw .unsupported(
        "ConvBook's keras.optimizers.\(function)() takes an optimizer's name or serialized dict, not \(identifier.typeName)",
        at: site.range)
    }
  }
}
