/// The Keras tensors of a layer's calls (its inbound nodes), which `layer.output` and `layer.input`
/// read: Keras answers with the first call's tensors.
///
/// A record keeps the call's input tensors (older tensors: no cycle unless a layer is called on its
/// own output) and its node and outputs weakly, so a layer does not keep its own output alive (a
/// node holds its layer). An output nobody holds any more is made again from the record when asked
/// for; no one can compare it with the old one, so identity (`layer.input is model.input`, graphs
/// built from `layer.output`) is kept.
final class NodeRecord {
  private(set) var inputs: [KerasTensor]
  let outputShapes: [TensorShape]
  let structure: LayerNode.Structure
  let takesMask: Bool
  let keras3Names: [String]?
  let training: Bool?
  weak var node: LayerNode?
  private var outputs: [WeakTensor]

  private struct WeakTensor {
    weak var tensor: KerasTensor?
  }

  init(_ node: LayerNode) {
    inputs = node.inputs
    outputShapes = node.outputShapes
    structure = node.structure
    takesMask = node.takesMask
    keras3Names = node.keras3Names
    training = node.training
    self.node = node
    outputs = Array(repeating: WeakTensor(), count: node.outputShapes.count)
  }

  // A chain of 100,000 calls (`t = t + 1` in a loop) is freed without recursing per link.
  deinit {
    var taken = inputs
    inputs = []
    DeferredRelease.release(&taken, empty: [])
  }

  var isAlive: Bool { outputs.contains { $0.tensor != nil } }

  func note(_ tensor: KerasTensor) {
    guard outputs.indices.contains(tensor.outputIndex) else { return }
    outputs[tensor.outputIndex].tensor = tensor
  }

  /// The call's output tensors, made again (on one new node) where nobody holds them any more.
  func outputTensors(of instance: LayerInstance, nodeIndex: Int) -> [KerasTensor] {
    if outputs.allSatisfy({ $0.tensor != nil }) { return outputs.map { $0.tensor! } }
    let node =
      self.node
      ?? LayerNode(
        producer: instance, inputs: inputs, nodeIndex: nodeIndex, outputShapes: outputShapes,
        structure: structure, takesMask: takesMask, keras3Names: keras3Names, training: training)
    self.node = node
    return outputs.indices.map { index in
      if let tensor = outputs[index].tensor { return tensor }
      let tensor = KerasTensor(node: node, outputIndex: index)
      outputs[index].tensor = tensor
      return tensor
    }
  }
}

extension LayerInstance {
  /// Notes a tensor a call of this layer made (every `KerasTensor` registers itself).
  func register(_ tensor: KerasTensor) {
    if let record = nodeRecords[tensor.nodeIndex] {
      if record.node === tensor.node {
        record.note(tensor)
        return
      }
      guard !record.isAlive else { return }
    }
    let record = NodeRecord(tensor.node)
    record.note(tensor)
    nodeRecords[tensor.nodeIndex] = record
  }

  /// Lets `clock` count this layer's calls by a Sequential model's rebuilds (`NodeShapes`); false
  /// when it already follows another model's.
  func followRebuilds(of clock: RebuildClock) -> Bool {
    nodeOutputShapes.follow(clock)
  }

  /// Stops counting `clock`'s rebuilds as calls of this layer (it left the model).
  func leaveRebuilds(of clock: RebuildClock) {
    nodeOutputShapes.leave(clock)
  }

  /// Records one more call on the inputs of the last one (Keras 3's rebuild of a Sequential model
  /// calls its layers again on the same shapes), without computing the shapes again.
  func repeatLastCall() {
    nodeOutputShapes.repeatLast()
  }

  /// The first output tensor of the layer's call `node` (`layer.output` is node 0's); nil when the
  /// layer was called fewer times, or when that call made no tensor (a layer built without a
  /// graph).
  public func outputTensor(node: Int = 0) -> KerasTensor? {
    outputTensors(node: node)?.first
  }

  /// Every output tensor of the layer's call `node`, with how Python sees them (one tensor, a list
  /// or a tuple).
  public func outputTensors(node: Int = 0) -> [KerasTensor]? {
    guard let record = record(node: node) else { return nil }
    return record.outputTensors(of: self, nodeIndex: node)
  }

  /// How the layer's call `node` returned its outputs; nil when unknown.
  public func outputStructure(node: Int = 0) -> LayerNode.Structure? {
    record(node: node)?.structure
  }

  /// The record of the call `node`, making its tensors first if they are still pending.
  private func record(node: Int) -> NodeRecord? {
    if nodeRecords[node] == nil, let make = pendingNodes.removeValue(forKey: node) { make() }
    return nodeRecords[node]
  }

  /// The first output tensor of the call `node` if it was made, without making a pending one.
  func madeOutputTensor(node: Int) -> KerasTensor? {
    guard let record = nodeRecords[node] else { return nil }
    return record.outputTensors(of: self, nodeIndex: node).first
  }

  /// The tensors the layer's call `node` took (`layer.input` is node 0's); empty for an input
  /// layer.
  public func inputTensors(node: Int = 0) -> [KerasTensor]? {
    record(node: node)?.inputs
  }
}

extension LayerInstance {
  /// Whether the layer's calls took inputs of different shapes; tf-keras' `input_shape` then
  /// raises. Only calls that made a tensor are known.
  public var hasMultipleInputShapes: Bool {
    Set(nodeRecords.values.map { $0.inputs.map(\.shape) }).count > 1
  }
}
