import CNNEngine

/// Subclassed models (`class Net(keras.Model)` with layers made in `__init__` and chained in
/// `call`). tf-keras lists the layers the model tracks (its attributes, in the order they were
/// set) with `multiple` output shapes once the model is built, by `build(input_shape)` or by a
/// call on a Keras tensor; called on a tensor it is one layer of the calling model, like a custom
/// layer. Keras 3 lists them unbuilt after `build()`, and after a call shows what the call built.
/// `compile` is kept until the model is traced; `fit`, `evaluate` and `predict` run the model's
/// own `train_step` / `test_step` / `predict_step` when its class defines them (`TrainStepLoop`),
/// else on the functional model its traced `call` is (traced on the data's shape when it was
/// never called).
extension KerasSubclassing {
  /// The layers a model tracks: tf-keras, its attributes that are layers (or lists of them, or
  /// dicts of them, by sorted key as tf-keras' `DictWrapper` lists them), in attribute order;
  /// Keras 3, in the order its tracker first saw them (`Keras3LayerTracking`).
  static func trackedLayers(of instance: PythonInstance, session: KerasSession) -> [Value] {
    trackedObjects(of: instance, session: session, metrics: false)
  }

  /// tf-keras' tracked objects in attribute order: the layers of `trackedLayers` and, with
  /// `metrics`, the `keras.metrics` objects among them (tf-keras' metrics are layers: the model
  /// counts their variables as weights though `model.layers` leaves them out, `TrackedMetrics`).
  static func trackedObjects(of instance: PythonInstance, session: KerasSession, metrics: Bool)
    -> [Value]
  {
    if session.kerasVersion == .keras3 { return instance.trackedLayers }
    var found: [Value] = []
    func visit(_ value: Value) {
      switch value {
      case .layer, .model: found.append(value)
      case .instance(let object) where object.type.kerasBase != nil: found.append(value)
      case .standard(let metric as KerasMetricObject) where metrics: found.append(.standard(metric))
      case .list(let list): list.items.forEach(visit)
      case .tuple(let items): items.forEach(visit)
      case .dictionary(let dict):
        var pairs = dict.pairs
        let keys = pairs.compactMap { if case .string(let key) = $0.0 { key } else { nil } }
        if keys.count == pairs.count {
          pairs = zip(keys, pairs).sorted { $0.0 < $1.0 }.map(\.1)
        }
        for (_, value) in pairs { visit(value) }
      default: break
      }
    }
    for name in instance.attributeOrder where !instance.untrackedAttributes.contains(name) {
      visit(instance.attributes[name]!)
    }
    return found
  }

  /// `layer.trainable = flag` on a custom layer or subclassed model: both Kerases set the flag of
  /// the layer and of every layer it tracks, all the way down (tf-keras' `_flatten_layers`, Keras
  /// 3's setter over `_layers`), so their weights all count as frozen (a ViT's blocks frozen in a
  /// loop over `model.layers`).
  static func setTrainable(_ flag: Bool, of instance: PythonInstance, session: KerasSession) {
    var visited: Set<ObjectIdentifier> = []
    func visit(_ value: Value) {
      switch value {
      case .layer(let layer):
        guard visited.insert(ObjectIdentifier(layer)).inserted else { return }
        layer.trainable = flag
      case .model(let model):
        guard visited.insert(ObjectIdentifier(model)).inserted else { return }
        model.setTrainable(flag)
      case .instance(let object):
        guard let state = object.layerState, visited.insert(ObjectIdentifier(object)).inserted
        else { return }
        state.trainable = flag
        state.layer?.trainable = flag
        trackedLayers(of: object, session: session).forEach(visit)
      default: break
      }
    }
    visit(.instance(instance))
  }

  /// `self.blocks.layers` of a list a layer holds: tf-keras' `ListWrapper` lists the layers in it;
  /// Keras 3's `TrackedList` has no such attribute.
  static func trackedListLayers(
    _ list: PythonList, range: SourceRange, kerasVersion: KerasVersion
  ) throws(CellError) -> Value {
    guard kerasVersion == .keras2 else {
      throw CellError(
        type: "AttributeError", message: "'TrackedList' object has no attribute 'layers'",
        range: range)
    }
    return .list(
      PythonList(
        list.items.filter { item in
          switch item {
          case .layer, .model: return true
          case .instance(let object): return object.type.kerasBase != nil
          default: return false
          }
        }))
  }

