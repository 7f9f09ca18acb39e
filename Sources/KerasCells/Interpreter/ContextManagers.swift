import CNNEngine

/// TensorFlow's and Keras' functions that model code wraps its definitions in: device and name
/// scopes, distribution strategies, custom-object scopes, `tf.function` and the serialization
/// registry. None of them changes a model's layers, names, shapes or parameters (ConvBook runs
/// on one device, eagerly), so they are accepted and do nothing.
enum ContextManagers {
  /// What each function is, as `tf.NAME`, `tf.distribute.NAME`, `keras.utils.NAME` or
  /// `keras.saving.NAME` reaches it.
  static let functions: [String: String] = [
    "tensorflow.device": "tf.device", "tensorflow.name_scope": "tf.name_scope",
    "keras.backend.name_scope": "tf.name_scope",
    "tensorflow.function": "tf.function",
    "tensorflow.distribute.MirroredStrategy": "tf.distribute.MirroredStrategy",
    "tensorflow.distribute.OneDeviceStrategy": "tf.distribute.OneDeviceStrategy",
    "tensorflow.distribute.get_strategy": "tf.distribute.get_strategy",
    "keras.utils.register_keras_serializable": "keras.utils.register_keras_serializable",
    "keras.saving.register_keras_serializable": "keras.utils.register_keras_serializable",
    "numpy.errstate": "numpy.errstate",
  ]

  /// `module.name` for the names above; nil for others.
  static func attribute(_ name: String, module: String) -> Value? {
    if module == "tensorflow" && name == "distribute" {
      return .module(.inert("tensorflow.distribute"))
    }
    if module == "keras.utils" || module == "keras.saving" {
      let registry = name == "CustomObjectScope" ? "custom_object_scope" : name
      if CustomObjects.functions.contains(registry)
        || KerasSerialization.functions.contains("keras.utils." + name)
      {
        return .function(Callable(.builtin("keras.utils." + registry), path: module + "." + name))
      }
    }
    guard let function = functions[module + "." + name] else { return nil }
    return .function(Callable(.classSupport(function), path: function))
  }

