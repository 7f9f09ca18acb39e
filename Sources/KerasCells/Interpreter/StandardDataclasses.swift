/// Python's `dataclasses` as configuration classes around model code use it: `@dataclass` and
/// `@dataclass(frozen=True, ...)` on a class whose body annotates its fields, `field(default=,
/// default_factory=, init=, repr=, compare=)`, the generated `__init__` (then `__post_init__`),
/// `__repr__` and `__eq__` (a method the class defines itself is kept, as CPython keeps it),
/// frozen instances' `FrozenInstanceError`, and `asdict`, `astuple`, `fields`, `is_dataclass`,
/// `replace`. Fields of dataclass bases come first, as in CPython.
enum StandardDataclasses {
  static let frozenInstanceError = "dataclasses.FrozenInstanceError"
  static let functionNames: Set<String> = [
    "dataclass", "field", "asdict", "astuple", "fields", "is_dataclass", "replace",
  ]
  /// `dataclass()`'s keywords and their defaults; the ones ConvBook implements are listed in
  /// `implementedOptions`.
  private static let options: [(String, Bool)] = [
    ("init", true), ("repr", true), ("eq", true), ("order", false), ("unsafe_hash", false),
    ("frozen", false), ("match_args", true), ("kw_only", false), ("slots", false),
    ("weakref_slot", false),
  ]
  private static let implementedOptions: Set<String> = [
    "init", "repr", "eq", "frozen", "match_args",
  ]

  static func attribute(_ name: String) -> Value? {
    if functionNames.contains(name) { return StandardLibrary.function("dataclasses", name) }
    if name == "FrozenInstanceError" {
      return .function(Callable(.builtin(frozenInstanceError), path: frozenInstanceError))
    }
    return nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    switch name {
    case "dataclass":
      var flags: [String: Bool] = [:]
      for (label, value) in arguments.keywords {
        guard options.contains(where: { $0.0 == label }) else {
          throw arguments.typeError("dataclass() got an unexpected keyword argument '\(label)'")
        }
        guard implementedOptions.contains(label) || !value.isTruthy else {
          throw .unsupported(
            "ConvBook does not support `dataclass(\(label)=True)` yet", at: arguments.range)
        }
        flags[label] = value.isTruthy
      }
      guard let target = arguments.positional.first else {
        // `@dataclass(frozen=True)`: a decorator with these options.
        return .standard(DataclassDecorator(flags: flags))
      }
      guard arguments.positional.count == 1 else {
        throw arguments.typeError(
          "dataclass() takes from 0 to 1 positional arguments but \(arguments.positional.count) were given"
        )
      }
      return try decorate(target, flags: flags, arguments)
    case "field":
      guard arguments.positional.isEmpty else {
        throw arguments.typeError(
          "field() takes 0 positional arguments but \(arguments.positional.count) \(arguments.positional.count == 1 ? "was" : "were") given"
        )
      }
      let spec = DataclassFieldSpec()
      for (label, value) in arguments.keywords {
        switch label {
        case "default": spec.defaultValue = value
        case "default_factory": spec.factory = value
        case "init": spec.initialized = value.isTruthy
        case "repr": spec.shown = value.isTruthy
        case "compare": spec.compared = value.isTruthy
        case "hash", "metadata":
          if !value.isNone {
            throw .unsupported(
              "ConvBook does not support `field(\(label)=...)` yet", at: arguments.range)
          }
        case "kw_only":
          throw .unsupported(
            "ConvBook does not support `field(kw_only=...)` yet", at: arguments.range)
        default:
          throw arguments.typeError("field() got an unexpected keyword argument '\(label)'")
        }
      }
      if spec.defaultValue != nil, spec.factory != nil {
        throw CellError(
          type: "ValueError", message: "cannot specify both default and default_factory",
          range: arguments.range)
      }
      return .standard(spec)
    case "is_dataclass":
      let (values, _) = try arguments.bind([("obj", nil)])
      return .bool(dataclassType(of: values["obj"]!, classesToo: true) != nil)
    case "fields":
      let (values, _) = try arguments.bind([("class_or_instance", nil)])
      guard let type = dataclassType(of: values["class_or_instance"]!, classesToo: true) else {
        throw arguments.typeError("must be called with a dataclass type or instance")
      }
      return .tuple(type.dataclass!.fields.map { .standard(DataclassFieldView(name: $0.name)) })
    case "asdict", "astuple":
      let (values, _) = try arguments.bind([("obj", nil)])
      guard dataclassType(of: values["obj"]!, classesToo: false) != nil else {
        throw arguments.typeError("\(name)() should be called on dataclass instances")
      }
      return try convert(values["obj"]!, asDictionary: name == "asdict", depth: 0, arguments)
    case "replace":
      guard arguments.positional.count == 1,
        case .instance(let instance) = arguments.positional[0],
        let info = instance.type.dataclass
      else {
        throw arguments.typeError("replace() should be called on dataclass instances")
      }
      var keywords: [(String, Value)] = []
      for field in info.fields where field.initialized {
        if let given = arguments.keywords.first(where: { $0.0 == field.name }) {
          keywords.append(given)
        } else {
          keywords.append((field.name, instance.attributes[field.name] ?? .none))
        }
      }
      for (label, _) in arguments.keywords where !info.fields.contains(where: { $0.name == label })
      {
        throw arguments.typeError("__init__() got an unexpected keyword argument '\(label)'")
      }
      return try arguments.interpreter.instantiate(
        instance.type, positional: [], keywords: keywords, site: arguments.site)
    default: return nil
    }
  }

