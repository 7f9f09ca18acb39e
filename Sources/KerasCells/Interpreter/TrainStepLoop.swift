import CNNEngine

/// `fit`, `evaluate` and `predict` of a subclassed model that defines its own `train_step`,
/// `test_step` or `predict_step`: Keras' loops around the model's Python steps.
///
/// - the data goes in batches of `batch_size` rows (shuffled per epoch unless `shuffle=False`,
///   in TensorFlow's order after `tf.random.set_seed`, else in ConvBook's own, whose results
///   are not printed); each batch is what Keras passes the step:
///   `x` alone, `(x, y)`, with NumPy floats as float32 tensors;
/// - every epoch (and every evaluation) first resets the model's metrics (`model.metrics`: the
///   `metrics` property, or the metric objects the model holds);
/// - the logs are the dict the step returned, of its last batch: that is the history's row, the
///   callbacks' logs and (with `verbose=2`, and Keras 3's `verbose=1`) the progress line. tf-keras'
///   `verbose=1` bar averages over the epoch's batches the values that are not the model's
///   metrics, counting the last batch twice (its progress bar's last update repeats it);
/// - validation runs the model's `test_step` on `validation_data` after each epoch: `val_` logs.
///
/// Keras traces the steps into a `tf.function`; ConvBook runs them as Python on eager tensors
/// batch by batch (so a `print` in a step prints at every batch, where Keras prints while tracing).
enum TrainStepLoop {
  /// The model's own step `fit` / `evaluate` / `predict` runs, when its class defines one.
  static func ownStep(_ method: String, of instance: PythonInstance) -> String? {
    guard
      let step = ["fit": "train_step", "evaluate": "test_step", "predict": "predict_step"][method],
      instance.type.lookup(step) != nil
    else { return nil }
    return step
  }

