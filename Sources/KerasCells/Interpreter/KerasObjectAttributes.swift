import CNNEngine

/// The attributes cells give Keras models and layers beyond Keras' own (`model.n_classes = 3`,
/// `model.predict_segmentation = MethodType(predict, model)`): each object's `__dict__` entries.
/// The objects are held here too, so an identity is never reused while its attributes live.
final class KerasObjectAttributes {
  private var attributes: [ObjectIdentifier: (object: AnyObject, values: [String: Value])] = [:]

  func value(_ name: String, of object: AnyObject) -> Value? {
    attributes[ObjectIdentifier(object)]?.values[name]
  }

  func set(_ name: String, of object: AnyObject, to value: Value) {
    attributes[ObjectIdentifier(object), default: (object, [:])].values[name] = value
  }
}
