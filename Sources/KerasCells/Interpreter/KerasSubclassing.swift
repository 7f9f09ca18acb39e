import CNNEngine

/// A custom layer's state as a Keras layer: the name `Layer.__init__` gave it and, once it has
/// been called, the functional graph its `call` traced.
final class CustomLayerState {
  /// The layer's name; tf-keras' `layer._name = "new"` renames it (`rename`).
  private(set) var name: String
  /// The layer the traced `call` is, as a layer of the models that call it.
  var layer: LayerInstance?
  /// A subclassed model: built by `build()` or a call (its sublayers have their weights).
  var isBuilt = false
  /// A subclassed model that has been called on a tensor (not only built).
  var wasCalled = false
  /// While a subclassed model's own `build` runs `super().build(input_shape)`: the trace of its
  /// `call` does not run that `build` again.
  var runsOwnBuild = false
  /// `trainable=` given to `Layer.__init__`.
  var trainable = true
  /// `input_shape=` (`input_dim=`, `batch_input_shape=`) given to `Layer.__init__`: a Sequential
  /// model that starts with the layer makes its input layer from it. `batchInputShapeValue` is
  /// tf-keras' `_batch_input_shape` as Python holds it (its base `get_config` shows it).
  var declaredBatchInputShape: TensorShape?
  var batchInputShapeValue: Value?
  /// Whether `Layer.__init__` was given a `dtype=` other than None or "float32" (which ConvBook's
  /// float32 layers do not model: `layer.dtype` is then unknown before the first call).
  var givenOtherDType = false
  /// `self.add_loss(...)` / `self.add_metric(...)` ran in its traced `call` (the VAE pattern):
  /// the summary is Keras', training such a model is refused by this name.
  var addedInCall: String?
  /// The batch size of the first call on data that built it (`EagerCalls`): Keras 3 builds the
  /// sublayers on that concrete shape and shows it in the summary.
  var eagerBatch: Int?
  /// While the first call's `build` runs: the symbolic input the weights it adds hang on.
  var buildingInput: KerasTensor?
  /// A subclassed model's `compile(...)` arguments, replayed on the model its `call` traces to.
  var compileCall: (positional: [Value], keywords: [(String, Value)], site: CallSite)?
  /// A subclassed model given inputs and outputs: the functional model it is
  /// (`ClassFunctionalModels`).
  var functionalModel: KerasModel?
  /// Where `call`, traced without a step's flag, hands its `training` on positionally to a
  /// layer: Keras 3's `fit`, `evaluate` and `predict` fail there (`Keras3StepTrace.error`).
  var handsFlagOn: Keras3StepTrace.HandedFlag?
  /// Weights `add_weight` made in `__init__` (before any input existed), with their nodes.
  var pendingWeights: [(variable: WeightVariable, node: LayerInstance)] = []
  /// The weights `add_weight` made (`CustomWeight` nodes), in the order they were made.
  var weightNodes: [LayerInstance] = []
  /// Its `call` printed while ConvBook traced it for a call on data (`EagerCalls.callCustom`).
  var printedInEagerTrace = false

  init(name: String) {
    self.name = name
  }

  /// tf-keras' `layer._name = newName`: its name property reads `_name`, so the layer, its node
  /// once called and the weights it makes from then on carry the new name.
  func rename(_ newName: String) {
    name = newName
    layer?.rename(newName)
  }
}

extension KerasSession {
  /// The name of a tensor operation recorded while a Lambda's function or a custom layer's `call`
  /// is traced: Keras gives such operations no name, so none is taken from the session's
  /// counters, but the traced graph (a custom layer's) needs distinct names: `add`, `add_1`, ...,
  /// skipping those the session gave its layers (Keras 3's `x + b` is `add`, as is the `Add`
  /// layer the custom layer holds).
  func tracedOperationName(_ base: String) -> String {
    while true {
      let count = tracedOperationCounts[base, default: 0]
      tracedOperationCounts[base] = count + 1
      let name = count == 0 ? base : "\(base)_\(count)"
      if !names.hasGiven(name), tfKerasNames?.hasGiven(name) != true {
        operationsWhileTracing?.append((base, name))
        return name
      }
    }
  }

