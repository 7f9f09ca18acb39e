import CNNEngine

/// `keras.models.clone_model(model)` of a Sequential model: a new model of the same name whose
/// layers are new objects made from each layer's config (`layer.__class__.from_config(
/// layer.get_config())`, so they keep their names and take no number of the session), with new,
/// freshly initialised weights. A model with an input layer gets a new `Input` of the same name
/// and batch shape (Keras 3 names its tensor after it). Both Keras versions do this (measured with
/// tf-keras 2.21 and Keras 3.15, `Tests/Fixtures/scripts/672-*`). Functional models (tf-keras
/// keeps their names, Keras 3 renames the model and its inputs after their tensors), layers whose
/// config holds a Python function (`Lambda`), custom layers, nested models, `input_tensors=` and
/// `clone_function=` are ConvBook's limitation.
enum ModelCloning {
  static func clone(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let parameters = ["model", "input_tensors", "clone_function"]
    var given: [String: Value] = [:]
    for (index, value) in positional.enumerated() {
      guard index < parameters.count else {
        throw CellError(
          type: "TypeError",
          message:
            "clone_model() takes from 1 to 3 positional arguments but \(positional.count) were given",
          range: site.range)
      }
      given[parameters[index]] = value
    }
    for (label, value) in keywords {
      guard parameters.contains(label) || interpreter.kerasVersion == .keras3 else {
        throw CellError(
          type: "TypeError",
          message: "clone_model() got an unexpected keyword argument '\(label)'", range: site.range)
      }
      given[label] = value
    }
    for (label, value) in given where label != "model" {
      if case .none = value { continue }
      throw .unsupported(
        "ConvBook does not support `clone_model(\(label)=...)` yet", at: site.range)
    }
    guard let modelValue = given["model"] else {
      throw CellError(
        type: "TypeError", message: "clone_model() missing 1 required positional argument: 'model'",
        range: site.range)
    }
    guard case .model(let model) = modelValue,
      interpreter.session.customLayers[ObjectIdentifier(model)] == nil
    else {
      throw .unsupported(
        "ConvBook does not support `clone_model` of \(describe(modelValue)) yet", at: site.range)
    }
    let copy: KerasModel
    if model.kind == .functional {
      copy = try functional(model, site: site, interpreter: interpreter)
    } else {
      copy = try sequential(model, site: site, interpreter: interpreter)
    }
    // Keras 3 compiles the clone of a compiled model as the model was (`compile_from_config`).
    if interpreter.kerasVersion == .keras3, let compiled = model.compileArguments {
      copy.compileArguments = compiled
    }
    return .model(copy)
  }

