import CNNEngine

/// `keras.Model.from_config(config)` and `keras.models.model_from_json(text)` of a functional
/// model's config (`FunctionalConfig`): each layer made again from its entry (a nested model from
/// its own config), then each layer called, in the order of its `inbound_nodes`, on the tensors
/// its calls name once they exist (Keras' `reconstruct_from_config` queue), and
/// `Model(input_layers, output_layers, name=...)`. A call's `training` keyword is passed on;
/// masks, custom layers and what `ModelConfig.layer` cannot make are ConvBook's limitation.
enum FunctionalFromConfig {
  static func model(from config: Value, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let keras3 = interpreter.kerasVersion == .keras3
    func refuse(_ what: String) -> CellError {
      .unsupported("ConvBook's Model.from_config() \(what)", at: site.range)
    }
    guard case .dictionary(let dict) = config,
      case .list(let entries)? = ModelConfig.item("layers", of: dict),
      let inputLayers = ModelConfig.item("input_layers", of: dict),
      let outputLayers = ModelConfig.item("output_layers", of: dict)
    else {
      throw refuse("makes functional models from the dict get_config() returns")
    }
    // Each layer, its calls still to make, and the outputs of the calls made, by config index.
    var layers: [(name: String, value: Value, nodes: [Value], made: [[KerasTensor]], skip: Int)] =
      []
    var byName: [String: Int] = [:]
    var inputs: [String: KerasTensor] = [:]
    for entry in entries.items {
      guard case .dictionary(let layerEntry) = entry,
        case .string(let className)? = ModelConfig.item("class_name", of: layerEntry),
        case .dictionary(let layerConfig)? = ModelConfig.item("config", of: layerEntry),
        case .string(let name)? = ModelConfig.item("name", of: layerEntry)
          ?? ModelConfig.item("name", of: layerConfig)
      else {
        throw refuse("takes Keras' layer entries")
      }
      let nodes = ModelConfig.item("inbound_nodes", of: layerEntry)?.sequenceItems ?? []
      let value: Value
      var skip = 0
      switch className {
      case "InputLayer":
        let shape =
          ModelConfig.item(keras3 ? "batch_shape" : "batch_input_shape", of: layerConfig)
          ?? ModelConfig.item("batch_input_shape", of: layerConfig) ?? .none
        var keywords: [(String, Value)] = [
          ("batch_shape", ModelConfig.tuples(shape)), ("name", .string(name)),
        ]
        if case .string(let dtype)? = ModelConfig.item("dtype", of: layerConfig), dtype != "float32"
        {
          keywords.append(("dtype", .string(dtype)))
        }
        value = try Calls.call(
          .function(Callable(.inputFunction, path: "keras.Input")), positional: [],
          keywords: keywords, site: site, interpreter: interpreter)
        if case .kerasTensor(let tensor) = value { inputs[name] = tensor }
      case "Functional", "Model":
        value = try model(
          from: .dictionary(layerConfig), site: site, interpreter: interpreter)
        skip = 1
      case "Sequential":
        value = try ModelConfig.sequential(
          from: .dictionary(layerConfig), site: site, interpreter: interpreter)
        if case .model(let made) = value, !keras3, made.inputLayer != nil { skip = 1 }
      default:
        value = try ModelConfig.layer(
          className, config: layerConfig, site: site, interpreter: interpreter)
      }
      byName[name] = layers.count
      layers.append((name, value, nodes, [], skip))
    }
    /// The tensor `[layer, node, tensor]` names, nil while its call is not made yet.
    func tensor(_ history: [Value], ends: Bool) throws(CellError) -> KerasTensor? {
      guard history.count >= 3, case .string(let name) = history[0],
        case .int(let node) = history[1], case .int(let index) = history[2],
        let position = byName[name]
      else {
        throw refuse("takes tensors named as [layer, node, tensor]")
      }
      if let input = inputs[name] { return node == 0 && index == 0 ? input : nil }
      let layer = layers[position]
      // tf-keras numbers a nested model's calls from 1 everywhere, Keras 3 a functional
      // model's in the model's outputs only.
      let offset =
        keras3 ? (ends && layer.skip == 1 && layer.value.isFunctional ? 1 : 0) : layer.skip
      let call = node - offset
      guard call >= 0, call < layer.made.count, index >= 0, index < layer.made[call].count else {
        return nil
      }
      return layer.made[call][index]
    }
    /// A call's arguments, or nil while a tensor it takes is not made yet.
    func arguments(_ node: Value) throws(CellError) -> (
      argument: Value, keywords: [(String, Value)]
    )? {
      var keywords: [(String, Value)] = []
      if keras3 {
        guard case .dictionary(let data) = node,
          let arguments = ModelConfig.item("args", of: data)?.sequenceItems, arguments.count == 1
        else {
          throw refuse("takes calls of one argument")
        }
        if case .dictionary(let given)? = ModelConfig.item("kwargs", of: data) {
          for (key, value) in given.pairs {
            switch (key, value) {
            case (.string("training"), _): keywords.append(("training", value))
            case (.string("mask"), .none): continue
            default:
              throw refuse(
                "does not pass the keyword argument \(PythonText.repr(key)) of a call yet")
            }
          }
        }
        func resolve(_ value: Value) throws(CellError) -> Value? {
          guard case .dictionary(let tensorEntry) = value,
            case .dictionary(let tensorConfig)? = ModelConfig.item("config", of: tensorEntry),
            let history = ModelConfig.item("keras_history", of: tensorConfig)?.sequenceItems
          else {
            throw refuse("takes the tensors Keras 3 serializes")
          }
          return try tensor(history, ends: false).map { .kerasTensor($0) }
        }
        if case .list(let list) = arguments[0] {
          var tensors: [Value] = []
          for item in list.items {
            guard let resolved = try resolve(item) else { return nil }
            tensors.append(resolved)
          }
          return (.list(PythonList(tensors)), keywords)
        }
        guard let resolved = try resolve(arguments[0]) else { return nil }
        return (resolved, keywords)
      }
      guard let items = node.sequenceItems, !items.isEmpty else {
        throw refuse("takes tf-keras' node lists")
      }
      var tensors: [Value] = []
      for item in items {
        guard let history = item.sequenceItems, history.count == 4 else {
          throw refuse("takes tf-keras' node lists")
        }
        if case .dictionary(let given) = history[3] {
          for (key, value) in given.pairs {
            guard case .string("training") = key else {
              throw refuse(
                "does not pass the keyword argument \(PythonText.repr(key)) of a call yet")
            }
            if !keywords.contains(where: { $0.0 == "training" }) {
              keywords.append(("training", value))
            }
          }
        }
        guard let found = try tensor(history, ends: false) else { return nil }
        tensors.append(.kerasTensor(found))
      }
      return (tensors.count == 1 ? tensors[0] : .list(PythonList(tensors)), keywords)
    }
    // Keras' queue: a layer's calls in order, each once the tensors it takes exist.
    var progress = true
    while progress {
      progress = false
      for position in layers.indices
      where layers[position].made.count < layers[position].nodes.count {
        while layers[position].made.count < layers[position].nodes.count {
          let node = layers[position].nodes[layers[position].made.count]
          guard var (argument, keywords) = try arguments(node) else { break }
          if case .layer(let instance) = layers[position].value,
            instance.layer is any MultiInputLayer,
            case .kerasTensor = argument
          {
            argument = .list(PythonList([argument]))
          }
          if case .model = layers[position].value {
            keywords = keywords.filter { $0.0 == "training" }
          }
          let result = try Calls.call(
            layers[position].value, positional: [argument], keywords: keywords, site: site,
            interpreter: interpreter)
          var outputs: [KerasTensor] = []
          if case .kerasTensor(let output) = result {
            outputs = [output]
          } else {
            for case .kerasTensor(let output) in result.sequenceItems ?? [] {
              outputs.append(output)
            }
          }
          layers[position].made.append(outputs)
          progress = true
        }
      }
    }
    guard layers.allSatisfy({ $0.made.count == $0.nodes.count }) else {
      throw refuse("could not connect every layer call of this config")
    }
    func ends(_ value: Value) throws(CellError) -> Value {
      // One `[layer, node, tensor]`, a list of them, or a dict of them.
      if case .dictionary(let dict) = value {
        var pairs: [(Value, Value)] = []
        for (key, item) in dict.pairs { pairs.append((key, try ends(item))) }
        return .dictionary(PythonDict(pairs))
      }
      guard let items = value.sequenceItems else {
        throw refuse("takes Keras' input and output lists")
      }
      if let first = items.first, case .string = first {
        guard let found = try tensor(items, ends: true) else {
          throw refuse("could not find a model input or output of this config")
        }
        return .kerasTensor(found)
      }
      var tensors: [Value] = []
      for item in items { tensors.append(try ends(item)) }
      return .list(PythonList(tensors))
    }
    var keywords: [(String, Value)] = []
    if let name = ModelConfig.item("name", of: dict) { keywords.append(("name", name)) }
    let made = try Calls.call(
      .function(Callable(.modelClass, path: "keras.models.Model")),
      positional: [try ends(inputLayers), try ends(outputLayers)], keywords: keywords, site: site,
      interpreter: interpreter)
    if case .model(let model) = made, case .bool(false)? = ModelConfig.item("trainable", of: dict) {
      model.trainable = false
    }
    // Keras 3 reads the config by popping its keys: the caller's dict is left empty.
    if keras3 { dict.pairs.removeAll() }
    return made
  }
}

extension Value {
  fileprivate var isFunctional: Bool {
    if case .model(let model) = self { return model.kind == .functional }
    return false
  }
}
