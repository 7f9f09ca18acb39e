/// A layer object as Python sees it: one identity that models share, plus the shapes it was built
/// with once a model with a known input has called it.
public final class LayerInstance {
  public let layer: any Layer
  public internal(set) var inputShape: TensorShape?
  public internal(set) var outputShape: TensorShape?
  /// `layer.trainable`, which a cell may change after construction; frozen weights count as
  /// non-trainable.
  public var trainable: Bool

  public init(_ layer: any Layer) {
    self.layer = layer
    trainable = layer.common.trainable
  }

  public var name: String { layer.name }
  public var className: String { layer.className }
  public var isBuilt: Bool { inputShape != nil }

  /// The weights this layer created; empty until it is built.
  public var weights: [WeightSpec] {
    guard let inputShape else { return [] }
    return layer.weights(for: inputShape).map { spec in
      var spec = spec
      if !trainable { spec.trainable = false }
      return spec
    }
  }

  /// `layer.weights`: trainable weights first, then the others, each group in creation order.
  public var variables: [WeightVariable] { trainableVariables + nonTrainableVariables }
  public var trainableVariables: [WeightVariable] {
    weights.filter(\.trainable).map { WeightVariable(layerName: name, spec: $0) }
  }
  public var nonTrainableVariables: [WeightVariable] {
    weights.filter { !$0.trainable }.map { WeightVariable(layerName: name, spec: $0) }
  }

  /// Whether this is an input layer, whose shapes Keras reports as one-element lists.
  public var isInputLayer: Bool { layer is InputLayer }

  public var parameterCount: Int { weights.reduce(0) { $0 + $1.count } }
  public var trainableParameterCount: Int {
    weights.filter(\.trainable).reduce(0) { $0 + $1.count }
  }

  /// `layer.count_params()`, which Keras refuses before the layer is built.
  public func countParams() throws(KerasError) -> Int {
    guard isBuilt else {
      throw .value(
        "You tried to call `count_params` on layer \(name), but the layer isn't built. You can build it manually via: `\(name).build(batch_input_shape)`."
      )
    }
    return parameterCount
  }

  /// Runs the layer on a symbolic input of `shape`, as calling it inside a model does.
  @discardableResult
  func call(on shape: TensorShape) throws(KerasError) -> TensorShape {
    let output = try layer.outputShape(for: shape)
    inputShape = shape
    outputShape = output
    return output
  }

  /// Records the shapes of a layer that is built without being called: an input layer.
  func markBuilt(input: TensorShape, output: TensorShape) {
    inputShape = input
    outputShape = output
  }

  /// `layer.output_shape`, which Keras refuses for a layer never called.
  public func requireOutputShape() throws(KerasError) -> TensorShape {
    guard let outputShape else {
      throw .attribute(
        "The layer \"\(name)\" has never been called and thus has no defined output shape.")
    }
    return outputShape
  }

  /// `layer.input_shape`, which Keras refuses for a layer never called.
  public func requireInputShape() throws(KerasError) -> TensorShape {
    guard let inputShape else {
      throw .attribute(
        "The layer \"\(name)\" has never been called and thus has no defined input shape. Note that the `input_shape` property is only available for Functional and Sequential models."
      )
    }
    return inputShape
  }
}
