import CNNEngine

/// The built-ins that classes, decorators and `with` statements use: `object`, `super`,
/// `staticmethod`, `classmethod`, `property`, `issubclass`, `setattr`, `callable`, and the
/// TensorFlow and Keras functions real model code decorates or enters (`tf.function`,
/// `register_keras_serializable`, `tf.device`, ...). `open` is refused: cells have no files.
enum ClassBuiltins {
  /// The names that are classes in Python (`type(staticmethod)` is `type`).
  static let typeNames: Set<String> = [
    "object", "staticmethod", "classmethod", "property", "super",
  ]

  static let builtinNames: Set<String> = typeNames.union([
    "issubclass", "setattr", "callable", "open", "dir",
  ])

  static func value(named name: String) -> Value? {
    builtinNames.contains(name) ? .function(Callable(.classSupport(name), path: name)) : nil
  }

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: message, range: range)
    }
    switch name {
    case "staticmethod", "classmethod", "property":
      if name == "property" {
        guard positional.count <= 2, keywords.isEmpty, let getter = positional.first else {
          throw .unsupported(
            "ConvBook supports property(getter) and property(getter, setter) only", at: range)
        }
        return descriptor(.property, getter, setter: positional.count == 2 ? positional[1] : nil)
      }
      guard positional.count == 1, keywords.isEmpty else {
        throw typeError("\(name) expected 1 argument, got \(positional.count)")
      }
      return descriptor(name == "staticmethod" ? .staticMethod : .classMethod, positional[0])
    case "super":
      switch positional.count {
      case 0: return try interpreter.zeroArgumentSuper(range: range)
      case 2:
        guard case .function(let callable) = positional[0],
          case .userClass(let type) = callable.kind
        else {
          throw typeError("super() argument 1 must be a type, not \(positional[0].typeName)")
        }
        var receiverClass: PythonClass?
        switch positional[1] {
        case .instance(let instance): receiverClass = instance.type
        case .function(let other):
          if case .userClass(let otherType) = other.kind { receiverClass = otherType }
        default: break
        }
        guard let receiverClass, receiverClass.isSubclass(of: type) else {
          throw typeError("super(type, obj): obj must be an instance or subtype of type")
        }
        return .superObject(
          SuperBinding(receiver: positional[1], receiverClass: receiverClass, start: type))
      default:
        throw .unsupported("ConvBook supports super() and super(Class, self) only", at: range)
      }
    case "object.__new__":
      // `object.__new__(cls)`: an instance of a script's class, its `__init__` not run.
      guard let first = positional.first else {
        throw typeError("object.__new__(): not enough arguments")
      }
      guard case .function(let callable) = first, case .userClass(let type) = callable.kind,
        type.kerasBase == nil, type.kerasClassBase == nil, type.enumKind == nil,
        positional.count == 1, keywords.isEmpty
      else {
        throw .unsupported(
          "ConvBook supports object.__new__(cls) only for a plain class of the script", at: range)
      }
      if !type.abstractMethods.isEmpty {
        throw StandardABC.instantiationError(type, range: range)
      }
      try interpreter.budget.allocate(bytes: EvaluationBudget.objectBytes, at: range)
      return .instance(PythonInstance(type: type))
    case "object":
      guard positional.isEmpty, keywords.isEmpty else {
        throw typeError("object() takes no arguments")
      }
      throw .unsupported("ConvBook does not support object() instances yet", at: range)
    case "issubclass":
      guard positional.count == 2, keywords.isEmpty else {
        throw typeError("issubclass expected 2 arguments, got \(positional.count)")
      }
      guard case .function(let callable) = positional[0], callable.isClass else {
        throw typeError("issubclass() arg 1 must be a class")
      }
      if let abstract = StandardCollectionsABC.firstClass(in: positional[1]) {
        throw .unsupported(
          "ConvBook does not support issubclass() with collections.abc.\(abstract) yet", at: range)
      }
      if case .builtin(let path) = callable.kind, Builtins.exceptionBases[path] != nil {
        // A built-in exception class: its own class and its bases (`issubclass(UserWarning,
        // Warning)`), and `object`.
        let wanted = exceptionClasses(positional[1])
        var current: String? = path
        while let name = current, !name.isEmpty {
          if wanted.contains(name) { return .bool(true) }
          current = Builtins.exceptionBases[name]
        }
        return .bool(try classes(positional[1], range: range).contains { $0 == nil })
      }
      if let type = KerasClassHierarchy.kerasClass(callable, interpreter: interpreter) {
        guard
          let answer = KerasClassHierarchy.isSubclass(
            type, of: positional[1], interpreter: interpreter)
        else {
          throw .unsupported(
            "ConvBook's issubclass() of a Keras class knows Keras' classes, the script's and Python's built-in types, not \(positional[1].typeName) values",
            at: range)
        }
        return .bool(answer)
      }
      guard case .userClass(let type) = callable.kind else {
        return .bool(try classes(positional[1], range: range).contains { $0 == nil })
      }
      if try classes(positional[1], range: range).contains(where: { wanted in
        wanted.map { type.isSubclass(of: $0) } ?? true
      }) {
        return .bool(true)
      }
      // A script's class extending a Keras class is a subclass of that class's Keras bases.
      guard let keras = KerasClassHierarchy.kerasClass(extendedBy: type, interpreter: interpreter)
      else { return .bool(false) }
      var wanted = [positional[1]]
      if case .tuple(let items) = positional[1] { wanted = items }
      return .bool(
        wanted.contains { item in
          if case .function(let base) = item, case .userClass = base.kind { return false }
          return KerasClassHierarchy.isSubclass(keras, of: item, interpreter: interpreter) == true
        })
    case "setattr":
      guard positional.count == 3, keywords.isEmpty else {
        throw typeError("setattr expected 3 arguments, got \(positional.count)")
      }
      guard case .string(let attribute) = positional[1] else {
        throw typeError("attribute name must be string, not '\(positional[1].typeName)'")
      }
      if try !interpreter.setClassAttribute(
        attribute, of: positional[0], to: positional[2], range: range)
      {
        try Attributes.set(
          attribute, of: positional[0], to: positional[2], range: range, interpreter: interpreter)
      }
      return Value.none
    case "callable":
      guard positional.count == 1, keywords.isEmpty else {
        throw typeError("callable() takes exactly one argument (\(positional.count) given)")
      }
      return .bool(Builtins.isCallable(positional[0]))
    case "dir":
      guard keywords.isEmpty else { throw typeError("dir() takes no keyword arguments") }
      guard positional.count <= 1 else {
        throw typeError("dir expected at most 1 argument, got \(positional.count)")
      }
      guard let object = positional.first else {
        throw .unsupported("ConvBook does not support `dir()` without an argument yet", at: range)
      }
      return try BuiltinTypeAttributes.directory(of: object, interpreter: interpreter, range: range)
    case "open":
      if let missing = MissingFiles.open(
        positional: positional, keywords: keywords, session: interpreter.session, range: range)
      {
        throw missing
      }
      throw .unsupported(
        "ConvBook cells have no file access: open() is not available (read data with `convbook fit` / `convbook predict` instead)",
        at: range)
    default:
      return try ContextManagers.call(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
  }

  private static func descriptor(
    _ kind: MethodDescriptor.Kind, _ function: Value, setter: Value? = nil
  ) -> Value {
    .function(
      Callable(
        .descriptor(MethodDescriptor(kind: kind, function: function, setter: setter)),
        path: kind.rawValue))
  }

  /// The classes of `isinstance`'s or `issubclass`'s second argument that are the cell's own
  /// (`object` as nil); nil when none is, so that the built-in's own rules apply.
  /// The built-in exception classes `value` names (one, or a tuple of them).
  private static func exceptionClasses(_ value: Value) -> Set<String> {
    switch value {
    case .function(let callable):
      guard case .builtin(let path) = callable.kind, Builtins.exceptionBases[path] != nil else {
        return []
      }
      return [path]
    case .tuple(let items): return items.reduce(into: []) { $0.formUnion(exceptionClasses($1)) }
    default: return []
    }
  }

  static func classes(_ value: Value, range: SourceRange) throws(CellError) -> [PythonClass?] {
    switch value {
    case .function(let callable):
      if case .userClass(let type) = callable.kind { return [type] }
      if callable.kind == .classSupport("object") { return [nil] }
      return []
    case .tuple(let items):
      var found: [PythonClass?] = []
      for item in items { found += try classes(item, range: range) }
      return found
    // A standard-library class (`OrderedDict`, a namedtuple class): the built-in's own rules.
    case .standard: return []
    default:
      throw CellError(
        type: "TypeError",
        message: "isinstance() arg 2 must be a type, a tuple of types, or a union",
        range: range)
    }
  }

  /// `isinstance(value, classes)` when the cell's own classes (or `object`) are involved; nil
  /// otherwise.
  static func isInstance(
    _ value: Value, _ wanted: Value, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Bool? {
    // `isinstance(cls, ABCMeta)`: the classes `abc.ABCMeta` made.
    if case .standard(is ABCMetaClass) = wanted {
      if case .standard(is ABCBaseClass) = value { return true }
      guard case .function(let callable) = value, case .userClass(let type) = callable.kind else {
        return false
      }
      return type.checksAbstractMethods
    }
    if case .instance = value, let abstract = StandardCollectionsABC.firstClass(in: wanted) {
      // A class is `Sized`, `Iterable`, `Hashable`, ... by the methods it defines.
      throw .unsupported(
        "ConvBook does not know whether an object of a script's class is a collections.abc.\(abstract) yet",
        at: range)
    }
    let own = try classes(wanted, range: range)
    // Everything is an object.
    if own.contains(where: { $0 == nil }) { return true }
    // A custom layer listed by a model is its Python object.
    let object = KerasSubclassing.customLayer(value, session: interpreter.session)
    if object != nil, own.isEmpty {
      // A custom layer is a `keras.layers.Layer`, and no other Keras class than the built-in
      // layer class it extends; a subclass of `keras.Model` is a `keras.Model` too, and one of
      // `keras.Sequential` a `keras.Sequential`.
      let base = object?.type.kerasLayerClass?.kind
      let isModel = object?.type.kerasBase == "Model"
      let isSequential = object?.type.extendsSequential == true
      func isLayerClass(_ value: Value) -> Bool {
        switch value {
        case .function(let callable):
          return callable.kind == .unsupportedModelClass("Layer")
            || (isModel && callable.kind == .modelClass)
            || (isSequential && callable.kind == .sequentialClass)
            || (base != nil && callable.kind == base)
        case .tuple(let items): return items.contains(where: isLayerClass)
        default: return false
        }
      }
      return isLayerClass(wanted)
    }
    guard let instance = object ?? { if case .instance(let i) = value { i } else { nil } }() else {
      // A built-in value is none of the cell's classes; the built-in check decides the rest.
      return nil
    }
    if own.contains(where: { $0.map { instance.type.isSubclass(of: $0) } ?? true }) {
      return true
    }
    // A subclass of `keras.losses.Loss` (`KerasClassBase`) is an instance of that Keras class.
    if let base = instance.type.kerasClassBase {
      func isBase(_ value: Value) -> Bool {
        switch value {
        case .function(let callable): return KerasClassBase.base(for: callable) == base
        case .tuple(let items): return items.contains(where: isBase)
        default: return false
        }
      }
      return isBase(wanted)
    }
    return StandardEnum.isInstance(instance, of: wanted)
      || StandardABC.isInstance(instance, of: wanted, session: interpreter.session)
  }

  /// `isinstance`'s second argument without the cell's own classes, which a built-in value is
  /// never an instance of (a lone class becomes `()`).
  static func withoutOwnClasses(_ value: Value) -> Value {
    switch value {
    case .function(let callable):
      if case .userClass = callable.kind { return .tuple([]) }
      return value
    case .tuple(let items): return .tuple(items.map(withoutOwnClasses))
    default: return value
    }
  }
}

/// `super.__init__` read from the class itself (`super.__init__(**kwargs)`, `super` written
/// without its parentheses): CPython's slot wrapper, which needs a `super` object first.
final class SuperInitSlot: StandardObject {
  override var isCallable: Bool { true }

  override var typeName: String { "wrapper_descriptor" }

  override func repr(_ item: (Value) -> String) -> String {
    "<slot wrapper '__init__' of 'super' objects>"
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard let receiver = positional.first else {
      throw CellError(
        type: "TypeError", message: "descriptor '__init__' of 'super' object needs an argument",
        range: site.range)
    }
    if case .superObject = receiver {
      throw .unsupported(
        "ConvBook does not support calling `super.__init__` on a super object yet", at: site.range)
    }
    throw CellError(
      type: "TypeError",
      message:
        "descriptor '__init__' requires a 'super' object but received a '\(receiver.typeName)'",
      range: site.range)
  }
}
