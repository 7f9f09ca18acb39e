import Foundation

/// A class made by `collections.namedtuple(typename, field_names, defaults=...)`: calling it makes
/// a `NamedTupleInstance`, with the checks and messages of the `__new__` CPython generates.
final class NamedTupleType: StandardObject {
  let name: String
  let fields: [String]
  /// The defaults of the last fields (`defaults=` applies to the rightmost ones), as the class
  /// was made (`_field_defaults`).
  let defaults: [Value]
  /// The defaults a call uses: `__new__.__defaults__`, which scripts set after making the class
  /// (`BlockArgs.__new__.__defaults__ = (None,) * len(BlockArgs._fields)`, EfficientNet's idiom)
  /// without changing `_field_defaults`.
  var callDefaults: [Value]
  let module: String
  /// A `typing.NamedTuple` class's docstring (`__doc__`; CPython's default names the fields).
  var docstring: String?

  init(name: String, fields: [String], defaults: [Value], module: String) {
    self.name = name
    self.fields = fields
    self.defaults = defaults
    self.callDefaults = defaults
    self.module = module
  }

  override var typeName: String { "type" }
  override var isClass: Bool { true }
  override func repr(_ item: (Value) -> String) -> String { "<class '\(module).\(name)'>" }

  /// The fields' defaults by name.
  var fieldDefaults: [(String, Value)] {
    Array(zip(fields.suffix(defaults.count), defaults))
  }

  /// `collections.namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)`.
  static func make(_ arguments: StandardArguments) throws(CellError) -> Value {
    let (values, _) = try arguments.bind(
      [("typename", nil), ("field_names", nil)],
      keywordOnly: [("rename", .bool(false)), ("defaults", .none), ("module", .none)])
    let range = arguments.range
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    let typeName = try arguments.string(values["typename"]!, "typename")
    var fields: [String] = []
    switch values["field_names"]! {
    case .string(let text):
      fields = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: \.isWhitespace)
        .map(String.init)
    case let sequence:
      for item in try arguments.interpreter.iterate(sequence, range: range) {
        guard case .string(let field) = item else {
          throw arguments.typeError("Type names and field names must be strings")
        }
        fields.append(field)
      }
    }
    if values["rename"]!.isTruthy {
      var seen = Set<String>()
      for (index, field) in fields.enumerated() {
        if !PythonText.isIdentifier(field) || (PythonKeyword(rawValue: field) != nil)
          || field.hasPrefix("_")
          || seen.contains(field)
        {
          fields[index] = "_\(index)"
        }
        seen.insert(field)
      }
    }
    for name in [typeName] + fields {
      guard PythonText.isIdentifier(name) else {
        throw valueError("Type names and field names must be valid identifiers: '\(name)'")
      }
      if PythonKeyword(rawValue: name) != nil {
        throw valueError("Type names and field names cannot be a keyword: '\(name)'")
      }
    }
    var seen = Set<String>()
    let renamed = values["rename"]!.isTruthy
    for field in fields {
      if field.hasPrefix("_") && !renamed {
        throw valueError("Field names cannot start with an underscore: '\(field)'")
      }
      if !seen.insert(field).inserted {
        throw valueError("Encountered duplicate field name: '\(field)'")
      }
    }
    var defaults: [Value] = []
    if case .none = values["defaults"]! {
    } else {
      defaults = try arguments.interpreter.iterate(values["defaults"]!, range: range)
      if defaults.count > fields.count {
        throw arguments.typeError("Got more default values than field names")
      }
    }
    // The caller's module, as namedtuple reads it from the calling frame's `__name__`.
    var module = arguments.interpreter.session.currentScriptModule?.name ?? "__main__"
    if case .string(let given) = values["module"]! { module = given }
    return .standard(
      NamedTupleType(name: typeName, fields: fields, defaults: defaults, module: module))
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "__name__", "__qualname__": return .string(self.name)
    case "__module__": return .string(module)
    case "__doc__": return .string(docstring ?? "\(self.name)(\(fields.joined(separator: ", ")))")
    case "_fields", "__match_args__": return .tuple(fields.map(Value.string))
    case "_field_defaults": return .dictionary(fieldDefaults.map { (.string($0.0), $0.1) })
    case "_make": return .method(receiver: .standard(self), name: name)
    case "__new__": return .standard(NamedTupleNew(type: self))
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "_make" else { return nil }
    guard positional.count == 1, keywords.isEmpty else {
      throw CellError(
        type: "TypeError",
        message:
          "\(self.name)._make() takes 2 positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    let items = try interpreter.iterate(positional[0], range: site.range)
    guard items.count == fields.count else {
      throw CellError(
        type: "TypeError",
        message: "Expected \(fields.count) arguments, got \(items.count)", range: site.range)
    }
    return .standard(NamedTupleInstance(type: self, items: items))
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: "\(name).__new__", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let defaults = callDefaults
    let required = fields.count - defaults.count
    let parameters: [(String, Value?)] = fields.enumerated().map { index, field in
      (field, index < required ? nil : defaults[index - required])
    }
    if positional.count > fields.count {
      // `__new__(_cls, a, b)`: CPython counts the class among the positional arguments.
      let counted =
        required == fields.count
        ? "\(fields.count + 1)" : "from \(required + 1) to \(fields.count + 1)"
      throw arguments.typeError(
        "\(name).__new__() takes \(counted) positional arguments but \(positional.count + 1) were given"
      )
    }
    let (values, _) = try arguments.bind(parameters)
    return .standard(NamedTupleInstance(type: self, items: fields.map { values[$0]! }))
  }
}

/// `Point.__new__`, the function CPython generates for a namedtuple class: its `__defaults__` are
/// the defaults of the last fields, and assigning a tuple to them changes what later calls of the
/// class fill in.
final class NamedTupleNew: StandardObject {
  let type: NamedTupleType

