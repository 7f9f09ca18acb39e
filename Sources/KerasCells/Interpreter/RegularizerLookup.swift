/// `keras.regularizers.get`: what custom layers use to turn a `kernel_regularizer="l2"` argument
/// into a regularizer object (`self.kernel_regularizer = regularizers.get(reg)`), with each
/// Keras version's answers and errors.
enum RegularizerLookup {
  /// The names each version's `get` turns into a regularizer (Keras 3 has no `l1_l2` alias).
  private static func known(_ name: String, keras3: Bool) -> Bool {
    let shared: Set<String> = [
      "l1", "l2", "L1", "L2", "L1L2", "orthogonal_regularizer", "OrthogonalRegularizer",
    ]
    return shared.contains(name) || (!keras3 && name == "l1_l2")
  }

  static func get(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    let identifier = try ActivationLookup.identifier(
      of: "get", positional: positional, keywords: keywords, site: site)
    switch identifier {
    case .none, .kerasObject, .function, .instance:
      // None, a regularizer object or a callable comes back as it is.
      return identifier
    case .string(let name) where known(name, keras3: keras3):
      // The object is one of the class the name stands for (`l2` gives an `L2`); tf-keras'
      // `l1_l2` is `L1L2(l1=0.01, l2=0.01)`.
      let classNames = [
        "l1": "L1", "l2": "L2", "l1_l2": "L1L2", "orthogonal_regularizer": "OrthogonalRegularizer",
      ]
      let factory = classNames[name] ?? name
      let keywords: [(String, Value)] =
        name == "l1_l2" ? [("l1", .float(0.01)), ("l2", .float(0.01))] : []
      return try Calls.call(
        .function(Callable(.objectFactory(factory), path: "keras.regularizers." + factory)),
        positional: [], keywords: keywords, site: site, interpreter: interpreter)
    case .string(let name) where !keras3:
      // tf-keras hands an unknown name back as the string itself, to fail where it is used.
      throw .unsupported(
        "ConvBook's keras.regularizers.get() takes a regularizer's name or object; tf-keras returns the unknown name '\(name)' unchanged, which ConvBook does not follow",
        at: site.range)
    case .dictionary(let dict)
    where ModelConfig.serializesKerasObject(dict, module: "keras.regularizers"):
      return try ModelConfig.deserialized(identifier, site: site, interpreter: interpreter)
    case .dictionary:
      throw .unsupported(
        "ConvBook's keras.regularizers.get() takes a regularizer's name or object, not a config dict",
        at: site.range)
    default:
      throw CellError(
        type: "ValueError",
        message: "Could not interpret regularizer identifier: \(PythonText.str(identifier))",
        range: site.range)
    }
  }
}