  /// The dataclass of an instance (or, with `classesToo`, of a class value).
  private static func dataclassType(of value: Value, classesToo: Bool) -> PythonClass? {
    switch value {
    case .instance(let instance): return instance.type.dataclass != nil ? instance.type : nil
    case .function(let callable) where classesToo:
      if case .userClass(let type) = callable.kind, type.dataclass != nil { return type }
      return nil
    default: return nil
    }
  }

  /// `asdict` / `astuple`: dataclass instances, lists, tuples and dicts inside copied recursively.
  private static func convert(
    _ value: Value, asDictionary: Bool, depth: Int, _ arguments: StandardArguments
  ) throws(CellError) -> Value {
    try arguments.interpreter.step(at: arguments.range)
    guard depth <= PythonText.maximumNesting else {
      throw CellError(
        type: "RecursionError", message: "maximum recursion depth exceeded", range: arguments.range)
    }
    switch value {
    case .instance(let instance) where instance.type.dataclass != nil:
      var pairs: [(Value, Value)] = []
      for field in instance.type.dataclass!.fields {
        let inner = try convert(
          instance.attributes[field.name] ?? .none, asDictionary: asDictionary, depth: depth + 1,
          arguments)
        pairs.append((.string(field.name), inner))
      }
      return asDictionary ? .dictionary(PythonDict(pairs)) : .tuple(pairs.map(\.1))
    case .list(let list):
      var items: [Value] = []
      for item in list.items {
        items.append(try convert(item, asDictionary: asDictionary, depth: depth + 1, arguments))
      }
      return .list(PythonList(items))
    case .tuple(let tuple):
      var items: [Value] = []
      for item in tuple {
        items.append(try convert(item, asDictionary: asDictionary, depth: depth + 1, arguments))
      }
      return .tuple(items)
    case .dictionary(let dictionary):
      var pairs: [(Value, Value)] = []
      for (key, item) in dictionary.pairs {
        pairs.append(
          (
            try convert(key, asDictionary: asDictionary, depth: depth + 1, arguments),
            try convert(item, asDictionary: asDictionary, depth: depth + 1, arguments)
          ))
      }
      return .dictionary(PythonDict(pairs))
    default: return value
    }
  }

