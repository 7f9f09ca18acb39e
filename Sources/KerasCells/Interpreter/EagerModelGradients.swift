import CNNEngine

/// `tf.GradientTape` over calls of models on eager data (`predictions = self.discriminator(x)`
/// inside a `with tf.GradientTape() as tape:` block): while a tape records, a model call runs
/// forward through the engine's trainer (`TapeCall`: the same forward pass `fit` runs, in training
/// mode when the call says `training=True`) and is recorded as one operation whose inputs are the
/// data and the model's trainable weights. Its backward rule is the engine's backward pass, which
/// gives the weights' gradients (for `tape.gradient(loss, model.trainable_weights)`) and the
/// data's (a generator's images going into a discriminator). TensorFlow watches the trainable
/// variables a tape sees read, so every recording tape records the call.
extension EagerGradients {
  /// `model(x)` recorded on the active tapes: its outputs in `model.outputs` order (each one
  /// recorded operation, whose backward pass gives that output's share of the gradients); nil
  /// when no tape records (the plain forward pass runs then).
  static func modelCall(
    _ model: KerasModel, on array: NDArray, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> [Value]? {
    let session = interpreter.session
    let tapes = session.eagerTapes
    guard !tapes.active.isEmpty else { return nil }
    let variables = model.trainableVariables
    let inputID = array.traceID
    guard
      !variables.isEmpty
        || tapes.active.contains(where: {
          $0.produced.contains(inputID ?? -1) || $0.watched.contains(inputID ?? -1)
        })
    else { return nil }
    let training = session.callContextTraining?.isTruthy ?? false
    let call = try tapeCall(
      model, on: array, training: training, stream: "tape/\(model.name)/\(tapes.newID())",
      failure: "ConvBook cannot record the call of \(model.name) on a GradientTape",
      site: site, session: session, inGraph: inGraph(interpreter))
    if training { keepStatistics(of: model, after: call, session: session) }
    for output in call.outputs {
      try interpreter.budget.allocate(count: output.count, size: 4, at: site.range)
    }
    // The weights' identities, which `tape.gradient(loss, model.trainable_weights)` looks up.
    var weightIDs: [Int] = []
    let owners = Dictionary(
      model.flattenedLayers.flatMap { layer in layer.variables.map { ($0.name, layer) } },
      uniquingKeysWith: { first, _ in first })
    for variable in variables {
      let id = tapes.variableIDs[variable.name] ?? tapes.newID()
      tapes.variableIDs[variable.name] = id
      tapes.variableOwners[variable.name] = owners[variable.name]
      weightIDs.append(id)
    }
    let names = variables.map(\.name)
    let count = call.outputs.count
    // The backward rule of output `index` (of its cached logits where `ofLogits`).
    func rule(_ index: Int, ofLogits: Bool, id: Int) -> Backward {
      return { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        // A tape still recording that recorded this call would need the backward pass itself
        // differentiated (a gradient penalty): ConvBook's engine has no such rule.
        if i.session.eagerTapes.active.contains(where: { $0.produced.contains(id) }) {
          throw .unsupported(
            "ConvBook does not compute second derivatives through a model call (a gradient taken inside another GradientTape that recorded the call) yet",
            at: r)
        }
        guard let upstream = EagerTensors.operand(g) else { return [] }
        var gradients = [Tensor?](repeating: nil, count: count)
        gradients[index] = upstream.tensor
        var logits = [Bool](repeating: false, count: count)
        logits[index] = ofLogits
        let result: (weights: [(name: String, gradient: Tensor)], inputs: [Tensor?])
        do throws(TrainingError) {
          result = try call.backward(outputGradients: gradients, ofLogits: logits)
        } catch {
          throw .unsupported(
            "ConvBook cannot compute the gradient through \(model.name): \(error.message)", at: r)
        }
        let byName = Dictionary(
          result.weights.map { ($0.name, $0.gradient) }, uniquingKeysWith: { first, _ in first })
        var parts: [Value?] = [result.inputs.first.flatMap { $0 }.map(EagerTensors.value)]
        for name in names { parts.append(byName[name].map(EagerTensors.value)) }
        return parts
      }
    }
    func record(_ id: Int, backward: @escaping Backward) {
      for tape in tapes.active {
        tape.produced.insert(id)
        tape.nodes.append(
          GradientTape.Node(output: id, inputs: [inputID] + weightIDs, backward: backward))
        for weight in weightIDs { tape.watched.insert(weight) }
      }
    }
    // tf-keras' dropout masks (and any noise layer's draws) in training mode: TensorFlow's
    // stateful generator, which ConvBook does not reproduce (Keras 3's SeedGenerator it does).
    let own = training && TrainingCalls.ownRandomness(model)
    func ownDraws(_ value: Value) throws(CellError) -> Value {
      guard own else { return value }
      return try OwnDraws.mark(
        value, refusingText: true, range: site.range, training: session.training)
    }
    let graph = inGraph(interpreter)
    var results: [Value] = []
    for (index, tensor) in call.outputs.enumerated() {
      guard case .array(var output) = EagerTensors.value(tensor) else { continue }
      let id = tapes.newID()
      output.traceID = id
      record(id, backward: rule(index, ofLogits: false, id: id))
      // In a graph, Keras' softmax or sigmoid caches its logits on the output: a crossentropy
      // reads them (`EagerLosses`), and its gradient goes back from them.
      if graph, let logits = call.cachedLogits(ofOutput: index),
        case .array(var cached) = EagerTensors.value(logits)
      {
        let logitsID = tapes.newID()
        cached.traceID = logitsID
        record(logitsID, backward: rule(index, ofLogits: true, id: logitsID))
        if case .array(let marked) = try ownDraws(.array(cached)) {
          tapes.cachedLogits[id] = marked
        }
      }
      results.append(try ownDraws(.array(output)))
    }
    return results
  }

  /// Whether the code runs in a graph TensorFlow traces (a `tf.function`, or a model's own
  /// `train_step` under `fit` unless compiled with `run_eagerly=True`), where Keras' softmax and
  /// sigmoid cache their logits on their outputs (`_keras_logits`); eager tensors hold none.
  static func inGraph(_ interpreter: Interpreter) -> Bool {
    let tapes = interpreter.session.eagerTapes
    if tapes.functionsRunEagerly { return false }
    if interpreter.tfFunctionDepth > 0 { return true }
    guard let model = tapes.stepModel else { return false }
    let eagerly = model.layerState?.compileCall?.keywords.first { $0.0 == "run_eagerly" }?.1
    return !(eagerly?.isTruthy ?? false)
  }

  /// A layer called on data while a tape records (`self.dense(x)` outside any model): recorded
  /// with its data and weights as inputs but without a backward rule, so that a gradient through
  /// it is refused by name rather than missing.
  static func layerCall(
    _ layer: LayerInstance, on array: NDArray, result: Value, interpreter: Interpreter
  ) -> Value {
    let tapes = interpreter.session.eagerTapes
    guard !tapes.active.isEmpty, case .array(var output) = result else { return result }
    var inputs: [Int?] = [array.traceID]
    for variable in layer.trainableVariables {
      let id = tapes.variableIDs[variable.name] ?? tapes.newID()
      tapes.variableIDs[variable.name] = id
      tapes.variableOwners[variable.name] = layer
      inputs.append(id)
    }
    guard
      inputs.count > 1
        || tapes.active.contains(where: { $0.follows(array.traceID, interpreter: interpreter) })
    else { return result }
    let id = tapes.newID()
    output.traceID = id
    let name = layer.name
    for tape in tapes.active {
      tape.produced.insert(id)
      tape.nodes.append(
        GradientTape.Node(
          output: id, inputs: inputs,
          backward: { (_: Value, _: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
            throw .unsupported(
              "ConvBook does not compute gradients through the layer \(name) called on its own on data yet; call it inside a model (keras.Sequential or a subclassed model's call)",
              at: r)
          }))
      for weight in inputs.dropFirst() { if let weight { tape.watched.insert(weight) } }
    }
    return .array(output)
  }

  /// A call in training mode moved the moving statistics of its BatchNormalization layers: the
  /// layers keep them, as Keras' variables do.
  /// `model(x, training=True)` outside any tape, for a model whose layers compute otherwise in
  /// training: its trainable BatchNormalization layers normalize with the batch's statistics and
  /// move their moving ones (as `fit` does, `TapeCall`), and the outputs of a model with layers
  /// that draw in training (Dropout, GaussianNoise, ...) are ConvBook's own draws. Nil where the
  /// call is not in training mode or no layer computes otherwise.
  static func trainingCall(
    _ model: KerasModel, on array: NDArray, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> [Value]? {
    let session = interpreter.session
    guard session.callContextTraining?.isTruthy == true else { return nil }
    let layers = model.flattenedLayers
    let draws = layers.contains(where: \.drawsInTraining)
    let normalizes = layers.contains { $0.layer is BatchNormalization && $0.trainable }
    guard draws || normalizes else { return nil }
    let call = try tapeCall(
      model, on: array, training: true,
      stream: "call/\(model.name)/\(session.training.clock)",
      failure: "ConvBook cannot run \(model.name) in training mode on this data",
      site: site, session: session, inGraph: inGraph(interpreter))
    if normalizes { keepStatistics(of: model, after: call, session: session) }
    var results: [Value] = []
    for tensor in call.outputs {
      try interpreter.budget.allocate(count: tensor.count, size: 4, at: site.range)
      var value = EagerTensors.value(tensor)
      if draws {
        value = try OwnDraws.mark(
          value, refusingText: true, range: site.range, training: session.training)
      }
      results.append(value)
    }
    return results
  }

  /// `model` run on `array` by the engine's trainer (`TapeCall`), its dropout drawn from the
  /// generator stream `stream`, in a graph where `inGraph`; a failure refused as `failure: why`.
  private static func tapeCall(
    _ model: KerasModel, on array: NDArray, training: Bool, stream: String,
    failure: String, site: CallSite, session: KerasSession, inGraph: Bool
  ) throws(CellError) -> TapeCall {
    let memory = session.limits.modelMemoryBudget
    do {
      let weights = try session.training.runningWeights(of: model, memoryBudget: memory)
      var generator = SeededGenerator(seed: session.training.seed, stream: stream)
      return try TapeCall(
        model: model, weights: weights, inputs: [array.tensor], training: training,
        keras3: session.kerasVersion == .keras3, inGraph: inGraph, engine: session.engine,
        generator: &generator, memoryBudget: memory)
    } catch let error as TrainingError {
      if error.kind == .stopped { throw .unsupported(error.message, at: site.range) }
      throw .unsupported("\(failure): \(error.message)", at: site.range)
    } catch let error as ForwardError {
      throw .unsupported(error.message, at: site.range)
    } catch {
      throw .unsupported("\(error)", at: site.range)
    }
  }

  private static func keepStatistics(
    of model: KerasModel, after call: TapeCall, session: KerasSession
  ) {
    let training = session.training
    let weights = call.weights
    for layer in model.flattenedLayers where !layer.nonTrainableVariables.isEmpty {
      var values: [String: Tensor] = [:]
      for variable in layer.variables { values[variable.name] = weights[variable.name] }
      training.clock += 1
      training.layerValues[ObjectIdentifier(layer)] = (layer, values, training.clock)
      training.mark(
        layer, Array(values.keys),
        known: !training.ownValuesRead,
        own: training.ownDrawn(model))
    }
  }
}
