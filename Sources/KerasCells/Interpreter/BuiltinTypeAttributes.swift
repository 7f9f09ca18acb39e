import CNNEngine

/// The attributes of CPython 3.11's built-in types as `dir(type)` lists them, so that a name the
/// type lacks is CPython's AttributeError (with its "Did you mean" suggestion) while a name it has
/// that ConvBook does not implement is ConvBook's limitation, never a made-up AttributeError.
/// Methods of these values resolve lazily: `Attributes.get` checks the name here and binds it,
/// `Methods.call` runs what ConvBook implements and asks `unavailable` for the rest.
enum BuiltinTypeAttributes {
  /// `dir(type)` of a value's built-in type (its `collections` flavor for dicts and deques); nil
  /// for other values, and for a list that a Keras layer tracks (tf-keras' `ListWrapper`, Keras
  /// 3's `TrackedList`), whose attributes are Keras'.
  static func names(of value: Value) -> Set<String>? {
    switch value {
    case .string: return strNames
    case .tuple: return tupleNames
    case .int, .bigInt, .bool: return intNames
    case .float: return floatNames
    case .list(let list):
      if list.heldByKerasLayer { return nil }
      if let view = list.dictionaryView {
        return view == .values ? valuesViewNames : keysViewNames
      }
      return list.deque == nil ? listNames : dequeNames
    case .dictionary(let dictionary):
      switch dictionary.flavor {
      case .plain, .bunch: return dictNames
      case .ordered: return dictNames.union(["__dict__", "move_to_end"])
      case .defaultDict: return dictNames.union(["__copy__", "__missing__", "default_factory"])
      case .counter: return dictNames.union(counterExtraNames)
      }
    default: return nil
    }
  }

  /// Attributes of these types that are values rather than methods: ConvBook answers the numbers'
  /// own and refuses the others when they are read.
  private static let dataAttributes: Set<String> = [
    "__dict__", "__doc__", "__hash__", "__module__", "__weakref__", "default_factory",
    "denominator",
    "imag", "mapping", "maxlen", "numerator", "real",
  ]

  /// `value.name` for a built-in value: the bound method, a number's `real`, `imag`,
  /// `numerator` or `denominator`, CPython's AttributeError for a name its type lacks, or
  /// ConvBook's refusal of a value attribute it does not model. Nil for other values.
  static func attribute(_ name: String, of value: Value, typeName: String, range: SourceRange)
    throws(CellError) -> Value?
  {
    guard let names = names(of: value) else { return nil }
    if case .dictionary(let bunch) = value, case .bunch = bunch.flavor, !names.contains(name) {
      // `Bunch.__getattr__`: the item of that key, else an AttributeError of the key alone.
      if let item = bunch.value(for: .string(name)) { return item }
      throw CellError(type: "AttributeError", message: name, range: range)
    }
    guard names.contains(name) else {
      throw CellError(
        type: "AttributeError", message: "'\(typeName)' object has no attribute '\(name)'",
        range: range, suggestion: NameSuggestion.closest(to: name, among: names.sorted()))
    }
    guard dataAttributes.contains(name) else { return .method(receiver: value, name: name) }
    switch (value, name) {
    case (.bool(let flag), "real"), (.bool(let flag), "numerator"): return .int(flag ? 1 : 0)
    case (.int, "real"), (.int, "numerator"), (.bigInt, "real"), (.bigInt, "numerator"):
      return value
    case (.float, "real"): return value
    case (.int, "imag"), (.bigInt, "imag"), (.bool, "imag"): return .int(0)
    case (.int, "denominator"), (.bigInt, "denominator"), (.bool, "denominator"): return .int(1)
    case (.float, "imag"): return .float(0)
    default:
      throw .unsupported("ConvBook does not support `\(typeName).\(name)` yet", at: range)
    }
  }

  /// The error for calling `name` on a built-in value when ConvBook has no such method: ConvBook's
  /// limitation where CPython's type has it, else CPython's AttributeError (raised when the
  /// method is looked up, before the call).
  static func unavailable(_ name: String, of value: Value, typeName: String, site: CallSite)
    -> CellError
  {
    if let names = names(of: value), names.contains(name) {
      return .unsupported("ConvBook does not support `\(typeName).\(name)` yet", at: site.range)
    }
    var missing = CellError(
      type: "AttributeError", message: "'\(typeName)' object has no attribute '\(name)'",
      range: site.calleeRange)
    missing.tracebackRange = site.calleeRange
    return missing
  }

