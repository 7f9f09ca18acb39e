import CNNEngine

/// What a subclassed model's own `train_step` reads of the model: `self.trainable_weights` /
/// `trainable_variables` (its tracked layers' weights, in tracking order), `self.optimizer` (what
/// `compile` was given), `self.metrics` (the metric objects it holds; Keras 3 puts its `loss`
/// tracker first once compiled, tf-keras its `compiled_loss` tracker and compiled metrics once a
/// step used them), tf-keras' `self.compiled_loss(y, y_pred)` and
/// `self.compiled_metrics.update_state(y, y_pred)`, and Keras 3's
/// `self.compute_loss(y=..., y_pred=...)`.
enum TrainStepModels {
  /// The objects `compile` made for one model.
  final class Compiled {
    let instance: PythonInstance
    /// Keras 3's `loss` tracker (made by `compile`), or tf-keras' `compiled_loss` metric (made
    /// at its first use).
    var lossTracker: KerasMetricObject?
    /// tf-keras' compiled metrics, made at the first `compiled_metrics.update_state`.
    var metrics: [KerasMetricObject]?
    /// Keras 3's `self.optimizer.variables` once its first `apply_gradients` built it on the
    /// variables given (the summary's `Optimizer params`).
    var keras3OptimizerVariables: ModelSummary.OptimizerParameters?

    init(instance: PythonInstance) { self.instance = instance }
  }

  static let attributeNames: Set<String> = [
    "trainable_weights", "trainable_variables", "weights", "variables", "non_trainable_weights",
    "non_trainable_variables", "optimizer", "metrics", "metrics_names", "compiled_loss",
    "compiled_metrics", "compute_loss", "losses",
  ]

  /// `compile` ran: Keras 3 makes its loss tracker then.
  static func compiled(_ instance: PythonInstance, interpreter: Interpreter) {
    let state = Compiled(instance: instance)
    if interpreter.kerasVersion == .keras3 {
      state.lossTracker = KerasMetricObject(
        object: KerasObject(typeName: "Mean", arguments: [("name", .string("loss"))]),
        kind: .mean, name: "loss", keras3: true)
      // Keras 3 keeps the compiled metrics in one container, `compile_metrics`.
      let given =
        instance.layerState?.compileCall.flatMap { call in
          call.keywords.first { $0.0 == "metrics" }?.1 ?? call.positional.dropFirst(2).first
        } ?? Value.none
      if let items = given.sequenceItems, !items.isEmpty {
        state.metrics = [
          KerasMetricObject(
            object: KerasObject(typeName: "CompileMetrics"), kind: .compiled(instance),
            name: "compile_metrics", keras3: true)
        ]
      }
    }
    interpreter.session.eagerTapes.compiledSteps[ObjectIdentifier(instance)] = state
  }

  /// `compile` of a functional model made by a subclass (`EDSRModel(inputs, outputs)`): kept
  /// for the subclass's own steps as a subclassed model's `compile` is.
  static func compiled(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) {
    guard let instance = interpreter.session.customLayers[ObjectIdentifier(model)],
      let state = instance.layerState, state.functionalModel === model
    else { return }
    state.compileCall = (positional, keywords, site)
    compiled(instance, interpreter: interpreter)
  }

  /// What a functional subclass's own steps read of it: `compiled_loss`, `compiled_metrics`,
  /// `compute_loss`, and (when the class defines a step) `metrics`; nil for the model's own
  /// attributes.
  static func functionalAttribute(
    _ name: String, of instance: PythonInstance, session: KerasSession
  ) -> Value? {
    switch name {
    case "compiled_loss", "compiled_metrics", "compute_loss", "losses":
      return attribute(name, of: instance, session: session)
    case "metrics", "metrics_names":
      guard ["train_step", "test_step"].contains(where: { instance.type.lookup($0) != nil })
      else { return nil }
      return attribute(name, of: instance, session: session)
    default:
      return nil
    }
  }

