import CNNEngine

/// `model.get_config()` of a functional model (`keras.Model(inputs, outputs)`), as each Keras
/// writes it (measured with tf-keras 2.21 and Keras 3.15, `Tests/Fixtures/scripts/681-*`):
/// `{'name', 'trainable', 'layers': [...], 'input_layers', 'output_layers'}`. Each layer is its
/// serialized form (as in a Sequential config) plus `name` and `inbound_nodes`, one entry per
/// call of the layer inside this model:
/// - tf-keras: `[[layer, node, tensor, kwargs], ...]` per call, the node numbered among the calls
///   of that layer inside the model (a nested model's first call is 1: its own construction made
///   node 0); inputs and outputs as lists of `[layer, node, tensor]` (a dict of them for a dict);
/// - Keras 3: `{'args': (tensor,), 'kwargs': {...}}` per call, each tensor
///   `{'class_name': '__keras_tensor__', 'config': {'shape', 'dtype', 'keras_history'}}`, the
///   kwargs the call's `training` (given, else the default of the layer's `call`) and `mask`
///   (`KerasCallArguments`); one input or output is written bare, several as a list.
/// A nested model is written with its own config (`Functional` under
/// `tf_keras.src.engine.functional` / `keras.src.models.functional`, `Sequential` under `keras`).
/// Layers ConvBook cannot serialize (Lambda, custom layers), calls with masks, states or
/// attention arguments, and dict inputs of nested calls are ConvBook's limitation.
enum FunctionalConfig {
  /// The layers of `model` and its calls of each.
  struct Network {
    let layers: [LayerInstance]
    let nodes: Set<ObjectIdentifier>
    let inputs: [KerasTensor]
    let outputs: [KerasTensor]

    /// The calls of `layer` inside the model, in call order.
    func nodes(of layer: LayerInstance, in all: [LayerNode]) -> [LayerNode] {
      all.filter { $0.producer === layer }.sorted { $0.nodeIndex < $1.nodeIndex }
    }
  }

  static func network(of model: KerasModel) -> (Network, [LayerNode])? {
    let inputs: [KerasTensor]
    let outputs: [KerasTensor]
    let layers: [LayerInstance]
    if let graph = model.graph {
      (inputs, outputs) = (graph.inputs, graph.outputs)
      layers = graph.layers
    } else if let chain = model.tensors, let first = chain.first, let last = chain.last {
      (inputs, outputs) = ([first], [last])
      layers = model.layers
    } else {
      return nil
    }
    // Every call between the inputs and the outputs (an explicit stack: chains may be long).
    var seen = Set<ObjectIdentifier>()
    var nodes: [LayerNode] = []
    var stack = outputs.map(\.node)
    while let node = stack.popLast() {
      guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
      nodes.append(node)
      stack.append(contentsOf: node.inputs.map(\.node))
    }
    return (Network(layers: layers, nodes: seen, inputs: inputs, outputs: outputs), nodes)
  }

