import CNNEngine

/// The symbolic tensors a layer or a model is connected to: `layer.input`, `layer.output`,
/// `model.input(s)`, `model.output(s)`. Both Kerases answer with a layer's first call (node 0);
/// they differ in their refusals and in what a model returns.
enum LayerConnections {
  /// `layer.input` / `layer.output`: the tensors of the layer's first call.
  static func layerTensor(
    _ name: String, of instance: LayerInstance, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let isOutput = name == "output"
    // A sublayer called only inside a custom layer's traced `call` has no node in Keras.
    guard instance.nodeCount > 0, !interpreter.session.kerasHasNoNode(for: instance) else {
      let message: String
      if interpreter.kerasVersion == .keras3 {
        message =
          "The layer \(instance.name) has never been called and thus has no defined \(name)."
      } else if isOutput {
        message = "Layer \(instance.name) has no inbound nodes."
      } else {
        message = "Layer \(instance.name) is not connected, no input to return."
      }
      throw CellError(type: "AttributeError", message: message, range: range)
    }
    guard let output = instance.outputTensor(node: 0), let inputs = instance.inputTensors(node: 0)
    else {
      throw .unsupported(
        "ConvBook does not keep the tensors of the first call of the layer \"\(instance.name)\"; use a layer of a model built on keras.Input",
        at: range)
    }
    if isOutput {
      // A call that returned several tensors (`return_state=True`): all of them, as it did.
      if let outputs = instance.outputTensors(node: 0), outputs.count > 1 {
        let values = outputs.map { Value.kerasTensor($0) }
        return instance.outputStructure(node: 0) == .tuple ? .tuple(values) : .list(values)
      }
      return .kerasTensor(output)
    }
    if instance.isInputLayer {
      // tf-keras' input layer's node takes its own tensor; Keras 3's takes nothing.
      return interpreter.kerasVersion == .keras3 ? .list([]) : .kerasTensor(output)
    }
    return tensorsValue(inputs, asList: instance.layer is any MultiInputLayer && inputs.count > 1)
  }

  /// One tensor alone, several (or a call on a list) as a list, as Keras' node attributes are.
  static func tensorsValue(_ tensors: [KerasTensor], asList: Bool) -> Value {
    if tensors.count == 1 && !asList { return .kerasTensor(tensors[0]) }
    return .list(tensors.map { .kerasTensor($0) })
  }

  /// `model.input`, `model.output`, `model.inputs`, `model.outputs`; nil where the model lacks them
  /// (the caller raises as before).
  static func modelTensors(
    _ name: String, of model: KerasModel, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let keras3 = interpreter.kerasVersion == .keras3
    let plural = name.hasSuffix("s")
    let inputSide = name.hasPrefix("in")
    if model.kind == .sequential {
      if keras3 && !plural {
        // Keras 3's Sequential is a layer here: its own first call, if it was called.
        if let called = model.calledAsLayer, called.nodeCount > 0 {
          return try layerTensor(name, of: called, range: range, interpreter: interpreter)
        }
        throw CellError(
          type: "AttributeError",
          message: "The layer \(model.name) has never been called and thus has no defined \(name).",
          range: range, suggestion: name + "s")
      }
      guard let tensors = model.tensors, !model.passesCallsThrough else {
        if keras3 {
          throw CellError(
            type: "AttributeError",
            message: "Sequential model '\(model.name)' has no defined \(name) yet.", range: range)
        }
        // tf-keras: an unbuilt Sequential model has `inputs`/`outputs` set to None; `input` and
        // `output` look for what only a built one has.
        if plural { return Value.none }
        throw CellError(
          type: "AttributeError",
          message:
            "'\(model.className)' object has no attribute '\(inputSide ? "_nested_inputs" : "_nested_outputs")'",
          range: range)
      }
      let tensor = inputSide ? tensors[0] : tensors[tensors.count - 1]
      return plural ? .list([.kerasTensor(tensor)]) : .kerasTensor(tensor)
    }
    let flat: [KerasTensor]
    if let graph = model.graph {
      flat = inputSide ? graph.inputs : graph.outputs
    } else if let tensors = model.tensors {
      flat = [inputSide ? tensors[0] : tensors[tensors.count - 1]]
    } else {
      return nil
    }
    if plural { return .list(flat.map { .kerasTensor($0) }) }
    // The structure `keras.Model(inputs=, outputs=)` was given: Keras 3 returns it as given,
    // tf-keras unwraps a list of one tensor.
    if let given = interpreter.session.modelStructures[ObjectIdentifier(model)] {
      let structure = inputSide ? given.inputs : given.outputs
      return rebuilt(structure, unwrapSingle: !keras3)
    }
    return tensorsValue(flat, asList: false)
  }

  /// `model.input_names` / `model.output_names`: the names of the layers that make the model's
  /// inputs or outputs, in the order of `model.inputs` / `model.outputs`; tf-keras makes output
  /// names unique (`dense`, `dense_1` for one tensor listed twice; Keras 3 repeats the name).
  /// None for a model that has no inputs yet (an unbuilt Sequential model).
  static func modelTensorNames(
    _ name: String, of model: KerasModel, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let tensorsName = name == "input_names" ? "inputs" : "outputs"
    guard
      case .list(let list)? = try modelTensors(
        tensorsName, of: model, range: range, interpreter: interpreter)
    else { return .none }
    var names: [String] = []
    var counts: [String: Int] = [:]
    for case .kerasTensor(let tensor) in list.items {
      let base = tensor.producer.name
      var proposal = base
      if tensorsName == "outputs" && interpreter.kerasVersion == .keras2 {
        while names.contains(proposal) {
          let count = counts[base, default: 1]
          proposal = "\(base)_\(count)"
          counts[base] = count + 1
        }
      }
      names.append(proposal)
    }
    return .list(names.map(Value.string))
  }

  /// A copy of the structure of tensors a model was given (new lists, the same tensors).
  private static func rebuilt(_ value: Value, unwrapSingle: Bool) -> Value {
    switch value {
    case .list(let list):
      if unwrapSingle, list.items.count == 1 { return list.items[0] }
      return .list(list.items)
    default: return value
    }
  }
}
