import CNNEngine

/// A script's own `keras.callbacks.Callback` subclass in `fit(callbacks=[...])`,
/// `evaluate(callbacks=...)` and `predict(callbacks=...)`: each sets its `model` and runs its
/// methods as tf-keras 2.21 and Keras 3.15 do. `fit` calls `on_train_begin`, `on_epoch_begin`,
/// `on_train_batch_begin` / `_end` around each batch (Keras' base class forwards them to
/// `on_batch_begin` / `_end`), `on_test_*` around the validation, `on_epoch_end` and
/// `on_train_end`; `evaluate` the `on_test_*` methods and `predict` the `on_predict_*` ones.
/// Logs are Keras': `{}` at a beginning, the running averages of the epoch (or evaluation) so
/// far at a batch's end, the epoch's values at its end (Python floats, in the history's order:
/// tf-keras `loss`, the metrics, then `val_` ones; Keras 3 sorted), `{'outputs': array}` at a
/// prediction batch's end. `self.model.stop_training = True` ends the training after that batch
/// or epoch. What they print comes where Keras prints it relative to fit's own lines: before
/// `Epoch 1/N` for the beginnings, before the epoch's progress line for the batches and
/// `on_epoch_end` (Keras' progress bar finishes that line after the callbacks ran), after the
/// training for `on_train_end`.
enum ClassCallbacks {
  /// The batch-level methods of each stage, and the older names Keras' base class forwards the
  /// training ones to.
  static let trainBatchMethods = [
    "on_train_batch_begin", "on_train_batch_end", "on_batch_begin", "on_batch_end",
  ]
  static let testMethods = [
    "on_test_begin", "on_test_end", "on_test_batch_begin", "on_test_batch_end",
  ]
  static let predictMethods = [
    "on_predict_begin", "on_predict_end", "on_predict_batch_begin", "on_predict_batch_end",
  ]

  /// The callbacks whose class defines one of `methods`.
  static func defining(_ methods: [String], in callbacks: [PythonInstance]) -> [PythonInstance] {
    callbacks.filter { callback in methods.contains { callback.type.lookup($0) != nil } }
  }

  /// The script's own callbacks of `evaluate(callbacks=...)` / `predict(callbacks=...)`; Keras'
  /// built-in ones are refused there.
  static func given(
    _ value: Value?, function: String, model: KerasModel, interpreter: Interpreter,
    site: CallSite
  ) throws(CellError) -> [PythonInstance] {
    guard let value, !value.isNone else { return [] }
    guard let items = value.sequenceItems else {
      throw CellError(
        type: "TypeError", message: "`callbacks` must be a list of keras.callbacks objects",
        range: site.range)
    }
    var result: [PythonInstance] = []
    for item in items {
      guard case .instance(let instance) = item, instance.type.kerasClassBase == .callback else {
        throw .unsupported(
          "ConvBook runs the script's own keras.callbacks.Callback subclasses in \(function)(callbacks=...), not a value of type '\(item.typeName)'",
          at: site.range)
      }
      result.append(instance)
    }
    start(result, model: model, interpreter: interpreter, resetStop: false)
    return result
  }

  /// The logs dict Keras gives: (name, value) pairs as Python floats, sorted by name in Keras 3.
  static func logs(_ values: [(String, Float)], version: KerasVersion, own: Bool = false)
    -> [(Value, Value)]
  {
    var pairs = values
    if version == .keras3 {
      pairs = TrainingCalls.keras3Order(values.map(\.0), learningRate: "learning_rate").map {
        values[$0]
      }
    }
    // Values of ConvBook's own draw are marked (`OwnDraws`), as `history.history` holds them.
    return pairs.map { (.string($0.0), FitHistory.value($0.1, own: own)) }
  }

