import CNNEngine

/// A class defined in a cell with `class`: its namespace and its method resolution order.
public final class PythonClass {
  /// `Config`.
  let name: String
  /// `Config`, or `make.<locals>.Config` for a class defined inside a function (CPython's
  /// `__qualname__`, which methods' names in messages start with).
  let qualifiedName: String
  /// The classes written between the parentheses, in order (`object` left out).
  let bases: [PythonClass]
  /// The class attributes: what the body bound (methods, constants), and later assignments.
  var namespace: [String: Value] = [:]
  /// Names of `namespace` in the order they were first bound.
  var namespaceOrder: [String] = []
  /// The Keras class the class extends through its bases (`Layer`), if any.
  var kerasBase: String?
  /// The built-in Keras layer class the class extends (`class MCDropout(keras.layers.Dropout)`),
  /// if any: its instances are that layer, classed as the subclass.
  var kerasLayerClass: Callable?
  /// Whether the class extends `keras.Sequential` (its instances are Sequential models,
  /// `ClassFunctionalModels`).
  var extendsSequential = false
  /// The Keras class other than a layer or model (`keras.callbacks.Callback`, `losses.Loss`, ...)
  /// the class extends through its bases, if any (`KerasClassBase`).
  var kerasClassBase: KerasClassBase?
  /// The names its body annotated, in order (`ClassDefinition.annotations`).
  var annotations: [String] = []
  /// What `@dataclass` made of the class (`StandardDataclasses`), if it was one.
  var dataclass: DataclassInfo?
  /// The kind of enumeration a subclass of `enum.Enum` / `IntEnum` / `StrEnum` is
  /// (`StandardEnum`), with its members in definition order and every member name (aliases too).
  var enumKind: StandardEnum.Kind?
  var enumMembers: [PythonInstance] = []
  var enumNames: [String] = []
  /// The docstring: a string literal as the body's first statement (`__doc__`, never inherited).
  var docstring: String?
  /// The module the class belongs to (`__module__`): the script's, or `abc` for `abc.ABC`.
  var module = "__main__"
  /// Whether the class is made by `abc.ABCMeta` (it extends `ABC`, or names the metaclass),
  /// which keeps its abstract methods (`StandardABC`).
  var checksAbstractMethods = false
  /// The names of its abstract methods, sorted: calling the class is a TypeError while any is left.
  var abstractMethods: [String] = []
  /// Whether it extends `typing.Generic[...]`, which is in CPython's `__mro__` but not in
  /// ConvBook's: its `__mro__` and `__bases__` are ConvBook's limitation.
  var extendsGeneric = false
  /// The class and its bases in CPython's C3 order (`__mro__` without `object`).
  private(set) var mro: [PythonClass] = []

  init(name: String, qualifiedName: String, bases: [PythonClass]) {
    self.name = name
    self.qualifiedName = qualifiedName
    self.bases = bases
  }

  /// Computes the method resolution order (C3); nil when none is consistent, as CPython's
  /// "Cannot create a consistent method resolution order (MRO)" TypeError.
  func linearize() -> Bool {
    var sequences = bases.map(\.mro) + [bases]
    var result: [PythonClass] = [self]
    while true {
      sequences = sequences.filter { !$0.isEmpty }
      if sequences.isEmpty { break }
      guard
        let head = sequences.lazy.map({ $0[0] }).first(where: { candidate in
          !sequences.contains { sequence in sequence.dropFirst().contains { $0 === candidate } }
        })
      else { return false }
      result.append(head)
      sequences = sequences.map { sequence in
        sequence.first === head ? Array(sequence.dropFirst()) : sequence
      }
    }
    mro = result
    return true
  }

  /// Binds a class attribute (keeping its first position).
  func set(_ name: String, _ value: Value) {
    if namespace.updateValue(value, forKey: name) == nil { namespaceOrder.append(name) }
  }

  /// The attribute `name` as the class and its bases define it, and the class that defines it.
  func lookup(_ name: String, after start: PythonClass? = nil) -> (Value, PythonClass)? {
    var classes = mro[...]
    if let start, let index = mro.firstIndex(where: { $0 === start }) {
      classes = mro[(index + 1)...]
    }
    for type in classes {
      if let value = type.namespace[name] { return (value, type) }
    }
    return nil
  }