  /// Records the name scope a layer is first built in: inside a custom layer's `build` or `call`
  /// Keras makes its weights under the custom layers' names (`outer/conv2d/kernel:0`, Keras 3's
  /// path `outer/conv2d/kernel`), and tf-keras' scratch graph may have named it `conv2d` again.
  func noteFirstBuild(of instance: LayerInstance) {
    guard instance.model == nil, instance.weightScope == nil, !variableScopes.isEmpty else {
      return
    }
    instance.weightScope = variableScopes.joined(separator: "/")
  }
}

/// Subclassing Keras' own classes. A subclass of `keras.layers.Layer` whose `call` chains
/// sublayers and tensor operations runs: its first call on a Keras tensor runs `call` on a
/// symbolic tensor of the same shape (as a Lambda's function is traced), and the layers and
/// operations it used become a graph that is the custom layer (one summary row, named and
/// classed as the Python class, with its sublayers' weights). `build` runs first, and its
/// `add_weight` calls become nodes of that graph (`CustomLayerWeights`); a call on a list becomes
/// a `Lambda` of the traced arithmetic. Subclassed models: `SubclassedModels`; subclasses of
/// built-in layers: `BuiltinLayerSubclasses`; configs: `CustomLayerConfig`.
enum KerasSubclassing {
  /// Methods of Keras' `Layer` that custom layers call on themselves and ConvBook lacks.
  static let unsupportedLayerMethods: Set<String> = [
    "add_loss", "add_metric", "add_update", "get_config", "from_config",
    "compute_output_shape", "get_weights", "set_weights",
  ]

  /// What `class X(base)` extends when `base` is one of Keras' classes: `Layer`, or a refusal.
  static func base(for callable: Callable, at range: SourceRange) throws(CellError) -> String? {
    switch callable.kind {
    case .unsupportedModelClass("Layer"):
      return "Layer"
    case .modelClass, .sequentialClass:
      return "Model"
    case .layerClass(let name) where !unsubclassableLayers.contains(name):
      return "Layer"
    case .layerClass, .unsupportedModelClass:
      throw .unsupported(
        "ConvBook does not support subclassing `\(publicPath(callable.path))` yet; subclass keras.layers.Layer, or build the model with keras.Sequential or the functional API",
        at: range)
    default: return nil
    }
  }

