/// The Keras tensors of a layer's calls (its inbound nodes), which `layer.output` and `layer.input`
/// read: Keras answers with the first call's tensors.
///
/// A node keeps its input tensors (older tensors: no cycle unless a layer is called on its own
/// output) and its output weakly, so a layer does not keep its own output alive. An output nobody
/// holds any more is made again from the node when asked for; no one can compare it with the old
/// one, so identity (`layer.input is model.input`, graphs built from `layer.output`) is kept.
final class LayerNode {
  let inputs: [KerasTensor]
  let shape: TensorShape
  weak var output: KerasTensor?

  init(inputs: [KerasTensor], shape: TensorShape, output: KerasTensor) {
    self.inputs = inputs
    self.shape = shape
    self.output = output
  }
}

extension LayerInstance {
  /// Notes the tensor a call of this layer made (every `KerasTensor` registers itself).
  func register(_ tensor: KerasTensor) {
    guard nodeRecords[tensor.nodeIndex]?.output == nil else { return }
    nodeRecords[tensor.nodeIndex] = LayerNode(
      inputs: tensor.inputs, shape: tensor.shape, output: tensor)
  }

  /// The output tensor of the layer's call `node` (`layer.output` is node 0's); nil when the layer
  /// was called fewer times, or when that call made no tensor (a layer built without a graph).
  public func outputTensor(node: Int = 0) -> KerasTensor? {
    guard let record = nodeRecords[node] else { return nil }
    if let output = record.output { return output }
    return KerasTensor(
      shape: record.shape, producer: self, inputs: record.inputs, nodeIndex: node)
  }

  /// The tensors the layer's call `node` took (`layer.input` is node 0's); empty for an input
  /// layer.
  public func inputTensors(node: Int = 0) -> [KerasTensor]? {
    nodeRecords[node]?.inputs
  }
}

extension LayerInstance {
  /// Whether the layer's calls took inputs of different shapes; tf-keras' `input_shape` then
  /// raises. Only calls that made a tensor are known.
  public var hasMultipleInputShapes: Bool {
    Set(nodeRecords.values.map { $0.inputs.map(\.shape) }).count > 1
  }
}
