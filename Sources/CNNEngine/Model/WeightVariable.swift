/// A weight of a built layer as Keras exposes it (`layer.kernel`, `model.weights[0]`): its shape and
/// its variable name, `conv2d/kernel:0`. ConvBook knows the shapes of weights, not their values.
public struct WeightVariable: Sendable, Equatable {
  public var layerName: String
  public var spec: WeightSpec
  /// The Keras package of the layer, where a script mixes two (tf-keras' in a Keras 3 script names
  /// the variable by its path); nil: the session's.
  public var kerasVersion: KerasVersion?

  public init(layerName: String, spec: WeightSpec) {
    self.layerName = layerName
    self.spec = spec
  }

  /// Keras' variable name: the layer's name scope, the weight's name, and TensorFlow's output index.
  public var name: String { "\(layerName)/\(spec.name):0" }
  public var shape: [Int] { spec.shape }
  public var trainable: Bool { spec.trainable }
}
