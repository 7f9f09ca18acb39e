import CNNEngine

/// Where a script meets TensorFlow's name-scope checks (`TensorFlowScopeNames`): a layer or model
/// name TensorFlow refuses as a scope fails where Keras enters that scope in a graph, not when the
/// layer is made (both Kerases accept `Dense(2, name="my dense")` and call it on data).
enum ScopeNameChecks {
  /// A layer (or model) named `name` about to be called on Keras tensors.
  ///
  /// tf-keras enters the scope `name/` in the scratch graph of the call: at the root for a call in
  /// the script (a functional call, `Sequential.add` on a model with an input, `build`), which
  /// fails with TensorFlow's ValueError; nested in the caller's scope inside a custom layer's or a
  /// Lambda's traced `call`, where AutoGraph wraps the failure in text quoting Keras' own files
  /// (refused). Keras 3 enters no scope for a call on Keras tensors, except inside the scratch
  /// graph where it runs a custom layer's `call` to infer its output: the layers `call` calls are
  /// at that graph's root (`name` without "/"), and raise there (Keras wraps the error in its
  /// "Could not automatically infer the output shape" text), those they call in turn are nested.
  /// Calls on data enter no graph.
  static func checkSymbolicCall(
    named name: String, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) {
    let session = interpreter.session
    guard !name.isEmpty, session.eagerTraceBatch == nil else { return }
    let depth = session.lambdaTracingDepth
    switch interpreter.kerasVersion {
    case .keras2:
      if depth == 0 {
        let scope = name + "/"
        guard TensorFlowScopeNames.isValidRoot(scope) else {
          throw Calls.keras(TensorFlowScopeNames.rootError(scope), at: range)
        }
      } else if !TensorFlowScopeNames.isValidNested(name) {
        throw nestedRefusal(name, range: range)
      }
    case .keras3:
      guard depth > 0, session.keras3LambdaInference else { return }
      let atRoot = depth == 1
      if atRoot, session.traceInputs.count == 1 {
        guard TensorFlowScopeNames.isValidRoot(name) else {
          throw Calls.keras(TensorFlowScopeNames.rootError(name), at: range)
        }
      } else if atRoot
        ? !TensorFlowScopeNames.isValidRoot(name)
        : !TensorFlowScopeNames.isValidNested(name)
      {
        throw nestedRefusal(name, range: range)
      }
    }
  }

  /// A model called on Keras tensors as a layer (tf-keras): its layers are called inside its
  /// scope, where tf-keras wraps TensorFlow's refusal of a name in the model's call text (refused).
  static func checkNestedLayers(
    of model: KerasModel, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) {
    guard interpreter.kerasVersion == .keras2, interpreter.session.eagerTraceBatch == nil,
      let layer = refusedLayerName(in: model, session: interpreter.session)
    else { return }
    throw nestedRefusal(layer, range: range)
  }

  /// The name of what `Sequential.add` is given, when it is a layer or model that has one.
  static func addedName(_ element: Value) -> String? {
    switch element {
    case .layer(let instance): return instance.name
    case .model(let model): return model.name
    case .instance(let object): return object.layerState?.name
    default: return nil
    }
  }

  /// The input shape `element` declares (`input_shape=`): tf-keras' `Sequential.add` makes an
  /// input from it for the model's first layer and calls the layer on it.
  static func declaredShape(_ element: Value) -> TensorShape? {
    switch element {
    case .layer(let instance): return instance.layer.common.declaredBatchInputShape
    case .instance(let object):
      return object.layerState?.declaredBatchInputShape
        ?? object.layerState?.layer?.layer.common.declaredBatchInputShape
    default: return nil
    }
  }

  /// tf-keras' `model.build(shape)` of a Sequential model: it calls the layers in order on an
  /// input of that shape, at the graph's root. Stops (leaving the build to fail as it does) at the
  /// first layer ConvBook cannot take the shape through.
  static func checkBuild(
    _ model: KerasModel, shape: TensorShape, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) {
    guard interpreter.kerasVersion == .keras2, model.graph == nil else { return }
    var running = shape
    for instance in model.layers where !instance.isInputLayer {
      try checkSymbolicCall(
        named: instance.name, interpreter: interpreter,
        range: interpreter.blame(instance, fallback: range))
      guard let next = try? instance.layer.outputShape(for: running) else { return }
      running = next
    }
  }

