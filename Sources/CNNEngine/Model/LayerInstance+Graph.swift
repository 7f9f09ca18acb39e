/// Calls of a layer inside functional graphs: merge layers on lists of tensors, and layers called
/// more than once (shared weights, one Keras node per call).
extension LayerInstance {
  /// Whether this is a Keras 3 operation (`x + y`): a node of the graph, not one of `model.layers`.
  public var isKeras3Operation: Bool {
    (layer as? any TensorOperationLayer)?.isKeras3Operation ?? false
  }

  /// How many times the layer has been called: the node index its next call gets.
  public var nodeCount: Int { nodeOutputShapes.count }

  /// Whether calls gave different output shapes; Keras' `output_shape` then raises and the summary
  /// prints `multiple`.
  public var hasMultipleOutputShapes: Bool { nodeOutputShapes.distinctShapes.count > 1 }

  /// Runs the layer on symbolic inputs of `inputs` shapes; `asList` when the call passed a list;
  /// `states`: a recurrent layer's `initial_state=`. Returns the shapes of the call's outputs and
  /// how Python sees them.
  /// `values`: what is known of each input's value (`KerasTensor.knownValue`).
  func call(
    onInputs inputs: [TensorShape], asList: Bool, states: [TensorShape] = [],
    values: [[Int?]?] = []
  ) throws(KerasError) -> ([TensorShape], LayerNode.Structure) {
    if let model, let graph = model.graph, graph.inputs.count > 1 || graph.outputs.count > 1 {
      return (
        try callGraphModel(model, graph: graph, onInputs: inputs),
        model.returnsTuple ? .tuple : .list
      )
    }
    if let multi = layer as? any MultiOutputLayer, model == nil {
      let shapes = try multi.outputShapes(for: inputs[0], states: states)
      if shapes.count == 1 && states.isEmpty {
        return ([try singleOutputShape(onInputs: inputs, asList: asList, values: values)], .single)
      }
      if isBuilt, let first = inputShape {
        guard multi.weights(for: inputs[0]) == multi.weights(for: first) else {
          throw rebuildRefusal(built: first, given: inputs[0])
        }
      } else {
        ownCounts = try LayerCounts.measure(layer, input: inputs[0], output: shapes[0])
        inputShape = inputs[0]
        outputShape = shapes[0]
        if shapes.count > 1 { outputShapeList = shapes }
        // Keras reports the call's tensors, initial states included, as the layer's input.
        if !states.isEmpty { listInputShapes = [inputs[0]] + states }
      }
      nodeOutputShapes.append(shapes[0])
      // tf-keras' recurrent layers return a list, Keras 3's a tuple.
      let several: LayerNode.Structure = layer.common.kerasVersion == .keras3 ? .tuple : .list
      return (shapes, shapes.count > 1 ? several : .single)
    }
    if let attention = layer as? MultiHeadAttention, returnsAttentionScores == true, asList,
      inputs.count >= 2
    {
      let output = try singleOutputShape(onInputs: inputs, asList: asList, values: values)
      let inputs = layerInputs(inputs)
      var scores = attention.scoresShape(
        query: inputs[0], key: inputs.count > 2 ? inputs[2] : inputs[1])
      if layer.common.kerasVersion == .keras3, inputs[0].rank >= 2 {
        // Keras 3's `compute_output_spec` gives the scores (batch, heads, Tq, Tq) whatever the
        // key's length; the forward pass returns the real (batch, heads, Tq, Tk).
        scores = TensorShape([inputs[0][0], attention.heads, inputs[0][1], inputs[0][1]])
      }
      if outputShapeList == nil { outputShapeList = [output, scores] }
      return ([output, scores], .tuple)
    }
    if let lambda = layer as? Lambda, let program = lambda.trace.program,
      program.outputs.count > 1
    {
      // A function returning several tensors (`tf.split` in a Lambda): what it returned.
      let shapes = try lambda.outputShapes(forInputs: layerInputs(inputs))
      if !isBuilt {
        ownCounts = try LayerCounts.measure(layer, input: inputs[0], output: shapes[0])
        inputShape = inputs[0]
        outputShape = shapes[0]
        outputShapeList = shapes
      }
      nodeOutputShapes.append(shapes[0])
      return (shapes, program.returnsTuple ? .tuple : .list)
    }
    if let split = layer as? TensorSplit, asList {
      // `tf.split` / `tf.unstack`: a list of tensors, even of one.
      _ = try singleOutputShape(onInputs: inputs, asList: asList, values: values)
      let shapes = try split.outputShapes(forInputs: inputs)
      if outputShapeList == nil { outputShapeList = shapes }
      return (shapes, .list)
    }
    return ([try singleOutputShape(onInputs: inputs, asList: asList, values: values)], .single)
  }

