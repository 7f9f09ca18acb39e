import CNNEngine

/// The values of weights as NumPy arrays: `layer.get_weights()`, `model.get_weights()`,
/// `set_weights(...)` and `keras.backend.count_params(w)`. The values are the session's
/// (`CellTraining`): ConvBook's own seeded initialisation, training, loaded files and values set
/// here; a layer in several models has one set of values, as a Keras layer holds its variables.
enum WeightValues {
  /// `keras.backend.count_params(x)`: how many values a weight (or an array) holds.
  static func countParams(_ value: Value, range: SourceRange) throws(CellError) -> Value {
    switch value {
    case .variable(let variable): return .int(variable.shape.reduce(1, *))
    case .array(let array): return .int(array.count)
    case .kerasTensor(let tensor):
      let known = tensor.shape.dimensions.compactMap { $0 }
      guard known.count == tensor.shape.dimensions.count else {
        throw .unsupported(
          "ConvBook's keras.backend.count_params() needs a fully known shape; \(tensor.shape) has unknown dimensions",
          at: range)
      }
      return .int(known.reduce(1, *))
    default:
      throw .unsupported(
        "ConvBook's keras.backend.count_params() takes a weight (model.weights), not \(value.typeName)",
        at: range)
    }
  }

  /// `layer.get_weights()`: a list of float32 arrays in `layer.weights` order (empty while unbuilt).
  static func layerWeights(_ instance: LayerInstance, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    let values = try current(of: instance, interpreter: interpreter, range: range)
    let training = interpreter.session.training
    return .list(
      instance.variables.map { variable in
        values[variable.name].map {
          array(
            $0, known: training.knownValues(of: variable.name, in: instance),
            own: training.ownDraw(of: variable.name, in: instance))
        } ?? .none
      })
  }

  /// Whether `value` is an array of weight values ConvBook drew itself (or a variable holding
  /// them).
  static func holdsOwnValues(_ value: Value, training: CellTraining) -> Bool {
    switch value {
    case .array(let array): return array.holdsOwnRandomValues
    case .variable(let variable):
      guard let owner = variable.owner else { return true }
      return !training.knownValues(of: variable.name, in: owner)
    default: return false
    }
  }

  /// ConvBook's limitation where Keras computes with a layer's weight variable itself (`w + 1`,
  /// `w[0]`, `tf.reduce_sum(w)`: TensorFlow reads its values into a tensor), for `what` on
  /// `operands`; nil when none is one.
  static func variableOperandRefusal(_ operands: [Value], _ what: String, range: SourceRange)
    -> CellError?
  {
    guard operands.contains(where: { if case .variable = $0 { true } else { false } }) else {
      return nil
    }
    return .unsupported(
      "ConvBook does not compute with a weight variable itself yet (\(what)); use its values, w.numpy()",
      at: range)
  }

  /// A weight's values as an array, marked when they are not exactly Keras' (`known`) and when
  /// they derive from ConvBook's own draws (`own`, `OwnDraws`).
  private static func array(_ tensor: Tensor, known: Bool, own: Bool) -> Value {
    var array = NDArray(tensor: tensor)
    array.holdsOwnRandomValues = !known || own
    array.derivesFromOwnDraw = own
    return .array(array)
  }

  /// `model.get_weights()`: every weight's values in `model.weights` order.
  static func modelWeights(_ model: KerasModel, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    if try keras3UnbuiltHasNoWeights(
      model, reading: "weights", interpreter: interpreter, range: range)
    {
      return .list(PythonList([]))
    }
    let weights = try modelValues(model, interpreter: interpreter, range: range)
    let training = interpreter.session.training
    return .list(
      model.variables.map { variable in
        weights[variable.name].map { tensor in
          let owner =
            variable.owner
            ?? model.flattenedLayers.first { $0.variables.contains { $0.name == variable.name } }
          return array(
            tensor, known: owner.map { training.knownValues(of: variable.name, in: $0) } ?? false,
            own: owner.map { training.ownDraw(of: variable.name, in: $0) } ?? false)
        } ?? .none
      })
  }

