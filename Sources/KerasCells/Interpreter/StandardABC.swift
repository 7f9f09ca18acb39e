/// Python's `abc`, as model code uses it for the interfaces of its builders (`class
/// ModelBuilder(ABC)` with `@abstractmethod def build_model(self)`): `ABC` as a base class (the
/// session's class `abc.ABC`, `KerasSession.abcClass`), `metaclass=ABCMeta`, and
/// `abstractmethod`, which marks a function (`__isabstractmethod__`). A class under `ABCMeta`
/// keeps the names of its abstract methods as CPython's `ABCMeta.__new__` computes them (its
/// own abstract attributes, and its bases' abstract names it still resolves to something
/// abstract); calling it while any is left is CPython 3.11's TypeError. The rest of the module
/// (`abstractproperty`, `register`, ...) is ConvBook's limitation.
enum StandardABC {
  static func attribute(_ name: String) -> Value? {
    switch name {
    case "ABC": return .standard(ABCBaseClass())
    case "ABCMeta": return .standard(ABCMetaClass())
    case "abstractmethod": return StandardLibrary.function("abc", name)
    default: return nil
    }
  }

  /// `abstractmethod(function)`: the function, marked abstract.
  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    guard name == "abstractmethod" else { return nil }
    let function = try arguments.bind([("funcobj", nil)]).values["funcobj"] ?? .none
    guard case .function(let callable) = function, let user = callable.userFunction else {
      throw .unsupported(
        "ConvBook does not support `abc.abstractmethod` of a \(function.typeName) yet (only of a function the script defines)",
        at: arguments.range)
    }
    user.attributes["__isabstractmethod__"] = .bool(true)
    return function
  }

  /// The session's `abc.ABC`: a class of its own, in the method resolution order of the classes
  /// that extend it.
  static func makeClass() -> PythonClass {
    let type = PythonClass(name: "ABC", qualifiedName: "ABC", bases: [])
    type.module = "abc"
    type.checksAbstractMethods = true
    _ = type.linearize()
    return type
  }

  /// Whether a class attribute is abstract (`__isabstractmethod__`): a marked function, or a
  /// property, static or class method of one.
  static func isAbstract(_ value: Value) -> Bool {
    guard case .function(let callable) = value else { return false }
    switch callable.kind {
    case .user(let function):
      if case .bool(true) = function.attributes["__isabstractmethod__"] ?? .none { return true }
      return false
    case .descriptor(let descriptor):
      return isAbstract(descriptor.function) || descriptor.setter.map(isAbstract) == true
    default: return false
    }
  }

  /// The abstract method names of a class under `ABCMeta`, sorted as CPython lists them.
  static func abstractMethods(of type: PythonClass) -> [String] {
    var names = Set(type.namespace.filter { isAbstract($0.value) }.keys)
    for base in type.bases {
      for name in base.abstractMethods {
        if let (value, _) = type.lookup(name), isAbstract(value) { names.insert(name) }
      }
    }
    return names.sorted()
  }

  /// CPython 3.11's refusal to instantiate a class with abstract methods left.
  static func instantiationError(_ type: PythonClass, range: SourceRange) -> CellError {
    let names = type.abstractMethods
    return CellError(
      type: "TypeError",
      message:
        "Can't instantiate abstract class \(type.name) with abstract method\(names.count == 1 ? "" : "s") \(names.joined(separator: ", "))",
      range: range)
  }

  /// `isinstance(instance, ABC)`.
  static func isInstance(_ instance: PythonInstance, of wanted: Value, session: KerasSession)
    -> Bool
  {
    switch wanted {
    case .tuple(let items):
      return items.contains { isInstance(instance, of: $0, session: session) }
    case .standard(is ABCBaseClass): return instance.type.isSubclass(of: session.abcClass)
    default: return false
    }
  }
}

/// `abc.ABC` as a value: a class statement's base (`KerasSession.abcClass` in the new class's
/// bases) or `isinstance`'s class.
final class ABCBaseClass: StandardObject {
  override var typeName: String { "ABCMeta" }
  override var isClass: Bool { true }
  override func repr(_ item: (Value) -> String) -> String { "<class 'abc.ABC'>" }

  /// `ABC.__mro__`, `ABC.__name__`, ...: the session's class answers.
  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    try interpreter.classAttribute(
      name, of: interpreter.classValue(interpreter.session.abcClass), range: range)
  }
}

/// `abc.ABCMeta`, for `metaclass=ABCMeta` (and `__metaclass__ = ABCMeta`, which Python 3
/// ignores).
final class ABCMetaClass: StandardObject {
  override var typeName: String { "type" }
  override var isClass: Bool { true }
  override func repr(_ item: (Value) -> String) -> String { "<class 'abc.ABCMeta'>" }
}
