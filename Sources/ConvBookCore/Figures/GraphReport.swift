import CNNEngine

/// `convbook graph --json`: a model's layer graph as data, the nodes in the order a forward pass
/// runs them and the edges along the data flow (the graph figure draws the same nodes and edges).
public enum GraphReport {
  public static func json(_ graph: LayerGraph) -> JSONValue {
    let nodes = graph.nodes.map { node -> JSONValue in
      .object([
        ("name", .string(node.name)),
        ("class", .string(node.className)),
        ("output_shape", .string(node.outputShape.description)),
        ("params", .int(node.parameters)),
        ("role", .string(node.role.rawValue)),
        ("inputs", .array(node.inputs.map { .string(graph.nodes[$0].name) })),
        // A model drawn as one box: how many layers it holds.
        ("nested", node.role == .model ? .int(node.nestedLayerCount ?? 0) : .null),
        // With --expand-nested: the model the layer belongs to.
        ("in_model", node.inModel.map { .string($0) } ?? .null),
        ("is_output", .bool(node.isOutput)),
      ])
    }
    var edges: [JSONValue] = []
    for node in graph.nodes {
      for source in node.inputs {
        edges.append(
          .object([("from", .string(graph.nodes[source].name)), ("to", .string(node.name))]))
      }
    }
    return .object([
      ("model", .string(graph.modelName)),
      ("nodes", .array(nodes)),
      ("edges", .array(edges)),
    ])
  }
}
