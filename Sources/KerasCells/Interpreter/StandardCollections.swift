/// Python's `collections`: `namedtuple` (its classes and instances are `StandardObject`s), and
/// `OrderedDict`, `defaultdict`, `Counter` and `deque`, which are dicts and lists with a flavor
/// (`PythonDict.flavor`, `PythonList.deque`): every dict or list operation works on them, and the
/// methods, missing-key rules and text that differ live here.
enum StandardCollections {
  static let classes: Set<String> = ["OrderedDict", "defaultdict", "Counter", "deque"]

  static func attribute(_ name: String) -> Value? {
    if name == "namedtuple" { return StandardLibrary.function("collections", name) }
    if name == "abc" { return .module(.standard(StandardCollectionsABC.module)) }
    if classes.contains(name) { return .standard(StandardClass(module: "collections", name: name)) }
    return nil
  }

  static func typeName(_ flavor: PythonDict.Flavor) -> String {
    switch flavor {
    case .plain: return "dict"
    case .ordered: return "OrderedDict"
    case .defaultDict: return "defaultdict"
    case .counter: return "Counter"
    case .bunch: return "Bunch"
    }
  }

  static func hasMethods(_ flavor: PythonDict.Flavor) -> Bool {
    switch flavor {
    case .plain, .bunch: return false
    case .ordered, .defaultDict, .counter: return true
    }
  }

  /// `repr` of a dict of a `collections` class, as CPython 3.11 writes it.
  static func repr(_ dictionary: PythonDict, item: (Value) -> String) -> String {
    func braces(_ pairs: [(Value, Value)]) -> String {
      "{" + pairs.map { item($0.0) + ": " + item($0.1) }.joined(separator: ", ") + "}"
    }
    switch dictionary.flavor {
    case .plain, .bunch: return braces(dictionary.pairs)
    case .ordered:
      if dictionary.isEmpty { return "OrderedDict()" }
      return "OrderedDict(["
        + dictionary.pairs.map { "(" + item($0.0) + ", " + item($0.1) + ")" }.joined(
          separator: ", ") + "])"
    case .defaultDict(let factory):
      return "defaultdict(\(factory.map(item) ?? "None"), \(braces(dictionary.pairs)))"
    case .counter:
      if dictionary.isEmpty { return "Counter()" }
      return "Counter(\(braces(mostCommon(dictionary.pairs))))"
    }
  }

  static func dequeRepr(_ items: String, _ deque: PythonList.Deque) -> String {
    guard let maximum = deque.maximumLength else { return "deque(\(items))" }
    return "deque(\(items), maxlen=\(maximum))"
  }

  /// The pairs by count, largest first; equal counts keep their order (Python's stable sort).
  static func mostCommon(_ pairs: [(Value, Value)]) -> [(Value, Value)] {
    pairs.enumerated().sorted { a, b in
      if let x = Operators.Number(a.element.1), let y = Operators.Number(b.element.1),
        let order = Operators.numberOrder(x, y), order != 0
      {
        return order > 0
      }
      return a.offset < b.offset
    }.map(\.element)
  }

