import CNNEngine

/// `keras.layers.serialize` / `deserialize` and `keras.utils.serialize_keras_object` /
/// `deserialize_keras_object` (also under `keras.saving`): a Keras object as the dict both
/// Kerases write, `{'module': ..., 'class_name': ..., 'config': ..., 'registered_name': None}`
/// (a built layer adds its `build_config`), and an object made again from one. The dicts are the
/// ones `get_config()` and the models' configs use (`FunctionalConfig.entry`, `LayerConfig`,
/// `OptimizerConfig`); what they do not cover is ConvBook's limitation.
enum KerasSerialization {
  static let functions: Set<String> = [
    "keras.layers.serialize", "keras.layers.deserialize", "keras.utils.serialize_keras_object",
    "keras.utils.deserialize_keras_object", "keras.initializers.serialize",
    "keras.regularizers.serialize", "keras.constraints.serialize",
    "keras.initializers.deserialize", "keras.regularizers.deserialize",
    "keras.constraints.deserialize",
  ]

  /// `keras.initializers.serialize` / `deserialize` and their kin: the kind of object each
  /// handles, by module.
  private static let objectKinds: [String: LayerConfig.ObjectKind] = [
    "keras.initializers": .initializer, "keras.regularizers": .regularizer,
    "keras.constraints": .constraint,
  ]

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let function = String(name.split(separator: ".").last ?? "")
    let module = String(name.dropLast(function.count + 1))
    let kind = objectKinds[module]
    if kind != nil, function == "deserialize" {
      // `initializers.deserialize(config, custom_objects=None)`: what `serialize` wrote.
      guard let value = positional.first ?? keywords.first(where: { $0.0 == "config" })?.1,
        case .dictionary(let dict) = value,
        ModelConfig.serializesKerasObject(dict, module: module)
      else {
        throw .unsupported(
          "ConvBook's \(name)() makes Keras' own objects from the dicts serialize() returns",
          at: site.range)
      }
      return try ModelConfig.deserialized(value, site: site, interpreter: interpreter)
    }
    let parameter =
      kind.map { String(describing: $0) } ?? (function.hasPrefix("serialize") ? "layer" : "config")
    if let kind {
      if let (label, _) = keywords.first(where: { $0.0 != parameter }) {
        throw .unsupported(
          "ConvBook does not support the argument `\(label)` of \(name)() yet", at: site.range)
      }
      guard positional.count + keywords.count == 1,
        let value = positional.first ?? keywords.first?.1
      else {
        throw CellError(
          type: "TypeError",
          message: positional.isEmpty
            ? "serialize() missing 1 required positional argument: '\(parameter)'"
            : "serialize() takes 1 positional argument but \(positional.count) were given",
          range: site.range)
      }
      return try serializedObject(
        value, kind: kind, function: name, site: site, interpreter: interpreter)
    }
    guard
      let value = positional.first
        ?? keywords.first(where: { !["custom_objects", "safe_mode"].contains($0.0) })?.1
    else {
      throw CellError(
        type: "TypeError",
        message: "\(function)() missing 1 required positional argument: '\(parameter)'",
        range: site.range)
    }
    if function.hasPrefix("serialize") {
      return try serialized(value, function: name, interpreter: interpreter, range: site.range)
    }
    return try deserialized(value, function: name, site: site, interpreter: interpreter)
  }

  private static func serialized(
    _ value: Value, function: String, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    switch value {
    case .layer(let instance) where instance.model == nil:
      let entry = try FunctionalConfig.entry(of: instance, interpreter: interpreter, range: range)
      return .dictionary(PythonDict(entry))
    case .kerasObject(let object) where function.hasSuffix("serialize_keras_object"):
      if OptimizerConfig.isOptimizer(object, keras3: keras3) {
        return try OptimizerConfig.serialized(object, interpreter: interpreter, range: range)
      }
      for kind in [LayerConfig.ObjectKind.initializer, .regularizer, .constraint] {
        if let dict = LayerConfig.serialized(.object(object), kind: kind, keras3: keras3) {
          return dict
        }
      }
    case .none: return .none
    default: break
    }
    throw .unsupported(
      "ConvBook's \(function)() serializes layers\(function.hasSuffix("object") ? ", optimizers, initializers, regularizers and constraints" : ""), not \(value.typeName)",
      at: range)
  }

  /// `keras.initializers.serialize(obj)` (regularizers, constraints): the dict a layer's config
  /// holds for the object; a script's own subclass is `{'module': None, 'class_name': ...,
  /// 'config': obj.get_config(), 'registered_name': ...}`, as both Kerases write it.
  private static func serializedObject(
    _ value: Value, kind: LayerConfig.ObjectKind, function: String, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    switch value {
    case .none: return .none
    case .kerasObject(let object):
      if let dict = LayerConfig.serialized(.object(object), kind: kind, keras3: keras3) {
        return dict
      }
    case .instance(let instance)
    where instance.type.kerasClassBase != nil
      && !interpreter.session.customNames.contains(where: {
        if case .function(let callable) = $0.0, case .userClass(let type) = callable.kind {
          return type === instance.type
        }
        return false
      }):
      let method = try Attributes.get(
        "get_config", of: value, range: site.range, interpreter: interpreter)
      let config = try Calls.call(
        method, positional: [], keywords: [], site: site, interpreter: interpreter)
      let name = Value.string(instance.type.name)
      return .dictionary(
        PythonDict([
          (.string("module"), .none), (.string("class_name"), name), (.string("config"), config),
          (.string("registered_name"), name),
        ]))
    default: break
    }
    throw .unsupported(
      "ConvBook's \(function)() serializes Keras' own \(kind)s and None, not \(PythonText.repr(value))",
      at: site.range)
  }

  private static func deserialized(
    _ value: Value, function: String, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    guard case .dictionary(let dict) = value,
      case .string(let className)? = ModelConfig.item("class_name", of: dict),
      case .dictionary(let config)? = ModelConfig.item("config", of: dict)
    else {
      throw .unsupported(
        "ConvBook's \(function)() makes objects from the dicts serialize() returns", at: site.range)
    }
    if keras3, ModelConfig.item("module", of: dict) == nil,
      LayerCatalog.canonicalName(className) != nil
    {
      // Keras 3 looks a built-in class up by its module; without one it finds nothing.
      throw CellError(
        type: "TypeError",
        message:
          "Could not locate class '\(className)'. Make sure custom classes and functions are decorated with `@keras.saving.register_keras_serializable()`. If they are already decorated, make sure they are all imported so that the decorator is run before trying to load them. Full object config: \(PythonText.repr(value))",
        range: site.range)
    }
    if case .string(let module)? = ModelConfig.item("module", of: dict),
      ["keras.initializers", "keras.regularizers", "keras.constraints"].contains(module)
    {
      // `keras.regularizers.L1(**config)`, as a layer's config makes its objects again.
      return try ModelConfig.deserialized(value, site: site, interpreter: interpreter)
    }
    switch className {
    case "Sequential":
      return try ModelConfig.sequential(
        from: .dictionary(config), site: site, interpreter: interpreter)
    case "Functional", "Model":
      return try FunctionalFromConfig.model(
        from: .dictionary(config), site: site, interpreter: interpreter)
    default:
      if LayerCatalog.canonicalName(className) != nil {
        return try ModelConfig.layer(
          className, config: config, site: site, interpreter: interpreter)
      }
      if function.hasSuffix("deserialize_keras_object"),
        CompiledModelAttributes.optimizerClasses.values.contains(className)
      {
        return try OptimizerConfig.lookup(
          "deserialize", positional: [value], keywords: [], site: site, interpreter: interpreter)
      }
      throw .unsupported(
        "ConvBook does not support making a \(className) from its config with \(function)() yet",
        at: site.range)
    }
  }
}
