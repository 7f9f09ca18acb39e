import CNNEngine

/// CPython 3.11's "Did you mean" for an attribute a Keras symbolic tensor or a built-in layer lacks
/// (`inp._keras_shape` in old squeeze-and-excitation blocks: tf-keras `Did you mean:
/// '_keras_mask'?`): the closest name of the object's `dir()`, as each Keras has it
/// (`KerasDirNames`, measured on tf-keras 2.21 and Keras 3.15.1).
enum KerasAttributeSuggestion {
  /// nil where CPython suggests nothing, or where ConvBook does not know the object's names (a
  /// tensor inside a traced call is TensorFlow's own; a subclass has the script's names too).
  static func suggestion(for name: String, of base: Value, interpreter: Interpreter) -> String? {
    let keras3 = interpreter.kerasVersion == .keras3
    switch base {
    case .kerasTensor(let tensor) where interpreter.session.lambdaTracingDepth == 0:
      var names = keras3 ? KerasDirNames.keras3Tensor : KerasDirNames.tfKerasTensor
      if hasMaskAttribute(tensor, keras3: keras3) {
        names = (names + ["_keras_mask"]).sorted()
      }
      return NameSuggestion.closest(to: name, among: names)
    case .layer(let instance) where instance.model == nil && instance.subclassName == nil:
      let className = instance.layer.className
      let added = keras3 ? KerasDirNames.keras3Added : KerasDirNames.tfKerasAdded
      guard let own = added[className] else { return nil }
      let lacking = Set(
        (keras3 ? KerasDirNames.keras3Lacking : KerasDirNames.tfKerasLacking)[
          className] ?? [])
      var names = Set(keras3 ? KerasDirNames.keras3Layer : KerasDirNames.tfKerasLayer)
      names.subtract(lacking)
      names.formUnion(own)
      if instance.isBuilt {
        names.formUnion(
          (keras3 ? KerasDirNames.keras3Built : KerasDirNames.tfKerasBuilt)[
            className] ?? [])
      }
      return NameSuggestion.closest(to: name, among: names.sorted())
    default:
      return nil
    }
  }

  /// Whether the tensor has `_keras_mask`: in Keras 3 the outputs that carry a mask; in tf-keras
  /// also every `keras.Input` tensor (its mask None).
  private static func hasMaskAttribute(_ tensor: KerasTensor, keras3: Bool) -> Bool {
    if keras3 { return tensor.keras3Mask != nil }
    return tensor.isInput || carriesMask(tensor)
  }

  /// tf-keras: whether the tensor's mask is set, by `Embedding(mask_zero=True)` or `Masking`, then
  /// passed on by the layers that carry it.
  private static func carriesMask(_ tensor: KerasTensor) -> Bool {
    var next: KerasTensor? = tensor
    while let current = next, !current.isInput {
      let layer = current.producer.layer
      if !KerasMask.operations(of: layer).isEmpty { return true }
      guard current.outputIndex == 0, KerasMask.carries(layer) else { return false }
      next = current.input
    }
    return false
  }
}
