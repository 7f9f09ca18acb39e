import CNNEngine

/// Keras 3's `fit`, `evaluate` and `predict` trace a subclassed model's `call` in their step
/// functions with `training=True` (fit) or `training=False`, whenever `call` takes `training`
/// (`_call_has_training_arg`); the layers it calls get that value through the call context. A
/// `call` that hands its flag on positionally (`self.drop(x, training)`, YunYang's blocks) then
/// fails Keras 3's check that positional arguments are tensors. ConvBook traces `call` once, with
/// the flag None (so that the graph it trains and runs follows each step's own flag), and checks
/// the positional arguments as Keras 3 would see them: an argument written as the bare name
/// `training`, or as a name the flag was handed to (`flagNames`), stands for the step's flag while
/// the step is traced.
struct Keras3StepTrace {
  /// The step's flag: True for `fit`, False for `evaluate` and `predict`.
  var training: Bool
  /// The batch size the step was traced on (`predict` traces on its first batch), or nil for an
  /// unknown batch axis (`fit` and `evaluate` trace on the data set's element spec).
  var batch: Int?

  /// Runs `body` (the trace of `call` for a step `name`) with the step's flag noted in the
  /// session, when Keras 3 passes one to `call`. tf-keras runs the step in a call context of its
  /// flag, which a custom layer's `call` not given `training` takes rather than its default
  /// (`call(self, x, training=False)` trains in `fit`): the context None stands for it.
  static func tracing<T>(
    _ name: String, of type: PythonClass, batch: Int?, interpreter: Interpreter,
    _ body: () throws(CellError) -> T
  ) throws(CellError) -> T {
    let session = interpreter.session
    if interpreter.kerasVersion == .keras2, session.callContextTraining == nil {
      session.callContextTraining = Value.none
      defer { session.callContextTraining = nil }
      return try body()
    }
    guard interpreter.kerasVersion == .keras3,
      let function = KerasSubclassing.callFunction(of: type),
      function.parameters.contains(where: { $0.name == "training" })
    else { return try body() }
    let outer = session.keras3StepTrace
    session.keras3StepTrace = Keras3StepTrace(training: name == "fit", batch: batch)
    defer { session.keras3StepTrace = outer }
    return try body()
  }

  /// The batch axis of the element spec Keras 3's `fit` and `evaluate` trace their step on for
  /// NumPy data (`ArrayDataAdapter`: batches of indices reshaped to whole batches, a partial batch
  /// concatenated after them): the batch size when the samples left after `validation_split`
  /// (`train_validation_split`) fill whole batches, else unknown. `batchSize`: the call's
  /// `batch_size` (without one, `steps_per_epoch` / `steps` decide it, else 32).
  static func specBatch(samples: Int, batchSize: Value?, keywords: [(String, Value)]) -> Int? {
    func number(_ name: String) -> Double? {
      switch keywords.first(where: { $0.0 == name })?.1 {
      case .int(let value)?: return Double(value)
      case .float(let value)?: return value
      default: return nil
      }
    }
    var samples = samples
    if let split = number("validation_split"), split != 0,
      keywords.first(where: { $0.0 == "validation_data" })?.1.isNone ?? true
    {
      guard split > 0, split < 1 else { return nil }
      samples = Int((Double(samples) * (1.0 - split)).rounded(.down))
    }
    var size = 32
    if case .int(let given)? = batchSize, given > 0 {
      size = given
    } else if let steps = number("steps_per_epoch") ?? number("steps"), steps >= 1 {
      size = Int((Double(samples) / steps.rounded(.down)).rounded(.up))
    }
    guard samples > 0, size > 0, samples % size == 0 else { return nil }
    return size
  }

  /// Whether Keras 3 traces a custom layer's `call` now (a step's, or one on Keras tensors or
  /// data), where the names holding the flag are followed.
  private static func followsFlag(_ interpreter: Interpreter) -> Bool {
    interpreter.kerasVersion == .keras3
      && (interpreter.session.keras3StepTrace != nil || interpreter.session.lambdaTracingDepth > 0)
  }

