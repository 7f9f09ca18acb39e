import CNNEngine
import Foundation

/// `model.fit`, `model.evaluate`, `model.predict`, `model.save_weights` and `model.load_weights`
/// in cells, on the engine's `Trainer` and `ForwardPass`.
///
/// Progress lines are Keras' final line of each epoch for the session's Keras version, without
/// the timings (`- 1s 170ms/step`), so that pages stay byte-identical: tf-keras prints
/// `3/3 [==============================] - loss: 1.1079 - accuracy: 0.4000` with `verbose=1` and
/// `3/3 - loss: 1.1079 - accuracy: 0.4000` with `verbose=2`.
enum TrainingCalls {
  private struct Arguments {
    var positional: [Value]
    var keywords: [(String, Value)]
    let site: CallSite
    let function: String

    /// tf-keras' queue arguments given (`KerasFitKeywords.queueing`).
    var queueing: [(String, Value)] {
      keywords.filter { KerasFitKeywords.queueing.contains($0.0) }
    }

    func value(_ index: Int?, _ name: String) -> Value? {
      if let found = keywords.first(where: { $0.0 == name }) { return found.1 }
      guard let index, index < positional.count else { return nil }
      return positional[index]
    }

    /// `version`: a model's `fit`, `evaluate` or `predict`, whose errors name the method's class
    /// (tf-keras' `Model`, Keras 3's `TensorFlowTrainer`, whose `evaluate` takes `**kwargs`).
    func check(
      positional names: [String], keywords allowed: [String], ignored: [String] = [],
      version: KerasVersion? = nil
    ) throws(CellError) {
      if version != nil, function == "evaluate" {
        let unknown = keywords.filter {
          !names.contains($0.0) && !allowed.contains($0.0)
            && (version == .keras3 || !KerasFitKeywords.queueing.contains($0.0))
        }
        if version == .keras2, !unknown.isEmpty {
          // tf-keras' `evaluate(..., **kwargs)`.
          let shown = unknown.map { PythonText.repr(.string($0.0)) }
          throw CellError(
            type: "TypeError",
            message: "Invalid keyword arguments: [\(shown.joined(separator: ", "))]",
            range: site.range)
        }
        if !unknown.isEmpty {
          let shown = unknown.map { "\(PythonText.repr(.string($0.0))): \(PythonText.repr($0.1))" }
          throw CellError(
            type: "ValueError",
            message: "Arguments not recognized: {\(shown.joined(separator: ", "))}",
            range: site.range)
        }
      }
      for (label, value) in keywords
      where !names.contains(label) && !allowed.contains(label) {
        // tf-keras' queue and workers feed generators and Sequences only (`queueArguments`).
        if version == .keras2, KerasFitKeywords.queueing.contains(label) { continue }
        if ignored.contains(label) && (value.isNone || value.sequenceItems?.isEmpty == true) {
          continue
        }
        if version == .keras3
          ? KerasFitKeywords.keras3Parameters[function]?.contains(label) == true
          : ignored.contains(label) || KerasFitKeywords.known.contains(label)
        {
          throw .unsupported(
            "ConvBook does not support \(function)(\(label)=...) yet", at: site.range)
        }
        let owner = version.map { $0 == .keras3 ? "TensorFlowTrainer." : "Model." } ?? ""
        throw CellError(
          type: "TypeError",
          message: "\(owner)\(function)() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      if positional.count > names.count {
        throw .unsupported(
          "ConvBook's \(function)() takes at most \(names.count) positional arguments (\(names.joined(separator: ", "))); pass the others by name",
          at: site.range)
      }
    }

    func integer(_ index: Int?, _ name: String, default fallback: Int) throws(CellError) -> Int {
      switch value(index, name) {
      case nil, .none?: return fallback
      case .int(let number)?: return number
      // Python's bool is an int: `epochs=True` is one epoch.
      case .bool(let flag)?: return flag ? 1 : 0
      case let other?:
        throw .unsupported(
          "ConvBook takes \(function)(\(name)=...) as an integer, not \(PythonText.repr(other))",
          at: site.range)
      }
    }

    /// `verbose`: "auto" is 1 in a notebook. Any other integer is kept as given: Keras' progress
    /// logger names the epochs for every level but 0 and draws its bar only for 1 and 2
    /// (`showsProgress`), so `verbose=3` prints the `Epoch 1/5` lines alone.
    func verbosity() throws(CellError) -> Int {
      switch value(nil, "verbose") {
      case nil, .string("auto")?: return 1
      case .int(let level)?: return level
      case .bool(let flag)?: return flag ? 1 : 0
      case let other?:
        throw .unsupported(
          "ConvBook prints with an integer verbose or \"auto\", not \(PythonText.repr(other))",
          at: site.range)
      }
    }

    func tensor(_ index: Int?, _ name: String, budget: EvaluationBudget) throws(CellError)
      -> NDArray
    {
      guard let given = value(index, name), !given.isNone else {
        throw CellError(
          type: "ValueError",
          message: "Expected input data to \(function)() as `\(name)`; ConvBook needs arrays here",
          range: site.range)
      }
      let array = try ArrayOperations.array(
        from: given, dtype: nil, range: site.range, budget: budget)
      guard array.rank >= 1 else {
        throw CellError(
          type: "ValueError", message: "`\(name)` must be an array with a batch dimension",
          range: site.range)
      }
      return array
    }

    /// Keras 3's data adapters take an array (NumPy, a tensor) or None at every leaf of `x`, `y`
    /// and `sample_weight`: a Python number, bool or string anywhere (`predict([10.0])`, the
    /// one-unit regression of many courses; `fit(xs, [1.0, 2.0])`) is its ValueError, which
    /// names `x` whichever of them it was. tf-keras converts such lists (`expand_1d`).
    func checkKeras3DataTypes(_ given: [(Int?, String)]) throws(CellError) {
      func hasScalarLeaf(_ value: Value) -> Bool {
        switch value {
        case .int, .float, .bool, .string: return true
        case .list(let list): return list.items.contains(where: hasScalarLeaf)
        case .tuple(let items): return items.contains(where: hasScalarLeaf)
        case .dictionary(let dictionary): return dictionary.pairs.contains { hasScalarLeaf($0.1) }
        default: return false
        }
      }
      guard given.contains(where: { value($0.0, $0.1).map(hasScalarLeaf) == true }) else { return }
      let x = value(given.first?.0, given.first?.1 ?? "x") ?? .none
      throw CellError(
        type: "ValueError",
        message:
          "Unrecognized data type: x=\(PythonText.str(x)) (of type <class '\(x.typeName)'>)",
        range: site.range)
    }

    /// The arrays for a model with `count` inputs or outputs named `names`: one array, a list or
    /// tuple of `count` arrays in order, or a dict keyed by the names (Keras' `x`/`y` forms).
    func tensors(
      _ index: Int?, _ name: String, count: Int, names: [String], budget: EvaluationBudget
    ) throws(CellError) -> [NDArray] {
      guard let given = value(index, name), !given.isNone else {
        return [try tensor(index, name, budget: budget)]
      }
      return try TrainingCalls.arrays(
        given, name, count: count, names: names, site: site, budget: budget)
    }
  }

  /// `fit()` / `evaluate()` given neither `x` nor `y`: both Kerases look for a data adapter
  /// that takes None and pop one from the empty set of those found (`KeyError: 'pop from an
  /// empty set'`, bi38's `model.fit()` at the end of a course file).
  private static func requireData(_ arguments: Arguments) throws(CellError) {
    guard arguments.value(0, "x")?.isNone ?? true, arguments.value(1, "y")?.isNone ?? true else {
      return
    }
    throw CellError.keyError(.string("pop from an empty set"), range: arguments.site.range)
  }

  /// `y`, one array per model output; left out (or None) when only the losses `model.add_loss`
  /// added train, zeros in the outputs' shapes stand for it (tf-keras needs none then).
  private static func targets(
    _ arguments: Arguments, x: [NDArray], trainer: Trainer, budget: EvaluationBudget
  ) throws(CellError) -> [NDArray] {
    if trainer.trainsOnAddedLossesOnly, arguments.value(1, "y")?.isNone ?? true {
      let placeholders: [Tensor]
      do {
        placeholders = try trainer.placeholderTargets(inputShapes: x.map(\.shape))
      } catch {
        throw .unsupported(error.message, at: arguments.site.range)
      }
      guard placeholders.allSatisfy({ !$0.shape.isEmpty }) else {
        throw .unsupported(
          "ConvBook cannot train a model with an output of shape () (a scalar without a batch axis) yet",
          at: arguments.site.range)
      }
      return placeholders.map { NDArray(tensor: $0) }
    }
    return try arguments.tensors(
      1, "y", count: trainer.outputs.count, names: trainer.outputs.map(\.name), budget: budget)
  }

  /// One array per model input or output (see `Arguments.tensors`).
  fileprivate static func arrays(
    _ given: Value, _ name: String, count: Int, names: [String], site: CallSite,
    budget: EvaluationBudget
  ) throws(CellError) -> [NDArray] {
    func convert(_ value: Value) throws(CellError) -> NDArray {
      let array = try ArrayOperations.array(
        from: value, dtype: nil, range: site.range, budget: budget)
      guard array.rank >= 1 else {
        throw CellError(
          type: "ValueError", message: "`\(name)` must be an array with a batch dimension",
          range: site.range)
      }
      // A 1-D `x` is a column of samples: tf-keras' data adapter (`expand_1d`) and Keras 3's
      // Functional (`_adjust_input_rank`) feed `fit(xs, ys)` with xs of shape (n,) to an input
      // of shape (None, 1).
      if name == "x", array.rank == 1 {
        return try ArrayOperations.reshape(array, [array.shape[0], 1], range: site.range)
      }
      return array
    }
    if case .dictionary(let dictionary) = given {
      var result: [NDArray] = []
      for key in names {
        guard let value = dictionary.value(for: .string(key)) else {
          throw CellError(
            type: "KeyError",
            message:
              "Missing data for input or output \"\(key)\". You passed a data dictionary with keys [\(dictionary.pairs.map { PythonText.repr($0.0) }.joined(separator: ", "))]. Expected the following keys: [\(names.map { PythonFormat.quoted($0) }.joined(separator: ", "))]",
            range: site.range)
        }
        result.append(try convert(value))
      }
      return result
    }
    if count > 1 {
      // Keras' own error here depends on its version and the call (tf-keras raises it inside the
      // traced predict/train function, with that function's traceback in the message).
      guard let items = given.sequenceItems, items.count == count else {
        throw .unsupported(
          "ConvBook does not reproduce Keras' error for a model with \(count) \(name == "x" ? "inputs" : "outputs") given `\(name)` that is not a list of \(count) arrays (or a dict keyed by \(names.map { PythonFormat.quoted($0) }.joined(separator: ", "))) yet",
          at: site.range)
      }
      var result: [NDArray] = []
      for item in items { result.append(try convert(item)) }
      return result
    }
    if let items = given.sequenceItems, items.count == 1, case .array = items[0] {
      return [try convert(items[0])]
    }
    return [try convert(given)]
  }

  // MARK: fit

