/// `keras.constraints.get`: what custom layers use to turn a `kernel_constraint=` argument into a
/// constraint object (`self.gamma_constraint = constraints.get(gamma_constraint)`), as
/// `RegularizerLookup` does for regularizers.
enum ConstraintLookup {
  /// The classes both versions' `get` makes from a name, by class name or snake-case alias.
  private static let classNames: [String: String] = [
    "max_norm": "MaxNorm", "min_max_norm": "MinMaxNorm", "non_neg": "NonNeg",
    "unit_norm": "UnitNorm", "MaxNorm": "MaxNorm", "MinMaxNorm": "MinMaxNorm", "NonNeg": "NonNeg",
    "UnitNorm": "UnitNorm",
  ]

  static func get(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let identifier = try ActivationLookup.identifier(
      of: "get", positional: positional, keywords: keywords, site: site)
    switch identifier {
    case .none, .kerasObject, .function, .instance:
      // None, a constraint object or a callable comes back as it is.
      return identifier
    case .string(let name) where classNames[name] != nil:
      let factory = classNames[name] ?? name
      return try Calls.call(
        .function(Callable(.objectFactory(factory), path: "keras.constraints." + factory)),
        positional: [], keywords: [], site: site, interpreter: interpreter)
    case .dictionary(let dict)
    where ModelConfig.serializesKerasObject(dict, module: "keras.constraints"):
      return try ModelConfig.deserialized(identifier, site: site, interpreter: interpreter)
    default:
      throw .unsupported(
        "ConvBook's keras.constraints.get() takes None, a constraint's name or object; not \(PythonText.repr(identifier))",
        at: site.range)
    }
  }
}
