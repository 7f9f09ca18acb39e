import CNNEngine

/// The preprocessing layers the cell language runs on data (`TextVectorizationLayer`,
/// `IndexLookupLayer`, `HashingLayer`): objects of the cell language that stand for Keras layer
/// objects, with Keras' class path (`type(x)`) and default `repr`.
protocol KerasDataLayer: AnyObject {
  var className: String { get }
  var name: String { get }
  var kerasVersion: KerasVersion { get }
}

extension KerasDataLayer {
  /// `<class 'keras.src.layers.preprocessing.hashing.Hashing'>`'s path.
  var classPath: String { KerasPackages.qualifiedClass(className, in: kerasVersion) }

  /// Keras 3's layer repr; tf-keras' is Python's default, whose address ConvBook leaves out.
  var layerRepr: String {
    kerasVersion == .keras3
      ? KerasObjectText.keras3Repr(className: className, name: name, built: true)
      : "<\(classPath) object>"
  }
}
