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
  ]

  static func attribute(_ name: String) -> Value? {
    if forms.contains(name) { return .standard(TypingForm(name: "typing." + name)) }
    switch name {
    case "TYPE_CHECKING": return .bool(false)
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