  /// `d[key]` of a `defaultdict` (stores and returns `factory()`) or a `Counter` (0) when the key
  /// is missing; nil when the key is there or the dict has no such rule.
  static func missingKey(
    _ dictionary: PythonDict, _ key: Value, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value? {
    switch dictionary.flavor {
    case .defaultDict(let factory?):
      guard dictionary.index(of: key) == nil else { return nil }
      try interpreter.requireHashable(key, range: range)
      try interpreter.step(at: range)
      let made = try Calls.call(
        factory, positional: [], keywords: [],
        site: CallSite(range: range, calleeRange: range, arguments: [], calleeText: ""),
        interpreter: interpreter)
      try interpreter.setItem(of: .dictionary(dictionary), key, to: made, range: range)
      return made
    case .counter:
      guard dictionary.index(of: key) == nil else { return nil }
      try interpreter.requireHashable(key, range: range)
      return .int(0)
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    let interpreter = arguments.interpreter
    let range = arguments.range
    switch name {
    case "namedtuple":
      return try NamedTupleType.make(arguments)
    case "OrderedDict", "Counter":
      guard arguments.positional.count <= 1 else {
        throw arguments.typeError(
          "expected at most 1 argument\(name == "Counter" ? "" : "s"), got \(arguments.positional.count)"
        )
      }
      let dictionary = PythonDict()
      dictionary.flavor = name == "Counter" ? .counter : .ordered
      if name == "Counter" {
        try count(
          into: dictionary, arguments.positional.first, arguments.keywords, sign: 1, arguments)
      } else {
        try update(dictionary, arguments.positional.first, arguments.keywords, arguments)
      }
      return .dictionary(dictionary)
    case "defaultdict":
      let factory = arguments.positional.first ?? .none
      switch factory {
      case .none, .function, .standard: break
      default:
        if case .function = factory {
        } else {
          throw arguments.typeError("first argument must be callable or None")
        }
      }
      let dictionary = PythonDict()
      if case .none = factory {
        dictionary.flavor = .defaultDict(nil)
      } else {
        dictionary.flavor = .defaultDict(factory)
      }
      try update(dictionary, arguments.positional.dropFirst().first, arguments.keywords, arguments)
      return .dictionary(dictionary)
    case "deque":
      let (values, _) = try arguments.bind([("iterable", .tuple([])), ("maxlen", Value.none)])
      var maximum: Int? = nil
      if case .none = values["maxlen"]! {
      } else {
        guard case .int(let given) = values["maxlen"]! else {
          throw arguments.typeError("an integer is required")
        }
        guard given >= 0 else {
          throw CellError(type: "ValueError", message: "maxlen must be non-negative", range: range)
        }
        maximum = given
      }
      let items = try interpreter.iterate(values["iterable"]!, range: range)
      let list = PythonList(maximum.map { Array(items.suffix($0)) } ?? items)
      list.deque = PythonList.Deque(maximumLength: maximum)
      return .list(list)
    default: return nil
    }
  }

  /// `Counter + Counter` and `Counter - Counter`: counts added or subtracted, keeping the positive
  /// ones (in the left's order, then the right's new keys); nil for other dicts and operators.
  static func counterArithmetic(
    _ operation: BinaryOperator, _ a: PythonDict, _ b: PythonDict, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard case .counter = a.flavor, case .counter = b.flavor,
      operation == .add || operation == .subtract
    else { return nil }
    let result = PythonDict()
    result.flavor = .counter
    var keys = a.pairs.map(\.0)
    for (key, _) in b.pairs where a.index(of: key) == nil { keys.append(key) }
    for key in keys {
      try interpreter.step(at: range)
      let total = try Operators.binary(
        operation, a.value(for: key) ?? .int(0), b.value(for: key) ?? .int(0), range: range,
        budget: interpreter.budget)
      if let number = Operators.Number(total), Operators.numberOrder(number, .int(0)) == 1 {
        result.pairs.append((key, total))
      }
    }
    try interpreter.budget.allocate(slots: result.count * 2, at: range)
    return .dictionary(result)
  }

  /// `dict.update(other, **keywords)` into `dictionary`.
  private static func update(
    _ dictionary: PythonDict, _ other: Value?, _ keywords: [(String, Value)],
    _ arguments: StandardArguments
  ) throws(CellError) {
    let receiver = Value.dictionary(dictionary)
    var positional: [Value] = []
    if let other { positional.append(other) }
    _ = try ContainerMethods.dictionary(
      "update", dictionary, positional, keywords, arguments.site, arguments.interpreter)
    _ = receiver
  }

  /// `Counter.update` / `subtract` / `Counter(iterable)`: counts the items of an iterable, or adds
  /// a mapping's counts.
  private static func count(
    into dictionary: PythonDict, _ source: Value?, _ keywords: [(String, Value)], sign: Int,
    _ arguments: StandardArguments
  ) throws(CellError) {
    let interpreter = arguments.interpreter
    let range = arguments.range
    func add(_ key: Value, _ amount: Value) throws(CellError) {
      try interpreter.requireHashable(key, range: range)
      let current = dictionary.value(for: key) ?? .int(0)
      let total = try Operators.binary(
        sign > 0 ? .add : .subtract, current, amount, range: range, budget: interpreter.budget)
      try interpreter.setItem(of: .dictionary(dictionary), key, to: total, range: range)
    }
    if let source {
      if case .dictionary(let mapping) = source {
        for (key, amount) in mapping.pairs { try add(key, amount) }
      } else {
        try interpreter.forEach(source, range: range) { item throws(CellError) in
          try interpreter.step(at: range)
          try add(item, .int(1))
          return true
        }
      }
    }
    for (label, amount) in keywords { try add(.string(label), amount) }
  }

  /// The methods of `OrderedDict`, `defaultdict` and `Counter` that differ from dict's; the others
  /// are dict's.
  static func dictionaryMethod(
    _ name: String, _ dictionary: PythonDict, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite, _ interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let range = site.range
    switch (dictionary.flavor, name) {
    case (_, "copy"):
      try arguments.bind([])
      let copied = PythonDict(dictionary.pairs)
      copied.flavor = dictionary.flavor
      try interpreter.budget.allocate(slots: copied.count * 2, at: range)
      return .dictionary(copied)
    case (.counter, "most_common"):
      let (values, _) = try arguments.bind([("n", Value.none)])
      var pairs = mostCommon(dictionary.pairs)
      if case .none = values["n"]! {
      } else {
        pairs = Array(pairs.prefix(max(0, try arguments.integer(values["n"]!, "n"))))
      }
      return .list(pairs.map { .tuple([$0.0, $0.1]) })
    case (.counter, "elements"):
      try arguments.bind([])
      var items: [Value] = []
      for (key, amount) in dictionary.pairs {
        guard case .int(let times) = amount, times > 0 else { continue }
        try interpreter.budget.allocate(slots: times, at: range)
        items += Array(repeating: key, count: times)
      }
      var position = 0
      return .standard(
        PythonIterator(name: "chain") { _, _ in
          guard position < items.count else { return nil }
          position += 1
          return items[position - 1]
        })
    case (.counter, "total"):
      try arguments.bind([])
      var total = Value.int(0)
      for (_, amount) in dictionary.pairs {
        total = try Operators.binary(.add, total, amount, range: range, budget: interpreter.budget)
      }
      return total
    case (.counter, "update"), (.counter, "subtract"):
      guard positional.count <= 1 else {
        throw arguments.typeError("expected at most 1 argument, got \(positional.count)")
      }
      try count(
        into: dictionary, positional.first, keywords, sign: name == "update" ? 1 : -1, arguments)
      return Value.none
    case (.ordered, "move_to_end"):
      let (values, _) = try arguments.bind([("key", nil), ("last", .bool(true))])
      guard let index = dictionary.index(of: values["key"]!) else {
        throw CellError.keyError(values["key"]!, range: range)
      }
      let pair = dictionary.pairs.remove(at: index)
      if values["last"]!.isTruthy {
        dictionary.pairs.append(pair)
      } else {
        dictionary.pairs.insert(pair, at: 0)
      }
      return Value.none
    case (.ordered, "popitem"):
      let (values, _) = try arguments.bind([("last", .bool(true))])
      guard !dictionary.isEmpty else {
        throw CellError(type: "KeyError", message: "'dictionary is empty'", range: range)
      }
      let pair = dictionary.pairs.remove(at: values["last"]!.isTruthy ? dictionary.count - 1 : 0)
      return .tuple([pair.0, pair.1])
    default:
      return try ContainerMethods.dictionary(
        name, dictionary, positional, keywords, site, interpreter)
    }
  }

  /// The methods of `deque`: its own (`appendleft`, `popleft`, `rotate`, ...) and those it
  /// shares with list, bounded by `maxlen`.
  static func dequeMethod(
    _ name: String, _ list: PythonList, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite, _ interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    let receiver = Value.list(list)
    let maximum = list.deque?.maximumLength
    func one() throws(CellError) -> Value {
      guard positional.count == 1, keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: "deque.\(name)() takes exactly one argument (\(positional.count) given)",
          range: range)
      }
      return positional[0]
    }
    func none() throws(CellError) {
      guard positional.isEmpty, keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: "deque.\(name)() takes no arguments (\(positional.count) given)", range: range)
      }
    }
    func add(_ item: Value, left: Bool) throws(CellError) {
      try interpreter.refuseCycle(storing: item, in: receiver, range: range)
      try interpreter.budget.allocate(slots: 1, at: range)
      if maximum == 0 { return }
      if left {
        list.items.insert(item, at: 0)
        if let maximum, list.items.count > maximum { list.items.removeLast() }
      } else {
        list.items.append(item)
        if let maximum, list.items.count > maximum { list.items.removeFirst() }
      }
    }
    switch name {
    case "append", "appendleft":
      try add(try one(), left: name == "appendleft")
      return Value.none
    case "extend", "extendleft":
      for item in try interpreter.iterate(try one(), range: range) {
        try add(item, left: name == "extendleft")
      }
      return Value.none
    case "pop", "popleft":
      try none()
      guard !list.items.isEmpty else {
        throw CellError(type: "IndexError", message: "pop from an empty deque", range: range)
      }
      return name == "pop" ? list.items.removeLast() : list.items.removeFirst()
    case "rotate":
      guard keywords.isEmpty, positional.count <= 1 else {
        throw CellError(
          type: "TypeError", message: "rotate expected at most 1 argument, got \(positional.count)",
          range: range)
      }
      var steps = 1
      if let given = positional.first {
        guard case .int(let number) = given else {
          throw CellError(
            type: "TypeError",
            message: "'\(given.typeName)' object cannot be interpreted as an integer", range: range)
        }
        steps = number
      }
      let count = list.items.count
      guard count > 1 else { return Value.none }
      let shift = ((steps % count) + count) % count
      list.items = Array(list.items.suffix(shift) + list.items.prefix(count - shift))
      return Value.none
    case "copy":
      try none()
      let copied = PythonList(list.items)
      copied.deque = list.deque
      return .list(copied)
    case "insert":
      if let maximum, list.items.count >= maximum {
        throw CellError(
          type: "IndexError", message: "deque already at its maximum size", range: range)
      }
      return try ContainerMethods.list(name, list, positional, keywords, site, interpreter)
    case "clear", "count", "index", "remove", "reverse":
      return try ContainerMethods.list(name, list, positional, keywords, site, interpreter)
    default: return nil
    }
  }
}

/// A class of a standard-library module (`collections.OrderedDict`, `argparse.ArgumentParser`):
/// calling it makes an instance through the module's implementation.
final class StandardClass: StandardObject {
  let module: String
  let name: String

  init(module: String, name: String) {
    self.module = module
    self.name = name
  }

  override var typeName: String { "type" }
  override var isClass: Bool { true }
  override func repr(_ item: (Value) -> String) -> String {
    module == "builtins" ? "<class '\(name)'>" : "<class '\(module).\(name)'>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "__name__", "__qualname__": return .string(self.name)
    case "__module__": return .string(module)
    case _ where module == "pathlib":
      return try StandardPathlib.classAttribute(name, of: self.name, at: range)
    default: return nil
    }
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    try StandardFunction(module: module, name: name).call(
      positional: positional, keywords: keywords, site: site, interpreter: interpreter)
  }
}
