/// Something a cell can call, identified by what it stands for.
public struct Callable {
  public enum Kind: Equatable {
    /// A Keras layer class, by canonical class name (aliases resolved).
    case layerClass(String)
    case inputFunction
    case sequentialClass
    /// `keras.Model`: the functional API, for one chain of layers.
    case modelClass
    /// A merge layer's function form (`layers.add`, `layers.concatenate`), by the layer's class name.
    case mergeFunction(String)
    /// Functional-API or subclassing entry points, refused with an explanation.
    case unsupportedModelClass(String)
    /// A Keras object factory accepted for its signature only (`regularizers.l2`, `optimizers.Adam`).
    case objectFactory(String)
    /// `keras.backend.clear_session`.
    case clearSession
    /// `keras.datasets.<name>.load_data`, refused: cells build models, they do not load data.
    case dataLoader
    case builtin(String)
    /// An activation function such as `tf.nn.relu` or `keras.activations.relu`, usable as a value.
    case activation(String)
    /// A function the host program lends to an evaluation (exercise helpers); see `HostFunction`.
    case host(HostFunction)
  }

  public var kind: Kind
  /// The dotted path the cell used to reach it, for messages.
  public var path: String

  public init(_ kind: Kind, path: String) {
    self.kind = kind
    self.path = path
  }

  public var isClass: Bool {
    switch kind {
    case .layerClass, .sequentialClass, .modelClass, .unsupportedModelClass: return true
    default: return false
    }
  }
}
