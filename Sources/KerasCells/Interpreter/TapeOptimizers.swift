import CNNEngine

/// `optimizer.apply_gradients(zip(grads, model.trainable_weights))` in a custom training loop:
/// the engine's optimizer (`Optimizer`, the update `fit` runs) on the layers' current values, its
/// slots kept per variable (`OptimizerSlots`); the new values become the layers' (as
/// `set_weights` makes them), so every model holding a layer sees them. A Keras optimizer is a
/// value here: two optimizer objects updating one variable share its slots (ConvBook's
/// simplification; GANs give each model its own optimizer).
enum TapeOptimizers {
  static let methodNames: Set<String> = ["apply_gradients", "minimize"]

  static func isOptimizer(_ object: KerasObject) -> Bool {
    (try? Optimizer.resolved(.object(KerasObject(typeName: object.typeName)))) != nil
  }

  /// Methods of an optimizer object; nil for other objects.
  static func method(
    _ name: String, of object: KerasObject, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard isOptimizer(object) else { return nil }
    switch name {
    case "minimize" where interpreter.kerasVersion == .keras2:
      try minimize(
        object, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      return Value.none
    case "apply_gradients":
      try applyGradients(
        object, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      return Value.none
    case "apply" where interpreter.kerasVersion == .keras3:
      // Keras 3's `apply(grads, trainable_variables=None)`: `apply_gradients` of the pairs.
      let arguments = try EagerFunctions.bind(
        positional, keywords, parameters: ["grads", "trainable_variables"], function: "apply",
        range: site.range)
      guard let grads = arguments["grads"] else {
        throw CellError(
          type: "TypeError",
          message: "BaseOptimizer.apply() missing 1 required positional argument: 'grads'",
          range: site.range)
      }
      guard let variables = arguments["trainable_variables"], !variables.isNone else {
        throw .unsupported(
          "ConvBook's optimizer.apply() needs its trainable_variables (the variables of an optimizer built beforehand are not kept)",
          at: site.range)
      }
      let gradients = try interpreter.iterate(
        try materialized(grads, interpreter: interpreter, range: site.range), range: site.range)
      let targets = try interpreter.iterate(
        try materialized(variables, interpreter: interpreter, range: site.range),
        range: site.range)
      guard gradients.count == targets.count else {
        throw .unsupported(
          "ConvBook's optimizer.apply() takes one gradient per variable (\(gradients.count) gradients, \(targets.count) variables)",
          at: site.range)
      }
      let pairs = zip(gradients, targets).map { Value.tuple([$0, $1]) }
      try applyGradients(
        object, positional: [.list(PythonList(pairs))], keywords: [], site: site,
        interpreter: interpreter)
      return Value.none
    default:
      throw .unsupported(
        "ConvBook does not support `\(object.typeName).\(name)()` yet", at: site.range)
    }
  }

  /// Keras 3 builds an optimizer at its first `apply_gradients`, on the variables given: the
  /// compiled optimizer of the model whose own `train_step` runs then shows its variables in
  /// that model's summary (`Optimizer params`).
  private static func noteKeras3Build(
    _ object: KerasObject, optimizer: Optimizer, sizes: [Int], interpreter: Interpreter
  ) {
    let tapes = interpreter.session.eagerTapes
    guard interpreter.kerasVersion == .keras3, let model = tapes.stepModel,
      let compiled = tapes.compiledSteps[ObjectIdentifier(model)],
      compiled.keras3OptimizerVariables == nil,
      case .kerasObject(let given) = TrainStepModels.compiledOptimizer(of: model), given == object,
      let variables = optimizer.keras3Variables(trainableSizes: sizes)
    else { return }
    compiled.keras3OptimizerVariables = .init(count: variables.count, bytes: variables.bytes)
  }

  /// The optimizer object `compile` was given (a name becomes its class), for `self.optimizer`.
  static func compiledOptimizer(_ given: Value?) -> Value {
    guard let given, !given.isNone else {
      // Keras' `compile(optimizer="rmsprop")` default.
      return .kerasObject(KerasObject(typeName: "RMSprop"))
    }
    if case .string(let text) = given {
      return .kerasObject(
        KerasObject(
          typeName: CompiledModelAttributes.optimizerClasses[text.lowercased()] ?? text))
    }
    return given
  }

  /// tf-keras' `minimize(loss, var_list, tape=None)`: a callable loss runs under a new tape that
  /// watches `var_list` (or, when `var_list` is callable, reads it after the loss), then
  /// `apply_gradients(zip(tape.gradient(loss, var_list), var_list))`; it returns None. Keras 3's
  /// optimizers have no `minimize` (`Attributes`).
  private static func minimize(
    _ object: KerasObject, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: ["loss", "var_list", "tape"], function: "minimize",
      range: site.range)
    guard let loss = arguments["loss"], var variables = arguments["var_list"] else {
      let missing = ["loss", "var_list"].filter { arguments[$0] == nil }
      let names = missing.map { "'\($0)'" }.joined(separator: " and ")
      throw CellError(
        type: "TypeError",
        message:
          "Optimizer.minimize() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(names)",
        range: site.range)
    }
    let given = arguments["tape"].flatMap { $0.isNone ? nil : $0 }
    let tape: GradientTape
    switch given {
    case nil: tape = GradientTape(persistent: false)
    case .standard(let recording as GradientTape)?: tape = recording
    case let other?:
      throw .unsupported(
        "ConvBook's Optimizer.minimize takes a tf.GradientTape as its tape, not a '\(other.typeName)'",
        at: site.range)
    }
    var value = loss
    if Builtins.isCallable(loss) {
      let tapes = interpreter.session.eagerTapes
      tapes.active.append(tape)
      do {
        if !Builtins.isCallable(variables) {
          _ = try tape.method(
            "watch", positional: [variables], keywords: [], site: site, interpreter: interpreter)
        }
        value = try Calls.call(
          loss, positional: [], keywords: [], site: site, interpreter: interpreter)
        if Builtins.isCallable(variables) {
          variables = try Calls.call(
            variables, positional: [], keywords: [], site: site, interpreter: interpreter)
        }
      } catch {
        tapes.stop(tape)
        throw error
      }
      tapes.stop(tape)
    } else if given == nil {
      // tf-keras: "`tape` is required when a `Tensor` loss is passed. Received: loss=..., tape=None."
      throw .unsupported(
        "ConvBook does not support `Optimizer.minimize` of a loss value without its tape yet; pass the loss as a lambda",
        at: site.range)
    }
    let gradients = try tape.gradient(value, variables, interpreter: interpreter, range: site.range)
    let targets = try interpreter.iterate(variables, range: site.range)
    let pairs = zip(try interpreter.iterate(gradients, range: site.range), targets).map {
      Value.tuple([$0, $1])
    }
    try applyGradients(
      object, positional: [.list(PythonList(pairs))], keywords: [], site: site,
      interpreter: interpreter)
  }

  private static func applyGradients(
    _ object: KerasObject, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    let arguments = try EagerFunctions.bind(
      positional, keywords,
      parameters: ["grads_and_vars", "name", "skip_gradients_aggregation"],
      function: "apply_gradients", range: site.range)
    guard let given = arguments["grads_and_vars"] else {
      throw CellError(
        type: "TypeError",
        message: "apply_gradients() missing 1 required positional argument: 'grads_and_vars'",
        range: site.range)
    }
    var optimizer: Optimizer
    do {
      optimizer = try Optimizer.resolved(.object(object))
      optimizer.nadamProduct = interpreter.kerasVersion == .keras3 ? .keras3 : .tfKeras
    } catch {
      throw .unsupported(
        error.message.replacingOccurrences(of: "train with", with: "apply gradients with"),
        at: site.range)
    }
    let session = interpreter.session
    let tapes = session.eagerTapes
    // Per layer holding the variables: their names, gradients and current values.
    var order: [ObjectIdentifier] = []
    var groups: [ObjectIdentifier: (layer: LayerInstance, names: [String], gradients: [[Float]?])] =
      [:]
    let pairs = try interpreter.iterate(
      try materialized(given, interpreter: interpreter, range: site.range), range: site.range)
    // Keras 3 unpacks the pairs (`grads, trainable_variables = zip(*grads_and_vars)`), which no
    // pair at all leaves nothing to unpack from (a model that tracks none of its tf.Variables);
    // tf-keras does nothing then.
    if pairs.isEmpty, interpreter.kerasVersion == .keras3 {
      throw CellError(
        type: "ValueError", message: "not enough values to unpack (expected 2, got 0)",
        range: site.range)
    }
    if pairs.contains(where: { pair in
      if case .standard(is EagerVariable)? = pair.sequenceItems?.last { return true }
      return false
    }) {
      try applyToEagerVariables(
        pairs, optimizer: optimizer, number: tapes.number(of: object), interpreter: interpreter,
        range: site.range)
      return
    }
    for pair in pairs {
      guard let items = pair.sequenceItems, items.count == 2 else {
        throw .unsupported(
          "ConvBook's apply_gradients takes (gradient, variable) pairs, such as zip(grads, model.trainable_weights)",
          at: site.range)
      }
      guard case .variable(let variable) = items[1] else {
        throw .unsupported(
          "ConvBook applies gradients to the weights of models and layers (model.trainable_weights), not to a '\(items[1].typeName)'",
          at: site.range)
      }
      var gradient: [Float]?
      if !items[0].isNone {
        guard let array = EagerTensors.operand(items[0]) ?? numpyArray(items[0]),
          array.shape == variable.shape
        else {
          throw .unsupported(
            "ConvBook's apply_gradients takes a gradient of the variable's shape \(TensorShape.tuple(variable.shape)) for \(variable.kerasName)",
            at: site.range)
        }
        gradient = array.scalars
      }
      let owner: LayerInstance
      if let known = tapes.variableOwners[variable.name] {
        owner = known
      } else {
        owner = try WeightValues.owner(of: variable, range: site.range, interpreter: interpreter)
      }
      let key = ObjectIdentifier(owner)
      if groups[key] == nil {
        order.append(key)
        groups[key] = (owner, [], [])
      }
      groups[key]!.names.append(variable.name)
      groups[key]!.gradients.append(gradient)
    }
    noteKeras3Build(
      object, optimizer: optimizer,
      sizes: pairs.compactMap { pair in
        guard case .variable(let variable)? = pair.sequenceItems?.last else { return nil }
        return variable.shape.reduce(1, *)
      }, interpreter: interpreter)
    let gradientsGiven = order.flatMap { groups[$0]!.gradients }
    if !gradientsGiven.isEmpty, gradientsGiven.allSatisfy({ $0 == nil }) {
      throw noGradients(pairs, interpreter: interpreter, range: site.range)
    }
    // One step of the optimizer over every variable given, as Keras' apply_gradients.
    var names: [String] = []
    var gradients: [[Float]?] = []
    var values: [[Float]] = []
    var current: [ObjectIdentifier: [String: Tensor]] = [:]
    for key in order {
      let group = groups[key]!
      let layerValues = try WeightValues.current(
        of: group.layer, interpreter: interpreter, range: site.range)
      current[key] = layerValues
      for (name, gradient) in zip(group.names, group.gradients) {
        guard let value = layerValues[name] else { continue }
        names.append(name)
        gradients.append(gradient)
        values.append(value.scalars)
      }
    }
    tapes.optimizerSlots.apply(optimizer, names: names, gradients: gradients, values: &values)
    let updated = Dictionary(zip(names, values), uniquingKeysWith: { first, _ in first })
    let training = session.training
    let ownGradients =
      pairs.contains { OwnDraws.derives($0, training: training) }
      || order.contains { key in training.ownDrawn(groups[key]!.layer) }
    training.clock += 1
    for key in order {
      let group = groups[key]!
      var tensors = current[key] ?? [:]
      for name in group.names {
        guard let shape = tensors[name]?.shape, let value = updated[name] else { continue }
        tensors[name] = Tensor(validShape: shape, scalars: value)
      }
      training.layerValues[key] = (group.layer, tensors, training.clock)
      // Not Keras' values: TensorFlow sums the gradients in its own order (a bias' gradient in
      // Keras 3 at once; in tf-keras the last bits drift apart over a few hundred steps: a
      // zero-initialised linear regression fitted 1,000 times), so printing them is refused.
      // Gradients computed from ConvBook's own draws carry them into the new values.
      training.mark(group.layer, group.names, known: false, own: ownGradients)
    }
  }

  /// `apply_gradients` on `tf.Variable`s (`EagerVariable`): their slots are kept under the
  /// optimizer's `number` and their identities (each optimizer has its own momentums and step
  /// count), and the new values replace theirs, as the variables' `assign` does. A value
  /// computed from ConvBook's own draws keeps that mark.
  private static func applyToEagerVariables(
    _ pairs: [Value], optimizer: Optimizer, number: Int, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) {
    var variables: [EagerVariable] = []
    var gradients: [NDArray?] = []
    for pair in pairs {
      guard let items = pair.sequenceItems, items.count == 2,
        case .standard(let variable as EagerVariable) = items[1]
      else {
        throw .unsupported(
          "ConvBook applies gradients to tf.Variables or to the weights of models and layers, not to both at once",
          at: range)
      }
      let value = variable.array
      guard EagerDType(of: value) == .float32, variable.kerasPath == nil else {
        throw .unsupported(
          "ConvBook applies gradients to float32 tf.Variables; this one is \(value.tensorFlowDType ?? "float32")",
          at: range)
      }
      var gradient: NDArray?
      if !items[0].isNone {
        guard let array = EagerTensors.operand(items[0]) ?? numpyArray(items[0]),
          array.shape == value.shape, array.dtype == .float32
        else {
          throw .unsupported(
            "ConvBook's apply_gradients takes a float32 gradient of the variable's shape \(EagerTensors.shapeText(value.shape))",
            at: range)
        }
        gradient = array
      }
      variables.append(variable)
      gradients.append(gradient)
    }
    if !gradients.isEmpty, gradients.allSatisfy({ $0 == nil }) {
      throw noGradients(pairs, interpreter: interpreter, range: range)
    }
    let names = variables.map { "optimizer \(number): tf.Variable#\($0.id)" }
    var values = variables.map { $0.array.storage.doubles.map { Float($0) } }
    interpreter.session.eagerTapes.optimizerSlots.apply(
      optimizer, names: names, gradients: gradients.map { $0?.storage.doubles.map { Float($0) } },
      values: &values)
    for (index, variable) in variables.enumerated() {
      guard let gradient = gradients[index] else { continue }
      let old = variable.array
      var array = try EagerTensors.make(
        .float32, shape: old.shape, values: values[index].map { Double($0) }, range: range)
      array.derivesFromOwnDraw = old.derivesFromOwnDraw || gradient.derivesFromOwnDraw
      array.holdsOwnRandomValues = old.holdsOwnRandomValues || gradient.holdsOwnRandomValues
      variable.array = array
    }
  }

  /// Keras' error when every gradient is None (the loss does not depend on the variables).
  private static func noGradients(_ pairs: [Value], interpreter: Interpreter, range: SourceRange)
    -> CellError
  {
    guard interpreter.kerasVersion == .keras2 else {
      return CellError(
        type: "ValueError", message: "No gradients provided for any variable.", range: range)
    }
    let names = pairs.compactMap { pair -> String? in
      switch pair.sequenceItems?.last {
      case .variable(let variable)?: return PythonText.repr(.string(variable.kerasName))
      case .standard(let variable as EagerVariable)?:
        return PythonText.repr(.string(variable.name + ":0"))
      default: return nil
      }
    }
    let provided = PythonText.repr(.tuple(pairs.map { .tuple($0.sequenceItems ?? [$0]) }))
    return CellError(
      type: "ValueError",
      message:
        "No gradients provided for any variable: ([\(names.joined(separator: ", "))],). Provided `grads_and_vars` is \(provided).",
      range: range)
  }

  private static func numpyArray(_ value: Value) -> NDArray? {
    if case .array(let array) = value { return array }
    return nil
  }

  /// `zip(...)` and other iterators as a list of their items.
  private static func materialized(_ value: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    guard case .standard(let object) = value, object.isIterator else { return value }
    var items: [Value] = []
    while let item = try object.next(interpreter: interpreter, range: range) {
      items.append(item)
    }
    return .list(PythonList(items))
  }
}
