import CNNEngine

/// `model.fit(callbacks=[...])`: tf-keras 2's `EarlyStopping`, `ReduceLROnPlateau`,
/// `LearningRateScheduler`, `ModelCheckpoint` (weights to an `.npz` in the lesson folder),
/// `CSVLogger` (a file in the lesson folder) and `History`, with their rules and their printed
/// lines (written from reading tf-keras' `callbacks.py`, checked against its output):
///
/// - at an epoch's start the callbacks run before Keras prints `Epoch 3/10`, and at its end
///   before the progress line, so their messages (each after an empty line) come first;
/// - `LearningRateScheduler` and `ReduceLROnPlateau` add the learning rate to the epoch's logs as
///   `lr` (so `history.history["lr"]` and `- lr: 0.0100` in the progress line), taken before the
///   plateau lowers it;
/// - `EarlyStopping` stops after the epoch that exhausts its patience and prints
///   `Epoch 16: early stopping` (and the restore line) when the training ends.
struct FitCallbacks {
  private struct Monitor {
    var name: String
    var greater: Bool
    var delta: Double
    var best: Double
    /// Keras 3 compares through `keras.ops` (`ops.greater(current - min_delta, best)`): the
    /// Python floats are compared as float32 tensors.
    var float32 = false
    /// Keras 3's `mode="auto"`, decided at the first epoch's end from the model's metrics.
    var pendingAuto = false
    var mode = "auto"

    /// `mode`: "min", "max" or "auto" (greater when the name ends in acc/accuracy/auc for
    /// EarlyStopping, contains "acc" for the others).
    init(
      name: String, mode: String, delta: Double, autoGreater: Bool
    ) {
      self.name = name
      self.mode = mode
      greater = mode == "max" || (mode != "min" && autoGreater)
      self.delta = delta
      best = greater ? -.infinity : .infinity
    }

    /// Keras 3's `_set_monitor_op` in "auto" mode: the loss decreases, a compiled metric goes
    /// its own direction (accuracies up, errors down); anything else is Keras' ValueError.
    /// `logs`: the epoch's log names.
    mutating func resolveKeras3Auto(logs: [String], callback: String) -> String? {
      guard pendingAuto else { return nil }
      pendingAuto = false
      let metric = name.hasPrefix("val_") ? String(name.dropFirst(4)) : name
      let isMetric =
        metric != "loss" && !metric.hasSuffix("_loss") && metric != "learning_rate"
        && logs.contains(metric)
      guard metric == "loss" || isMetric else {
        return
          "\(callback) callback received monitor=\(name), but Keras isn't able to automatically determine whether that metric should be maximized or minimized. Pass `mode='max'` in order to monitor based on the highest metric value, or pass `mode='min'` in order to use the lowest value."
      }
      greater = metric != "loss" && (metric.contains("acc") || metric.hasSuffix("auc"))
      best = greater ? -.infinity : .infinity
      return nil
    }

    /// Whether `value` improves on `reference` by more than `delta`: tf-keras'
    /// `monitor_op(current - min_delta, reference)` with min_delta signed by the direction, or
    /// Keras 3's `_is_improvement`, the same in float32.
    func improves(_ value: Double, over reference: Double) -> Bool {
      let moved = greater ? value - delta : value + delta
      if float32 {
        return greater ? Float(moved) > Float(reference) : Float(moved) < Float(reference)
      }
      return greater ? moved > reference : moved < reference
    }
  }

  private struct EarlyStopping {
    var monitor: Monitor
    var patience: Int
    var verbose: Int
    var baseline: Double?
    var restoreBestWeights: Bool
    var startFromEpoch: Int
    var wait = 0
    var stoppedEpoch = 0
    var bestEpoch = 0
    var bestWeights: ModelWeights?
    /// The script's `EarlyStopping` object, whose `stopped_epoch`, `wait`, `best` and
    /// `best_epoch` read what this fit left (`recordState`).
    var identity: KerasObject.Identity?

    func improves(_ value: Double, over reference: Double) -> Bool {
      monitor.improves(value, over: reference)
    }
  }

