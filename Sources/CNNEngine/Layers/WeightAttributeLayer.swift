/// A layer that keeps its weights as Python attributes (`layer.kernel`, `bn.moving_mean`), built
/// or not: an absent one (`use_bias=False`) reads as None once the layer is built. Each layer
/// names its own, in its own file.
public protocol WeightAttributeLayer: Layer {
  /// The attribute names of the weights, as Keras' layer class sets them in `build`.
  var weightAttributeNames: [String] { get }
}