  /// `fit` / `evaluate` / `predict` of a functional model made by a subclass that defines the
  /// step; nil for other models.
  static func run(
    _ method: String, of model: KerasModel, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard let instance = interpreter.session.customLayers[ObjectIdentifier(model)],
      instance.layerState?.functionalModel === model, ownStep(method, of: instance) != nil
    else { return nil }
    if model.compileArguments == nil {
      try TrainStepModels.checkCompiled(instance, site: site, interpreter: interpreter)
    }
    return try run(
      method, of: instance, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
  }

  static func run(
    _ method: String, of instance: PythonInstance, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    switch method {
    case "fit":
      return try fit(
        instance, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "evaluate":
      return try evaluate(
        instance, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    default:
      return try predict(
        instance, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
  }

  // MARK: Data

  /// x or y as Keras' data adapter holds it: one array, or a list / tuple of arrays.
  private struct Data {
    var arrays: [NDArray]
    /// How the step gets it: nil for one array, else the list or tuple it was given as.
    var isTuple: Bool?

    var count: Int { arrays.first?.shape.first ?? 0 }

    init(_ value: Value, name: String, site: CallSite) throws(CellError) {
      func array(_ item: Value) throws(CellError) -> NDArray {
        guard case .array(let array) = item, array.rank >= 1 else {
          throw .unsupported(
            "ConvBook runs a model's own train_step on NumPy arrays or tensors of data (\(name) is a '\(item.typeName)')",
            at: site.range)
        }
        return array
      }
      switch value {
      case .list(let list):
        arrays = []
        for item in list.items { arrays.append(try array(item)) }
        isTuple = false
      case .tuple(let items):
        arrays = []
        for item in items { arrays.append(try array(item)) }
        isTuple = true
      default:
        arrays = [try array(value)]
        isTuple = nil
      }
    }

    /// The rows `indices` as the step's value: float data as float32 tensors, as Keras casts it.
    func batch(_ indices: [Int], site: CallSite, interpreter: Interpreter) throws(CellError)
      -> Value
    {
      var parts: [Value] = []
      let index = NDArray(
        dtype: .int64, shape: [indices.count], scalars: indices.map { Float($0) })
      for array in arrays {
        guard
          case .array(var rows) = try ArrayOperations.subscriptValue(
            array, .array(index), range: site.range, budget: interpreter.budget)
        else { continue }
        if rows.tensorFlowDType == nil {
          rows.tensorFlowDType = nil
          let dtype: EagerDType? = rows.dtype.isFloat ? .float32 : nil
          rows = try EagerTensors.convert(
            .array(rows), dtype: dtype, function: "fit", range: site.range)
          if rows.tensorFlowDType == nil {
            rows.tensorFlowDType = (dtype ?? EagerDType(of: rows)).rawValue
          }
        }
        parts.append(.array(rows))
      }
      switch isTuple {
      case nil: return parts[0]
      case true?: return .tuple(parts)
      case false?: return .list(PythonList(parts))
      }
    }
  }

  /// What the step receives for a batch: `x`, or `(x, y)`.
  private static func stepData(
    x: Data, y: Data?, indices: [Int], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let inputs = try x.batch(indices, site: site, interpreter: interpreter)
    guard let y else { return inputs }
    return .tuple([inputs, try y.batch(indices, site: site, interpreter: interpreter)])
  }

  private static func batches(count: Int, batchSize: Int, order: [Int]) -> [[Int]] {
    stride(from: 0, to: count, by: batchSize).map {
      Array(order[$0..<min(count, $0 + batchSize)])
    }
  }

  // MARK: Steps and logs

  /// Calls the model's step on one batch; its logs as (name, value) in the dict's order.
  private static func step(
    _ name: String, of instance: PythonInstance, data: Value, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> [(String, Float)] {
    try stepDrawing(name, of: instance, data: data, site: site, interpreter: interpreter).logs
  }

  /// `step`, and whether its logs derive from ConvBook's own draws (`OwnDraws`: a model called in
  /// training mode whose dropout masks TensorFlow draws with its own generator).
  private static func stepDrawing(
    _ name: String, of instance: PythonInstance, data: Value, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> (logs: [(String, Float)], own: Bool) {
    let tapes = interpreter.session.eagerTapes
    let outer = tapes.stepModel
    tapes.stepModel = instance
    defer { tapes.stepModel = outer }
    let result: Value
    do {
      result = try Calls.call(
        .method(receiver: .instance(instance), name: name), positional: [data], keywords: [],
        site: site, interpreter: interpreter)
    } catch {
      throw autographError(error, step: name, interpreter: interpreter)
    }
    let own = OwnDraws.derives(result, training: interpreter.session.training)
    return (
      try logs(result, step: name, keras3: interpreter.kerasVersion == .keras3, site: site), own
    )
  }

  /// tf-keras traces `train_step` with AutoGraph inside its `train_function`: a Python exception
  /// raised there keeps its type and traceback, and its message becomes AutoGraph's "in user
  /// code:" text, which quotes Keras' three frames (below site-packages, where Python prints the
  /// machine's folder) and then the script's own, down to where it was raised.
  private static func autographError(
    _ error: CellError, step: String, interpreter: Interpreter
  ) -> CellError {
    guard interpreter.kerasVersion == .keras2, step == "train_step", let type = error.type,
      error.chained == nil, !error.message.hasPrefix("in user code:"),
      let script = interpreter.session.scriptName, interpreter.session.cellSources.count == 1,
      let source = interpreter.session.cellSources.values.first
    else { return error }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    var frames: [(line: Int, function: String)] = []
    var inside = false
    for caller in error.callers {
      if caller.function == step { inside = true }
      if inside { frames.append((caller.range.start.line, caller.function)) }
    }
    guard let function = error.function, inside || function == step else { return error }
    frames.append((error.range.start.line, function))
    let engine = "tf_keras/src/engine/training.py"
    var text =
      "in user code:\n\n"
      + "    File \"\(engine)\", line 1398, in train_function  *\n"
      + "        return step_function(self, iterator)\n"
      + "    File \"\(engine)\", line 1381, in step_function  **\n"
      + "        outputs = model.distribute_strategy.run(run_step, args=(data,))\n"
      + "    File \"\(engine)\", line 1370, in run_step  **\n"
      + "        outputs = model.train_step(data)\n"
    for frame in frames {
      guard frame.line >= 1, frame.line <= lines.count else { return error }
      let quoted = lines[frame.line - 1].trimmingCharacters(in: .whitespaces)
      text +=
        "    File \"\(script)\", line \(frame.line), in \(frame.function)\n        \(quoted)\n"
    }
    var wrapped = error
    wrapped.message = text + "\n    \(type): \(error.message)\n"
    wrapped.suggestion = nil
    return wrapped
  }

  /// The numbers of a step's returned dict (Python numbers, NumPy scalars or 0-d tensors, as
  /// Keras' progress bar and history take them); None gives no logs. Keras 3's step is a
  /// `tf.function` whose dict comes back with its keys sorted, and a dict inside it (the
  /// `compile_metrics` result) in its key's place.
  static func logs(_ value: Value, step: String, keras3: Bool, site: CallSite) throws(CellError)
    -> [(String, Float)]
  {
    if value.isNone { return [] }
    guard case .dictionary(let dictionary) = value else {
      throw .unsupported(
        "ConvBook takes the logs of \(step)() as a dict of numbers; it returned a '\(value.typeName)'",
        at: site.range)
    }
    var pairs = dictionary.pairs
    if keras3 {
      pairs.sort { PythonText.str($0.0) < PythonText.str($1.0) }
      if let index = pairs.firstIndex(where: { if case .dictionary = $0.1 { true } else { false } }
      ),
        case .dictionary(let inner) = pairs[index].1
      {
        let nested = try logs(.dictionary(inner), step: step, keras3: true, site: site)
        pairs.remove(at: index)
        pairs.insert(contentsOf: nested.map { (.string($0.0), .float(Double($0.1))) }, at: index)
      }
    }
    var result: [(String, Float)] = []
    for (key, item) in pairs {
      guard case .string(let name) = key else {
        throw .unsupported(
          "ConvBook takes the logs of \(step)() as a dict keyed by strings", at: site.range)
      }
      guard let number = scalar(item) else {
        throw .unsupported(
          "ConvBook takes the logs of \(step)() as numbers or scalar tensors; '\(name)' is a '\(item.typeName)'",
          at: site.range)
      }
      result.append((name, number))
    }
    return result
  }

  private static func scalar(_ value: Value) -> Float? {
    switch value {
    case .int(let number): return Float(number)
    case .float(let number): return Float(number)
    case .bool(let flag): return flag ? 1 : 0
    case .standard(let scalar as NumPyScalar) where scalar.array.count == 1:
      return scalar.array.scalars[0]
    case .array(let array) where array.count == 1: return array.scalars[0]
    default: return nil
    }
  }

  /// The model's metrics (`model.metrics`), reset at the start of every epoch and evaluation.
  static func metrics(of instance: PythonInstance, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> [KerasMetricObject]
  {
    let value = try Attributes.get(
      "metrics", of: .instance(instance), range: site.range, interpreter: interpreter)
    return (value.sequenceItems ?? []).compactMap {
      if case .standard(let metric as KerasMetricObject) = $0 { return metric }
      return nil
    }
  }

  /// The progress line's values: the last logs, or tf-keras' `verbose=1` averages (`sums`: of
  /// every batch before the last; the last counts twice, as its progress bar's final update adds
  /// it again).
  private static func shown(
    last: [(String, Float)], sums: [String: Double], steps: Int, stateful: Set<String>,
    verbose: Int, interpreter: Interpreter
  ) -> [(String, Float)] {
    guard verbose == 1, interpreter.kerasVersion == .keras2 else { return last }
    return last.map { name, value in
      guard !stateful.contains(name), let sum = sums[name] else { return (name, value) }
      return (name, Float((sum + 2 * Double(value)) / Double(steps + 1)))
    }
  }

  // MARK: fit

  private static func fit(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = try EagerFunctions.bind(
      positional, keywords,
      parameters: [
        "x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split",
        "validation_data", "shuffle", "class_weight", "sample_weight", "initial_epoch",
        "steps_per_epoch", "validation_steps", "validation_batch_size", "validation_freq",
        "max_queue_size", "workers", "use_multiprocessing",
      ], function: "fit", range: site.range)
    for name in [
      "class_weight", "sample_weight", "steps_per_epoch", "validation_steps",
      "validation_batch_size", "validation_freq",
    ] where arguments[name].map({ !$0.isNone }) ?? false {
      throw .unsupported(
        "ConvBook does not support fit(\(name)=...) with a model's own train_step yet",
        at: site.range)
    }
    if let split = arguments["validation_split"], split.isTruthy {
      throw .unsupported(
        "ConvBook does not support fit(validation_split=...) with a model's own train_step yet; pass validation_data",
        at: site.range)
    }
    let (x, y, batchSize) = try batchedData(arguments, of: "fit", step: "train_step", site: site)
    let epochs = try integer(arguments["epochs"], default: 1, site: site)
    let initialEpoch = try integer(arguments["initial_epoch"], default: 0, site: site)
    let verbose = try verbosity(arguments["verbose"], site: site)
    let shuffle = arguments["shuffle"]?.isTruthy ?? true
    let samples = x.count
    // What the steps compute derives from ConvBook's own draws when the model's weights or the
    // data do (`OwnDraws`); a subclassed model without a graph is not followed yet.
    let training = interpreter.session.training
    let steps = Exact.ceilingDivide(samples, batchSize)
    // Keras' data handler shuffles as `fit`'s does (`Trainer`): TensorFlow's order when the
    // script set its global seed, else one ConvBook draws.
    let globalSeed = interpreter.session.tensorflowGlobalSeed
    var own =
      positional.contains { OwnDraws.derives($0, training: training) }
      || keywords.contains { OwnDraws.derives($0.1, training: training) }
      || (instance.layerState?.functionalModel.map { training.ownDrawn($0) } ?? false)
      || (shuffle && steps > 1 && globalSeed == nil)
    for data in x.arrays + (y?.arrays ?? []) where data.shape[0] != samples {
      throw CellError(
        type: "ValueError",
        message:
          "Data cardinality is ambiguous:\n  x sizes: \(x.arrays.map { String($0.shape[0]) }.joined(separator: ", "))\n  y sizes: \((y?.arrays ?? []).map { String($0.shape[0]) }.joined(separator: ", "))\nMake sure all arrays contain the same number of samples.",
        range: site.range)
    }
    var validation: (Data, Data?)?
    if let given = arguments["validation_data"], !given.isNone {
      guard let items = given.sequenceItems, (1...2).contains(items.count) else {
        throw .unsupported(
          "ConvBook takes validation_data as a tuple (x_val, y_val)", at: site.range)
      }
      guard instance.type.lookup("test_step") != nil else {
        throw .unsupported(
          "ConvBook validates a model with its own train_step through its own test_step only; \(instance.type.name) has none",
          at: site.range)
      }
      validation = (
        try Data(items[0], name: "x_val", site: site),
        items.count == 2 ? try Data(items[1], name: "y_val", site: site) : nil
      )
    }
    let callbacks = try self.callbacks(arguments["callbacks"], instance: instance, site: site)
    var names: [String] = []
    var values: [[Float]] = []
    var epochsRun: [Int] = []
    let version = interpreter.kerasVersion
    let batchCallbacks = ClassCallbacks.defining(ClassCallbacks.trainBatchMethods, in: callbacks)
    let testCallbacks = ClassCallbacks.defining(ClassCallbacks.testMethods, in: callbacks)
    try ClassCallbacks.event(
      "on_train_begin", of: callbacks, logs: [], site: site, interpreter: interpreter)
    var lastLogs: [(String, Float)] = []
    for epoch in initialEpoch..<max(initialEpoch, epochs) {
      try ClassCallbacks.event(
        "on_epoch_begin", of: callbacks, arguments: [.int(epoch)], logs: [], site: site,
        interpreter: interpreter)
      // Keras' ProgbarLogger names the epoch only when there are several.
      if verbose != 0 && epochs > 1 { interpreter.write("Epoch \(epoch + 1)/\(epochs)\n") }
      let metrics = try self.metrics(of: instance, site: site, interpreter: interpreter)
      for metric in metrics { metric.reset() }
      var order = Array(0..<samples)
      if shuffle, let globalSeed {
        // tf-keras' generator goes on from epoch to epoch; Keras 3 starts it afresh.
        let drawn = version == .keras2 ? epoch - initialEpoch : 0
        order =
          TensorFlowRandom(globalSeed: globalSeed).shuffled(
            count: samples, from: UInt64(drawn) &* UInt64((samples + 3) / 4)
          ).order
      } else if shuffle {
        var generator = SeededGenerator(seed: training.seed, stream: "train_step/shuffle/\(epoch)")
        order.shuffle(using: &generator)
      }
      var logs: [(String, Float)] = []
      var sums: [String: Double] = [:]
      for (batch, indices) in batches(count: samples, batchSize: batchSize, order: order)
        .enumerated()
      {
        for (name, value) in logs { sums[name, default: 0] += Double(value) }
        try ClassCallbacks.event(
          "on_train_batch_begin", of: batchCallbacks, arguments: [.int(batch)], logs: [],
          site: site, interpreter: interpreter)
        let data = try stepData(x: x, y: y, indices: indices, site: site, interpreter: interpreter)
        let stepped = try stepDrawing(
          "train_step", of: instance, data: data, site: site, interpreter: interpreter)
        logs = stepped.logs
        own = own || stepped.own
        // Keras gives the step's own logs (sorted by name in Keras 3).
        try ClassCallbacks.event(
          "on_train_batch_end", of: batchCallbacks, arguments: [.int(batch)],
          logs: ClassCallbacks.logs(logs, version: version), site: site, interpreter: interpreter)
        try interpreter.budget.checkTime(at: site.range)
        if !batchCallbacks.isEmpty, instance.attributes["stop_training"]?.isTruthy == true {
          break
        }
      }
      let stateful = Set(
        try self.metrics(of: instance, site: site, interpreter: interpreter).map(\.name))
      var shownLogs = shown(
        last: logs, sums: sums, steps: steps, stateful: stateful, verbose: verbose,
        interpreter: interpreter)
      if let (xv, yv) = validation {
        try ClassCallbacks.event(
          "on_test_begin", of: testCallbacks, logs: [], site: site, interpreter: interpreter)
        let validationLogs = try test(
          instance, x: xv, y: yv, batchSize: batchSize, callbacks: testCallbacks, site: site,
          interpreter: interpreter)
        try ClassCallbacks.event(
          "on_test_end", of: testCallbacks,
          logs: ClassCallbacks.logs(validationLogs, version: version), site: site,
          interpreter: interpreter)
        logs += validationLogs.map { ("val_" + $0.0, $0.1) }
        shownLogs += validationLogs.map { ("val_" + $0.0, $0.1) }
      }
      if names.isEmpty { names = logs.map(\.0) }
      for (name, _) in logs where !names.contains(name) {
        names.append(name)
        values.append([])
      }
      if values.count < names.count {
        values += Array(repeating: [], count: names.count - values.count)
      }
      for (index, name) in names.enumerated() {
        if let value = logs.first(where: { $0.0 == name })?.1 { values[index].append(value) }
      }
      epochsRun.append(epoch)
      lastLogs = logs
      try ClassCallbacks.event(
        "on_epoch_end", of: callbacks, arguments: [.int(epoch)],
        logs: ClassCallbacks.logs(logs, version: version), site: site, interpreter: interpreter)
      if TrainingCalls.showsProgress(verbose) {
        if own { throw TrainingCalls.ownProgress(site: site) }
        interpreter.write(
          TrainingCalls.progressLine(
            steps: steps, values: shownLogs, verbose: verbose, version: interpreter.kerasVersion,
            ordered: true) + "\n")
      }
      if instance.attributes["stop_training"]?.isTruthy == true { break }
    }
    try ClassCallbacks.event(
      "on_train_end", of: callbacks, logs: ClassCallbacks.logs(lastLogs, version: version),
      site: site, interpreter: interpreter)
    var history = FitHistory(
      names: names, values: values, epochs: epochsRun,
      params: .init(
        verbose: verbose, epochs: epochs, steps: steps,
        given: (arguments["verbose"], arguments["epochs"])))
    history.derivesFromOwnDraw = own
    return .history(history)
  }

  /// The script's own callbacks (Keras' built-in ones are not run with a custom train_step yet).
  private static func callbacks(_ given: Value?, instance: PythonInstance, site: CallSite)
    throws(CellError) -> [PythonInstance]
  {
    guard let given, !given.isNone else { return [] }
    var result: [PythonInstance] = []
    for item in given.sequenceItems ?? [given] {
      guard case .instance(let callback) = item, callback.type.kerasClassBase == .callback else {
        throw .unsupported(
          "ConvBook runs the script's own callbacks with a model's own train_step; \(item.typeName) is not supported there yet",
          at: site.range)
      }
      let state = callback.kerasClassState ?? KerasClassState()
      callback.kerasClassState = state
      state.model = .instance(instance)
      result.append(callback)
    }
    return result
  }

  /// The model's own `test_step` over `x`, `y`, its metrics reset first: the last batch's logs.
  private static func test(
    _ instance: PythonInstance, x: Data, y: Data?, batchSize: Int,
    callbacks: [PythonInstance] = [], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> [(String, Float)] {
    for metric in try metrics(of: instance, site: site, interpreter: interpreter) {
      metric.reset()
    }
    var logs: [(String, Float)] = []
    for (batch, indices) in batches(
      count: x.count, batchSize: batchSize, order: Array(0..<x.count)
    ).enumerated() {
      try ClassCallbacks.event(
        "on_test_batch_begin", of: callbacks, arguments: [.int(batch)], logs: [], site: site,
        interpreter: interpreter)
      let data = try stepData(x: x, y: y, indices: indices, site: site, interpreter: interpreter)
      logs = try step("test_step", of: instance, data: data, site: site, interpreter: interpreter)
      try ClassCallbacks.event(
        "on_test_batch_end", of: callbacks, arguments: [.int(batch)],
        logs: ClassCallbacks.logs(logs, version: interpreter.kerasVersion), site: site,
        interpreter: interpreter)
      try interpreter.budget.checkTime(at: site.range)
    }
    return logs
  }

  // MARK: evaluate, predict

  private static func evaluate(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = try EagerFunctions.bind(
      positional, keywords,
      parameters: [
        "x", "y", "batch_size", "verbose", "sample_weight", "steps", "callbacks",
        "max_queue_size", "workers", "use_multiprocessing", "return_dict",
      ], function: "evaluate", range: site.range)
    for name in ["sample_weight", "steps", "callbacks"]
    where arguments[name].map({ !$0.isNone }) ?? false {
      throw .unsupported(
        "ConvBook does not support evaluate(\(name)=...) with a model's own test_step yet",
        at: site.range)
    }
    let (x, y, batchSize) = try batchedData(
      arguments, of: "evaluate", step: "test_step", site: site)
    let verbose = try verbosity(arguments["verbose"], site: site)
    for metric in try metrics(of: instance, site: site, interpreter: interpreter) {
      metric.reset()
    }
    var logs: [(String, Float)] = []
    var sums: [String: Double] = [:]
    let all = batches(count: x.count, batchSize: batchSize, order: Array(0..<x.count))
    for indices in all {
      for (name, value) in logs { sums[name, default: 0] += Double(value) }
      let data = try stepData(x: x, y: y, indices: indices, site: site, interpreter: interpreter)
      logs = try step("test_step", of: instance, data: data, site: site, interpreter: interpreter)
      try interpreter.budget.checkTime(at: site.range)
    }
    let metricNames = try metrics(of: instance, site: site, interpreter: interpreter).map(\.name)
    if TrainingCalls.showsProgress(verbose) {
      let values = shown(
        last: logs, sums: sums, steps: all.count, stateful: Set(metricNames), verbose: verbose,
        interpreter: interpreter)
      interpreter.write(
        TrainingCalls.progressLine(
          steps: all.count, values: values, verbose: verbose, version: interpreter.kerasVersion,
          ordered: true) + "\n")
    }
    if arguments["return_dict"]?.isTruthy == true {
      return .dictionary(
        PythonDict(logs.map { (.string($0.0), .float(Double($0.1))) }))
    }
    // Keras' order: the model's metrics first, then the other logs.
    let ordered =
      metricNames.compactMap { name in logs.first { $0.0 == name } }
      + logs.filter { !metricNames.contains($0.0) }
    if ordered.count == 1 { return .float(Double(ordered[0].1)) }
    return .list(PythonList(ordered.map { .float(Double($0.1)) }))
  }

  private static func predict(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = try EagerFunctions.bind(
      positional, keywords,
      parameters: [
        "x", "batch_size", "verbose", "steps", "callbacks", "max_queue_size", "workers",
        "use_multiprocessing",
      ], function: "predict", range: site.range)
    for name in ["steps", "callbacks"] where arguments[name].map({ !$0.isNone }) ?? false {
      throw .unsupported(
        "ConvBook does not support predict(\(name)=...) with a model's own predict_step yet",
        at: site.range)
    }
    let (x, _, batchSize) = try batchedData(
      arguments, of: "predict", step: "predict_step", site: site)
    let verbose = try verbosity(arguments["verbose"], site: site)
    var outputs: [NDArray] = []
    let all = batches(count: x.count, batchSize: batchSize, order: Array(0..<x.count))
    for indices in all {
      let data = try x.batch(indices, site: site, interpreter: interpreter)
      let result = try Calls.call(
        .method(receiver: .instance(instance), name: "predict_step"), positional: [data],
        keywords: [], site: site, interpreter: interpreter)
      guard case .array(var array) = result, array.rank >= 1 else {
        throw .unsupported(
          "ConvBook's predict() takes one tensor from predict_step(); it returned a '\(result.typeName)'",
          at: site.range)
      }
      array.tensorFlowDType = nil
      outputs.append(array)
      try interpreter.budget.checkTime(at: site.range)
    }
    if TrainingCalls.showsProgress(verbose) {
      interpreter.write(
        TrainingCalls.progressLine(
          steps: all.count, values: [], verbose: verbose, version: interpreter.kerasVersion)
          + "\n")
    }
    return .array(try ArrayOperations.concatenate(outputs, axis: 0, range: site.range))
  }

  // MARK: Arguments

  /// The `x`, `y` and `batch_size` a fit / evaluate / predict call gives the model's own step.
  private static func batchedData(
    _ arguments: [String: Value], of method: String, step: String, site: CallSite
  ) throws(CellError) -> (x: Data, y: Data?, batchSize: Int) {
    guard let given = arguments["x"], !given.isNone else {
      throw .unsupported(
        "ConvBook runs \(method)() with a model's own \(step) on x given as data", at: site.range)
    }
    let x = try Data(given, name: "x", site: site)
    let y = try arguments["y"].flatMap { $0.isNone ? nil : $0 }.map {
      (value: Value) throws(CellError) -> Data in try Data(value, name: "y", site: site)
    }
    let batchSize = try integer(arguments["batch_size"], default: 32, site: site)
    return (x, y, batchSize)
  }

  private static func integer(_ value: Value?, default fallback: Int, site: CallSite)
    throws(CellError) -> Int
  {
    guard let value, !value.isNone else { return fallback }
    guard case .int(let number) = value, number >= 1 || fallback == 0 else {
      throw CellError(
        type: "ValueError", message: "expected a positive integer, got \(PythonText.repr(value))",
        range: site.range)
    }
    return number
  }

  private static func verbosity(_ value: Value?, site: CallSite) throws(CellError) -> Int {
    switch value {
    case nil, .none?: return 1
    case .string("auto")?: return 1
    case .int(let level)?: return level
    case .bool(let flag)?: return flag ? 1 : 0
    default:
      throw CellError(
        type: "ValueError", message: "verbose must be an integer or 'auto'", range: site.range)
    }
  }
}
