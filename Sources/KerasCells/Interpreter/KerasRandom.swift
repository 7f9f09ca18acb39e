import CNNEngine

/// Keras 3's `keras.random.SeedGenerator(seed=None, name=None)`: the object a layer keeps and hands
/// to `keras.random.normal(..., seed=generator)`. Keras' numbers come from TensorFlow's generators,
/// which ConvBook does not reproduce: a draw given a generator takes the session's seed as an
/// unseeded draw does, so the generator holds only its arguments. Its state variable is not one
/// of the layer's weights (a layer keeping one counts no more parameters).
enum KerasRandom {
  static let seedGeneratorType = "SeedGenerator"

  static func seedGenerator(
    positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: ["seed", "name"], function: "SeedGenerator",
      range: site.range)
    var stored: [(String, ArgumentValue)] = []
    switch arguments["seed"] {
    case nil, .none?: break
    case .int(let seed)?: stored.append(("seed", .int(seed)))
    case .bool(let flag)?: stored.append(("seed", .int(flag ? 1 : 0)))
    case let other?:
      throw CellError(
        type: "ValueError",
        message: "Argument `seed` must be an integer. Received: seed=\(PythonText.str(other))",
        range: site.range)
    }
    if case .string(let name)? = arguments["name"] { stored.append(("name", .string(name))) }
    return .kerasObject(KerasObject(typeName: seedGeneratorType, arguments: stored))
  }

  /// Whether `value` is a `SeedGenerator` (a `seed=` ConvBook draws from the session's seed for).
  static func isSeedGenerator(_ value: Value?) -> Bool {
    if case .kerasObject(let object)? = value { return object.typeName == seedGeneratorType }
    return false
  }
}