  /// Runs the layer on symbolic inputs of `inputs` shapes; `asList` when the call passed a list.
  private func singleOutputShape(
    onInputs given: [TensorShape], asList: Bool, values: [[Int?]?]
  ) throws(KerasError) -> TensorShape {
    if let merge = layer as? any MultiInputLayer {
      guard asList, !given.isEmpty else { return try call(on: given[0]) }
      let inputs = layerInputs(given)
      if let mask = attentionMask(in: given) {
        try checkAttentionMask(mask, inputs: inputs)
      }
      // (`MultiHeadAttention` in Keras 3 has a key mask too: the key, or the value without one.)
      for (position, role) in zip(callMaskPositions ?? [], ["query", "value", "key"]) {
        guard let position, position < given.count else { continue }
        let sequence = inputs[role == "query" ? 0 : role == "value" || inputs.count < 3 ? 1 : 2]
        let mask = given[position]
        guard sequence.rank == 3, mask.rank == 2,
          mask[1] == nil || sequence[1] == nil || mask[1] == sequence[1]
        else {
          throw .limitation(
            "ConvBook supports mask=[query_mask, value_mask] of shape (batch, steps) on sequences only; the layer \"\(name)\" got a \(role) mask of shape \(mask) for a \(role) of shape \(sequence)"
          )
        }
      }
      let output: TensorShape
      if let operation = merge as? any TensorOperationLayer {
        output = try operation.outputShape(forInputs: inputs, values: values)
      } else {
        output = try merge.outputShape(forInputs: inputs)
      }
      if !isBuilt {
        ownCounts = try LayerCounts.measure(layer, inputs: inputs, output: output)
        // Keras reports the shape of the call's first argument: `()` for the number of `1 - x`.
        // (the constant tensor's shape for `position_embedding + x`).
        let lambda = layer as? TFOpLambda
        var numberFirst = lambda?.constantFirst ?? false
        // `2.0 ** x` too (`tf.math.pow(2.0, x)`).
        if case .binary(_, _?, true)? = (layer as? TensorFunctionLayer)?.function {
          numberFirst = true
        }
        let constant = lambda?.constantTensor.map { TensorShape($0.shape.map { Optional($0) }) }
        inputShape = numberFirst ? constant ?? TensorShape([]) : inputs[0]
        callInputShapes = inputs
        // tf-keras reports a `MultiHeadAttention`'s query alone (its one positional tensor).
        let queryOnly = layer is MultiHeadAttention && layer.common.kerasVersion == .keras2
        // A TensorFlow function whose first argument is the list (`tf.concat([a, b])`) too.
        let listFunction: Bool
        switch (layer as? TensorFunctionLayer)?.function {
        case .concat?, .stack?: listFunction = true
        default: listFunction = false
        }
        if layer is Merge || layer is Dot || layer is Lambda || listFunction
          || (layer is any AttentionLayer && !queryOnly)
        {
          // Keras 3 reports every tensor of the call, an attention mask included.
          listInputShapes = given
        }
        outputShape = output
      }
      nodeOutputShapes.append(output)
      return output
    }
    if isBuilt, model == nil, let first = inputShape {
      let output = try layer.outputShape(for: given[0])
      guard layer.weights(for: given[0]) == layer.weights(for: first) else {
        if layer.common.kerasVersion == .keras3 {
          try KerasModel.checkInputSpec(self, input: given[0], keras3: true)
        }
        if let error = tfKerasOperationError(built: first, given: given[0]) { throw error }
        throw rebuildRefusal(built: first, given: given[0])
      }
      if nodeOutputShapes.isEmpty {
        // Built by calls on data, which made no node (`EagerLayerCall.build`): the layer's
        // shapes are those of its first node.
        inputShape = given[0]
        outputShape = output
      }
      nodeOutputShapes.append(output)
      return output
    }
    return try call(on: given[0])
  }

  /// A built layer called on inputs its weights do not fit (one layer on two shapes, which
  /// ConvBook does not model) where Keras has no error of its own for it.
  func rebuildRefusal(built: TensorShape?, given: TensorShape) -> KerasError {
    .limitation(
      "ConvBook does not call the layer \"\(name)\", built for inputs of shape \(built.map(\.description) ?? "None"), on inputs of shape \(given) whose weights would differ"
    )
  }

  /// An `attention_mask=` of a `MultiHeadAttention` call: (batch, query steps, key steps) on
  /// sequences, which Keras broadcasts over the heads. Other forms are ConvBook's limitation.
  private func checkAttentionMask(_ mask: TensorShape, inputs: [TensorShape]) throws(KerasError) {
    let query = inputs[0]
    let key = inputs.count > 2 ? inputs[2] : inputs[1]
    let fits =
      query.rank == 3 && key.rank == 3 && mask.rank == 3
      && [(mask[1], query[1]), (mask[2], key[1])].allSatisfy { $0 == $1 || $0 == nil || $1 == nil }
    guard fits else {
      throw .limitation(
        "ConvBook supports attention_mask= of shape (batch, query steps, key steps) on sequences only; the layer \"\(name)\" got a mask of shape \(mask) for a query of shape \(query) and a key of shape \(key)"
      )
    }
  }
}
