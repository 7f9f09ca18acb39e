/// A weight of a built layer as Keras exposes it (`layer.kernel`, `model.weights[0]`): its shape and
/// its variable name, `conv2d/kernel:0`. ConvBook knows the shapes of weights, not their values.
public struct WeightVariable: Sendable, Equatable {
  public var layerName: String
  public var spec: WeightSpec
  /// The Keras package of the layer, where a script mixes two (tf-keras' in a Keras 3 script names
  /// the variable by its path); nil: the session's.
  public var kerasVersion: KerasVersion?
  /// The name scope Keras shows where it is not `layerName`: a custom layer's name for the weight
  /// its `add_weight` made (ConvBook's node of it is `my_layer/kernel`).
  public var scope: String?
  /// The layer that holds the weight, where the variable came from one: two models may each have
  /// a layer of the same name (a model and the copy its weights are moved into), so the name
  /// alone cannot say whose values `w.numpy()` reads.
  public var owner: LayerInstance? { ownerReference?.instance }
  private var ownerReference: OwnerReference?

  public init(
    layerName: String, spec: WeightSpec, scope: String? = nil, owner: LayerInstance? = nil
  ) {
    self.layerName = layerName
    self.spec = spec
    self.scope = scope
    self.ownerReference = owner.map(OwnerReference.init)
  }

  /// The variable's name within ConvBook: the layer's name, the weight's name, and TensorFlow's
  /// output index (how weight values are found).
  public var name: String { "\(layerName)/\(spec.name):0" }
  /// Keras' variable name (`variable.name` under tf-keras): `conv2d/kernel:0`, `my_layer/kernel:0`.
  /// An empty scope: a weight tf-keras made outside any name scope (a custom layer's
  /// `add_weight` in `__init__`: `Variable:0`).
  public var kerasName: String {
    scope == "" ? "\(spec.name):0" : "\(scope ?? layerName)/\(spec.name):0"
  }
  public var shape: [Int] { spec.shape }
  public var trainable: Bool { spec.trainable }

  /// One variable of one layer: the same name and shape in two layers are two variables.
  public static func == (lhs: WeightVariable, rhs: WeightVariable) -> Bool {
    lhs.layerName == rhs.layerName && lhs.spec == rhs.spec && lhs.kerasVersion == rhs.kerasVersion
      && lhs.scope == rhs.scope && lhs.owner === rhs.owner
  }
}

/// A weak reference to the layer holding a variable: a variable kept in a cell's namespace does
/// not keep its layer alive, as a Keras variable does not keep its layer.
private final class OwnerReference: @unchecked Sendable {
  weak var instance: LayerInstance?
  init(_ instance: LayerInstance) { self.instance = instance }
}
