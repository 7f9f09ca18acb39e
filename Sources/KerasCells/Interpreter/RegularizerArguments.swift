import CNNEngine

/// What each Keras checks when a regularizer is made (`keras.regularizers.l2(-1.0)`), on the line
/// that makes it: the arguments bound as Python binds them, then tf-keras'
/// `_check_penalty_number` (a number, not infinite or NaN) or Keras 3's `validate_float_arg`
/// (also not negative), then `OrthogonalRegularizer`'s `mode`. tf-keras' `L1` and `L2` keep the
/// old `l=` keyword in their `**kwargs` and refuse any other.
///
/// What the object keeps are its arguments by name, a None left out (the class's default stands
/// for it); Keras 3's `l1_l2` is the class `L1L2` (defaults 0), tf-keras' a function (0.01).
enum RegularizerArguments {
  private struct Constructor {
    /// The name Python's messages give the function.
    let function: String
    let signature: ParameterBinding
    /// Whether it is a class (`self` counts among the positional arguments).
    let isClass: Bool
    /// The value a parameter given as None (or not given) stands for.
    let defaults: [String: Double]
  }

  private static func constructor(_ name: String, version: KerasVersion) -> Constructor? {
    let keras3 = version == .keras3
    switch name {
    case "l1", "L1", "l2", "L2":
      let parameter = name.lowercased()
      return Constructor(
        function: "\(name.uppercased()).__init__()",
        signature: ParameterBinding([parameter], keepsKeywords: !keras3), isClass: true,
        defaults: [parameter: 0.01])
    case "L1L2":
      return Constructor(
        function: "L1L2.__init__()", signature: ParameterBinding(["l1", "l2"]), isClass: true,
        defaults: ["l1": 0, "l2": 0])
    case "l1_l2" where keras3:
      // Keras 3's `l1_l2` is the class `L1L2` itself.
      return constructor("L1L2", version: version)
    case "l1_l2":
      return Constructor(
        function: "l1_l2()", signature: ParameterBinding(["l1", "l2"]), isClass: false,
        defaults: ["l1": 0.01, "l2": 0.01])
    case "OrthogonalRegularizer":
      return Constructor(
        function: "OrthogonalRegularizer.__init__()",
        signature: ParameterBinding(["factor", "mode"]), isClass: true, defaults: ["factor": 0.01])
    default: return nil
    }
  }

  static func bind(
    _ name: String, positional: [Value], keywords: [(String, Value)], version: KerasVersion,
    range: SourceRange
  ) throws(CellError) -> (name: String, keywords: [(String, Value)])? {
    guard let constructor = constructor(name, version: version) else { return nil }
    let parameters = constructor.signature.parameters
    try constructor.signature.bind(
      function: constructor.function, method: constructor.isClass, positional: positional.count,
      keywords: keywords.map(\.0), range: range)
    var bound: [String: Value] = [:]
    for (index, value) in positional.enumerated() { bound[parameters[index]] = value }
    var extra: [(String, Value)] = []
    for (label, value) in keywords {
      if parameters.contains(label) { bound[label] = value } else { extra.append((label, value)) }
    }
    if let index = extra.firstIndex(where: { $0.0 == "l" }) {
      // tf-keras: `l2 = kwargs.pop("l", l2)`, for backward compatibility.
      bound[parameters[0]] = extra.remove(at: index).1
    }
    if !extra.isEmpty {
      let items = extra.map { "'\($0.0)': \(PythonText.repr($0.1))" }
      throw CellError(
        type: "TypeError",
        message: "Argument(s) not recognized: {\(items.joined(separator: ", "))}", range: range)
    }
    for parameter in parameters where constructor.defaults[parameter] != nil {
      guard let value = bound[parameter] else { continue }
      let number: Double?
      switch value {
      case .none:
        // tf-keras' `l1_l2(l1=None)` hands None on to `L1L2`, whose default is 0.
        bound[parameter] = constructor.isClass ? nil : .float(0)
        continue
      // NumPy's float64 is a Python float; its other scalars are no `int` or `float`.
      case .standard(let scalar as NumPyScalar) where scalar.dtype != .float64: number = nil
      case .array: continue
      default:
        number = try Operators.Number(value)?.double(range)
        switch value {
        case .int, .bigInt, .float: break
        // Both Kerases keep the factor as a float (`float(True)` is 1.0).
        default: bound[parameter] = number.map(Value.float)
        }
      }
      let shown = PythonText.str(value)
      if version == .keras3 {
        if let number, number.isFinite, number >= 0 { continue }
        throw CellError(
          type: "ValueError",
          message:
            "Invalid value for argument \(parameter): expected a non-negative float.Received: \(parameter)=\(shown)",
          range: range)
      }
      guard let number else {
        throw CellError(
          type: "ValueError",
          message:
            "Value \(shown) is not a valid regularization penalty number, expected an int or float value.",
          range: range)
      }
      if !number.isFinite {
        throw CellError(
          type: "ValueError",
          message:
            "Value \(shown) is not a valid regularization penalty number, an infinite number or NaN are not valid values.",
          range: range)
      }
    }
    if let mode = bound["mode"] {
      var valid = false
      if case .string(let text) = mode { valid = text == "rows" || text == "columns" }
      if !valid {
        throw CellError(
          type: "ValueError",
          message:
            "Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. Received: mode=\(PythonText.str(mode))",
          range: range)
      }
    }
    let className = version == .keras3 && name == "l1_l2" ? "L1L2" : name
    return (
      className, parameters.compactMap { parameter in bound[parameter].map { (parameter, $0) } }
    )
  }
}