  static func fit(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = Arguments(
      positional: positional, keywords: keywords, site: site, function: "fit")
    if let error = Keras3StepTrace.error(
      "fit", of: model, positional: positional, keywords: keywords, interpreter: interpreter,
      site: site)
    {
      throw error
    }
    try arguments.check(
      positional: ["x", "y", "batch_size", "epochs", "verbose"],
      keywords: [
        "validation_split", "validation_data", "shuffle", "initial_epoch", "callbacks",
        "steps_per_epoch", "validation_steps", "sample_weight", "class_weight",
      ], version: interpreter.kerasVersion)
    if model.compileArguments != nil { try checkEmptyLists(arguments, hasY: true, site: site) }
    let branching = TrainingBranches.branching(in: model, session: interpreter.session)
    if let branching, (try? arguments.verbosity()) != 0 {
      throw TrainingBranches.refusal(branching, site: site)
    }
    let budget = interpreter.budget
    // A dataset gives its batches epoch by epoch (`DatasetFeed`).
    let feed = try datasetFeed(arguments, steps: "steps_per_epoch", interpreter: interpreter)
    var epochData = try feed?.epoch(interpreter: interpreter, range: site.range)
    try datasetOnly(arguments, ["steps_per_epoch", "validation_steps"], given: feed)
    try buildOnData(
      model, epochData?.x ?? arguments.value(0, "x"), site: site, interpreter: interpreter)
    // Keras names the first epoch before it traces the step that finds a loss function's arity
    // wrong.
    var announcement: String?
    if let epochs = try? arguments.integer(3, "epochs", default: 1),
      let initial = try? arguments.integer(nil, "initial_epoch", default: 0),
      let verbose = try? arguments.verbosity(), verbose != 0, epochs > 1, initial < epochs
    {
      announcement = "Epoch \(initial + 1)/\(epochs)\n"
    }
    let trainer = try self.trainer(
      for: model, step: .train, site: site, interpreter: interpreter, announcing: announcement)
    // What this fit computes derives from ConvBook's own draws when the model's weights or the
    // data do, or when its batches or dropout masks are ConvBook's own (`OwnDraws`).
    var own =
      interpreter.session.training.ownDrawn(model)
      || positional.contains { OwnDraws.derives($0, training: interpreter.session.training) }
      || keywords.contains { OwnDraws.derives($0.1, training: interpreter.session.training) }
      || ownRandomness(model) || branching != nil
    let startsKnown = startsFromKerasValues(
      model, positional + keywords.map(\.1), training: interpreter.session.training)
    // Its weights change: models sharing its layers take them from here on.
    defer { interpreter.session.training.touched(model, own: own, known: startsKnown) }
    var callbacks = try FitCallbacks(
      arguments.value(nil, "callbacks"), site: site, interpreter: interpreter)
    var x: [NDArray]
    var y: [NDArray]
    var batchSize: Int
    var shuffle: Bool
    // The data's shapes as given, which Keras' errors name.
    let givenShapes: [[Int]]
    if let epoch = epochData {
      (x, y) = try datasetArrays(
        epoch, trainer: trainer, function: "fit", site: site, budget: budget)
      (batchSize, shuffle) = (epoch.batchSize, epoch.shuffled)
      givenShapes = x.map(\.shape)
    } else {
      try requireData(arguments)
      if interpreter.kerasVersion == .keras3 {
        try arguments.checkKeras3DataTypes([(0, "x"), (1, "y"), (nil, "sample_weight")])
      }
      x = try arguments.tensors(
        0, "x", count: trainer.inputNames.count, names: trainer.inputNames, budget: budget)
      givenShapes = x.map(\.shape)
      x = conformed(
        try flatColumns(x, given: arguments.value(0, "x"), of: model, range: site.range),
        to: model)
      y = try targets(arguments, x: x, trainer: trainer, budget: budget)
      interpreter.session.training.noteMetricTargets(y)
      batchSize = try arguments.integer(2, "batch_size", default: 32)
      // Keras 3 batches arrays by `batch_size or 32`: 0 and False are its default.
      if interpreter.kerasVersion == .keras3, batchSize == 0 { batchSize = 32 }
      shuffle = arguments.value(nil, "shuffle")?.isTruthy ?? true
    }
    try checkRetrace(.train, of: model, shapes: givenShapes, interpreter: interpreter, site: site)
    let epochs = try arguments.integer(3, "epochs", default: 1)
    let initialEpoch = try arguments.integer(nil, "initial_epoch", default: 0)
    let verbose = try arguments.verbosity()
    try checkDataHandler(
      "fit", batchSize: batchSize, epochs: epochs, initialEpoch: initialEpoch,
      samples: x.first?.shape.first, interpreter: interpreter, site: site,
      given: (arguments.value(2, "batch_size"), arguments.value(3, "epochs")),
      queue: arguments.queueing)
    guard Set((x + y).map { $0.shape[0] }).count == 1 else {
      throw CellError(
        type: "ValueError",
        message:
          "Data cardinality is ambiguous:\n  x sizes: \(x.map { String($0.shape[0]) }.joined(separator: ", "))\n  y sizes: \(y.map { String($0.shape[0]) }.joined(separator: ", "))\nMake sure all arrays contain the same number of samples.",
        range: site.range)
    }
    let givenWeights = arguments.value(nil, "sample_weight")
    let classWeight = arguments.value(nil, "class_weight")
    if feed != nil, givenWeights?.isNone == false || classWeight?.isNone == false {
      throw .unsupported(
        "ConvBook does not support fit(sample_weight=...) or class_weight= with a dataset yet",
        at: site.range)
    }
    // The training samples' weights (with the class weights) and the validation ones (a split
    // of `sample_weight` only: Keras weighs the training data alone by class).
    var weights = try sampleWeights(
      givenWeights, classWeight: classWeight, targets: y, function: "fit", site: site,
      interpreter: interpreter)
    var validationWeights = try sampleWeights(
      givenWeights, classWeight: nil, targets: y, function: "fit", site: site,
      interpreter: interpreter)
    var validation: ([NDArray], [NDArray])?
    // A split that slices no sample off for validation (`x[12:]` of 8 for -0.5): tf-keras makes
    // the validation data's adapter when the first epoch has trained, and fails there.
    var emptyValidation = false
    // As in Keras, `validation_data` overrides `validation_split`.
    let validationData = arguments.value(nil, "validation_data").flatMap { $0.isNone ? nil : $0 }
    switch validationData == nil ? arguments.value(nil, "validation_split") : nil {
    case nil, .none?, .int(0)?: break
    case _ where feed != nil:
      throw .unsupported(
        "ConvBook splits arrays only (validation_split); give a dataset's validation data as validation_data",
        at: site.range)
    case .float(let split)?:
      // Keras keeps the first `int(math.floor(n * (1.0 - split)))` samples for training, before
      // shuffling: `int()` of NaN or an infinity fails, and a split outside [0, 1) slices from
      // the end (`x[:-2]` for 1.5 of 4 samples) or past it.
      let samples = x[0].shape[0]
      let point = (Double(samples) * (1 - split)).rounded(.down)
      if point.isNaN {
        throw CellError(
          type: "ValueError", message: "cannot convert float NaN to integer", range: site.range)
      }
      if point.isInfinite {
        throw CellError(
          type: "OverflowError", message: "cannot convert float infinity to integer",
          range: site.range)
      }
      if split != 0 {
        let splitAt = point >= 0x1p63 ? Int.max : point < -0x1p63 ? Int.min : Int(point)
        guard splitAt != 0 && splitAt != samples else {
          throw CellError(
            type: "ValueError",
            message:
              "Training data contains \(samples) samples, which is not sufficient to split it into a validation and training set as specified by `validation_split=\(PythonFormat.float(split))`. Either provide more data, or a different value for the `validation_split` argument.",
            range: site.range)
        }
        let trainCount = splitAt < 0 ? max(samples + splitAt, 0) : min(splitAt, samples)
        // tf-keras makes the training data's adapter before anything runs: a split past 1 that
        // slices every sample away (`x[:-8]` of 8 for 2.0) fails there (hostile batch4 f13).
        // Keras 3 trains on the empty slice, which ConvBook does not.
        if trainCount == 0, interpreter.kerasVersion == .keras2 {
          throw CellError(
            type: "ValueError", message: "Expected input data to be non-empty.", range: site.range)
        }
        guard trainCount > 0 else {
          throw .unsupported(
            "ConvBook does not support a validation_split that leaves no training samples (validation_split=\(PythonFormat.float(split)) of \(samples) samples)",
            at: site.range)
        }
        let head = Value.slice(start: nil, stop: trainCount, step: nil)
        let tail = Value.slice(start: trainCount, stop: nil, step: nil)
        func part(_ arrays: [NDArray], _ index: Value) throws(CellError) -> [NDArray] {
          var result: [NDArray] = []
          for array in arrays {
            guard
              case .array(let part) = try ArrayOperations.subscriptValue(
                array, index, range: site.range, budget: budget)
            else {
              result.append(array)
              continue
            }
            result.append(part)
          }
          return result
        }
        if trainCount < samples {
          validation = (try part(x, tail), try part(y, tail))
          (x, y) = (try part(x, head), try part(y, head))
          weights = weights.map { Array($0[..<trainCount]) }
          validationWeights = validationWeights.map { Array($0[trainCount...]) }
        } else {
          // No sample left for validation (`x[12:]` of 8 for -0.5): Keras 3 fits without
          // validation; tf-keras makes the validation data's adapter once the first epoch has
          // trained, and fails there (hostile batch4 f15).
          emptyValidation = interpreter.kerasVersion == .keras2
        }
      }
    case let other?:
      throw CellError(
        type: "TypeError",
        message: "validation_split must be a float, not '\(other.typeName)'", range: site.range)
    }
    var validationBatchSize = batchSize
    if let validationFeed = try datasetFeed(
      arguments, value: validationData, steps: "validation_steps", interpreter: interpreter)
    {
      let epoch = try validationFeed.epoch(interpreter: interpreter, range: site.range)
      validation = try datasetArrays(
        epoch, trainer: trainer, function: "fit", site: site, budget: budget)
      validationBatchSize = epoch.batchSize
    } else if let given = validationData {
      guard let items = given.sequenceItems, items.count == 2 || items.count == 3 else {
        throw .unsupported(
          "ConvBook takes validation_data as a tuple (x_val, y_val) or (x_val, y_val, sample_weight_val)",
          at: site.range)
      }
      let targets = try arrays(
        items[1], "y", count: trainer.outputs.count, names: trainer.outputs.map(\.name),
        site: site, budget: budget)
      validationWeights = try sampleWeights(
        items.count == 3 ? items[2] : nil, classWeight: nil, targets: targets, function: "fit",
        site: site, interpreter: interpreter)
      validation = (
        conformed(
          try arrays(
            items[0], "x", count: trainer.inputNames.count, names: trainer.inputNames,
            site: site, budget: budget),
          to: model),
        targets
      )
    } else if validation == nil {
      validationWeights = nil
    }
    if let (xv, _) = validation {
      try checkRetrace(
        .test, of: model, shapes: xv.map(\.shape), interpreter: interpreter, site: site)
    }
    let key = ObjectIdentifier(model)
    let training = interpreter.session.training
    var names: [String] = []
    var values: [[Float]] = []
    var epochsRun: [Int] = []
    callbacks.trainBegin()
    let custom = callbacks.customCallbacks
    ClassCallbacks.start(custom, model: model, interpreter: interpreter)
    let version = interpreter.kerasVersion
    try ClassCallbacks.event(
      "on_train_begin", of: custom, logs: [], site: site, interpreter: interpreter)
    // Keras' batch-level callbacks run around each batch (only those that define them).
    let batchCallbacks = ClassCallbacks.defining(ClassCallbacks.trainBatchMethods, in: custom)
    let testCallbacks = ClassCallbacks.defining(ClassCallbacks.testMethods, in: custom)
    let failure = ClassCallbacks.Failure()
    var lastLogs: [(String, Float)] = []
    // `history.params["steps"]`: the batches of the last epoch run (a dataset's may change);
    // with no epoch to run, those of the arrays given (a dataset's are not known then).
    var stepsRun: Int? = feed == nil ? Exact.ceilingDivide(x[0].shape[0], batchSize) : nil
    for epoch in initialEpoch..<max(initialEpoch, epochs) {
      let begin = try callbacks.epochBegin(
        epoch, trainer: trainer, site: site, interpreter: interpreter)
      // Callbacks print whatever fit's own verbosity.
      for line in begin { interpreter.write(line + "\n") }
      try ClassCallbacks.event(
        "on_epoch_begin", of: custom, arguments: [.int(epoch)], logs: [], site: site,
        interpreter: interpreter)
      // Keras' ProgbarLogger names the epoch only when there are several.
      if verbose != 0 && epochs > 1 { interpreter.write("Epoch \(epoch + 1)/\(epochs)\n") }
      // Keras traces the train step at the first batch.
      if epoch == initialEpoch {
        try ScopeNameChecks.checkTraining(
          model, function: "fit", interpreter: interpreter, range: site.range)
        try checkKeras3Step(
          model, shapes: givenShapes, dtype: x[0].dtype, training: "True",
          interpreter: interpreter, site: site)
      }
      if let feed, epochData == nil {
        let next = try feed.epoch(interpreter: interpreter, range: site.range)
        (x, y) = try datasetArrays(
          next, trainer: trainer, function: "fit", site: site, budget: budget)
        (batchSize, shuffle) = (next.batchSize, next.shuffled)
      }
      epochData = nil
      let steps = Exact.ceilingDivide(x[0].shape[0], batchSize)
      stepsRun = steps
      // Several batches shuffled without TensorFlow's global seed come in ConvBook's own order.
      if shuffle, steps > 1, interpreter.session.tensorflowGlobalSeed == nil || feed != nil {
        own = true
      }
      // The rate this epoch trained with, which `lr` reports (before a plateau lowers it).
      let learningRate = trainer.learningRate
      let epochIndex = training.states[key]?.epochsRun ?? 0
      var options = Trainer.Options(
        epochs: 1, batchSize: batchSize, shuffle: shuffle, validationSplit: 0,
        seed: training.seed &+ UInt64(epochIndex) &* 0x9E37_79B9)
      // shuffle="batch" shuffles within batches, with other draws.
      let shuffleArgument = arguments.value(nil, "shuffle")
      var batchwise = false
      if case .string("batch")? = shuffleArgument { batchwise = true }
      if feed == nil, shuffle, !batchwise {
        options.tensorFlowSeed = interpreter.session.tensorflowGlobalSeed
        options.tensorFlowShuffles =
          interpreter.kerasVersion == .keras2 ? epoch - initialEpoch : 0
      }
      if own, epoch == initialEpoch {
        try refuseBeforeTraining(
          trainer, x: x, y: y, options: options, weights: weights, validation: validation,
          refusesProgress: showsProgress(verbose),
          refusesEarlyStopping: custom.isEmpty
            && callbacks.mayStopEarly(epochs: epochs - initialEpoch),
          runsScriptCode: !batchCallbacks.isEmpty || emptyValidation, model: model, site: site,
          interpreter: interpreter)
      }
      let history: TrainingHistory
      var row: [Float]
      let batchNames: [String]
      do {
        batchNames =
          batchCallbacks.isEmpty && testCallbacks.isEmpty
          ? [] : try trainer.historyNames(inputs: x.map(\.tensor), targets: y.map(\.tensor))
        history = try trainer.fit(
          inputs: x.map(\.tensor), targets: y.map(\.tensor), options: options,
          sampleWeights: weights,
          hooks: ClassCallbacks.hooks(
            batchCallbacks, begin: "on_train_batch_begin", end: "on_train_batch_end",
            names: batchNames, model: model, failure: failure, site: site,
            interpreter: interpreter))
      } catch {
        throw Self.error(error, site: site, interpreter: interpreter, traced: .train)
      }
      noteTraced(.train, of: model, interpreter: interpreter)
      try failure.check()
      row = history.values.map { $0.last ?? 0 }
      if emptyValidation {
        throw CellError(
          type: "ValueError", message: "Expected input data to be non-empty.", range: site.range)
      }
      if let (xv, yv) = validation {
        try ClassCallbacks.event(
          "on_test_begin", of: testCallbacks, logs: [], site: site, interpreter: interpreter)
        try checkKeras3Step(
          model, shapes: xv.map(\.shape), dtype: xv[0].dtype, training: "False",
          interpreter: interpreter, site: site)
        let results: [Float]
        do {
          results = try trainer.evaluate(
            inputs: xv.map(\.tensor), targets: yv.map(\.tensor), batchSize: validationBatchSize,
            sampleWeights: validationWeights,
            hooks: ClassCallbacks.hooks(
              testCallbacks, begin: "on_test_batch_begin", end: "on_test_batch_end",
              names: batchNames, model: model, failure: failure, site: site,
              interpreter: interpreter))
        } catch {
          throw Self.error(error, site: site, interpreter: interpreter, traced: .test)
        }
        noteTraced(.test, of: model, interpreter: interpreter)
        try failure.check()
        try ClassCallbacks.event(
          "on_test_end", of: testCallbacks,
          logs: ClassCallbacks.logs(Array(zip(batchNames, results)), version: version), site: site,
          interpreter: interpreter)
        row += results
      }
      training.states[key]?.epochsRun += 1
      if names.isEmpty {
        names = history.names + (validation == nil ? [] : history.names.map { "val_" + $0 })
        if callbacks.addsLearningRate { names.append(callbacks.learningRateName) }
        values = names.map { _ in [] }
      }
      if callbacks.addsLearningRate { row.append(learningRate) }
      for i in names.indices { values[i].append(row[i]) }
      epochsRun.append(epoch)
      let (lines, stop) = try callbacks.epochEnd(
        epoch, logs: Array(zip(names, row)), trainer: trainer, site: site,
        interpreter: interpreter)
      if own, !lines.isEmpty || showsProgress(verbose) {
        throw ownProgress(site: site, model: model)
      }
      for line in lines { interpreter.write(line + "\n") }
      lastLogs = Array(zip(names, row))
      try ClassCallbacks.event(
        "on_epoch_end", of: custom, arguments: [.int(epoch)],
        logs: ClassCallbacks.logs(lastLogs, version: version, own: own), site: site,
        interpreter: interpreter)
      let stopped = ClassCallbacks.stopRequested(model, interpreter: interpreter)
      if showsProgress(verbose) {
        if own { throw ownProgress(site: site, model: model) }
        interpreter.write(
          progressLine(
            steps: steps, values: Array(zip(names, row)), verbose: verbose,
            version: interpreter.kerasVersion) + "\n")
      }
      try budget.checkTime(at: site.range)
      if stop || stopped { break }
    }
    try feed?.finish(interpreter: interpreter, range: site.range)
    let endLines = callbacks.trainEnd(trainer: trainer)
    try callbacks.recordState(own: own, site: site, interpreter: interpreter)
    if own, callbacks.mayStopEarly(epochs: epochs - initialEpoch) {
      // The number of epochs (the history's length, `history.epoch`) follows the losses.
      throw ownEarlyStopping(site: site)
    }
    if own, !endLines.isEmpty { throw ownProgress(site: site, model: model) }
    for line in endLines { interpreter.write(line + "\n") }
    try ClassCallbacks.event(
      "on_train_end", of: custom, logs: ClassCallbacks.logs(lastLogs, version: version, own: own),
      site: site, interpreter: interpreter)
    if interpreter.kerasVersion == .keras3 {
      let order = keras3Order(names, learningRate: callbacks.learningRateName)
      (names, values) = (order.map { names[$0] }, order.map { values[$0] })
    }
    var history = FitHistory(
      names: names, values: values, epochs: epochsRun,
      params: stepsRun.map {
        .init(
          verbose: verbose, epochs: epochs, steps: $0,
          given: (arguments.value(nil, "verbose"), arguments.value(3, "epochs")))
      })
    history.model = ObjectIdentifier(model)
    history.derivesFromOwnDraw = own
    if own { interpreter.session.training.ownDrawsSeen = true }
    // tf-keras' `metrics_names` once training built its metrics: the logs' names.
    interpreter.session.training.metricNames[ObjectIdentifier(model)] = names.filter {
      !$0.hasPrefix("val_") && $0 != callbacks.learningRateName
    }
    return .history(history)
  }