  /// Keras refuses `fit` / `evaluate` / `predict` of a model `compile` never ran on.
  static func checkCompiled(_ instance: PythonInstance, site: CallSite, interpreter: Interpreter)
    throws(CellError)
  {
    guard instance.layerState?.compileCall == nil else { return }
    if interpreter.kerasVersion == .keras3 {
      throw CellError(
        type: "ValueError", message: "You must call `compile()` before using the model.",
        range: site.range)
    }
    throw CellError(
      type: "RuntimeError",
      message:
        "You must compile your model before training/testing. Use `model.compile(optimizer, loss)`.",
      range: site.range)
  }

  static func attribute(_ name: String, of instance: PythonInstance, session: KerasSession)
    -> Value?
  {
    switch name {
    case "trainable_weights", "trainable_variables":
      return .list(PythonList(variables(of: instance, session: session) { $0 }.map(Value.variable)))
    case "non_trainable_weights", "non_trainable_variables":
      return .list(
        PythonList(variables(of: instance, session: session) { !$0 }.map(Value.variable)))
    case "weights", "variables":
      return .list(
        PythonList(variables(of: instance, session: session) { _ in true }.map(Value.variable)))
    case "optimizer":
      return compiledOptimizer(of: instance)
    case "metrics":
      return .list(PythonList(metrics(of: instance, session: session).map { .standard($0) }))
    case "metrics_names":
      return .list(PythonList(metrics(of: instance, session: session).map { .string($0.name) }))
    case "compiled_loss", "compiled_metrics", "compute_loss":
      return .standard(CompiledStepObject(name: name, instance: instance))
    case "losses":
      // `self.losses` (for `regularization_losses=`): empty without penalties; ConvBook's
      // refusal of the penalties comes where they are passed on.
      return regularized(instance, session: session) ? nil : .list(PythonList([]))
    default:
      return nil
    }
  }

  /// Whether a layer of the model has a weight or activity regularizer (whose penalty Keras puts
  /// in `model.losses`).
  static func regularized(_ instance: PythonInstance, session: KerasSession) -> Bool {
    var layers: [LayerInstance] = []
    if let model = instance.layerState?.functionalModel {
      layers = model.flattenedLayers
    } else {
      func visit(_ value: Value) {
        switch value {
        case .layer(let layer): layers.append(layer)
        case .model(let model): layers += model.flattenedLayers
        case .instance(let object):
          if let model = object.layerState?.layer?.model {
            layers += model.flattenedLayers
          } else {
            KerasSubclassing.trackedLayers(of: object, session: session).forEach(visit)
          }
        default: break
        }
      }
      KerasSubclassing.trackedLayers(of: instance, session: session).forEach(visit)
    }
    return layers.contains { layer in
      let arguments = layer.layer.common.arguments
      return arguments.values.keys.contains {
        $0.hasSuffix("regularizer") && arguments[$0] != .none
      }
    }
  }

  /// The weights of the layers the model tracks (and, in tf-keras, of the metrics it holds,
  /// `TrackedMetrics`), each once, in tracking order; `keep` says which by whether each is
  /// trainable (a frozen layer's weights are not).
  static func variables(
    of instance: PythonInstance, session: KerasSession, where keep: (Bool) -> Bool
  ) -> [WeightVariable] {
    var seen: Set<String> = []
    var result: [WeightVariable] = []
    func add(_ variables: [WeightVariable], trainable: Bool) {
      for variable in variables where keep(trainable) && seen.insert(variable.name).inserted {
        result.append(variable)
      }
    }
    func layer(_ instance: LayerInstance) {
      add(instance.trainableVariables, trainable: true)
      add(instance.nonTrainableVariables, trainable: false)
    }
    func visit(_ value: Value) {
      switch value {
      case .layer(let instance): layer(instance)
      case .model(let model):
        add(model.trainableVariables, trainable: true)
        add(model.nonTrainableVariables, trainable: false)
      case .instance(let object):
        if let traced = object.layerState?.layer {
          layer(traced)
        } else {
          KerasSubclassing.trackedLayers(of: object, session: session).forEach(visit)
        }
      case .standard(let metric as KerasMetricObject):
        add(TrackedMetrics.variables(of: metric), trainable: false)
      default: break
      }
    }
    KerasSubclassing.trackedObjects(of: instance, session: session, metrics: true).forEach(visit)
    return result
  }

