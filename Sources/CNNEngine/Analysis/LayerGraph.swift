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
  }

  public var modelName: String
  /// Inputs first, then every call in an order a forward pass can run them.
  public var nodes: [Node]

  public init(modelName: String, nodes: [Node]) {
    self.modelName = modelName
    self.nodes = nodes
  }

  /// The graph of a built model.
  public init(model: SequentialModel) throws(AnalysisError) {
    let tensors: [KerasTensor]
    let outputs: [KerasTensor]
    if let graph = model.graph {
      tensors = graph.nodes
      outputs = graph.outputs
    } else if model.isBuilt, let chain = model.tensors {
      tensors = chain
      outputs = chain.last.map { [$0] } ?? []
    } else {
      throw .notBuilt(model: model.name)
    }
    var index: [ObjectIdentifier: Int] = [:]
    var calls: [ObjectIdentifier: Int] = [:]
    var callCounts: [ObjectIdentifier: Int] = [:]
    for tensor in tensors { callCounts[ObjectIdentifier(tensor.producer), default: 0] += 1 }
    let outputKeys = Set(outputs.map(ObjectIdentifier.init))
    var nodes: [Node] = []
    for tensor in tensors {
      let producer = tensor.producer
      let layerKey = ObjectIdentifier(producer)
      let call = calls[layerKey, default: 0]
      calls[layerKey] = call + 1
      let role: Role
      if producer.isInputLayer {
        role = .input
      } else if producer.model != nil {
        role = .model
      } else if tensor.inputs.count > 1 || producer.layer is any MultiInputLayer {
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
          inputs: tensor.inputs.compactMap { index[ObjectIdentifier($0)] },
          role: role,
          nestedLayerCount: producer.model.map { $0.layers.filter { !$0.isInputLayer }.count },
          parameters: call == 0 ? producer.parameterCount : 0,
          isOutput: outputKeys.contains(ObjectIdentifier(tensor))))
      index[ObjectIdentifier(tensor)] = nodes.count - 1
    }
    self.init(modelName: model.name, nodes: nodes)
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