  /// Whether training `model` draws with ConvBook's own generator where TensorFlow draws its own:
  /// the masks of its dropout and noise layers.
  /// Whether a training of `model` on `arguments` leaves Keras' own values: ConvBook trains the
  /// model as TensorFlow does (`CellTraining.trainsAsTensorFlow`), every weight of it holds
  /// Keras' values (`CellTraining.knownValues`) and no data given holds values ConvBook does not
  /// (weights it trained inexactly, read as arrays).
  private static func startsFromKerasValues(
    _ model: KerasModel, _ arguments: [Value], training: CellTraining
  ) -> Bool {
    func holds(_ value: Value, depth: Int) -> Bool {
      if WeightValues.holdsOwnValues(value, training: training) { return true }
      guard depth < 3 else { return false }
      switch value {
      case .list, .tuple:
        return (value.sequenceItems ?? []).contains { holds($0, depth: depth + 1) }
      case .dictionary(let dictionary):
        return dictionary.pairs.contains { holds($0.1, depth: depth + 1) }
      default: return false
      }
    }
    return CellTraining.trainsAsTensorFlow(model) && training.allKnown(in: model)
      && !arguments.contains { holds($0, depth: 0) }
  }

  static func ownRandomness(_ model: KerasModel) -> Bool {
    model.flattenedLayers.contains { instance in
      [
        "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianNoise",
        "GaussianDropout", "AlphaDropout",
      ].contains(instance.className) && !instance.drawsAsTensorFlow
    }
  }

  /// A Sequential model whose input shape is not known yet is built on the data by `fit`,
  /// `evaluate` and `predict`, as Keras' data handler builds it on its first batch: for any batch
  /// size (its summary shows None, not the data's batch) — but Keras 3's `predict` and both
  /// Kerases' `predict_on_batch` (`keepingBatch`) build it on the data's whole shape, batch and
  /// all, as a call does.
  static func buildOnData(
    _ model: KerasModel, _ x: Value?, keepingBatch: Bool = false, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    guard !model.isBuilt, model.graph == nil, case .array(let array)? = x, array.rank >= 1
    else { return }
    try EagerCalls.build(model, onData: array.shape, site: site, interpreter: interpreter)
    if !keepingBatch { interpreter.session.eagerBuildBatches[ObjectIdentifier(model)] = nil }
  }

  /// A 1-D `x` for a model built on inputs of shape (None,) (a subclassed model traced on that
  /// data, `self.w * x + self.b`): Keras feeds it as it is, not as the column it makes of it for
  /// an input of shape (None, 1).
  private static func flatColumns(
    _ x: [NDArray], given: Value?, of model: KerasModel, range: SourceRange
  ) throws(CellError) -> [NDArray] {
    guard x.count == 1, case .array(let array)? = given, array.rank == 1,
      model.inputShape?.rank == 1, x[0].shape == [array.shape[0], 1]
    else { return x }
    return [try ArrayOperations.reshape(x[0], [array.shape[0]], range: range)]
  }

  /// `x` as the model's inputs take it: a last axis of size 1 added or dropped where that is all
  /// that differs from an input's rank (`KerasModel.conformedInputShapes`; no value moves).
  private static func conformed(_ x: [NDArray], to model: KerasModel) -> [NDArray] {
    let shapes = model.conformedInputShapes(x.map(\.shape))
    return zip(x, shapes).map { array, shape in
      var array = array
      array.shape = shape
      return array
    }
  }

  /// `fit([], [])`, `evaluate([], [])`, `predict([])`: both Kerases pick the data adapter from
  /// the set of adapters that can take the data, which is empty for empty Python lists and tuples
  /// (`set.pop()`, Python's KeyError).
  private static func checkEmptyLists(_ arguments: Arguments, hasY: Bool, site: CallSite)
    throws(CellError)
  {
    func empty(_ value: Value?) -> Bool {
      switch value {
      case .list(let list)?: return list.items.isEmpty
      case .tuple(let items)?: return items.isEmpty
      default: return false
      }
    }
    guard empty(arguments.value(0, "x")), !hasY || empty(arguments.value(1, "y")) else { return }
    throw CellError(type: "KeyError", message: "'pop from an empty set'", range: site.range)
  }

  /// Refuses a fit of ConvBook's own draws before its first batch when the refusal is certain
  /// whatever the batches give: its progress (`refusesProgress`: at the first epoch's end) or the
  /// epochs an EarlyStopping lets it run (`refusesEarlyStopping`: at the run's end). Keras' run
  /// prints nothing before those but what ConvBook refuses, so the work between (22 s of processor
  /// time for a 77M-weight Dense on two samples) is skipped. Not when the first epoch runs code of
  /// the script (batch callbacks, a loss or metric of its own), whose prints and errors come
  /// first, or ends in an error of Keras' (`runsScriptCode`); the data Keras refuses before
  /// training is checked first, as `fit` checks it (`Trainer.checkFit`).
  private static func refuseBeforeTraining(
    _ trainer: Trainer, x: [NDArray], y: [NDArray], options: Trainer.Options, weights: [Float]?,
    validation: ([NDArray], [NDArray])?, refusesProgress: Bool, refusesEarlyStopping: Bool,
    runsScriptCode: Bool, model: KerasModel, site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard refusesProgress || refusesEarlyStopping, !runsScriptCode, !trainer.runsScriptFunctions
    else { return }
    do {
      try trainer.checkFit(
        inputs: x.map(\.tensor), targets: y.map(\.tensor), options: options,
        sampleWeights: weights)
      if let (xv, yv) = validation {
        _ = try trainer.historyNames(inputs: xv.map(\.tensor), targets: yv.map(\.tensor))
      }
    } catch {
      throw Self.error(error, site: site, interpreter: interpreter, traced: .train)
    }
    throw refusesProgress ? ownProgress(site: site, model: model) : ownEarlyStopping(site: site)
  }

  /// How many epochs `fit` runs would follow losses of ConvBook's own draws (`OwnDraws`).
  private static func ownEarlyStopping(site: CallSite) -> CellError {
    .unsupported(
      "how many epochs EarlyStopping lets fit run depends on the losses of ConvBook's own random draw (\(OwnDraws.reason)); \(OwnDraws.advice)",
      at: site.range)
  }

  /// `fit` would print the losses and metrics of weights or batches that derive from ConvBook's
  /// own draws (`OwnDraws`).
  static func ownProgress(site: CallSite, model: KerasModel? = nil) -> CellError {
    if model?.drawsRandomNumbers == true {
      return .unsupported(
        "printing fit's progress would show losses and metrics of ConvBook's own random draws: the model draws random numbers in its forward pass (tf.random in a Lambda or a custom layer's call()), which TensorFlow draws anew with its own generator on every call and ConvBook does not reproduce; pass verbose=0",
        at: site.range)
    }
    return .unsupported(
      "printing fit's progress would show losses and metrics of ConvBook's own random draw (\(OwnDraws.reason)); pass verbose=0, or \(OwnDraws.advice)",
      at: site.range)
  }

