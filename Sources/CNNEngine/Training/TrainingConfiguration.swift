/// `compile`'s optimizer, loss and metrics resolved as tf-keras resolves them: optimizer names are
/// case-insensitive ("adam", "Adam"), loss names take their aliases ("mse"), and `accuracy` /
/// `acc` become binary, sparse categorical or categorical accuracy from the shapes of the
/// targets and of the model's output (`compile_utils.get_metric_function`).
public struct TrainingConfiguration: Sendable, Equatable {
  public var optimizer: Optimizer
  /// The loss of every output (or, with per-output losses, of the first one given).
  public var loss: Loss
  /// Metric names as given; resolved against the data by `metrics(targetShape:outputShape:)`.
  public var metricNames: [String]
  /// The script's functions among the metrics, traced, by their names.
  public var cellMetrics: [String: TracedLoss] = [:]
  /// Per-output settings of a model with several outputs: a list in output order or a dict by
  /// output name (`loss=[...]`, `loss={"out": ...}`, `loss_weights`, `metrics={...}`).
  var perOutput: PerOutput?

  /// What `compile` gave per output, before the model's output names resolve it.
  struct PerOutput: Sendable, Equatable {
    var losses: [Loss]?
    var lossesByName: [String: Loss]?
    var weights: [Float]?
    var weightsByName: [String: Float]?
    /// One list per output (`metrics=[[...], [...]]`).
    var metrics: [[String]]?
    var metricsByName: [String: [String]]?
  }

  /// One output's loss, its weight in the total loss, and its metrics.
  public struct Output: Sendable, Equatable {
    public var name: String
    public var loss: Loss
    public var weight: Float
    public var metricNames: [String]
    public var cellMetrics: [String: TracedLoss] = [:]
  }

  public init(optimizer: Optimizer, loss: Loss, metricNames: [String] = []) {
    self.optimizer = optimizer
    self.loss = loss
    self.metricNames = metricNames
  }

  /// Reads `model.compile(...)`'s arguments; refuses what ConvBook cannot train with.
  /// `cellLosses`: the losses defined in the cell, traced, by their functions' names (which
  /// `compile` keeps as the type names of their objects).
  public init(_ arguments: CompileArguments, cellLosses: [String: TracedLoss] = [:])
    throws(TrainingError)
  {
    optimizer = try Self.optimizer(arguments.optimizer)
    cellMetrics = cellLosses
    var perOutput = PerOutput()
    if let named = arguments.lossByOutput {
      var losses: [String: Loss] = [:]
      for (name, value) in named { losses[name] = try Self.loss(value, cellLosses) }
      guard let first = named.keys.sorted().first.flatMap({ losses[$0] }) else {
        throw TrainingError(
          .configuration,
          "No loss found. You may have forgotten to provide a `loss` argument in the `compile()` method."
        )
      }
      loss = first
      perOutput.lossesByName = losses
    } else if case .string = arguments.loss {
      loss = try Self.loss(arguments.loss, cellLosses)
    } else if let items = arguments.loss.sequenceItems {
      var losses: [Loss] = []
      for item in items { losses.append(try Self.loss(item, cellLosses)) }
      guard let first = losses.first else {
        throw TrainingError(
          .configuration,
          "No loss found. You may have forgotten to provide a `loss` argument in the `compile()` method."
        )
      }
      loss = first
      perOutput.losses = losses
    } else {
      loss = try Self.loss(arguments.loss, cellLosses)
    }
    func weight(_ value: ArgumentValue) throws(TrainingError) -> Float {
      switch value {
      case .int(let number): return Float(number)
      case .float(let number): return Float(number)
      default:
        throw TrainingError(
          .configuration, "ConvBook reads loss_weights as numbers, not \(value)")
      }
    }
    if let named = arguments.lossWeightsByOutput {
      var weights: [String: Float] = [:]
      for (name, value) in named { weights[name] = try weight(value) }
      perOutput.weightsByName = weights
    } else if let items = arguments.lossWeights.sequenceItems {
      var weights: [Float] = []
      for item in items { weights.append(try weight(item)) }
      perOutput.weights = weights
    } else if arguments.lossWeights != .none {
      throw TrainingError(
        .configuration,
        "ConvBook reads loss_weights as a list or a dict, not \(arguments.lossWeights)")
    }
    if let named = arguments.metricsByOutput {
      var metrics: [String: [String]] = [:]
      for (name, value) in named {
        metrics[name] = try Self.metricNames(
          cellLosses,
          value.sequenceItems == nil && value != .none ? .list([value]) : value)
      }
      perOutput.metricsByName = metrics
      metricNames = []
    } else if let items = arguments.metrics.sequenceItems, !items.isEmpty,
      items.allSatisfy({ $0.sequenceItems != nil })
    {
      var lists: [[String]] = []
      for item in items { lists.append(try Self.metricNames(cellLosses, item)) }
      perOutput.metrics = lists
      metricNames = []
    } else {
      metricNames = try Self.metricNames(cellLosses, arguments.metrics)
    }
    self.perOutput = perOutput == PerOutput() ? nil : perOutput
  }

