/// `keras.Model(inputs, outputs)` over any graph of layers: chains keep the chain representation
/// (and Keras' three-column summary); other graphs keep their `ModelGraph`.
extension KerasModel {
  /// Maps the graph from `outputs` back to `inputs` as Keras does (its errors included); a single
  /// chain from one input to one output becomes a chain model.
  /// `walkLimit`: the deepest walk Python's recursion limit leaves Keras (`ModelGraph.map`).
  public static func functional(
    name: String, inputs: [KerasTensor], outputs: [KerasTensor], walkLimit: Int = .max
  ) throws(KerasError) -> KerasModel {
    // tf-keras refuses an input listed twice before it maps the graph (Keras 3 takes it).
    if let first = inputs.first, first.keras3Name == nil,
      first.producer.layer.common.kerasVersion == .keras2,
      Set(inputs.map(ObjectIdentifier.init)).count != inputs.count
    {
      throw .value(
        "The list of inputs passed to the model contains the same input multiple times. All inputs should only appear once.Received inputs=[\(inputs.map(\.reprDescription).joined(separator: ", "))]"
      )
    }
    let graph = try ModelGraph.map(inputs: inputs, outputs: outputs, walkLimit: walkLimit)
    if graph.isSequentialLike, inputs.count == 1, outputs.count == 1,
      graph.nodes.allSatisfy({
        $0.inputs.count <= 1 && !$0.hasSeveralOutputs
          && (!($0.producer.layer is any MultiInputLayer) || $0.producer.layer is Lambda)
      })
    {
      return try functional(name: name, input: inputs[0], output: outputs[0])
    }
    return KerasModel(name: name, graph: graph, totals: try totals(of: graph, model: name))
  }

  /// The checked sums of a graph's counts: its inputs' bytes, then each layer's counts once.
  static func totals(of graph: ModelGraph, model: String) throws(KerasError) -> LayerCounts {
    var totals = LayerCounts()
    for input in graph.inputs {
      var counts = LayerCounts()
      counts.activationBytes = try LayerCounts.activationBytes(
        of: input.shape, owner: input.producer.name, quantity: "input size")
      totals = try totals.adding(counts, owner: model)
    }
    for instance in graph.layers where !instance.isInputLayer {
      totals = try totals.adding(
        try callCounts(of: instance, calls: graph.nodes(of: instance)), owner: model)
    }
    // A layer inside a nested model and in this graph too: its weights count once. (Their sums
    // are parts of the checked totals above, so they need no checks of their own.)
    for spec in RepeatedWeights.repeated(in: graph.layers) {
      totals.parameters -= spec.count
      totals.parameterBytes -= spec.count * spec.bytesPerValue
    }
    return totals
  }

  /// What `instance` counts in a graph where `nodes` are its calls: its weights once, and the
  /// multiply-accumulates and output of every call (a Dense shared by three branches computes
  /// three times, a siamese encoder twice; hostile batch9). A call on the shapes the layer was
  /// built for counts what the layer counted then; a call on other shapes is measured on its own.
  static func callCounts(of instance: LayerInstance, calls nodes: [LayerNode]) throws(KerasError)
    -> LayerCounts
  {
    let built = instance.counts
    guard nodes.count > 1 else { return built }
    var total = built
    total.multiplyAccumulates = 0
    total.activationBytes = 0
    let builtInputs = instance.callInputShapes ?? instance.inputShape.map { [$0] }
    for node in nodes {
      var call = built
      let given = node.dataInputs.map(\.shape)
      if instance.model == nil, !given.isEmpty,
        given != builtInputs || node.outputShapes.first != instance.outputShape
      {
        if given.count > 1, instance.layer is any MultiInputLayer {
          call = try LayerCounts.measure(
            instance.layer, inputs: instance.layerInputs(given), output: node.shape)
        } else {
          call = try LayerCounts.measure(instance.layer, input: given[0], output: node.shape)
        }
      }
      var counts = LayerCounts()
      counts.multiplyAccumulates = call.multiplyAccumulates
      counts.activationBytes = call.activationBytes
      total = try total.adding(counts, owner: instance.name)
    }
    return total
  }

  /// The layer this model is when it is called on tensors (`features = base(x)`): one for every
  /// call, so that a model called twice (a siamese encoder) shares its weights and gets one node
  /// per call, as Keras' layers do.
  public var calledInstance: LayerInstance {
    if let existing = calledAsLayer { return existing }
    let instance = LayerInstance(model: self)
    calledAsLayer = instance
    return instance
  }

