import CNNEngine

/// Keras' registry of custom objects: `keras.utils.get_custom_objects()` (the global dict, the
/// same object at every call: `get_custom_objects().update({'mish': mish})` registers a name) and
/// `keras.utils.custom_object_scope(dict, ...)` / `CustomObjectScope` (names visible inside a
/// `with` block). tf-keras looks a string activation up there before its own functions
/// (`Dense(4, activation='mish')` after registering `mish` computes the script's function);
/// Keras 3's `activations.get` reads only its own functions, so there the registry changes no
/// model. Measured with tf-keras 2.21 and Keras 3.15 (`Tests/Fixtures/scripts/679-*`).
enum CustomObjects {
  static let functions: Set<String> = [
    "get_custom_objects", "custom_object_scope", "get_registered_name", "get_registered_object",
  ]

  /// What `get_custom_objects()` holds before a script registers anything: tf-keras registers
  /// its optimizers and two of its own classes when it is imported; Keras 3 starts empty.
  static func initial(_ version: KerasVersion) -> PythonDict {
    guard version == .keras2 else { return PythonDict() }
    let optimizers = [
      "Adadelta", "Adafactor", "Adagrad", "Adam", "Adamax", "AdamW", "Ftrl", "Lion", "Nadam",
      "RMSprop", "SGD",
    ]
    var pairs: [(Value, Value)] = optimizers.map { name in
      (
        .string("Custom>" + name),
        .function(Callable(.objectFactory(name), path: "keras.optimizers." + name))
      )
    }
    for path in [
      "tf_keras.src.applications.inception_resnet_v2.CustomScaleLayer",
      "tf_keras.src.models.sharpness_aware_minimization.SharpnessAwareMinimization",
    ] {
      let name = String(path.split(separator: ".").last ?? "")
      pairs.append(
        (.string("Custom>" + name), .function(Callable(.unsupportedModelClass(name), path: path))))
    }
    return PythonDict(pairs)
  }

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    switch name {
    case "get_registered_name":
      // `get_registered_name(obj)`: the name it was registered under, else its `__name__`.
      guard positional.count + keywords.count == 1,
        let object = positional.first ?? keywords.first?.1
      else {
        throw CellError(
          type: "TypeError",
          message:
            "get_registered_name() takes 1 positional argument but \(positional.count + keywords.count) were given",
          range: site.range)
      }
      if let known = interpreter.session.customNames.first(where: { Operators.equal($0.0, object) })
      {
        return .string(known.1)
      }
      return try Attributes.get("__name__", of: object, range: site.range, interpreter: interpreter)
    case "get_registered_object":
      // `get_registered_object(name, custom_objects=None, module_objects=None)`.
      let parameters = ["name", "custom_objects", "module_objects"]
      var given = Dictionary(uniqueKeysWithValues: zip(parameters, positional))
      for (label, value) in keywords where parameters.contains(label) { given[label] = value }
      guard case .string(let key)? = given["name"], positional.count <= 3,
        keywords.allSatisfy({ parameters.contains($0.0) })
      else {
        throw .unsupported(
          "ConvBook's get_registered_object() takes a name and optional dicts", at: site.range)
      }
      if let found = registered(key, session: interpreter.session) { return found }
      for label in ["custom_objects", "module_objects"] {
        if case .dictionary(let dict)? = given[label], let found = dict.value(for: .string(key)) {
          return found
        }
      }
      return .none
    case "get_custom_objects":
      guard positional.isEmpty, keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message:
            "get_custom_objects() takes 0 positional arguments but \(positional.count + keywords.count) were given",
          range: site.range)
      }
      return .dictionary(interpreter.session.customObjects)
    default:
      // `custom_object_scope(*args)`: each argument a dict (or None), merged when entered.
      if let (label, _) = keywords.first {
        throw CellError(
          type: "TypeError",
          message: "CustomObjectScope.__init__() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      var dicts: [PythonDict] = []
      for argument in positional {
        switch argument {
        case .dictionary(let dict): dicts.append(dict)
        case .none: continue
        default:
          throw .unsupported(
            "ConvBook's custom_object_scope() takes dicts of names and objects, not \(argument.typeName)",
            at: site.range)
        }
      }
      return .standard(Scope(dicts: dicts))
    }
  }

  /// What a name is registered as: the innermost `custom_object_scope` first, then the global
  /// dict (tf-keras' `get_registered_object` order); nil for a name no one registered.
  static func registered(_ name: String, session: KerasSession) -> Value? {
    for scope in session.customObjectScopes.reversed() {
      for dict in scope.dicts.reversed() {
        if let value = dict.value(for: .string(name)) { return value }
      }
    }
    return session.customObjects.value(for: .string(name))
  }

  /// The name of a string activation that tf-keras finds registered as a layer object.
  static func registeredActivationLayer(_ value: Value?, interpreter: Interpreter) -> String? {
    guard interpreter.kerasVersion == .keras2, case .string(let name)? = value,
      let registered = registered(name, session: interpreter.session)
    else { return nil }
    switch registered {
    case .layer: return name
    case .instance(let object) where object.layerState != nil: return name
    default: return nil
    }
  }

  /// tf-keras' lookup of a string activation (`activation='mish'`): the registered object when it
  /// is a function of the script (which then runs as the layer's activation), the string
  /// otherwise; a registered object of another kind is ConvBook's limitation.
  static func activation(_ value: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    guard interpreter.kerasVersion == .keras2, case .string(let name) = value,
      let registered = registered(name, session: interpreter.session)
    else { return value }
    // An `Activation` layer registered under a name (`{'Mish': Mish(mish)}`, a subclass made
    // with the script's function): its function is what the name computes.
    var layer: LayerInstance?
    switch registered {
    case .layer(let instance): layer = instance
    case .instance(let object): layer = object.layerState?.layer
    default: break
    }
    if let instance = layer, instance.layer.className == "Activation" {
      if let function = interpreter.session.activationFunctions[ObjectIdentifier(instance)] {
        return function
      }
      if case .string(let name) = instance.layer.common.arguments["activation"] {
        return .string(name)
      }
    }
    guard CustomActivations.isScriptFunction(registered) else {
      throw .unsupported(
        "ConvBook does not support the registered custom object '\(name)' (\(registered.typeName)) as an activation yet; register a function",
        at: range)
    }
    return registered
  }

  /// `@register_keras_serializable(package='Custom', name=None)` on a class or function: registered
  /// as `package>name` (the object's `__name__` by default); tf-keras refuses a name or an object
  /// registered twice.
  static func register(
    _ object: Value, keywords: [(String, Value)], range: SourceRange, interpreter: Interpreter
  ) throws(CellError) {
    let session = interpreter.session
    var package = "Custom"
    var name: String?
    for (label, value) in keywords {
      switch (label, value) {
      case ("package", .string(let text)): package = text
      case ("name", .string(let text)): name = text
      case ("name", .none): continue
      default:
        throw .unsupported(
          "ConvBook's register_keras_serializable() takes a package and a name as strings",
          at: range)
      }
    }
    let objectName: String
    if let name {
      objectName = name
    } else {
      guard
        case .string(let text) = try Attributes.get(
          "__name__", of: object, range: range, interpreter: interpreter)
      else { return }
      objectName = text
    }
    let key = package + ">" + objectName
    if interpreter.kerasVersion == .keras2 {
      if let existing = session.customObjects.value(for: .string(key)) {
        throw CellError(
          type: "ValueError",
          message: "\(key) has already been registered to \(PythonText.repr(existing))",
          range: range)
      }
      if let existing = session.customNames.first(where: { Operators.equal($0.0, object) }) {
        throw CellError(
          type: "ValueError",
          message: "\(PythonText.repr(object)) has already been registered to \(existing.1)",
          range: range)
      }
    }
    session.customObjects.set(.string(key), object)
    session.customNames.append((object, key))
  }

  /// `custom_object_scope(...)`'s object: `with` makes its names visible inside the block.
  final class Scope: StandardObject {
    let dicts: [PythonDict]
    init(dicts: [PythonDict]) { self.dicts = dicts }
    override var typeName: String { "CustomObjectScope" }
  }
}
