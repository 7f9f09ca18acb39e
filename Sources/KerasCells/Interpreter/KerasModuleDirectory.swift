import CNNEngine

/// `dir()` of a Keras module as the script reached it: tf-keras' names
/// (`KerasAPINames`, `keras.` keys) in tf-keras, Keras 3's (`KerasLayerAttributeNames.keras3Modules`)
/// in Keras 3, where `tf.keras` reaches other module objects than `keras` for some of them
/// (`tf.keras.losses` is `keras._tf_keras.keras.losses`, which has tf-keras' `mse` and lacks
/// `mean_squared_error`; `tf.keras` has no `saving`): their `tf.` keys. A name outside the module's
/// names is Python's AttributeError (or ImportError); one inside that ConvBook does not resolve is
/// ConvBook's limitation.
extension KerasModule {
  /// The recorded public names of this module in a session of `version` (a `tf_keras` module is
  /// tf-keras' in any session), or nil for a module whose names ConvBook does not check this way.
  func recordedNames(in version: KerasVersion) -> Set<String>? {
    let module: KerasModule
    var throughTensorFlow = true
    var version = version
    switch self {
    case .tfKeras(let inner):
      module = inner
      version = .keras2
    case .keras3Package(let inner):
      module = inner
      throughTensorFlow = false
    case .tensorflowKerasImported(let inner): module = inner
    default: module = self
    }
    let component: String
    switch module {
    case .keras where version == .keras3: component = ""
    case .losses, .metrics, .optimizers, .optimizerSchedules, .callbacks, .activations,
      .initializers, .regularizers, .constraints:
      component = module.componentName
    case .preprocessing where version == .keras3: component = module.componentName
    case .layers where version == .keras3: component = module.componentName
    // Keras 3 has no RegNet or ResNet-RS (`keras.applications.regnet`: AttributeError).
    case .applications where version == .keras3: component = module.componentName
    case .tensorFunctions("keras.ops") where version == .keras3: component = "ops"
    default: return nil
    }
    guard version == .keras3 else { return KerasAPINames.names["keras." + component] }
    let tables = KerasLayerAttributeNames.keras3Modules
    if throughTensorFlow, let names = tables[component.isEmpty ? "tf." : "tf." + component] {
      return names
    }
    return tables[component]
  }

  /// Whether the module lacks `name` in a session of `version` (private names are never checked).
  func lacks(_ name: String, in version: KerasVersion) -> Bool {
    guard !name.hasPrefix("_"), let names = recordedNames(in: version) else { return false }
    return !names.contains(name)
  }

  /// ConvBook's refusal of a name the module has in `version` but the cell language does not
  /// resolve (`keras.initializers.STFT`), or nil.
  func unresolvedName(_ name: String, in version: KerasVersion, at range: SourceRange)
    -> CellError?
  {
    guard !name.hasPrefix("_"), recordedNames(in: version)?.contains(name) == true else {
      return nil
    }
    let path = (["keras"] + (kerasSubpath ?? []) + [name]).joined(separator: ".")
    return .unsupported("ConvBook does not support `\(path)` yet", at: range)
  }
}

extension KerasModule {
  /// The short names of loss and metric functions in `keras.losses` and `keras.metrics` (both
  /// versions' `tf.keras`, tf-keras' `keras`): each is the same function object as the long name,
  /// whose `__name__` it has.
  static let functionAliases: [String: String] = [
    "mse": "mean_squared_error", "MSE": "mean_squared_error", "mae": "mean_absolute_error",
    "MAE": "mean_absolute_error", "mape": "mean_absolute_percentage_error",
    "MAPE": "mean_absolute_percentage_error", "msle": "mean_squared_logarithmic_error",
    "MSLE": "mean_squared_logarithmic_error", "kld": "kl_divergence", "KLD": "kl_divergence",
    "kullback_leibler_divergence": "kl_divergence", "logcosh": "log_cosh",
  ]
}

extension KerasObject {
  /// `callable(obj)`: a layer passed as an argument, and the objects of the modules whose classes
  /// define `__call__` (losses, metrics, initializers, regularizers, constraints, learning-rate
  /// schedules), in either Keras; optimizers and callbacks are not callable.
  var isCallable: Bool {
    if layer != nil { return true }
    return Self.callableClasses.contains(typeName)
  }

  private static let callableClasses: Set<String> = {
    let components = [
      "losses", "metrics", "initializers", "regularizers", "constraints", "optimizers.schedules",
    ]
    var names = Set<String>()
    for component in components {
      names.formUnion(KerasAPINames.names["keras." + component] ?? [])
      names.formUnion(KerasLayerAttributeNames.keras3Modules[component] ?? [])
    }
    return names.filter { $0.first?.isUppercase == true }
  }()
}
