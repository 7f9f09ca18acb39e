/// `model.add_loss(tensor)` on a functional model, as tf-keras' `_graph_network_add_loss` does it:
/// the layers between the model's inputs and the loss tensor (`_map_subgraph_network`) and an
/// `AddLoss` layer called on the tensor join the model (`_insert_layers`): after the model's own
/// layers, in the subgraph's layer order, each layer once; the nodes keep a topological order.
extension ModelGraph {
  /// This graph with `marker` (the output of an `AddLoss` call on a loss tensor) and everything
  /// between the inputs and that tensor inserted. Keras' errors for a loss the inputs do not reach.
  public func addingLoss(_ marker: KerasTensor) throws(KerasError) -> ModelGraph {
    let subgraph = try ModelGraph.map(inputs: inputs, outputs: [marker])
    let knownLayers = Set(layers.map(ObjectIdentifier.init))
    let knownNodes = Set(nodes.map(ObjectIdentifier.init))
    let newLayers = subgraph.layers.filter { !knownLayers.contains(ObjectIdentifier($0)) }
    let newNodes = subgraph.nodes.filter { !knownNodes.contains(ObjectIdentifier($0)) }
    let allLayers = layers + newLayers
    var nameCounts: [String: Int] = [:]
    for layer in allLayers { nameCounts[layer.name, default: 0] += 1 }
    for layer in allLayers where nameCounts[layer.name]! > 1 {
      throw .value(
        "The name \"\(layer.name)\" is used \(nameCounts[layer.name]!) times in the model. All layer names should be unique."
      )
    }
    var graph = ModelGraph(
      inputs: inputs, outputs: outputs, layers: allLayers, nodes: nodes + newNodes,
      isSequentialLike: false)
    graph.addedLosses = addedLosses + [marker]
    return graph
  }
}

extension KerasModel {
  /// `model.add_loss(loss)` for a Keras tensor `loss` of this model's inputs: calls a new
  /// `AddLoss` layer (`name`) on it and inserts both into the graph. A chain model becomes a
  /// graph (Keras' summary then shows the `Connected to` column, as tf-keras' does).
  public func addLoss(_ loss: KerasTensor, layerName: String) throws(KerasError) {
    let current: ModelGraph
    if let graph {
      current = graph
    } else if kind == .functional, let tensors, let first = tensors.first, let last = tensors.last {
      current = try ModelGraph.map(inputs: [first], outputs: [last])
    } else {
      throw .limitation(
        "ConvBook does not support add_loss() on a Sequential or subclassed model yet; use a functional model (keras.Model(inputs, outputs))"
      )
    }
    let layer = TensorFunctionLayer(
      function: .unary(.identity), name: layerName, tfKerasClassName: "AddLoss")
    let marker = try KerasTensor.apply(LayerInstance(layer), to: [loss], asList: false)
    let updated = try current.addingLoss(marker)
    replaceGraph(updated, totals: try KerasModel.totals(of: updated, model: name))
  }
}
