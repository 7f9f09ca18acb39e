/// `keras.constraints.get`: what custom layers use to turn a `W_constraint=None` / `"max_norm"`
/// argument into a constraint object (`self.W_constraint = constraints.get(W_constraint)`, in the
/// attention layers of many text models), as `RegularizerLookup` does for regularizers.
enum ConstraintLookup {
  static func get(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let identifier = try ActivationLookup.identifier(
      of: "get", positional: positional, keywords: keywords, site: site)
    switch identifier {
    case .none, .kerasObject, .function, .instance:
      // None, a constraint object or a callable comes back as it is.
      return identifier
    case .string(let name) where KerasModule.constraintNames.contains(name):
      // The object is one of the class the name stands for (`max_norm` gives a `MaxNorm`).
      let classNames = [
        "max_norm": "MaxNorm", "min_max_norm": "MinMaxNorm", "non_neg": "NonNeg",
        "unit_norm": "UnitNorm",
      ]
      let factory = classNames[name] ?? name
      return try Calls.call(
        .function(Callable(.objectFactory(factory), path: "keras.constraints." + factory)),
        positional: [], keywords: [], site: site, interpreter: interpreter)
    default:
      throw .unsupported(
        "ConvBook's keras.constraints.get() takes None, a constraint's name or a constraint object, not \(PythonText.repr(identifier))",
        at: site.range)
    }
  }
}