  /// Every output's settings, for a model whose outputs come from the layers `names` (Keras'
  /// `model.output_names`); refuses lists and dicts that do not fit them, in Keras' words.
  public func outputs(names: [String]) throws(TrainingError) -> [Output] {
    let settings = perOutput ?? PerOutput()
    func checkKeys(_ keys: Dictionary<String, some Any>.Keys?) throws(TrainingError) {
      guard let keys else { return }
      let unknown = keys.filter { !names.contains($0) }.sorted()
      guard unknown.isEmpty else {
        throw TrainingError(
          .configuration,
          "Found unexpected losses or metrics that do not correspond to any Model output: dict_keys([\(unknown.map { PythonFormat.quoted($0) }.joined(separator: ", "))]). Valid mode output names: [\(names.map { PythonFormat.quoted($0) }.joined(separator: ", "))]."
        )
      }
    }
    func checkCount(_ count: Int?, _ what: String) throws(TrainingError) {
      guard let count, count != names.count else { return }
      throw TrainingError(
        .configuration,
        "When passing a list as \(what), it should have one entry per model output. The model has \(names.count) outputs, but you passed \(what)=\(count) entries"
      )
    }
    try checkKeys(settings.lossesByName?.keys)
    try checkKeys(settings.weightsByName?.keys)
    try checkKeys(settings.metricsByName?.keys)
    try checkCount(settings.losses?.count, "loss")
    try checkCount(settings.weights?.count, "loss_weights")
    try checkCount(settings.metrics?.count, "metrics")
    var outputs: [Output] = []
    for (index, name) in names.enumerated() {
      var loss = self.loss
      if let losses = settings.losses { loss = losses[index] }
      if let losses = settings.lossesByName {
        guard let given = losses[name] else {
          throw TrainingError(
            .configuration,
            "ConvBook cannot train a model whose output \"\(name)\" has no loss yet: give every output a loss"
          )
        }
        loss = given
      }
      let weight = settings.weights?[index] ?? settings.weightsByName?[name] ?? 1
      let metrics =
        settings.metrics?[index] ?? settings.metricsByName.map { $0[name] ?? [] } ?? metricNames
      outputs.append(
        Output(
          name: name, loss: loss, weight: weight, metricNames: metrics,
          cellMetrics: cellMetrics.filter { metrics.contains($0.key) }))
    }
    return outputs
  }

  // MARK: Optimizer

