/// A model's layer graph as a figure reads it: one node per layer call, in the order a forward
/// pass runs them, each with its output shape and the nodes it reads. A chain is a graph whose
/// nodes each read the one before; a functional model's graph comes from its `ModelGraph`; a model
/// used as a layer of another is one node.
public struct LayerGraph: Sendable, Equatable {
  /// What a node stands for, which decides how it is drawn.
  public enum Role: String, Sendable, Equatable {
    /// A model input (`InputLayer`).
    case input
    /// A layer called on one tensor.
    case layer
    /// A layer called on several tensors (`Add`, `Concatenate`, ...), or any merge layer.
    case merge
    /// A model used as a layer: drawn as one box.
    case model
  }

  public struct Node: Sendable, Equatable {
    /// The layer's name, with the call number for a layer called more than once (`dense (call 2)`).
    public var name: String
    public var className: String
    public var outputShape: TensorShape
    /// Indices (into `nodes`) of the nodes this one reads, in call order.
    public var inputs: [Int]
    public var role: Role
    /// A nested model's layers (without its input layer); nil for other nodes.
    public var nestedLayerCount: Int?
    /// The layer's parameters (counted once for a shared layer, at its first call; 0 after).
    public var parameters: Int
    /// Whether the node's output is one of the model's outputs.
    public var isOutput: Bool
    /// With nested models expanded, the model (path, `outer/inner`) the layer belongs to.
    public var inModel: String? = nil
  }

  public var modelName: String
  /// Inputs first, then every call in an order a forward pass can run them.
  public var nodes: [Node]

  public init(modelName: String, nodes: [Node]) {
    self.modelName = modelName
    self.nodes = nodes
  }

  /// The graph of a built model. With `expandNested`, a model used as a layer is replaced by its
  /// own layers (at any depth, as `plot_model(expand_nested=True)` draws them), each node naming
  /// the model it belongs to; a nested model with several outputs stays one box.
  public init(model: KerasModel, expandNested: Bool = false) throws(AnalysisError) {
    guard let (tensors, _) = Self.tensors(of: model) else { throw .notBuilt(model: model.name) }
    let outputs = (Self.tensors(of: model)?.outputs ?? []).map(\.node)
    var entries: [Entry] = []
    var index: [ObjectIdentifier: Int] = [:]
    Self.collect(
      tensors, mapping: &index, entries: &entries, inModel: nil, expandNested: expandNested)
    var callCounts: [ObjectIdentifier: Int] = [:]
    for entry in entries { callCounts[ObjectIdentifier(entry.node.producer), default: 0] += 1 }
    var calls: [ObjectIdentifier: Int] = [:]
    let outputKeys = Set(outputs.map(ObjectIdentifier.init))
    var nodes: [Node] = []
    for entry in entries {
      let tensor = entry.node
      let producer = tensor.producer
      let layerKey = ObjectIdentifier(producer)
      let call = calls[layerKey, default: 0]
      calls[layerKey] = call + 1
      let role: Role
      if producer.isInputLayer {
        role = .input
      } else if producer.model != nil {
        role = .model
      } else if tensor.dataInputs.count > 1 || producer.layer is any MultiInputLayer {
        role = .merge
      } else {
        role = .layer
      }
      let shared = (callCounts[layerKey] ?? 1) > 1
      nodes.append(
        Node(
          name: shared ? "\(producer.name) (call \(call + 1))" : producer.name,
          className: producer.model?.className ?? producer.className,
          outputShape: tensor.shape,
          inputs: entry.inputs,
          role: role,
          nestedLayerCount: producer.model.map { $0.layers.filter { !$0.isInputLayer }.count },
          parameters: call == 0 ? producer.parameterCount : 0,
          isOutput: outputKeys.contains(ObjectIdentifier(tensor)) || entry.isNestedOutput,
          inModel: entry.inModel))
    }
    // A nested model's output is the outer model's output where the outer output is that call.
    for (position, entry) in entries.enumerated() where entry.isNestedOutput {
      nodes[position].isOutput = entry.outerOutputs.contains { outputKeys.contains($0) }
    }
    self.init(modelName: model.name, nodes: nodes)
  }