  /// `fit`, `evaluate`, `predict` and the `*_on_batch` functions trace the model's step in a
  /// TensorFlow function: the model's call enters its name at the graph's root and its layers'
  /// names inside it. Keras 3 raises TensorFlow's ValueError for the model's name as it is; its
  /// error for a layer's (wrapped in the model's call text) and tf-keras' (AutoGraph's "in user
  /// code" text, quoting Keras' files) are refused. `function`: the method, for the refusal.
  static func checkTraining(
    _ model: KerasModel, function: String, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) {
    let keras3 = interpreter.kerasVersion == .keras3
    let state = interpreter.session.keras3ScopeState
    let step = Keras3ScopeState.Step(model: model, function: function)
    // TensorFlow keeps a step it traced once (Keras 3's `train_function`, `test_function`,
    // `predict_function`, which the `*_on_batch` functions share).
    if keras3, state.traced.contains(step) { return }
    let modelScope = keras3 ? model.name : model.name + "/"
    if !model.name.isEmpty, !TensorFlowScopeNames.isValidRoot(modelScope) {
      guard keras3 else {
        throw .unsupported(
          "ConvBook does not support tf-keras' \(function)() of a model named \(PythonText.repr(.string(model.name))) yet: TensorFlow refuses the name as a scope name, and tf-keras raises that in text quoting its own files",
          at: range)
      }
      // Keras 3 pushes the scope on its own stack before TensorFlow refuses it, and never pops
      // it: the model's next step finds its own scope on top and enters none (`deduplicate`),
      // so it traces, unless another model's failure came on top since.
      if state.leakedScopeOwner != ObjectIdentifier(model) {
        interpreter.session.keras3ScopeState.leakedScopeOwner = ObjectIdentifier(model)
        throw Calls.keras(TensorFlowScopeNames.rootError(modelScope), at: range)
      }
    }
    // Names pass the scope patterns with a backslash (and, by `$`, a final newline), but the
    // operations TensorFlow then runs may not hold either in their names.
    let unrunnable = { (name: String) in name.contains("\\") || name.contains("\n") }
    if let name = unrunnable(model.name)
      ? model.name : layerName(in: model, session: interpreter.session, where: unrunnable)
    {
      throw .unsupported(
        "ConvBook does not support \(function)() of a model named or holding a layer named \(PythonText.repr(.string(name))) yet: TensorFlow refuses a backslash or a newline in the names of the operations it runs",
        at: range)
    }
    if let layer = refusedLayerName(in: model, session: interpreter.session) {
      throw .unsupported(
        "ConvBook does not support \(function)() of a model holding a layer named \(PythonText.repr(.string(layer))) yet: TensorFlow refuses the name as a scope name inside the model's, and \(keras3 ? "Keras 3" : "tf-keras") raises that in text of its own",
        at: range)
    }
    if keras3 { interpreter.session.keras3ScopeState.traced.insert(step) }
  }

  /// The first layer name, in the model and the models nested in it, that TensorFlow refuses
  /// inside another scope.
  private static func refusedLayerName(in model: KerasModel, session: KerasSession)
    -> String?
  {
    layerName(in: model, session: session) {
      !$0.isEmpty && !TensorFlowScopeNames.isValidNested($0)
    }
  }

  /// The first layer name, in the model and the models nested in it (not inside custom layers),
  /// that `matches`.
  private static func layerName(
    in model: KerasModel, session: KerasSession, where matches: (String) -> Bool
  ) -> String? {
    for instance in model.layers where !instance.isInputLayer {
      if matches(instance.name) { return instance.name }
      if let nested = instance.model, session.customLayers[ObjectIdentifier(instance)] == nil,
        let name = layerName(in: nested, session: session, where: matches)
      {
        return name
      }
    }
    return nil
  }

  private static func nestedRefusal(_ name: String, range: SourceRange) -> CellError {
    .unsupported(
      "ConvBook does not support calling the layer \(PythonText.repr(.string(name))) on Keras tensors inside another layer or model yet: TensorFlow refuses the name as a scope name there, and Keras raises that in text of its own",
      at: range)
  }
}

/// What Keras 3's name-scope stack holds after failed steps (`ScopeNameChecks.checkTraining`).
struct Keras3ScopeState {
  /// A model's step function: `fit` and `train_on_batch` share one, `evaluate` and
  /// `test_on_batch` one, `predict` and `predict_on_batch` one.
  struct Step: Hashable {
    let model: ObjectIdentifier
    let kind: String

    init(model: KerasModel, function: String) {
      self.model = ObjectIdentifier(model)
      switch function {
      case "fit", "train_on_batch": kind = "train"
      case "evaluate", "test_on_batch": kind = "test"
      default: kind = "predict"
      }
    }
  }

  /// The model whose failed scope is on top of the stack.
  var leakedScopeOwner: ObjectIdentifier?
  /// The steps traced so far.
  var traced: Set<Step> = []
}