  static func optimizer(_ value: ArgumentValue) throws(TrainingError) -> Optimizer {
    switch value {
    case .string(let name):
      guard let kind = optimizerKind(name) else {
        throw TrainingError(
          .configuration,
          "ConvBook cannot train with the optimizer '\(name)' yet (it knows 'sgd', 'adam', 'adamw' and 'rmsprop')"
        )
      }
      return Optimizer(kind)
    case .object(let object):
      guard let kind = optimizerKind(object.typeName) else {
        throw TrainingError(
          .configuration,
          "ConvBook cannot train with the optimizer \(object.typeName) yet (it knows SGD, Adam, AdamW and RMSprop)"
        )
      }
      var optimizer = Optimizer(kind)
      let allowed: [String]
      switch kind {
      case .sgd: allowed = ["learning_rate", "momentum", "nesterov"]
      case .adam: allowed = ["learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad"]
      case .adamW:
        allowed = ["learning_rate", "weight_decay", "beta_1", "beta_2", "epsilon", "amsgrad"]
      case .rmsprop: allowed = ["learning_rate", "rho", "momentum", "epsilon", "centered"]
      }
      for (index, (label, argument)) in object.arguments.enumerated() {
        let name: String
        if label.hasPrefix("arg") {
          guard index < allowed.count else {
            throw TrainingError(
              .configuration,
              "\(object.typeName)() takes at most \(allowed.count) positional arguments ConvBook knows"
            )
          }
          name = allowed[index]
        } else {
          name = label
        }
        func number() throws(TrainingError) -> Float {
          switch argument {
          case .int(let value): return Float(value)
          case .float(let value): return Float(value)
          case .object(let setting):
            // A schedule (`keras.optimizers.schedules.ExponentialDecay`) or another object.
            throw TrainingError(
              .configuration,
              "ConvBook cannot train with \(object.typeName)(\(name)=\(setting.typeName)(...)) yet")
          default:
            throw TrainingError(
              .configuration,
              "\(object.typeName)(\(name)=...) must be a number for ConvBook, got \(argument)")
          }
        }
        func flag() throws(TrainingError) -> Bool {
          guard case .bool(let value) = argument else {
            throw TrainingError(
              .configuration, "\(object.typeName)(\(name)=...) must be True or False")
          }
          return value
        }
        switch name {
        case "learning_rate":
          if case .object(let setting) = argument,
            let schedule = try LearningRateSchedule.make(setting)
          {
            optimizer.schedule = schedule
          } else {
            optimizer.learningRate = try number()
          }
        case "momentum":
          optimizer.momentum = try number()
          if optimizer.momentum < 0 || optimizer.momentum > 1 {
            throw TrainingError(
              .configuration, "`momentum` must be between [0, 1]. Received: momentum=\(argument)")
          }
        case "nesterov": optimizer.nesterov = try flag()
        case "beta_1": optimizer.beta1 = try number()
        case "beta_2": optimizer.beta2 = try number()
        case "epsilon": optimizer.epsilon = try number()
        case "rho": optimizer.rho = try number()
        case "centered": optimizer.centered = try flag()
        case "weight_decay": optimizer.weightDecay = argument == .none ? nil : try number()
        case "amsgrad":
          if try flag() {
            throw TrainingError(
              .configuration, "ConvBook cannot train with \(object.typeName)(amsgrad=True) yet")
          }
        case "name": continue
        default:
          throw TrainingError(
            .configuration,
            "ConvBook cannot train with \(object.typeName)(\(name)=...) yet")
        }
      }
      if kind == .rmsprop && optimizer.centered && optimizer.momentum > 0 {
        throw TrainingError(
          .configuration, "ConvBook cannot train with RMSprop(centered=True, momentum>0) yet")
      }
      return optimizer
    default:
      throw TrainingError(
        .configuration,
        "Could not interpret optimizer identifier: \(value)")
    }
  }

  /// Whether `keras.optimizers.get(name)` knows the name (case-insensitive, as Keras reads it):
  /// tf-keras 2.21's names, and Keras 3's, which adds Adafactor, Lion and Muon. `compile` accepts
  /// every one of them; those ConvBook cannot train with are refused when training needs them.
  public static func isKerasOptimizerName(_ name: String, keras3: Bool) -> Bool {
    let lowered = name.lowercased()
    let both: Set<String> = [
      "adadelta", "adagrad", "adam", "adamax", "adamw", "ftrl", "nadam", "rmsprop", "sgd",
    ]
    if both.contains(lowered) { return true }
    return keras3
      ? ["adafactor", "lion", "muon"].contains(lowered)
      : ["experimentaladadelta", "experimentaladagrad", "experimentaladam", "experimentalsgd"]
        .contains(lowered)
  }

  private static func optimizerKind(_ name: String) -> Optimizer.Kind? {
    switch name.lowercased() {
    case "sgd": return .sgd
    case "adam": return .adam
    case "adamw": return .adamW
    case "rmsprop": return .rmsprop
    default: return nil
    }
  }

  // MARK: Loss

  static func loss(_ value: ArgumentValue, _ cellLosses: [String: TracedLoss])
    throws(TrainingError) -> Loss
  {
    if case .object(let object) = value, object.arguments.isEmpty,
      let traced = cellLosses[object.typeName]
    {
      return Loss(traced: traced)
    }
    switch value {
    case .none:
      throw TrainingError(
        .configuration,
        "No loss found. You may have forgotten to provide a `loss` argument in the `compile()` method."
      )
    case .string(let name):
      guard let kind = lossKind(name) else {
        throw TrainingError(.configuration, "ConvBook cannot train with the loss '\(name)' yet")
      }
      return Loss(kind)
    case .object(let object):
      guard let kind = lossKind(object.typeName) else {
        throw TrainingError(
          .configuration, "ConvBook cannot train with the loss \(object.typeName) yet")
      }
      var loss = Loss(kind)
      for (label, argument) in object.arguments {
        switch (label, argument) {
        case ("from_logits", .bool(let flag)): loss.fromLogits = flag
        case ("name", _): continue
        case ("reduction", .string("sum_over_batch_size")), ("reduction", .string("auto")):
          continue
        case ("axis", .int(-1)): continue
        case ("label_smoothing", .int(0)), ("label_smoothing", .float(0)): continue
        default:
          throw TrainingError(
            .configuration,
            "ConvBook cannot train with \(object.typeName)(\(label)=\(argument)) yet")
        }
      }
      return loss
    default:
      throw TrainingError(.configuration, "Could not interpret loss function identifier: \(value)")
    }
  }

