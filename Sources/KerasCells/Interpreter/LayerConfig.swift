import CNNEngine

/// `layer.get_config()`: Keras' dict for the layer at hand. The keys, their order and the defaults
/// are Keras' own, recorded per class and version (`KerasLayerConfigs`); the values are the layer's
/// settings as ConvBook holds them. A class not recorded, or a setting given with a value whose
/// config form ConvBook does not model (an initializer, a regularizer, ...), is refused as
/// ConvBook's limitation rather than answered wrongly.
enum LayerConfig {
  /// Settings whose value ConvBook normalizes as Keras' config shows it (`Attributes.configuration`):
  /// `kernel_size=3` is `(3, 3)`, a pooling layer's `strides=None` is its pool size.
  private static let normalized: Set<String> = [
    "filters", "kernel_size", "strides", "padding", "dilation_rate", "groups", "use_bias", "units",
    "pool_size", "rate", "target_shape", "depth_multiplier", "input_dim", "output_dim",
    "mask_zero", "epsilon",
  ]

  static func config(of instance: LayerInstance, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    let layer = instance.layer
    let keras3 = interpreter.kerasVersion == .keras3
    guard instance.model == nil,
      let defaults = KerasLayerConfigs.defaults(layer.className, keras3: keras3)
    else {
      throw .unsupported(
        "ConvBook does not support `get_config()` of \(layer.className) layers yet", at: range)
    }
    let parameters = LayerCatalog.entries[layer.className]?.signature.parameters ?? []
    var pairs: [(Value, Value)] = []
    for (key, recorded) in defaults {
      let value: Value
      switch key {
      case "name": value = .string(instance.name)
      case "trainable": value = .bool(instance.trainable)
      case "batch_input_shape":
        value = layer.common.declaredBatchInputShape.map(Attributes.shapeValue) ?? recorded
      case "activation":
        switch layer.common.arguments["activation"] {
        case .string(let name): value = .string(name)
        case .none: value = .string("linear")
        default: throw unmodelled(key, of: layer, range: range)
        }
      case "axis" where layer is BatchNormalization && !keras3 && instance.isBuilt:
        // tf-keras replaces the axis by a tracked list of positive axes once built
        // (`ListWrapper([3])`), a value ConvBook does not model.
        throw unmodelled(key, of: layer, range: range)
      case _ where normalized.contains(key) && Attributes.configuration(key, of: layer) != nil:
        value = Attributes.configuration(key, of: layer) ?? recorded
      default:
        let given = layer.common.arguments.values[key]
        let standard = parameters.first { $0.name == key }?.defaultValue
        if given == nil || given == standard {
          value = recorded
        } else if let given, let plain = plainValue(given), !isObjectSetting(key) {
          value = plain
        } else {
          throw unmodelled(key, of: layer, range: range)
        }
      }
      pairs.append((.string(key), value))
      // tf-keras keeps the input shape a layer was declared with.
      if key == "dtype", !keras3, let shape = layer.common.declaredBatchInputShape,
        !defaults.contains(where: { $0.0 == "batch_input_shape" })
      {
        pairs.append((.string("batch_input_shape"), Attributes.shapeValue(shape)))
      }
    }
    try interpreter.budget.allocate(slots: pairs.count * 2, at: range)
    return .dictionary(pairs)
  }

  /// Settings whose config form is a serialized Keras object, which ConvBook does not model.
  private static func isObjectSetting(_ key: String) -> Bool {
    key == "dtype" || key.hasSuffix("_initializer") || key.hasSuffix("_regularizer")
      || key.hasSuffix("_constraint")
  }

  /// A setting Keras stores as given: numbers, strings, booleans, None and tuples or lists of them.
  static func plainValue(_ argument: ArgumentValue) -> Value? {
    switch argument {
    case .none: return Value.none
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .float(let number): return .float(number)
    case .string(let text): return .string(text)
    case .tuple(let items):
      var values: [Value] = []
      for item in items {
        guard let value = plainValue(item) else { return nil }
        values.append(value)
      }
      return .tuple(values)
    case .list(let items):
      var values: [Value] = []
      for item in items {
        guard let value = plainValue(item) else { return nil }
        values.append(value)
      }
      return .list(values)
    case .object: return nil
    }
  }

  private static func unmodelled(_ key: String, of layer: any Layer, range: SourceRange)
    -> CellError
  {
    .unsupported(
      "ConvBook does not support `get_config()` of a \(layer.className) layer with this `\(key)` yet",
      at: range)
  }
}
