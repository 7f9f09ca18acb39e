import CNNEngine

/// Custom layers and subclassed models called on data (`net = MLP(); y = net(X)` with `X` a NumPy
/// array or an eager tensor), which TensorFlow runs at once.
///
/// The call builds the layer as Keras' first call does: its `build` runs and its `call` is traced
/// on a symbolic tensor of the data's sample shape (batch axis unknown, so that later calls with
/// other batch sizes run the same layer), which gives its sublayers their weights and shapes. Then
/// the traced graph runs on the data through the forward pass (`EagerTensors.callModel`), and the
/// result is an eager float32 tensor. ConvBook traces `call` once instead of running it on every
/// call: Python code in `call` that depends on tensor values (a `while` on a tensor) is refused as
/// it is in the functional API.
enum EagerCalls {
  /// Whether `value` is data a layer runs on at once: a NumPy array or an eager tensor.
  static func isData(_ value: Value) -> Bool {
    if case .array = value { return true }
    return false
  }

  /// `layer(x)` of a custom layer or subclassed model on data `array`.
  /// `extra`: the positional arguments after the data, passed on to `call`.
  static func callCustom(
    _ instance: PythonInstance, on array: NDArray, extra: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard array.rank >= 1 else {
      throw .unsupported(
        "ConvBook runs a layer on constant data of one or more axes, not a scalar", at: site.range)
    }
    let shape = TensorShape([nil] + array.shape.dropFirst().map { Optional($0) })
    let session = interpreter.session
    if instance.layerState?.printedInEagerTrace == true {
      // TensorFlow runs `call` again on each call on data; ConvBook ran it once, to trace it.
      throw .unsupported(
        "ConvBook does not support calling \(instance.type.name) on data again yet: its call() prints, and Keras runs call() (and prints) on every call, where ConvBook ran it once to trace it",
        at: site.range)
    }
    let outer = session.eagerTraceBatch
    session.eagerTraceBatch = array.shape[0]
    defer { session.eagerTraceBatch = outer }
    let writesBefore = interpreter.writeCount
    // Keras 3's `_maybe_build` of a layer without `build` that holds unbuilt layers runs `call`
    // through `backend.compute_output_spec` first, whose outputs become `KerasTensor`s: they take
    // `keras_tensor` names, one per output, before the call on data runs.
    let buildTrace = KerasSubclassing.buildsByTracing(instance)
    let layer = try KerasSubclassing.layer(
      of: instance, on: shape, extra: extra, keywords: keywords, site: site,
      interpreter: interpreter)
    if buildTrace {
      interpreter.kerasNames.skipKerasTensorNames(KerasSubclassing.outputCount(of: layer))
    }
    if interpreter.writeCount != writesBefore {
      instance.layerState?.printedInEagerTrace = true
    }
    if let state = instance.layerState {
      state.isBuilt = true
      state.wasCalled = true
      if state.eagerBatch == nil { state.eagerBatch = array.shape[0] }
    }
    let result = try runCustom(
      layer, on: array, extra: extra, keywords: keywords, site: site, interpreter: interpreter)
    // The script's classes carry ConvBook's own draws through the code they run
    // (`OwnDraws.followsCall`); a custom layer's traced graph runs as one layer, whose weights
    // may hold them.
    let training = session.training
    guard training.ownDrawn(layer) else { return result }
    return try OwnDraws.mark(result, refusingText: true, range: site.range, training: training)
  }

  /// `callCustom`'s run of the traced layer on the data and the further tensors.
  private static func runCustom(
    _ layer: LayerInstance, on array: NDArray, extra: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let session = interpreter.session
    let others = tensorArguments(extra, keywords)
    // `self(x, training=True)` in a train_step: the call context of the run (dropout, statistics).
    let outerTraining = session.callContextTraining
    if let training = keywords.first(where: { $0.0 == "training" })?.1, !training.isNone {
      session.callContextTraining = training
    }
    defer { session.callContextTraining = outerTraining }
    if let model = layer.model, let graph = model.graph, graph.outputs.count > 1,
      others.isEmpty
    {
      return try CustomLayerOutputs.run(model, on: [array], site: site, interpreter: interpreter)
    }
    guard !others.isEmpty else {
      return try run(layer, on: array, site: site, interpreter: interpreter)
    }
    var arrays = [array]
    for value in others {
      guard case .array(let other) = value else {
        throw .unsupported(
          "ConvBook calls a custom layer on data with further tensors of data only, not Keras tensors",
          at: site.range)
      }
      arrays.append(other)
    }
    return try runSeveral(layer, on: arrays, site: site, interpreter: interpreter)
  }

  /// The tensor arguments of a call after its first (positional, then keywords in order): Keras
  /// tensors and data.
  static func tensorArguments(_ extra: [Value], _ keywords: [(String, Value)]) -> [Value] {
    (extra + keywords.map(\.1)).filter {
      if case .kerasTensor = $0 { return true }
      return isData($0)
    }
  }