  private static func lossKind(_ name: String) -> Loss.Kind? {
    switch name {
    case "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy":
      return .sparseCategoricalCrossentropy
    case "categorical_crossentropy", "CategoricalCrossentropy": return .categoricalCrossentropy
    case "binary_crossentropy", "BinaryCrossentropy": return .binaryCrossentropy
    case "mse", "mean_squared_error", "MSE", "MeanSquaredError": return .meanSquaredError
    case "mae", "mean_absolute_error", "MAE", "MeanAbsoluteError": return .meanAbsoluteError
    default: return nil
    }
  }

  // MARK: Metrics

  private static let metricObjectNames: [String: String] = [
    "Accuracy": "accuracy", "SparseCategoricalAccuracy": "sparse_categorical_accuracy",
    "CategoricalAccuracy": "categorical_accuracy", "BinaryAccuracy": "binary_accuracy",
    "MeanAbsoluteError": "mean_absolute_error", "MeanSquaredError": "mean_squared_error",
  ]

  private static func metricNames(_ cellMetrics: [String: TracedLoss], _ value: ArgumentValue)
    throws(TrainingError) -> [String]
  {
    guard value != .none else { return [] }
    guard let items = value.sequenceItems else {
      throw TrainingError(
        .configuration,
        "Type of `metrics` argument not understood. Expected a list or dictionary, found: \(value)")
    }
    var names: [String] = []
    for item in items {
      switch item {
      case .string(let name): names.append(name)
      case .object(let object):
        if let name = metricObjectNames[object.typeName] {
          names.append(name)
        } else {
          names.append(object.typeName)
        }
      default:
        throw TrainingError(.configuration, "ConvBook cannot train with the metric \(item) yet")
      }
    }
    for name in names
    where cellMetrics[name] == nil
      && metricKind(name, targetRank: 2, outputRank: 2, targetLast: 1, outputLast: 2) == nil
    {
      throw TrainingError(.configuration, "ConvBook cannot report the metric '\(name)' yet")
    }
    return names
  }

  private static func metricKind(
    _ name: String, targetRank: Int, outputRank: Int, targetLast: Int, outputLast: Int
  ) -> Metric.Kind? {
    switch name {
    case "accuracy", "acc":
      if outputLast == 1 { return .binaryAccuracy }
      if targetRank < outputRank || (targetLast == 1 && outputLast > 1) {
        return .sparseCategoricalAccuracy
      }
      return .categoricalAccuracy
    case "sparse_categorical_accuracy": return .sparseCategoricalAccuracy
    case "categorical_accuracy": return .categoricalAccuracy
    case "binary_accuracy": return .binaryAccuracy
    case "mae", "mean_absolute_error": return .meanAbsoluteError
    case "mse", "mean_squared_error": return .meanSquaredError
    default: return nil
    }
  }

  /// The metrics for targets of `targetShape` and model outputs of `outputShape` (batch first).
  func metrics(targetShape: [Int], outputShape: [Int]) -> [Metric] {
    Self.metrics(
      metricNames, cellMetrics: cellMetrics, targetShape: targetShape, outputShape: outputShape)
  }

  /// The metrics `names` for targets of `targetShape` and outputs of `outputShape`.
  static func metrics(
    _ names: [String], cellMetrics: [String: TracedLoss], targetShape: [Int], outputShape: [Int]
  ) -> [Metric] {
    names.compactMap { name in
      if let traced = cellMetrics[name] { return Metric(name: name, kind: .cellFunction(traced)) }
      return metricKind(
        name, targetRank: targetShape.count, outputRank: outputShape.count,
        targetLast: targetShape.last ?? 1, outputLast: outputShape.last ?? 1
      ).map { Metric(name: name, kind: $0) }
    }
  }
}
