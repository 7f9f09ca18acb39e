/// Python's `typing`, for the imports and aliases of annotated code: every name imports (the
/// parser reads and ignores annotations in `def` signatures, as Python ignores them at run time),
/// a form subscripts into another (`Tuple[int, int]`) and prints as Python prints it;
/// `cast(T, value)` is `value`, `TYPE_CHECKING` is False. Forms check nothing, as in Python.
enum StandardTyping {
  static let forms: Set<String> = [
    "Any", "Callable", "Dict", "List", "Optional", "Sequence", "Tuple", "Union", "Iterable",
    "Iterator", "Mapping", "Set", "FrozenSet", "Type", "Literal", "Final", "ClassVar", "Generator",
    "Collection", "MutableMapping", "MutableSequence", "DefaultDict", "OrderedDict", "Counter",
    "Deque", "NoReturn", "Hashable", "Sized", "Annotated", "TypeAlias", "Awaitable", "Coroutine",
    "AbstractSet", "Container", "Reversible", "SupportsInt", "SupportsFloat", "Text", "AnyStr",
    "Generic",
  ]

  static func attribute(_ name: String) -> Value? {
    if forms.contains(name) { return .standard(TypingForm(name: "typing." + name)) }
    switch name {
    case "TYPE_CHECKING": return .bool(false)
    case "NamedTuple": return .standard(TypingNamedTuple())
    case "cast", "TypeVar", "NewType": return StandardLibrary.function("typing", name)
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    switch name {
    case "cast":
      let (values, _) = try arguments.bind([("typ", nil), ("val", nil)])
      return values["val"]!
    case "TypeVar":
      guard let first = arguments.positional.first, case .string(let variable) = first else {
        throw arguments.typeError(
          "TypeVar.__init__() missing 1 required positional argument: 'name'")
      }
      return .standard(TypingForm(name: "~" + variable))
    default:
      let (values, _) = try arguments.bind([("name", nil), ("tp", nil)])
      let typeName = try arguments.string(values["name"]!, "name")
      return .standard(TypingForm(name: "__main__." + typeName))
    }
  }
}

/// A `typing` form (`typing.List`, `typing.Tuple[int, int]`).
final class TypingForm: StandardObject {
  let name: String

  init(name: String) { self.name = name }

  override var typeName: String { "_GenericAlias" }
  override func repr(_ item: (Value) -> String) -> String { name }

  /// How a form's argument is written inside brackets: a class by its name, None as `NoneType`.
  static func argumentText(_ value: Value) -> String {
    switch value {
    case .none: return "NoneType"
    case .function(let callable) where callable.isClass: return callable.path
    case .standard(let form as TypingForm): return form.name
    case .standard(let object) where object.isClass: return object.repr(PythonText.repr)
    case .tuple(let items): return items.map(argumentText).joined(separator: ", ")
    case .list(let items): return "[" + items.map(argumentText).joined(separator: ", ") + "]"
    default: return PythonText.repr(value)
    }
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    var arguments: Value = index
    if name == "typing.Optional" { arguments = .tuple([index, .none]) }
    let written = Self.argumentText(arguments)
    let head = name == "typing.Optional" ? "typing.Optional" : name
    if name == "typing.Optional" {
      return .standard(TypingForm(name: "\(head)[\(Self.argumentText(index))]"))
    }
    return .standard(TypingForm(name: "\(head)[\(written)]"))
  }
}

/// `typing.NamedTuple`: a class statement's base (`class Params(NamedTuple):` with annotated
/// fields, `Interpreter.defineNamedTuple`) or a function (`NamedTuple("Params", [("units",
/// int)])`); either makes the same class `collections.namedtuple` does.
final class TypingNamedTuple: StandardObject {
  override var typeName: String { "function" }
  override var isCallable: Bool { true }
  override func repr(_ item: (Value) -> String) -> String { "<function NamedTuple>" }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard positional.count >= 1, case .string(let name) = positional[0] else {
      throw CellError(
        type: "TypeError",
        message: "NamedTuple() missing 1 required positional argument: 'typename'",
        range: site.range)
    }
    var fields: [String] = []
    if positional.count == 2 {
      guard keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: "Either list of fields or keywords can be provided to NamedTuple, not both",
          range: site.range)
      }
      for pair in try interpreter.iterate(positional[1], range: site.range) {
        let items = try interpreter.iterate(pair, range: site.range)
        guard items.count == 2, case .string(let field) = items[0] else {
          throw .unsupported(
            "ConvBook supports NamedTuple(name, [(field, type), ...]) only", at: site.range)
        }
        fields.append(field)
      }
    } else if positional.count == 1 {
      fields = keywords.map(\.0)
    } else {
      throw CellError(
        type: "TypeError",
        message:
          "NamedTuple() takes from 1 to 2 positional arguments but \(positional.count) were given",
        range: site.range)
    }
    return .standard(
      NamedTupleType(
        name: name, fields: fields, defaults: [],
        module: interpreter.session.currentScriptModule?.name ?? "__main__"))
  }
}

/// `Trainer[keras.Model]`, a script's `typing.Generic` class with type arguments: as a base or
/// when called it is the class itself, as typing's alias is; its text (with CPython's module paths
/// of the arguments) is ConvBook's limitation.
final class GenericClassAlias: StandardObject {
  let origin: PythonClass

  init(origin: PythonClass) { self.origin = origin }

  override var typeName: String { "_GenericAlias" }
  override var isClass: Bool { true }
  override var isCallable: Bool { true }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    try interpreter.instantiate(origin, positional: positional, keywords: keywords, site: site)
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    try interpreter.classAttribute(name, of: interpreter.classValue(origin), range: range)
  }
}
