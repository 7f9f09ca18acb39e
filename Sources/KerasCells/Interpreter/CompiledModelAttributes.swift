import CNNEngine

/// What a model says about its training setup (`model.optimizer`, `model.loss`,
/// `model.metrics_names`), as each Keras answers before and after `compile()`. Measured with
/// tf-keras 2.21 and Keras 3.15 (`Tests/Fixtures/keras/corpus/686-*`).
enum CompiledModelAttributes {
  /// Optimizer names `compile(optimizer="adam")` accepts, with their classes.
  static let optimizerClasses = [
    "adam": "Adam", "sgd": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad",
    "adadelta": "Adadelta", "adamax": "Adamax", "nadam": "Nadam", "adamw": "AdamW", "ftrl": "Ftrl",
  ]

  /// The attribute, or nil for a name this type does not answer.
  static func attribute(
    _ name: String, of model: KerasModel, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard ["optimizer", "loss", "metrics_names"].contains(name) else { return nil }
    let keras3 = interpreter.kerasVersion == .keras3
    let compiled = model.compileArguments
    if name == "optimizer", compiled != nil,
      interpreter.session.globalDTypePolicy?.name == "mixed_float16"
    {
      // `compile` under `mixed_float16` wraps the optimizer (`LossScaleOptimizer`).
      throw .unsupported(
        "ConvBook does not support `model.optimizer` under the dtype policy \"mixed_float16\" yet (Keras wraps it in a LossScaleOptimizer)",
        at: range)
    }
    switch name {
    case "metrics_names":
      let trained = interpreter.session.training.states[ObjectIdentifier(model)]?.trainer != nil
      if trained, !keras3,
        let names = interpreter.session.training.metricNames[ObjectIdentifier(model)]
      {
        return .list(PythonList(names.map(Value.string)))
      }
      if trained, !keras3 || (model.graph?.outputs.count ?? 1) > 1 {
        throw .unsupported(
          "ConvBook does not support `metrics_names` of a model that has been trained or evaluated yet",
          at: range)
      }
      // tf-keras lists its metrics once they are built by training; Keras 3 its compiled loss
      // and its one container of compiled metrics.
      guard keras3, let compiled else { return .list(PythonList([])) }
      var names: [Value] = [.string("loss")]
      switch compiled.metrics {
      case .list(let items) where !items.isEmpty, .tuple(let items) where !items.isEmpty:
        names.append(.string("compile_metrics"))
      default: break
      }
      return .list(PythonList(names))
    default:
      guard let compiled else {
        // Each version sets one of them to None before compile(): Keras 3 its loss, tf-keras its
        // optimizer; the other exists only after compile().
        if (name == "loss") == keras3 { return Value.none }
        throw CellError(
          type: "AttributeError",
          message: "'\(model.className)' object has no attribute '\(name)'", range: range)
      }
      let given = name == "optimizer" ? compiled.optimizer : compiled.loss
      if name == "optimizer", case .string(let text) = given {
        guard let className = optimizerClasses[text.lowercased()] else {
          throw .unsupported(
            "ConvBook does not support `model.optimizer` for the optimizer \(PythonFormat.quoted(text)) yet",
            at: range)
        }
        // Keras made the optimizer when `compile` ran: every read is the same object.
        let training = interpreter.session.training
        var object =
          training.namedOptimizers[ObjectIdentifier(model)] ?? KerasObject(typeName: className)
        object.ownerModel = owned(model, interpreter: interpreter)
        training.namedOptimizers[ObjectIdentifier(model)] = object
        return .kerasObject(object)
      }
      if name == "loss", case .object(let object) = given,
        let function = interpreter.session.training.compiledFunctions[ObjectIdentifier(model)]?[
          object.typeName]
      {
        // The script's own function (`loss=self.wasserstein_loss`), as given; a `Loss` subclass's
        // instance, which trains as its `call`, is the object itself.
        if case .method(let receiver, "call") = function, case .instance(let instance) = receiver,
          instance.type.kerasClassBase == .loss
        {
          return receiver
        }
        return function
      }
      switch given {
      case .none: return Value.none
      case .string(let text): return .string(text)
      case .object(var object):
        if name == "optimizer" { object.ownerModel = owned(model, interpreter: interpreter) }
        return .kerasObject(object)
      default:
        throw .unsupported(
          "ConvBook does not support `model.\(name)` for \(given) yet", at: range)
      }
    }
  }

  /// Registers `model` as the owner of the `model.optimizer` it answers, whose learning rate is
  /// then the model's (`LearningRateVariable`).
  private static func owned(_ model: KerasModel, interpreter: Interpreter) -> ObjectIdentifier {
    let key = ObjectIdentifier(model)
    interpreter.session.training.optimizerOwners[key] = model
    return key
  }

  /// An optimizer's `learning_rate` (and tf-keras' `lr`): its variable; nil for other names and
  /// objects. Keras 3's optimizers have no `lr`.
  static func learningRate(
    _ name: String, of object: KerasObject, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "learning_rate" || name == "lr",
      optimizerClasses.values.contains(object.typeName)
    else { return nil }
    let keras3 = interpreter.kerasVersion == .keras3
    if keras3 && name == "lr" {
      throw CellError(
        type: "AttributeError", message: "'\(object.typeName)' object has no attribute 'lr'",
        range: range)
    }
    let training = interpreter.session.training
    let variable = LearningRateVariable(
      optimizer: object, model: object.ownerModel.flatMap { training.optimizerOwners[$0] },
      training: training, keras3: keras3)
    guard variable.value != nil else {
      // tf-keras answers the schedule object, Keras 3 the schedule's value at the current step.
      throw .unsupported(
        "ConvBook does not support `\(name)` of an optimizer given a learning rate schedule yet",
        at: range)
    }
    return .standard(variable)
  }

  /// An optimizer object's `name`: the one given (Keras 3's automatic `adam_1` is given when the
  /// object is made, `Calls`), else tf-keras' class name (`Adam`) or Keras 3's snake-case one
  /// (`adam`, `rm_sprop`); nil for objects that are not optimizers.
  static func optimizerName(_ object: KerasObject, keras3: Bool) -> String? {
    guard optimizerClasses.values.contains(object.typeName) else { return nil }
    if let given = object.arguments.first(where: { $0.0 == "name" }),
      case .string(let name) = given.1
    {
      return name
    }
    return keras3 ? NameScope.snakeCase(object.typeName) : object.typeName
  }
}