  /// `self.optimizer`: the optimizer `compile` was given (None before `compile`).
  static func compiledOptimizer(of instance: PythonInstance) -> Value {
    guard let call = instance.layerState?.compileCall else { return Value.none }
    let given = call.keywords.first { $0.0 == "optimizer" }?.1 ?? call.positional.first
    return TapeOptimizers.compiledOptimizer(given)
  }

  /// `model.metrics`: the compiled ones (see the type's comment), then the metric objects the
  /// model holds in its attributes.
  static func metrics(of instance: PythonInstance, session: KerasSession) -> [KerasMetricObject] {
    var result: [KerasMetricObject] = []
    if let compiled = session.eagerTapes.compiledSteps[ObjectIdentifier(instance)] {
      if let tracker = compiled.lossTracker { result.append(tracker) }
      result += compiled.metrics ?? []
    }
    // Keras tracks the metrics in lists (and tuples, dicts) an attribute holds too.
    func visit(_ value: Value) {
      switch value {
      case .standard(let metric as KerasMetricObject):
        if !result.contains(where: { $0 === metric }) { result.append(metric) }
      case .list(let list): list.items.forEach(visit)
      case .tuple(let items): items.forEach(visit)
      case .dictionary(let dict): dict.pairs.map(\.1).forEach(visit)
      default: break
      }
    }
    for name in instance.attributeOrder {
      if let value = instance.attributes[name] { visit(value) }
    }
    return result
  }
}

/// `self.compiled_loss`, `self.compiled_metrics` and `self.compute_loss` of a subclassed model.
final class CompiledStepObject: StandardObject {
  let name: String
  let instance: PythonInstance

  init(name: String, instance: PythonInstance) {
    self.name = name
    self.instance = instance
  }