  /// `layer.set_weights(weights)` / `model.set_weights(weights)`: Keras' checks of the number of
  /// arrays and of each shape, in its words, then the new values (as float32).
  static func set(
    _ receiver: Value, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    let variables: [WeightVariable]
    let ownerName: String
    switch receiver {
    case .layer(let instance):
      variables = instance.variables
      ownerName = instance.name
    case .model(let model):
      if !model.isBuilt {
        guard
          try keras3UnbuiltHasNoWeights(
            model, reading: "weights", interpreter: interpreter, range: site.range)
        else { throw unbuilt(model, range: site.range) }
      }
      variables = model.variables
      ownerName = model.name
    default: return
    }
    guard positional.count + keywords.count == 1,
      let given = positional.first ?? keywords.first(where: { $0.0 == "weights" })?.1
    else {
      throw CellError(
        type: "TypeError",
        message: "set_weights() missing 1 required positional argument: 'weights'",
        range: site.range)
    }
    let items: [Value]
    switch given {
    case .list(let list): items = list.items
    case .tuple(let tuple): items = tuple
    default:
      throw .unsupported(
        "ConvBook's set_weights() takes a list of NumPy arrays, not \(given.typeName)",
        at: site.range)
    }
    let keras3 = interpreter.kerasVersion == .keras3
    if items.count != variables.count {
      var message =
        keras3
        ? "You called `set_weights(weights)` on layer '\(ownerName)' with a weight list of length \(items.count), but the layer was expecting \(variables.count) weights."
        : "You called `set_weights(weights)` on layer \"\(ownerName)\" with a weight list of length \(items.count), but the layer was expecting \(variables.count) weights."
      if !keras3 {
        // tf-keras quotes the start of `str(weights)`.
        message += " Provided weights: \(String(PythonText.str(given).prefix(50)))..."
      }
      throw CellError(type: "ValueError", message: message, range: site.range)
    }
    var tensors: [String: Tensor] = [:]
    for (variable, item) in zip(variables, items) {
      let array = try ArrayOperations.array(
        from: item, dtype: nil, range: site.range, budget: interpreter.budget)
      guard array.shape == variable.shape else {
        throw CellError(
          type: "ValueError",
          message:
            "Layer \(ownerName) weight shape \(TensorShape.tuple(variable.shape)) is not compatible with provided weight shape \(TensorShape.tuple(array.shape)).",
          range: site.range)
      }
      tensors[variable.name] = array.tensor
    }
    let training = interpreter.session.training
    training.clock += 1
    // Arrays of ConvBook's own draw (another model's `get_weights()`) carry it over.
    let known = !items.contains { Self.holdsOwnValues($0, training: training) }
    let givenOwn = items.contains { OwnDraws.derives($0, training: training) }
    var receiver = receiver
    if case .layer(let instance) = receiver, let model = instance.model {
      // A custom layer's traced graph (or a model used as a layer): its layers hold the values.
      receiver = .model(model)
    }
    switch receiver {
    case .layer(let instance):
      training.layerValues[ObjectIdentifier(instance)] = (instance, tensors, training.clock)
      training.mark(instance, Array(tensors.keys), known: known, own: givenOwn)
    case .model(let model):
      // Every layer of the model gets its values, so the models sharing them see them too.
      for instance in model.flattenedLayers {
        let own = instance.variables.compactMap { variable in
          tensors[variable.name].map { (variable.name, $0) }
        }
        guard !own.isEmpty else { continue }
        training.layerValues[ObjectIdentifier(instance)] =
          (instance, Dictionary(uniqueKeysWithValues: own), training.clock)
        training.mark(instance, own.map(\.0), known: known, own: givenOwn)
      }
    default: break
    }
  }

