/// `layer.build(input_shape)` called by code (at the top level, or a custom layer's `build`
/// building a sublayer before reading its kernel): the layer creates its weights for that shape
/// without a call, so it has no node yet; its first call then makes node 0 and must fit the
/// weights built. A layer that is built already is refused (Keras would add a second set of
/// weights).
extension LayerInstance {
  public func build(for shape: TensorShape) throws(KerasError) {
    // A Lambda is built on one shape once its function is traced on it.
    guard model == nil, layer is Lambda || !(layer is any MultiInputLayer), !(layer is InputLayer)
    else {
      throw .limitation(
        "ConvBook supports layer.build(input_shape) on single-input layers only, not on \(className) yet"
      )
    }
    if isBuilt {
      // Keras' `build` would add a second set of weights to the layer.
      throw .limitation(
        "ConvBook does not support building the layer \"\(name)\", which is built already, again"
      )
    }
    let output = try layer.outputShape(for: shape)
    ownCounts = try LayerCounts.measure(layer, input: shape, output: output)
    inputShape = shape
    outputShape = output
  }
}