  private struct Plateau {
    var monitor: Monitor
    var factor: Double
    var patience: Int
    var verbose: Int
    var cooldown: Int
    var minimum: Double
    var cooldownCounter = 0
    var wait = 0
  }

  private struct Checkpoint {
    var path: String
    var monitor: Monitor
    var bestOnly: Bool
    var verbose: Int
  }

  private enum Callback {
    case earlyStopping(EarlyStopping)
    case plateau(Plateau)
    case scheduler(Value, verbose: Int)
    case checkpoint(Checkpoint)
    case csvLogger(path: String, separator: String)
    case history
    /// A script's own subclass of `keras.callbacks.Callback` (`ClassCallbacks`).
    case custom(PythonInstance)

    /// Keras 3's `MonitorCallback`: float32 comparisons, "auto" decided from the metrics.
    mutating func useKeras3Monitors() {
      func keras3(_ monitor: inout Monitor) {
        monitor.float32 = true
        monitor.pendingAuto = monitor.mode == "auto"
      }
      switch self {
      case .earlyStopping(var early):
        keras3(&early.monitor)
        self = .earlyStopping(early)
      case .plateau(var plateau):
        keras3(&plateau.monitor)
        self = .plateau(plateau)
      case .checkpoint(var checkpoint):
        keras3(&checkpoint.monitor)
        self = .checkpoint(checkpoint)
      case .scheduler, .csvLogger, .history, .custom: break
      }
    }

    /// Resolves a Keras 3 "auto" monitor; Keras' ValueError when it cannot be.
    mutating func resolveMonitor(logs: [String]) -> String? {
      switch self {
      case .earlyStopping(var early):
        defer { self = .earlyStopping(early) }
        return early.monitor.resolveKeras3Auto(logs: logs, callback: "EarlyStopping")
      case .plateau(var plateau):
        defer { self = .plateau(plateau) }
        return plateau.monitor.resolveKeras3Auto(logs: logs, callback: "ReduceLROnPlateau")
      case .checkpoint(var checkpoint):
        defer { self = .checkpoint(checkpoint) }
        return checkpoint.monitor.resolveKeras3Auto(logs: logs, callback: "ModelCheckpoint")
      case .scheduler, .csvLogger, .history, .custom: return nil
      }
    }
  }

  private var callbacks: [Callback] = []
  /// Keras 3 names the rate `learning_rate`, starts ModelCheckpoint's best at `None` and adds
  /// `Epoch 1: finished saving model to ...`.
  private var keras3 = false
  /// The log key of the learning rate.
  var learningRateName: String { keras3 ? "learning_rate" : "lr" }
  /// The rows of a `CSVLogger`, rewritten whole at each epoch's end.
  private var csvRows: [String] = []
  private var csvKeys: [String]?

  /// Whether the epoch logs carry `lr`.
  var addsLearningRate: Bool {
    callbacks.contains {
      switch $0 {
      case .plateau, .scheduler: return true
      default: return false
      }
    }
  }

  /// Reads `callbacks=[...]`; refuses callbacks ConvBook does not run.
  init(_ value: Value?, site: CallSite, interpreter: Interpreter) throws(CellError) {
    keras3 = interpreter.kerasVersion == .keras3
    guard let value, !value.isNone else { return }
    guard let items = value.sequenceItems else {
      throw CellError(
        type: "TypeError", message: "`callbacks` must be a list of keras.callbacks objects",
        range: site.range)
    }
    for item in items {
      if case .instance(let instance) = item, instance.type.kerasClassBase == .callback {
        callbacks.append(.custom(instance))
        continue
      }
      guard case .kerasObject(let object) = item else {
        throw .unsupported(
          "ConvBook runs keras.callbacks objects in fit(callbacks=...), not a value of type '\(item.typeName)'",
          at: site.range)
      }
      var callback = try Self.callback(object, site: site, interpreter: interpreter)
      if keras3 { callback.useKeras3Monitors() }
      callbacks.append(callback)
    }
  }

