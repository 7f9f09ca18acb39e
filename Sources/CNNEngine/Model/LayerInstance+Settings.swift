/// Settings Keras lets code change on a layer after it is made: `layer.activation = None`
/// (Grad-CAM code drops a classifier's softmax so): Keras' `call` reads `self.activation` at each
/// call, so later forward passes run the new activation; the weights, shapes and summary stay.
extension LayerInstance {
  /// Whether the layer has an `activation` setting (Dense, the convolutions, ...).
  public var hasActivationSetting: Bool {
    layer.common.arguments.values["activation"] != nil
  }

  /// The layer made again with `activation` (None, or an activation's name), same name and weights.
  public func setActivation(_ value: ArgumentValue) throws(KerasError) {
    let canonical = LayerCatalog.aliases[layer.className] ?? layer.className
    guard hasActivationSetting, let entry = LayerCatalog.entries[canonical] else {
      throw .value("ConvBook cannot change the activation of a \(layer.className) layer")
    }
    var common = layer.common
    common.arguments = common.arguments.replacing("activation", with: value)
    layer = try entry.make(common)
  }
}
