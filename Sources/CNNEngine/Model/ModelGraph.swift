/// The graph of a functional model: its layers and the calls (nodes) that connect them, mapped the
/// way tf-keras' `_map_graph_network` maps them, so that layer order, depths and the summary's
/// `Connected to` column come out as Keras has them.
///
/// A node is one call of a layer (`LayerNode`); the model's inputs and outputs are tensors, each
/// one output of a node.
public struct ModelGraph {
  public let inputs: [KerasTensor]
  public let outputs: [KerasTensor]
  /// `model.layers`: by decreasing depth, ties in the order a depth-first walk from the outputs
  /// first met them; input layers included.
  public let layers: [LayerInstance]
  /// The model's nodes from inputs to outputs (a topological order): the order a forward pass runs.
  public let nodes: [LayerNode]
  /// Whether Keras prints this model's summary as a chain (three columns): one node per depth, no
  /// node with several inputs, no layer called twice inside the model.
  public let isSequentialLike: Bool
  /// The outputs of the `AddLoss` calls `model.add_loss(tensor)` inserted (see `addingLoss`).
  public var addedLosses: [KerasTensor] = []

  /// Maps the graph from `outputs` back to the input layers and checks that `inputs` reach every
  /// node; Keras' errors for a disconnected graph, a cycle and repeated layer names.
  ///
  /// Keras walks the graph with a recursive helper, one Python frame per node on the path from an
  /// output back to an input (`_build_map_helper`): a walk deeper than `walkLimit` nodes raises
  /// Python's RecursionError, before any other check, as Keras' does at its recursion limit (the
  /// caller works out the limit from Python's: `KerasRecursionLimit`).
  public static func map(
    inputs: [KerasTensor], outputs: [KerasTensor], walkLimit: Int = .max
  ) throws(KerasError) -> ModelGraph {
    // Depth-first from the outputs: nodes in post-order (inputs first), layers in first-seen order.
    // The walk keeps its own stack (a chain of 100,000 layers is as deep), visiting the nodes in
    // the order Keras' recursion does.
    var finished = Set<ObjectIdentifier>()
    var ordered: [LayerNode] = []
    var layerIndices: [ObjectIdentifier: Int] = [:]
    var layerList: [LayerInstance] = []
    var walk: [(node: LayerNode, nextInput: Int)] = []
    func enter(_ node: LayerNode) throws(KerasError) {
      if finished.contains(ObjectIdentifier(node)) { return }
      guard walk.count < walkLimit else {
        throw KerasError("RecursionError", "maximum recursion depth exceeded")
      }
      let layerKey = ObjectIdentifier(node.producer)
      if layerIndices[layerKey] == nil {
        layerIndices[layerKey] = layerList.count
        layerList.append(node.producer)
      }
      walk.append((node, 0))
    }
    for output in outputs {
      try enter(output.node)
      // Keras tensors only point back to older tensors, so the walk cannot meet a cycle.
      while let top = walk.last {
        let (node, nextInput) = top
        if nextInput < node.inputs.count {
          walk[walk.count - 1].nextInput += 1
          try enter(node.inputs[nextInput].node)
        } else {
          walk.removeLast()
          finished.insert(ObjectIdentifier(node))
          ordered.append(node)
        }
      }
    }

    // Depths: outputs at 0, a node one deeper than its deepest consumer; a layer as deep as its
    // deepest node. Dictionaries in insertion order, as Python's are.
    var nodeDepthOrder: [LayerNode] = []
    var nodeDepths: [ObjectIdentifier: Int] = [:]
    var layerDepthOrder: [LayerInstance] = []
    var layerDepths: [ObjectIdentifier: Int] = [:]
    func setNodeDepth(_ node: LayerNode, _ depth: Int) {
      if nodeDepths[ObjectIdentifier(node)] == nil { nodeDepthOrder.append(node) }
      nodeDepths[ObjectIdentifier(node)] = depth
    }
    for node in ordered.reversed() {
      var depth = nodeDepths[ObjectIdentifier(node)] ?? 0
      if nodeDepths[ObjectIdentifier(node)] == nil { setNodeDepth(node, 0) }
      let layerKey = ObjectIdentifier(node.producer)
      depth = max(depth, layerDepths[layerKey] ?? 0)
      if layerDepths[layerKey] == nil { layerDepthOrder.append(node.producer) }
      layerDepths[layerKey] = depth
      setNodeDepth(node, depth)
      for parent in node.inputs.map(\.node) {
        setNodeDepth(parent, max(depth + 1, nodeDepths[ObjectIdentifier(parent)] ?? 0))
      }
    }
    for input in inputs where layerDepths[ObjectIdentifier(input.producer)] == nil {
      layerDepthOrder.append(input.producer)
      layerDepths[ObjectIdentifier(input.producer)] = 0
      layerIndices[ObjectIdentifier(input.producer)] = -1
      setNodeDepth(input.node, 0)
    }
    let layers = layerDepthOrder.enumerated().sorted { left, right in
      let leftDepth = layerDepths[ObjectIdentifier(left.element)]!
      let rightDepth = layerDepths[ObjectIdentifier(right.element)]!
      if leftDepth != rightDepth { return leftDepth > rightDepth }
      let leftIndex = layerIndices[ObjectIdentifier(left.element)]!
      let rightIndex = layerIndices[ObjectIdentifier(right.element)]!
      if leftIndex != rightIndex { return leftIndex < rightIndex }
      return left.offset < right.offset
    }.map(\.element)

    // Nodes by decreasing depth, each depth in insertion order; every input must be computable.
    let depthKeys = Set(nodeDepths.values).sorted(by: >)
    // Grouped in one pass (a filter per depth was quadratic for a chain of 20,000 layers).
    var nodesAtDepth: [Int: [LayerNode]] = [:]
    for node in nodeDepthOrder {
      if let depth = nodeDepths[ObjectIdentifier(node)] {
        nodesAtDepth[depth, default: []].append(node)
      }
    }
    let nodesByDepth: [[LayerNode]] = depthKeys.map { nodesAtDepth[$0] ?? [] }
    var computable = Set(inputs.map { ObjectIdentifier($0.node) })
    var accessed: [String] = []
    for node in nodesByDepth.joined() where !node.isInput {
      for input in node.inputs where !computable.contains(ObjectIdentifier(input.node)) {
        throw .value(
          "Graph disconnected: cannot obtain value for tensor \(input.inputDescription ?? input.reprDescription) at layer \"\(node.producer.name)\". The following previous layers were accessed without issue: [\(accessed.map(PythonFormat.quoted).joined(separator: ", "))]"
        )
      }
      computable.insert(ObjectIdentifier(node))
      accessed.append(node.producer.name)
    }
    for (index, layer) in layers.enumerated() {
      guard let model = layer.model else { continue }
      if layers[..<index].contains(where: { $0.model === model }) {
        throw KerasError.limitation(
          "ConvBook does not support the model \"\(model.name)\" as two different layers of one graph yet (call the model itself each time)"
        )
      }
    }
    let names = layers.map(\.name)
    var nameCounts: [String: Int] = [:]
    for name in names { nameCounts[name, default: 0] += 1 }
    for name in names where nameCounts[name]! > 1 {
      throw .value(
        "The name \"\(name)\" is used \(nameCounts[name]!) times in the model. All layer names should be unique."
      )
    }

    var sequentialLike = true
    for level in nodesByDepth where level.count > 1 || (level.first?.inputs.count ?? 0) > 1 {
      sequentialLike = false
    }
    let nodes = Array(nodesByDepth.joined())
    var calls: [ObjectIdentifier: Int] = [:]
    for node in nodes { calls[ObjectIdentifier(node.producer), default: 0] += 1 }
    for layer in layers where (calls[ObjectIdentifier(layer)] ?? 0) > 1 { sequentialLike = false }
    return ModelGraph(
      inputs: inputs, outputs: outputs, layers: layers, nodes: nodes,
      isSequentialLike: sequentialLike)
  }

  /// The nodes of `layer` inside this model, in the order the layer was called.
  public func nodes(of layer: LayerInstance) -> [LayerNode] {
    nodes.filter { $0.producer === layer }.sorted { $0.nodeIndex < $1.nodeIndex }
  }
}