  /// tf-keras' `DataHandler` checks of fit's, evaluate's and predict's arguments, in its order
  /// (`batch_size`, `initial_epoch`, `epochs`, then data that gives no step). Keras 3 has no
  /// such checks: a batch size below 1 or empty data fail deep inside TensorFlow there or do
  /// nothing (`fit(epochs=-5)` trains no epoch), so those are ConvBook's refusals, except
  /// predict's UnboundLocalError on empty data.
  /// tf-keras' data handler checks `batch_size` and `epochs` as given (`Received is False.`).
  private static func checkDataHandler(
    _ function: String, batchSize: Int, epochs: Int = 1, initialEpoch: Int = 0, samples: Int?,
    interpreter: Interpreter, site: CallSite,
    given: (batchSize: Value?, epochs: Value?) = (nil, nil), queue: [(String, Value)] = []
  ) throws(CellError) {
    func shown(_ value: Value?, _ number: Int) -> String {
      if case .bool(let flag)? = value { return flag ? "True" : "False" }
      return String(number)
    }
    let range = site.range
    guard interpreter.kerasVersion == .keras2 else {
      guard batchSize >= 1 else {
        throw .unsupported(
          "ConvBook does not support \(function)(batch_size=\(batchSize)) in Keras 3", at: range)
      }
      if samples == 0 {
        guard function == "predict" else {
          throw .unsupported(
            "ConvBook does not support \(function) on data without samples in Keras 3", at: range)
        }
        throw CellError(
          type: "UnboundLocalError",
          message:
            "cannot access local variable 'batch_outputs' where it is not associated with a value",
          range: range)
      }
      return
    }
    guard batchSize >= 1 else {
      throw CellError(
        type: "ValueError",
        message:
          "Expected batch_size to be positive. Received is \(shown(given.batchSize, batchSize)).",
        range: range)
    }
    guard initialEpoch >= 0 else {
      throw CellError(
        type: "ValueError",
        message: "Expected initial_epoch to be non-negative. Received is \(initialEpoch).",
        range: range)
    }
    // `_check_positive("max_queue_size", ...)`, then `workers`.
    for (name, fallback) in [("max_queue_size", 10), ("workers", 1)] {
      let value = queue.first { $0.0 == name }?.1
      let number: Int
      switch value {
      case nil: number = fallback
      case .int(let given)?: number = given
      case .bool(let flag)?: number = flag ? 1 : 0
      case let other?:
        throw .unsupported(
          "ConvBook takes \(function)(\(name)=...) as an integer, not \(PythonText.repr(other))",
          at: range)
      }
      if number <= 0 {
        throw CellError(
          type: "ValueError",
          message: "Expected \(name) to be positive. Received is \(shown(value, number)).",
          range: range)
      }
    }
    guard epochs >= 1 else {
      throw CellError(
        type: "ValueError",
        message: "Expected epochs to be positive. Received is \(shown(given.epochs, epochs)).",
        range: range)
    }
    guard samples != 0 else {
      throw CellError(
        type: "ValueError", message: "Expected input data to be non-empty.", range: range)
    }
  }

  /// Keras calls a compiled loss or metric function with `(y_true, y_pred)` when `fit` traces
  /// its step: a function that does not take two arguments fails with Python's TypeError, which
  /// Keras 3 raises as it is and tf-keras inside AutoGraph's "in user code:" text (the function
  /// converted as `tf__NAME`, nested in AutoGraph's factories). Nil for other failures.
  private static func arityError(
    _ error: CellError, function name: String, site: CallSite, interpreter: Interpreter
  ) -> CellError? {
    guard error.type == "TypeError", error.chained == nil,
      error.message.hasPrefix("\(name)() takes ") || error.message.hasPrefix("\(name)() missing ")
        || error.message.hasPrefix("\(name)() got ")
    else { return nil }
    var raised = CellError(type: "TypeError", message: error.message, range: site.range)
    if interpreter.kerasVersion == .keras2 {
      raised.message =
        "in user code:\n\n"
        + "    File \"tf_keras/src/engine/training.py\", line 1398, in train_function  *\n"
        + "        return step_function(self, iterator)\n\n"
        + "    TypeError: outer_factory.<locals>.inner_factory.<locals>.tf__\(error.message)\n"
    }
    return raised
  }