  init(type: NamedTupleType) { self.type = type }

  override var typeName: String { "function" }
  override var isCallable: Bool { true }
  override func repr(_ item: (Value) -> String) -> String { "<function \(type.name).__new__>" }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "__defaults__": return type.callDefaults.isEmpty ? Value.none : .tuple(type.callDefaults)
    case "__name__": return .string("__new__")
    case "__qualname__": return .string("\(type.name).__new__")
    default: return nil
    }
  }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    guard name == "__defaults__" else { return false }
    switch value {
    case .none:
      type.callDefaults = []
    case .tuple(let items):
      // More defaults than fields would also give `_cls` one, which no script wants.
      guard items.count <= type.fields.count else {
        throw CellError.unsupported(
          "ConvBook does not support more `__new__.__defaults__` than a namedtuple has fields yet",
          at: range)
      }
      type.callDefaults = items
    default:
      throw CellError(
        type: "TypeError", message: "__defaults__ must be set to a tuple object", range: range)
    }
    return true
  }

  /// `Point.__new__(Point, 1, 2)`: the class first, then what a call of the class takes.
  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard let first = positional.first, case .standard(let given) = first, given === type else {
      throw CellError.unsupported(
        "ConvBook does not support calling a namedtuple's `__new__` with anything but its own class first yet",
        at: site.range)
    }
    return try type.call(
      positional: Array(positional.dropFirst()), keywords: keywords, site: site,
      interpreter: interpreter)
  }
}

/// An instance of a namedtuple class: a tuple whose items also have names.
final class NamedTupleInstance: StandardObject {
  let type: NamedTupleType
  let items: [Value]

  init(type: NamedTupleType, items: [Value]) {
    self.type = type
    self.items = items
  }

  override var typeName: String { type.name }
  override var tupleItems: [Value]? { items }

  override func repr(_ item: (Value) -> String) -> String {
    type.name + "("
      + zip(type.fields, items).map { "\($0)=\(item($1))" }.joined(separator: ", ") + ")"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if let index = type.fields.firstIndex(of: name) { return items[index] }
    switch name {
    case "_fields", "_field_defaults":
      return try type.attribute(name, interpreter: interpreter, range: range)
    case "_asdict", "_replace", "count", "index":
      return .method(receiver: .standard(self), name: name)
    default: return nil
    }
  }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    guard type.fields.contains(name) else { return false }
    throw CellError(type: "AttributeError", message: "can't set attribute", range: range)
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    switch name {
    case "_asdict":
      guard positional.isEmpty, keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message:
            "\(type.name)._asdict() takes 1 positional argument but \(positional.count + 1) were given",
          range: site.range)
      }
      return .dictionary(zip(type.fields, items).map { (.string($0), $1) })
    case "_replace":
      guard positional.isEmpty else {
        throw CellError(
          type: "TypeError",
          message:
            "\(type.name)._replace() takes 1 positional argument but \(positional.count + 1) were given",
          range: site.range)
      }
      var replaced = items
      var unknown: [Value] = []
      for (label, value) in keywords {
        if let index = type.fields.firstIndex(of: label) {
          replaced[index] = value
        } else {
          unknown.append(.string(label))
        }
      }
      if !unknown.isEmpty {
        throw CellError(
          type: "ValueError",
          message: "Got unexpected field names: \(PythonText.repr(.list(unknown)))",
          range: site.range)
      }
      return .standard(NamedTupleInstance(type: type, items: replaced))
    case "count", "index":
      return try Methods.call(
        name, on: .tuple(items), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    default: return nil
    }
  }
}
