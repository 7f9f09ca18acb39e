import CNNEngine

/// Keras' classes other than layers and models that scripts subclass: `keras.callbacks.Callback`,
/// `losses.Loss`, `metrics.Metric`, `regularizers.Regularizer`, `constraints.Constraint`,
/// `initializers.Initializer` and `optimizers.schedules.LearningRateSchedule`. A subclass is a
/// Python class (`PythonClass.kerasClassBase`) whose instances get the base class's `__init__`,
/// attributes and methods from here (measured with tf-keras 2.21 and Keras 3.15):
///
/// - a `Callback` runs in `fit(callbacks=[...])` (`FitCallbacks`), with `self.model` set and
///   `self.model.stop_training = True` ending the training after the epoch;
/// - a `Loss` passed to `compile` is traced like a loss function (its `call` on symbolic tensors);
///   called on data it is `call` reduced to its mean;
/// - a `Regularizer`, `Constraint` or `Initializer` instance may be given to a layer (its shapes
///   and parameters do not depend on it); training or drawing weights with it is refused by name;
/// - a `Metric` keeps its state in eager variables (`MetricSubclasses`);
/// - a `keras.utils.Sequence` (Keras 3's `PyDataset`) gives `fit`, `evaluate` and `predict` its
///   batches through its own `__len__` and `__getitem__` (`SequenceFeed`).
enum KerasClassBase: String {
  case callback = "Callback"
  case loss = "Loss"
  case metric = "Metric"
  case regularizer = "Regularizer"
  case constraint = "Constraint"
  case initializer = "Initializer"
  case schedule = "LearningRateSchedule"
  case sequence = "Sequence"
  case pyDataset = "PyDataset"
  /// `tensorflow.python.keras.layers.Layer`, TensorFlow's own copy's (`LegacyKeras`).
  case legacyLayer = "LegacyLayer"

  /// The modules each class is found in (the last part of the path it was reached through).
  private var modules: Set<String> {
    switch self {
    case .callback: return ["callbacks"]
    case .loss: return ["losses"]
    case .metric: return ["metrics"]
    case .regularizer: return ["regularizers"]
    case .constraint: return ["constraints"]
    case .initializer: return ["initializers"]
    case .schedule: return ["schedules", "optimizers"]
    case .sequence, .pyDataset: return ["utils"]
    case .legacyLayer: return []
    }
  }

  /// The public path Keras prints for the class.
  var path: String {
    switch self {
    case .schedule: return "keras.optimizers.schedules.LearningRateSchedule"
    case .sequence, .pyDataset: return "keras.utils.\(rawValue)"
    case .legacyLayer: return "tensorflow.python.keras.layers.Layer"
    default: return "keras.\(modules.first!).\(rawValue)"
    }
  }

  /// What `class X(base)` extends when `base` is one of these Keras classes.
  static func base(for callable: Callable) -> KerasClassBase? {
    if callable.kind == .unsupportedModelClass("LegacyLayer") { return .legacyLayer }
    guard case .objectFactory(let name) = callable.kind, let base = KerasClassBase(rawValue: name)
    else { return nil }
    let module = callable.path.split(separator: ".").dropLast().last.map(String.init) ?? ""
    return base.modules.contains(module) ? base : nil
  }

  /// Whether the class has Keras' `from_config` classmethod, `cls(**config)` (a `Loss`, `Metric`,
  /// `Regularizer`, `Constraint`, `Initializer` or `LearningRateSchedule`; callbacks and
  /// sequences have none).
  var hasFromConfig: Bool {
    switch self {
    case .loss, .metric, .regularizer, .constraint, .initializer, .schedule: return true
    case .callback, .sequence, .pyDataset, .legacyLayer: return false
    }
  }

  /// Whether the class is passed to layers as an argument (`kernel_regularizer=MyL1(0.01)`).
  var isLayerArgument: Bool {
    self == .regularizer || self == .constraint || self == .initializer
  }
}

