import CNNEngine

/// How Python shows Keras' classes and objects, which depends on the Keras a session imitates:
/// a class with the module that defines it (`<class 'keras.src.layers.activations.relu.ReLU'>`,
/// `<class 'tf_keras.src.layers.activation.relu.ReLU'>`, from `KerasClassModules`), and a layer
/// or model as Keras 3's `Layer.__repr__` writes it (`<Dense name=dense, built=False>`). tf-keras
/// shows a layer as Python's default `<tf_keras.src.layers.core.dense.Dense object at 0x7f...>`,
/// whose address changes from run to run: ConvBook refuses to print it.
enum KerasObjectText {
  /// The Keras of the session whose cell runs on this thread; nil where no cell runs (then a class
  /// shows the path the cell reached it by).
  @TaskLocal static var sessionVersion: KerasVersion?

  /// The class name Python gives a Keras class value (`__name__`: `Conv2D` for
  /// `keras.layers.Convolution2D`), or nil for a value that is not one of Keras' classes.
  static func className(of callable: Callable) -> String? {
    let last = String(callable.path.split(separator: ".").last ?? "")
    switch callable.kind {
    case .layerClass(let name): return name
    case .sequentialClass: return "Sequential"
    case .modelClass:
      // `type(model)` of a subclass traced into a graph carries the subclass' name.
      return last == "Functional" || last == "Model" ? last : nil
    case .objectFactory(let name), .unsupportedModelClass(let name):
      // Optimizers, `Layer`, `KerasTensor` (`type(x)` of what ConvBook has no class of); not the
      // legacy optimizers, which live in other modules.
      guard name == last, !callable.path.contains(".legacy."),
        KerasClassModules.keras3[name] != nil || KerasClassModules.tfKeras[name] != nil
      else { return nil }
      return name
    default: return nil
    }
  }

  /// `__module__` of a Keras class in `version`.
  static func module(of callable: Callable, version: KerasVersion) -> String? {
    guard let name = className(of: callable) else { return nil }
    let table =
      (callable.kerasVersion ?? version) == .keras3
      ? KerasClassModules.keras3 : KerasClassModules.tfKeras
    return table[name]
  }

  /// `repr(cls)` of a Keras class in the running session's Keras, or nil where that is unknown.
  static func classRepr(_ callable: Callable) -> String? {
    guard let version = sessionVersion, let name = className(of: callable),
      let module = module(of: callable, version: version)
    else { return nil }
    return "<class '\(module).\(name)'>"
  }

  /// `repr(layer)` in Keras 3 (`<Dense name=dense, built=True>`); nil in tf-keras, whose text
  /// holds an address (`requireKnownText` refuses it).
  static func objectRepr(className: String, name: String, built: Bool) -> String? {
    guard sessionVersion == .keras3 else { return nil }
    return keras3Repr(className: className, name: name, built: built)
  }

  /// Keras 3's `Layer.__repr__`, whatever Keras the session imitates (a Keras 3 object reached
  /// from a tf-keras session, a subclass instance).
  static func keras3Repr(className: String, name: String, built: Bool) -> String {
    "<\(className) name=\(name), built=\(built ? "True" : "False")>"
  }
}