  /// A weight's methods: `w.numpy()` gives its values; `assign`, `assign_add` and `assign_sub`
  /// change them (as `set_weights` does).
  static func variableMethod(
    _ name: String, _ variable: WeightVariable, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    if ["assign", "assign_add", "assign_sub"].contains(name) {
      return try assign(
        name, variable, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
    guard name == "numpy" || name == "read_value" || name == "value" else {
      throw .unsupported(
        "ConvBook does not support `variable.\(name)()` yet; use layer.set_weights([...])",
        at: site.range)
    }
    guard positional.isEmpty, keywords.isEmpty else {
      throw CellError(
        type: "TypeError",
        message:
          "BaseResourceVariable.numpy() takes 1 positional argument but \(positional.count + keywords.count + 1) were given",
        range: site.range)
    }
    guard name == "numpy" else {
      throw .unsupported(
        "ConvBook does not support `variable.\(name)()` yet; use variable.numpy()", at: site.range)
    }
    let owner = try owner(of: variable, range: site.range, interpreter: interpreter)
    let training = interpreter.session.training
    if let pending = try pendingValue(
      of: variable, owner: owner, interpreter: interpreter, range: site.range)
    {
      return pending
    }
    let values = try current(of: owner, interpreter: interpreter, range: site.range)
    guard let tensor = values[variable.name] else { throw unheld(variable, range: site.range) }
    return array(
      tensor, known: training.knownValues(of: variable.name, in: owner),
      own: training.ownDraw(of: variable.name, in: owner))
  }

  /// `w.assign(value)`, `w.assign_add(delta)`, `w.assign_sub(delta)` on a layer's weight: the
  /// new values become the layer's (a value broadcast to the weight's shape, as TensorFlow's).
  private static func assign(
    _ name: String, _ variable: WeightVariable, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard positional.count == 1, keywords.isEmpty || keywords.allSatisfy({ $0.0 == "read_value" })
    else {
      throw .unsupported(
        "ConvBook supports `variable.\(name)(value)` with one value only", at: site.range)
    }
    let owner = try owner(of: variable, range: site.range, interpreter: interpreter)
    let training = interpreter.session.training
    // `assign` replaces the values; `assign_add`/`assign_sub` keep what they held.
    let known =
      !holdsOwnValues(positional[0], training: training)
      && (name == "assign" || training.knownValues(of: variable.name, in: owner))
    let own =
      OwnDraws.derives(positional[0], training: training)
      || (name != "assign" && training.ownDraw(of: variable.name, in: owner))
    var values = try current(of: owner, interpreter: interpreter, range: site.range)
    guard let old = values[variable.name] else { throw unheld(variable, range: site.range) }
    let given = try ArrayOperations.array(
      from: positional[0], dtype: nil, range: site.range, budget: interpreter.budget)
    guard given.shape == variable.shape else {
      throw .unsupported(
        "ConvBook's `variable.\(name)()` takes a value of the weight's shape \(TensorShape.tuple(variable.shape)), not \(TensorShape.tuple(given.shape))",
        at: site.range)
    }
    var scalars = given.scalars
    let current = old.scalars
    if name != "assign" {
      for index in scalars.indices {
        scalars[index] =
          name == "assign_add" ? current[index] + scalars[index] : current[index] - scalars[index]
      }
    }
    values[variable.name] = Tensor(validShape: variable.shape, scalars: scalars)
    training.clock += 1
    training.layerValues[ObjectIdentifier(owner)] = (owner, values, training.clock)
    training.mark(owner, [variable.name], known: known, own: own)
    return .variable(variable)
  }

  /// `w.numpy()` of a weight a custom layer's `__init__` made (`self.w = self.add_weight(...)`)
  /// before the layer's first call: the values its initializer draws, as the layer will hold
  /// them; nil for the other weights.
  private static func pendingValue(
    of variable: WeightVariable, owner: LayerInstance, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> Value? {
    guard owner.layer is CustomWeight, owner.inputShape == nil, owner.model == nil else {
      return nil
    }
    if let given = owner.initialValues[variable.spec.name] {
      return array(given, known: true, own: false)
    }
    let training = interpreter.session.training
    let tensor: Tensor
    do {
      tensor = try WeightInitializer.initialValue(
        of: variable.spec, in: owner, seed: training.seed, stream: variable.name)
    } catch {
      throw .unsupported(error.message, at: range)
    }
    let known = CellTraining.drawnAsKeras(variable.spec, in: owner)
    return array(tensor, known: known, own: !known)
  }

  /// A weight whose values ConvBook does not hold where it is read or assigned (a custom layer's
  /// weight before the layer's first call).
  private static func unheld(_ variable: WeightVariable, range: SourceRange) -> CellError {
    .unsupported(
      "ConvBook does not hold the values of the weight \(variable.name) here yet; read or assign them after the layer's first call",
      at: range)
  }

  /// The layer a weight belongs to: the one it came from, else the one of its name.
  static func owner(
    of variable: WeightVariable, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> LayerInstance {
    if let owner = variable.owner { return owner }
    // A variable made without its layer: the layer of its name among the session's models and
    // layers.
    var found: [ObjectIdentifier: LayerInstance] = [:]
    func look(_ model: KerasModel) {
      for instance in model.flattenedLayers where instance.weightsName == variable.layerName {
        found[ObjectIdentifier(instance)] = instance
      }
    }
    for state in interpreter.session.training.states.values { look(state.model) }
    for value in interpreter.session.globals.values {
      switch value {
      case .model(let model): look(model)
      case .layer(let instance) where instance.weightsName == variable.layerName:
        found[ObjectIdentifier(instance)] = instance
      default: break
      }
    }
    let owners = found.values.filter { $0.variables.contains { $0.name == variable.name } }
    guard owners.count == 1, let owner = owners.first else {
      throw .unsupported(
        "ConvBook cannot tell which layer named \(variable.layerName) holds this weight; use layer.get_weights() on the layer",
        at: range)
    }
    return owner
  }

  /// Keras 3 lists no weights for a Sequential model none of whose layers is built yet
  /// (`weights`, `trainable_weights`, `get_weights()` are empty; tf-keras raises). Its
  /// `variables` can hold seed generator states (an `LSTM`'s), which ConvBook does not list, and
  /// a model some of whose layers are built (a failed `add`, a shared layer) holds their weights.
  static func keras3UnbuiltHasNoWeights(
    _ model: KerasModel, reading name: String, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Bool {
    guard interpreter.kerasVersion == .keras3, model.kind == .sequential, !model.isBuilt else {
      return false
    }
    guard name != "variables", model.layers.allSatisfy({ !$0.isBuilt }) else {
      throw .unsupported(
        "ConvBook does not list the \(name) of the unbuilt Keras 3 model '\(model.name)' yet",
        at: range)
    }
    return true
  }

  private static func unbuilt(_ model: KerasModel, range: SourceRange) -> CellError {
    CellError(
      type: "ValueError",
      message:
        "Weights for model '\(model.name)' have not yet been created. Weights are created when the model is first called on inputs or `build()` is called with an `input_shape`.",
      range: range)
  }

  /// A model's current values by Keras weight name.
  private static func modelValues(
    _ model: KerasModel, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> ModelWeights {
    guard model.isBuilt else { throw unbuilt(model, range: range) }
    do {
      return try interpreter.session.training.weights(
        of: model, memoryBudget: interpreter.session.limits.modelMemoryBudget)
    } catch {
      throw .unsupported(error.message, at: range)
    }
  }

  /// A layer's current values: those of the model holding it whose values are the newest, those
  /// set on the layer itself, or (a layer no model holds yet) drawn as a model would draw them.
  static func current(
    of instance: LayerInstance, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> [String: Tensor] {
    let variables = instance.variables
    guard !variables.isEmpty else { return [:] }
    if let model = instance.model {
      // A custom layer's traced graph (or a model used as a layer): its layers' values.
      var values: [String: Tensor] = [:]
      for layer in model.flattenedLayers where layer !== instance {
        for (name, tensor) in try current(of: layer, interpreter: interpreter, range: range) {
          values[name] = tensor
        }
      }
      return values
    }
    let training = interpreter.session.training
    func holds(_ model: KerasModel) -> Bool {
      model.flattenedLayers.contains { $0 === instance }
    }
    var newest: (updated: Int, model: KerasModel)?
    for state in training.states.values where holds(state.model) {
      if newest == nil || state.updated > newest!.updated { newest = (state.updated, state.model) }
    }
    let own = training.layerValues[ObjectIdentifier(instance)]
    if let own, own.updated >= (newest?.updated ?? 0) { return own.tensors }
    if newest == nil {
      // A model of the session holding the layer draws (or loads) its values as `predict` would.
      for case .model(let model) in interpreter.session.globals.values
      where model.isBuilt && holds(model) {
        newest = (0, model)
        break
      }
    }
    if let model = newest?.model {
      let weights = try modelValues(model, interpreter: interpreter, range: range)
      var values: [String: Tensor] = [:]
      for variable in variables { values[variable.name] = weights[variable.name] }
      return values
    }
    var values: [String: Tensor] = [:]
    do {
      for variable in variables {
        if let given = instance.initialValues[variable.spec.name] {
          values[variable.name] = given
          continue
        }
        values[variable.name] = try WeightInitializer.initialValue(
          of: variable.spec, in: instance, seed: training.seed, stream: variable.name)
        if !CellTraining.drawnAsKeras(variable.spec, in: instance) { training.ownValuesRead = true }
      }
    } catch {
      throw .unsupported(error.message, at: range)
    }
    return values
  }
}
