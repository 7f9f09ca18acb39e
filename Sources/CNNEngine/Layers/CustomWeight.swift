/// A weight a custom layer made for itself (`self.w = self.add_weight(shape=..., initializer=...)`
/// in its `build`), as one node of the graph its traced `call` became: the node reads the custom
/// layer's input only to be part of the graph and returns the weight's value, whatever the input
/// (so `tf.matmul(inputs, self.w) + self.b` is a graph of tensor functions over the input and two
/// such nodes). Not a Keras layer: Keras counts the weight as the custom layer's, and so does the
/// summary, which shows the custom layer as one row.
public struct CustomWeight: Layer {
  public let common: LayerCommon
  public let spec: WeightSpec

  public var className: String { "CustomWeight" }

  /// `name`: unique within the custom layer's graph; `spec.name` is the weight's own name.
  public init(name: String, spec: WeightSpec) {
    common = LayerCommon(
      name: name, arguments: LayerArguments(className: "CustomWeight", values: [:]))
    self.spec = spec
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    TensorShape(spec.shape.map { Optional($0) })
  }

  public func weights(for input: TensorShape) -> [WeightSpec] { [spec] }
}