  /// While `call` is traced: a further tensor argument as a new symbolic input of the traced graph
  /// (appended to `inputs`), any other value as it is.
  static func symbolicInput(
    for value: Value, state: CustomLayerState, inputs: inout [KerasTensor]
  ) -> Value {
    let shape: TensorShape
    switch value {
    case .kerasTensor(let tensor): shape = tensor.shape
    case .array(let array) where array.rank >= 1:
      shape = TensorShape([nil] + array.shape.dropFirst().map { Optional($0) })
    default: return value
    }
    let input = KerasTensor(
      input: InputLayer(
        name: state.name + "_input_\(inputs.count)", batchInputShape: shape,
        arguments: LayerArguments(className: "InputLayer", values: [:])))
    inputs.append(input)
    return .kerasTensor(input)
  }

  /// Runs a traced graph of several inputs on data, as `predict` runs such a model.
  private static func runSeveral(
    _ layer: LayerInstance, on arrays: [NDArray], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard let model = layer.model, model.graph?.inputs.count == arrays.count else {
      throw .unsupported(
        "ConvBook could not run \(layer.name) on \(arrays.count) tensors of data", at: site.range)
    }
    if (model.graph?.outputs.count ?? 1) > 1 {
      // `context, weights = attention(s_prev, hidden_states)`: Keras returns call()'s tuple.
      return try CustomLayerOutputs.run(model, on: arrays, site: site, interpreter: interpreter)
    }
    let outputs = try forward(model, named: layer.name, on: arrays, site: site, interpreter)
    guard outputs.count == 1 else {
      throw .unsupported(
        "ConvBook runs custom layers returning one tensor on data", at: site.range)
    }
    try interpreter.budget.allocate(count: outputs[0].count, size: 4, at: site.range)
    return EagerTensors.value(outputs[0])
  }

  /// The forward pass of a traced graph on data, within the session's memory budget: its outputs.
  static func forward(
    _ model: KerasModel, named name: String, on arrays: [NDArray], site: CallSite,
    _ interpreter: Interpreter
  ) throws(CellError) -> [Tensor] {
    try LambdaRebinding.refresh(model, range: site.range, interpreter: interpreter)
    let memory = interpreter.session.limits.memoryBudget
    do {
      try ForwardPass.check(
        try ForwardPass.estimate(model: model, inputShapes: arrays.map(\.shape)), budget: memory,
        model: model, batch: arrays[0].shape.first ?? 1)
      let weights = try interpreter.session.training.runningWeights(of: model, memoryBudget: memory)
      let pass = ForwardPass(
        model: model, weights: weights, memoryBudget: memory,
        keras3: interpreter.kerasVersion == .keras3, engine: interpreter.session.engine)
      return try pass.run(inputs: arrays.map(\.tensor))
    } catch {
      // A message of ConvBook's own (its time budget, a kernel TensorFlow lacks) stands alone.
      if error.kind == .stopped || error.message.hasPrefix("ConvBook") {
        throw .unsupported(error.message, at: site.range)
      }
      throw .unsupported(
        "ConvBook cannot run \(name) on this data: \(error.message)", at: site.range)
    }
  }

  /// Runs a layer made by tracing (a graph of layers, or one layer such as a traced `Lambda`) on
  /// data.
  static func run(
    _ layer: LayerInstance, on array: NDArray, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    if let model = layer.model {
      return try EagerTensors.callModel(model, on: array, site: site, interpreter: interpreter)
    }
    if let lambda = layer.layer as? Lambda, lambda.trace.program?.operations.isEmpty == true {
      // A `call` that returns its input: the data as a float32 tensor.
      try interpreter.budget.allocate(count: array.count, size: 4, at: site.range)
      return EagerTensors.value(array.tensor)
    }
    return try EagerTensors.callLayer(layer, on: array, site: site, interpreter: interpreter)
  }
}

