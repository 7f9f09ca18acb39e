import CNNEngine

/// `model.get_config()` and `model.to_json()` of a built Sequential model, as each Keras writes
/// them (measured with tf-keras 2.21 and Keras 3.15, `Tests/Fixtures/scripts/677-*`):
/// - tf-keras: `{'name': ..., 'layers': [<InputLayer>, <layer>...]}`; `to_json` wraps it as
///   `{"class_name": "Sequential", "config": ..., "keras_version": "2.21.0", "backend":
///   "tensorflow"}`;
/// - Keras 3: `{'name': ..., 'trainable': ..., 'dtype': <DTypePolicy>, 'layers': [...],
///   'build_input_shape': ...}`; `to_json` wraps it as `{"module": "keras", "class_name":
///   "Sequential", "config": ..., "registered_name": null, "build_config": {"input_shape": ...},
///   "compile_config": ...}` (a compiled model's compile config is ConvBook's limitation).
/// Each layer is `{'module': 'keras.layers', 'class_name': ..., 'config': layer.get_config(),
/// 'registered_name': None, 'build_config': {'input_shape': ...}}` (Keras 3 leaves out the build
/// config of layers without a `build`, `KerasLayerConfigs.withoutBuildConfig`), a nested model its
/// own config (`FunctionalConfig.entry`). Functional models' configs are `FunctionalConfig`'s.
/// An unbuilt Sequential model lists its layers alone (no input layer, no build configs; Keras 3
/// leaves out `build_input_shape` and the JSON's `build_config`).
enum ModelConfig {
  static func config(of model: KerasModel, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    let keras3 = interpreter.kerasVersion == .keras3
    guard model.subclassName == nil,
      interpreter.session.customLayers[ObjectIdentifier(model)] == nil
    else {
      throw .unsupported(
        "ConvBook does not support `get_config()` of a \(model.className) model yet (it writes Sequential and functional models' configs)",
        at: range)
    }
    if model.kind == .functional {
      return try FunctionalConfig.config(of: model, interpreter: interpreter, range: range)
    }
    var layers: [Value] = []
    var inputShape: TensorShape? = nil
    if model.isBuilt {
      // An unbuilt model's config lists its layers alone, without build configs.
      guard let input = model.inputLayer, let shape = model.inputShape else {
        throw .unsupported(
          "ConvBook does not support `get_config()` of this model yet", at: range)
      }
      layers.append(.dictionary(PythonDict(inputEntry(input, dtype: "float32", keras3: keras3))))
      inputShape = shape
    } else if !EagerCalls.deferredValues(of: model, session: interpreter.session).isEmpty {
      throw .unsupported(
        "ConvBook does not support `get_config()` of an unbuilt model with custom layers yet",
        at: range)
    }
    for instance in model.layers {
      layers.append(
        .dictionary(
          PythonDict(
            try FunctionalConfig.entry(of: instance, interpreter: interpreter, range: range))))
    }
    var pairs: [(String, Value)] = [("name", .string(model.name))]
    if keras3 {
      pairs += [
        ("trainable", .bool(model.trainable)),
        ("dtype", KerasSubclassing.dtypeValue(interpreter)),
      ]
    }
    pairs.append(("layers", .list(PythonList(layers))))
    if keras3, let inputShape {
      pairs.append(("build_input_shape", Attributes.shapeValue(inputShape)))
    }
    try interpreter.budget.allocate(slots: layers.count * 10, at: range)
    return .dictionary(PythonDict(pairs.map { (.string($0.0), $0.1) }))
  }

  /// An input layer's serialized form.
  static func inputEntry(_ input: InputLayer, dtype: String, keras3: Bool) -> [(Value, Value)] {
    entry(
      "InputLayer",
      config: [
        (
          keras3 ? "batch_shape" : "batch_input_shape", Attributes.shapeValue(input.batchInputShape)
        ),
        ("dtype", .string(dtype)), ("sparse", .bool(false)), ("ragged", .bool(false)),
        ("name", .string(input.name)), ("optional", .bool(false)),
      ].map { (Value.string($0.0), $0.1) }, build: nil)
  }

  /// A layer's serialized form: `{'module', 'class_name', 'config', 'registered_name'}` and its
  /// build config when it has one.
  static func entry(_ className: String, config: [(Value, Value)], build: Value?) -> [(
    Value, Value
  )] {
    var pairs: [(Value, Value)] = [
      (.string("module"), .string("keras.layers")), (.string("class_name"), .string(className)),
      (.string("config"), .dictionary(PythonDict(config))),
      (.string("registered_name"), .none),
    ]
    if let build {
      pairs.append(
        (.string("build_config"), .dictionary(PythonDict([(.string("input_shape"), build)]))))
    }
    return pairs
  }