  /// A copy of a layer as `layer.__class__.from_config(layer.get_config())` makes it, or
  /// ConvBook's refusal for a layer it cannot copy so.
  private static func copied(
    _ instance: LayerInstance, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> LayerInstance {
    guard instance.model == nil,
      interpreter.session.customLayers[ObjectIdentifier(instance)] == nil,
      interpreter.session.lambdaFunctions[ObjectIdentifier(instance)] == nil,
      !(instance.layer is Lambda), !(instance.layer is any TensorOperationLayer),
      !(instance.layer is any MultiOutputLayer), !(instance.layer is any AttentionLayer),
      let layer = instance.remadeFromConfig(
        keepsDeclaredInputShape: interpreter.kerasVersion == .keras2)
    else {
      throw .unsupported(
        "ConvBook does not support `clone_model` of a model with the layer \(instance.name) (\(instance.className)) yet",
        at: site.range)
    }
    return layer
  }

  /// tf-keras and Keras 3 alike: `Sequential([Input(batch_shape, name=<input layer>)] +
  /// copies, name=model.name)`.
  private static func sequential(
    _ model: KerasModel, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> KerasModel {
    let copy = KerasModel(name: model.name, names: interpreter.kerasNames)
    copy.trainable = model.trainable
    if let input = model.inputLayer, !model.layers.isEmpty || model.isBuilt {
      var layer = InputLayer(
        name: input.name, batchInputShape: input.batchInputShape,
        arguments: LayerArguments(className: "InputLayer", values: [:]))
      // Keras 3's `Input(name=...)` names its tensor after the layer.
      if interpreter.kerasVersion == .keras3 { layer.tensorName = input.name }
      do { try copy.add(input: KerasTensor(input: layer)) } catch {
        throw Calls.keras(error, at: site.range)
      }
    }
    for instance in model.layers {
      let layer = try copied(instance, site: site, interpreter: interpreter)
      try Calls.add(.layer(layer), to: copy, range: site.range, interpreter: interpreter)
    }
    copy.noteRebuilt()
    return copy
  }

  /// A functional model: new inputs (tf-keras names them as the input layers, Keras 3 as the input
  /// tensors), each call made again on them with a copy of its layer (one copy per layer, shared
  /// by its calls), and `Model(inputs, outputs, name=model.name)`.
  private static func functional(
    _ model: KerasModel, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> KerasModel {
    let keras3 = interpreter.kerasVersion == .keras3
    guard let chain = model.tensors else {
      throw .unsupported(
        "ConvBook does not support `clone_model` of an unbuilt model yet", at: site.range)
    }
    let inputs = model.graph?.inputs ?? [chain[0]]
    let outputs = model.graph?.outputs ?? [chain[chain.count - 1]]
    var mapped: [ObjectIdentifier: Value] = [:]
    var newInputs: [Value] = []
    for tensor in inputs {
      guard let input = tensor.producer.layer as? InputLayer else {
        throw .unsupported(
          "ConvBook does not support `clone_model` of this model yet", at: site.range)
      }
      let name = keras3 ? (tensor.keras3Name ?? input.name) : input.name
      var layer = InputLayer(
        name: name, batchInputShape: input.batchInputShape,
        arguments: LayerArguments(className: "InputLayer", values: [:]))
      if keras3 { layer.tensorName = name }
      let value = Value.kerasTensor(KerasTensor(input: layer))
      mapped[ObjectIdentifier(tensor)] = value
      newInputs.append(value)
    }
    var copies: [ObjectIdentifier: LayerInstance] = [:]
    // Calls in a topological order (an explicit stack: chains may be long).
    var stack: [(tensor: KerasTensor, expanded: Bool)] = outputs.reversed().map { ($0, false) }
    while let (tensor, expanded) = stack.popLast() {
      if mapped[ObjectIdentifier(tensor)] != nil { continue }
      let node = tensor.node
      let arguments = Array(node.dataInputs)
      if node.isInput || arguments.isEmpty {
        throw .unsupported(
          "ConvBook does not support `clone_model` of this model yet", at: site.range)
      }
      if !expanded {
        stack.append((tensor, true))
        for input in arguments.reversed() where mapped[ObjectIdentifier(input)] == nil {
          stack.append((input, false))
        }
        continue
      }
      let original = node.producer
      let layer: LayerInstance
      if let known = copies[ObjectIdentifier(original)] {
        layer = known
      } else {
        layer = try copied(original, site: site, interpreter: interpreter)
        copies[ObjectIdentifier(original)] = layer
      }
      var values: [Value] = []
      for input in arguments {
        guard let value = mapped[ObjectIdentifier(input)] else {
          throw .unsupported(
            "ConvBook does not support `clone_model` of this model yet", at: site.range)
        }
        values.append(value)
      }
      let argument: Value
      if original.layer is any MultiInputLayer {
        argument = .list(PythonList(values))
      } else if values.count == 1 {
        argument = values[0]
      } else {
        throw .unsupported(
          "ConvBook does not support `clone_model` of a model with the layer \(original.name) (\(original.className)) yet",
          at: site.range)
      }
      mapped[ObjectIdentifier(tensor)] = try Calls.call(
        .layer(layer), positional: [argument], keywords: [], site: site, interpreter: interpreter)
    }
    var newOutputs: [Value] = []
    for tensor in outputs {
      guard let value = mapped[ObjectIdentifier(tensor)] else {
        throw .unsupported(
          "ConvBook does not support `clone_model` of this model yet", at: site.range)
      }
      newOutputs.append(value)
    }
    let made = try Calls.call(
      .function(Callable(.modelClass, path: "keras.models.Model")),
      positional: [
        newInputs.count == 1 ? newInputs[0] : .list(PythonList(newInputs)),
        newOutputs.count == 1 ? newOutputs[0] : .list(PythonList(newOutputs)),
      ],
      keywords: [("name", .string(model.name))], site: site, interpreter: interpreter)
    guard case .model(let copy) = made else {
      throw .unsupported(
        "ConvBook does not support `clone_model` of this model yet", at: site.range)
    }
    return copy
  }

  private static func describe(_ value: Value) -> String {
    switch value {
    case .model(let model): return "a \(model.className) model"
    case .instance(let object): return "a \(object.type.name) model"
    default: return value.typeName
    }
  }
}