extension EagerCalls {
  /// A Sequential model built by its first call on data: built for any batch size (so that later
  /// calls with other batch sizes run), with the first call's batch size kept for its summary,
  /// which Keras built on that concrete shape.
  static func build(
    _ model: KerasModel, onData shape: [Int], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let session = interpreter.session
    if model.isBuilt {
      // tf-keras rebuilds the model for a relaxed shape (batch None) when a call brings another
      // batch size; Keras 3 keeps the shapes it was built on.
      relaxBuildBatch(of: model, forBatch: shape[0], interpreter: interpreter)
      return
    }
    try KerasRecursionLimit.checkDeferredBuild(model, site: site, interpreter: interpreter)
    do {
      try model.build(batchInputShape: TensorShape([nil] + shape.dropFirst().map { Optional($0) }))
      model.noteRebuilt()
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    noteBuildBatch(shape[0], of: model, session: session)
  }

  /// `model` was built by a call on data of batch size `batch`: its summary, its input and output
  /// shapes and the tensors of its chain (`layer.output.shape`, `layer.output_shape`) show that
  /// batch size, as Keras built them on the data's concrete shape.
  static func noteBuildBatch(_ batch: Int, of model: KerasModel, session: KerasSession) {
    let key = ObjectIdentifier(model)
    session.eagerBuildBatches[key] = batch
    for tensor in model.tensors ?? [] {
      session.eagerBuildNodes[ObjectIdentifier(tensor.node)] = key
    }
  }

  /// A functional model made on the tensors of a Sequential model built by a call on data
  /// (`keras.Model(seq.inputs, seq.layers[1].output)`): Keras made those tensors with the data's
  /// batch size, so the new model's shapes and summary show it too.
  static func inheritBuildBatch(of model: KerasModel, session: KerasSession) {
    guard let inputs = model.graph?.inputs ?? model.tensors.map({ [$0[0]] }), !inputs.isEmpty
    else { return }
    let batches = Set(
      inputs.map { tensor -> Int? in
        guard tensor.shape.rank > 0, tensor.shape.dimensions[0] == nil else { return nil }
        return shownShape(of: tensor, session: session).dimensions[0]
      })
    guard batches.count == 1, let batch = batches.first ?? nil else { return }
    session.eagerBuildBatches[ObjectIdentifier(model)] = batch
  }

  /// A tensor's shape as Keras shows it: with the batch size of the call on data that built the
  /// Sequential model whose chain made it, while that model shows it.
  static func shownShape(of tensor: KerasTensor, session: KerasSession) -> TensorShape {
    let shape = tensor.shape
    guard let key = session.eagerBuildNodes[ObjectIdentifier(tensor.node)],
      let batch = session.eagerBuildBatches[key], shape.rank > 0, shape.dimensions[0] == nil
    else { return shape }
    return TensorShape([batch] + shape.dimensions.dropFirst())
  }

  /// tf-keras rebuilds a Sequential model built by a call on data for a relaxed shape (batch None)
  /// when a call brings another batch size (`_build_graph_network_for_inferred_shape`); Keras 3
  /// keeps the shapes it was built on.
  static func relaxBuildBatch(of model: KerasModel, forBatch batch: Int?, interpreter: Interpreter)
  {
    let key = ObjectIdentifier(model)
    // Inside a call traced for data, the data's batch size is the one Keras sees.
    let batch = batch ?? interpreter.session.eagerTraceBatch
    guard interpreter.kerasVersion == .keras2,
      let built = interpreter.session.eagerBuildBatches[key], built != batch
    else { return }
    interpreter.session.eagerBuildBatches[key] = nil
  }

  /// A model built by a call inside a custom layer's `call` traced for data: Keras built it on the
  /// data's batch size.
  static func noteBuildInTrace(_ model: KerasModel, session: KerasSession) {
    guard !model.isBuilt, let batch = session.eagerTraceBatch else { return }
    session.eagerBuildBatches[ObjectIdentifier(model)] = batch
  }

  /// tf-keras' `layer.output_shape` / `layer.input_shape` (a shape tuple) of a layer of a
  /// Sequential model built by a call on data: with that call's batch size, as `tensor` (the
  /// layer's first call's) shows it.
  static func shownShapeValue(_ value: Value, of tensor: KerasTensor?, session: KerasSession)
    -> Value
  {
    guard let tensor, case .tuple(let items) = value, items.first?.isNone == true,
      items.count == tensor.shape.rank
    else { return value }
    return Attributes.shapeValue(shownShape(of: tensor, session: session))
  }

  /// A shape of `model` as Keras built it: with the batch size of the data it was built for.
  static func shownShape(_ shape: TensorShape, of model: KerasModel, session: KerasSession)
    -> TensorShape
  {
    guard let batch = session.eagerBuildBatches[ObjectIdentifier(model)], shape.rank > 0,
      shape.dimensions[0] == nil
    else { return shape }
    return TensorShape([batch] + shape.dimensions.dropFirst())
  }

  /// `summary` of a model built by a call on data: the batch size it was built for in the shapes.
  static func showingBuildBatch(
    _ summary: ModelSummary, of model: KerasModel, session: KerasSession
  ) -> ModelSummary {
    var shown = summary
    shown.rows = showingBuildBatch(summary.rows, of: model, session: session)
    return shown
  }

  /// The rows of `model`'s summary, and those of the models nested in it (`expand_nested`), with
  /// the batch size each was built for by a call on data.
  private static func showingBuildBatch(
    _ rows: [ModelSummary.Row], of model: KerasModel, session: KerasSession
  ) -> [ModelSummary.Row] {
    var shown = rows
    for index in shown.indices {
      shown[index].outputShape = shownShape(shown[index].outputShape, of: model, session: session)
      guard !shown[index].nestedRows.isEmpty,
        let nested = model.layers.first(where: { $0.name == shown[index].name })?.model
      else { continue }
      shown[index].nestedRows = showingBuildBatch(
        shown[index].nestedRows, of: nested, session: session)
    }
    return shown
  }
}