  /// Whether the bare name `name` holds the flag in the running function: `training`, or a name
  /// the flag was handed to there.
  static func holdsFlag(_ name: String, interpreter: Interpreter) -> Bool {
    name == "training" || interpreter.scope?.trainingFlagNames.contains(name) == true
  }

  /// The parameters of `function`, called at `site` while a call is traced, that the caller hands
  /// the flag to: those its arguments written as a name holding the flag bind
  /// (`self.block(x, is_training=training)`, `conv_bn(x, train)`). `positionalCount`: the
  /// positional values bound, the receiver of a method among them. Nil outside a trace.
  static func flagNames(
    of function: UserFunction, positionalCount: Int, site: CallSite, interpreter: Interpreter
  ) -> Set<String>? {
    guard followsFlag(interpreter) else { return nil }
    var names: Set<String> = []
    let written = site.arguments.filter { $0.kind == .positional }
    let parameters = function.parameters.filter { $0.kind == .positional }
    let offset = positionalCount - written.count
    for argument in site.arguments {
      guard case .name(let given) = argument.value.kind, holdsFlag(given, interpreter: interpreter)
      else { continue }
      switch argument.kind {
      case .keyword(let label):
        if function.parameters.contains(where: { $0.name == label && $0.kind != .variadic }) {
          names.insert(label)
        }
      case .positional:
        guard offset >= 0, let index = written.firstIndex(of: argument),
          parameters.indices.contains(offset + index)
        else { continue }
        names.insert(parameters[offset + index].name)
      case .unpackedIterable, .unpackedMapping: return nil
      }
    }
    return names
  }

  /// Follows the flag through an assignment while a call is traced: `flag = training` binds a
  /// name holding it; any other value unbinds one.
  static func noteAssignment(
    _ targets: [Expression], _ value: Expression, interpreter: Interpreter
  ) {
    guard followsFlag(interpreter), let scope = interpreter.scope else { return }
    var holds = false
    if case .name(let given) = value.kind { holds = holdsFlag(given, interpreter: interpreter) }
    for target in targets {
      guard case .name(let name) = target.kind else { continue }
      if holds {
        scope.trainingFlagNames.insert(name)
      } else {
        scope.trainingFlagNames.remove(name)
      }
    }
  }

  /// What a call handing on the flag calls (`checked`): a layer, which checks that its positional
  /// arguments are tensors; one of Keras 3's preprocessing layers, which takes other values; a
  /// functional model, which takes the flag second.
  enum Callee {
    case layer, dataLayer, functionalModel
  }

  /// Where a `call` traced without a step's flag handed it on positionally (`checked`): what
  /// Keras 3's error in a step names.
  struct HandedFlag {
    /// The call of the layer that gets the flag.
    var range: SourceRange
    /// The function it is made in, and the calls that led there since the trace began
    /// (`Interpreter.traceFrames`: the first one is the call that began the trace).
    var function: String
    var frames: [TracebackFrame]
    /// The custom layer's `call`, the values its parameters held and those that hold the flag
    /// (which Keras 3's step gives them).
    var call: UserFunction
    var arguments: [(String, Value)]
    var flagParameters: Set<String>
    /// Whether the flag goes to a functional model, whose `call` takes it but gets it again as a
    /// keyword (a TypeError inside, which ConvBook refuses), where a layer checks its positional
    /// arguments.
    var toFunctionalModel: Bool
  }