  /// `Layer.__init__(self, trainable=True, name=None, dtype=None, **kwargs)`, run by the custom
  /// layer's `super().__init__(...)` (or by instantiation when the class has no `__init__`).
  static func initialize(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    if let base = instance.type.kerasLayerClass {
      try initializeBuiltin(
        instance, base: base, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      return
    }
    if instance.type.kerasBase == "Model",
      instance.type.extendsSequential
        || ClassFunctionalModels.givesGraph(positional: positional, keywords: keywords)
    {
      try ClassFunctionalModels.initialize(
        instance, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      return
    }
    // Keras 3's `Operation.__init__` refuses a name with `/` before `Layer.__init__` reads the
    // other keywords (tf-keras takes it: TensorFlow's name scopes use the slash).
    if let given = keywords.last(where: { $0.0 == "name" })?.1 {
      try Keras3Wording.checkModelName(given, site: site, interpreter: interpreter)
    }
    var name: String?
    var trainable = true
    var givenOtherDType = false
    var unrecognized: [(Value, Value)] = []
    let declared = try declaredInputShape(
      keywords, className: instance.type.name, site: site, interpreter: interpreter)
    for (label, value) in keywords {
      switch (label, value) {
      case ("name", .string(let given)): name = given
      case ("trainable", let flag): trainable = flag.isTruthy
      case ("dtype", .none), ("dtype", .string("float32")): break
      case ("dtype", let given) where EagerDType(requested: given) == .float32: break
      case ("dtype", _): givenOtherDType = true
      case ("name", .none), ("autocast", _), ("activity_regularizer", .none): break
      case _ where declared.taken.contains(label): break
      case _
      where knownLayerKeywords.contains(label)
        && (interpreter.kerasVersion == .keras2 || label == "activity_regularizer"):
        throw .unsupported(
          "ConvBook does not support the argument `\(label)` of a custom layer's Layer.__init__() yet",
          at: site.range)
      default:
        unrecognized.append((.string(label), value))
      }
    }
    if let first = unrecognized.first {
      // Each Keras' own refusal of a keyword Layer.__init__ does not take.
      if interpreter.kerasVersion == .keras3 {
        throw CellError(
          type: "ValueError",
          message:
            "Unrecognized keyword arguments passed to \(instance.type.name): \(PythonText.repr(.dictionary(PythonDict(unrecognized))))",
          range: site.range)
      }
      throw CellError(
        type: "TypeError",
        message: "('Keyword argument not understood:', \(PythonText.repr(first.0)))",
        range: site.range)
    }
    guard positional.isEmpty else {
      // (A model given inputs and outputs is `ClassFunctionalModels`'.)
      throw .unsupported(
        "ConvBook supports Layer.__init__() with keyword arguments (name=, trainable=, dtype=) only",
        at: site.range)
    }
    let state = CustomLayerState(
      name: name ?? interpreter.kerasNames.uniqueName(forClass: instance.type.name))
    if name == nil {
      interpreter.kerasNames.recordLayer(named: state.name, className: instance.type.name)
    }
    state.trainable = trainable
    state.givenOtherDType = givenOtherDType
    state.declaredBatchInputShape = declared.shape
    state.batchInputShapeValue = declared.value
    instance.layerState = state
    // `Layer.__init__` sets `input_spec` to None: one assigned before it has no effect.
    if instance.attributes["input_spec"] != nil { instance.set("input_spec", .none) }
  }

  /// The batch input shape `input_shape=` / `input_dim=` / `batch_input_shape=` (with
  /// `batch_size=`) declare, as each Keras' `Layer.__init__` reads them, with the keywords it
  /// took. tf-keras takes all four (`batch_size` only beside `input_shape`) and keeps
  /// `_batch_input_shape`; Keras 3 takes `input_dim`, else `input_shape` (warning, as for built-in
  /// layers, at the line that called `Layer.__init__`) and leaves the others unrecognized.
  private static func declaredInputShape(
    _ keywords: [(String, Value)], className: String, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> (shape: TensorShape?, value: Value?, taken: Set<String>) {
    func given(_ label: String) -> Value? { keywords.last { $0.0 == label }?.1 }
    func isNone(_ value: Value) -> Bool {
      if case .none = value { return true }
      return false
    }
    func sizes(_ label: String, _ value: Value) throws(CellError) -> [Value] {
      guard let items = value.sequenceItems,
        items.allSatisfy({
          switch $0 {
          case .int(let size): return size > 0
          case .none: return true
          default: return false
          }
        })
      else {
        throw .unsupported(
          "ConvBook takes the argument `\(label)` of a custom layer's Layer.__init__() as a tuple or list of sizes only",
          at: site.range)
      }
      return items
    }
    var batch: [Value]
    var taken: Set<String>
    if interpreter.kerasVersion == .keras3 {
      if let dim = given("input_dim"), !isNone(dim) {
        batch = [.none] + (try sizes("input_dim", .tuple([dim])))
        taken = ["input_dim"]
      } else if let shape = given("input_shape"), !isNone(shape) {
        batch = [.none] + (try sizes("input_shape", shape))
        taken = ["input_dim", "input_shape"]
      } else {
        return (nil, nil, Set(["input_dim", "input_shape"].filter { given($0) != nil }))
      }
      var warning = KerasWarning(
        category: "UserWarning", message: Keras3Wording.inputShapeWarning, range: site.range)
      warning.namesCallerLine = true
      interpreter.warnOnce(
        location: "line \(site.range.start.line): UserWarning: \(warning.message)", warning)
    } else if let shape = given("batch_input_shape") {
      batch = try sizes("batch_input_shape", shape)
      taken = ["input_dim", "input_shape", "batch_input_shape", "batch_size"]
    } else if let shape = given("input_shape") ?? given("input_dim").map({ .tuple([$0]) }) {
      let size = given("batch_size") ?? .none
      batch = try sizes("batch_size", .tuple([size])) + (try sizes("input_shape", shape))
      taken = ["input_dim", "input_shape", "batch_size"]
    } else {
      // `batch_size=` alone is taken and has no effect.
      return (nil, nil, given("batch_size") == nil ? [] : ["batch_size"])
    }
    let dimensions = batch.map { value -> Int? in
      if case .int(let size) = value { return size }
      return nil
    }
    return (TensorShape(dimensions), .tuple(batch), taken)
  }

  /// Keywords Keras' `Layer.__init__` takes (directly or through `**kwargs`) that ConvBook does
  /// not model for custom layers.
  static let knownLayerKeywords: Set<String> = [
    "input_dim", "input_shape", "batch_input_shape", "batch_size", "weights",
    "activity_regularizer", "dynamic", "implementation",
  ]

  /// The custom layer a value stands for: the Python object, or the layer a model lists for it.
  static func customLayer(_ value: Value, session: KerasSession) -> PythonInstance? {
    switch value {
    case .instance(let instance) where instance.type.kerasBase != nil: return instance
    case .layer(let layer): return session.customLayers[ObjectIdentifier(layer)]
    case .model(let model): return session.customLayers[ObjectIdentifier(model)]
    default: return nil
    }
  }

  /// Calls a custom layer on a Keras tensor: traces `call` at the first call, then applies the
  /// traced graph.
  static func call(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    if instance.type.kerasLayerClass != nil {
      return try callBuiltin(
        instance, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    try EagerCalls.checkPositional(
      Keras3StepTrace.checked(positional, site: site, interpreter: interpreter), site: site,
      interpreter: interpreter)
    if positional.count == 1, let tensors = tensorList(positional[0]) {
      return try callOnList(
        instance, tensors: tensors, keywords: keywords, site: site, interpreter: interpreter)
    }
    if interpreter.kerasVersion == .keras3, positional.count > 1,
      positional.allSatisfy({ tensorList($0) != nil })
    {
      try callOnSeveralLists(
        instance, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
    let extra = Array(positional.dropFirst())
    if case .array(let array)? = positional.first {
      return try EagerCalls.callCustom(
        instance, on: array, extra: extra, keywords: keywords, site: site,
        interpreter: interpreter)
    }
    let tensorArguments = EagerCalls.tensorArguments(extra, keywords)
    guard case .kerasTensor(let tensor)? = positional.first,
      !tensorArguments.contains(where: EagerCalls.isData)
    else {
      throw .unsupported(
        "ConvBook calls custom layers on one Keras tensor or one array of data (with arguments that are not tensors) only; \(instance.type.name) was called on \(positional.map(\.typeName).joined(separator: ", "))",
        at: site.range)
    }
    try ScopeNameChecks.checkSymbolicCall(
      named: instance.layerState?.name ?? "", interpreter: interpreter, range: site.range)
    try InputSpecValue.check(
      instance, inputs: [tensor], layerName: instance.layerState?.name ?? "", site: site)
    // Keras 3 hands a masked input's mask to a `call` that takes `mask` as one more tensor of the
    // node (the summary connects the layer to `not_equal`), which ConvBook's traced layer lacks.
    if interpreter.kerasVersion == .keras3, tensor.keras3Mask != nil,
      callFunction(of: instance.type)?.parameters.contains(where: { $0.name == "mask" }) == true,
      !keywords.contains(where: { $0.0 == "mask" })
    {
      throw .unsupported(
        "ConvBook does not support Keras 3 passing a mask to the call() of a custom layer (\(instance.type.name)) yet",
        at: site.range)
    }
    let buildTrace = buildsByTracing(instance)
    let wasTraced = instance.layerState?.layer != nil
    try TracedPrints.checkCallAgain(instance, site: site, interpreter: interpreter)
    // Keras 3 runs `call` once to build the layer and once more for its output: the layers that
    // `call` (and the calls of the custom layers it holds) makes take names twice.
    let replaysCall = buildTrace && interpreter.kerasVersion == .keras3
    if replaysCall { interpreter.kerasNames.beginRecording() }
    let traced: Result<LayerInstance, CellError> = Result { () throws(CellError) in
      try interpreter.session.withScratchNames(version: interpreter.kerasVersion) {
        () throws(CellError) in
        try Self.layer(
          of: instance, on: tensor.shape, extra: extra, keywords: keywords, site: site,
          interpreter: interpreter, callerArguments: positional)
      }
    }
    if replaysCall {
      let taken = interpreter.kerasNames.endRecording()
      interpreter.kerasNames.takeAgain(taken)
    }
    let layer = try traced.get()
    if !wasTraced, buildTrace, interpreter.kerasVersion == .keras3 {
      try TracedPrints.checkBuildByRun(instance, site: site, interpreter: interpreter)
    }
    if let state = instance.layerState {
      state.isBuilt = true
      state.wasCalled = true
    }
    do {
      let others = tensorArguments.compactMap { value -> KerasTensor? in
        if case .kerasTensor(let other) = value { return other }
        return nil
      }
      let outputs = try KerasTensor.call(
        layer, on: [tensor] + others, asList: false, names: interpreter.kerasNames,
        namesBefore: buildTrace ? outputCount(of: layer) : 0)
      interpreter.session.noteKerasNode(of: layer, outputs: outputs)
      // (A graph of several inputs hands back a list even of one output.)
      return outputs.count == 1 ? .kerasTensor(outputs[0]) : Calls.value(of: outputs)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
  }

  /// Whether Keras 3 builds the custom layer by running its `call` on the first call's tensors
  /// (`_maybe_build`: no `build` of its own, and layers it holds not built yet), whose outputs
  /// take `keras_tensor` names before the call's own outputs do.
  static func buildsByTracing(_ instance: PythonInstance) -> Bool {
    guard let state = instance.layerState, state.layer == nil, instance.type.lookup("build") == nil
    else { return false }
    return holdsUnbuiltLayers(instance)
  }

  /// Whether a custom layer holds layers (as attributes, or in a list) that are not built yet.
  static func holdsUnbuiltLayers(_ instance: PythonInstance) -> Bool {
    func unbuilt(_ value: Value) -> Bool {
      switch value {
      case .layer(let layer): return !layer.isBuilt
      case .model(let model): return !model.isBuilt
      case .instance(let held) where held.type.kerasBase != nil:
        return held.layerState?.layer == nil && held.layerState?.isBuilt != true
      case .list(let list): return list.items.contains(where: unbuilt)
      default: return false
      }
    }
    return instance.attributes.values.contains(where: unbuilt)
  }

  /// Whether every leaf of the value (`tf.nest.flatten`: inside lists, tuples and dicts; an empty
  /// one has none) is a layer, a model or a variable: what tf-keras' `Model.__setattr__` tracks.
  static func holdsOnlyTrackedObjects(_ value: Value) -> Bool {
    switch value {
    case .list(let list): return list.items.allSatisfy(holdsOnlyTrackedObjects)
    case .tuple(let items): return items.allSatisfy(holdsOnlyTrackedObjects)
    case .dictionary(let dictionary):
      return dictionary.pairs.allSatisfy { holdsOnlyTrackedObjects($0.1) }
    case .layer, .model, .variable: return true
    case .instance(let instance): return instance.type.kerasBase != nil
    case .standard(let object): return object is EagerVariable
    default: return false
    }
  }

  /// How many tensors a call of the layer a custom layer traced to returns.
  static func outputCount(of layer: LayerInstance) -> Int {
    layer.model?.graph?.outputs.count ?? 1
  }

  /// The layer a custom layer is on inputs of `shape`: its `call` traced at the first use.
  static func layer(
    of instance: PythonInstance, on shape: TensorShape, extra: [Value] = [],
    keywords: [(String, Value)] = [], site: CallSite, interpreter: Interpreter,
    callerArguments: [Value]? = nil, nameScope: Bool = true
  ) throws(CellError) -> LayerInstance {
    guard let state = instance.layerState else {
      // Keras notices the missing `Layer.__init__` at the layer's first call.
      let message =
        interpreter.kerasVersion == .keras3
        ? "In layer '\(instance.type.name)', you forgot to call `super().__init__()` as the first statement in the `__init__()` method. Go add it!"
        : "You must call `super().__init__()` in the layer constructor."
      throw CellError(type: "RuntimeError", message: message, range: site.range)
    }
    if let layer = state.layer { return layer }
    let layer = try trace(
      instance, state: state, on: [shape], asList: false, extra: extra, keywords: keywords,
      site: site, interpreter: interpreter, callerArguments: callerArguments,
      nameScope: nameScope)
    state.layer = layer
    return layer
  }

  /// Traces `call` on symbolic tensors of `shapes` (a list of them when `asList`: a layer called
  /// on several tensors, whose `build` gets their shapes as a list) into a graph of its layers,
  /// weights and tensor operations, used as one layer. `callerArguments`: the positional
  /// arguments of the call on Keras tensors that traces it, which Keras 3's error names.
  /// `nameScope`: whether a tf-keras subclassed model's call opens its name scope (a call does,
  /// `model.build(shape)` does not: `linear/dense/kernel:0` against `dense/kernel:0`).
  static func trace(
    _ instance: PythonInstance, state: CustomLayerState, on shapes: [TensorShape], asList: Bool,
    extra: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter,
    callerArguments: [Value]? = nil, nameScope: Bool = true
  ) throws(CellError) -> LayerInstance {
    let type = instance.type
    guard let call = tracedCall(of: type) else {
      throw .unsupported(
        "ConvBook runs custom layers through their call() method, which \(type.name) does not define",
        at: site.range)
    }
    let symbolics = shapes.enumerated().map { index, shape in
      KerasTensor(
        input: InputLayer(
          name: state.name + (asList ? "_input_\(index)" : "_input"), batchInputShape: shape,
          arguments: LayerArguments(className: "InputLayer", values: [:])))
    }
    let symbolic = symbolics[0]
    let session = interpreter.session
    // Keras makes the weights of `build` and of the layers `call` builds under the layer's name,
    // and tf-keras those of a subclassed model's layers under the model's when it is called.
    let scoped =
      type.kerasBase == "Layer"
      || (type.kerasBase == "Model" && nameScope && interpreter.kerasVersion == .keras2)
    if scoped { session.variableScopes.append(state.name) }
    defer { if scoped { session.variableScopes.removeLast() } }
    try runBuild(instance, state: state, on: symbolics, site: site, interpreter: interpreter)
    // Further tensor arguments (`call(self, inputs, states)`, `mask=`) are inputs of the graph too.
    var inputs = symbolics
    let positional =
      (asList
        ? [Value.list(PythonList(symbolics.map { .kerasTensor($0) }))]
        : [Value.kerasTensor(symbolic)])
      + extra.map { EagerCalls.symbolicInput(for: $0, state: state, inputs: &inputs) }
    let callKeywords = frameworkKeywords(
      for: type,
      given: keywords.map {
        ($0.0, EagerCalls.symbolicInput(for: $0.1, state: state, inputs: &inputs))
      },
      positionalCount: positional.count, context: session.callContextTraining,
      keras3: interpreter.kerasVersion == .keras3)
    // Keras 3 takes the output of a layer that declares `compute_output_shape` from it, without
    // running `call` on Keras tensors; ConvBook's layer is the graph `call` traces to.
    let declaresShape =
      interpreter.kerasVersion == .keras3 && callerArguments != nil
      && type.lookup("compute_output_shape") != nil
    // Where Keras 3 runs `call` (on Keras tensors without a declared shape, and on data),
    // `keras.backend` has only Keras 3's own functions (`K.int_shape` is an AttributeError).
    // Keras 3 never runs such a layer's `call` on Keras tensors: the layers it holds unbuilt
    // after `build` stay unbuilt (no parameters in the summary) and `call` makes no layers.
    let keras3LeavesUnbuilt = declaresShape && holdsUnbuiltLayers(instance)
    let outerStrictness = session.keras3LambdaInference
    session.keras3LambdaInference = interpreter.kerasVersion == .keras3 && !declaresShape
    defer { session.keras3LambdaInference = outerStrictness }
    let traced:
      (result: Value, created: [LayerInstance], operations: [(base: String, name: String)])
    let (outputsBefore, writesBefore) = (interpreter.outputMark, interpreter.writeCount)
    do {
      traced = try EagerCalls.wrappingErrors(
        of: instance, positional: positional, keywords: callKeywords, site: site,
        interpreter: interpreter,
        symbolicCall: declaresShape ? nil : callerArguments.map { ($0, keywords) }
      ) { () throws(CellError) in
        // A `training=` the call was given sets the context even when `call` does not take it.
        try EagerCalls.inCallContext(
          of: type, positional: positional, keywords: keywords + callKeywords, session: session
        ) { () throws(CellError) in
          try session.tracingCall { () throws(CellError) in
            session.traceInputs.append(symbolic)
            defer { session.traceInputs.removeLast() }
            return try withPendingWeights(instance, state: state, input: symbolic, site: site) {
              () throws(CellError) in
              try interpreter.callClassMember(
                call, receiver: .instance(instance), receiverClass: type, positional: positional,
                keywords: callKeywords, site: site)
            }
          }
        }
      }
    } catch  where declaresShape && error.type != nil {
      throw .unsupported(
        "ConvBook builds a custom layer by running its call() on symbolic tensors, which fails for \(type.name) (\(error.type ?? ""): \(error.message)); Keras 3 takes its output shape from its compute_output_shape() instead, which ConvBook does not support yet",
        at: site.range)
    }
    restoreBuiltWeights(of: instance, state: state)
    let madeInCall = traced.created.contains {
      !($0.layer is CustomWeight || $0.layer is TFOpLambda || $0.layer is any TensorOperationLayer)
    }
    if declaresShape, keras3LeavesUnbuilt || madeInCall {
      throw .unsupported(
        "ConvBook does not support a Keras 3 custom layer that declares compute_output_shape() and builds or makes layers in call() yet (\(type.name)): Keras 3 does not run its call() on Keras tensors, so those layers are not built until the model runs",
        at: site.range)
    }
    if interpreter.writeCount != writesBefore {
      session.printingCalls[ObjectIdentifier(instance)] = type.name
      // Keras 3 did not run `call` here: what ConvBook's trace printed is not Keras' output
      // (it prints when the model runs, which `TracedPrints` refuses).
      if declaresShape {
        interpreter.takeBackOutputs(to: outputsBefore)
      }
    }
    let result = traced.result
    var created = traced.created
    created.removeAll { $0.layer is CustomWeight }
    // Keras tracks the layers an object holds as attributes; one made inside `call` adds weights
    // Keras does not count as the custom layer's (a nested custom layer's traced graph is not one,
    // nor are the layers its own `build` made).
    let nested = Set(
      created.filter { session.customLayers[ObjectIdentifier($0)] != nil }
        .flatMap { $0.model?.flattenedLayers ?? [] }.map(ObjectIdentifier.init))
    if let made = created.first(where: {
      !$0.weights.isEmpty && session.customLayers[ObjectIdentifier($0)] == nil
        && !nested.contains(ObjectIdentifier($0))
    }) {
      throw .unsupported(
        "ConvBook does not support creating a layer with weights (\(made.name)) inside \(type.name).call() yet: Keras does not count its weights as the layer's; create it in __init__",
        at: site.range)
    }
    if case .kerasTensor(let output) = result, output === symbolic, state.weightNodes.isEmpty,
      inputs.count == 1, !asList
    {
      // `call` returned its input: a layer that passes it on.
      let program = LambdaTrace.Program(inputCount: 1, operations: [], output: 0)
      return lambdaLayer(
        of: instance, state: state, program: program, site: site, interpreter: interpreter)
    }
    let outputs: [KerasTensor]
    let several = CustomLayerOutputs.outputs(of: result, input: symbolic)
    if let several {
      outputs = several.tensors
    } else if case .kerasTensor(let output) = result, output !== symbolic {
      outputs = [output]
    } else {
      throw .unsupported(
        "ConvBook runs custom layers whose call() returns a tensor, or a tuple or list of tensors, made by layers and tensor operations; \(type.name).call returned \(PythonText.repr(result))",
        at: site.range)
    }
    let graph: KerasModel
    do {
      graph = try KerasModel.functional(name: state.name, inputs: inputs, outputs: outputs)
    } catch {
      throw .unsupported(
        "ConvBook could not make a layer graph of \(type.name).call: \(error.message)",
        at: site.range)
    }
    graph.subclassName = type.name
    graph.returnsTuple = several?.tuple ?? false
    if interpreter.kerasVersion == .keras2 {
      graph.tracedOutputOperations = outputs.map {
        TFKerasTensorNames.scratchOperation(of: $0, operations: traced.operations)
      }
    }
    let layer = graph.calledInstance
    session.customLayers[ObjectIdentifier(layer)] = instance
    session.customLayers[ObjectIdentifier(graph)] = instance
    // A subclassed model keeps its traced order: tf-keras lists a Model's layers' weights
    // before its own (`Model._undeduplicated_weights`), which this walk does not model yet.
    if type.kerasBase == "Layer" {
      layer.weightOrder = CustomLayerWeightOrder(
        groups: weightGroups(of: instance), keras3: interpreter.kerasVersion == .keras3)
    }
    interpreter.recordOrigin(of: layer, at: site.range)
    return layer
  }

  /// The layers owning a custom layer's weights in the order Keras walks them
  /// (`CustomLayerWeightOrder`): its own weight nodes, then the layers it holds, in the order its
  /// attributes were first set (in lists and tuples in their order; a held custom layer walked
  /// the same way).
  static func weightGroups(of instance: PythonInstance) -> [[ObjectIdentifier]] {
    var groups: [[ObjectIdentifier]] = []
    var visited: Set<ObjectIdentifier> = []
    func walk(_ instance: PythonInstance) {
      guard visited.insert(ObjectIdentifier(instance)).inserted else { return }
      groups.append((instance.layerState?.weightNodes ?? []).map(ObjectIdentifier.init))
      for name in instance.attributeOrder {
        if let value = instance.attributes[name] { visit(value) }
      }
    }
    func visit(_ value: Value) {
      switch value {
      case .layer(let layer):
        if let model = layer.model {
          groups += model.flattenedLayers.map { [ObjectIdentifier($0)] }
        } else {
          groups.append([ObjectIdentifier(layer)])
        }
      case .model(let model):
        groups += model.flattenedLayers.map { [ObjectIdentifier($0)] }
      case .instance(let held) where held.layerState != nil:
        walk(held)
      case .list(let list):
        for item in list.items { visit(item) }
      case .tuple(let items):
        for item in items { visit(item) }
      default:
        break
      }
    }
    walk(instance)
    return groups
  }

  /// A Keras class's path as scripts spell it (`keras.metrics.Accuracy`), for ConvBook's own
  /// messages: tf-keras' API tree (`tf_keras.api._v2.keras.metrics`) is no name a Keras 3 script
  /// knows.
  static func publicPath(_ path: String) -> String {
    let tree = "tf_keras.api._v2.keras."
    return path.hasPrefix(tree) ? "keras." + path.dropFirst(tree.count) : path
  }
}
