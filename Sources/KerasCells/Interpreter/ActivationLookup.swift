import CNNEngine

/// `keras.activations.get`, `serialize` and `deserialize`: the lookups custom layers use to turn
/// an `activation="relu"` argument into the function they call (`self.activation =
/// keras.activations.get(activation)`), with each Keras version's answers and errors.
enum ActivationLookup {
  static let functions: Set<String> = ["get", "serialize", "deserialize"]

  /// The one argument of a Keras `get` / `serialize` / `deserialize` lookup (activations,
  /// initializers, regularizers), given by position or by keyword, with Python's TypeError
  /// otherwise.
  static func identifier(
    of function: String, positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    guard positional.count + keywords.count == 1,
      let identifier = positional.first ?? keywords.first.map({ $0.1 })
    else {
      throw CellError(
        type: "TypeError",
        message:
          "\(function)() takes 1 positional argument but \(positional.count + keywords.count) were given",
        range: site.range)
    }
    return identifier
  }

  static func call(
    _ name: String, path: String, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    let identifier = try ActivationLookup.identifier(
      of: name, positional: positional, keywords: keywords, site: site)
    switch name {
    case "serialize":
      if case .function(let callable) = identifier, let function = callable.userFunction {
        // A script's function: its name, or the config dict of a function Keras does not know.
        return CustomActivations.serialized(function.name, keras3: keras3)
      }
      if let serialized = TensorFlowFunctionNames.serializedActivation(identifier, keras3: keras3) {
        return serialized
      }
      guard case .function(let callable) = identifier,
        case .activation(let activation) = callable.kind
      else {
        throw .unsupported(
          "ConvBook's keras.activations.serialize() takes an activation function, not \(identifier.typeName)",
          at: site.range)
      }
      return .string(publicName(activation, keras3: keras3))
    default:
      switch identifier {
      case .none where name == "get":
        return function("linear", keras3: keras3)
      case .function(let callable) where name == "get":
        // A callable is returned as it is (an activation function or the cell's own).
        _ = callable
        return identifier
      case .string(let given)
      where !keras3 && CustomObjects.registered(given, session: interpreter.session) != nil:
        // tf-keras reads the registered custom objects before its own functions.
        return CustomObjects.registered(given, session: interpreter.session) ?? identifier
      case .string(let given):
        let canonical = given == "silu" ? "swish" : given
        guard KerasModule.activationNames.contains(given),
          ActivationFunction(kerasName: canonical, keras3: keras3) != nil
        else {
          if keras3 {
            throw CellError(
              type: "ValueError",
              message: "Could not interpret activation function identifier: \(given)",
              range: site.range)
          }
          if LayerArguments.tfKerasActivationLayers.contains(given) {
            throw .unsupported(LayerArguments.activationLayerRefusal(given), at: site.range)
          }
          throw CellError(
            type: "ValueError",
            message: "Unknown activation function '\(given)' cannot be deserialized.",
            range: site.range)
        }
        return function(canonical, keras3: keras3)
      default:
        if name == "get" {
          throw CellError(
            type: keras3 ? "ValueError" : "TypeError",
            message:
              "Could not interpret activation function identifier: \(PythonText.str(identifier))",
            range: site.range)
        }
        throw .unsupported(
          "ConvBook's keras.activations.deserialize() takes an activation's name, not \(identifier.typeName)",
          at: site.range)
      }
    }
  }

  /// The function `keras.activations.NAME` is, named as the version names it (`silu` in Keras 3,
  /// `swish` in tf-keras).
  static func function(_ canonical: String, keras3: Bool) -> Value {
    .function(
      Callable(
        .activation(canonical), path: "keras.activations." + publicName(canonical, keras3: keras3)))
  }

  /// The name each Keras serializes an activation under (Keras 3's `swish` is `silu`, tf-keras'
  /// `silu` is `swish`).
  static func publicName(_ canonical: String, keras3: Bool) -> String {
    keras3 && canonical == "swish" ? "silu" : (!keras3 && canonical == "silu" ? "swish" : canonical)
  }
}
