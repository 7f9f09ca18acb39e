import CNNEngine

/// A Keras 3 layer of one input called on a list holding one Keras tensor (`Dense(1)(encoder(x))`
/// where the functional model `encoder` was built with `outputs=[z]`, whose symbolic calls return
/// a one-element list): Keras 3 builds the layer on the list of shapes, and each layer fails its
/// own way (a Dense makes a kernel of shape `((None, 4), 5)`; Flatten's `call` finds no `shape`
/// on the list; Activation and Dropout hand the list back).
extension Calls {
  static func oneTensorListError(_ instance: LayerInstance, _ tensor: KerasTensor, site: CallSite)
    -> CellError
  {
    if let dense = instance.layer as? Dense, !instance.isBuilt {
      // Dense.build takes `input_shape[-1]`, the one shape, as the kernel's first dimension;
      // `standardize_shape` rejects it.
      let shape = tensor.shape.description
      return CellError(
        type: "ValueError",
        message:
          "Cannot convert '(\(shape), \(dense.units))' to a shape. Found invalid dimension '\(shape)' of type '<class 'tuple'>'. ",
        range: site.range)
    }
    return .unsupported(
      "ConvBook does not support calling the layer \"\(instance.name)\" (\(instance.layer.className)) on a list of one Keras tensor in Keras 3 yet (a functional model built with `outputs=[x]` returns such a list to a call on Keras tensors)",
      at: site.range)
  }
}
