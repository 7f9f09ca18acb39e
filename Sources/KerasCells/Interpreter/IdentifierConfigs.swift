import CNNEngine

/// A layer's initializer, regularizer or constraint given as a Keras config dict
/// (`kernel_initializer={'class_name': 'VarianceScaling', 'config': {'scale': 2.0}}`, as
/// keras.applications' EfficientNet and ResNeXt write them): Keras' `initializers.get` (and
/// `regularizers.get`, `constraints.get`) deserializes it into the object that
/// `keras.initializers.VarianceScaling(scale=2.0)` makes, so the layer takes that object.
enum IdentifierConfigs {
  static func resolve(
    _ keywords: inout [(String, Value)], className: String, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    for index in keywords.indices {
      guard case .dictionary(let dictionary) = keywords[index].1 else { continue }
      let label = keywords[index].0
      let module: KerasModule
      let kind: String
      if label.hasSuffix("_initializer") {
        (module, kind) = (.initializers, "initializer")
      } else if label.hasSuffix("_regularizer") {
        (module, kind) = (.regularizers, "regularizer")
      } else if label.hasSuffix("_constraint") {
        (module, kind) = (.constraints, "constraint")
      } else {
        continue
      }
      let layerClassName = className
      let range = site.arguments.first { $0.label == label }?.range ?? site.range
      let refusal = CellError.unsupported(
        "ConvBook does not support this config dict as `\(label)` yet: it takes {'class_name': ..., 'config': {...}} naming one of Keras' \(kind)s, with keyword arguments of numbers, strings and tuples",
        at: range)
      guard case .string(let configClass)? = dictionary.value(for: .string("class_name")),
        case .dictionary(let config)? = dictionary.value(for: .string("config")),
        dictionary.pairs.allSatisfy({ key, _ in
          guard case .string(let name) = key else { return false }
          return ["class_name", "config", "module", "registered_name"].contains(name)
        }),
        configClass != "Initializer", configClass != "Regularizer", configClass != "Constraint"
      else { throw refusal }
      guard let factory = module.attribute(configClass) else {
        // A class Keras does not know, in each version's words, found after `Layer.__init__`
        // took the layer's name, except in tf-keras' convolutions, which read their initializers
        // in the arguments of their `super().__init__` call.
        let layerClass = LayerCatalog.aliases[layerClassName] ?? layerClassName
        if !keywords.contains(where: { $0.0 == "name" }),
          interpreter.kerasVersion == .keras3 || !unnamedBeforeIdentifiers.contains(layerClass)
        {
          _ = interpreter.kerasNames.uniqueName(forClass: layerClass)
        }
        if interpreter.kerasVersion == .keras3 {
          throw CellError(
            type: "ValueError",
            message:
              "Could not interpret \(kind) identifier: \(PythonText.repr(keywords[index].1))",
            range: range)
        }
        throw CellError(
          type: "ValueError",
          message:
            "Unknown \(kind): \(PythonFormat.quoted(configClass)). Please ensure you are using a `keras.utils.custom_object_scope` and that this object is included in the scope. See https://www.tensorflow.org/guide/keras/save_and_serialize#registering_the_custom_object for details.",
          range: range)
      }
      var arguments: [(String, Value)] = []
      for (key, value) in config.pairs {
        // An array in a config (`Constant`'s value) is deserialized by tf-keras but not by
        // Keras 3, which fails with a message of its own.
        guard case .string(let name) = key else { throw refusal }
        if case .array = value, interpreter.kerasVersion == .keras3 { throw refusal }
        arguments.append((name, value))
      }
      keywords[index].1 = try Calls.call(
        factory, positional: [], keywords: arguments, site: site, interpreter: interpreter)
    }
  }

  /// tf-keras' layers whose `__init__` reads its initializers, regularizers and constraints before
  /// `Layer.__init__` names the layer.
  static let unnamedBeforeIdentifiers: Set<String> = [
    "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
  ]
}