  /// One node before naming: the layer call it stands for and the indices of the nodes it reads.
  private struct Entry {
    var node: LayerNode
    var inputs: [Int]
    var inModel: String?
    /// Whether the node is the output of an expanded nested model (standing for its call).
    var isNestedOutput = false
    /// The outer tensors (calls of nested models) this node stands for.
    var outerOutputs: [ObjectIdentifier] = []
  }

  /// A model's calls (inputs first, then every call in a runnable order) and its outputs.
  private static func tensors(of model: KerasModel) -> (
    tensors: [LayerNode], outputs: [KerasTensor]
  )? {
    if let graph = model.graph { return (graph.nodes, graph.outputs) }
    if model.isBuilt, let chain = model.tensors {
      return (chain.map(\.node), chain.last.map { [$0] } ?? [])
    }
    return nil
  }

  /// Appends the nodes of `tensors`; `mapping` holds the node index of every tensor seen (a nested
  /// model's input tensors are mapped by the caller to the nodes its call reads).
  private static func collect(
    _ tensors: [LayerNode], mapping: inout [ObjectIdentifier: Int], entries: inout [Entry],
    inModel: String?, expandNested: Bool
  ) {
    for tensor in tensors {
      let key = ObjectIdentifier(tensor)
      // Keras 3's mask operations and mask inputs are not data flow: the figure leaves them out.
      if mapping[key] != nil || tensor.producer.layer is MaskOperation { continue }
      let inputs = tensor.dataInputs.compactMap { mapping[ObjectIdentifier($0.node)] }
      if expandNested, let nested = tensor.producer.model, let inner = Self.tensors(of: nested),
        inner.outputs.count == 1
      {
        let innerInputs = inner.tensors.filter { $0.producer.isInputLayer }
        if innerInputs.count == inputs.count {
          // The nested model's inputs are the nodes its call reads; its own tensors are new for
          // each call, keyed afresh so that a model called twice is drawn twice.
          var local = mapping
          for (innerInput, outer) in zip(innerInputs, inputs) {
            local[ObjectIdentifier(innerInput)] = outer
          }
          for inner in inner.tensors where !inner.producer.isInputLayer {
            local[ObjectIdentifier(inner)] = nil
          }
          let start = entries.count
          collect(
            inner.tensors, mapping: &local, entries: &entries,
            inModel: inModel.map { "\($0)/\(nested.name)" } ?? nested.name,
            expandNested: true)
          if let output = local[ObjectIdentifier(inner.outputs[0].node)], output >= start {
            mapping[key] = output
            entries[output].isNestedOutput = true
            entries[output].outerOutputs.append(key)
            continue
          }
          // An output that is one of its inputs: nothing to draw for the call.
          entries.removeSubrange(start...)
        }
      }
      entries.append(Entry(node: tensor, inputs: inputs, inModel: inModel))
      mapping[key] = entries.count - 1
    }
  }

  /// Each node's rank: 0 for inputs, else one more than the highest rank among its inputs, so that
  /// every edge points down and a chain is a column.
  public var ranks: [Int] {
    var ranks: [Int] = []
    for node in nodes {
      ranks.append(node.inputs.isEmpty ? 0 : (node.inputs.map { ranks[$0] }.max() ?? 0) + 1)
    }
    return ranks
  }

  /// The nodes that read `node`'s output, in node order.
  public func consumers(of node: Int) -> [Int] {
    nodes.indices.filter { nodes[$0].inputs.contains(node) }
  }

  /// Whether the graph is one chain: every node reads the one before it.
  public var isChain: Bool {
    nodes.indices.allSatisfy { index in
      index == 0 ? nodes[index].inputs.isEmpty : nodes[index].inputs == [index - 1]
    }
  }
}