  /// `@dataclass` on a class value: its fields, defaults and generated methods.
  static func decorate(_ target: Value, flags: [String: Bool], _ arguments: StandardArguments)
    throws(CellError) -> Value
  {
    guard case .function(let callable) = target, case .userClass(let type) = callable.kind else {
      throw .unsupported(
        "ConvBook's @dataclass decorates classes defined in cells, not \(target.typeName) values",
        at: arguments.range)
    }
    var fields: [DataclassField] = []
    for base in type.mro.dropFirst().reversed() {
      for field in base.dataclass?.fields ?? [] {
        if let index = fields.firstIndex(where: { $0.name == field.name }) {
          fields[index] = field
        } else {
          fields.append(field)
        }
      }
    }
    for name in type.annotations {
      var field = DataclassField(name: name)
      if let given = type.namespace[name] {
        if case .standard(let spec as DataclassFieldSpec) = given {
          field.defaultValue = spec.defaultValue
          field.factory = spec.factory
          field.initialized = spec.initialized
          field.shown = spec.shown
          field.compared = spec.compared
          // The class keeps the default as its attribute, or none.
          if let value = spec.defaultValue {
            type.set(name, value)
          } else {
            type.namespace[name] = nil
            type.namespaceOrder.removeAll { $0 == name }
          }
        } else {
          field.defaultValue = given
        }
      }
      if let value = field.defaultValue {
        switch value {
        case .list, .dictionary, .set:
          throw CellError(
            type: "ValueError",
            message:
              "mutable default <class '\(value.typeName)'> for field \(name) is not allowed: use default_factory",
            range: arguments.range)
        default: break
        }
      }
      if let index = fields.firstIndex(where: { $0.name == name }) {
        fields[index] = field
      } else {
        fields.append(field)
      }
    }
    if flags["init"] ?? true {
      var seenDefault = false
      for field in fields where field.initialized {
        if field.hasDefault {
          seenDefault = true
        } else if seenDefault {
          throw arguments.typeError("non-default argument '\(field.name)' follows default argument")
        }
      }
    }
    let frozen = flags["frozen"] ?? false
    for base in type.mro.dropFirst() {
      guard let info = base.dataclass else { continue }
      if info.frozen && !frozen {
        throw arguments.typeError("cannot inherit non-frozen dataclass from a frozen one")
      }
      if !info.frozen && frozen {
        throw arguments.typeError("cannot inherit frozen dataclass from a non-frozen one")
      }
    }
    type.dataclass = DataclassInfo(fields: fields, frozen: frozen)
    for (method, flag) in [("__init__", "init"), ("__repr__", "repr"), ("__eq__", "eq")]
    where (flags[flag] ?? true) && type.namespace[method] == nil {
      type.set(method, .standard(DataclassMethod(method, of: type)))
    }
    return target
  }
}

/// One field of a dataclass.
struct DataclassField {
  let name: String
  var defaultValue: Value?
  var factory: Value?
  var initialized = true
  var shown = true
  var compared = true

  init(name: String) { self.name = name }

  var hasDefault: Bool { defaultValue != nil || factory != nil }
}

/// What `@dataclass` made of a class.
struct DataclassInfo {
  var fields: [DataclassField]
  var frozen: Bool
}

/// `field(...)` as written in a class body, until `@dataclass` reads it.
final class DataclassFieldSpec: StandardObject {
  var defaultValue: Value?
  var factory: Value?
  var initialized = true
  var shown = true
  var compared = true

  override var typeName: String { "Field" }
}

/// An item of `fields(x)`: its `name`.
final class DataclassFieldView: StandardObject {
  let name: String
  init(name: String) { self.name = name }
  override var typeName: String { "Field" }
  override func attribute(_ attribute: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    attribute == "name" ? .string(name) : nil
  }
}

/// `@dataclass(frozen=True)`: the decorator that options make.
final class DataclassDecorator: StandardObject {
  let flags: [String: Bool]
  init(flags: [String: Bool]) { self.flags = flags }
  override var typeName: String { "function" }
  override func repr(_ item: (Value) -> String) -> String { "<function dataclass.<locals>.wrap>" }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: "wrap", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let (values, _) = try arguments.bind([("cls", nil)])
    return try StandardDataclasses.decorate(values["cls"]!, flags: flags, arguments)
  }
}