  /// A Keras method of a subclassed model; nil for a name ConvBook does not model.
  static func modelMethod(
    _ name: String, of instance: PythonInstance, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard instance.type.kerasBase == "Model", let state = instance.layerState else { return nil }
    if ["summary", "count_params", "fit", "train_on_batch", "get_weights", "set_weights"].contains(
      name), let refusal = interpreter.untrackedLayerRefusal("`model.\(name)()`", range: site.range)
    {
      throw refusal
    }
    switch name {
    case "build":
      let given =
        positional.count == 1 && keywords.isEmpty
        ? positional[0]
        : positional.isEmpty && keywords.count == 1 && keywords[0].0 == "input_shape"
          ? keywords[0].1 : nil
      guard let given, let shape = tensorShape(given) else {
        throw .unsupported(
          "ConvBook supports model.build(input_shape) with one shape tuple only", at: site.range)
      }
      // Keras 3's `build` of a subclassed model does not run `call`: its layers stay unbuilt.
      if interpreter.kerasVersion == .keras2 {
        interpreter.session.placeholderBuildDepth += 1
        defer { interpreter.session.placeholderBuildDepth -= 1 }
        do {
          _ = try layer(
            of: instance, on: shape, site: site, interpreter: interpreter, nameScope: false)
        } catch  where error.type == "TypeError" {
          // tf-keras' `Model.build` runs `call` on placeholders and re-raises a TypeError.
          var handled = error
          handled.callers = []
          var raised = CellError(
            type: "ValueError",
            message:
              "You cannot build your model by calling `build` if your layers do not support float type inputs. Instead, in order to instantiate and build your model, call your model on real tensor data (of the correct dtype).\n\nThe actual error from `call` is: \(error.message).",
            range: site.range)
          raised.chained = ChainedError(handled, isCause: false)
          throw raised
        }
      }
      state.isBuilt = true
      return Value.none
    case "summary":
      guard positional.isEmpty, keywords.isEmpty else {
        throw .unsupported(
          "ConvBook prints a subclassed model's summary without arguments only", at: site.range)
      }
      var summary = try summary(
        of: instance, state: state, site: site, interpreter: interpreter)
      summary.unlistedWeights = ownWeights(of: state) + summary.unlistedWeights
      if interpreter.kerasVersion == .keras3 {
        summary.optimizerParameters =
          state.layer?.model.flatMap {
            interpreter.session.training.keras3OptimizerParameters(of: $0)
          }
          ?? interpreter.session.eagerTapes.compiledSteps[ObjectIdentifier(instance)]?
          .keras3OptimizerVariables
      }
      interpreter.emit(.summary(interpreter.packaged(summary)))
      return Value.none
    case "count_params":
      // Keras 3's `build` only marks the model built: it counts the weights its layers already
      // have (a nested model made with an `Input`), as its summary does.
      guard state.isBuilt else {
        throw CellError(
          type: "ValueError",
          message:
            "You tried to call `count_params` on layer '\(state.name)', but the layer isn't built. You can build it manually via: `layer.build(batch_input_shape)`.",
          range: site.range)
      }
      if let refusal = TrackedMetrics.refusal(
        "`model.count_params()`", of: instance, session: interpreter.session, range: site.range)
      {
        throw refusal
      }
      let metrics = TrackedMetrics.variables(of: instance, session: interpreter.session)
      return .int(
        rows(of: instance, interpreter: interpreter).reduce(0) { $0 + $1.parameters }
          + metrics.reduce(0) { $0 + $1.spec.count }
          + ownWeights(of: state).reduce(0) { $0 + $1.count })
    case "compile":
      try TrainingCalls.checkCompileKeywords(
        keywords, site: site, version: interpreter.kerasVersion)
      try TrainingCalls.checkKeras3CompileContainers(
        positional, keywords, site: site, interpreter: interpreter)
      state.compileCall = (positional, keywords, site)
      TrainStepModels.compiled(instance, interpreter: interpreter)
      if let graph = state.layer?.model {
        return try Calls.call(
          .method(receiver: .model(graph), name: name), positional: positional,
          keywords: keywords, site: site, interpreter: interpreter)
      }
      return Value.none
    case "fit", "predict", "evaluate":
      // Keras runs these through the model's own steps when it defines them.
      if TrainStepLoop.ownStep(name, of: instance) != nil {
        try TrainStepModels.checkCompiled(instance, site: site, interpreter: interpreter)
        return try TrainStepLoop.run(
          name, of: instance, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      }
      let step = ["fit": "train_step", "evaluate": "test_step", "predict": "predict_step"][name]!
      for method in [step, "compute_loss"] where instance.type.lookup(method) != nil {
        if method == "compute_loss" && name == "predict" { continue }
        throw .unsupported(
          "ConvBook does not support `model.\(name)()` of a subclassed model that defines its own \(method)() yet",
          at: site.range)
      }
      let graph = try trainingGraph(
        name, of: instance, state: state, positional: positional, keywords: keywords,
        site: site, interpreter: interpreter)
      return try Calls.call(
        .method(receiver: .model(graph), name: name), positional: positional,
        keywords: keywords, site: site, interpreter: interpreter)
    default:
      throw .unsupported(
        "ConvBook does not support `model.\(name)()` on a subclassed model yet", at: site.range)
    }
  }

  /// The functional model a subclassed model's traced `call` is, for `fit`, `evaluate` and
  /// `predict`: traced on the data's shape (batch axis unknown) when the model has not been
  /// called yet, as Keras builds it on its first batch, and compiled as `compile` said.
  /// `name`: the method, whose `positional` and `keywords` arguments these are.
  private static func trainingGraph(
    _ name: String, of instance: PythonInstance, state: CustomLayerState, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> KerasModel {
    if state.layer == nil {
      let data = positional.first ?? keywords.first { $0.0 == "x" }?.1
      guard case .array(let array)? = data, !array.shape.isEmpty else {
        throw .unsupported(
          "ConvBook trains and runs a subclassed model that has not been called yet on one NumPy array of inputs only; call it on keras.Input(...) first for other data",
          at: site.range)
      }
      // Keras 3's `predict` traces its function on the first batch, taken eagerly: the layers
      // are built on that batch's concrete size. `fit` and `evaluate` trace on the data set's
      // element spec, whose batch axis may be unknown.
      let stepBatch = Keras3StepTrace.stepBatch(name, positional: positional, keywords: keywords)?
        .size
      let shape = TensorShape([nil] + array.shape.dropFirst().map { Optional($0) })
      try Keras3StepTrace.tracing(
        name, of: instance.type, batch: stepBatch, interpreter: interpreter
      ) { () throws(CellError) in
        _ = try layer(of: instance, on: shape, site: site, interpreter: interpreter)
      }
      state.isBuilt = true
      state.wasCalled = true
      if name == "predict", let stepBatch, state.eagerBatch == nil { state.eagerBatch = stepBatch }
    }
    guard let graph = state.layer?.model else {
      throw .unsupported(
        "ConvBook could not make a model of \(instance.type.name).call to train or run",
        at: site.range)
    }
    if let (positional, keywords, compileSite) = state.compileCall, graph.compileArguments == nil {
      _ = try Calls.call(
        .method(receiver: .model(graph), name: "compile"), positional: positional,
        keywords: keywords, site: compileSite, interpreter: interpreter)
    }
    return graph
  }

  /// `model.layers` and `model.name` of a subclassed model; nil for other attributes.
  static func modelAttribute(_ name: String, of instance: PythonInstance, session: KerasSession)
    -> Value?
  {
    guard instance.type.kerasBase == "Model" else { return nil }
    switch name {
    case "layers": return .list(PythonList(trackedLayers(of: instance, session: session)))
    case _ where TrainStepModels.attributeNames.contains(name):
      return TrainStepModels.attribute(name, of: instance, session: session)
    case "build", "summary", "count_params", "compile", "fit", "predict", "evaluate":
      return .method(receiver: .instance(instance), name: name)
    default: return nil
    }
  }

  private static func tensorShape(_ value: Value) -> TensorShape? {
    guard let items = value.sequenceItems ?? (value.tensorShapeAsTuple.sequenceItems) else {
      return nil
    }
    var dimensions: [Int?] = []
    for item in items {
      switch item {
      case .none: dimensions.append(nil)
      case .int(let size) where size > 0: dimensions.append(size)
      default: return nil
      }
    }
    return TensorShape(dimensions)
  }

  /// The weights a subclassed model holds itself, not through a layer (`self.add_weight`, a
  /// variable attribute its Keras tracks): its totals and `count_params()` count them, without a
  /// row.
  private static func ownWeights(of state: CustomLayerState) -> [WeightSpec] {
    state.weightNodes.compactMap { ($0.layer as? CustomWeight)?.spec }
  }

  private static func rows(of instance: PythonInstance, interpreter: Interpreter)
    -> [ModelSummary.Row]
  {
    trackedLayers(of: instance, session: interpreter.session).compactMap { value in
      let layer: LayerInstance?
      switch value {
      case .layer(let found): layer = found
      case .model(let model): layer = model.calledInstance
      case .instance(let object):
        layer = object.layerState?.layer
        // A custom layer the model's call never reached: tf-keras' `0 (unused)` row.
        if layer == nil, let state = object.layerState {
          return ModelSummary.Row(
            name: state.name, className: object.type.name, inputShape: TensorShape([]),
            outputShape: TensorShape([]), weights: [], multiplyAccumulates: 0,
            hasMultipleOutputShapes: true, isBuilt: false)
        }
      default: layer = nil
      }
      guard let layer else { return nil }
      // tf-keras writes `0 (unused)` for a layer that was never built.
      var row = ModelSummary.Row(
        name: layer.name, className: layer.className, inputShape: TensorShape([]),
        outputShape: TensorShape([]), weights: layer.isBuilt ? layer.weights : [],
        multiplyAccumulates: 0, isBuilt: layer.isBuilt || layer.model != nil)
      // A nested model built on a shape has its graph's output shape (`model.output_shape`);
      // other layers called by a subclassed model have no single one.
      if case .model(let model) = value, model.isBuilt, let shape = model.outputShape {
        row.outputShape = EagerCalls.shownShape(shape, of: model, session: interpreter.session)
        // A functional model of several outputs shows them all, as `model.output_shape` lists
        // them.
        row.outputShapes = model.outputShapeList
      } else if let call = interpreter.session.kerasNodeCalls[ObjectIdentifier(layer)]?
        .tfKerasOutputs
      {
        // Called on Keras tensors outside its model's trace (the model's `build` calling
        // `self.call(keras.Input(...))`): `layer.output_shape` answers.
        KerasNodeCalls.show(call, in: &row, keras3: false)
      } else {
        row.hasMultipleOutputShapes = true
      }
      return row
    }
  }

  /// Keras 3's rows once the model has been called: a layer its call built shows the output
  /// shape of the shape it was built on (`compute_output_shape` of its `_build_shapes_dict`) and
  /// its parameters; a layer built when it was made (pooling, flatten, ...) was never given a
  /// shape and shows `?`; a layer the call did not reach stays unbuilt.
  private static func keras3CalledRows(of instance: PythonInstance, interpreter: Interpreter)
    -> [ModelSummary.Row]
  {
    trackedLayers(of: instance, session: interpreter.session).map { value in
      let layer: LayerInstance?
      let name: String
      let className: String
      switch value {
      case .layer(let found): (layer, name, className) = (found, found.name, found.className)
      case .model(let model):
        (layer, name, className) = (model.calledInstance, model.name, model.className)
      case .instance(let object):
        (layer, name, className) = (
          object.layerState?.layer, object.layerState?.name ?? "", object.type.name
        )
      default: (layer, name, className) = (nil, "", "")
      }
      let atConstruction = KerasModel.builtAtConstruction.contains(className)
      let built = layer?.isBuilt == true
      // A custom layer (not a subclass of a built-in one) without `compute_output_shape` of its
      // own: Keras 3's base raises NotImplementedError there, and the row shows `?`.
      var declaresShape = true
      if case .instance(let object) = value, object.type.kerasLayerClass == nil,
        object.type.kerasBase == "Layer"
      {
        declaresShape = object.type.lookup("compute_output_shape") != nil
      }
      var shape =
        built && !atConstruction && declaresShape
        ? layer?.outputShape ?? TensorShape([]) : TensorShape([])
      // A model built from an `Input` keeps the shapes of that build (the outputs of its node,
      // a tuple of them for several); Keras 3 built the other layers on the shape of the call.
      var outputShapes: [TensorShape]?
      if case .model(let model) = value, model.startsFromInput {
        outputShapes = model.outputShapeList
      } else if let batch = instance.layerState?.eagerBatch, shape.rank > 0,
        shape.dimensions[0] == nil
      {
        // Built by a call on data: Keras 3 built the layer on the data's batch size, which
        // ConvBook's trace leaves unknown (`EagerCalls`).
        shape = TensorShape([batch] + shape.dimensions.dropFirst())
      }
      var row = ModelSummary.Row(
        name: name, className: className, inputShape: TensorShape([]), outputShape: shape,
        weights: built ? layer?.weights ?? [] : [], multiplyAccumulates: 0,
        isBuilt: built || atConstruction)
      if let outputShapes {
        row.outputShapes = outputShapes
        row.keras3ShowsOutputTuple = true
      }
      return keras3NodeRow(of: layer, named: name, className, interpreter: interpreter) ?? row
    }
  }

  /// Keras 3's row of a layer called on Keras tensors outside its model's trace (the model's
  /// `build` calling `self.call(keras.Input(...))`): `format_layer_shape` shows its last node's
  /// outputs; nil for a layer without such a call.
  private static func keras3NodeRow(
    of layer: LayerInstance?, named name: String, _ className: String, interpreter: Interpreter
  ) -> ModelSummary.Row? {
    guard let layer, layer.isBuilt,
      let call = interpreter.session.kerasNodeCalls[ObjectIdentifier(layer)]?.keras3Outputs
    else { return nil }
    var row = ModelSummary.Row(
      name: name, className: className, inputShape: TensorShape([]),
      outputShape: TensorShape([]), weights: layer.weights, multiplyAccumulates: 0)
    KerasNodeCalls.show(call, in: &row, keras3: true)
    return row
  }

  private static func summary(
    of instance: PythonInstance, state: CustomLayerState, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> ModelSummary {
    if interpreter.kerasVersion == .keras3 {
      if state.wasCalled {
        return ModelSummary(
          name: state.name, inputLayerName: "", inputShape: TensorShape([]),
          rows: keras3CalledRows(of: instance, interpreter: interpreter))
      }
      // Keras 3 lists the tracked layers unbuilt, but for a model built when it was made (one
      // with an `Input`): its output shape and parameters (`compute_output_shape` of the shape
      // it was built on).
      let rows = trackedLayers(of: instance, session: interpreter.session).map { value in
        let className: String
        let name: String
        switch value {
        case .layer(let layer):
          if let row = keras3NodeRow(
            of: layer, named: layer.name, layer.className, interpreter: interpreter)
          {
            return row
          }
          (name, className) = (layer.name, layer.className)
        case .instance(let object):
          if let row = keras3NodeRow(
            of: object.layerState?.layer, named: object.layerState?.name ?? "", object.type.name,
            interpreter: interpreter)
          {
            return row
          }
          (name, className) = (object.layerState?.name ?? "", object.type.name)
        case .model(let model):
          (name, className) = (model.name, model.className)
          if model.isBuilt, let shape = model.outputShape {
            // Built by a call on data: with that batch size, as Keras built it.
            return ModelSummary.Row(
              name: name, className: className, inputShape: TensorShape([]),
              outputShape: EagerCalls.shownShape(shape, of: model, session: interpreter.session),
              weights: model.calledInstance.weights, multiplyAccumulates: 0)
          }
        default: (name, className) = ("", "")
        }
        return ModelSummary.Row(
          name: name, className: className, inputShape: TensorShape([]),
          outputShape: TensorShape([]), weights: [], multiplyAccumulates: 0,
          isBuilt: KerasModel.builtAtConstruction.contains(className))
      }
      return ModelSummary(
        name: state.name, inputLayerName: "", inputShape: TensorShape([]), rows: rows)
    }
    guard state.isBuilt else {
      throw CellError(
        type: "ValueError",
        message:
          "This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data.",
        range: site.range)
    }
    if let refusal = TrackedMetrics.refusal(
      "`model.summary()`", of: instance, session: interpreter.session, range: site.range)
    {
      throw refusal
    }
    var summary = ModelSummary(
      name: state.name, inputLayerName: "", inputShape: TensorShape([]),
      rows: rows(of: instance, interpreter: interpreter))
    summary.unlistedWeights = TrackedMetrics.variables(of: instance, session: interpreter.session)
      .map(\.spec)
    return summary
  }
}

extension KerasSession {
  /// A subclassed model a cell's variable holds, as Keras describes it: its name, whether it is
  /// built, and the layers it tracks (name and class); nil for any other value.
  public func subclassedModel(_ value: Value) -> (
    name: String, isBuilt: Bool, layers: [(name: String, className: String)]
  )? {
    guard case .instance(let instance) = value, instance.type.kerasBase == "Model",
      let state = instance.layerState
    else { return nil }
    let layers = KerasSubclassing.trackedLayers(of: instance, session: self).map {
      value -> (name: String, className: String) in
      switch value {
      case .layer(let layer): return (layer.name, layer.className)
      case .model(let model): return (model.name, model.className)
      case .instance(let object): return (object.layerState?.name ?? "", object.type.name)
      default: return ("", "")
      }
    }
    return (state.name, state.isBuilt, layers)
  }
}

extension Value {
  /// An instance of a `keras.Model` subclass: its class name and, when its `__init__` gave
  /// `super().__init__` inputs and outputs, the functional model it is. For tools that measure
  /// Sequential and functional models only (`convbook check --file`); nil for anything else.
  public var subclassedModel: (className: String, functional: KerasModel?)? {
    guard case .instance(let instance) = self, instance.type.kerasBase == "Model" else {
      return nil
    }
    return (instance.type.name, instance.layerState?.functionalModel)
  }
}
