import CNNEngine

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
    /// A function defined in a cell (`def`, `lambda`).
    case user(UserFunction)
    /// `functools.partial(callee, *arguments, **keywords)`.
    case partial(PartialApplication)
    /// A `keras.applications` model function, by `Application` raw value (`MobileNetV2`).
    case application(String)
    /// `preprocess_input` / `decode_predictions` of a `keras.applications` module.
    case applicationFunction(module: String, name: String)
    /// A TensorFlow / `keras.backend` / `keras.ops` function on tensors (`TensorFunctions`), by
    /// its namespace (`tensorflow.math`) and name.
    case tensorFunction(namespace: String, name: String)
    /// A class defined in a cell with `class`.
    case userClass(PythonClass)
    /// `staticmethod(f)`, `classmethod(f)`, `property(f)` stored in a class.
    case descriptor(MethodDescriptor)
    /// What classes, `with` and decorators use (`ClassBuiltins`): `object`, `super`, `property`,
    /// `tf.device`, `tf.function`, `register_keras_serializable`, ..., by name.
    case classSupport(String)

    public static func == (lhs: Kind, rhs: Kind) -> Bool {
      switch (lhs, rhs) {
      case (.layerClass(let a), .layerClass(let b)): return a == b
      case (.inputFunction, .inputFunction), (.sequentialClass, .sequentialClass),
        (.modelClass, .modelClass), (.clearSession, .clearSession), (.dataLoader, .dataLoader):
        return true
      case (.unsupportedModelClass(let a), .unsupportedModelClass(let b)): return a == b
      case (.objectFactory(let a), .objectFactory(let b)): return a == b
      case (.builtin(let a), .builtin(let b)): return a == b
      case (.activation(let a), .activation(let b)): return a == b
      case (.host(let a), .host(let b)): return a == b
      case (.user(let a), .user(let b)): return a === b
      case (.partial(let a), .partial(let b)): return a === b
      case (.application(let a), .application(let b)): return a == b
      case (.applicationFunction(let a, let x), .applicationFunction(let b, let y)):
        return a == b && x == y
      case (.tensorFunction(let a, let x), .tensorFunction(let b, let y)):
        return a == b && x == y
      case (.userClass(let a), .userClass(let b)): return a === b
      case (.descriptor(let a), .descriptor(let b)): return a === b
      case (.classSupport(let a), .classSupport(let b)): return a == b
      default: return false
      }
    }
  }

  public var kind: Kind

  /// The function a `def` or `lambda` made, when this is one.
  var userFunction: UserFunction? {
    if case .user(let function) = kind { return function }
    return nil
  }
  /// The bound method `types.MethodType` made, when this is one.
  var boundMethod: PartialApplication? {
    if case .partial(let application) = kind, application.isBoundMethod { return application }
    return nil
  }
  /// The dotted path the cell used to reach it, for messages.
  public var path: String
  /// The Keras package it belongs to when that is not the session's Keras: tf-keras for what
  /// `tf_keras` exports in a Keras 3 session (`KerasPackages`).
  public var kerasVersion: KerasVersion?

  public init(_ kind: Kind, path: String) {
    self.kind = kind
    self.path = path
  }

  /// `partial(callee, ...)`: arguments given now, prepended (positional) or overridable (keywords)
  /// when it is called.
  public final class PartialApplication {
    let callee: Value
    let positional: [Value]
    let keywords: [(String, Value)]
    /// True for `types.MethodType(function, instance)`: a bound method, whose one argument is the
    /// instance it passes as `self`.
    let isBoundMethod: Bool

    init(
      callee: Value, positional: [Value], keywords: [(String, Value)], isBoundMethod: Bool = false
    ) {
      self.callee = callee
      self.positional = positional
      self.keywords = keywords
      self.isBoundMethod = isBoundMethod
    }
  }

  /// Whether this is one of Python's own built-in functions (`len`, `print`), whose repr is
  /// `<built-in function len>`.
  var isPythonBuiltinFunction: Bool {
    guard case .builtin(let name) = kind, !isClass, Builtins.names.contains(name) else {
      return false
    }
    return !name.contains(".")
  }

  /// The function's `__qualname__` as Python's repr shows it: the last part of its path
  /// (`mean_squared_error` of `keras.losses.mean_squared_error`).
  var pythonFunctionName: String {
    TensorFlowFunctionNames.qualifiedName(of: self)
      ?? String(path.split(separator: ".").last ?? Substring(path))
  }

  /// Whether this is a class `abc.ABCMeta` made (`StandardABC`).
  var isAbstractBaseClass: Bool {
    if case .userClass(let type) = kind { return type.checksAbstractMethods }
    return false
  }

  /// Python's built-ins that are classes (`print(zip)` is `<class 'zip'>`), not functions.
  static let builtinClasses: Set<String> = [
    "int", "float", "str", "bool", "list", "tuple", "dict", "range", "set", "frozenset", "type",
    "enumerate", "zip", "map", "filter", "reversed", "slice",
  ]

  public var isClass: Bool {
    switch kind {
    case .layerClass, .sequentialClass, .modelClass, .unsupportedModelClass, .userClass: return true
    case .classSupport(let name): return ClassBuiltins.typeNames.contains(name)
    case .builtin(let name):
      return Self.builtinClasses.contains(name) || Builtins.exceptionBases[name] != nil
    default: return false
    }
  }
}
