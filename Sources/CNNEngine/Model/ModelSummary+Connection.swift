extension ModelSummary {
  /// One input of a layer call inside a graph: the layer that made the tensor, which of its calls
  /// (node index) and which of that call's outputs (tensor index). tf-keras prints it as
  /// `conv2d[1][0]`; the data stays structured so that other summary styles can print it their way.
  public struct Connection: Sendable, Equatable {
    public var layerName: String
    public var nodeIndex: Int
    public var tensorIndex: Int

    public init(layerName: String, nodeIndex: Int, tensorIndex: Int = 0) {
      self.layerName = layerName
      self.nodeIndex = nodeIndex
      self.tensorIndex = tensorIndex
    }

    /// tf-keras' spelling: `name[node][tensor]`.
    public var kerasDescription: String { "\(layerName)[\(nodeIndex)][\(tensorIndex)]" }
  }
}
