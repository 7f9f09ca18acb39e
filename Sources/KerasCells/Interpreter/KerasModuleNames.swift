import CNNEngine

/// The names Python gives Keras' modules, which depend on the path a script reached them by
/// (measured with TensorFlow 2.21, Keras 3.15.1 and tf-keras 2.21):
///
/// | reached by | tf-keras (`keras` is tf-keras) | Keras 3 |
/// | --- | --- | --- |
/// | `import keras`, `from keras import layers` | `tf_keras.layers` | `keras.layers` |
/// | `import tf_keras` | `tf_keras.layers` | `tf_keras.layers` |
/// | `tf.keras`, `from tensorflow.keras import layers` | `tf_keras.api._v2.keras.layers` | `keras._tf_keras.keras.layers` (the package, `layers`, `losses`, `metrics`, `backend`, `preprocessing`) or `keras.models` (the others, which Keras 3 shares) |
///
/// A module reached through the `keras` package is wrapped (`KerasModule.tfKeras` under tf-keras,
/// `KerasModule.keras3Package` under Keras 3); one reached through `tf.keras` is not.
extension KerasModule {
  /// The module reached through the `keras` package in a session of `version`: wrapped so that its
  /// name (and its submodules') is the package's. Modules that are no Keras modules stay as they are.
  static func reached(_ module: KerasModule, throughKerasIn version: KerasVersion) -> KerasModule {
    switch module {
    case .tfKeras, .keras3Package, .keras3Backend, .kerasSource: return module
    default:
      guard module.kerasSubpath != nil else { return module }
      return version == .keras3 ? .keras3Package(module) : .tfKeras(module)
    }
  }

  /// The module's path inside a Keras package (`[]` for the package, `["datasets", "mnist"]`), or
  /// nil for a module that is no Keras module.
  var kerasSubpath: [String]? {
    switch self {
    case .tfKeras(let module), .keras3Package(let module), .kerasSource(let module):
      return module.kerasSubpath
    case .tensorflowKerasImported(let module): return module.kerasSubpath
    case .keras: return []
    case .keras3Backend: return ["backend"]
    case .dataset(let name) where !ShapesDatasetLoader.names.contains(name):
      return ["datasets", name]
    case .applicationModule(let name): return ["applications", name]
    default:
      let component = componentName
      return component.isEmpty ? nil : component.split(separator: ".").map(String.init)
    }
  }

  /// The module's `__name__` in a session of `version`, as Python's errors about it print it.
  func pythonName(in version: KerasVersion) -> String {
    guard let subpath = kerasSubpath else { return pythonName }
    switch self {
    case .tensorflowKerasImported: return pythonName
    case .tfKeras: return (["tf_keras"] + subpath).joined(separator: ".")
    case .keras3Package, .keras3Backend: return (["keras"] + subpath).joined(separator: ".")
    default:
      guard version == .keras3 else { return pythonName }
      // `tf.keras` under Keras 3 is `keras._tf_keras.keras`, whose own modules are these; it
      // shares the others with `keras`.
      let own: Set<String> = ["layers", "losses", "metrics", "backend", "preprocessing"]
      let root = subpath.first.map(own.contains) ?? true ? "keras._tf_keras.keras" : "keras"
      return ([root] + subpath).joined(separator: ".")
    }
  }

  /// The module's `__init__.py` below site-packages in a session of `version`, as an ImportError of
  /// `from MODULE import NAME` names it (Python prints the absolute path, which differs from machine
  /// to machine).
  func initFile(in version: KerasVersion, path: [String]) -> String? {
    switch self {
    case .tensorflow: return "tensorflow/__init__.py"
    case .tensorflowNN: return "tensorflow/_api/v2/nn/__init__.py"
    case .tensorFunctions(let namespace) where TensorFlowNamespaceNames.names[namespace] != nil:
      return "tensorflow/_api/v2/\(namespace.dropFirst("tensorflow.".count))/__init__.py"
    default: break
    }
    guard let subpath = kerasSubpath else { return nil }
    let package: [String]
    switch (path.first, version) {
    case ("tensorflow"?, .keras3): package = ["keras", "_tf_keras", "keras"]
    case ("tensorflow"?, .keras2): package = ["tf_keras", "api", "_v2", "keras"]
    case ("keras"?, .keras3): package = ["keras"]
    default: package = ["tf_keras"]
    }
    return (package + subpath + ["__init__.py"]).joined(separator: "/")
  }

  /// The module an ImportError of `from MODULE import NAME` names: the path as written for
  /// TensorFlow's, the package's own name for `keras` and `tf_keras`.
  func importedName(in version: KerasVersion, path: [String]) -> String {
    path.first == "tensorflow" ? path.joined(separator: ".") : pythonName(in: version)
  }
}

extension KerasModule {
  /// A name of `keras.preprocessing` or one of its modules: a submodule, or a stand-in for a class
  /// or function of data preparation that either Keras has (importing it works, using it is
  /// refused: `Calls`); nil for a name neither has. Which Keras and path lack a name is
  /// `lacks(_:in:)` (`KerasModuleDirectory`).
  func preprocessingAttribute(_ name: String, of module: String) -> Value? {
    if module.isEmpty, ["image", "sequence", "text"].contains(name) {
      return .module(.preprocessing(name))
    }
    let key = module.isEmpty ? "preprocessing" : "preprocessing." + module
    let known = [
      KerasAPINames.names["keras." + key], KerasLayerAttributeNames.keras3Modules[key],
      KerasLayerAttributeNames.keras3Modules["tf." + key],
    ]
    guard known.contains(where: { $0?.contains(name) == true }) else { return nil }
    if key == "preprocessing.sequence", name == "pad_sequences" {
      return .function(
        Callable(.builtin("keras.utils.pad_sequences"), path: "keras.\(key).\(name)"))
    }
    if key == "preprocessing.image", name == "ImageDataGenerator" {
      return .function(
        Callable(
          .builtin("keras.preprocessing.image.ImageDataGenerator"), path: "keras.\(key).\(name)"))
    }
    if key == "preprocessing.text", name == "Tokenizer" || name == "text_to_word_sequence" {
      return .function(
        Callable(.builtin("keras.preprocessing.text." + name), path: "keras.\(key).\(name)"))
    }
    return .module(.inert("keras.\(key).\(name)"))
  }
}

extension KerasModule {
  /// `module.name` when TensorFlow hands out a module registered under its path because an import
  /// statement named that path (`tf.keras.preprocessing.image` after `from
  /// tensorflow.keras.preprocessing.image import ...`), or nil for the usual module.
  static func importedByPath(_ name: String, of module: KerasModule, paths: Set<String>)
    -> KerasModule?
  {
    let found: KerasModule
    switch module {
    case .tensorflow where name == "keras": found = .keras
    case .tensorflowKerasImported(let inner):
      guard case .module(let next)? = inner.attribute(name) else { return nil }
      found = next
    default: return nil
    }
    guard let subpath = found.kerasSubpath,
      paths.contains((["tensorflow", "keras"] + subpath).joined(separator: "."))
    else { return nil }
    return .tensorflowKerasImported(found)
  }
}