  override var typeName: String {
    switch name {
    case "compiled_loss": return "LossesContainer"
    case "compiled_metrics": return "MetricsContainer"
    default: return "method"
    }
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if self.name == "compiled_metrics", name == "update_state" || name == "reset_state" {
      return .method(receiver: .standard(self), name: name)
    }
    throw .unsupported(
      "ConvBook does not support `\(self.name).\(name)` yet", at: range)
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard self.name == "compiled_metrics" else { return nil }
    let compiled = try state(interpreter: interpreter, site: site)
    if name == "reset_state" {
      for metric in compiled.metrics ?? [] { metric.reset() }
      return Value.none
    }
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: ["y_true", "y_pred", "sample_weight"],
      function: "update_state", range: site.range)
    if let weight = arguments["sample_weight"], !weight.isNone {
      throw .unsupported(
        "ConvBook does not support `compiled_metrics.update_state(sample_weight=...)` yet",
        at: site.range)
    }
    guard let target = arguments["y_true"], let prediction = arguments["y_pred"] else {
      throw CellError(
        type: "TypeError",
        message: "update_state() missing 1 required positional argument: 'y_pred'",
        range: site.range)
    }
    if interpreter.kerasVersion == .keras3 {
      // Keras 3's shim updates every metric of `self.metrics`, a `Mean` (the loss tracker
      // first) with the predictions alone, the others with the targets and the predictions.
      for metric in TrainStepModels.metrics(of: instance, session: interpreter.session) {
        switch metric.kind {
        case .mean:
          _ = try metric.method(
            "update_state", positional: [prediction], keywords: [], site: site,
            interpreter: interpreter)
        case .perLine, .confusion:
          throw .unsupported(
            "ConvBook does not support Keras 3's `compiled_metrics.update_state` with the metric \(metric.name) in `self.metrics` yet",
            at: site.range)
        case .sum, .compiled:
          _ = try metric.method(
            "update_state", positional: [target, prediction], keywords: [], site: site,
            interpreter: interpreter)
        }
      }
      return Value.none
    }
    if compiled.metrics == nil {
      compiled.metrics = try Self.compiledMetrics(
        instance, target: target, prediction: prediction, site: site, interpreter: interpreter)
    }
    for metric in compiled.metrics ?? [] {
      _ = try metric.method(
        "update_state", positional: [target, prediction], keywords: [], site: site,
        interpreter: interpreter)
    }
    return Value.none
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let compiled = try state(interpreter: interpreter, site: site)
    var target: Value
    let prediction: Value
    switch name {
    case "compiled_loss":
      let arguments = try EagerFunctions.bind(
        positional, keywords,
        parameters: ["y_true", "y_pred", "sample_weight", "regularization_losses"],
        function: "__call__", range: site.range)
      if let weight = arguments["sample_weight"], !weight.isNone {
        throw .unsupported(
          "ConvBook does not support `compiled_loss(sample_weight=...)` yet", at: site.range)
      }
      if let losses = arguments["regularization_losses"],
        !(losses.isNone || (losses.sequenceItems?.isEmpty ?? false))
      {
        throw .unsupported(
          "ConvBook does not add regularization losses in `compiled_loss` yet", at: site.range)
      }
      guard let y = arguments["y_true"], let p = arguments["y_pred"] else {
        throw CellError(
          type: "TypeError", message: "__call__() missing 1 required positional argument",
          range: site.range)
      }
      (target, prediction) = (y, p)
    case "compute_loss":
      let arguments = try EagerFunctions.bind(
        positional, keywords, parameters: ["x", "y", "y_pred", "sample_weight", "training"],
        function: "compute_loss", range: site.range)
      if let weight = arguments["sample_weight"], !weight.isNone {
        throw .unsupported(
          "ConvBook does not support `compute_loss(sample_weight=...)` yet", at: site.range)
      }
      guard let y = arguments["y"], let p = arguments["y_pred"], !y.isNone, !p.isNone else {
        throw .unsupported(
          "ConvBook computes `compute_loss(y=..., y_pred=...)` with targets and predictions given",
          at: site.range)
      }
      (target, prediction) = (y, p)
    default:
      return nil
    }
    guard let call = instance.layerState?.compileCall else { return nil }
    // tf-keras' `compute_loss` is `compiled_loss`, whose container gives targets of rank 1 an
    // axis for predictions of rank 2 (`match_dtype_and_rank`) before its loss reads them.
    if interpreter.kerasVersion == .keras2, case .array(var labels) = target, labels.rank == 1,
      EagerTensors.operand(prediction)?.rank == 2
    {
      labels.shape.append(1)
      target = .array(labels)
    }
    let loss = call.keywords.first { $0.0 == "loss" }?.1 ?? call.positional.dropFirst().first
    guard let loss, !loss.isNone else {
      if interpreter.kerasVersion == .keras3 {
        throw CellError(
          type: "ValueError",
          message: "No loss to compute. Provide a `loss` argument in `compile()`.",
          range: site.range)
      }
      throw .unsupported(
        "ConvBook computes `compiled_loss` of a model compiled with a loss only", at: site.range)
    }
    let value: Value
    switch loss {
    case .string(let text):
      guard
        let computed = try EagerLosses.callObject(
          KerasObject(typeName: Self.lossClass(text)), positional: [target, prediction],
          keywords: [], site: site, interpreter: interpreter)
      else {
        throw .unsupported(
          "ConvBook cannot compute the loss '\(text)' on data yet", at: site.range)
      }
      value = computed
    default:
      value = try Calls.call(
        loss, positional: [target, prediction], keywords: [], site: site,
        interpreter: interpreter)
    }
    // Keras 3's `compiled_loss` is `compute_loss`, which updates no tracker; tf-keras'
    // `compute_loss` is `compiled_loss`, which does.
    if interpreter.kerasVersion == .keras2 {
      if compiled.lossTracker == nil {
        compiled.lossTracker = KerasMetricObject(
          object: KerasObject(typeName: "Mean", arguments: [("name", .string("loss"))]),
          kind: .mean, name: "loss", keras3: false)
      }
      // tf-keras' loss metric weighs each batch's loss by the batch size.
      let batch = EagerTensors.operand(prediction)?.shape.first ?? 1
      if let loss = EagerTensors.operand(value), loss.count == 1 {
        compiled.lossTracker?.accumulate(loss.scalars[0], weight: Float(batch))
      }
    }
    return value
  }

  private func state(interpreter: Interpreter, site: CallSite) throws(CellError)
    -> TrainStepModels.Compiled
  {
    guard let compiled = interpreter.session.eagerTapes.compiledSteps[ObjectIdentifier(instance)]
    else {
      throw .unsupported(
        "ConvBook knows `\(name)` of a model after its compile() only", at: site.range)
    }
    return compiled
  }

  /// A loss name's class (`"mse"` is `MeanSquaredError`).
  private static func lossClass(_ name: String) -> String {
    switch name {
    case "mse", "mean_squared_error", "MSE": return "MeanSquaredError"
    case "mae", "mean_absolute_error", "MAE": return "MeanAbsoluteError"
    case "binary_crossentropy": return "BinaryCrossentropy"
    case "categorical_crossentropy": return "CategoricalCrossentropy"
    case "sparse_categorical_crossentropy": return "SparseCategoricalCrossentropy"
    default: return name
    }
  }

  /// tf-keras' compiled metrics, made from `compile(metrics=[...])` at their first update:
  /// `accuracy` chosen by the shapes (binary for one output column, sparse for class indices).
  static func compiledMetrics(
    _ instance: PythonInstance, target: Value, prediction: Value, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> [KerasMetricObject] {
    guard let call = instance.layerState?.compileCall else { return [] }
    let given = call.keywords.first { $0.0 == "metrics" }?.1 ?? call.positional.dropFirst(2).first
    guard let given, !given.isNone else { return [] }
    var result: [KerasMetricObject] = []
    let targetShape =
      EagerTensors.operand(target)?.shape
      ?? { () -> [Int] in
        if case .array(let a) = target { return a.shape }
        return []
      }()
    let predictionShape = EagerTensors.operand(prediction)?.shape ?? []
    for item in given.sequenceItems ?? [given] {
      switch item {
      case .standard(let metric as KerasMetricObject):
        result.append(metric)
      case .string(let name) where ["accuracy", "acc"].contains(name):
        let className: String
        if predictionShape.last == 1 {
          className = "BinaryAccuracy"
        } else if targetShape.count < predictionShape.count || targetShape.last == 1 {
          className = "SparseCategoricalAccuracy"
        } else {
          className = "CategoricalAccuracy"
        }
        guard
          let metric = try KerasMetricObject.make(
            className, positional: [], keywords: [("name", .string(name))], site: site,
            interpreter: interpreter)
        else { continue }
        result.append(metric)
      case .string(let name):
        let classes = [
          "mse": "MeanSquaredError", "mean_squared_error": "MeanSquaredError",
          "mae": "MeanAbsoluteError", "mean_absolute_error": "MeanAbsoluteError",
        ]
        guard let className = classes[name],
          let metric = try KerasMetricObject.make(
            className, positional: [], keywords: [("name", .string(name))], site: site,
            interpreter: interpreter)
        else {
          throw .unsupported(
            "ConvBook does not compute the compiled metric '\(name)' in a custom train_step yet",
            at: site.range)
        }
        result.append(metric)
      default:
        throw .unsupported(
          "ConvBook does not compute the compiled metric \(item.typeName) in a custom train_step yet",
          at: site.range)
      }
    }
    return result
  }
}
