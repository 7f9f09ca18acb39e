/// `inspect.signature`, as model code asks it which arguments a function or a layer's `call`
/// takes (`'training' in inspect.signature(layer.call).parameters`, keras-tcn's residual blocks;
/// `set(inspect.signature(cls.__init__).parameters)` to filter a config): the parameters of the
/// script's own functions, methods and classes, and of Keras' layers' `call` in the session's
/// version (`KerasCallParameters`). The module's other names are ConvBook's limitation.
enum StandardInspect {
  static func attribute(_ name: String) -> Value? {
    name == "signature" ? StandardLibrary.function("inspect", name) : nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    guard name == "signature" else { return nil }
    let values = try arguments.bind([("obj", nil)], keywordOnly: [("follow_wrapped", .bool(true))])
      .values
    let given = values["obj"] ?? .none
    guard let signature = try signature(of: given, interpreter: arguments.interpreter) else {
      throw .unsupported(
        "ConvBook does not support `inspect.signature` of a \(given.typeName) yet",
        at: arguments.range)
    }
    return .standard(signature)
  }

  /// The signature of `value`, or nil when ConvBook does not know it.
  static func signature(of value: Value, interpreter: Interpreter) throws(CellError)
    -> PythonSignature?
  {
    switch value {
    case .function(let callable):
      switch callable.kind {
      case .user(let function): return PythonSignature(function)
      case .userClass(let type):
        guard let (initializer, _) = type.lookup("__init__") else {
          return type.kerasBase == nil && type.kerasClassBase == nil
            ? PythonSignature(parameters: [], text: "()") : nil
        }
        return try signature(of: initializer, interpreter: interpreter)?.droppingFirst()
      default: return nil
      }
    case .method(.instance(let instance), let name):
      guard let (member, _) = instance.type.lookup(name),
        case .function(let callable) = member, case .user(let function) = callable.kind
      else { return nil }
      return PythonSignature(function).droppingFirst()
    case .method(.layer(let layer), "call"):
      let table =
        interpreter.kerasVersion == .keras3
        ? KerasCallParameters.keras3 : KerasCallParameters.tfKeras
      return table[layer.className].flatMap(PythonSignature.init(text:))
    default: return nil
    }
  }
}

/// What `inspect.signature` returns: the parameters in order, each with its kind and default,
/// and the signature's text where ConvBook knows it exactly (a script function's annotations are
/// not kept, so its text is refused when printed).
final class PythonSignature: StandardObject {
  struct Parameter {
    var name: String
    /// `inspect.Parameter`'s kind name (`POSITIONAL_OR_KEYWORD`, `VAR_POSITIONAL`, ...).
    var kind: String
    /// The default, nil when there is none (`inspect.Parameter.empty`).
    var defaultValue: Value?
  }

  let parameters: [Parameter]
  let text: String?

  init(parameters: [Parameter], text: String?) {
    self.parameters = parameters
    self.text = text
  }

  convenience init(_ function: UserFunction) {
    self.init(
      parameters: function.parameters.map { parameter in
        let kind: String
        switch parameter.kind {
        case .positional: kind = "POSITIONAL_OR_KEYWORD"
        case .variadic: kind = "VAR_POSITIONAL"
        case .keywordOnly: kind = "KEYWORD_ONLY"
        case .variadicKeywords: kind = "VAR_KEYWORD"
        }
        return Parameter(
          name: parameter.name, kind: kind, defaultValue: function.defaults[parameter.name])
      }, text: nil)
  }

  /// A signature from its text (`(inputs, training=None, *args, **kwargs)`), whose defaults are
  /// None, True or False; nil for any other text.
  convenience init?(text: String) {
    guard text.hasPrefix("("), text.hasSuffix(")") else { return nil }
    var parameters: [Parameter] = []
    var keywordOnly = false
    for piece in text.dropFirst().dropLast().split(separator: ",") {
      let item = piece.trimmingCharacters(in: .whitespaces)
      if item == "*" {
        keywordOnly = true
        continue
      }
      let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
      var defaultValue: Value?
      if parts.count == 2 {
        switch parts[1] {
        case "None": defaultValue = Value.none
        case "True": defaultValue = .bool(true)
        case "False": defaultValue = .bool(false)
        default: return nil
        }
      }
      var name = parts[0]
      let kind: String
      if name.hasPrefix("**") {
        name.removeFirst(2)
        kind = "VAR_KEYWORD"
      } else if name.hasPrefix("*") {
        name.removeFirst()
        kind = "VAR_POSITIONAL"
        keywordOnly = true
      } else {
        kind = keywordOnly ? "KEYWORD_ONLY" : "POSITIONAL_OR_KEYWORD"
      }
      parameters.append(Parameter(name: name, kind: kind, defaultValue: defaultValue))
    }
    self.init(parameters: parameters, text: text)
  }

  /// The signature of the bound method (`self` dropped).
  func droppingFirst() -> PythonSignature {
    PythonSignature(parameters: Array(parameters.dropFirst()), text: nil)
  }

  override var typeName: String { "Signature" }
  override func str(_ item: (Value) -> String) -> String { text ?? "(...)" }
  override func repr(_ item: (Value) -> String) -> String { "<Signature \(text ?? "(...)")>" }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "parameters": return .standard(SignatureParameters(self))
    default:
      throw .unsupported(
        "ConvBook's inspect.Signature has .parameters, not .\(name)", at: range)
    }
  }
}

/// `signature.parameters`: a read-only ordered mapping of names to parameters.
final class SignatureParameters: StandardObject {
  let signature: PythonSignature

  init(_ signature: PythonSignature) { self.signature = signature }

  var names: [Value] { signature.parameters.map { .string($0.name) } }

  override var typeName: String { "mappingproxy" }
  override func repr(_ item: (Value) -> String) -> String {
    "mappingproxy(OrderedDict([...]))"
  }

  override func containsItem(_ value: Value, range: SourceRange) throws(CellError) -> Bool? {
    names.contains { Operators.equal($0, value) }
  }

  override func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  {
    var remaining = names[...]
    return PythonIterator(name: "odict_iterator") { _, _ in remaining.popFirst() }
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    guard case .string(let name) = index,
      let parameter = signature.parameters.first(where: { $0.name == name })
    else {
      throw CellError(type: "KeyError", message: PythonText.repr(index), range: range)
    }
    return .standard(SignatureParameter(parameter))
  }

  /// The pairs `dict(parameters)` copies.
  var pairs: [(Value, Value)] {
    signature.parameters.map { (.string($0.name), .standard(SignatureParameter($0))) }
  }
}

/// One `inspect.Parameter`: its name, kind and default.
final class SignatureParameter: StandardObject {
  let parameter: PythonSignature.Parameter

  init(_ parameter: PythonSignature.Parameter) { self.parameter = parameter }

  override var typeName: String { "Parameter" }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name": return .string(parameter.name)
    case "default" where parameter.defaultValue != nil: return parameter.defaultValue
    default:
      throw .unsupported(
        "ConvBook's inspect.Parameter has .name and a given .default, not .\(name)", at: range)
    }
  }
}
