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
        case .object(let object) where object.functionName != nil:
          value = CustomActivations.serialized(object.functionName ?? "", keras3: keras3)
        case .none: value = .string("linear")
        default: throw unmodelled(key, of: layer, range: range)
        }
      case "axis" where layer is BatchNormalization && !keras3 && instance.isBuilt:
        // tf-keras replaces the axis by a tracked list of positive axes once built
        // (`ListWrapper([3])`, which prints as the list).
        guard let normalization = layer as? BatchNormalization, let rank = instance.inputShape?.rank
        else { throw unmodelled(key, of: layer, range: range) }
        value = .list(normalization.axes.map { .int($0 < 0 ? $0 + rank : $0) })
      case _ where normalized.contains(key) && Attributes.configuration(key, of: layer) != nil:
        value = Attributes.configuration(key, of: layer) ?? recorded
      default:
        let given = layer.common.arguments.values[key]
        let standard = parameters.first { $0.name == key }?.defaultValue
        if given == nil || given == standard {
          value = recorded
        } else if let given, let plain = plainValue(given), !isObjectSetting(key) {
          value = plain
        } else if let given, key != "dtype", isObjectSetting(key),
          let serialized = serialized(given, kind: objectKind(key), keras3: keras3)
        {
          value = serialized
        } else {
          throw unmodelled(key, of: layer, range: range)
        }
      }
      pairs.append((.string(key), value))
      // Keras 3's base config lists an activity regularizer after the dtype when there is one.
      if key == "dtype", keras3, !defaults.contains(where: { $0.0 == "activity_regularizer" }),
        let given = layer.common.arguments.values["activity_regularizer"], given != .none
      {
        guard let serialized = serialized(given, kind: .regularizer, keras3: true) else {
          throw unmodelled("activity_regularizer", of: layer, range: range)
        }
        pairs.append((.string("activity_regularizer"), serialized))
      }
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

  enum ObjectKind {
    case initializer, regularizer, constraint
  }

  private static func objectKind(_ key: String) -> ObjectKind {
    if key.hasSuffix("_initializer") { return .initializer }
    return key.hasSuffix("_regularizer") ? .regularizer : .constraint
  }

  /// The classes of the snake-case names of regularizers and constraints (initializers' are
  /// recorded: `KerasObjectConfigs.initializerClass`).
  private static let classNames = [
    "l1": "L1", "l2": "L2", "l1_l2": "L1L2", "max_norm": "MaxNorm", "non_neg": "NonNeg",
    "unit_norm": "UnitNorm", "min_max_norm": "MinMaxNorm",
  ]

  /// Keras' serialized form of an initializer, regularizer or constraint given to a layer
  /// (`{'module': 'keras.initializers', 'class_name': 'HeNormal', 'config': {'seed': None},
  /// 'registered_name': None}`): the class's recorded config (`KerasObjectConfigs`) with the
  /// arguments it was made with. Regularizers keep their factors as float32 in tf-keras (and in
  /// Keras 3's `L1`), as plain floats in Keras 3's `L2` and `L1L2` (measured). Nil for what
  /// ConvBook does not serialize (a script's own subclass, a name it does not know).
  static func serialized(_ argument: ArgumentValue, kind: ObjectKind, keras3: Bool) -> Value? {
    let className: String
    var arguments: [(String, ArgumentValue)] = []
    switch argument {
    case .none: return Value.none
    case .string(let name):
      switch kind {
      case .initializer:
        guard let known = KerasObjectConfigs.initializerClass(name) else { return nil }
        className = known
      case .regularizer:
        guard name == "l1" || name == "l2" else { return nil }
        className = name.uppercased()
      case .constraint: return nil
      }
    case .object(let object):
      guard !object.arguments.contains(where: { $0.0 == KerasObject.subclassKey }) else {
        return nil
      }
      className =
        KerasObjectConfigs.initializerClass(object.typeName) ?? classNames[object.typeName]
        ?? object.typeName
      arguments = object.arguments
      // tf-keras' `l1_l2()` function defaults both factors to 0.01 (the class to 0.0).
      if object.typeName == "l1_l2", !keras3 {
        arguments = [("l1", .float(0.01)), ("l2", .float(0.01))] + arguments
      }
    default: return nil
    }
    guard let recorded = KerasObjectConfigs.defaults(className, keras3: keras3),
      recorded.module == "keras." + String(describing: kind) + "s"
    else { return nil }
    var config = recorded.config
    for (index, (label, given)) in arguments.enumerated() {
      let name =
        label.hasPrefix("arg") && index < recorded.parameters.count
        ? recorded.parameters[index] : label
      guard let position = config.firstIndex(where: { $0.0 == name }),
        var value = plainValue(given)
      else { return nil }
      if kind == .regularizer, let number = Operators.Number(value) {
        let float: Double
        switch number {
        case .int(let integer): float = Double(integer)
        case .float(let double): float = double
        case .big: return nil
        }
        let rounds = !keras3 || className == "L1"
        value = .float(rounds ? Double(Float(float)) : float)
      }
      config[position].1 = value
    }
    return .dictionary([
      (.string("module"), .string(recorded.module)), (.string("class_name"), .string(className)),
      (.string("config"), .dictionary(config.map { (.string($0.0), $0.1) })),
      (.string("registered_name"), Value.none),
    ])
  }

  /// `get_config()` of an initializer, regularizer or constraint object; nil for other objects.
  static func objectConfig(_ object: KerasObject, keras3: Bool) -> Value? {
    for kind in [ObjectKind.initializer, .regularizer, .constraint] {
      if case .dictionary(let pairs)? = serialized(.object(object), kind: kind, keras3: keras3),
        let config = pairs.first(where: { Operators.equal($0.0, .string("config")) })?.1
      {
        return config
      }
    }
    return nil
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
