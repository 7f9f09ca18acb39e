/// A constructor argument of a Keras layer, in the few Python types layer configurations use.
public indirect enum ArgumentValue: Sendable, Equatable, CustomStringConvertible {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case tuple([ArgumentValue])
  case list([ArgumentValue])
  /// A Keras object such as `regularizers.l2(1e-4)` or `initializers.HeNormal()`, kept by description:
  /// it does not change shapes or parameter counts.
  case object(KerasObject)

  /// Python's `repr`, as Keras messages quote values.
  public var description: String {
    switch self {
    case .none: return "None"
    case .bool(let value): return value ? "True" : "False"
    case .int(let value): return String(value)
    case .float(let value): return PythonFormat.float(value)
    case .string(let value): return PythonFormat.quoted(value)
    case .tuple(let items):
      if items.count == 1 { return "(\(items[0]),)" }
      return "(" + items.map(\.description).joined(separator: ", ") + ")"
    case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .object(let object): return object.description
    }
  }

  /// Python's `str`: strings print without quotes.
  public var plainDescription: String {
    if case .string(let value) = self { return value }
    return description
  }

  /// Python's `type(value).__name__`.
  public var pythonTypeName: String {
    switch self {
    case .none: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .string: return "str"
    case .tuple: return "tuple"
    case .list: return "list"
    case .object(let object): return object.typeName
    }
  }

  /// The items of a tuple or list.
  public var sequenceItems: [ArgumentValue]? {
    switch self {
    case .tuple(let items), .list(let items): return items
    default: return nil
    }
  }
}

/// An opaque Keras object passed as an argument (regularizer, initializer, constraint).
public struct KerasObject: Sendable, Equatable, CustomStringConvertible {
  public var typeName: String
  public var arguments: [(String, ArgumentValue)]
  /// A layer passed to a wrapper (`TimeDistributed(layers.Dense(8))`); its `typeName` is the
  /// layer's class.
  public var layer: (any Layer)?
  /// A script's own function given as an activation (`activation=relu6`), typed `function` with
  /// its `__name__` as the `name` argument: what it computes (`TracedActivation`).
  public var activation: ActivationFunction?
  /// The model whose `model.optimizer` this is: its learning rate is the model's (read and set
  /// through the model's compile arguments or its trainer); nil for other objects.
  public var ownerModel: ObjectIdentifier?
  /// Which object this is: every object made gets its own, copies of the value share it, so
  /// `v = u; v is u` holds as in Python while two equal objects stay two (`==` of Keras objects
  /// is Python's default, identity). Not part of `==` below, which compares settings.
  public let identity = Identity()

  /// The token of `identity`.
  public final class Identity: Sendable {
    public init() {}
  }
  /// Set for tf-keras' `keras.optimizers.legacy` optimizers (and what its `deserialize` makes of
  /// a config without `is_legacy_optimizer: False`), whose configs are another class's.
  public var isLegacyOptimizer = false

  public init(typeName: String, arguments: [(String, ArgumentValue)] = []) {
    self.typeName = typeName
    self.arguments = arguments
  }

  /// A layer (or a model, as its `NestedModel`) passed as an argument.
  public init(layer: any Layer) {
    self.typeName = layer.className
    self.arguments = []
    self.layer = layer
  }

  public static func == (lhs: KerasObject, rhs: KerasObject) -> Bool {
    lhs.typeName == rhs.typeName && lhs.arguments.map(\.0) == rhs.arguments.map(\.0)
      && lhs.arguments.map(\.1) == rhs.arguments.map(\.1) && lhs.layer?.name == rhs.layer?.name
      && lhs.activation == rhs.activation
  }

  public var description: String { "<\(typeName) object>" }

  /// The argument that marks an instance of a script's own subclass of a Keras class (a custom
  /// regularizer, initializer or constraint): its value is the Keras class's name.
  public static let subclassKey = "subclass of"

  /// A script's function `name` given as an activation, computing `activation`.
  public init(function name: String, activation: ActivationFunction) {
    self.init(typeName: "function", arguments: [("name", .string(name))])
    self.activation = activation
  }

  /// The `__name__` of a script's function given as an activation.
  public var functionName: String? {
    guard activation != nil, case .string(let name)? = arguments.first(where: { $0.0 == "name" })?.1
    else { return nil }
    return name
  }
}