  /// `model.to_json(**kwargs)`: the serialized model through `json.dumps(..., **kwargs)`.
  static func json(
    of model: KerasModel, keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    let config = try config(of: model, interpreter: interpreter, range: site.range)
    var pairs: [(String, Value)]
    let functional = model.kind == .functional
    if keras3 {
      guard model.compileArguments == nil else {
        throw .unsupported(
          "ConvBook does not support `to_json()` of a compiled model yet (Keras 3 writes its compile config)",
          at: site.range)
      }
      let shape = functional ? .none : model.inputShape.map(Attributes.shapeValue) ?? .none
      pairs = [
        ("module", .string(functional ? "keras.src.models.functional" : "keras")),
        ("class_name", .string(model.className)), ("config", config),
        ("registered_name", functional ? .string("Functional") : .none),
      ]
      // An unbuilt Sequential model has no build config.
      if functional || model.isBuilt {
        pairs.append(("build_config", .dictionary(PythonDict([(.string("input_shape"), shape)]))))
      }
      pairs.append(("compile_config", .dictionary(PythonDict([]))))
    } else {
      pairs = [
        ("class_name", .string(model.className)), ("config", config),
        ("keras_version", .string("2.21.0")), ("backend", .string("tensorflow")),
      ]
    }
    let document = Value.dictionary(PythonDict(pairs.map { (.string($0.0), $0.1) }))
    guard
      let text = try StandardJSON.call(
        "dumps",
        StandardArguments(
          function: "dumps", positional: [document], keywords: keywords, site: site,
          interpreter: interpreter))
    else { return .none }
    return text
  }
}

/// `keras.Sequential.from_config(config)` and `keras.models.model_from_json(text)` of a
/// Sequential model's config: its layers made again from their configs (`cls(**config)`, with new
/// weights) and added in order, as both Kerases' `from_config` do. A setting at its recorded
/// default is left to the constructor; an initializer, regularizer or constraint is made from its
/// serialized form. Functional configs, custom layers and what a layer's constructor does not
/// take are ConvBook's limitation.
extension ModelConfig {
  static func fromJSON(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard positional.count + keywords.count >= 1,
      let text = positional.first ?? keywords.first(where: { $0.0 == "json_string" })?.1
    else {
      throw CellError(
        type: "TypeError",
        message: "model_from_json() missing 1 required positional argument: 'json_string'",
        range: site.range)
    }
    guard
      let document = try StandardJSON.call(
        "loads",
        StandardArguments(
          function: "loads", positional: [text], keywords: [], site: site,
          interpreter: interpreter)),
      case .dictionary(let dict) = document,
      case .string(let className)? = item("class_name", of: dict),
      ["Sequential", "Functional", "Model"].contains(className),
      let config = item("config", of: dict)
    else {
      throw .unsupported(
        "ConvBook's model_from_json() makes Sequential and functional models from their to_json() text only",
        at: site.range)
    }
    if className != "Sequential" {
      return try FunctionalFromConfig.model(from: config, site: site, interpreter: interpreter)
    }
    return try sequential(from: config, site: site, interpreter: interpreter)
  }

  static func item(_ key: String, of dict: PythonDict) -> Value? {
    dict.pairs.first { Operators.equal($0.0, .string(key)) }?.1
  }

  /// JSON's lists where Keras' configs hold tuples (shapes, kernel sizes).
  static func tuples(_ value: Value) -> Value {
    if case .list(let list) = value { return .tuple(list.items.map(tuples)) }
    return value
  }

  static func sequential(from config: Value, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let keras3 = interpreter.kerasVersion == .keras3
    guard case .dictionary(let dict) = config, case .string(let name)? = item("name", of: dict),
      case .list(let entries)? = item("layers", of: dict)
    else {
      throw .unsupported(
        "ConvBook's from_config() makes Sequential models from the dict get_config() returns",
        at: site.range)
    }
    var elements: [Value] = []
    for entry in entries.items {
      guard case .dictionary(let layerEntry) = entry,
        case .string(let className)? = item("class_name", of: layerEntry),
        case .dictionary(let layerConfig)? = item("config", of: layerEntry)
      else {
        throw .unsupported("ConvBook's from_config() takes Keras' layer entries", at: site.range)
      }
      if className == "InputLayer" {
        let shape = item(keras3 ? "batch_shape" : "batch_input_shape", of: layerConfig) ?? .none
        var keywords: [(String, Value)] = [("batch_shape", tuples(shape))]
        if let given = item("name", of: layerConfig) { keywords.append(("name", given)) }
        elements.append(
          try Calls.call(
            .function(Callable(.inputFunction, path: "keras.Input")), positional: [],
            keywords: keywords, site: site, interpreter: interpreter))
        continue
      }
      switch className {
      case "Functional", "Model":
        elements.append(
          try FunctionalFromConfig.model(
            from: .dictionary(layerConfig), site: site, interpreter: interpreter))
      case "Sequential":
        elements.append(
          try sequential(from: .dictionary(layerConfig), site: site, interpreter: interpreter))
      default:
        elements.append(
          try layer(className, config: layerConfig, site: site, interpreter: interpreter))
      }
    }
    return try Calls.call(
      .function(Callable(.sequentialClass, path: "keras.models.Sequential")),
      positional: [.list(PythonList(elements))], keywords: [("name", .string(name))], site: site,
      interpreter: interpreter)
  }