/// What a Keras base class's `__init__` set on an instance of a subclass.
final class KerasClassState {
  /// Whether the base `__init__` ran (`super().__init__()`; Keras' attributes exist only then).
  var initialized = false
  /// A loss's or metric's `name` (tf-keras leaves a loss's None).
  var name: String?
  /// A loss's `reduction`.
  var reduction = "auto"
  /// A callback's model, set by `fit`.
  var model: Value?
  /// Whether the instance was made under Keras 3 (a metric's attributes differ).
  var keras3 = false
  /// A metric's state variables, in `add_weight` order.
  var variables: [EagerVariable] = []
  /// A `tensorflow.python.keras` layer whose `build` ran (`LegacyKeras.call`).
  var legacyBuilt = false
}

extension KerasClassBase {
  /// The base class's `__init__`, run by `super().__init__(...)` or by instantiating a subclass
  /// without an `__init__` of its own.
  static func initialize(
    _ instance: PythonInstance, base: KerasClassBase, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let keras3 = interpreter.kerasVersion == .keras3
    let state = instance.kerasClassState ?? KerasClassState()
    instance.kerasClassState = state
    state.initialized = true
    state.keras3 = keras3
    if base == .legacyLayer {
      try LegacyKeras.initialize(
        instance, state: state, positional: positional, keywords: keywords, site: site)
      return
    }
    let parameters: [String]
    switch base {
    case .loss:
      parameters = keras3 ? ["name", "reduction", "dtype"] : ["reduction", "name"]
      state.reduction = keras3 ? "sum_over_batch_size" : "auto"
    case .metric: parameters = ["name", "dtype"]
    case .callback, .regularizer, .constraint, .initializer, .schedule: parameters = []
    // Keras 3's `Sequence` is its `PyDataset`; tf-keras' has no `__init__` of its own.
    case .sequence, .pyDataset:
      parameters = keras3 ? ["workers", "use_multiprocessing", "max_queue_size"] : []
    case .legacyLayer: parameters = []
    }
    let owner =
      base == .schedule || base == .regularizer || base == .sequence ? "object" : base.rawValue
    guard positional.count <= parameters.count else {
      if parameters.isEmpty {
        throw CellError(
          type: "TypeError",
          message:
            "\(owner).__init__() takes exactly one argument (the instance to initialize)",
          range: site.range)
      }
      throw CellError(
        type: "TypeError",
        message:
          "\(base.rawValue).__init__() takes from 1 to \(parameters.count + 1) positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    var given = Array(zip(parameters, positional))
    for (label, value) in keywords {
      guard parameters.contains(label) else {
        if parameters.isEmpty {
          throw CellError(
            type: "TypeError",
            message:
              "\(owner).__init__() takes exactly one argument (the instance to initialize)",
            range: site.range)
        }
        throw CellError(
          type: "TypeError",
          message: "\(base.rawValue).__init__() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      given.append((label, value))
    }
    for (label, value) in given {
      switch (label, value) {
      case ("name", .string(let name)): state.name = name
      case ("reduction", .string(let reduction)):
        let keras3Reductions = [
          "sum_over_batch_size", "sum", "none", "mean", "mean_with_sample_weight",
        ]
        if keras3, !keras3Reductions.contains(reduction) {
          // Keras 3 lists its reductions as a Python set, whose order changes from run to run.
          throw .unsupported(
            "ConvBook does not support Keras 3's error for the loss reduction \(PythonFormat.quoted(reduction)) yet (Keras 3 raises a ValueError listing its reductions in an order that changes from run to run)",
            at: site.range)
        }
        state.reduction = reduction
      case ("name", .none), ("dtype", _): break
      // One worker or several reads the batches in the same order.
      case ("workers", _), ("use_multiprocessing", _), ("max_queue_size", _): break
      default:
        throw .unsupported(
          "ConvBook does not support \(base.rawValue).__init__(\(label)=\(PythonText.repr(value))) yet",
          at: site.range)
      }
    }
    // Keras 3 names losses and metrics after their class, tf-keras its metrics only (a metric
    // is a layer there), uniquified in the names layers share (a second `CallCount()` is
    // `call_count_1`).
    if state.name == nil && (base == .metric || (base == .loss && keras3)) {
      state.name = interpreter.kerasNames.uniqueName(NameScope.snakeCase(instance.type.name))
    }
  }

  /// Attributes Keras' base class gives an instance, after its own and its class's.
  static func attribute(_ name: String, of instance: PythonInstance, base: KerasClassBase)
    -> Value?
  {
    let state = instance.kerasClassState
    switch (base, name) {
    case (.callback, "model") where state?.initialized == true || state?.model != nil:
      return state?.model ?? Value.none
    case (.metric, _) where name != "name" && name != "get_config":
      return metricAttribute(name, of: instance)
    case (.loss, "name"), (.metric, "name"):
      guard let state, state.initialized else { return nil }
      return state.name.map(Value.string) ?? Value.none
    case (.loss, "reduction"):
      guard let state, state.initialized else { return nil }
      return .string(state.reduction)
    case (.callback, _) where name.hasPrefix("on_") || name == "set_model" || name == "set_params":
      return .method(receiver: .instance(instance), name: name)
    case (.callback, "get_config"):
      // Keras' `Callback` has no `get_config`.
      return nil
    case (.sequence, "on_epoch_end"), (.pyDataset, "on_epoch_end"), (.pyDataset, "on_epoch_begin"):
      return .method(receiver: .instance(instance), name: name)
    case (.sequence, "get_config"), (.pyDataset, "get_config"):
      return nil
    case (_, "get_config"), (.loss, "call"), (.loss, "__call__"):
      return .method(receiver: .instance(instance), name: name)
    default:
      return nil
    }
  }

  /// A method of Keras' base class called on an instance (`super().get_config()`,
  /// `self.get_config()` without an override, `super().on_epoch_end(epoch, logs)`).
  static func callMethod(
    _ name: String, of instance: PythonInstance, base: KerasClassBase, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    if base == .metric,
      let value = try callMetricMethod(
        name, of: instance, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    {
      return value
    }
    switch (base, name) {
    case (.callback, "on_train_batch_begin"), (.callback, "on_train_batch_end"):
      // For backwards compatibility Keras forwards them to `on_batch_begin` / `on_batch_end`.
      try ClassCallbacks.forwardToBatch(
        name, of: instance, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      return Value.none
    case (.callback, _) where name.hasPrefix("on_"):
      // Callback's other event methods do nothing.
      return Value.none
    case (.sequence, "on_epoch_end"), (.pyDataset, "on_epoch_end"),
      (.pyDataset, "on_epoch_begin"):
      // The base class's event methods do nothing.
      return Value.none
    case (.callback, "set_model"):
      guard positional.count == 1, keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message:
            "Callback.set_model() takes 2 positional arguments but \(positional.count + 1) were given",
          range: site.range)
      }
      let state = instance.kerasClassState ?? KerasClassState()
      instance.kerasClassState = state
      state.model = positional[0]
      return Value.none
    case (.legacyLayer, "build"):
      // The copy's `Layer.build` only marks the layer built.
      instance.attributes["built"] = .bool(true)
      return Value.none
    case (_, "__init__"):
      try initialize(
        instance, base: base, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      return Value.none
    case (.loss, "get_config"), (.metric, "get_config"):
      let state = instance.kerasClassState
      let name = state?.name.map(Value.string) ?? Value.none
      if base == .metric {
        return .dictionary(
          PythonDict([(.string("name"), name), (.string("dtype"), .string("float32"))]))
      }
      let reduction = Value.string(state?.reduction ?? "auto")
      if interpreter.kerasVersion == .keras3 {
        return .dictionary(
          PythonDict([(.string("name"), name), (.string("reduction"), reduction)]))
      }
      return .dictionary(
        PythonDict([(.string("reduction"), reduction), (.string("name"), name)]))
    case (.constraint, "get_config"), (.initializer, "get_config"):
      return .dictionary(PythonDict([]))
    case (.schedule, "get_config"):
      throw CellError(
        type: "NotImplementedError",
        message:
          "Learning rate schedule '\(instance.type.name)' must override `get_config()` in order to be serializable.",
        range: site.range)
    case (_, "get_config"):
      throw CellError(
        type: "NotImplementedError",
        message: "<__main__.\(instance.type.name) object> does not implement get_config()",
        range: site.range)
    case (.loss, "__call__"):
      return try callLoss(
        instance, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case (.loss, "call"):
      throw CellError(
        type: "NotImplementedError", message: "Must be implemented in subclasses.",
        range: site.range)
    default:
      throw .unsupported(
        "ConvBook does not support `\(base.path).\(name)()` yet", at: site.range)
    }
  }

  /// Calling an instance that has no `__call__` of its own: Keras' base class's `__call__`.
  static func callInstance(
    _ instance: PythonInstance, base: KerasClassBase, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    switch base {
    case .loss:
      return try callLoss(
        instance, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .callback, .sequence, .pyDataset:
      throw CellError(
        type: "TypeError", message: "'\(instance.type.name)' object is not callable",
        range: site.range)
    case .regularizer:
      // Keras' `Regularizer.__call__` adds no penalty.
      return .float(0)
    case .schedule:
      throw CellError(
        type: "NotImplementedError",
        message:
          "Learning rate schedule '\(instance.type.name)' must override `__call__(self, step)`.",
        range: site.range)
    case .metric:
      return try callMetric(
        instance, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .constraint, .initializer:
      throw .unsupported(
        "ConvBook does not support calling a \(base.path) subclass without its own __call__ yet",
        at: site.range)
    case .legacyLayer:
      let state = instance.kerasClassState ?? KerasClassState()
      instance.kerasClassState = state
      return try LegacyKeras.call(
        instance, state: state, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
  }

  /// `loss(y_true, y_pred)`: the subclass's `call`, reduced to its mean (Keras'
  /// `sum_over_batch_size`, tf-keras' `auto`).
  private static func callLoss(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard positional.count + keywords.count >= 2 else {
      throw CellError(
        type: "TypeError",
        message: "Loss.__call__() missing 1 required positional argument: 'y_pred'",
        range: site.range)
    }
    if keywords.contains(where: { $0.0 == "sample_weight" }) || positional.count > 2 {
      throw .unsupported(
        "ConvBook does not support sample_weight in a call of a loss yet", at: site.range)
    }
    let keras3 = interpreter.kerasVersion == .keras3
    // Keras 3 converts both to tensors of the loss's dtype (float32) before `call`.
    let converted =
      keras3
      ? try positional.map { (value) throws(CellError) in try float32(value, site: site) }
      : positional
    let values = try interpreter.callClassValue(
      .method(receiver: .instance(instance), name: "call"), positional: converted,
      keywords: keras3
        ? try keywords.map { (label, value) throws(CellError) in
          (label, try float32(value, site: site))
        } : keywords, site: site)
    guard let values else { return Value.none }
    let reduction = instance.kerasClassState?.reduction ?? "auto"
    guard reduction == "auto" || reduction == "sum_over_batch_size" else {
      throw .unsupported(
        "ConvBook does not support the loss reduction \(PythonFormat.quoted(reduction)) yet",
        at: site.range)
    }
    guard let mean = TensorFunctions.attribute("reduce_mean", namespace: "tensorflow") else {
      return values
    }
    let reduced = try Calls.call(
      mean, positional: [values], keywords: [], site: site, interpreter: interpreter)
    // Keras 3 gives the reduced loss in its dtype; tf-keras keeps a floating loss's own.
    return keras3 ? try float32(reduced, site: site) : reduced
  }

  /// An eager value (a NumPy array, a list, a number, an eager tensor of another dtype) as a
  /// float32 eager tensor, as Keras 3's `ops.convert_to_tensor(x, dtype="float32")` casts it;
  /// symbolic tensors and other values stay as they are.
  private static func float32(_ value: Value, site: CallSite) throws(CellError) -> Value {
    if let tensor = EagerTensors.operand(value) {
      guard EagerDType(of: tensor) != .float32 else { return value }
      return .array(
        try EagerTensors.make(
          .float32, shape: tensor.shape, values: EagerTensors.doubles(tensor), range: site.range))
    }
    switch value {
    // `tree.map_structure` converts the leaves of a list or tuple and keeps the containers.
    case .list(let list):
      return .list(
        PythonList(
          try list.items.map { (item) throws(CellError) in try float32(item, site: site) }))
    case .tuple(let items):
      return .tuple(try items.map { (item) throws(CellError) in try float32(item, site: site) })
    case .array, .int, .float:
      return .array(
        try EagerTensors.convert(value, dtype: .float32, function: "Loss", range: site.range))
    default:
      return value
    }
  }
}