/// A method `@dataclass` generated (`__init__`, `__repr__`, `__eq__`), called with the instance
/// first.
final class DataclassMethod: StandardObject {
  let name: String
  /// Weak: the class holds the method.
  private weak var owner: PythonClass?

  init(_ name: String, of type: PythonClass) {
    self.name = name
    self.owner = type
  }

  override var typeName: String { "function" }
  override func repr(_ item: (Value) -> String) -> String {
    "<function \(owner?.qualifiedName ?? "").\(name)>"
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard let type = owner, case .instance(let instance) = positional.first,
      let info = type.dataclass
    else {
      throw CellError(
        type: "TypeError",
        message:
          "\(owner?.qualifiedName ?? "").\(name)() missing 1 required positional argument: 'self'",
        range: range)
    }
    let arguments = Array(positional.dropFirst())
    switch name {
    case "__init__":
      let parameters = info.fields.filter(\.initialized)
      func typeError(_ message: String) -> CellError {
        CellError(
          type: "TypeError", message: "\(type.qualifiedName).__init__() \(message)", range: range)
      }
      guard arguments.count <= parameters.count else {
        let required = parameters.filter { !$0.hasDefault }.count
        let takes =
          required == parameters.count
          ? "\(parameters.count + 1) positional argument\(parameters.isEmpty ? "" : "s")"
          : "from \(required + 1) to \(parameters.count + 1) positional arguments"
        throw typeError("takes \(takes) but \(arguments.count + 1) were given")
      }
      var bound: [String: Value] = [:]
      for (field, value) in zip(parameters, arguments) { bound[field.name] = value }
      for (label, value) in keywords {
        guard parameters.contains(where: { $0.name == label }) else {
          throw typeError("got an unexpected keyword argument '\(label)'")
        }
        guard bound[label] == nil else {
          throw typeError("got multiple values for argument '\(label)'")
        }
        bound[label] = value
      }
      let missing = parameters.filter { bound[$0.name] == nil && !$0.hasDefault }.map {
        "'\($0.name)'"
      }
      if !missing.isEmpty {
        let list =
          missing.count == 1
          ? missing[0]
          : missing.count == 2
            ? "\(missing[0]) and \(missing[1])"
            : missing.dropLast().joined(separator: ", ") + ", and " + missing.last!
        throw typeError(
          "missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)"
        )
      }
      try interpreter.budget.allocate(slots: info.fields.count * 2, at: range)
      for field in info.fields {
        if let value = bound[field.name] {
          instance.set(field.name, value)
        } else if let factory = field.factory {
          instance.set(
            field.name,
            try Calls.call(
              factory, positional: [], keywords: [], site: site, interpreter: interpreter))
        } else if let value = field.defaultValue {
          instance.set(field.name, value)
        }
      }
      if let (postInit, _) = type.lookup("__post_init__") {
        _ = try interpreter.callClassMember(
          postInit, receiver: .instance(instance), receiverClass: instance.type, positional: [],
          keywords: [], site: site)
      }
      return Value.none
    case "__repr__":
      var parts: [String] = []
      for field in info.fields where field.shown {
        let value = instance.attributes[field.name] ?? .none
        try interpreter.prepareText(value, range: range, as: .repr)
        parts.append("\(field.name)=\(PythonText.repr(value))")
      }
      return .string("\(instance.type.qualifiedName)(\(parts.joined(separator: ", ")))")
    default:  // __eq__
      guard arguments.count == 1 else {
        throw CellError(
          type: "TypeError",
          message:
            "\(type.qualifiedName).__eq__() takes 2 positional arguments but \(arguments.count + 1) were given",
          range: range)
      }
      guard case .instance(let other) = arguments[0], other.type === instance.type else {
        return .bool(false)
      }
      for field in info.fields where field.compared {
        let a = instance.attributes[field.name] ?? .none
        let b = other.attributes[field.name] ?? .none
        let same =
          try interpreter.instanceComparison(.equal, a, b, range: range)
          ?? Operators.equal(a, b)
        if !same { return .bool(false) }
      }
      return .bool(true)
    }
  }
}
