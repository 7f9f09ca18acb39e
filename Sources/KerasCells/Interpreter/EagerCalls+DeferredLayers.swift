import CNNEngine

/// Custom layers added to a Sequential model before its input shape is known
/// (`res_block = keras.Sequential(); res_block.add(BasicBlock(64))`). Keras builds such a layer at
/// the model's first call or `build`; ConvBook traces a custom layer's `call` on a shape, so it
/// keeps the layer (and every layer added after it) aside until the model gets one, then adds
/// them as `model.add` would. `model.layers` lists them meanwhile.
extension EagerCalls {
  /// `model.add(element)`: true when the element was kept aside (a custom layer before the input
  /// shape is known, or any layer after one).
  static func deferIfNeeded(
    _ element: Value, to model: KerasModel, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Bool {
    let session = interpreter.session
    let key = ObjectIdentifier(model)
    if session.deferredLayers[key] != nil {
      session.deferredLayers[key]!.append((element, range))
      return true
    }
    // A Sequential model holding layers kept aside goes aside too while this model (which has
    // layers already) has no input shape either: the blocks of custom layers of a
    // `Sequential([b1, b2, b3, ...])` (Dive into Deep Learning's GoogLeNet) are built when the
    // model, or the block itself, is first called.
    if case .model(let nested) = element, session.deferredLayers[ObjectIdentifier(nested)] != nil,
      model.nextLayerInputShape == nil, !model.layers.isEmpty
    {
      session.deferredLayers[key] = [(element, range)]
      return true
    }
    guard case .instance(let object) = element, object.type.kerasBase != nil,
      object.type.kerasLayerClass == nil, model.nextLayerInputShape == nil,
      !startsWithDeclaredInput(object, model: model)
    else { return false }
    try KerasSubclassing.checkSequentialCall(object.type, interpreter: interpreter, range: range)
    session.deferredLayers[key] = [(element, range)]
    return true
  }

  /// A custom layer given `input_shape=` added first to an empty model: the model makes its input
  /// layer from that shape (`addDeclaredInput`), as for a built-in layer.
  static func startsWithDeclaredInput(_ object: PythonInstance, model: KerasModel) -> Bool {
    model.layers.isEmpty && model.nextLayerInputShape == nil
      && object.layerState?.declaredBatchInputShape != nil
  }

  /// The hidden input layer a Sequential model makes from the declared shape of the custom layer
  /// it starts with (tf-keras' `Sequential.add`: `Input(batch_shape=..., name=layer.name +
  /// "_input")`, Keras 3's `InputLayer(shape=layer._input_shape_arg)`), before the layer is traced
  /// on it.
  static func addDeclaredInput(
    of object: PythonInstance, to model: KerasModel, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) {
    guard startsWithDeclaredInput(object, model: model), let state = object.layerState,
      let shape = state.declaredBatchInputShape
    else { return }
    var input = InputLayer(
      name: interpreter.kerasNames.hiddenInputName(firstLayer: state.name),
      batchInputShape: shape, arguments: LayerArguments(className: "InputLayer", values: [:]))
    input.tensorName = interpreter.kerasNames.kerasTensorName()
    do {
      try model.add(input: KerasTensor(input: input))
    } catch {
      throw Calls.keras(error, at: range)
    }
  }

  /// The layers kept aside for `model`, as `model.layers` lists them after its own.
  static func deferredValues(of model: KerasModel, session: KerasSession) -> [Value] {
    session.deferredLayers[ObjectIdentifier(model)]?.map(\.value) ?? []
  }

  /// Adds the layers kept aside for `model` now that its input shape is `input` (its first call or
  /// `build`): the model's own layers are built on it first. `batch`: the batch size of the data
  /// of a first call, which the summary shows (`EagerCalls.build(_:onData:site:interpreter:)`).
  static func addDeferred(
    to model: KerasModel, input: TensorShape, batch: Int? = nil, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    let session = interpreter.session
    guard let pending = session.deferredLayers.removeValue(forKey: ObjectIdentifier(model)) else {
      return
    }
    if !model.isBuilt {
      try KerasRecursionLimit.checkDeferredBuild(model, site: site, interpreter: interpreter)
      do {
        if model.layers.isEmpty, case .instance(let first) = pending[0].value {
          // The model starts with the custom layer: its input is the one Keras' build makes
          // (Keras 3 names its tensor, which its errors show).
          let name = interpreter.kerasNames.hiddenInputName(
            firstLayer: first.layerState?.name ?? model.name)
          var inputLayer = InputLayer(
            name: name, batchInputShape: input,
            arguments: LayerArguments(className: "InputLayer", values: [:]))
          inputLayer.tensorName = interpreter.kerasNames.kerasTensorName()
          try model.add(input: KerasTensor(input: inputLayer))
        } else {
          try model.build(batchInputShape: input)
        }
      } catch {
        let blamed = error.layerIndex.flatMap { index in
          index < model.layers.count
            ? interpreter.blame(model.layers[index], fallback: site.range) : nil
        }
        throw Calls.keras(error, at: blamed ?? site.range)
      }
    }
    for (value, range) in pending {
      // Keras 3 builds on the call's shape, batch size included, which its errors show.
      if let batch, interpreter.kerasVersion == .keras3 {
        EagerCalls.noteBuildBatch(batch, of: model, session: session)
        if let output = model.symbolicOutput {
          session.eagerBuildNodes[ObjectIdentifier(output.node)] = ObjectIdentifier(model)
        }
      }
      do {
        try Calls.add(value, to: model, range: range, interpreter: interpreter)
      } catch {
        throw calledAt(site, error, madeAt: range)
      }
    }
    model.noteRebuilt()
    if let batch { EagerCalls.noteBuildBatch(batch, of: model, session: session) }
  }

  /// An exception raised while a layer kept aside is added at the model's first call or `build`:
  /// Python's traceback has that call where ConvBook's add has the layer's place in the model's
  /// constructor (or `add`), which is not running then.
  private static func calledAt(_ site: CallSite, _ error: CellError, madeAt range: SourceRange)
    -> CellError
  {
    guard error.type != nil else { return error }
    var moved = error
    for index in moved.callers.indices where moved.callers[index].range == range {
      moved.callers[index].range = site.range
    }
    if moved.range == range, moved.callers.isEmpty, moved.tracebackRange == nil {
      moved.tracebackRange = site.range
    }
    return moved
  }

  /// What a model with layers kept aside cannot do before its first call or `build` in ConvBook.
  static func checkNoDeferred(
    _ model: KerasModel, method: String, site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard interpreter.session.deferredLayers[ObjectIdentifier(model)] != nil else { return }
    throw .unsupported(
      "ConvBook runs `model.\(method)()` of a Sequential model holding custom layers added before its input shape was known only after model.build(input_shape) or a first call on data",
      at: site.range)
  }
}
