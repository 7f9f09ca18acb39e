/// `compile`'s optimizer, loss and metrics resolved as tf-keras resolves them: optimizer names are
/// case-insensitive ("adam", "Adam"), loss names take their aliases ("mse"), and `accuracy` /
/// `acc` become binary, sparse categorical or categorical accuracy from the shapes of the
/// targets and of the model's output (`compile_utils.get_metric_function`).
public struct TrainingConfiguration: Sendable, Equatable {
  public var optimizer: Optimizer
  /// The loss of every output (or, with per-output losses, of the first one given).
  public var loss: Loss
  /// `metrics` then `weighted_metrics` as given; resolved against the data by
  /// `metrics(targetShape:outputShape:)`.
  public var metrics: [MetricEntry]
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
    var metrics: [[MetricEntry]]?
    var metricsByName: [String: [MetricEntry]]?
    var weightedMetricsByName: [String: [MetricEntry]]?
  }

  /// One metric of `compile`: what it computes and the name Keras reports it under.
  public struct MetricEntry: Sendable, Equatable {
    /// What it computes: a string as given (`"accuracy"`, `"acc"`, `"mae"`), the function of a
    /// metric object's class (`"sparse_categorical_accuracy"` for `SparseCategoricalAccuracy`),
    /// or the name of a function of the script.
    public var function: String
    /// Its own name before any output prefix: the string as given, a metric object's `name=`
    /// (else its class's default name), a function's `__name__`.
    public var name: String
    /// Given in `weighted_metrics` (sample weights apply to it).
    public var weighted: Bool
    /// A metric object of the script with state of its own (then `function` is its class).
    public var stateful: StatefulMetric?

    public init(
      function: String, name: String? = nil, weighted: Bool = false,
      stateful: StatefulMetric? = nil
    ) {
      self.function = function
      self.name = name ?? function
      self.weighted = weighted
      self.stateful = stateful
    }
  }

  /// One output's loss, its weight in the total loss, and its metrics.
  public struct Output: Sendable, Equatable {
    public var name: String
    public var loss: Loss
    public var weight: Float
    /// Its metrics, then its weighted metrics.
    public var metrics: [MetricEntry]
    public var cellMetrics: [String: TracedLoss] = [:]
    /// The names `history` and `evaluate` give `metrics`: with the output's name in front when
    /// the model has several outputs, repeated names resolved as each Keras resolves them.
    public var reportedNames: [String] = []
  }

  /// Keras 3 in place of tf-keras: its logs (metric names: a repeated name gets `_1`, `_2`, where
  /// tf-keras raises a ValueError; each output's own loss as the plain mean of its batches, as
  /// Keras 3's `CompileLoss` weighs each batch by its static size, unknown in its traced step),
  /// and its BatchNormalization in training (`BatchNormalizationTraining.Formula.keras3`).
  public var keras3 = false

  /// Keras 3's losses in place of tf-keras' (`Loss.keras3`), for every output.
  public var keras3Losses = false {
    didSet {
      loss.keras3 = keras3Losses
      if var perOutput {
        perOutput.losses = perOutput.losses?.map { loss in
          var loss = loss
          loss.keras3 = keras3Losses
          return loss
        }
        perOutput.lossesByName = perOutput.lossesByName?.mapValues { loss in
          var loss = loss
          loss.keras3 = keras3Losses
          return loss
        }
        self.perOutput = perOutput
      }
    }
  }

  public init(optimizer: Optimizer, loss: Loss, metricNames: [String] = []) {
    self.optimizer = optimizer
    self.loss = loss
    self.metrics = metricNames.map { MetricEntry(function: $0) }
  }

  /// Reads `model.compile(...)`'s arguments; refuses what ConvBook cannot train with.
  /// `cellLosses`: the losses defined in the cell, traced, by their functions' names (which
  /// `compile` keeps as the type names of their objects).
  /// `addedLossesOnly`: the model has losses `model.add_loss` added, and `compile` without a
  /// loss trains on them alone (tf-keras).
  /// `statefulMetrics`: the script's metric objects with state, by the identity of the object
  /// `compile` keeps for each.
  public init(
    _ arguments: CompileArguments, cellLosses: [String: TracedLoss] = [:],
    addedLossesOnly: Bool = false, statefulMetrics: [ObjectIdentifier: StatefulMetric] = [:]
  ) throws(TrainingError) {
    optimizer = try Self.optimizer(arguments.optimizer)
    cellMetrics = cellLosses
    var perOutput = PerOutput()
    if addedLossesOnly, arguments.lossByOutput == nil, case .none = arguments.loss {
      loss = Loss(.none)
    } else if let named = arguments.lossByOutput {
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
    func single(_ value: ArgumentValue) -> ArgumentValue {
      value.sequenceItems == nil && value != .none ? .list([value]) : value
    }
    if let named = arguments.metricsByOutput {
      var metrics: [String: [MetricEntry]] = [:]
      for (name, value) in named {
        metrics[name] = try Self.metricEntries(
          cellLosses, statefulMetrics, single(value), weighted: false)
      }
      perOutput.metricsByName = metrics
      self.metrics = []
    } else if let items = arguments.metrics.sequenceItems, !items.isEmpty,
      items.allSatisfy({ $0.sequenceItems != nil })
    {
      var lists: [[MetricEntry]] = []
      for item in items {
        lists.append(try Self.metricEntries(cellLosses, statefulMetrics, item, weighted: false))
      }
      perOutput.metrics = lists
      self.metrics = []
    } else {
      self.metrics = try Self.metricEntries(
        cellLosses, statefulMetrics, arguments.metrics, weighted: false)
    }
    if let named = arguments.weightedMetricsByOutput {
      var metrics: [String: [MetricEntry]] = [:]
      for (name, value) in named {
        metrics[name] = try Self.metricEntries(
          cellLosses, statefulMetrics, single(value), weighted: true)
      }
      perOutput.weightedMetricsByName = metrics
    } else if arguments.weightedMetrics != .none {
      if let items = arguments.weightedMetrics.sequenceItems,
        items.contains(where: { $0.sequenceItems != nil })
      {
        throw TrainingError(
          .configuration, "ConvBook does not support weighted_metrics as a list of lists yet")
      }
      self.metrics += try Self.metricEntries(
        cellLosses, statefulMetrics, arguments.weightedMetrics, weighted: true)
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
      if keras3, what == "loss_weights", let losses = settings.losses?.count,
        losses == names.count
      {
        // Keras 3's `CompileLoss.build` pairs the weights with the losses it flattened.
        throw TrainingError(
          .configuration,
          "`loss_weights` must match the number of losses, got \(losses) losses and \(count) weights."
        )
      }
      // tf-keras pairs the list with the outputs up to the shorter of the two and trains on;
      // Keras 3 fails in words that depend on the structure (a KeyError for a longer loss list).
      throw TrainingError(
        .configuration,
        "ConvBook does not support \(what)= as a list of \(count) entries for a model of \(names.count) outputs yet (tf-keras pairs the entries with the outputs as far as both go; Keras 3 refuses it in its own words)"
      )
    }
    try checkKeys(settings.lossesByName?.keys)
    try checkKeys(settings.weightsByName?.keys)
    try checkKeys(settings.metricsByName?.keys)
    try checkKeys(settings.weightedMetricsByName?.keys)
    try checkCount(settings.losses?.count, "loss")
    try checkCount(settings.weights?.count, "loss_weights")
    try checkCount(settings.metrics?.count, "metrics")
    // Keras 3 reads a flat list of metrics given to a model of several outputs as one entry per
    // output (`CompileMetrics._build_metrics_set`); tf-keras gives every output all of them.
    var entryPerOutput: [[MetricEntry]] = Array(repeating: [], count: names.count)
    var shared = self.metrics
    if keras3, names.count > 1 {
      for (weighted, argument) in [(false, "metrics"), (true, "weighted_metrics")] {
        let group = shared.filter { $0.weighted == weighted }
        guard !group.isEmpty else { continue }
        guard group.count == names.count else {
          throw TrainingError(
            .configuration,
            "ConvBook does not support Keras 3's ValueError for a list of \(group.count) \(argument) given to a model of \(names.count) outputs yet (Keras 3 reads the list as one entry per output)"
          )
        }
        for index in names.indices { entryPerOutput[index].append(group[index]) }
        shared.removeAll { $0.weighted == weighted }
      }
    }
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
      // Per-output lists leave only weighted metrics in `self.metrics`.
      var metrics =
        (settings.metrics?[index] ?? settings.metricsByName.map { $0[name] ?? [] } ?? [])
        + entryPerOutput[index].filter { !$0.weighted } + shared
      metrics += entryPerOutput[index].filter(\.weighted)
      metrics += settings.weightedMetricsByName?[name] ?? []
      let functions = Set(metrics.map(\.function))
      outputs.append(
        Output(
          name: name, loss: loss, weight: weight, metrics: metrics,
          cellMetrics: cellMetrics.filter { functions.contains($0.key) }))
    }
    try nameMetrics(&outputs)
    return outputs
  }

  /// Sets every output's `reportedNames`: tf-keras' `MetricsContainer._set_metric_names` (a
  /// repeated name is refused; a weighted metric whose name is taken gets `weighted_`) or
  /// Keras 3's `CompileMetrics.result` (all metrics first, then the weighted ones; a repeated
  /// name gets `_1`, `_2`, ...; a weighted one tries `weighted_` first).
  private func nameMetrics(_ outputs: inout [Output]) throws(TrainingError) {
    let several = outputs.count > 1
    func prefix(_ output: Output) -> String { several ? output.name + "_" : "" }
    var names = outputs.map { Array(repeating: "", count: $0.metrics.count) }
    if keras3 {
      var counters: [String: Int] = [:]
      for weighted in [false, true] {
        for (k, output) in outputs.enumerated() {
          for (i, metric) in output.metrics.enumerated() where metric.weighted == weighted {
            var name = prefix(output) + metric.name
            if counters[name] != nil && weighted {
              name = prefix(output) + "weighted_" + metric.name
            }
            if let index = counters[name] {
              counters[name] = index + 1
              name += "_\(index)"
            } else {
              counters[name] = 1
            }
            names[k][i] = name
          }
        }
      }
    } else {
      var taken: Set<String> = []
      for (k, output) in outputs.enumerated() {
        for weighted in [false, true] {
          for (i, metric) in output.metrics.enumerated() where metric.weighted == weighted {
            var name = prefix(output) + metric.name
            if weighted && taken.contains(name) {
              name = prefix(output) + "weighted_" + metric.name
            }
            // tf-keras raises its ValueError inside the traced train or test function.
            guard !taken.contains(name) else {
              throw TrainingError(
                .metricNames,
                "Found two metrics with the same name: \(name). All the metrics added to the model need to have unique names."
              )
            }
            taken.insert(name)
            names[k][i] = name
          }
        }
      }
    }
    for k in outputs.indices { outputs[k].reportedNames = names[k] }
  }

  // MARK: Optimizer

  static func optimizer(_ value: ArgumentValue) throws(TrainingError) -> Optimizer {
    switch value {
    case .string(let name):
      guard let kind = optimizerKind(name) else {
        throw TrainingError(
          .configuration,
          "ConvBook cannot train with the optimizer '\(name)' yet (it knows 'sgd', 'adam', 'adamw', 'nadam' and 'rmsprop')"
        )
      }
      return Optimizer(kind)
    case .object(let object):
      guard let kind = optimizerKind(object.typeName) else {
        throw TrainingError(
          .configuration,
          "ConvBook cannot train with the optimizer \(object.typeName) yet (it knows SGD, Adam, AdamW, Nadam and RMSprop)"
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
      case .nadam: allowed = ["learning_rate", "beta_1", "beta_2", "epsilon"]
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
        func number() throws(TrainingError) -> Float { Float(try double()) }
        /// The Python number as given (Keras computes `1 - beta_1` from it in double precision).
        func double() throws(TrainingError) -> Double {
          switch argument {
          case .int(let value): return Double(value)
          case .float(let value): return value
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
        case "beta_1": optimizer.beta1 = try double()
        case "beta_2": optimizer.beta2 = try double()
        case "epsilon": optimizer.epsilon = try number()
        case "rho": optimizer.rho = try double()
        case "centered": optimizer.centered = try flag()
        case "weight_decay": optimizer.weightDecay = argument == .none ? nil : try number()
        case "amsgrad": optimizer.amsgrad = try flag()
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
    case "nadam": return .nadam
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

  /// Metric classes ConvBook computes, by the function they compute (also their default name).
  private static let metricObjectFunctions: [String: String] = [
    "SparseCategoricalAccuracy": "sparse_categorical_accuracy",
    "CategoricalAccuracy": "categorical_accuracy", "BinaryAccuracy": "binary_accuracy",
    "MeanAbsoluteError": "mean_absolute_error", "MeanSquaredError": "mean_squared_error",
  ]

  /// `metrics=` or `weighted_metrics=` (a list, or `.none`) as entries; refuses the metrics
  /// ConvBook cannot compute and metric objects' settings it does not model.
  private static func metricEntries(
    _ cellMetrics: [String: TracedLoss], _ statefulMetrics: [ObjectIdentifier: StatefulMetric],
    _ value: ArgumentValue, weighted: Bool
  ) throws(TrainingError) -> [MetricEntry] {
    guard value != .none else { return [] }
    guard let items = value.sequenceItems else {
      throw TrainingError(
        .configuration,
        "Type of `metrics` argument not understood. Expected a list or dictionary, found: \(value)")
    }
    var entries: [MetricEntry] = []
    for item in items {
      switch item {
      case .string(let name): entries.append(MetricEntry(function: name, weighted: weighted))
      case .object(let object):
        if let metric = statefulMetrics[ObjectIdentifier(object.identity)] {
          entries.append(
            MetricEntry(
              function: object.typeName, name: metric.name, weighted: weighted, stateful: metric))
          continue
        }
        if cellMetrics[object.typeName] != nil, object.arguments.isEmpty {
          entries.append(MetricEntry(function: object.typeName, weighted: weighted))
          continue
        }
        guard let function = metricObjectFunctions[object.typeName] else {
          throw TrainingError(
            .configuration, "ConvBook cannot report the metric \(object.typeName) yet")
        }
        var name = function
        // The classes' positional parameters: `name`, `dtype` (and BinaryAccuracy's `threshold`).
        let positional = ["name", "dtype", "threshold"]
        for (given, argument) in object.arguments {
          var label = given
          if given.hasPrefix("arg"), let index = Int(given.dropFirst(3)), index < positional.count {
            label = positional[index]
          }
          switch (label, argument) {
          case ("name", .string(let text)): name = text
          case ("dtype", .none), ("dtype", .string("float32")): continue
          case ("threshold", .float(0.5)) where object.typeName == "BinaryAccuracy": continue
          default:
            throw TrainingError(
              .configuration,
              "ConvBook cannot report the metric \(object.typeName)(\(label.hasPrefix("arg") ? "" : label + "=")\(argument)) yet"
            )
          }
        }
        entries.append(MetricEntry(function: function, name: name, weighted: weighted))
      default:
        throw TrainingError(.configuration, "ConvBook cannot train with the metric \(item) yet")
      }
    }
    for entry in entries
    where entry.stateful == nil && cellMetrics[entry.function] == nil
      && metricKind(entry.function, targetRank: 2, outputRank: 2, targetLast: 1, outputLast: 2)
        == nil
    {
      throw TrainingError(
        .configuration, "ConvBook cannot report the metric '\(entry.function)' yet")
    }
    return entries
  }

  private static func metricKind(
    _ name: String, targetRank: Int, outputRank: Int, targetLast: Int, outputLast: Int
  ) -> Metric.Kind? {
    switch name.lowercased() == "accuracy" || name.lowercased() == "acc" ? "accuracy" : name {
    case "accuracy":
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
      metrics, cellMetrics: cellMetrics, targetShape: targetShape, outputShape: outputShape)
  }

  /// The metrics `entries` for targets of `targetShape` and outputs of `outputShape`.
  static func metrics(
    _ entries: [MetricEntry], cellMetrics: [String: TracedLoss], targetShape: [Int],
    outputShape: [Int]
  ) -> [Metric] {
    entries.compactMap { entry in
      if let metric = entry.stateful {
        return Metric(name: entry.name, kind: .stateful(metric), weighted: entry.weighted)
      }
      if let traced = cellMetrics[entry.function] {
        return Metric(name: entry.name, kind: .cellFunction(traced), weighted: entry.weighted)
      }
      return metricKind(
        entry.function, targetRank: targetShape.count, outputRank: outputShape.count,
        targetLast: targetShape.last ?? 1, outputLast: outputShape.last ?? 1
      ).map { Metric(name: entry.name, kind: $0, weighted: entry.weighted) }
    }
  }
}