  /// `dir(object)`, sorted as CPython returns it: a built-in value's or class's attributes, and a
  /// Keras module's recorded public names with the attributes every such module has (its own
  /// `__name__`, `__path__`, ...: the same nine in tf-keras 2.21 and Keras 3.15). Other objects
  /// are ConvBook's limitation.
  static func directory(of object: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    var names: Set<String>?
    switch object {
    case .function(let callable) where callable.kind == .builtin(callable.path):
      names = Self.names(ofClass: callable.path)
    case .function(let callable):
      if case .userClass(let type) = callable.kind {
        names = PythonClassDirectory.names(of: type, instance: nil)
      } else {
        names = Self.names(of: object)
      }
    case .instance(let instance):
      names = PythonClassDirectory.names(of: instance.type, instance: instance)
    case .module(let module):
      // A top-level package (`keras`, `tensorflow`, `numpy`) has attributes of its own.
      if module.kerasSubpath?.isEmpty == false,
        let recorded = module.recordedNames(in: interpreter.kerasVersion)
          ?? layerNames(module, session: interpreter.kerasVersion)
      {
        names = recorded.union(moduleAttributes)
      }
    default: names = Self.names(of: object)
    }
    guard let names else {
      let what =
        if case .module(let module) = object {
          "`\(module.pythonName(in: KerasPackages.unwrap(module, in: interpreter.kerasVersion).1))`"
        } else {
          "a `\(RuntimeTypeNames.typeName(of: object, session: interpreter.session))`"
        }
      throw .unsupported("ConvBook does not support `dir()` of \(what) yet", at: range)
    }
    try interpreter.budget.allocate(slots: names.count, at: range)
    return .list(PythonList(names.sorted().map(Value.string)))
  }

  /// The public names of `keras.layers` as the script reached it: tf-keras' (`tf_keras` in any
  /// session), Keras 3's own, or those of `tf.keras.layers` in a Keras 3 session.
  private static func layerNames(_ module: KerasModule, session: KerasVersion) -> Set<String>? {
    let (unwrapped, version) = KerasPackages.unwrap(module, in: session)
    guard unwrapped == .layers else { return nil }
    if version == .keras2 { return KerasAPINames.names["keras.layers"] }
    if case .keras3Package = module { return KerasLayerAttributeNames.keras3Modules["layers"] }
    return KerasLayerAttributeNames.keras3Modules["tf.layers"]
  }

  /// The attributes every Keras API module has beside its public names.
  private static let moduleAttributes: Set<String> = [
    "__builtins__", "__cached__", "__doc__", "__file__", "__loader__", "__name__", "__package__",
    "__path__", "__spec__",
  ]

  /// `dir(type)` of the built-in classes a cell can name (`str.lower`, `int.from_bytes`).
  static func names(ofClass className: String) -> Set<String>? {
    switch className {
    case "str": return strNames
    case "list": return listNames
    case "tuple": return tupleNames
    case "dict": return dictNames
    case "int", "bool": return intNames
    case "float": return floatNames
    default: return nil
    }
  }

  private static let strNames: Set<String> = [
    "__add__", "__class__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__",
    "__format__", "__ge__", "__getattribute__", "__getitem__", "__getnewargs__", "__getstate__",
    "__gt__", "__hash__", "__init__", "__init_subclass__", "__iter__", "__le__", "__len__",
    "__lt__", "__mod__", "__mul__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
    "__rmod__", "__rmul__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find",
    "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
    "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join",
    "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix",
    "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
  ]

  private static let listNames: Set<String> = [
    "__add__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__delitem__",
    "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__",
    "__getstate__", "__gt__", "__hash__", "__iadd__", "__imul__", "__init__", "__init_subclass__",
    "__iter__", "__le__", "__len__", "__lt__", "__mul__", "__ne__", "__new__", "__reduce__",
    "__reduce_ex__", "__repr__", "__reversed__", "__rmul__", "__setattr__", "__setitem__",
    "__sizeof__", "__str__", "__subclasshook__", "append", "clear", "copy", "count", "extend",
    "index", "insert", "pop", "remove", "reverse", "sort",
  ]

  private static let tupleNames: Set<String> = [
    "__add__", "__class__", "__class_getitem__", "__contains__", "__delattr__", "__dir__",
    "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__",
    "__getnewargs__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__iter__", "__le__", "__len__", "__lt__", "__mul__", "__ne__", "__new__", "__reduce__",
    "__reduce_ex__", "__repr__", "__rmul__", "__setattr__", "__sizeof__", "__str__",
    "__subclasshook__", "count", "index",
  ]

