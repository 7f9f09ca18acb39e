import CNNEngine

/// A script's own `keras.callbacks.Callback` subclass in `fit(callbacks=[...])`: `fit` sets its
/// `model` and runs its `on_train_begin`, `on_epoch_begin`, `on_epoch_end` and `on_train_end`
/// with Keras' logs (the epoch's values as Python floats, in the order of the history: `loss`,
/// the metrics, then `val_` ones), and `self.model.stop_training = True` ends the training after
/// that epoch (as in tf-keras 2.21 and Keras 3.15). What they print comes where Keras prints it
/// relative to fit's own lines: before `Epoch 1/N` for the beginnings, before the epoch's
/// progress line for `on_epoch_end` (Keras' progress bar finishes that line after the callbacks
/// ran), after the training for `on_train_end`. ConvBook trains a whole epoch at once, so a
/// callback with batch-level methods is refused.
enum ClassCallbacks {
  /// Methods of Keras' `Callback` that ConvBook does not call yet.
  static let unsupportedMethods = [
    "on_batch_begin", "on_batch_end", "on_train_batch_begin", "on_train_batch_end",
    "on_test_begin", "on_test_end", "on_test_batch_begin", "on_test_batch_end",
    "on_predict_begin", "on_predict_end", "on_predict_batch_begin", "on_predict_batch_end",
  ]

  /// Refuses a callback defining a method ConvBook would not call.
  static func check(_ instance: PythonInstance, site: CallSite) throws(CellError) {
    for method in unsupportedMethods where instance.type.lookup(method) != nil {
      throw .unsupported(
        "ConvBook does not run a callback's \(method)() yet (it trains a whole epoch at once; on_train_begin, on_epoch_begin, on_epoch_end and on_train_end run)",
        at: site.range)
    }
  }

  /// The value a callback's `self.model` is: the Python object of a subclassed model, else the
  /// model.
  static func modelValue(_ model: SequentialModel, session: KerasSession) -> Value {
    if let instance = session.customLayers[ObjectIdentifier(model)],
      instance.layerState?.functionalModel == nil
    {
      return .instance(instance)
    }
    return .model(model)
  }

  /// Sets each callback's model (Keras' `set_model`) and clears the model's `stop_training`.
  static func start(
    _ callbacks: [PythonInstance], model: SequentialModel, interpreter: Interpreter
  ) {
    let value = modelValue(model, session: interpreter.session)
    for instance in callbacks {
      let state = instance.kerasClassState ?? KerasClassState()
      instance.kerasClassState = state
      state.model = value
    }
    setStopTraining(false, of: model, interpreter: interpreter)
  }

  /// Calls `method` of each callback that defines it, with `arguments` and `logs`.
  static func run(
    _ method: String, of callbacks: [PythonInstance], arguments: [Value] = [],
    logs: [(String, Float)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    for instance in callbacks {
      guard let (member, _) = instance.type.lookup(method) else { continue }
      let dictionary = PythonDict(logs.map { (.string($0.0), .float(Double($0.1))) })
      _ = try interpreter.callClassMember(
        member, receiver: .instance(instance), receiverClass: instance.type,
        positional: arguments + [.dictionary(dictionary)], keywords: [], site: site)
    }
  }

  /// Whether a callback asked the training to stop (`self.model.stop_training = True`).
  static func stopRequested(_ model: SequentialModel, interpreter: Interpreter) -> Bool {
    if interpreter.session.training.stopTraining[ObjectIdentifier(model)] == true { return true }
    if case .instance(let instance) = modelValue(model, session: interpreter.session),
      let flag = instance.attributes["stop_training"]
    {
      return flag.isTruthy
    }
    return false
  }

  static func setStopTraining(_ flag: Bool, of model: SequentialModel, interpreter: Interpreter) {
    interpreter.session.training.stopTraining[ObjectIdentifier(model)] = flag
    if case .instance(let instance) = modelValue(model, session: interpreter.session),
      instance.attributes["stop_training"] != nil
    {
      instance.set("stop_training", .bool(flag))
    }
  }
}