  /// `positional` as Keras 3's check sees it while a step is traced: an argument written as a
  /// bare name holding the flag (`holdsFlag`) is the step's flag. Unchanged outside a step's
  /// trace, or where the call's arguments do not line up with what the call site wrote (an
  /// unpacked `*args`). Outside a step, a Keras 3 trace that hands `training` on so marks the
  /// custom layer whose method runs (`self`), whose steps then fail (`error`); not where the
  /// layer called takes other values positionally (`callee`, Keras 3's preprocessing layers).
  static func checked(
    _ positional: [Value], site: CallSite, interpreter: Interpreter, callee: Callee = .layer
  ) -> [Value] {
    let session = interpreter.session
    guard interpreter.kerasVersion == .keras3 else { return positional }
    let written = site.arguments.filter {
      if case .positional = $0.kind { true } else { false }
    }
    guard written.count == positional.count,
      written.count == site.arguments.filter({ $0.label == nil }).count,
      let index = written.firstIndex(where: {
        if case .name(let name) = $0.value.kind {
          holdsFlag(name, interpreter: interpreter)
        } else {
          false
        }
      })
    else { return positional }
    guard let step = session.keras3StepTrace else {
      if session.lambdaTracingDepth > 0, positional[index].isNone, callee != .dataLayer,
        let scope = interpreter.scope, case .instance(let owner)? = scope.names["self"],
        let state = owner.layerState, state.handsFlagOn == nil,
        let call = KerasSubclassing.callFunction(of: owner.type)
      {
        let parameters = call.parameters.dropFirst().map(\.name)
        state.handsFlagOn = HandedFlag(
          range: site.range, function: interpreter.functionName ?? "call",
          frames: interpreter.traceFrames, call: call,
          arguments: parameters.map { ($0, scope.names[$0] ?? .none) },
          flagParameters: Set(parameters.filter { holdsFlag($0, interpreter: interpreter) }),
          toFunctionalModel: callee == .functionalModel)
      }
      return positional
    }
    return zip(positional, written).map { value, argument in
      if case .name(let name) = argument.value.kind, holdsFlag(name, interpreter: interpreter) {
        return .bool(step.training)
      }
      return value
    }
  }

  /// Keras 3's error in `fit`, `evaluate` or `predict` (`name`, called with `positional` and
  /// `keywords`) of `model` when a custom layer in it (or the subclassed model itself) hands
  /// `training` on positionally: traced before without the flag, ConvBook would run the step where
  /// Keras 3 runs `call` again with it and fails. The step's own trace would raise the error from
  /// the frames that trace went through, which the earlier trace kept (`HandedFlag`); for data
  /// other than a NumPy array (whose batch the error shows), ConvBook's refusal.
  static func error(
    _ name: String, of model: KerasModel, positional: [Value], keywords: [(String, Value)],
    interpreter: Interpreter, site: CallSite
  ) -> CellError? {
    guard interpreter.kerasVersion == .keras3 else { return nil }
    let session = interpreter.session
    var seen: Set<ObjectIdentifier> = []
    func marked(_ instance: PythonInstance, depth: Int) -> (PythonInstance, HandedFlag)? {
      guard depth < 32, seen.insert(ObjectIdentifier(instance)).inserted else { return nil }
      if let handed = instance.layerState?.handsFlagOn { return (instance, handed) }
      for value in KerasSubclassing.trackedLayers(of: instance, session: session) {
        if case .instance(let held) = value, let found = marked(held, depth: depth + 1) {
          return found
        }
      }
      return nil
    }
    // The layers of the model and of the models nested in it, those models too (a custom layer
    // is one).
    func everyLayer(_ model: KerasModel, depth: Int) -> [LayerInstance] {
      guard depth < 32 else { return [] }
      return model.layers.flatMap { layer in
        [layer] + (layer.model.map { everyLayer($0, depth: depth + 1) } ?? [])
      }
    }
    let owners =
      [session.customLayers[ObjectIdentifier(model)]]
      + everyLayer(model, depth: 0).map { session.customLayers[ObjectIdentifier($0)] }
    for case let owner? in owners {
      guard let (instance, handed) = marked(owner, depth: 0) else { continue }
      let training = name == "fit"
      guard let batch = stepBatch(name, positional: positional, keywords: keywords),
        !handed.toFunctionalModel
      else {
        return .unsupported(
          "ConvBook does not support Keras 3's \(name)() on this data of a model whose \(instance.type.name).call() hands `training` on positionally (line \(handed.range.start.line)) once ConvBook traced it without the flag: Keras 3 runs call() with training=\(training ? "True" : "False") there and fails its check that positional arguments are tensors; pass training=training by keyword",
          at: site.range)
      }
      let className = instance.type.name
      let outer = session.keras3StepTrace
      session.keras3StepTrace = Keras3StepTrace(training: training, batch: batch.size)
      defer { session.keras3StepTrace = outer }
      let arguments = handed.arguments.map { parameter, value in
        (parameter, handed.flagParameters.contains(parameter) ? .bool(training) : value)
      }
      let lines = EagerCalls.argumentLines(
        of: handed.call, positional: [], keywords: arguments, batch: batch.size,
        interpreter: interpreter)
      var error = CellError(
        type: "ValueError",
        message:
          "Exception encountered when calling \(className).call().\n\n\u{1B}[1mOnly input tensors may be passed as positional arguments. The following argument value should be passed as a keyword argument: \(training ? "True" : "False") (of type <class 'bool'>)\u{1B}[0m\n\nArguments received by \(className).call():\n"
          + lines.joined(separator: "\n"),
        range: handed.range)
      error.function = handed.function
      error.callers =
        [TracebackFrame(range: site.range, function: interpreter.functionName ?? "<module>")]
        + handed.frames.dropFirst()
      return error
    }
    return nil
  }