  /// `model.input_shape` of a model with several inputs: one shape per input; nil otherwise.
  public var inputShapeList: [TensorShape]? {
    guard let graph, graph.inputs.count > 1 else { return nil }
    return graph.inputs.map(\.shape)
  }

  /// `model.output_shape` of a model with several outputs: one shape per output; nil otherwise.
  public var outputShapeList: [TensorShape]? {
    guard let graph, graph.outputs.count > 1 else { return nil }
    return graph.outputs.map(\.shape)
  }

  /// The summary of a graph: every layer once, in Keras' order, with the inputs of its calls.
  func graphSummary(_ graph: ModelGraph) -> ModelSummary {
    var rows: [ModelSummary.Row] = []
    for instance in graph.layers {
      let nodes = graph.nodes(of: instance)
      let input = instance.inputShape ?? nodes.first?.shape ?? TensorShape([])
      let output = instance.outputShape ?? nodes.first?.shape ?? TensorShape([])
      // Every call computes; the model's checked totals summed the same counts, so they fit.
      let macs =
        instance.isInputLayer
        ? 0
        : (try? Self.callCounts(of: instance, calls: nodes).multiplyAccumulates)
          ?? instance.multiplyAccumulates
      var row = ModelSummary.Row(
        name: instance.name, className: instance.className, inputShape: input,
        outputShape: output, weights: instance.isInputLayer ? [] : instance.weights,
        multiplyAccumulates: macs, isInputLayer: instance.isInputLayer)
      row.outputIsScalar = (instance.outputShape ?? nodes.first?.shape)?.rank == 0
      if nodes.count > 1, !instance.isInputLayer {
        row.callCount = nodes.count
        var values: [Int] = []
        for node in nodes {
          var sum: Int? = 0
          for shape in node.outputShapes {
            guard let count = shape.valuesPerSample, let running = sum else {
              sum = nil
              break
            }
            let (next, overflow) = running.addingReportingOverflow(count)
            sum = overflow ? nil : next
          }
          guard let sum else {
            values = []
            break
          }
          values.append(sum)
        }
        row.callOutputValues = values.count == nodes.count ? values : nil
      }
      row.connections = nodes.flatMap { node in
        node.inputs.map {
          ModelSummary.Connection(
            layerName: $0.producer.name, nodeIndex: $0.nodeIndex, tensorIndex: $0.outputIndex)
        }
      }
      row.describeOutputs(instance)
      row.hasMultipleOutputShapes = instance.hasMultipleOutputShapes
      row.describeLayer(instance)
      rows.append(row)
    }
    var summary = ModelSummary(
      name: name, inputLayerName: graph.inputs[0].producer.name,
      inputShape: graph.inputs[0].shape, rows: rows)
    summary.showsConnections = !graph.isSequentialLike
    summary.repeatedWeights = RepeatedWeights.repeated(in: graph.layers)
    return summary
  }
}

extension ModelSummary.Row {
  /// The shapes of a layer whose calls return several tensors, and whether as a tuple.
  mutating func describeOutputs(_ instance: LayerInstance) {
    outputShapes = instance.outputShapeList
    outputsAsTuple =
      instance.returnsAttentionScores == true || instance.model?.returnsTuple == true
      || (instance.layer as? Lambda)?.trace.program?.returnsTuple == true
    // Keras orders a dict's tensors by sorted key; tf-keras prints the dict as it was given.
    if let keys = instance.model?.outputKeys, let shapes = outputShapes, keys.count == shapes.count
    {
      let sorted = keys.sorted()
      outputsByKey = keys.map { key in .init(key: key, shape: shapes[sorted.firstIndex(of: key)!]) }
    }
  }

  /// The layer's trainable flag and, for a model used as a layer, the rows of its own summary.
  mutating func describeLayer(_ instance: LayerInstance) {
    trainable = instance.trainable
    isKeras3Operation = instance.isKeras3Operation
    if let nested = instance.model, let summary = try? nested.summary() {
      nestedRows = summary.rows
    }
    if instance.model?.passesCallsThrough == true { hasMultipleOutputShapes = true }
    // Keras 3's `format_layer_shape` shows the last call's output, of any layer called again
    // (hostile batch7 h34: a Dense shared by a (None, 3) and a (None, 2, 3) input).
    if let last = instance.nodeOutputShapes.last, last != outputShape {
      lastCallOutputShape = last
    }
  }
}