  /// Calls a batch-level (or stage-level) method of each callback, as Keras' `CallbackList`
  /// does: the class's own method, else the base class's (which forwards the training batch
  /// methods to `on_batch_begin` / `on_batch_end`).
  static func event(
    _ method: String, of callbacks: [PythonInstance], arguments: [Value] = [],
    logs: [(Value, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    for instance in callbacks {
      let dictionary = Value.dictionary(PythonDict(logs))
      if let (member, _) = instance.type.lookup(method) {
        _ = try interpreter.callClassMember(
          member, receiver: .instance(instance), receiverClass: instance.type,
          positional: arguments + [dictionary], keywords: [], site: site)
      } else {
        _ = try KerasClassBase.callMethod(
          method, of: instance, base: .callback, positional: arguments + [dictionary],
          keywords: [], site: site, interpreter: interpreter)
      }
    }
  }

  /// Keras' `Callback.on_train_batch_begin` / `_end`: `self.on_batch_begin(batch, logs=logs)`.
  static func forwardToBatch(
    _ method: String, of instance: PythonInstance, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let older = method == "on_train_batch_begin" ? "on_batch_begin" : "on_batch_end"
    guard let (member, _) = instance.type.lookup(older) else { return }
    var arguments = positional
    var named = keywords
    // Keras passes the logs by name.
    if arguments.count == 2 { named.insert(("logs", arguments.removeLast()), at: 0) }
    _ = try interpreter.callClassMember(
      member, receiver: .instance(instance), receiverClass: instance.type,
      positional: arguments, keywords: named, site: site)
  }

  /// Batch hooks for the trainer that run `begin` / `end` of `callbacks` (with the running
  /// averages under `names`), stopping on an error (kept in `failure`) or a stop request.
  static func hooks(
    _ callbacks: [PythonInstance], begin: String, end: String, names: [String],
    model: KerasModel, failure: Failure, site: CallSite, interpreter: Interpreter
  ) -> Trainer.BatchHooks? {
    guard !callbacks.isEmpty else { return nil }
    let version = interpreter.kerasVersion
    return Trainer.BatchHooks(
      begin: { step in
        do throws(CellError) {
          try event(
            begin, of: callbacks, arguments: [.int(step)], logs: [], site: site,
            interpreter: interpreter)
          return true
        } catch {
          failure.error = error
          return false
        }
      },
      end: { step, values in
        do throws(CellError) {
          try event(
            end, of: callbacks, arguments: [.int(step)],
            logs: logs(Array(zip(names, values)), version: version), site: site,
            interpreter: interpreter)
          try interpreter.budget.checkTime(at: site.range)
        } catch {
          failure.error = error
          return false
        }
        return !(end == "on_train_batch_end" && stopRequested(model, interpreter: interpreter))
      })
  }

  /// The error a callback raised inside the trainer's loop.
  final class Failure {
    var error: CellError?

    func check() throws(CellError) {
      if let error { throw error }
    }
  }

  /// The value a callback's `self.model` is: the Python object of a subclassed model, else the
  /// model.
  static func modelValue(_ model: KerasModel, session: KerasSession) -> Value {
    if let instance = session.customLayers[ObjectIdentifier(model)],
      instance.layerState?.functionalModel == nil
    {
      return .instance(instance)
    }
    return .model(model)
  }

  /// Sets each callback's model (Keras' `set_model`) and clears the model's `stop_training`.
  static func start(
    _ callbacks: [PythonInstance], model: KerasModel, interpreter: Interpreter,
    resetStop: Bool = true
  ) {
    let value = modelValue(model, session: interpreter.session)
    for instance in callbacks {
      let state = instance.kerasClassState ?? KerasClassState()
      instance.kerasClassState = state
      state.model = value
    }
    if resetStop { setStopTraining(false, of: model, interpreter: interpreter) }
  }

  /// Whether a callback asked the training to stop (`self.model.stop_training = True`).
  static func stopRequested(_ model: KerasModel, interpreter: Interpreter) -> Bool {
    if interpreter.session.training.stopTraining[ObjectIdentifier(model)] == true { return true }
    if case .instance(let instance) = modelValue(model, session: interpreter.session),
      let flag = instance.attributes["stop_training"]
    {
      return flag.isTruthy
    }
    return false
  }

  static func setStopTraining(_ flag: Bool, of model: KerasModel, interpreter: Interpreter) {
    interpreter.session.training.stopTraining[ObjectIdentifier(model)] = flag
    if case .instance(let instance) = modelValue(model, session: interpreter.session),
      instance.attributes["stop_training"] != nil
    {
      instance.set("stop_training", .bool(flag))
    }
  }
}