  static func config(of model: KerasModel, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    let keras3 = interpreter.kerasVersion == .keras3
    guard let (network, allNodes) = network(of: model) else {
      throw .unsupported(
        "ConvBook does not support `get_config()` of an unbuilt model yet", at: range)
    }
    let structure = interpreter.session.modelStructures[ObjectIdentifier(model)]
    func refuse(_ what: String) -> CellError {
      .unsupported(
        "ConvBook does not support `get_config()` of a model with \(what) yet", at: range)
    }
    /// A tensor's place: its layer and the number of its call among that layer's calls here.
    func history(_ tensor: KerasTensor, forArguments: Bool) -> [Value] {
      let producer = tensor.producer
      let calls = network.nodes(of: producer, in: allNodes)
      let rank = calls.firstIndex { $0 === tensor.node } ?? 0
      // tf-keras numbers a nested model's calls after the node its construction made; Keras 3
      // does so for a functional model's outputs only.
      let skip: Int
      if keras3 {
        skip =
          !forArguments && producer.model?.kind == .functional
            && producer.model?.subclassName == nil ? 1 : 0
      } else {
        skip = hasConstructionNode(producer) ? 1 : 0
      }
      return [.string(producer.name), .int(skip + rank), .int(tensor.outputIndex)]
    }
    func keras3Tensor(_ tensor: KerasTensor) -> Value {
      dictionary([
        ("class_name", .string("__keras_tensor__")),
        (
          "config",
          dictionary([
            ("shape", Attributes.shapeValue(tensor.shape)), ("dtype", .string(tensor.dtypeName)),
            ("keras_history", .list(PythonList(history(tensor, forArguments: true)))),
          ])
        ),
      ])
    }
    var layers: [Value] = []
    for instance in network.layers {
      var pairs = try entry(of: instance, interpreter: interpreter, range: range)
      var inbound: [Value] = []
      for node in network.nodes(of: instance, in: allNodes) where !node.isInput {
        let inputs = Array(node.dataInputs)
        if node.takesMask || node.inputs.count != inputs.count {
          throw refuse("a layer call that passes a mask or states (\(instance.name))")
        }
        if instance.layer is any AttentionLayer {
          throw refuse("attention layers (\(instance.name))")
        }
        let given = interpreter.session.callKeywords[ObjectIdentifier(node)]?.keywords ?? []
        let asList =
          instance.layer is any MultiInputLayer
          || (instance.model?.graph.map { $0.inputs.count > 1 } ?? false)
        if keras3 {
          let tensors = inputs.map(keras3Tensor)
          let argument = asList ? Value.list(PythonList(tensors)) : tensors[0]
          var kwargs = given
          let signature =
            customSignature(of: instance, session: interpreter.session)
            ?? (instance.model != nil
              ? (training: KerasCallArguments.Training.defaultNone, mask: true)
              : KerasCallArguments.keras3(instance.className))
          if !kwargs.contains(where: { $0.0 == "training" }) {
            switch signature?.training {
            case .defaultFalse?: kwargs.append(("training", .bool(false)))
            case .defaultTrue?: kwargs.append(("training", .bool(true)))
            case .defaultNone?, nil: break
            }
          }
          if signature?.mask == true { kwargs.append(("mask", .none)) }
          inbound.append(
            dictionary([("args", .tuple([argument])), ("kwargs", dictionary(kwargs))]))
        } else {
          inbound.append(
            .list(
              PythonList(
                inputs.map { tensor in
                  .list(PythonList(history(tensor, forArguments: true) + [dictionary(given)]))
                })))
        }
      }
      pairs += [
        (.string("name"), .string(instance.name)),
        (.string("inbound_nodes"), .list(PythonList(inbound))),
      ]
      layers.append(.dictionary(PythonDict(pairs)))
    }
    func ends(_ tensors: [KerasTensor], given: Value?) -> Value {
      let triples = tensors.map { Value.list(PythonList(history($0, forArguments: false))) }
      if case .dictionary(let dict)? = given, dict.count == triples.count {
        return .dictionary(PythonDict(zip(dict.pairs.map(\.0), triples).map { ($0, $1) }))
      }
      let single: Bool
      switch given {
      case .kerasTensor?: single = true
      case nil: single = tensors.count == 1
      default: single = false
      }
      return keras3 && single ? triples[0] : .list(PythonList(triples))
    }
    let config = dictionary([
      ("name", .string(model.name)), ("trainable", .bool(model.trainable)),
      ("layers", .list(PythonList(layers))),
      ("input_layers", ends(network.inputs, given: structure?.inputs)),
      ("output_layers", ends(network.outputs, given: structure?.outputs)),
    ])
    try interpreter.budget.allocate(slots: layers.count * 20, at: range)
    return config
  }

  /// What Keras 3 records of a custom layer's call besides its inputs, from the parameters of
  /// the class's own `call`: `training` when it takes one (its default), `mask` when it takes
  /// one; nil for layers that are not the script's.
  private static func customSignature(of instance: LayerInstance, session: KerasSession) -> (
    training: KerasCallArguments.Training?, mask: Bool
  )? {
    let object =
      instance.model.flatMap { session.customLayers[ObjectIdentifier($0)] }
      ?? session.customLayers[ObjectIdentifier(instance)]
    guard let object, let (member, _) = object.type.lookup("call"),
      case .function(let callable) = member, case .user(let function) = callable.kind
    else { return nil }
    var training: KerasCallArguments.Training?
    if function.parameters.contains(where: { $0.name == "training" }) {
      switch function.defaults["training"] {
      case .bool(false)?: training = .defaultFalse
      case .bool(true)?: training = .defaultTrue
      default: training = .defaultNone
      }
    }
    return (training, function.parameters.contains { $0.name == "mask" })
  }

