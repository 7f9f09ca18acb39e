/// `keras.Model(inputs=x_mid, outputs=y)` where `x_mid` is made by a layer, not `keras.Input`:
/// tf-keras' `clone_graph_nodes`. Each such input becomes a new `InputLayer` (`Input(tensor=...)`,
/// named like `keras.Input`), and every call between the inputs and the outputs is made again on
/// the new tensors: the same layers (shared weights), one more node each, so that the new model is
/// an ordinary graph from input layers.
extension KerasTensor {
  /// The model's inputs and outputs after cloning, or Keras' error for an output that does not
  /// depend on the given inputs only. `names` names the new input layers.
  public static func cloneGraph(inputs: [KerasTensor], outputs: [KerasTensor], names: NameScope)
    throws(KerasError) -> (inputs: [KerasTensor], outputs: [KerasTensor])
  {
    // tf-keras' `find_nodes_by_inputs_and_outputs`: breadth-first from the outputs, stopping at
    // the given inputs; reaching any other input layer is an error.
    let ends = Set(inputs.map(ObjectIdentifier.init))
    var found = Set<ObjectIdentifier>()
    var queue = outputs.map(\.node)
    var visited = Set<ObjectIdentifier>()
    var nodes: [LayerNode] = []
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
      nodes.append(node)
      for tensor in node.inputs {
        if ends.contains(ObjectIdentifier(tensor)) {
          found.insert(ObjectIdentifier(tensor))
          continue
        }
        if tensor.node.isInput {
          throw .value(
            "Found input tensor cannot be reached given provided output tensors. Please make sure the tensor \(tensor.inputDescription ?? tensor.reprDescription) is included in the model inputs when building functional model."
          )
        }
        queue.append(tensor.node)
      }
    }
    if found != ends {
      let unvisited = inputs.filter { !found.contains(ObjectIdentifier($0)) }
      throw .value(
        "Found unvisited input tensors that are disconnected from the outputs: [\(unvisited.map(\.reprDescription).joined(separator: ", "))]"
      )
    }
    // New input layers for the tensors made by layers.
    var mapped: [ObjectIdentifier: KerasTensor] = [:]
    var newInputs: [KerasTensor] = []
    for tensor in inputs {
      if tensor.isInput {
        newInputs.append(tensor)
      } else {
        // Keras 3 names the new input (layer and tensor) after the tensor it stands for:
        // `keras_tensor_7CLONE`, which takes no number of the session.
        let keras3Name =
          names.kerasVersion == .keras3 ? tensor.keras3Name.map { $0 + "CLONE" } : nil
        var layer = InputLayer(
          name: keras3Name ?? names.inputLayerName(), batchInputShape: tensor.shape,
          arguments: LayerArguments(className: "InputLayer", values: [:]))
        layer.tensorName = keras3Name
        let input = KerasTensor(input: layer)
        newInputs.append(input)
      }
      mapped[ObjectIdentifier(tensor)] = newInputs[newInputs.count - 1]
    }
    // Node indices in tf-keras' order (the order the walk found the nodes), calls made inputs
    // first so that each new node's inputs exist.
    var indices: [ObjectIdentifier: Int] = [:]
    var taken: [ObjectIdentifier: Int] = [:]
    for node in nodes {
      let layer = ObjectIdentifier(node.producer)
      let offset = taken[layer, default: 0]
      taken[layer] = offset + 1
      indices[ObjectIdentifier(node)] = node.producer.nodeCount + offset
    }
    // Made in a topological order (an explicit stack: chains may be long), each node after the
    // nodes it reads.
    var clones: [ObjectIdentifier: LayerNode] = [:]
    var added: [(LayerInstance, Int, TensorShape)] = []
    func replacement(_ tensor: KerasTensor) -> KerasTensor {
      if let known = mapped[ObjectIdentifier(tensor)] { return known }
      let made = KerasTensor(
        node: clones[ObjectIdentifier(tensor.node)]!, outputIndex: tensor.outputIndex)
      mapped[ObjectIdentifier(tensor)] = made
      return made
    }
    var stack: [(node: LayerNode, expanded: Bool)] = outputs.reversed().map { ($0.node, false) }
    while let (node, expanded) = stack.popLast() {
      let key = ObjectIdentifier(node)
      if clones[key] != nil || indices[key] == nil { continue }
      if !expanded {
        stack.append((node, true))
        for tensor in node.inputs.reversed() where mapped[ObjectIdentifier(tensor)] == nil {
          stack.append((tensor.node, false))
        }
        continue
      }
      // Keras 3's copies of the tensors are named after them (`keras_tensor_9_clone`).
      let copy = LayerNode(
        producer: node.producer, inputs: node.inputs.map(replacement), nodeIndex: indices[key]!,
        outputShapes: node.outputShapes, structure: node.structure, takesMask: node.takesMask,
        keras3Names: node.keras3Names?.map { $0 + "_clone" }, training: node.training)
      clones[key] = copy
      added.append((node.producer, copy.nodeIndex, node.shape))
    }
    let newOutputs = outputs.map(replacement)
    // The layers' new calls, in node order.
    for (instance, _, shape) in added.sorted(by: { $0.1 < $1.1 }) {
      instance.nodeOutputShapes.append(shape)
    }
    return (newInputs, newOutputs)
  }
}