  /// The context managers' types, as `type(x).__name__` gives them.
  static let managerTypes: Set<String> = [
    "_EagerDeviceContext", "name_scope_v2", "_CurrentDistributionContext", "errstate",
  ]
  static let strategyTypes: Set<String> = [
    "MirroredStrategy", "OneDeviceStrategy", "_DefaultDistributionStrategy",
  ]

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    func object(_ typeName: String) -> Value { .kerasObject(KerasObject(typeName: typeName)) }
    switch name {
    case "tf.function":
      // `@tf.function` and `@tf.function(jit_compile=True)`: the function runs eagerly, as it is.
      if let function = positional.first {
        return .function(
          Callable(
            .descriptor(MethodDescriptor(kind: .tfFunction, function: function)), path: name))
      }
      return .function(Callable(.classSupport(name), path: name))
    case "keras.utils.register_keras_serializable":
      // The decorator keeps the package and name it registers the class or function under.
      let decorator = Value.function(Callable(.classSupport("registered"), path: name))
      let parameters = ["package", "name"]
      guard positional.count <= parameters.count else {
        throw CellError(
          type: "TypeError",
          message:
            "register_keras_serializable() takes from 0 to 2 positional arguments but \(positional.count) were given",
          range: range)
      }
      var given = Array(zip(parameters, positional))
      for (label, value) in keywords {
        guard parameters.contains(label) else {
          throw CellError(
            type: "TypeError",
            message: "register_keras_serializable() got an unexpected keyword argument '\(label)'",
            range: range)
        }
        given.append((label, value))
      }
      return .function(
        Callable(
          .partial(Callable.PartialApplication(callee: decorator, positional: [], keywords: given)),
          path: name))
    case "registered":
      guard positional.count == 1 else {
        throw CellError(
          type: "TypeError",
          message: "decorator() takes 1 positional argument but \(positional.count) were given",
          range: range)
      }
      // Keras serializes a class through its config: its own `get_config` or one it inherits
      // from a Keras base (every one but `Callback` has it).
      if case .function(let callable) = positional[0], case .userClass(let type) = callable.kind,
        type.lookup("get_config") == nil, type.kerasBase == nil, type.kerasLayerClass == nil,
        type.kerasClassBase == nil || type.kerasClassBase == .callback
      {
        throw CellError(
          type: "ValueError",
          message: "Cannot register a class that does not have a get_config() method.",
          range: range)
      }
      try CustomObjects.register(
        positional[0], keywords: keywords, range: range, interpreter: interpreter)
      return positional[0]
    case "tf.device":
      guard positional.count == 1, case .string = positional[0] else {
        throw .unsupported("ConvBook supports tf.device('/CPU:0') with a device name", at: range)
      }
      return object("_EagerDeviceContext")
    case "tf.name_scope":
      guard positional.count == 1, case .string(let scope) = positional[0] else {
        throw .unsupported("ConvBook supports tf.name_scope('name') with a name", at: range)
      }
      return .kerasObject(
        KerasObject(typeName: "name_scope_v2", arguments: [("name", .string(scope))]))
    case "tf.distribute.MirroredStrategy": return object("MirroredStrategy")
    case "tf.distribute.OneDeviceStrategy":
      // `OneDeviceStrategy(device)`: the device names where variables go, which ConvBook does not
      // model (TensorFlow does not check it until something runs there).
      let given = positional + keywords.filter { $0.0 == "device" }.map(\.1)
      if let unexpected = keywords.first(where: { $0.0 != "device" }) {
        throw CellError(
          type: "TypeError",
          message:
            "OneDeviceStrategy.__init__() got an unexpected keyword argument '\(unexpected.0)'",
          range: range)
      }
      guard !given.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: "OneDeviceStrategy.__init__() missing 1 required positional argument: 'device'",
          range: range)
      }
      guard given.count == 1 else {
        throw CellError(
          type: "TypeError",
          message: positional.count > 1
            ? "OneDeviceStrategy.__init__() takes 2 positional arguments but \(positional.count + 1) were given"
            : "OneDeviceStrategy.__init__() got multiple values for argument 'device'",
          range: range)
      }
      guard case .string = given[0] else {
        throw .unsupported(
          "ConvBook supports tf.distribute.OneDeviceStrategy with a device name ('/cpu:0')",
          at: range)
      }
      return object("OneDeviceStrategy")
    case "tf.distribute.get_strategy": return object("_DefaultDistributionStrategy")
    case "numpy.errstate":
      // NumPy's floating-point warnings go to standard error, which ConvBook does not print for
      // NumPy: "ignore" and "warn" change nothing on standard output. "raise" would make errors.
      let names = ["all", "divide", "over", "under", "invalid"]
      for (label, value) in keywords {
        guard names.contains(label) else {
          throw .unsupported(
            "ConvBook does not support `numpy.errstate` with `\(label)=` yet", at: range)
        }
        let quiet: Bool
        switch value {
        case .none, .string("ignore"), .string("warn"): quiet = true
        default: quiet = false
        }
        guard quiet else {
          throw .unsupported(
            "ConvBook supports `numpy.errstate` with \"ignore\" or \"warn\" only, not \(PythonText.repr(value))",
            at: range)
        }
      }
      guard positional.isEmpty else {
        throw .unsupported(
          "ConvBook supports `numpy.errstate` with keyword arguments only", at: range)
      }
      return object("errstate")
    default:
      throw CellError(type: "NameError", message: "name '\(name)' is not defined", range: range)
    }
  }

  /// What `with manager as x` binds for TensorFlow's and Keras' managers; nil for a value that is
  /// not one.
  static func enter(_ manager: Value, range: SourceRange) throws(CellError) -> Value? {
    guard case .kerasObject(let object) = manager, managerTypes.contains(object.typeName) else {
      return nil
    }
    switch object.typeName {
    case "name_scope_v2":
      // The scope's name with a slash, as TensorFlow's eager `name_scope` enters.
      guard case .string(let name)? = object.arguments.first?.1 else { return Value.none }
      return .string(name + "/")
    default: return Value.none
    }
  }

  /// `strategy.scope` and `strategy.num_replicas_in_sync` (one device: ConvBook's).
  static func attribute(_ name: String, of object: KerasObject) -> Value? {
    guard strategyTypes.contains(object.typeName) else { return nil }
    switch name {
    case "scope": return .method(receiver: .kerasObject(object), name: name)
    case "num_replicas_in_sync": return .int(1)
    default: return nil
    }
  }

  static func method(_ name: String, of object: KerasObject, positional: [Value], site: CallSite)
    throws(CellError) -> Value?
  {
    guard strategyTypes.contains(object.typeName), name == "scope" else { return nil }
    return .kerasObject(KerasObject(typeName: "_CurrentDistributionContext"))
  }
}
