/// Python's `copy`: `copy` (a new container holding the same items) and `deepcopy` (new
/// containers all the way down, an object reached twice copied once). Keras layers and models are
/// refused: ConvBook does not clone them yet.
enum StandardCopy {
  static func attribute(_ name: String) -> Value? {
    ["copy", "deepcopy"].contains(name) ? StandardLibrary.function("copy", name) : nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    let (values, _) = try arguments.bind(
      name == "copy" ? [("x", nil)] : [("x", nil), ("memo", Value.none)])
    let value = values["x"]!
    if name == "copy" { return try shallow(value, arguments) }
    var memo: [ObjectIdentifier: Value] = [:]
    return try deep(value, &memo, depth: 0, arguments)
  }

  private static func refuse(_ value: Value, _ arguments: StandardArguments) -> CellError {
    .unsupported(
      "ConvBook does not support copying a \(value.typeName) yet; make a new one with the same arguments",
      at: arguments.range)
  }

  static func shallow(_ value: Value, _ arguments: StandardArguments) throws(CellError) -> Value {
    switch value {
    case .list(let list):
      try arguments.interpreter.budget.allocate(slots: list.count, at: arguments.range)
      let copied = PythonList(list.items)
      copied.deque = list.deque
      return .list(copied)
    case .dictionary(let dictionary):
      try arguments.interpreter.budget.allocate(slots: dictionary.count * 2, at: arguments.range)
      let copied = PythonDict(dictionary.pairs)
      copied.flavor = dictionary.flavor
      return .dictionary(copied)
    case .set(let set) where !set.isFrozen:
      return try Methods.call(
        "copy", on: value, positional: [], keywords: [], site: arguments.site,
        interpreter: arguments.interpreter)
    case .standard(let namespace as Namespace):
      return .standard(Namespace(namespace.dictionary.pairs))
    case .instance(let instance) where instance.layerState == nil:
      // A new instance of the same class sharing the attribute values (Python's `__reduce_ex__`
      // copy of `__dict__`).
      try arguments.interpreter.budget.allocate(
        slots: instance.attributes.count, at: arguments.range)
      let copied = PythonInstance(type: instance.type)
      copied.attributes = instance.attributes
      copied.attributeOrder = instance.attributeOrder
      return .instance(copied)
    case .instance: throw refuse(value, arguments)
    case .layer, .model, .kerasTensor, .variable, .array, .history, .standard(is Logger),
      .standard(is ArgumentParser), .standard(is PythonIterator):
      throw refuse(value, arguments)
    default:
      // Immutable values (numbers, strings, tuples, namedtuples, functions, classes) are their
      // own copies, as in Python.
      return value
    }
  }

  private static func deep(
    _ value: Value, _ memo: inout [ObjectIdentifier: Value], depth: Int,
    _ arguments: StandardArguments
  ) throws(CellError) -> Value {
    try arguments.interpreter.step(at: arguments.range)
    guard depth <= PythonText.maximumNesting else {
      throw CellError(
        type: "RecursionError", message: "maximum recursion depth exceeded", range: arguments.range)
    }
    func items(_ values: [Value]) throws(CellError) -> [Value] {
      var copied: [Value] = []
      for item in values { copied.append(try deep(item, &memo, depth: depth + 1, arguments)) }
      return copied
    }
    switch value {
    case .list(let list):
      if let seen = memo[ObjectIdentifier(list)] { return seen }
      try arguments.interpreter.budget.allocate(slots: list.count, at: arguments.range)
      let copied = PythonList()
      copied.deque = list.deque
      memo[ObjectIdentifier(list)] = .list(copied)
      copied.items = try items(list.items)
      return .list(copied)
    case .dictionary(let dictionary):
      if let seen = memo[ObjectIdentifier(dictionary)] { return seen }
      try arguments.interpreter.budget.allocate(slots: dictionary.count * 2, at: arguments.range)
      let copied = PythonDict()
      copied.flavor = dictionary.flavor
      memo[ObjectIdentifier(dictionary)] = .dictionary(copied)
      for (key, item) in dictionary.pairs {
        copied.pairs.append(
          (
            try deep(key, &memo, depth: depth + 1, arguments),
            try deep(item, &memo, depth: depth + 1, arguments)
          ))
      }
      return .dictionary(copied)
    case .tuple(let values): return .tuple(try items(values))
    case .standard(let instance as NamedTupleInstance):
      return .standard(NamedTupleInstance(type: instance.type, items: try items(instance.items)))
    case .instance(let instance) where instance.layerState == nil:
      if let seen = memo[ObjectIdentifier(instance)] { return seen }
      try arguments.interpreter.budget.allocate(
        slots: instance.attributes.count, at: arguments.range)
      let copied = PythonInstance(type: instance.type)
      memo[ObjectIdentifier(instance)] = .instance(copied)
      for name in instance.attributeOrder {
        guard let item = instance.attributes[name] else { continue }
        copied.attributes[name] = try deep(item, &memo, depth: depth + 1, arguments)
        copied.attributeOrder.append(name)
      }
      return .instance(copied)
    case .standard(let namespace as Namespace):
      let copied = Namespace([])
      for (key, item) in namespace.dictionary.pairs {
        copied.dictionary.pairs.append((key, try deep(item, &memo, depth: depth + 1, arguments)))
      }
      return .standard(copied)
    default:
      return try shallow(value, arguments)
    }
  }
}
