/// `keras.initializers.get`: what custom layers use to turn a `kernel_initializer="he_normal"`
/// argument into an initializer object (`self.kernel_initializer = initializers.get(init)`),
/// with each Keras version's answers and errors.
enum InitializerLookup {
  /// The short names both Keras versions also accept (`initializers.get("uniform")` is a
  /// `RandomUniform`).
  private static let aliases: [String: String] = [
    "uniform": "RandomUniform", "normal": "RandomNormal", "one": "Ones", "zero": "Zeros",
  ]

  /// The class an initializer's name stands for (`he_normal` is `HeNormal`, `uniform`
  /// `RandomUniform`), or nil for a name neither Keras knows.
  static func className(_ name: String) -> String? {
    guard KerasModule.initializerNames.contains(name) || aliases[name] != nil else { return nil }
    return aliases[name]
      ?? name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  static func get(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    let identifier = try ActivationLookup.identifier(
      of: "get", positional: positional, keywords: keywords, site: site)
    switch identifier {
    case .none, .kerasObject, .function, .instance:
      // None, an initializer object or a callable comes back as it is.
      return identifier
    case .string(let name) where Self.className(name) != nil:
      // `he_normal` names the class `HeNormal`: the object is one of it.
      let className = Self.className(name) ?? name
      return try Calls.call(
        .function(Callable(.objectFactory(className), path: "keras.initializers." + className)),
        positional: [], keywords: [], site: site, interpreter: interpreter)
    case .string(let name) where !keras3:
      throw CellError(
        type: "ValueError",
        message:
          "Unknown initializer: '\(name)'. Please ensure you are using a `keras.utils.custom_object_scope` and that this object is included in the scope. See https://www.tensorflow.org/guide/keras/save_and_serialize#registering_the_custom_object for details.",
        range: site.range)
    case .dictionary(let dict)
    where ModelConfig.serializesKerasObject(dict, module: "keras.initializers"):
      // What `serialize` wrote: the object made again from its config.
      return try ModelConfig.deserialized(identifier, site: site, interpreter: interpreter)
    case .dictionary:
      throw .unsupported(
        "ConvBook's keras.initializers.get() takes an initializer's name, object or serialized dict of Keras' own classes, not this config dict",
        at: site.range)
    default:
      throw CellError(
        type: "ValueError",
        message: "Could not interpret initializer identifier: \(PythonText.str(identifier))",
        range: site.range)
    }
  }
}
