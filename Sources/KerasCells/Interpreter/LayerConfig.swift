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
    "pool_size", "target_shape", "depth_multiplier", "input_dim", "output_dim", "mask_zero",
    "epsilon", "cropping", "size", "go_backwards", "return_sequences", "return_state",
  ]

  /// `serialized`: the config inside a serialized entry (a model's config, `serialize`), where
  /// tf-keras writes its tracked lists as plain ones.
  static func config(
    of instance: LayerInstance, serialized: Bool = false, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> Value {
    guard instance.model == nil else {
      throw .unsupported(
        "ConvBook does not support `get_config()` of \(instance.layer.className) layers yet",
        at: range)
    }
    if let name = interpreter.session.registeredLayerActivations[ObjectIdentifier(instance)] {
      throw .unsupported(
        "ConvBook does not support `get_config()` of \(instance.name) yet: its activation '\(name)' is a layer registered as a custom object, which tf-keras writes as that layer's serialized form",
        at: range)
    }
    if instance.layer is InputLayer {
      // The config inside the input layer's serialized form (its shape, dtype and name).
      let entry = try FunctionalConfig.entry(of: instance, interpreter: interpreter, range: range)
      return entry.first { Operators.equal($0.0, .string("config")) }?.1 ?? .none
    }
    var pairs = try config(
      of: instance.layer, name: instance.name, trainable: instance.trainable,
      builtInput: instance.isBuilt ? instance.inputShape : nil,
      callShapes: instance.callInputShapes ?? instance.listInputShapes,
      keras3: interpreter.kerasVersion == .keras3, range: range)
    try interpreter.budget.allocate(slots: pairs.count * 2, at: range)
    // An activation given as one of TensorFlow's functions is serialized by its own name.
    if let function = interpreter.session.activationFunctions[ObjectIdentifier(instance)],
      let activation = TensorFlowFunctionNames.serializedActivation(
        function, keras3: interpreter.kerasVersion == .keras3),
      let index = pairs.firstIndex(where: { Operators.equal($0.0, .string("activation")) })
    {
      pairs[index].1 = activation
    }
    if serialized { for pair in pairs { untrack(pair.1) } }
    return .dictionary(pairs)
  }

  /// Makes the tracked lists in a config plain ones (tf-keras' serialization turns each
  /// `ListWrapper` into a list); the config's lists are its own, made for it.
  private static func untrack(_ value: Value) {
    switch value {
    case .list(let list):
      list.isListWrapper = false
      for item in list.items { untrack(item) }
    case .tuple(let items):
      for item in items { untrack(item) }
    case .dictionary(let dict):
      for pair in dict.pairs { untrack(pair.1) }
    default: break
    }
  }

  /// The config of an engine layer (a layer's own, or one a wrapper holds), with the input shape
  /// it was built for (nil while unbuilt).
  private static func config(
    of layer: any Layer, name: String, trainable: Bool, builtInput: TensorShape?,
    callShapes: [TensorShape]? = nil, keras3: Bool, range: SourceRange
  ) throws(CellError) -> [(Value, Value)] {
    let builtRank = builtInput?.rank
    guard let defaults = KerasLayerConfigs.defaults(layer.className, keras3: keras3) else {
      throw .unsupported(
        "ConvBook does not support `get_config()` of \(layer.className) layers yet", at: range)
    }
    let parameters = LayerCatalog.entries[layer.className]?.signature.parameters ?? []
    var pairs: [(Value, Value)] = []
    for (key, recorded) in defaults {
      let value: Value
      switch key {
      case "name": value = .string(name)
      case "trainable": value = .bool(trainable)
      case "batch_input_shape":
        value = layer.common.declaredBatchInputShape.map(Attributes.shapeValue) ?? recorded
      case "activation":
        switch layer.common.arguments["activation"] {
        case .string(let name): value = .string(ActivationLookup.publicName(name, keras3: keras3))
        case .object(let object) where object.functionName != nil:
          value = CustomActivations.serialized(object.functionName ?? "", keras3: keras3)
        case .none: value = .string("linear")
        default: throw unmodelled(key, of: layer, range: range)
        }
      case "layer", "backward_layer":
        value = try wrappedEntry(
          key, of: layer, builtInput: builtInput, keras3: keras3, range: range)
      case "axis" where layer is BatchNormalization || layer is LayerNormalization:
        value = try normalizationAxis(of: layer, builtRank: builtRank, keras3: keras3, range: range)
      case "shared_axes" where layer.common.arguments["shared_axes"] != .none:
        // Both Kerases keep `list(shared_axes)` (an int as a list of one); tf-keras tracks it.
        let given = layer.common.arguments["shared_axes"]
        guard let axes = plainValue(given.sequenceItems.map(ArgumentValue.list) ?? .list([given])),
          case .list(let items) = axes
        else { throw unmodelled(key, of: layer, range: range) }
        value = listValue(items.items, keras3: keras3)
      case "alpha" where !keras3 && (layer is LeakyReLU || layer is ELU):
        // tf-keras casts it to float32 (`backend.cast_to_floatx`) before the config reads it.
        let alpha: Double
        switch layer.common.arguments[key] {
        case .int(let number): alpha = Double(number)
        case .float(let number): alpha = number
        default: throw unmodelled(key, of: layer, range: range)
        }
        value = .float(Double(Float(alpha)))
      case "max_value" where !keras3 && layer is ReLU,
        "negative_slope" where !keras3 && layer is ReLU,
        "threshold" where !keras3 && layer is ReLU:
        // tf-keras keeps each number as a float32 NumPy scalar (`backend.cast_to_floatx`).
        switch layer.common.arguments.values[key] {
        case nil: value = recorded
        case .none?: value = .none
        case .int(let number)?: value = KerasLayerConfigs.float32Scalar(Double(number))
        case .float(let number)?: value = KerasLayerConfigs.float32Scalar(number)
        default: throw unmodelled(key, of: layer, range: range)
        }
      case "factor" where keras3 && symmetricFactorClasses.keys.contains(layer.className):
        // Keras 3 widens a single factor into a range: (-f, f), or (0, f) for `RandomContrast`.
        let given = layer.common.arguments[key]
        if let items = given.sequenceItems, let range = plainValue(.tuple(items)) {
          value = range
        } else if let factor = plainValue(given), let number = Operators.Number(factor) {
          let lower: Value
          switch (symmetricFactorClasses[layer.className] ?? true, number) {
          case (false, _): lower = .int(0)
          case (true, .int(let integer)): lower = .int(-integer)
          case (true, .float(let float)): lower = .float(-float)
          case (true, .big): throw unmodelled(key, of: layer, range: range)
          }
          value = .tuple([lower, factor])
        } else {
          throw unmodelled(key, of: layer, range: range)
        }
      case "zero_output_for_mask" where keras3 && builtInsideBidirectional(layer):
        // Keras 3's `Bidirectional` sets it to its layers' `return_sequences`.
        value = .bool((layer as? Recurrent)?.returnSequences ?? false)
      case _ where layer is MultiHeadAttention && multiHeadKeys.contains(key):
        value = try multiHeadSetting(
          key, of: layer, callShapes: callShapes, keras3: keras3, range: range)
      case "axis" where layer is Normalization:
        // A tuple of axes: None is `()`, an int a tuple of one.
        let given = layer.common.arguments[key]
        guard let axes = plainValue(.tuple(given.sequenceItems ?? (given == .none ? [] : [given])))
        else { throw unmodelled(key, of: layer, range: range) }
        value = axes
      case "output_padding" where layer.common.arguments[key] != .none:
        guard let transpose = layer as? ConvTranspose, let padding = transpose.outputPadding else {
          throw unmodelled(key, of: layer, range: range)
        }
        value = .tuple(padding.map(Value.int))
      case "noise_shape" where keras3 && layer.common.arguments[key].sequenceItems != nil:
        // Keras 3 keeps a given shape as a tuple.
        guard let shape = plainValue(.tuple(layer.common.arguments[key].sequenceItems ?? []))
        else { throw unmodelled(key, of: layer, range: range) }
        value = shape
      case "factor" where !keras3 && layer.className == "RandomBrightness",
        "value_range" where layer.className == "RandomBrightness":
        // tf-keras tracks both as lists (a single factor as `[-f, f]`); Keras 3 keeps the range
        // as a list.
        let given = layer.common.arguments[key]
        var items: [Value] = []
        if let sequence = given.sequenceItems,
          case .tuple(let plain)? = plainValue(.tuple(sequence))
        {
          items = plain
        } else if key == "factor", let factor = plainValue(given),
          let number = Operators.Number(factor)
        {
          switch number {
          case .int(let integer): items = [.int(-integer), factor]
          case .float(let float): items = [.float(-float), factor]
          case .big: throw unmodelled(key, of: layer, range: range)
          }
        } else {
          throw unmodelled(key, of: layer, range: range)
        }
        value = listValue(items, keras3: keras3)
      case "activity_regularizer" where keras3 && layer.common.arguments[key] != .none:
        // Keras 3's base config holds it after the dtype (written there, below).
        continue
      case "dropout" where isRecurrent(layer), "recurrent_dropout" where isRecurrent(layer):
        // `min(1.0, max(0.0, dropout))`: a float however given.
        let rate: Double
        switch layer.common.arguments[key] {
        case .int(let number): rate = Double(number)
        case .float(let number): rate = number
        default: throw unmodelled(key, of: layer, range: range)
        }
        value = .float(min(1.0, max(0.0, rate)))
      case _ where normalized.contains(key) && Attributes.configuration(key, of: layer) != nil:
        value = Attributes.configuration(key, of: layer) ?? recorded
      default:
        // A keyword the class takes through `**kwargs` (GRU's `implementation`).
        let given = layer.common.arguments.values[key] ?? layer.common.arguments.baseKeywords[key]
        let standard = parameters.first { $0.name == key }?.defaultValue
        if given == nil || given == standard {
          value = recorded
        } else if let given, let plain = plainValue(given), !isObjectSetting(key) {
          if case .list(let items) = plain {
            value = listValue(items.items, keras3: keras3)
          } else {
            value = plain
          }
        } else if let given, key != "dtype", isObjectSetting(key),
          let serialized = serialized(given, kind: objectKind(key), keras3: keras3)
        {
          value = serialized
        } else {
          throw unmodelled(key, of: layer, range: range)
        }
      }
      pairs.append((.string(key), value))
      // Keras 3's base config lists an activity regularizer after the dtype when there is one
      // (a class's own config that has the key too only updates it there).
      if key == "dtype", keras3,
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
      // tf-keras' `RNN.get_config` adds `zero_output_for_mask` after `time_major` when it is set.
      if key == "time_major", !keras3, (layer as? Recurrent)?.zeroOutputForMask == true {
        pairs.append((.string("zero_output_for_mask"), .bool(true)))
      }
    }
    return pairs
  }

  private static let multiHeadKeys: Set<String> = [
    "value_dim", "attention_axes", "output_shape", "query_shape", "key_shape", "value_shape",
  ]

  /// `MultiHeadAttention`'s settings that Keras works out: `value_dim` defaults to `key_dim`;
  /// `attention_axes` is a tuple (an int as a tuple of one; once built, every axis between the
  /// batch and the features when none was given); a list `output_shape` is tracked by tf-keras
  /// and a tuple in Keras 3; tf-keras' built layer keeps the shapes it was called on as
  /// `TensorShape`s (the key's is the value's when no key was given).
  private static func multiHeadSetting(
    _ key: String, of layer: any Layer, callShapes: [TensorShape]?, keras3: Bool,
    range: SourceRange
  ) throws(CellError) -> Value {
    guard let attention = layer as? MultiHeadAttention else {
      throw unmodelled(key, of: layer, range: range)
    }
    let given = layer.common.arguments[key]
    let shapes = callShapes ?? []
    switch key {
    case "value_dim": return .int(attention.valueDimension)
    case "attention_axes":
      if let query = shapes.first,
        attention.attentionAxes == nil || given.sequenceItems != nil
      {
        let axes = attention.attentionAxes ?? Array(1..<max(2, query.rank - 1))
        return .tuple(axes.map(Value.int))
      }
      switch given {
      case .int(let axis): return .tuple([.int(axis)])
      case .list(let items):
        guard let plain = plainValue(.list(items)), case .list(let list) = plain else { break }
        return listValue(list.items, keras3: keras3)
      default: if let plain = plainValue(given) { return plain }
      }
    case "output_shape":
      if keras3, case .list(let items) = given, let plain = plainValue(.tuple(items)) {
        return plain
      }
      if case .list(let items) = given, let plain = plainValue(.list(items)),
        case .list(let list) = plain
      {
        return listValue(list.items, keras3: keras3)
      }
      if let plain = plainValue(given) { return plain }
    default:
      // tf-keras' `query_shape`, `key_shape`, `value_shape`.
      guard shapes.count >= 2 else { return .none }
      let shape: TensorShape
      switch key {
      case "query_shape": shape = shapes[0]
      case "value_shape": shape = shapes[1]
      default: shape = shapes.count > 2 ? shapes[2] : shapes[1]
      }
      return .tensorShape(shape.dimensions)
    }
    throw unmodelled(key, of: layer, range: range)
  }

  /// The classes whose single Keras 3 `factor` becomes a range, and whether it is symmetric.

  private static let symmetricFactorClasses = [
    "RandomRotation": true, "RandomBrightness": true, "RandomContrast": false,
  ]

  /// A recurrent copy a `Bidirectional` made (`forward_lstm`, `backward_lstm`).
  private static func builtInsideBidirectional(_ layer: any Layer) -> Bool {
    guard let recurrent = layer as? Recurrent else { return false }
    return !recurrent.weightPrefix.isEmpty
  }

  private static func isRecurrent(_ layer: any Layer) -> Bool {
    layer is Recurrent || layer is RecurrentConvolution
  }

  /// A list a tf-keras layer keeps as an attribute, which it tracks: `ListWrapper([1, 2])` when
  /// printed. Keras 3's configs hold plain lists.
  private static func listValue(_ items: [Value], keras3: Bool) -> Value {
    let list = PythonList(items)
    list.isListWrapper = !keras3
    return .list(list)
  }

  /// `axis` of `BatchNormalization` and `LayerNormalization`. tf-keras keeps a given list (a
  /// copy, tracked) and, once built, the validated positive axes as a tracked list
  /// (`ListWrapper([3])`); Keras 3's `LayerNormalization` keeps a given sequence as a list and
  /// makes an int a list of one when built (`[-1]`); its `BatchNormalization` keeps its int.
  private static func normalizationAxis(
    of layer: any Layer, builtRank: Int?, keras3: Bool, range: SourceRange
  ) throws(CellError) -> Value {
    let given = layer.common.arguments["axis"]
    let axes =
      (layer as? BatchNormalization)?.axes ?? (layer as? LayerNormalization)?.axes ?? []
    if keras3 {
      guard layer is LayerNormalization else { return plainValue(given) ?? .none }
      if given.sequenceItems != nil || builtRank != nil {
        return .list(PythonList(axes.map(Value.int)))
      }
      return plainValue(given) ?? .none
    }
    if let rank = builtRank {
      var positive = axes.map { $0 < 0 ? $0 + rank : $0 }
      if layer is LayerNormalization { positive.sort() }
      return listValue(positive.map(Value.int), keras3: false)
    }
    switch given {
    case .list: return listValue(axes.map(Value.int), keras3: false)
    case .tuple where layer is LayerNormalization:
      return listValue(axes.map(Value.int), keras3: false)
    default:
      guard let plain = plainValue(given) else { throw unmodelled("axis", of: layer, range: range) }
      return plain
    }
  }

  /// A wrapper's layer as `keras.layers.serialize` writes it. tf-keras' `Bidirectional` writes
  /// the layer it was given (its own name, never built); Keras 3's writes its forward copy and
  /// its backward one (`forward_lstm`, `backward_lstm`), built for the wrapper's input. A
  /// `TimeDistributed` layer is built for one step's shape.
  private static func wrappedEntry(
    _ key: String, of layer: any Layer, builtInput: TensorShape?, keras3: Bool, range: SourceRange
  ) throws(CellError) -> Value {
    let wrapped: any Layer
    var name: String
    var input = builtInput
    switch layer {
    case let distributed as TimeDistributed:
      wrapped = distributed.wrapped
      name = wrapped.name
      input = builtInput.map { TensorShape([nil] + $0.dimensions.dropFirst(2)) }
    case let bidirectional as Bidirectional:
      wrapped = key == "layer" ? bidirectional.forwardLayer : bidirectional.backwardLayer
      name = wrapped.name
      if !keras3 {
        if name.hasPrefix("forward_") { name.removeFirst("forward_".count) }
        input = nil
      }
    default: throw unmodelled(key, of: layer, range: range)
    }
    let config = try config(
      of: wrapped, name: name, trainable: true, builtInput: input, keras3: keras3, range: range)
    for entry in config { untrack(entry.1) }
    let withoutBuild = KerasLayerConfigs.withoutBuildConfig(keras3: keras3)
    let build = withoutBuild.contains(wrapped.className) ? nil : input.map(Attributes.shapeValue)
    return .dictionary(
      PythonDict(ModelConfig.entry(wrapped.className, config: config, build: build)))
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
    case .object(let object)
    where object.arguments.contains { $0 == (KerasObject.subclassKey, .string("function")) }:
      // A function of the script: both Kerases serialize it by name as a builtin `function`.
      return .dictionary(
        PythonDict([
          (.string("module"), .string("builtins")), (.string("class_name"), .string("function")),
          (.string("config"), .string(object.typeName)),
          (.string("registered_name"), .string("function")),
        ]))
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