  private static func callback(_ object: KerasObject, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Callback
  {
    let runs: Set<String> = [
      "EarlyStopping", "ReduceLROnPlateau", "LearningRateScheduler", "ModelCheckpoint",
      "CSVLogger", "History",
    ]
    guard runs.contains(object.typeName),
      let signature = CallbackSignatures.signature(
        object.typeName, version: interpreter.kerasVersion)
    else {
      throw .unsupported(
        "ConvBook does not support the callback \(object.typeName) yet (it runs EarlyStopping, ReduceLROnPlateau, LearningRateScheduler, ModelCheckpoint, CSVLogger and History)",
        at: site.range)
    }
    // The schedule was taken out of the positional arguments when the callback was made.
    let order = signature.parameters.filter { $0 != "schedule" }
    // What `**kwargs` kept (tf-keras' deprecated `epsilon`, `period`).
    var kept: [String: ArgumentValue] = [:]
    var given: [String: ArgumentValue] = [:]
    for (label, argument) in object.arguments {
      var name = label
      if label.hasPrefix("arg"), let index = Int(label.dropFirst(3)) {
        guard index < order.count else {
          throw CellError(
            type: "TypeError",
            message: "\(object.typeName).__init__() got too many positional arguments",
            range: site.range)
        }
        name = order[index]
      }
      if !order.contains(name), name != "schedule", signature.keepsKeywords {
        kept[name] = argument
        continue
      }
      guard order.contains(name) || name == "schedule" else {
        throw CellError(
          type: "TypeError",
          message: "\(object.typeName).__init__() got an unexpected keyword argument '\(name)'",
          range: site.range)
      }
      given[name] = argument
    }
    func number(_ name: String, _ fallback: Double) throws(CellError) -> Double {
      switch given[name] {
      case nil, .none?: return fallback
      case .int(let value)?: return Double(value)
      case .float(let value)?: return value
      case let other?:
        throw CellError(
          type: "TypeError",
          message: "\(object.typeName)(\(name)=...) must be a number, not \(other)",
          range: site.range)
      }
    }
    func integer(_ name: String, _ fallback: Int) throws(CellError) -> Int {
      switch given[name] {
      case nil, .none?: return fallback
      case .int(let value)?: return value
      case .bool(let value)?: return value ? 1 : 0
      case let other?:
        throw CellError(
          type: "TypeError",
          message: "\(object.typeName)(\(name)=...) must be an integer, not \(other)",
          range: site.range)
      }
    }
    func text(_ name: String, _ fallback: String?) throws(CellError) -> String {
      switch given[name] {
      case .string(let value)?: return value
      case nil, .none?:
        guard let fallback else {
          throw CellError(
            type: "TypeError",
            message:
              "\(object.typeName).__init__() missing 1 required positional argument: '\(name)'",
            range: site.range)
        }
        return fallback
      case let other?:
        throw CellError(
          type: "TypeError",
          message: "\(object.typeName)(\(name)=...) must be a string, not \(other)",
          range: site.range)
      }
    }
    func flag(_ name: String) -> Bool {
      if case .bool(true)? = given[name] { return true }
      if case .int(let value)? = given[name] { return value != 0 }
      return false
    }
    func file(_ name: String) throws(CellError) -> String {
      let path = try text(name, nil)
      if let problem = CellFiles.problem(with: path) { throw .unsupported(problem, at: site.range) }
      guard interpreter.session.training.files != nil else {
        throw .unsupported(
          "ConvBook does not support \(object.typeName) outside a lesson yet: it writes files into a lesson's folder only, and this run has none",
          at: site.range)
      }
      return path
    }
    func mode() throws(CellError) -> String {
      let value = try text("mode", "auto")
      return ["auto", "min", "max"].contains(value) ? value : "auto"
    }
    switch object.typeName {
    case "EarlyStopping":
      let monitor = try text("monitor", "val_loss")
      let greater =
        monitor.hasSuffix("acc") || monitor.hasSuffix("accuracy") || monitor.hasSuffix("auc")
      return .earlyStopping(
        EarlyStopping(
          monitor: Monitor(
            name: monitor, mode: try mode(), delta: abs(try number("min_delta", 0)),
            autoGreater: greater),
          patience: try integer("patience", 0), verbose: try integer("verbose", 0),
          baseline: given["baseline"].flatMap { $0 == .none ? nil : $0 } == nil
            ? nil : try number("baseline", 0),
          restoreBestWeights: flag("restore_best_weights"),
          startFromEpoch: try integer("start_from_epoch", 0), identity: object.identity))
    case "ReduceLROnPlateau":
      // tf-keras takes the deprecated `epsilon` as `min_delta`; Keras 3 ignores it.
      if interpreter.kerasVersion == .keras2, let epsilon = kept["epsilon"] {
        given["min_delta"] = epsilon
      }
      let factor = try number("factor", 0.1)
      guard factor < 1 else {
        throw CellError(
          type: "ValueError",
          message:
            "ReduceLROnPlateau does not support a factor >= 1.0. Got \(PythonFormat.float(factor))",
          range: site.range)
      }
      let monitor = try text("monitor", "val_loss")
      return .plateau(
        Plateau(
          monitor: Monitor(
            name: monitor, mode: try mode(), delta: try number("min_delta", 1e-4),
            autoGreater: monitor.contains("acc")),
          factor: factor, patience: try integer("patience", 10),
          verbose: try integer("verbose", 0), cooldown: try integer("cooldown", 0),
          minimum: try number("min_lr", 0)))
    case "LearningRateScheduler":
      guard case .int(let index)? = given["schedule"],
        index < interpreter.session.training.schedules.count
      else {
        throw CellError(
          type: "TypeError",
          message:
            "LearningRateScheduler.__init__() missing 1 required positional argument: 'schedule'",
          range: site.range)
      }
      return .scheduler(
        interpreter.session.training.schedules[index], verbose: try integer("verbose", 0))
    case "ModelCheckpoint":
      if let deprecated = ["period", "load_weights_on_restart"].first(where: { kept[$0] != nil }) {
        throw .unsupported(
          "ConvBook does not support tf-keras' deprecated ModelCheckpoint(\(deprecated)=...) yet",
          at: site.range)
      }
      let path = try file("filepath")
      guard path.hasSuffix(".npz") else {
        throw .unsupported(
          "ConvBook's ModelCheckpoint writes the weights to .npz files in the lesson folder (Keras would write .keras or .weights.h5, which ConvBook does not write yet); use a name ending in .npz, such as \"weights-{epoch:02d}.npz\"",
          at: site.range)
      }
      if case .string(let frequency)? = given["save_freq"], frequency != "epoch" {
        throw .unsupported(
          "ConvBook's ModelCheckpoint saves once per epoch (save_freq=\"epoch\")", at: site.range)
      }
      if case .int? = given["save_freq"] {
        throw .unsupported(
          "ConvBook's ModelCheckpoint saves once per epoch (save_freq=\"epoch\")", at: site.range)
      }
      let monitor = try text("monitor", "val_loss")
      var watched = Monitor(
        name: monitor, mode: try mode(), delta: 0,
        autoGreater: monitor.contains("acc") || monitor.hasPrefix("fmeasure"))
      if let threshold = given["initial_value_threshold"], threshold != .none {
        watched.best = try number("initial_value_threshold", 0)
      }
      return .checkpoint(
        Checkpoint(
          path: path, monitor: watched, bestOnly: flag("save_best_only"),
          verbose: try integer("verbose", 0)))
    case "CSVLogger":
      if flag("append") {
        throw .unsupported("ConvBook's CSVLogger writes a new file (append=False)", at: site.range)
      }
      return .csvLogger(path: try file("filename"), separator: try text("separator", ","))
    default:
      return .history
    }
  }

  // MARK: Events

  /// The scripts' own callbacks, in the order they were given.
  var customCallbacks: [PythonInstance] {
    callbacks.compactMap { if case .custom(let instance) = $0 { instance } else { nil } }
  }

  /// `on_train_begin`: every callback starts afresh, as Keras resets them.
  mutating func trainBegin() {
    csvRows = []
    csvKeys = nil
    for index in callbacks.indices {
      switch callbacks[index] {
      case .earlyStopping(var early):
        early.wait = 0
        early.stoppedEpoch = 0
        early.bestEpoch = 0
        early.bestWeights = nil
        early.monitor.best = early.monitor.greater ? -.infinity : .infinity
        callbacks[index] = .earlyStopping(early)
      case .plateau(var plateau):
        plateau.wait = 0
        plateau.cooldownCounter = 0
        plateau.monitor.best = plateau.monitor.greater ? -.infinity : .infinity
        callbacks[index] = .plateau(plateau)
      default: break
      }
    }
  }

  /// `on_epoch_begin`: the schedules set the learning rate. Returns the lines to print.
  mutating func epochBegin(
    _ epoch: Int, trainer: Trainer, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> [String] {
    var lines: [String] = []
    for callback in callbacks {
      guard case .scheduler(let schedule, let verbose) = callback else { continue }
      let current = Value.float(Double(trainer.learningRate))
      var result: Value
      do {
        result = try Calls.call(
          schedule, positional: [.int(epoch), current], keywords: [], site: site,
          interpreter: interpreter)
      } catch let error where error.type == "TypeError" {
        // Keras' old API: schedule(epoch).
        result = try Calls.call(
          schedule, positional: [.int(epoch)], keywords: [], site: site,
          interpreter: interpreter)
      }
      guard case .float(let rate) = result else {
        throw CellError(
          type: "ValueError",
          message:
            "The output of the \"schedule\" function should be float. Got: \(PythonText.str(result))",
          range: site.range)
      }
      trainer.learningRate = Float(rate)
      if verbose > 0 {
        lines += [
          "",
          "Epoch \(epoch + 1): LearningRateScheduler setting learning rate to \(PythonFormat.float(rate)).",
        ]
      }
    }
    return lines
  }

  /// `on_epoch_end` with the epoch's logs (`lr` added when a callback reports it): returns the
  /// lines to print before the progress line, and whether training stops.
  mutating func epochEnd(
    _ epoch: Int, logs: [(String, Float)], trainer: Trainer, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> (lines: [String], stop: Bool) {
    var lines: [String] = []
    var stop = false
    func value(_ name: String) -> Double? {
      logs.first { $0.0 == name }.map { Double($0.1) }
    }
    for index in callbacks.indices {
      if let problem = callbacks[index].resolveMonitor(logs: logs.map(\.0)) {
        throw CellError(type: "ValueError", message: problem, range: site.range)
      }
      switch callbacks[index] {
      case .earlyStopping(var early):
        defer { callbacks[index] = .earlyStopping(early) }
        guard let current = value(early.monitor.name), epoch >= early.startFromEpoch else {
          continue
        }
        if early.restoreBestWeights && early.bestWeights == nil {
          early.bestWeights = trainer.weights
          early.bestEpoch = epoch
        }
        early.wait += 1
        if early.improves(current, over: early.monitor.best) {
          early.monitor.best = current
          early.bestEpoch = epoch
          if early.restoreBestWeights { early.bestWeights = trainer.weights }
          if early.baseline.map({ early.improves(current, over: $0) }) ?? true { early.wait = 0 }
          continue
        }
        if early.wait >= early.patience && epoch > 0 {
          early.stoppedEpoch = epoch
          stop = true
        }
      case .plateau(var plateau):
        defer { callbacks[index] = .plateau(plateau) }
        guard let current = value(plateau.monitor.name) else { continue }
        if plateau.cooldownCounter > 0 {
          plateau.cooldownCounter -= 1
          plateau.wait = 0
        }
        // tf-keras: np.less(current, best - min_delta); Keras 3: `_is_improvement`.
        let better =
          keras3
          ? plateau.monitor.improves(current, over: plateau.monitor.best)
          : plateau.monitor.greater
            ? current > plateau.monitor.best + plateau.monitor.delta
            : current < plateau.monitor.best - plateau.monitor.delta
        if better {
          plateau.monitor.best = current
          plateau.wait = 0
        } else if plateau.cooldownCounter <= 0 {
          plateau.wait += 1
          if plateau.wait >= plateau.patience {
            let old = Double(trainer.learningRate)
            if old > Double(Float(plateau.minimum)) {
              let new = max(old * plateau.factor, plateau.minimum)
              trainer.learningRate = Float(new)
              if plateau.verbose > 0 {
                lines += [
                  "",
                  "Epoch \(epoch + 1): ReduceLROnPlateau reducing learning rate to \(PythonFormat.float(new)).",
                ]
              }
              plateau.cooldownCounter = plateau.cooldown
              plateau.wait = 0
            }
          }
        }
      case .checkpoint(var checkpoint):
        defer { callbacks[index] = .checkpoint(checkpoint) }
        let path = try Self.checkpointPath(
          checkpoint.path, epoch: epoch, logs: logs, site: site, interpreter: interpreter)
        if checkpoint.bestOnly {
          guard let current = value(checkpoint.monitor.name) else { continue }
          let best = checkpoint.monitor.best
          let better = checkpoint.monitor.improves(current, over: best)
          let bestText = keras3 && best.isInfinite ? "None" : Self.fixed(best)
          if better {
            if checkpoint.verbose > 0 {
              lines += [
                "",
                "Epoch \(epoch + 1): \(checkpoint.monitor.name) improved from \(bestText) to \(Self.fixed(current)), saving model to \(path)",
              ]
            }
            checkpoint.monitor.best = current
            try save(trainer, to: path, site: site, interpreter: interpreter)
          } else if checkpoint.verbose > 0 {
            lines += [
              "",
              "Epoch \(epoch + 1): \(checkpoint.monitor.name) did not improve from \(bestText)",
            ]
            continue
          } else {
            continue
          }
        } else {
          if checkpoint.verbose > 0 {
            lines += ["", "Epoch \(epoch + 1): saving model to \(path)"]
          }
          try save(trainer, to: path, site: site, interpreter: interpreter)
        }
        if keras3 && checkpoint.verbose > 0 {
          lines += ["", "Epoch \(epoch + 1): finished saving model to \(path)"]
        }
      case .csvLogger(let path, let separator):
        let keys = csvKeys ?? Self.csvKeys(logs.map(\.0))
        csvKeys = keys
        if csvRows.isEmpty { csvRows.append((["epoch"] + keys).joined(separator: separator)) }
        var row = [String(epoch)]
        for key in keys {
          guard let found = logs.first(where: { $0.0 == key }) else {
            row.append("NA")
            continue
          }
          // tf-keras writes Python floats, and `lr` as NumPy's float32 prints it.
          row.append(
            key == learningRateName
              ? PythonFormat.float32(found.1) : PythonFormat.float(Double(found.1)))
        }
        csvRows.append(row.joined(separator: separator))
        guard let files = interpreter.session.training.files else { continue }
        do {
          try files.write(path, Array((csvRows.joined(separator: "\r\n") + "\r\n").utf8))
        } catch {
          throw .unsupported(
            "cannot write \(PythonFormat.quoted(path)): \(error)", at: site.range)
        }
      case .scheduler, .history, .custom:
        continue
      }
    }
    return (lines, stop)
  }

  /// `on_train_end`: EarlyStopping's messages and restored weights.
  func trainEnd(trainer: Trainer) -> [String] {
    var lines: [String] = []
    for callback in callbacks {
      guard case .earlyStopping(let early) = callback else { continue }
      if early.stoppedEpoch > 0 && early.verbose > 0 {
        lines.append("Epoch \(early.stoppedEpoch + 1): early stopping")
      }
      if early.restoreBestWeights, let weights = early.bestWeights {
        if early.verbose > 0 {
          lines.append(
            "Restoring model weights from the end of the best epoch: \(early.bestEpoch + 1).")
        }
        trainer.restore(weights)
      }
    }
    return lines
  }

  /// Whether an `EarlyStopping` could end a fit of `epochs` epochs early: its wait reaches its
  /// patience within them. On ConvBook's own draws that decides how many epochs run, which
  /// Keras decides anew on every run.
  func mayStopEarly(epochs: Int) -> Bool {
    callbacks.contains { callback in
      guard case .earlyStopping(let early) = callback else { return false }
      return epochs > 1 && epochs - early.startFromEpoch >= max(early.patience, 1)
    }
  }

  /// After `on_train_end`: what each `EarlyStopping` holds as Keras leaves it (`stopped_epoch`,
  /// `wait`, `best`, `best_epoch`), read later as the object's attributes. When the fit derives
  /// from ConvBook's own draws (`own`), so do they: printing them is refused as `OwnDraws` says.
  func recordState(own: Bool, site: CallSite, interpreter: Interpreter) throws(CellError) {
    let attributes = interpreter.session.objectAttributes
    for callback in callbacks {
      guard case .earlyStopping(let early) = callback, let identity = early.identity else {
        continue
      }
      let values: [(String, Value)] = [
        ("stopped_epoch", .int(early.stoppedEpoch)), ("wait", .int(early.wait)),
        ("best", .float(early.monitor.best)), ("best_epoch", .int(early.bestEpoch)),
      ]
      for (name, value) in values {
        var recorded = value
        if own {
          recorded = try OwnDraws.mark(
            value, refusingText: false, range: site.range, training: interpreter.session.training)
        }
        attributes.set(name, of: identity, to: recorded)
      }
    }
  }

  /// The file of an epoch: Keras' `filepath.format(epoch=epoch + 1, **logs)` (`{epoch:02d}`,
  /// `{val_loss:.2f}`), still inside the lesson folder once formatted.
  private static func checkpointPath(
    _ template: String, epoch: Int, logs: [(String, Float)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> String {
    guard template.contains("{") || template.contains("}") else { return template }
    var keywords: [(String, Value)] = [("epoch", .int(epoch + 1))]
    for (name, value) in logs where name != "epoch" {
      keywords.append((name, .float(Double(value))))
    }
    let path: String
    do {
      path = try Methods.formatMethod(template, [], keywords, site, interpreter.budget)
    } catch let error where error.type == "KeyError" {
      throw CellError(
        type: "KeyError",
        message: PythonFormat.quoted(
          "Failed to format this callback filepath: \"\(template)\". Reason: \(error.message)"),
        range: site.range)
    }
    if let problem = CellFiles.problem(with: path) { throw .unsupported(problem, at: site.range) }
    return path
  }

  /// CSVLogger's columns: the log keys sorted, with `val_` twins when there are none.
  private static func csvKeys(_ names: [String]) -> [String] {
    var keys = names.sorted()
    if !keys.contains(where: { $0.hasPrefix("val_") }) { keys += keys.map { "val_" + $0 } }
    return keys
  }

  /// Python's `f"{x:.5f}"` (`inf` for the first comparison).
  private static func fixed(_ value: Double) -> String {
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return String(format: "%.5f", value)
  }

  private func save(
    _ trainer: Trainer, to path: String, site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard let files = interpreter.session.training.files else { return }
    do {
      try files.write(path, try NPZWriter.encode(trainer.weights.npzEntries()))
    } catch {
      throw .unsupported("cannot write \(PythonFormat.quoted(path)): \(error)", at: site.range)
    }
  }
}

extension Interpreter {
  /// Keras 3's `ModelCheckpoint` checks its file name when it is made: `.weights.h5` for weights
  /// only, else `.keras` (or the legacy `.h5`). tf-keras takes any name.
  static func checkKeras3CheckpointPath(
    positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) {
    func argument(_ index: Int, _ name: String) -> Value? {
      if let found = keywords.first(where: { $0.0 == name }) { return found.1 }
      return index < positional.count ? positional[index] : nil
    }
    // ConvBook's own checkpoints are `.npz` files (`ModelCheckpoint` in lessons).
    guard case .string(let path)? = argument(0, "filepath"), !path.hasSuffix(".npz") else {
      return
    }
    if let weightsOnly = argument(4, "save_weights_only"), weightsOnly.isTruthy {
      guard path.hasSuffix(".weights.h5") else {
        throw CellError(
          type: "ValueError",
          message:
            "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in `.weights.h5` (Keras weights format). Received: filepath=\(path)",
          range: site.range)
      }
    } else if !path.hasSuffix(".keras") && !path.hasSuffix(".h5") {
      throw CellError(
        type: "ValueError",
        message:
          "The filepath provided must end in `.keras` (Keras model format). Received: filepath=\(path)",
        range: site.range)
    }
  }
}
