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

  func remove(_ name: String, of object: AnyObject) {
    attributes[ObjectIdentifier(object)]?.values[name] = nil
  }

  /// Where tf-keras keeps what a script assigned to `trainable` that is no bool (`= 0`,
  /// `= 2**64`): its setter stores the value as given, which `trainable` then reads back (the
  /// layer trains by its truth). A name no script can use as an attribute.
  static let givenTrainable = "\u{0}trainable"
}