  /// The model's trainer, made on first use from its current weights and `compile` settings.
  /// `announcing`: what `fit` prints before its first step, written before a loss's arity error
  /// and before an error Keras raises in the traced `step`.
  private static func trainer(
    for model: KerasModel, step: TracedStep, site: CallSite, interpreter: Interpreter,
    announcing announcement: String? = nil
  ) throws(CellError) -> Trainer {
    let training = interpreter.session.training
    let key = ObjectIdentifier(model)
    training.synchronize(model)
    // Which weights train: tf-keras' flags at compile, Keras 3's now.
    let flags =
      interpreter.kerasVersion == .keras3
      ? trainableFlags(of: model) : training.compiledTrainable[key]
    if let trainer = training.states[key]?.trainer {
      if let flags { trainer.setTrainable(flags) }
      return trainer
    }
    guard let compiled = model.compileArguments else {
      if interpreter.kerasVersion == .keras3 {
        // Keras 3's `Trainer._assert_compile_called`.
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
    try ModelAddLoss.checkTrainable(model, site: site, session: interpreter.session)
    // Functions defined in the cell are traced as losses; one that cannot be traced is refused
    // (with the reason) only if it is the loss: it may be a metric, which is refused by name.
    var cellLosses: [String: TracedLoss] = [:]
    var failures: [String: String] = [:]
    let outputShape = model.outputShapeList?.first ?? model.outputShape
    if let functions = training.compiledFunctions[key], let outputShape {
      for (name, function) in functions.sorted(by: { $0.key < $1.key }) {
        do {
          let program = try LambdaTracing.traceLoss(
            function, name: name, shape: outputShape, range: site.range,
            interpreter: interpreter)
          cellLosses[name] = try TracedLoss(name: name, program: program)
        } catch let error as CellError {
          if let raised = arityError(error, function: name, site: site, interpreter: interpreter) {
            if let announcement { interpreter.write(announcement) }
            throw raised
          }
          if interpreter.kerasVersion == .keras3, error.type == "AttributeError",
            error.message.hasPrefix("module 'keras.backend' has no attribute ")
          {
            // Keras 3 raises it from the function's own line when `fit` traces its step.
            if let announcement { interpreter.write(announcement) }
            throw error
          }
          failures[name] =
            error.type == nil
            ? error.message
            : "ConvBook ran it on symbolic tensors and it failed: \(error.type ?? ""): \(error.message)"
        } catch let error as TrainingError {
          failures[name] = error.message
        } catch {
          failures[name] = "\(error)"
        }
      }
    }
    // A train function is made once per model: its Lambdas run as traced now.
    try LambdaRebinding.refresh(model, range: site.range, interpreter: interpreter)
    do {
      var configuration = try Self.configuration(
        compiled, cellLosses: cellLosses, failures: failures,
        addedLossesOnly: model.graph?.addedLosses.isEmpty == false,
        statefulMetrics: ScriptMetricTraining.metrics(
          for: model, site: site, interpreter: interpreter))
      configuration.optimizer.squaresSlices = interpreter.kerasVersion == .keras3
      configuration.optimizer.nadamProduct =
        interpreter.kerasVersion == .keras3 ? .keras3 : .tfKerasTraced
      configuration.keras3 = interpreter.kerasVersion == .keras3
      configuration.keras3Losses = interpreter.kerasVersion == .keras3
      let weights = try training.runningWeights(
        of: model, memoryBudget: interpreter.session.limits.modelMemoryBudget)
      let trainer = try Trainer(
        model: model, weights: weights, configuration: configuration,
        memoryBudget: interpreter.session.limits.modelMemoryBudget)
      if let flags { trainer.setTrainable(flags) }
      trainer.fusesOutputs = interpreter.kerasVersion == .keras3
      trainer.engine = interpreter.session.engine
      training.states[key]?.trainer = trainer
      return trainer
    } catch let error as TrainingError where error.kind == .metricNames {
      // tf-keras names the metrics as its traced step first computes them, and keeps the names it
      // made before it raised: another call fails on names built on those.
      if training.hasTraced(metricNamesStep, of: model) {
        throw .unsupported(
          "ConvBook does not support calling fit or evaluate again after tf-keras' ValueError for two metrics of one name yet (tf-keras keeps the names it had made, and its next error names others)",
          at: site.range)
      }
      training.traced(metricNamesStep, of: model)
      if let announcement, step == .train { interpreter.write(announcement) }
      throw step.metricNamesError(error.message, site: site)
    } catch let error as TrainingError {
      throw Self.error(error, site: site, interpreter: interpreter)
    } catch let error as ForwardError {
      throw .unsupported(error.message, at: site.range)
    } catch {
      throw .unsupported("\(error)", at: site.range)
    }
  }

  /// `compile` forgets the trainer (and with it the optimizer's state); the weights stay.
  /// The trainer's configuration; a refused loss defined in the cell says why it was refused.
  private static func configuration(
    _ compiled: CompileArguments, cellLosses: [String: TracedLoss], failures: [String: String],
    addedLossesOnly: Bool, statefulMetrics: [ObjectIdentifier: StatefulMetric]
  ) throws(TrainingError) -> TrainingConfiguration {
    do {
      return try TrainingConfiguration(
        compiled, cellLosses: cellLosses, addedLossesOnly: addedLossesOnly,
        statefulMetrics: statefulMetrics)
    } catch {
      for (name, reason) in failures.sorted(by: { $0.key < $1.key })
      where error.kind == .configuration && error.message.hasSuffix("the loss \(name) yet") {
        throw TrainingError(
          .configuration,
          reason.hasPrefix("ConvBook cannot")
            ? reason : "ConvBook cannot train with the loss \(name) yet: \(reason)")
      }
      // A metric function the tracing refused says why, as a loss does.
      for (name, reason) in failures.sorted(by: { $0.key < $1.key })
      where error.kind == .configuration
        && (error.message.hasSuffix("the metric \(name) yet")
          || error.message.hasSuffix("the metric '\(name)' yet"))
      {
        throw TrainingError(
          .configuration,
          reason.hasPrefix("ConvBook cannot")
            ? reason : "ConvBook cannot report the metric \(name) yet: \(reason)")
      }
      throw error
    }
  }

  /// `compile`'s keywords as each Keras checks them: tf-keras takes its parameters and a few
  /// legacy keywords (`_validate_compile`: anything else is its TypeError naming the set), Keras 3
  /// its parameters only (Python's TypeError).
  static func checkCompileKeywords(
    _ keywords: [(String, Value)], site: CallSite, version: KerasVersion
  ) throws(CellError) {
    let keras3 = [
      "optimizer", "loss", "loss_weights", "metrics", "weighted_metrics", "run_eagerly",
      "steps_per_execution", "jit_compile", "auto_scale_loss",
    ]
    let tfKeras = [
      "optimizer", "loss", "metrics", "loss_weights", "weighted_metrics", "run_eagerly",
      "steps_per_execution", "jit_compile", "pss_evaluation_shards", "cloning",
      "experimental_run_tf_function", "distribute", "target_tensors", "sample_weight_mode",
      "experimental_steps_per_execution", "from_serialized",
    ]
    if version == .keras3 {
      if let (label, _) = keywords.first(where: { !keras3.contains($0.0) }) {
        throw CellError(
          type: "TypeError",
          message: "Trainer.compile() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      return
    }
    let unknown = keywords.map(\.0).filter { !tfKeras.contains($0) }
    guard !unknown.isEmpty else { return }
    // Python prints the set in its hash order, which varies from run to run with several.
    guard unknown.count == 1 else {
      throw .unsupported(
        "ConvBook does not print tf-keras' TypeError for several unknown compile() keywords (\(unknown.joined(separator: ", "))) yet",
        at: site.range)
    }
    throw CellError(
      type: "TypeError",
      message:
        "Invalid keyword argument(s) in `compile()`: ({\(PythonFormat.quoted(unknown[0]))},). Valid keyword arguments include \"cloning\", \"experimental_run_tf_function\", \"distribute\", \"target_tensors\", or \"sample_weight_mode\".",
      range: site.range)
  }

  /// Keras 3's type checks of `compile`'s containers (`CompileLoss`, then `CompileMetrics`):
  /// `loss_weights` (read only with a loss) must be a float, list, tuple or dict, and `metrics` /
  /// `weighted_metrics`, when truthy, a list, tuple or dict (`metrics='accuracy'` is refused);
  /// tf-keras accepts a single metric.
  static func checkKeras3CompileContainers(
    _ positional: [Value], _ keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    guard interpreter.kerasVersion == .keras3 else { return }
    // Keras 3's order: compile(optimizer, loss, loss_weights, metrics, weighted_metrics, ...).
    func argument(_ label: String, _ index: Int) -> Value? {
      keywords.first(where: { $0.0 == label })?.1
        ?? (index < positional.count ? positional[index] : nil)
    }
    func isContainer(_ value: Value) -> Bool {
      switch value {
      case .list, .tuple, .dictionary: return true
      default: return false
      }
    }
    func refuse(_ label: String, _ value: Value, expected: String) throws(CellError) {
      let shown: String
      switch value {
      case .string, .int, .bool, .float: shown = PythonText.str(value)
      default:
        throw .unsupported(
          "ConvBook does not give Keras 3's ValueError for `\(label)=` given a value of type '\(value.typeName)' yet",
          at: site.range)
      }
      throw Calls.keras(
        KerasError.value(
          "Expected `\(label)` argument to be \(expected). Received instead: \(label)=\(shown) of type <class '\(value.typeName)'>"
        ), at: site.range)
    }
    func isNone(_ value: Value?) -> Bool {
      guard let value else { return true }
      if case .none = value { return true }
      return false
    }
    if !isNone(argument("loss", 1)), let weights = argument("loss_weights", 2), !isNone(weights),
      !isContainer(weights)
    {
      if case .float = weights {
      } else {
        try refuse(
          "loss_weights", weights,
          expected:
            "a float (single output case) or a list, tuple, or dict (multiple output case)")
      }
    }
    for (label, index) in [("metrics", 3), ("weighted_metrics", 4)] {
      guard let value = argument(label, index), !isContainer(value), value.isTruthy else {
        continue
      }
      try refuse(label, value, expected: "a list, tuple, or dict")
    }
  }

  /// Each weight's trainable flag now, by Keras name (nil before the model is built).
  static func trainableFlags(of model: KerasModel) -> [String: Bool]? {
    guard model.isBuilt, let entries = try? ModelWeights.expected(for: model) else { return nil }
    var flags: [String: Bool] = [:]
    for entry in entries where flags[entry.kerasName] == nil {
      flags[entry.kerasName] = entry.spec.trainable
    }
    return flags
  }

  static func compiled(
    _ model: KerasModel, session: KerasSession, site: CallSite, version: KerasVersion,
    validate: Bool = true
  ) throws(CellError) {
    let key = ObjectIdentifier(model)
    session.training.compiledTrainable[key] =
      version == .keras3 ? nil : trainableFlags(of: model)
    session.training.forgetTracedSteps(of: model)
    if var state = session.training.states[key] {
      if let trainer = state.trainer { state.weights = trainer.weights }
      state.trainer = nil
      session.training.states[key] = state
    }
    // Keras' `compile` resolves only the optimizer (an unknown name is its ValueError); losses,
    // metrics and what ConvBook cannot train with are checked when fit, evaluate or predict
    // needs them, so a model compiled with Nadam or a Huber loss still builds and summarises.
    if validate, case .string(let name)? = model.compileArguments?.optimizer,
      !TrainingConfiguration.isKerasOptimizerName(name, keras3: version == .keras3)
    {
      throw CellError(
        type: "ValueError",
        message: version == .keras3
          ? "Could not interpret optimizer identifier: \(name)"
          : "Unknown optimizer: '\(name)'. Please ensure you are using a `keras.utils.custom_object_scope` and that this object is included in the scope. See https://www.tensorflow.org/guide/keras/save_and_serialize#registering_the_custom_object for details.",
        range: site.range)
    }
  }

  /// The error a script's metric raised inside the trainer (`ScriptMetricTraining`), else the
  /// trainer's own.
  private static func error(
    _ error: TrainingError, site: CallSite, interpreter: Interpreter, traced: TracedStep? = nil
  ) -> CellError {
    if let raised = interpreter.session.training.metricError {
      interpreter.session.training.metricError = nil
      return raised
    }
    if let traced, interpreter.kerasVersion == .keras2, error.kind == .data,
      error.message.firstMatch(
        of: #/^Input \d+ of layer "[^"]*" is incompatible with the layer: expected shape=/#) != nil
    {
      return traced.inputSpecError(error.message, site: site)
    }
    return Self.error(error, site: site)
  }

  /// The step tf-keras traces for `fit`, `evaluate` (and fit's validation) or `predict`: a model
  /// input spec that fails there is raised inside AutoGraph's "in user code:" text, which quotes
  /// Keras' frames (named below site-packages) and sees the batch axis as None.
  enum TracedStep: String {
    case train, test, predict

    func inputSpecError(_ message: String, site: CallSite) -> CellError {
      let (line, call): (Int, String) =
        switch self {
        case .train: (1147, "y_pred = self(x, training=True)")
        case .test: (1914, "y_pred = self(x, training=False)")
        case .predict: (2377, "return self(x, training=False)")
        }
      let text =
        userCodeHeader(stepLine: line, call: call)
        + "    File \"tf_keras/src/utils/traceback_utils.py\", line 70, in error_handler\n"
        + "        raise e.with_traceback(filtered_tb) from None\n"
        + "    File \"tf_keras/src/engine/input_spec.py\", line 308, in assert_input_compatibility\n"
        + "        raise ValueError(\n\n"
        + "    ValueError: \(message)\n"
      return CellError(type: "ValueError", message: text, range: site.range)
    }

    /// tf-keras' ValueError for two metrics of one name, raised as the step first computes its
    /// metrics (`compile_utils.MetricsContainer._set_metric_names`).
    func metricNamesError(_ message: String, site: CallSite) -> CellError {
      let engine = "    File \"tf_keras/src/engine/"
      let text =
        userCodeHeader(
          stepLine: self == .train ? 1152 : 1917,
          call: "return self.compute_metrics(x, y, y_pred, sample_weight)")
        + "\(engine)training.py\", line 1246, in compute_metrics\n"
        + "        self.compiled_metrics.update_state(y, y_pred, sample_weight)\n"
        + "\(engine)compile_utils.py\", line 592, in update_state\n"
        + "        self.build(y_pred, y_true)\n"
        + "\(engine)compile_utils.py\", line 521, in build\n"
        + "        self._set_metric_names()\n"
        + "\(engine)compile_utils.py\", line 547, in _set_metric_names\n"
        + "        raise ValueError(\n\n"
        + "    ValueError: \(message)\n"
      return CellError(type: "ValueError", message: text, range: site.range)
    }

    /// AutoGraph's "in user code:" text down to the step's own frame: the step function, the
    /// distribution strategy's run and the step method at `stepLine`, which runs `call`.
    private func userCodeHeader(stepLine: Int, call: String) -> String {
      let lines =
        switch self {
        case .train: [1398, 1381, 1370]
        case .test: [2063, 2046, 2034]
        case .predict: [2436, 2421, 2409]
        }
      let training = "    File \"tf_keras/src/engine/training.py\", line "
      return "in user code:\n\n"
        + "\(training)\(lines[0]), in \(rawValue)_function  *\n"
        + "        return step_function(self, iterator)\n"
        + "\(training)\(lines[1]), in step_function  **\n"
        + "        outputs = model.distribute_strategy.run(run_step, args=(data,))\n"
        + "\(training)\(lines[2]), in run_step  **\n"
        + "        outputs = model.\(rawValue)_step(data)\n"
        + "\(training)\(stepLine), in \(rawValue)_step\n"
        + "        \(call)\n"
    }
  }

  /// The mark `CellTraining.traced` keeps of a model whose metric names failed since `compile`.
  private static let metricNamesStep = "metric names"

  private static func error(_ error: TrainingError, site: CallSite) -> CellError {
    switch error.kind {
    case .model, .memory, .kernel, .stopped:
      return .unsupported(error.message, at: site.range)
    case .configuration where error.message.hasPrefix("ConvBook"):
      return .unsupported(error.message, at: site.range)
    case .data where error.message.hasPrefix("Received a label value of"):
      // TensorFlow raises it as an InvalidArgumentError whose text names the graph's node and
      // the traced function's number (`__inference_train_function_511`).
      return .unsupported(
        "ConvBook does not reproduce TensorFlow's InvalidArgumentError for a label outside the classes yet: \(error.message)",
        at: site.range)
    case .configuration, .data, .weights, .metricNames:
      return CellError(type: "ValueError", message: error.message, range: site.range)
    }
  }

  // MARK: evaluate, predict

  static func evaluate(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = Arguments(
      positional: positional, keywords: keywords, site: site, function: "evaluate")
    if let error = Keras3StepTrace.error(
      "evaluate", of: model, positional: positional, keywords: keywords, interpreter: interpreter,
      site: site)
    {
      throw error
    }
    try arguments.check(
      positional: ["x", "y", "batch_size", "verbose", "sample_weight"],
      keywords: ["return_dict", "steps", "callbacks"], version: interpreter.kerasVersion)
    if model.compileArguments != nil { try checkEmptyLists(arguments, hasY: true, site: site) }
    let budget = interpreter.budget
    try buildOnData(model, arguments.value(0, "x"), site: site, interpreter: interpreter)
    let trainer = try self.trainer(for: model, step: .test, site: site, interpreter: interpreter)
    let feed = try datasetFeed(arguments, steps: "steps", interpreter: interpreter)
    try datasetOnly(arguments, ["steps"], given: feed)
    var x: [NDArray]
    let y: [NDArray]
    var batchSize: Int
    // The data's shapes as given, which Keras' errors name.
    let givenShapes: [[Int]]
    if let epoch = try feed?.epoch(interpreter: interpreter, range: site.range) {
      try feed?.finish(interpreter: interpreter, range: site.range)
      (x, y) = try datasetArrays(
        epoch, trainer: trainer, function: "evaluate", site: site, budget: budget)
      batchSize = epoch.batchSize
      givenShapes = x.map(\.shape)
    } else {
      try requireData(arguments)
      if interpreter.kerasVersion == .keras3 {
        try arguments.checkKeras3DataTypes([(0, "x"), (1, "y"), (nil, "sample_weight")])
      }
      x = try arguments.tensors(
        0, "x", count: trainer.inputNames.count, names: trainer.inputNames, budget: budget)
      givenShapes = x.map(\.shape)
      x = conformed(
        try flatColumns(x, given: arguments.value(0, "x"), of: model, range: site.range),
        to: model)
      y = try targets(arguments, x: x, trainer: trainer, budget: budget)
      interpreter.session.training.noteMetricTargets(y)
      batchSize = try arguments.integer(2, "batch_size", default: 32)
      // Keras 3 batches arrays by `batch_size or 32`: 0 and False are its default.
      if interpreter.kerasVersion == .keras3, batchSize == 0 { batchSize = 32 }
    }
    try checkRetrace(.test, of: model, shapes: givenShapes, interpreter: interpreter, site: site)
    try checkDataHandler(
      "evaluate", batchSize: batchSize, samples: x.first?.shape.first,
      interpreter: interpreter, site: site, given: (arguments.value(2, "batch_size"), nil),
      queue: arguments.queueing)
    let verbose = try arguments.verbosity()
    let callbacks = ClassCallbacks.defining(
      ClassCallbacks.testMethods,
      in: try ClassCallbacks.given(
        arguments.value(nil, "callbacks"), function: "evaluate", model: model,
        interpreter: interpreter, site: site))
    let results: [Float]
    let names: [String]
    let failure = ClassCallbacks.Failure()
    if feed != nil, arguments.value(4, "sample_weight")?.isNone == false {
      throw .unsupported(
        "ConvBook does not support evaluate(sample_weight=...) with a dataset yet", at: site.range)
    }
    let weights = try sampleWeights(
      arguments.value(4, "sample_weight"), classWeight: nil, targets: y, function: "evaluate",
      site: site, interpreter: interpreter)
    try ClassCallbacks.event(
      "on_test_begin", of: callbacks, logs: [], site: site, interpreter: interpreter)
    try ScopeNameChecks.checkTraining(
      model, function: "evaluate", interpreter: interpreter, range: site.range)
    try checkKeras3Step(
      model, shapes: givenShapes, dtype: x[0].dtype, training: "False", interpreter: interpreter,
      site: site)
    // Its progress of ConvBook's own draws is refused whatever the batches give: before them,
    // once Keras' checks of the data passed, unless the batches run code of the script.
    let refusesProgress =
      showsProgress(verbose) && callbacks.isEmpty && !trainer.runsScriptFunctions
      && ownEvaluation(model, positional: positional, keywords: keywords, interpreter: interpreter)
    do {
      names = try trainer.historyNames(inputs: x.map(\.tensor), targets: y.map(\.tensor))
      if refusesProgress {
        try trainer.checkFit(
          inputs: x.map(\.tensor), targets: y.map(\.tensor),
          options: Trainer.Options(batchSize: batchSize), sampleWeights: weights)
      }
    } catch {
      throw Self.error(error, site: site, interpreter: interpreter, traced: .test)
    }
    if refusesProgress { throw ownEvaluationProgress(site: site) }
    do {
      results = try trainer.evaluate(
        inputs: x.map(\.tensor), targets: y.map(\.tensor), batchSize: batchSize,
        sampleWeights: weights,
        hooks: ClassCallbacks.hooks(
          callbacks, begin: "on_test_batch_begin", end: "on_test_batch_end", names: names,
          model: model, failure: failure, site: site, interpreter: interpreter))
    } catch {
      throw Self.error(error, site: site, interpreter: interpreter, traced: .test)
    }
    noteTraced(.test, of: model, interpreter: interpreter)
    try failure.check()
    try ClassCallbacks.event(
      "on_test_end", of: callbacks,
      logs: ClassCallbacks.logs(Array(zip(names, results)), version: interpreter.kerasVersion),
      site: site, interpreter: interpreter)
    interpreter.session.training.metricNames[ObjectIdentifier(model)] = names
    if showsProgress(verbose) {
      if ownEvaluation(model, positional: positional, keywords: keywords, interpreter: interpreter)
      {
        throw ownEvaluationProgress(site: site)
      }
      let steps = Exact.ceilingDivide(x[0].shape[0], batchSize)
      interpreter.write(
        progressLine(
          steps: steps, values: Array(zip(names, results)), verbose: verbose,
          version: interpreter.kerasVersion) + "\n")
    }
    try budget.checkTime(at: site.range)
    if arguments.value(nil, "return_dict")?.isTruthy == true {
      // Keras 3 sorts the logs by name, as its progress line does.
      return .dictionary(
        PythonDict(
          ClassCallbacks.logs(Array(zip(names, results)), version: interpreter.kerasVersion)))
    }
    if results.count == 1 { return .float(Double(results[0])) }
    if interpreter.kerasVersion == .keras3 {
      return .list(trainer.keras3ResultOrder(names).map { .float(Double(results[$0])) })
    }
    return .list(results.map { .float(Double($0)) })
  }

  /// Whether `evaluate` computes from ConvBook's own draws: the model's weights or the data.
  private static func ownEvaluation(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)],
    interpreter: Interpreter
  ) -> Bool {
    let training = interpreter.session.training
    return training.ownDrawn(model)
      || positional.contains(where: { OwnDraws.derives($0, training: training) })
      || keywords.contains(where: { OwnDraws.derives($0.1, training: training) })
  }

  private static func ownEvaluationProgress(site: CallSite) -> CellError {
    .unsupported(
      "printing evaluate's progress would show the loss and metrics of ConvBook's own random draw (\(OwnDraws.reason)); pass verbose=0, or \(OwnDraws.advice)",
      at: site.range)
  }

  static func predict(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = Arguments(
      positional: positional, keywords: keywords, site: site, function: "predict")
    if let error = Keras3StepTrace.error(
      "predict", of: model, positional: positional, keywords: keywords, interpreter: interpreter,
      site: site)
    {
      throw error
    }
    try arguments.check(
      positional: ["x", "batch_size", "verbose"], keywords: ["steps", "callbacks"],
      version: interpreter.kerasVersion)
    try checkEmptyLists(arguments, hasY: false, site: site)
    let budget = interpreter.budget
    try buildOnData(
      model, arguments.value(0, "x"), keepingBatch: interpreter.kerasVersion == .keras3,
      site: site, interpreter: interpreter)
    // One array per model input (a list or a dict keyed by the inputs' names with several).
    let inputNames = ForwardPass.inputNames(of: model)
    let feed = try datasetFeed(arguments, steps: "steps", interpreter: interpreter)
    try datasetOnly(arguments, ["steps"], given: feed)
    var xs: [NDArray]
    let batchSize: Int
    if let epoch = try feed?.epoch(interpreter: interpreter, range: site.range) {
      try feed?.finish(interpreter: interpreter, range: site.range)
      xs = try arrays(
        epoch.x, "x", count: inputNames.count, names: inputNames, site: site, budget: budget)
      batchSize = epoch.batchSize
    } else {
      if interpreter.kerasVersion == .keras3 { try arguments.checkKeras3DataTypes([(0, "x")]) }
      xs = try flatColumns(
        try arguments.tensors(0, "x", count: inputNames.count, names: inputNames, budget: budget),
        given: arguments.value(0, "x"), of: model, range: site.range)
      let given = try arguments.integer(1, "batch_size", default: 32)
      // Keras 3 batches arrays by `batch_size or 32`: 0 and False are its default.
      batchSize = interpreter.kerasVersion == .keras3 && given == 0 ? 32 : given
    }
    // Keras' errors name the data's own shapes.
    let givenShapes = xs.map(\.shape)
    try checkRetrace(.predict, of: model, shapes: givenShapes, interpreter: interpreter, site: site)
    xs = conformed(xs, to: model)
    try checkDataHandler(
      "predict", batchSize: batchSize, samples: xs.first?.shape.first,
      interpreter: interpreter, site: site, given: (arguments.value(1, "batch_size"), nil),
      queue: arguments.queueing)
    let verbose = try arguments.verbosity()
    let training = interpreter.session.training
    let memory = interpreter.session.limits.modelMemoryBudget
    let samples = xs[0].shape[0]
    guard xs.allSatisfy({ $0.shape[0] == samples }) else {
      throw CellError(
        type: "ValueError",
        message:
          "Data cardinality is ambiguous:\n  x sizes: \(xs.map { String($0.shape[0]) }.joined(separator: ", "))\nMake sure all arrays contain the same number of samples.",
        range: site.range)
    }
    if interpreter.kerasVersion == .keras2, xs.count == 1, samples > 0,
      EagerTensors.inputSpecMismatch(model, data: xs[0].shape, interpreter: interpreter) != nil,
      let expected = model.inputShape
    {
      let spec = TensorShape([nil] + expected.dimensions.dropFirst())
      let found = TensorShape([nil] + xs[0].shape.dropFirst().map { Optional($0) })
      throw TracedStep.predict.inputSpecError(
        "Input 0 of layer \"\(model.name)\" is incompatible with the layer: expected shape=\(spec), found shape=\(found)",
        site: site)
    }
    let callbacks = ClassCallbacks.defining(
      ClassCallbacks.predictMethods,
      in: try ClassCallbacks.given(
        arguments.value(nil, "callbacks"), function: "predict", model: model,
        interpreter: interpreter, site: site))
    try ClassCallbacks.event(
      "on_predict_begin", of: callbacks, logs: [], site: site, interpreter: interpreter)
    if samples > 0 {
      try ScopeNameChecks.checkTraining(
        model, function: "predict", interpreter: interpreter, range: site.range)
    }
    var outputs: [[Float]] = []
    var outputShapes: [[Int]] = []
    var step = 0
    try LambdaRebinding.refresh(model, range: site.range, interpreter: interpreter)
    do {
      let weights = try training.runningWeights(of: model, memoryBudget: memory)
      let pass = ForwardPass(
        model: model, weights: weights, memoryBudget: memory, inGraph: true,
        fusesOutputs: interpreter.kerasVersion == .keras3,
        keras3: interpreter.kerasVersion == .keras3, engine: interpreter.session.engine)
      var start = 0
      while start < samples {
        let stop = min(samples, start + batchSize)
        try ClassCallbacks.event(
          "on_predict_batch_begin", of: callbacks, arguments: [.int(step)], logs: [], site: site,
          interpreter: interpreter)
        var batches: [Tensor] = []
        for x in xs {
          guard
            case .array(let batch) = try ArrayOperations.subscriptValue(
              x, .slice(start: start, stop: stop, step: nil), range: site.range, budget: budget)
          else { break }
          batches.append(batch.tensor)
        }
        // Keras 3 checks the first batch as its predict step calls the model on it.
        if step == 0, interpreter.kerasVersion == .keras3, xs.count == 1,
          let message = EagerTensors.keras3BatchMismatch(
            model, shape: [batches[0].shape[0]] + givenShapes[0].dropFirst(), dtype: xs[0].dtype,
            training: "False", call: .tracedBatch, interpreter: interpreter)
        {
          throw CellError(type: "ValueError", message: message, range: site.range)
        }
        let results =
          inputNames.count == 1 && model.outputShapeList == nil
          ? [try pass.run(batches[0])] : try pass.run(inputs: batches)
        if outputs.isEmpty { outputs = results.map { _ in [] } }
        for (k, result) in results.enumerated() {
          try budget.allocate(count: result.count, size: 4, at: site.range)
          outputs[k] += result.scalars
        }
        outputShapes = results.map(\.shape)
        if !callbacks.isEmpty {
          // Keras gives the batch's predictions, structured as the model's outputs.
          let arrays = results.map { Value.array(NDArray(tensor: $0)) }
          try ClassCallbacks.event(
            "on_predict_batch_end", of: callbacks, arguments: [.int(step)],
            logs: [(.string("outputs"), structuredOutputs(arrays, of: model))],
            site: site, interpreter: interpreter)
        }
        if step == 0 { noteTraced(.predict, of: model, interpreter: interpreter) }
        step += 1
        start = stop
        try budget.checkTime(at: site.range)
      }
    } catch let error as CellError {
      throw error
    } catch let error as ForwardError {
      // A weight ConvBook cannot draw, or a layer it cannot run, is its limitation, not a
      // ValueError of Keras'; nor is its time budget.
      if error.kind == .stopped || error.message.contains("ConvBook cannot")
        || error.message.hasPrefix("ConvBook does not")
      {
        throw .unsupported(error.message, at: site.range)
      }
      // A kernel refusing the data's values (an Embedding index outside its vocabulary) is
      // TensorFlow's InvalidArgumentError, whose text names the graph's node and the traced
      // function's number (`__inference_predict_function_137`).
      if error.kind == .kernel {
        throw .unsupported(
          "ConvBook does not reproduce TensorFlow's InvalidArgumentError for this data yet: \(error.message)",
          at: site.range)
      }
      // tf-keras' input spec text; Keras 3's own (`keras3BatchMismatch`) was checked first.
      if interpreter.kerasVersion == .keras3, error.kind == .input {
        throw .unsupported(
          "ConvBook does not reproduce Keras 3's error for this data yet: \(error.message)",
          at: site.range)
      }
      throw CellError(type: "ValueError", message: error.message, range: site.range)
    } catch {
      throw .unsupported("\(error)", at: site.range)
    }
    if showsProgress(verbose) {
      let steps = Exact.ceilingDivide(samples, batchSize)
      interpreter.write(
        progressLine(
          steps: steps, values: [], verbose: verbose, version: interpreter.kerasVersion)
          + "\n")
    }
    try ClassCallbacks.event(
      "on_predict_end", of: callbacks, logs: [], site: site, interpreter: interpreter)
    let arrays: [Value] = zip(outputs, outputShapes).map { values, shape in
      var shape = shape
      if !shape.isEmpty { shape[0] = samples }
      return .array(NDArray(dtype: .float32, shape: shape, scalars: values))
    }
    return structuredOutputs(arrays, of: model)
  }

  /// Keras' predictions, one array per output: the array for one output, a list for several, or
  /// a dict with the keys of `outputs=` in the order given when that was a dict (Keras orders the
  /// outputs themselves by sorted key, as `arrays` are).
  static func structuredOutputs(_ arrays: [Value], of model: KerasModel) -> Value {
    if let keys = model.outputKeys, keys.count == arrays.count {
      let sorted = keys.sorted()
      return .dictionary(
        PythonDict(keys.map { key in (.string(key), arrays[sorted.firstIndex(of: key)!]) }))
    }
    return arrays.count == 1 ? arrays[0] : .list(PythonList(arrays))
  }

  // MARK: Weights files

  static func saveWeights(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let name = try fileName(
      positional, keywords, site: site, function: "save_weights",
      keras3: interpreter.kerasVersion == .keras3)
    guard let files = interpreter.session.training.files else {
      throw .unsupported(
        "ConvBook does not support model.save_weights() outside a lesson yet: it writes files into a lesson's folder only, and this run has none",
        at: site.range)
    }
    do {
      let weights = try interpreter.session.training.weights(
        of: model, memoryBudget: interpreter.session.limits.modelMemoryBudget)
      let bytes = try NPZWriter.encode(weights.npzEntries())
      try files.write(name, bytes)
    } catch {
      throw .unsupported("cannot write \(PythonFormat.quoted(name)): \(error)", at: site.range)
    }
    return .none
  }

  static func loadWeights(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let name = try fileName(
      positional, keywords, site: site, function: "load_weights",
      keras3: interpreter.kerasVersion == .keras3)
    guard let files = interpreter.session.training.files else {
      throw .unsupported(
        "ConvBook does not support model.load_weights() outside a lesson yet: it reads files from a lesson's folder only, and this run has none",
        at: site.range)
    }
    let weights: ModelWeights
    do {
      let bytes = try files.read(name)
      weights = try ModelWeights(archive: try NPZArchive(bytes: bytes), for: model, source: name)
    } catch {
      throw CellError(
        type: "OSError", message: "cannot load weights from \(PythonFormat.quoted(name)): \(error)",
        range: site.range)
    }
    let training = interpreter.session.training
    training.states[ObjectIdentifier(model)] = CellTraining.ModelState(
      model: model, weights: weights, trainer: nil,
      epochsRun: training.states[ObjectIdentifier(model)]?.epochsRun ?? 0)
    // A file this run wrote holds what the run computed.
    training.touched(model, own: training.ownDrawsSeen)
    return .none
  }

  /// The weights file's name: relative, inside the lesson folder, ending in `.npz`. A missing
  /// or non-string file name fails as Keras' does (tf-keras asks the value for `endswith`, Keras
  /// 3's `save_weights` checks its suffix); Keras 3's `load_weights` of one is refused.
  private static func fileName(
    _ positional: [Value], _ keywords: [(String, Value)], site: CallSite, function: String,
    keras3: Bool
  ) throws(CellError) -> String {
    guard let given = keywords.first(where: { $0.0 == "filepath" })?.1 ?? positional.first else {
      throw CellError(
        type: "TypeError",
        message: "Model.\(function)() missing 1 required positional argument: 'filepath'",
        range: site.range)
    }
    guard case .string(let name) = given else {
      if !keras3 {
        throw CellError(
          type: "AttributeError",
          message: "'\(given.typeName)' object has no attribute 'endswith'", range: site.range)
      }
      if function == "save_weights" {
        throw CellError(
          type: "ValueError",
          message:
            "The filename must end in `.weights.h5`. Received: filepath=\(PythonText.str(given))",
          range: site.range)
      }
      throw .unsupported(
        "ConvBook's \(function)() takes a file name (a string), not \(given.typeName)",
        at: site.range)
    }
    if let problem = CellFiles.problem(with: name) {
      throw .unsupported(problem, at: site.range)
    }
    guard name.hasSuffix(".npz") else {
      throw .unsupported(
        "ConvBook keeps weights in NumPy .npz files (Keras writes .weights.h5, which ConvBook does not read or write yet); use a name ending in .npz",
        at: site.range)
    }
    return name
  }

  // MARK: Progress lines

  /// The order of Keras 3's epoch logs: the training and validation logs sorted together by
  /// name (`val_value_loss` before `value_loss`, as Keras 3.15.1 prints them), then the learning
  /// rate a callback added.
  static func keras3Order(_ names: [String], learningRate: String) -> [Int] {
    func rank(_ name: String) -> Int { name == learningRate ? 1 : 0 }
    return names.indices.sorted {
      (rank(names[$0]), names[$0]) < (rank(names[$1]), names[$1])
    }
  }

  /// Whether Keras' progress bar prints at this verbosity: 1 (the bar) and 2 (one line at the
  /// end); other non-zero levels name the epochs only.
  static func showsProgress(_ verbose: Int) -> Bool { verbose == 1 || verbose == 2 }

  /// Keras' final progress line of an epoch or an evaluation, without timings.
  /// `ordered`: the values are in Keras 3's order already (a custom train_step's logs).
  static func progressLine(
    steps: Int, values: [(String, Float)], verbose: Int, version: KerasVersion,
    ordered alreadyOrdered: Bool = false
  ) -> String {
    var line = "\(steps)/\(steps)"
    let ordered: [(String, Float)]
    if version == .keras3 {
      ordered =
        alreadyOrdered
        ? values
        : keras3Order(values.map(\.0), learningRate: "learning_rate").map { values[$0] }
      if verbose == 1 { line += " " + String(repeating: "\u{2501}", count: 20) }
    } else {
      ordered = values
      if verbose == 1 { line += " [" + String(repeating: "=", count: 30) + "]" }
    }
    for (name, value) in ordered {
      line += " - \(name): " + TrainingHistory.formatValue(value)
    }
    return line
  }
}

/// Keyword arguments of Keras' `fit` / `evaluate` / `predict` that ConvBook does not take yet.
enum KerasFitKeywords {
  /// tf-keras' arguments of the queue that feeds a generator or a Sequence (Keras 3 has none).
  static let queueing: Set<String> = ["max_queue_size", "workers", "use_multiprocessing"]
  static let known: Set<String> = [
    "sample_weight", "class_weight", "steps_per_epoch", "validation_steps", "validation_freq",
    "validation_batch_size", "max_queue_size", "workers", "use_multiprocessing", "steps",
    "callbacks",
  ]
  /// Keras 3.15's parameters of the methods (`TensorFlowTrainer`): one ConvBook does not take is
  /// its limitation there too, any other name Python's TypeError.
  static let keras3Parameters: [String: Set<String>] = [
    "fit": [
      "x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split",
      "validation_data", "shuffle", "class_weight", "sample_weight", "initial_epoch",
      "steps_per_epoch", "validation_steps", "validation_batch_size", "validation_freq",
    ],
    "predict": ["x", "batch_size", "verbose", "steps", "callbacks"],
  ]
}

// MARK: Datasets

extension TrainingCalls {
  /// The feed of a `tf.data.Dataset` given as `x` (or as `value`), with its `steps` argument;
  /// nil when the data is not a dataset. A `y` beside a dataset is Keras' ValueError.
  private static func datasetFeed(
    _ arguments: Arguments, value: Value?? = nil, steps: String, interpreter: Interpreter
  ) throws(CellError) -> (any EpochFeed)? {
    let given = value ?? arguments.value(0, "x")
    let site = arguments.site
    let keras3 = interpreter.kerasVersion == .keras3
    if SequenceFeed.sequence(given) != nil || GeneratorFeed.generator(given) != nil,
      arguments.queueing.contains(where: { name, value in
        if name == "use_multiprocessing" { return value.isTruthy }
        if case .int(1) = value { return false }
        return name == "workers"
      })
    {
      // tf-keras' enqueuer: threads or processes read the data, in an order of their own.
      throw .unsupported(
        "ConvBook does not support \(arguments.function)(workers=..., use_multiprocessing=...) with a generator or a Sequence yet",
        at: site.range)
    }
    if let sequence = SequenceFeed.sequence(given) {
      if value == nil, arguments.function != "predict",
        let targets = arguments.value(1, "y"), !targets.isNone
      {
        throw CellError(
          type: "ValueError",
          message: keras3
            ? "When providing `x` as a PyDataset, `y` should not be passed. Instead, the targets should be included as part of the PyDataset."
            : "`y` argument is not supported when using `keras.utils.Sequence` as input.",
          range: site.range)
      }
      if let count = arguments.value(nil, steps), !count.isNone {
        throw .unsupported(
          "ConvBook does not support \(arguments.function)(\(steps)=...) with a Sequence yet",
          at: site.range)
      }
      // `fit` shuffles the batches' order unless told not to; validation data never.
      let shuffle =
        value == nil && arguments.function == "fit"
        && (arguments.value(nil, "shuffle")?.isTruthy ?? true)
      return SequenceFeed(sequence, shuffle: shuffle, function: arguments.function)
    }
    if let generator = GeneratorFeed.generator(given) {
      return try generatorFeed(
        generator, arguments, validation: value != nil, steps: steps, interpreter: interpreter)
    }
    guard let dataset = DatasetFeed.dataset(given) else { return nil }
    if value == nil, arguments.function != "predict",
      let targets = arguments.value(1, "y"), !targets.isNone
    {
      throw CellError(
        type: "ValueError",
        message: keras3
          ? "When providing `x` as a tf.data.Dataset, `y` should not be passed. Instead, the targets should be included as part of the tf.data.Dataset."
          : "`y` argument is not supported when using dataset as input.",
        range: site.range)
    }
    let count: Int?
    switch arguments.value(nil, steps) {
    case nil, .none?: count = nil
    case .int(let number)? where number >= 1: count = number
    case let other?:
      throw .unsupported(
        "ConvBook takes \(steps) as a positive integer, not \(PythonText.repr(other))",
        at: site.range)
    }
    return try DatasetFeed(
      dataset, stepsPerEpoch: count, function: arguments.function, keras3: keras3,
      range: site.range)
  }

  /// The feed of a Python generator given as `x` (or as validation data), after the checks both
  /// Kerases' data adapters make: targets and sample weights belong in its batches.
  private static func generatorFeed(
    _ generator: PythonGenerator, _ arguments: Arguments, validation: Bool, steps: String,
    interpreter: Interpreter
  ) throws(CellError) -> any EpochFeed {
    let site = arguments.site
    let keras3 = interpreter.kerasVersion == .keras3
    func given(_ index: Int?, _ name: String) -> Bool {
      guard !validation, let value = arguments.value(index, name) else { return false }
      return !value.isNone
    }
    let function = arguments.function
    if function != "predict", given(1, "y") {
      throw CellError(
        type: "ValueError",
        message: keras3
          ? "When providing `x` as a generator, `y` should not be passed. Instead, the targets should be included as part of the generator."
          : "`y` argument is not supported when using python generator as input.",
        range: site.range)
    }
    if function != "predict", given(function == "fit" ? nil : 4, "sample_weight") {
      throw CellError(
        type: "ValueError",
        message: keras3
          ? "When providing `x` as a generator, `sample_weights` should not be passed. Instead, the sample weights should be included as part of the generator."
          : "`sample_weight` argument is not supported when using python generator as input.",
        range: site.range)
    }
    if function == "fit", given(nil, "class_weight") {
      guard keras3 else {
        throw .unsupported(
          "ConvBook does not support fit(class_weight=...) with a Python generator yet",
          at: site.range)
      }
      throw CellError(
        type: "ValueError",
        message:
          "Argument `class_weight` is not supported for Python generator inputs. Received: class_weight=\(PythonText.str(arguments.value(nil, "class_weight") ?? .none))",
        range: site.range)
    }
    if validation {
      // Each epoch validates on the generator's next batches (Keras 3 keeps its iterator);
      // tf-keras makes a new iterator each epoch, which skips the batches the last one read
      // ahead, a number that changes from run to run.
      let epochs = (try? arguments.integer(3, "epochs", default: 1)) ?? 1
      let initial = (try? arguments.integer(nil, "initial_epoch", default: 0)) ?? 0
      if epochs - initial > 1 {
        throw .unsupported(
          "ConvBook does not support a Python generator as validation_data over several epochs yet",
          at: site.range)
      }
    }
    switch arguments.value(nil, steps) {
    case .int(let number)? where number >= 1:
      return GeneratorFeed(generator, steps: number, function: function)
    case nil, .none?:
      throw .unsupported(
        "ConvBook needs `\(steps)=` to \(function) on a Python generator (Keras reads one until it ends, or for ever)",
        at: site.range)
    case let other?:
      throw .unsupported(
        "ConvBook takes \(steps) as a positive integer, not \(PythonText.repr(other))",
        at: site.range)
    }
  }

  /// Refuses the dataset-only arguments beside arrays.
  private static func datasetOnly(
    _ arguments: Arguments, _ names: [String], given feed: (any EpochFeed)?
  ) throws(CellError) {
    guard feed == nil else { return }
    for name in names {
      if let value = arguments.value(nil, name), !value.isNone {
        throw .unsupported(
          "ConvBook does not support \(arguments.function)(\(name)=...) with arrays yet",
          at: arguments.site.range)
      }
    }
  }

  /// One epoch of a dataset as arrays for the model's inputs and outputs.
  private static func datasetArrays(
    _ epoch: DatasetFeed.Epoch, trainer: Trainer, function: String, site: CallSite,
    budget: EvaluationBudget
  ) throws(CellError) -> ([NDArray], [NDArray]) {
    guard let targets = epoch.y else {
      throw .unsupported(
        "ConvBook \(function)s on datasets of (x, y) elements; this dataset's elements hold no targets",
        at: site.range)
    }
    return (
      conformed(
        try arrays(
          epoch.x, "x", count: trainer.inputNames.count, names: trainer.inputNames, site: site,
          budget: budget),
        to: trainer.model),
      try arrays(
        targets, "y", count: trainer.outputs.count, names: trainer.outputs.map(\.name),
        site: site, budget: budget)
    )
  }
}

// MARK: Sample weights

extension TrainingCalls {
  /// The weight of each sample from `sample_weight=` (one number per sample) and `class_weight=`
  /// (a dict from class index to weight, looked up by each target's class: its argmax for one-hot
  /// rows, else its value), multiplied when both are given; nil when neither is.
  fileprivate static func sampleWeights(
    _ given: Value?, classWeight: Value?, targets: [NDArray], function: String, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> [Float]? {
    let given = given.flatMap { $0.isNone ? nil : $0 }
    let classWeight = classWeight.flatMap { $0.isNone ? nil : $0 }
    guard given != nil || classWeight != nil else { return nil }
    if given != nil && classWeight != nil {
      // tf-keras fails inside TensorFlow ("Tried to convert 'shape' to a tensor") there.
      guard interpreter.kerasVersion == .keras3 else {
        throw .unsupported(
          "ConvBook does not support fit(sample_weight=...) together with class_weight= under tf-keras",
          at: site.range)
      }
      throw CellError(
        type: "ValueError",
        message: "You cannot `class_weight` and `sample_weight` at the same time.",
        range: site.range)
    }
    guard targets.count == 1 else {
      throw .unsupported(
        "ConvBook does not support \(function)(sample_weight=...) or class_weight= for a model with several outputs yet",
        at: site.range)
    }
    let samples = targets[0].shape.first ?? 0
    var weights = [Float](repeating: 1, count: samples)
    if let given {
      let array = try ArrayOperations.array(
        from: given, dtype: nil, range: site.range, budget: interpreter.budget)
      guard array.rank == 1 || (array.rank == 2 && array.shape[1] == 1) else {
        throw .unsupported(
          "ConvBook takes sample_weight as one number per sample (shape (\(samples),)), not an array of shape \(ArrayOperations.shapeText(array.shape))",
          at: site.range)
      }
      guard array.shape[0] == samples else {
        throw CellError(
          type: "ValueError",
          message:
            "Data cardinality is ambiguous:\n  y sizes: \(samples)\n  sample_weight sizes: \(array.shape[0])\nMake sure all arrays contain the same number of samples.",
          range: site.range)
      }
      weights = array.scalars
    }
    if let classWeight {
      guard case .dictionary(let table) = classWeight else {
        throw .unsupported(
          "ConvBook takes class_weight as a dict from class index to weight, not a value of type '\(classWeight.typeName)'",
          at: site.range)
      }
      var byClass: [Int: Float] = [:]
      for (key, value) in table.pairs {
        let weight: Double
        // NumPy scalars (scikit-learn's compute_class_weight) count as their Python numbers.
        switch NumPyScalar.number(value) {
        case .int(let number): weight = Double(number)
        case .float(let number): weight = number
        case .bool(let flag): weight = flag ? 1 : 0
        default: weight = .nan
        }
        guard case .int(let index) = NumPyScalar.integer(key), weight.isFinite else {
          throw .unsupported(
            "ConvBook takes class_weight as a dict from class index (int) to weight, not {\(PythonText.repr(key)): \(PythonText.repr(value))}",
            at: site.range)
        }
        byClass[index] = Float(weight)
      }
      let keras3 = interpreter.kerasVersion == .keras3
      let y = targets[0]
      let width = y.rank >= 2 ? y.shape[y.rank - 1] : 1
      guard y.rank <= 2 else {
        throw .unsupported(
          "ConvBook does not support class_weight= for targets of rank \(y.rank) yet",
          at: site.range)
      }
      let values = y.scalars
      for sample in 0..<samples {
        let label: Int
        if width > 1 {
          // One-hot rows: the first largest entry, as argmax.
          var best = 0
          for i in 1..<width where values[sample * width + i] > values[sample * width + best] {
            best = i
          }
          label = best
        } else {
          let value = values[sample]
          guard value.isFinite, abs(value) < 1e9 else {
            throw .unsupported(
              "ConvBook cannot look up class_weight for the target \(value)", at: site.range)
          }
          // Keras 3 rounds the targets; tf-keras casts them to integers.
          label = Int(keras3 ? value.rounded() : value.rounded(.towardZero))
        }
        if let weight = byClass[label] {
          weights[sample] *= weight
        } else if !keras3 {
          // tf-keras refuses a dict that does not list every class from 0 up.
          throw .unsupported(
            "ConvBook needs class_weight to list every class from 0 up under tf-keras; class \(label) has no weight",
            at: site.range)
        }
      }
    }
    return weights
  }
}

// MARK: One batch

extension TrainingCalls {
  /// `model.train_on_batch(x, y, sample_weight=, class_weight=, return_dict=)` and
  /// `model.test_on_batch(x, y, sample_weight=, return_dict=)`: one step on the whole arrays as
  /// one batch; the loss and metrics of that batch alone (`reset_metrics=True`, Keras' default),
  /// a float when there is only the loss, else a list in the history's order (a dict with
  /// `return_dict=True`, sorted by name in Keras 3).
  static func onBatch(
    _ function: String, of model: KerasModel, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let training = function == "train_on_batch"
    let arguments = Arguments(
      positional: positional, keywords: keywords, site: site, function: function)
    try arguments.check(
      positional: training
        ? ["x", "y", "sample_weight", "class_weight", "reset_metrics", "return_dict"]
        : ["x", "y", "sample_weight", "reset_metrics", "return_dict"],
      keywords: [])
    if let reset = arguments.value(training ? 4 : 3, "reset_metrics"), !reset.isTruthy {
      throw .unsupported(
        "ConvBook does not support \(function)(reset_metrics=False) yet (it reports each batch on its own)",
        at: site.range)
    }
    if let instance = interpreter.session.customLayers[ObjectIdentifier(model)],
      instance.type.lookup(training ? "train_step" : "test_step") != nil
    {
      throw .unsupported(
        "ConvBook does not support \(function)() of a model with its own \(training ? "train_step" : "test_step") yet",
        at: site.range)
    }
    try checkOnBatchLists(
      x: arguments.value(0, "x"),
      others: [arguments.value(1, "y"), arguments.value(2, "sample_weight")], of: model,
      site: site, interpreter: interpreter)
    let budget = interpreter.budget
    if !model.isBuilt, model.graph == nil, case .array(let array)? = arguments.value(0, "x"),
      array.rank >= 1
    {
      try EagerCalls.build(model, onData: array.shape, site: site, interpreter: interpreter)
    }
    let trainer = try self.trainer(
      for: model, step: training ? .train : .test, site: site, interpreter: interpreter)
    try ScopeNameChecks.checkTraining(
      model, function: function, interpreter: interpreter, range: site.range)
    let own =
      interpreter.session.training.ownDrawn(model)
      || positional.contains { OwnDraws.derives($0, training: interpreter.session.training) }
      || (training && ownRandomness(model))
    let startsKnown = startsFromKerasValues(
      model, positional + keywords.map(\.1), training: interpreter.session.training)
    defer {
      if training {
        interpreter.session.training.touched(model, own: own, known: startsKnown)
      }
    }
    let x = conformed(
      try arguments.tensors(
        0, "x", count: trainer.inputNames.count, names: trainer.inputNames, budget: budget),
      to: model)
    let y = try arguments.tensors(
      1, "y", count: trainer.outputs.count, names: trainer.outputs.map(\.name), budget: budget)
    interpreter.session.training.noteMetricTargets(y)
    let weights = try sampleWeights(
      arguments.value(2, "sample_weight"),
      classWeight: training ? arguments.value(3, "class_weight") : nil, targets: y,
      function: function, site: site, interpreter: interpreter)
    guard Set((x + y).map { $0.shape[0] }).count == 1 else {
      throw CellError(
        type: "ValueError",
        message:
          "Data cardinality is ambiguous:\n  x sizes: \(x.map { String($0.shape[0]) }.joined(separator: ", "))\n  y sizes: \(y.map { String($0.shape[0]) }.joined(separator: ", "))\nMake sure all arrays contain the same number of samples.",
        range: site.range)
    }
    let samples = max(1, x[0].shape[0])
    let names: [String]
    let results: [Float]
    do {
      names = try trainer.historyNames(inputs: x.map(\.tensor), targets: y.map(\.tensor))
      if training {
        let key = ObjectIdentifier(model)
        let state = interpreter.session.training
        let epochIndex = state.states[key]?.epochsRun ?? 0
        let history = try trainer.fit(
          inputs: x.map(\.tensor), targets: y.map(\.tensor),
          options: Trainer.Options(
            epochs: 1, batchSize: samples, shuffle: false, validationSplit: 0,
            seed: state.seed &+ UInt64(epochIndex) &* 0x9E37_79B9),
          sampleWeights: weights)
        // Each step draws new dropout masks.
        state.states[key]?.epochsRun += 1
        results = history.values.map { $0.last ?? 0 }
      } else {
        results = try trainer.evaluate(
          inputs: x.map(\.tensor), targets: y.map(\.tensor), batchSize: samples,
          sampleWeights: weights)
      }
    } catch {
      throw Self.error(error, site: site, interpreter: interpreter)
    }
    interpreter.session.training.metricNames[ObjectIdentifier(model)] = names
    try budget.checkTime(at: site.range)
    if arguments.value(training ? 5 : 4, "return_dict")?.isTruthy == true {
      return .dictionary(
        PythonDict(
          ClassCallbacks.logs(Array(zip(names, results)), version: interpreter.kerasVersion)))
    }
    if results.count == 1 { return .float(Double(results[0])) }
    return .list(PythonList(results.map { .float(Double($0)) }))
  }

  /// Python lists and tuples given to `train_on_batch` / `test_on_batch` / `predict_on_batch`,
  /// which, unlike `fit` and `predict`, convert no list of numbers into an array: tf-keras reads
  /// the `.shape` of every leaf of (x, y, sample_weight) (AttributeError on a Python number);
  /// Keras 3 gives x's leaves to a functional model as its inputs (a count other than the
  /// model's is its input spec's ValueError; a lone Python number is not a tensor).
  static func checkOnBatchLists(
    x: Value?, others: [Value?], of model: KerasModel, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    func leaves(_ value: Value) -> [Value]? {
      switch value {
      case .list(let list): return list.items.flatMap { leaves($0) ?? [$0] }
      case .tuple(let items): return items.flatMap { leaves($0) ?? [$0] }
      default: return nil
      }
    }
    func isNumber(_ value: Value) -> Bool {
      switch value {
      case .int, .bigInt, .float, .bool: return true
      default: return false
      }
    }
    if interpreter.kerasVersion == .keras3 {
      guard let x, let given = leaves(x), given.contains(where: isNumber),
        model.kind != .sequential
      else { return }
      let names = ForwardPass.inputNames(of: model)
      guard given.count == names.count else {
        let keys = names.map { "'\($0)'" }
        throw CellError(
          type: "ValueError",
          message:
            "Layer \"\(model.name)\" expects \(names.count) named input(s) with keys [\(keys.joined(separator: ", "))], but it received \(given.count) input tensors. Pass inputs as a dict, e.g. `layer({\(keys.map { "\($0): ..." }.joined(separator: ", "))})`.",
          range: site.range)
      }
      if let number = given.first(where: isNumber) {
        throw CellError(
          type: "ValueError",
          message:
            "Inputs to a layer should be tensors. Got '\(PythonText.str(number))' (of type <class '\(number.typeName)'>) as input for layer '\(model.name)'.",
          range: site.range)
      }
      return
    }
    for value in [x] + others {
      guard let value, let given = leaves(value) else { continue }
      if let number = given.first(where: isNumber) {
        throw CellError(
          type: "AttributeError", message: "'\(number.typeName)' object has no attribute 'shape'",
          range: site.range)
      }
    }
  }

  /// `model.predict_on_batch(x)`: the predictions for `x` as one batch.
  static func predictOnBatch(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = Arguments(
      positional: positional, keywords: keywords, site: site, function: "predict_on_batch")
    try arguments.check(positional: ["x"], keywords: [])
    try checkOnBatchLists(
      x: arguments.value(0, "x"), others: [], of: model, site: site, interpreter: interpreter)
    try buildOnData(
      model, arguments.value(0, "x"), keepingBatch: true, site: site, interpreter: interpreter)
    let inputNames = ForwardPass.inputNames(of: model)
    let xs = try arguments.tensors(
      0, "x", count: inputNames.count, names: inputNames, budget: interpreter.budget)
    return try predict(
      model, positional: [arguments.value(0, "x") ?? .none],
      keywords: [("batch_size", .int(max(1, xs[0].shape[0]))), ("verbose", .int(0))], site: site,
      interpreter: interpreter)
  }
}