  func isSubclass(of other: PythonClass) -> Bool { mro.contains { $0 === other } }

  /// Every attribute name the class and its bases define, for CPython's "Did you mean" suggestion.
  var allNames: [String] { mro.flatMap(\.namespaceOrder) }
}

/// An instance of a `PythonClass`.
public final class PythonInstance {
  let type: PythonClass
  /// The instance attributes (`self.units = units`), in the order first set.
  var attributes: [String: Value] = [:]
  var attributeOrder: [String] = []
  /// The text of the instance's own `__repr__` / `__str__`, computed just before it is shown
  /// (`Interpreter.prepareText`): `PythonText` has no interpreter to run them with.
  var shownRepr: String?
  var shownStr: String?
  /// For an instance of a Keras layer subclass: its state as a layer (`KerasSubclassing`).
  var layerState: CustomLayerState?
  /// The arguments the class was called with, for a Keras layer's automatic `get_config()`.
  var initArguments: (positional: [Value], keywords: [(String, Value)])?
  /// For an instance of a subclass of a Keras class other than a layer (`KerasClassBase`): what
  /// that class's `__init__` set.
  var kerasClassState: KerasClassState?
  /// Keras 3, a layer or model: the layers its attributes tracked, in the order first tracked
  /// (`Layer._layers`, `Keras3LayerTracking`).
  var trackedLayers: [Value] = []
  /// A layer or model: the attributes set through its `__dict__` (`vars(self)[name] = layer`),
  /// which Keras does not track (`Interpreter.untrackedVarsItem`).
  var untrackedAttributes: Set<String> = []

  init(type: PythonClass) {
    self.type = type
  }

  // A linked list of instances (`self.next = node` in a loop) is freed without recursing per link.
  deinit {
    var taken = attributes
    attributes = [:]
    DeferredRelease.release(&taken, empty: [:])
  }

  func set(_ name: String, _ value: Value) {
    if attributes.updateValue(value, forKey: name) == nil { attributeOrder.append(name) }
    sharedNamespace?.set(.string(name), value)
  }

  /// The dict `namespace` last handed out, while the script holds it.
  private weak var sharedNamespace: PythonDict?

  /// `__dict__` / `vars()`: the attributes in the order first set, as one dict (while it is
  /// held) whose changes come back here (`Interpreter.changedNamespace`) and which sees the
  /// attributes set later, as CPython's namespace is that dict.
  var namespace: PythonDict {
    let pairs: [(Value, Value)] = attributeOrder.compactMap { name in
      attributes[name].map { (.string(name), $0) }
    }
    if let shared = sharedNamespace {
      shared.pairs = pairs
      return shared
    }
    let dictionary = PythonDict(pairs)
    dictionary.namespaceOf = self
    sharedNamespace = dictionary
    return dictionary
  }
}

/// What a zero-argument `super()` returns inside a method: attribute lookups start after
/// `start` in the receiver's class's method resolution order.
public final class SuperBinding {
  /// The instance (or, in a class method, the class) the method runs for.
  let receiver: Value
  let receiverClass: PythonClass
  let start: PythonClass

  init(receiver: Value, receiverClass: PythonClass, start: PythonClass) {
    self.receiver = receiver
    self.receiverClass = receiverClass
    self.start = start
  }
}

/// `staticmethod(f)`, `classmethod(f)` and `property(getter)` as stored in a class, and what
/// `tf.function(f)` makes.
public final class MethodDescriptor {
  enum Kind: String {
    case staticMethod = "staticmethod"
    case classMethod = "classmethod"
    case property
    /// `@tf.function`: the function, run eagerly when called.
    case tfFunction = "Function"
  }

  let kind: Kind
  let function: Value
  /// A property's setter (`@name.setter`).
  var setter: Value?

  init(kind: Kind, function: Value, setter: Value? = nil) {
    self.kind = kind
    self.function = function
    self.setter = setter
  }
}

/// The class a method was defined in, filled once the class statement has made the class (what
/// CPython's `__class__` cell holds, for `super()`).
final class ClassCell {
  var value: PythonClass?
}