  /// The batch a step is traced on: its size, nil for an unknown batch axis.
  struct StepBatch {
    var size: Int?
  }

  /// The batch a step of `name` is traced on for NumPy data `x` (`positional[0]` or `x=`):
  /// `predict` traces on its first batch, taken eagerly, `fit` and `evaluate` on the data set's
  /// element spec (`specBatch`). Nil for other data.
  static func stepBatch(_ name: String, positional: [Value], keywords: [(String, Value)])
    -> StepBatch?
  {
    let data = positional.first ?? keywords.first { $0.0 == "x" }?.1
    guard case .array(let array)? = data, !array.shape.isEmpty else { return nil }
    // `predict(x, batch_size)`; `fit(x, y, batch_size)`, `evaluate(x, y, batch_size)`.
    let batchIndex = name == "predict" ? 1 : 2
    let batchSize =
      positional.count > batchIndex
      ? positional[batchIndex] : keywords.first { $0.0 == "batch_size" }?.1
    if name == "predict" {
      guard array.shape[0] > 0 else { return StepBatch(size: nil) }
      var size = 32
      if case .int(let value)? = batchSize, value > 0 { size = value }
      return StepBatch(size: min(size, array.shape[0]))
    }
    return StepBatch(
      size: specBatch(samples: array.shape[0], batchSize: batchSize, keywords: keywords))
  }

  /// The keywords Keras 3's "Arguments received by" lines show for a `call` traced in a step:
  /// `training` is the step's flag unless the caller gave it (`given`), and so is a keyword the
  /// caller wrote at `site` as a name holding the flag (`is_training=training`).
  static func shownKeywords(
    _ keywords: [(String, Value)], given: [(String, Value)], of type: PythonClass,
    site: CallSite? = nil, interpreter: Interpreter
  ) -> [(String, Value)] {
    guard let step = interpreter.session.keras3StepTrace else { return keywords }
    var shown = keywords
    if let site {
      for argument in site.arguments {
        guard case .keyword(let label) = argument.kind, case .name(let name) = argument.value.kind,
          holdsFlag(name, interpreter: interpreter),
          let index = shown.firstIndex(where: { $0.0 == label })
        else { continue }
        shown[index].1 = .bool(step.training)
      }
    }
    guard !given.contains(where: { $0.0 == "training" }),
      let function = KerasSubclassing.callFunction(of: type),
      function.parameters.contains(where: { $0.name == "training" })
    else { return shown }
    return shown.filter { $0.0 != "training" } + [("training", .bool(step.training))]
  }
}