  /// A layer made again from its class name and config (`cls.from_config(config)`).
  static func layer(
    _ className: String, config layerConfig: PythonDict, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    // A class of the script (given in custom_objects, a scope or registered): its from_config,
    // Keras' `cls(**config)` unless the class overrides it.
    let session = interpreter.session
    if let custom = CustomObjects.registered(className, session: session)
      ?? session.customNames.first(where: { $0.1.hasSuffix(">" + className) })?.0,
      case .function(let callable) = custom, case .userClass = callable.kind
    {
      let fromConfig = try Attributes.get(
        "from_config", of: custom, range: site.range, interpreter: interpreter)
      return try Calls.call(
        fromConfig, positional: [.dictionary(layerConfig)], keywords: [], site: site,
        interpreter: interpreter)
    }
    guard let canonical = LayerCatalog.canonicalName(className),
      let defaults = KerasLayerConfigs.defaults(canonical, keras3: keras3)
    else {
      throw .unsupported(
        "ConvBook does not support making a \(className) layer from its config yet",
        at: site.range)
    }
    let parameters = LayerCatalog.entries[canonical]?.signature.parameters ?? []
    var keywords: [(String, Value)] = []
    var trainable = true
    for (key, value) in layerConfig.pairs {
      guard case .string(let label) = key else { continue }
      switch label {
      case "name": keywords.append((label, value))
      case "trainable": trainable = value.isTruthy
      case "batch_input_shape" where !keras3:
        // Made by the model's own input layer, which comes first.
        continue
      case "zero_output_for_mask" where keras3:
        // What Keras 3's `Bidirectional` sets on its recurrent layers (their `return_sequences`);
        // it changes nothing ConvBook computes, and the wrapper sets it again.
        continue
      default:
        // A constructor parameter at its default, or a base setting (`dtype`) at the
        // recorded one, is left to the constructor; a required parameter is always given.
        let parameter = parameters.first { $0.name == label }
        let standard =
          parameter.map { $0.defaultValue.flatMap(LayerConfig.plainValue) }
          ?? defaults.first(where: { $0.0 == label })?.1
        if let standard, Operators.equal(tuples(standard), tuples(value)) { continue }
        keywords.append((label, try deserialized(value, site: site, interpreter: interpreter)))
      }
    }
    let made = try Calls.call(
      .function(Callable(.layerClass(canonical), path: "keras.layers." + className)),
      positional: [], keywords: keywords, site: site, interpreter: interpreter)
    if case .layer(let instance) = made { instance.trainable = trainable }
    return made
  }

  /// Whether `dict` is what `serialize` writes for one of Keras' own objects of `module`
  /// (`{'module': 'keras.initializers', 'class_name': 'HeNormal', 'config': {...}, ...}`).
  static func serializesKerasObject(_ dict: PythonDict, module: String) -> Bool {
    guard case .string(let given)? = item("module", of: dict), given == module,
      case .string(let className)? = item("class_name", of: dict),
      case .dictionary? = item("config", of: dict)
    else { return false }
    switch module {
    case "keras.initializers": return KerasModule.initializerNames.contains(className)
    case "keras.constraints": return KerasModule.constraintNames.contains(className)
    default: return ["L1", "L2", "L1L2", "OrthogonalRegularizer"].contains(className)
    }
  }

  /// A setting's value for the constructor: a serialized initializer, regularizer or constraint
  /// made again (`keras.initializers.HeNormal(**config)`), lists as tuples.
  static func deserialized(_ value: Value, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    guard case .dictionary(let dict) = value else { return tuples(value) }
    if case .string(let className)? = item("class_name", of: dict),
      case .dictionary(let config)? = item("config", of: dict),
      item("module", of: dict).map({ Operators.equal($0, .string("keras.layers")) }) ?? true,
      LayerCatalog.canonicalName(className) != nil
    {
      // A wrapper's layer (`TimeDistributed`, `Bidirectional`): made from its own config.
      return try layer(className, config: config, site: site, interpreter: interpreter)
    }
    guard case .string(let module)? = item("module", of: dict),
      ["keras.initializers", "keras.regularizers", "keras.constraints"].contains(module),
      case .string(let className)? = item("class_name", of: dict),
      case .dictionary(let config)? = item("config", of: dict)
    else {
      throw .unsupported(
        "ConvBook does not support this serialized object in a layer's config yet", at: site.range)
    }
    var keywords: [(String, Value)] = []
    for (key, item) in config.pairs {
      guard case .string(let label) = key else { continue }
      keywords.append((label, tuples(item)))
    }
    return try Calls.call(
      .function(Callable(.objectFactory(className), path: module + "." + className)),
      positional: [], keywords: keywords, site: site, interpreter: interpreter)
  }
}
