import CNNEngine

/// tf-keras' `layer.get_output_shape_at(i)`, `get_input_shape_at(i)`, `get_output_at(i)` and
/// `get_input_at(i)`: what the layer's `i`-th call (inbound node) received or returned, as
/// `Layer._get_node_attribute_at_index` reads it. A model has nodes only once it is called as a
/// layer; Keras 3 has none of these methods.
enum NodeAttributes {
  static let names: Set<String> = [
    "get_output_shape_at", "get_input_shape_at", "get_output_at", "get_input_at",
  ]

  static func call(
    _ name: String, layerName: String, instance: LayerInstance?, positional: [Value],
    keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    guard positional.count + keywords.count == 1,
      case .int(let index) = keywords.first(where: { $0.0 == "node_index" })?.1 ?? positional.first
    else {
      if positional.count + keywords.count == 0 {
        throw CellError(
          type: "TypeError",
          message:
            "\(bareName(name))() missing 1 required positional argument: 'node_index'",
          range: site.range)
      }
      throw .unsupported(
        "ConvBook's layer.\(name)() takes one node index, an int", at: site.range)
    }
    let attribute: String
    switch name {
    case "get_output_shape_at": attribute = "output shape"
    case "get_input_shape_at": attribute = "input shape"
    case "get_output_at": attribute = "output"
    default: attribute = "input"
    }
    let count = instance?.nodeCount ?? 0
    guard let instance, count > 0 else {
      throw CellError(
        type: "RuntimeError",
        message:
          "The layer \(layerName) has never been called and thus has no defined \(attribute).",
        range: site.range)
    }
    guard count > index, index >= -count else {
      if count <= index {
        throw CellError(
          type: "ValueError",
          message:
            "Asked to get \(attribute) at node \(index), but the layer has only \(count) inbound nodes.",
          range: site.range)
      }
      throw CellError(type: "IndexError", message: "list index out of range", range: site.range)
    }
    let node = index < 0 ? count + index : index
    // An input layer's node takes the tensor it makes (tf-keras' `Node.input_tensors` of an
    // input node is its outputs).
    let tensors =
      name.contains("output") || instance.isInputLayer
      ? instance.outputTensors(node: node) : instance.inputTensors(node: node)
    guard let tensors, !tensors.isEmpty else {
      throw .unsupported(
        "ConvBook does not keep the tensors of call \(node) of the layer \"\(layerName)\"",
        at: site.range)
    }
    let asList =
      tensors.count > 1 || (name.contains("input") && instance.layer is any MultiInputLayer)
    if name.hasSuffix("_shape_at") {
      let shapes = tensors.map { Attributes.shapeValue($0.shape) }
      return asList ? .list(shapes) : shapes[0]
    }
    return LayerConnections.tensorsValue(tensors, asList: asList)
  }

  private static func bareName(_ name: String) -> String { "Layer." + name }
}