  /// A custom layer of the script as a model's config lists it (both Kerases): no module, its
  /// class's name (the name it was registered under, if it was), what its `get_config()`
  /// returns, and the shape it was built on.
  private static func customEntry(
    of instance: LayerInstance, model: KerasModel, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> [(Value, Value)] {
    let session = interpreter.session
    guard let object = session.customLayers[ObjectIdentifier(model)], model.subclassName != nil
    else {
      throw .unsupported(
        "ConvBook does not support `get_config()` of a model with the custom layer \(instance.name) yet",
        at: range)
    }
    let site = CallSite(range: range, calleeRange: range, arguments: [], calleeText: "get_config")
    let config =
      try interpreter.callClassValue(
        .method(receiver: .instance(object), name: "get_config"), positional: [], keywords: [],
        site: site) ?? .none
    let type = Value.function(Callable(.userClass(object.type), path: object.type.name))
    let registered =
      session.customNames.first { Operators.equal($0.0, type) }?.1 ?? object.type.name
    return [
      (.string("module"), .none), (.string("class_name"), .string(object.type.name)),
      (.string("config"), config), (.string("registered_name"), .string(registered)),
      (
        .string("build_config"),
        dictionary([("input_shape", instance.inputShape.map(Attributes.shapeValue) ?? .none)])
      ),
    ]
  }

  /// tf-keras: whether a nested model's own construction made its node 0 (a functional model, a
  /// Sequential model given its input when made); its calls are then numbered from 1.
  private static func hasConstructionNode(_ instance: LayerInstance) -> Bool {
    // A custom layer's traced graph is ConvBook's: Keras counts only the layer's calls.
    guard let model = instance.model, model.subclassName == nil else { return false }
    return model.kind == .functional || model.inputLayer != nil
  }

  /// A layer's serialized form, as a model's config lists it.
  static func entry(of instance: LayerInstance, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> [(Value, Value)]
  {
    let keras3 = interpreter.kerasVersion == .keras3
    if let input = instance.layer as? InputLayer {
      let dtype = KerasTensor(input: input).dtypeName
      return ModelConfig.inputEntry(input, dtype: dtype, keras3: keras3)
    }
    if let model = instance.model {
      guard model.subclassName == nil,
        interpreter.session.customLayers[ObjectIdentifier(model)] == nil
      else {
        return try customEntry(of: instance, model: model, interpreter: interpreter, range: range)
      }
      let config = try ModelConfig.config(of: model, interpreter: interpreter, range: range)
      let shape =
        model.inputShapeList.map { Value.list(PythonList($0.map(Attributes.shapeValue))) }
        ?? model.inputShape.map(Attributes.shapeValue) ?? .none
      if model.kind == .sequential {
        return [
          (.string("module"), .string("keras")), (.string("class_name"), .string("Sequential")),
          (.string("config"), config), (.string("registered_name"), .none),
          (.string("build_config"), dictionary([("input_shape", shape)])),
        ]
      }
      return [
        (
          .string("module"),
          .string(keras3 ? "keras.src.models.functional" : "tf_keras.src.engine.functional")
        ),
        (.string("class_name"), .string("Functional")), (.string("config"), config),
        (.string("registered_name"), .string("Functional")),
        (.string("build_config"), dictionary([("input_shape", keras3 ? .none : shape)])),
      ]
    }
    let config = try LayerConfig.config(
      of: instance, serialized: true, interpreter: interpreter, range: range)
    guard case .dictionary(let pairs) = config else { return [] }
    let withoutBuild = KerasLayerConfigs.withoutBuildConfig(keras3: keras3)
    var build: Value?
    if instance.isBuilt, !withoutBuild.contains(instance.className) {
      if instance.layer is any MultiInputLayer,
        let shapes = instance.callInputShapes ?? instance.listInputShapes
      {
        build = .list(PythonList(shapes.map(Attributes.shapeValue)))
      } else {
        build = instance.inputShape.map(Attributes.shapeValue)
      }
    }
    return ModelConfig.entry(instance.className, config: pairs.pairs, build: build)
  }

  private static func dictionary(_ pairs: [(String, Value)]) -> Value {
    .dictionary(PythonDict(pairs.map { (.string($0.0), $0.1) }))
  }
}
