import CNNEngine

/// `issubclass` between Keras' classes as both Kerases define them: every layer class and `Model`
/// is a `Layer`, `Sequential` a `Model`, and among the public layer classes the few that extend
/// another (recorded from `keras.layers` of tf-keras 2.21 and Keras 3.15, aliases left out: tf-keras'
/// transposed convolutions extend the convolutions, Keras 3's do not). Classes of the two packages
/// in one session are unrelated.
enum KerasClassHierarchy {
  /// The public layer classes each public layer class extends, besides `Layer`.
  private static let tfKerasBases: [String: Set<String>] = [
    "Bidirectional": ["Wrapper"], "TimeDistributed": ["Wrapper"],
    "SpectralNormalization": ["Wrapper"], "Conv1DTranspose": ["Conv1D"],
    "Conv2DTranspose": ["Conv2D"], "Conv3DTranspose": ["Conv3D"], "ConvLSTM1D": ["RNN"],
    "ConvLSTM2D": ["RNN"], "ConvLSTM3D": ["RNN"], "GRU": ["RNN"], "LSTM": ["RNN"],
    "SimpleRNN": ["RNN"], "SpatialDropout1D": ["Dropout"], "SpatialDropout2D": ["Dropout"],
    "SpatialDropout3D": ["Dropout"],
  ]

  private static let keras3Bases: [String: Set<String>] = [
    "AdditiveAttention": ["Attention"], "TimeDistributed": ["Wrapper"],
    "SpectralNormalization": ["Wrapper"], "ConvLSTM1D": ["RNN"], "ConvLSTM2D": ["RNN"],
    "ConvLSTM3D": ["RNN"], "GRU": ["RNN"], "LSTM": ["RNN"], "SimpleRNN": ["RNN"],
    "ReversibleEmbedding": ["Embedding"], "SpatialDropout1D": ["Dropout"],
    "SpatialDropout2D": ["Dropout"], "SpatialDropout3D": ["Dropout"],
  ]

  /// A Keras class: its package (`KerasPackages.classPrefix`), Keras version and name.
  struct KerasClass {
    let package: String
    let version: KerasVersion
    let name: String
  }

  static func kerasClass(_ callable: Callable, interpreter: Interpreter) -> KerasClass? {
    let name: String
    switch callable.kind {
    case .layerClass(let className): name = className
    case .sequentialClass: name = "Sequential"
    case .modelClass: name = "Model"
    case .unsupportedModelClass("Layer"): name = "Layer"
    default: return nil
    }
    return KerasClass(
      package: KerasPackages.classPrefix(callable.kerasVersion, interpreter: interpreter),
      version: callable.kerasVersion ?? interpreter.kerasVersion, name: name)
  }

  /// The Keras class a script's class extends through its bases (`class Block(layers.Layer)`,
  /// `class MCDropout(layers.Dropout)`, `class Net(keras.Model)`), or nil.
  static func kerasClass(extendedBy type: PythonClass, interpreter: Interpreter) -> KerasClass? {
    if let layer = type.kerasLayerClass { return kerasClass(layer, interpreter: interpreter) }
    guard let base = type.kerasBase else { return nil }
    return KerasClass(
      package: KerasPackages.classPrefix(nil, interpreter: interpreter),
      version: interpreter.kerasVersion, name: type.extendsSequential ? "Sequential" : base)
  }

  /// `issubclass(type, wanted)` for a Keras class `type`; nil where ConvBook does not know
  /// `wanted` (a class of another library).
  static func isSubclass(
    _ type: KerasClass, of wanted: Value, interpreter: Interpreter
  ) -> Bool? {
    switch wanted {
    case .tuple(let items):
      var answer = false
      for item in items {
        guard let found = isSubclass(type, of: item, interpreter: interpreter) else { return nil }
        answer = answer || found
      }
      return answer
    case .function(let callable):
      if callable.kind == .classSupport("object") { return true }
      // A class of the script never is a base of Keras' classes.
      if case .userClass = callable.kind { return false }
      if let base = kerasClass(callable, interpreter: interpreter) {
        return isSubclass(type, of: base)
      }
      if case .builtin(let path) = callable.kind,
        ["int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset"].contains(path)
          || Builtins.exceptionBases[path] != nil
      {
        return false
      }
      return nil
    default: return nil
    }
  }

  private static func isSubclass(_ type: KerasClass, of base: KerasClass) -> Bool {
    guard type.package == base.package else { return false }
    if type.name == base.name || base.name == "Layer" { return true }
    if base.name == "Model" { return type.name == "Sequential" }
    if ["Layer", "Model", "Sequential"].contains(type.name) { return false }
    let bases = type.version == .keras3 ? keras3Bases : tfKerasBases
    return bases[type.name]?.contains(base.name) ?? false
  }
}