  private static let dictNames: Set<String> = [
    "__class__", "__class_getitem__", "__contains__", "__delattr__", "__delitem__", "__dir__",
    "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__getitem__", "__getstate__",
    "__gt__", "__hash__", "__init__", "__init_subclass__", "__ior__", "__iter__", "__le__",
    "__len__", "__lt__", "__ne__", "__new__", "__or__", "__reduce__", "__reduce_ex__", "__repr__",
    "__reversed__", "__ror__", "__setattr__", "__setitem__", "__sizeof__", "__str__",
    "__subclasshook__", "clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem",
    "setdefault", "update", "values",
  ]

  private static let intNames: Set<String> = [
    "__abs__", "__add__", "__and__", "__bool__", "__ceil__", "__class__", "__delattr__", "__dir__",
    "__divmod__", "__doc__", "__eq__", "__float__", "__floor__", "__floordiv__", "__format__",
    "__ge__", "__getattribute__", "__getnewargs__", "__getstate__", "__gt__", "__hash__",
    "__index__", "__init__", "__init_subclass__", "__int__", "__invert__", "__le__", "__lshift__",
    "__lt__", "__mod__", "__mul__", "__ne__", "__neg__", "__new__", "__or__", "__pos__", "__pow__",
    "__radd__", "__rand__", "__rdivmod__", "__reduce__", "__reduce_ex__", "__repr__",
    "__rfloordiv__", "__rlshift__", "__rmod__", "__rmul__", "__ror__", "__round__", "__rpow__",
    "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__", "__rxor__", "__setattr__",
    "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__truediv__", "__trunc__", "__xor__",
    "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes",
    "imag", "numerator", "real", "to_bytes",
  ]

  private static let floatNames: Set<String> = [
    "__abs__", "__add__", "__bool__", "__ceil__", "__class__", "__delattr__", "__dir__",
    "__divmod__", "__doc__", "__eq__", "__float__", "__floor__", "__floordiv__", "__format__",
    "__ge__", "__getattribute__", "__getformat__", "__getnewargs__", "__getstate__", "__gt__",
    "__hash__", "__init__", "__init_subclass__", "__int__", "__le__", "__lt__", "__mod__",
    "__mul__", "__ne__", "__neg__", "__new__", "__pos__", "__pow__", "__radd__", "__rdivmod__",
    "__reduce__", "__reduce_ex__", "__repr__", "__rfloordiv__", "__rmod__", "__rmul__",
    "__round__", "__rpow__", "__rsub__", "__rtruediv__", "__setattr__", "__sizeof__", "__str__",
    "__sub__", "__subclasshook__", "__truediv__", "__trunc__", "as_integer_ratio", "conjugate",
    "fromhex", "hex", "imag", "is_integer", "real",
  ]

  private static let dequeNames: Set<String> = [
    "__add__", "__class__", "__class_getitem__", "__contains__", "__copy__", "__delattr__",
    "__delitem__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
    "__getitem__", "__getstate__", "__gt__", "__hash__", "__iadd__", "__imul__", "__init__",
    "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__mul__", "__ne__", "__new__",
    "__reduce__", "__reduce_ex__", "__repr__", "__reversed__", "__rmul__", "__setattr__",
    "__setitem__", "__sizeof__", "__str__", "__subclasshook__", "append", "appendleft", "clear",
    "copy", "count", "extend", "extendleft", "index", "insert", "maxlen", "pop", "popleft",
    "remove", "reverse", "rotate",
  ]

  private static let counterExtraNames: Set<String> = [
    "__add__", "__and__", "__dict__", "__iadd__", "__iand__", "__isub__", "__missing__",
    "__module__", "__neg__", "__pos__", "__sub__", "__weakref__", "_keep_positive", "elements",
    "most_common", "subtract", "total",
  ]

  private static let keysViewNames: Set<String> = [
    "__and__", "__class__", "__contains__", "__delattr__", "__dir__", "__doc__", "__eq__",
    "__format__", "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__",
    "__init_subclass__", "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__or__",
    "__rand__", "__reduce__", "__reduce_ex__", "__repr__", "__reversed__", "__ror__", "__rsub__",
    "__rxor__", "__setattr__", "__sizeof__", "__str__", "__sub__", "__subclasshook__", "__xor__",
    "isdisjoint", "mapping",
  ]

  private static let valuesViewNames: Set<String> = [
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__iter__", "__le__", "__len__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__",
    "__repr__", "__reversed__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    "mapping",
  ]
}
