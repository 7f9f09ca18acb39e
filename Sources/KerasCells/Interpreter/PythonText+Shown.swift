extension PythonText {
  /// Which text of a value is about to be shown: `str` (print, `str()`, an f-string field),
  /// `repr` (`repr()`, `!r`, the items of a container), or both where the format string decides
  /// later (`"%s %r" % (a, b)`, `"{!r}".format(a)`).
  enum Shown {
    case str, repr, both

    /// What `template % values` shows of each value in turn (`%s` its str, `%r` and `%a` its
    /// repr), or nil where a field takes no value of its own or several (`%(key)s`, `%*d`).
    static func percentFields(_ template: String) -> [Shown]? {
      var fields: [Shown] = []
      var characters = template.makeIterator()
      while let character = characters.next() {
        guard character == "%" else { continue }
        while let next = characters.next() {
          if next == "(" || next == "*" { return nil }
          guard next.isLetter || next == "%" else { continue }
          switch next {
          case "%": break
          case "r", "a": fields.append(.repr)
          default: fields.append(.str)
          }
          break
        }
      }
      return fields
    }

    /// What `template.format(values)` shows of its values: their str, unless a field asks for
    /// the repr (`{!r}`).
    init(formatTemplate template: String) {
      self = Shown(template.contains("!r") || template.contains("!a"), true)
    }

    /// True when a field of `template.format(...)` shows an attribute or item of its value
    /// (`{0.name}`, `{d[key]}`) rather than the value itself.
    static func formatFieldsReachInside(_ template: String) -> Bool {
      var rest = Substring(template)
      while let open = rest.firstIndex(of: "{") {
        rest = rest[rest.index(after: open)...]
        if rest.first == "{" {
          rest = rest.dropFirst()
          continue
        }
        let name = rest.prefix { !":!}".contains($0) }
        if name.contains(".") || name.contains("[") { return true }
        rest = rest.dropFirst(name.count)
      }
      return false
    }

    private init(_ repr: Bool, _ str: Bool) {
      self = repr ? (str ? .both : .repr) : .str
    }

    /// The special methods CPython calls to make this text of an instance of `type`: `str()` is
    /// `__str__`, or `object.__str__`, which calls `__repr__`.
    func methods(of type: PythonClass) -> [String] {
      switch self {
      case .repr: return ["__repr__"]
      case .str: return type.lookup("__str__") == nil ? ["__repr__"] : ["__str__"]
      case .both: return ["__repr__", "__str__"]
      }
    }
  }

  /// The first object in `value` (inside containers too) whose text CPython writes with its
  /// memory address (`<__main__.Point object at 0x7f3a...>`, `<function f at 0x7f3a...>`), as
  /// ConvBook names it, or nil. The address changes from run to run, so a script that prints one
  /// can never be matched; `Interpreter.prepareText` refuses it in a script, once the instances'
  /// own `__repr__` / `__str__` have run (their text is kept on them).
  static func addressedObject(in value: Value, shown: Shown, depth: Int = 0) -> String? {
    guard depth <= maximumNesting else { return nil }
    let inner = { (item: Value) in addressedObject(in: item, shown: .repr, depth: depth + 1) }
    switch value {
    case .instance(let instance):
      // `str()` of an instance without `__str__` is its repr.
      let text = shown == .repr ? instance.shownRepr : instance.shownStr ?? instance.shownRepr
      guard text == nil else { return nil }
      return "<\(instance.type.module).\(instance.type.qualifiedName) object at 0x...>"
    case .function(let callable):
      switch callable.kind {
      case .user(let function): return "<function \(function.qualifiedName) at 0x...>"
      case .descriptor(let descriptor):
        return "<\(descriptor.kind.rawValue)(<function ... at 0x...>)>"
      case .activation(let name):
        return "<function \(TensorFlowFunctionNames.qualifiedName(of: callable) ?? name) at 0x...>"
      // `tf.Variable` is a class (`TensorFlowClasses`).
      case .tensorFunction(namespace: "tensorflow", name: "Variable"): return nil
      // Keras', TensorFlow's and NumPy's functions are Python functions with an address too
      // (`print(keras.losses.mse)`); Python's own built-ins (`<built-in function len>`), classes
      // and the objects ConvBook has no Python text of are not.
      case .tensorFunction, .mergeFunction, .inputFunction, .application, .applicationFunction,
        .clearSession, .dataLoader:
        return "<function \(callable.pythonFunctionName) at 0x...>"
      // The loss and metric functions (`keras.losses.mse`), beside the classes (`MeanSquaredError`).
      case .objectFactory(let name)
      where name.first?.isLowercase == true
        && (callable.path.contains(".losses.") || callable.path.contains(".metrics.")):
        return "<function \(name) at 0x...>"
      case .builtin where !callable.isClass && !callable.isPythonBuiltinFunction:
        return KerasObjectText.classRepr(callable) == nil
          && NumPyFunctions.scalarTypeRepr(callable) == nil
          ? "<function \(callable.pythonFunctionName) at 0x...>" : nil
      case .partial(let application):
        if application.isBoundMethod, let receiver = application.positional.first {
          return inner(receiver)
        }
        for item in [application.callee] + application.positional + application.keywords.map(\.1) {
          if let found = inner(item) { return found }
        }
        return nil
      default: return nil
      }
    case .method(let receiver, let name):
      // A method of a built-in type is a C function bound to its object, whose repr names the
      // object's address (`<built-in method values of dict object at 0x...>`).
      switch receiver {
      case .list, .tuple, .dictionary, .set, .string, .int, .float, .bool, .bigInt:
        return "<built-in method \(name) of \(receiver.typeName) object at 0x...>"
      case .array(let array) where array.tensorFlowDType == nil:
        return "<built-in method \(name) of numpy.ndarray object at 0x...>"
      default: return inner(receiver)
      }
    case .history: return "<History object at 0x...>"
    // A session prints with its address, a protocol buffer with its fields ConvBook keeps none of.
    case .standard(let object as TFCompatSessionObject):
      return "<tf.compat.v1.\(object.className) object at 0x...>"
    case .kerasObject(let object):
      guard TensorFlowDType.name(of: value) == nil else { return nil }
      return "<\(object.typeName) object at 0x...>"
    case .list, .tuple:
      for item in value.sequenceItems ?? [] {
        if let found = inner(item) { return found }
      }
      return nil
    // A namedtuple and a namespace show their values (`P(f=<function f at 0x...>)`).
    case .standard(let namedTuple as NamedTupleInstance):
      for item in namedTuple.tupleItems ?? [] {
        if let found = inner(item) { return found }
      }
      return nil
    case .standard(let namespace as Namespace):
      for (_, item) in namespace.dictionary.pairs {
        if let found = inner(item) { return found }
      }
      return nil
    case .set(let set):
      for item in set.items {
        if let found = inner(item) { return found }
      }
      return nil
    case .dictionary(let pairs):
      for (key, item) in pairs {
        if let found = inner(key) ?? inner(item) { return found }
      }
      return nil
    // TensorFlow's functions are Python functions (`<function enable_op_determinism at 0x...>`).
    case .standard(let function as StandardFunction) where function.module.hasPrefix("tensorflow"):
      return "<function \(function.name) at 0x...>"
    // Objects whose repr CPython writes with their address.
    case .standard(let object)
    where object is StringBuffer || object is ImageDataGeneratorObject
      || object is RedirectStandardOutput:
      return String(object.repr { PythonText.repr($0) }.dropLast()) + " at 0x...>"
    case .exception(let exception):
      // An exception whose message quotes an object (`print(error)` of Keras 3's
      // "<__main__.Reg object at 0x7f...> does not implement get_config()").
      return addressedObject(inMessage: exception.message)
    default: return nil
    }
  }

  /// The first object in a message as ConvBook wrote it (`<__main__.Reg object>`, `<function f>`:
  /// ConvBook's texts leave the address out) that CPython writes with its memory address
  /// (`<__main__.Reg object at 0x7f...>`), or nil. (`<super: <class 'B'>, <A object>>` has none.)
  static func addressedObject(inMessage text: String) -> String? {
    for match in text.matches(of: #/<[A-Za-z_][\w.]* object>|<function [A-Za-z_][\w.<>]*>/#)
    where !text[..<match.range.lowerBound].hasSuffix("'>, ") {
      return String(text[match.range].dropLast()) + " at 0x...>"
    }
    return nil
  }
}
