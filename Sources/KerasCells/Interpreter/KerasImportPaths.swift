import CNNEngine

/// What Python finds when a script imports a dotted path into a Keras package that ConvBook does
/// not resolve. Python imports `keras.engine.topology` one module at a time and names the first
/// one that is missing (`No module named 'keras.engine'`), so the recorded public names of each
/// package on the path (`KerasAPINames` for tf-keras, `KerasLayerAttributeNames.keras3Modules`
/// for Keras 3) decide where the import stops: the Keras 1 and 2 modules of old scripts
/// (`keras.engine`, `keras.layers.convolutional`, `keras.utils.np_utils`, tf-keras'
/// `keras.wrappers`) are missing in both packages.
enum KerasImportPaths {
  enum Outcome: Equatable {
    /// Python's `ModuleNotFoundError` for this prefix of the path.
    case missing([String])
    /// A module the Keras package has that ConvBook does not model (Keras 3's `keras.legacy`).
    case unmodelled([String])
  }

  /// The outcome of importing `components` in a session of `version`, or nil when the recorded
  /// names cannot tell (a path outside the Keras packages, or through `src`).
  static func outcome(of components: [String], in version: KerasVersion) -> Outcome? {
    guard components.count >= 2 else { return nil }
    for index in 1..<components.count {
      let component = components[index]
      guard !component.hasPrefix("_"), !packageInternals.contains(component),
        let names = publicNames(of: Array(components.prefix(index)), in: version)
      else { continue }
      let prefix = Array(components.prefix(index + 1))
      guard names.contains(component) else { return .missing(prefix) }
      if KerasModule.resolve(path: prefix) == nil, publicNames(of: prefix, in: version) == nil {
        return .unmodelled(prefix)
      }
    }
    return nil
  }

  /// The packages' own folders beside the public API, which `dir()` of the API does not list.
  private static let packageInternals: Set<String> = ["src", "api", "protobuf"]

  /// `dir()` of the Keras module a dotted path names (`keras.layers`, `tensorflow.keras`,
  /// `tf_keras.utils`) as recorded for `version` (`tf_keras` is tf-keras' in any session), or nil
  /// where no names are recorded.
  private static func publicNames(of path: [String], in version: KerasVersion) -> Set<String>? {
    let subpath: ArraySlice<String>
    var version = version
    switch path.first {
    case "keras": subpath = path.dropFirst()
    case "tf_keras":
      subpath = path.dropFirst()
      version = .keras2
    case "tensorflow" where path.count >= 2 && path[1] == "keras": subpath = path.dropFirst(2)
    default: return nil
    }
    guard !subpath.contains(where: packageInternals.contains) else { return nil }
    let key = subpath.joined(separator: ".")
    guard version == .keras3 else {
      return KerasAPINames.names[key.isEmpty ? "keras" : "keras." + key]
    }
    let tables = KerasLayerAttributeNames.keras3Modules
    if path.first == "tensorflow", let names = tables["tf." + key] { return names }
    return tables[key]
  }
}
