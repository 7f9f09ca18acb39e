import CNNEngine

/// The methods of lists and dicts. The changing ones (`append`, `update`, ...) change the shared
/// object, so every name bound to it sees the change; each returns nil for a name it does not
/// have (the caller reports the AttributeError).
enum ContainerMethods {
  static func list(
    _ name: String, _ list: PythonList, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite, _ interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    let receiver = Value.list(list)
    func noKeywords() throws(CellError) {
      if !keywords.isEmpty {
        throw CellError(
          type: "TypeError", message: "list.\(name)() takes no keyword arguments", range: range)
      }
    }
    func exactlyOne() throws(CellError) -> Value {
      try noKeywords()
      guard positional.count == 1 else {
        throw CellError(
          type: "TypeError",
          message: "list.\(name)() takes exactly one argument (\(positional.count) given)",
          range: range)
      }
      return positional[0]
    }
    func noArguments() throws(CellError) {
      try noKeywords()
      guard positional.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: "list.\(name)() takes no arguments (\(positional.count) given)", range: range)
      }
    }
    switch name {
    case "append":
      let item = try exactlyOne()
      try interpreter.refuseCycle(storing: item, in: receiver, range: range)
      try interpreter.budget.allocate(slots: 1, at: range)
      try Keras3LayerTracking.trackAdded(
        item, by: list.layerTracker, interpreter: interpreter, range: range)
      list.items.append(item)
      return Value.none
    case "extend":
      try interpreter.extend(list, with: try exactlyOne(), range: range)
      return Value.none
    case "insert":
      try noKeywords()
      guard positional.count == 2 else {
        throw CellError(
          type: "TypeError", message: "insert expected 2 arguments, got \(positional.count)",
          range: range)
      }
      let position = try PythonInteger.sizeArgument(positional[0], range: range)
      try interpreter.refuseCycle(storing: positional[1], in: receiver, range: range)
      try interpreter.budget.allocate(slots: 1, at: range)
      // Python clamps the position to the list.
      let count = list.count
      let resolved = position < 0 ? max(0, position + count) : min(position, count)
      try Keras3LayerTracking.trackAdded(
        positional[1], by: list.layerTracker, interpreter: interpreter, range: range)
      list.items.insert(positional[1], at: resolved)
      return Value.none
    case "pop":
      try noKeywords()
      guard positional.count <= 1 else {
        throw CellError(
          type: "TypeError", message: "pop expected at most 1 argument, got \(positional.count)",
          range: range)
      }
      // The argument is converted first: `[].pop(2**63)` is an OverflowError.
      let position = try positional.first.map { value throws(CellError) in
        try PythonInteger.sizeArgument(value, range: range)
      }
      guard !list.isEmpty else {
        throw CellError(type: "IndexError", message: "pop from empty list", range: range)
      }
      guard let resolved = Operators.resolveIndex(position ?? -1, count: list.count) else {
        throw CellError(type: "IndexError", message: "pop index out of range", range: range)
      }
      let popped = list.items.remove(at: resolved)
      Keras3LayerTracking.untrack([popped], by: list.layerTracker)
      return popped
    case "remove":
      let item = try exactlyOne()
      guard let found = list.items.firstIndex(where: { Operators.equal($0, item) }) else {
        throw CellError(
          type: "ValueError", message: "list.remove(x): x not in list", range: range)
      }
      Keras3LayerTracking.untrack([item], by: list.layerTracker)
      list.items.remove(at: found)
      return Value.none
    case "index":
      try noKeywords()
      guard let item = positional.first else {
        throw CellError(
          type: "TypeError", message: "index expected at least 1 argument, got 0", range: range)
      }
      guard positional.count <= 3 else {
        throw CellError(
          type: "TypeError", message: "index expected at most 3 arguments, got \(positional.count)",
          range: range)
      }
      // `start` and `stop` as a slice takes them, clamped.
      var bounds = [0, list.count]
      for (offset, position) in positional.dropFirst().enumerated() {
        let given: Int
        switch position {
        case .int(let number): given = number
        case .bool(let flag): given = flag ? 1 : 0
        // `_PyEval_SliceIndex` clamps an integer beyond 64 bits.
        case .bigInt(let number): given = number.signum() < 0 ? Int.min : Int.max
        default:
          throw CellError(
            type: "TypeError",
            message: "slice indices must be integers or have an __index__ method", range: range)
        }
        bounds[offset] = given < 0 ? max(given + list.count, 0) : min(given, list.count)
      }
      if bounds[0] < bounds[1],
        let found = list.items[bounds[0]..<bounds[1]].firstIndex(where: {
          Operators.equal($0, item)
        })
      {
        return .int(found)
      }
      throw CellError(
        type: "ValueError", message: "\(PythonText.repr(item)) is not in list", range: range)
    case "count":
      let item = try exactlyOne()
      return .int(list.items.filter { Operators.equal($0, item) }.count)
    case "clear":
      try noArguments()
      Keras3LayerTracking.untrack(list.items, by: list.layerTracker)
      list.items.removeAll()
      return Value.none
    case "copy":
      try noArguments()
      try interpreter.budget.allocate(slots: list.count, at: range)
      return .list(list.items)
    case "reverse":
      try noArguments()
      list.items.reverse()
      return Value.none
    case "sort":
      guard positional.isEmpty else {
        throw CellError(
          type: "TypeError", message: "sort() takes no positional arguments", range: range)
      }
      let (key, reverse) = try sortOptions(keywords, function: "sort", range: range)
      list.items = try sorted(
        list.items, key: key, reverse: reverse, site: site, interpreter: interpreter)
      return Value.none
    default: return nil
    }
  }

  static func dictionary(
    _ name: String, _ dictionary: PythonDict, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite, _ interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    let receiver = Value.dictionary(dictionary)
    func arguments(_ minimum: Int, _ maximum: Int) throws(CellError) {
      guard keywords.isEmpty || name == "update" else {
        throw CellError(
          type: "TypeError", message: "dict.\(name)() takes no keyword arguments", range: range)
      }
      guard positional.count >= minimum, positional.count <= maximum else {
        let message: String
        if maximum == 0 {
          message = "dict.\(name)() takes no arguments (\(positional.count) given)"
        } else if positional.count < minimum {
          message =
            "\(name) expected at least \(minimum) argument\(minimum == 1 ? "" : "s"), got \(positional.count)"
        } else {
          message =
            "\(name) expected at most \(maximum) argument\(maximum == 1 ? "" : "s"), got \(positional.count)"
        }
        throw CellError(type: "TypeError", message: message, range: range)
      }
    }
    switch name {
    case "items":
      try arguments(0, 0)
      return .list(PythonList.view(.items, of: dictionary))
    case "keys":
      try arguments(0, 0)
      return .list(PythonList.view(.keys, of: dictionary))
    case "values":
      try arguments(0, 0)
      return .list(PythonList.view(.values, of: dictionary))
    case "get":
      try arguments(1, 2)
      return dictionary.value(for: positional[0])
        ?? (positional.count > 1 ? positional[1] : Value.none)
    case "update":
      try arguments(0, 1)
      var pairs: [(Value, Value)] = []
      if let source = positional.first {
        if case .dictionary(let other) = source {
          pairs = other.pairs
        } else {
          for (position, element) in try interpreter.iterate(source, range: range).enumerated() {
            guard
              let items = element.sequenceItems ?? (try? interpreter.iterate(element, range: range))
            else {
              throw CellError(
                type: "TypeError",
                message:
                  "cannot convert dictionary update sequence element #\(position) to a sequence",
                range: range)
            }
            guard items.count == 2 else {
              throw CellError(
                type: "ValueError",
                message:
                  "dictionary update sequence element #\(position) has length \(items.count); 2 is required",
                range: range)
            }
            pairs.append((items[0], items[1]))
          }
        }
      }
      pairs += keywords.map { (.string($0.0), $0.1) }
      for (key, value) in pairs {
        try interpreter.setItem(of: receiver, key, to: value, range: range)
      }
      return Value.none
    case "setdefault":
      try arguments(1, 2)
      if let existing = dictionary.value(for: positional[0]) { return existing }
      let value = positional.count > 1 ? positional[1] : Value.none
      try interpreter.setItem(of: receiver, positional[0], to: value, range: range)
      return value
    case "pop":
      try arguments(1, 2)
      if let found = dictionary.index(of: positional[0]) {
        let popped = dictionary.pairs.remove(at: found).1
        Keras3LayerTracking.untrack([popped], by: dictionary.layerTracker)
        return popped
      }
      if positional.count > 1 { return positional[1] }
      throw CellError.keyError(positional[0], range: range)
    case "popitem":
      try arguments(0, 0)
      guard let last = dictionary.pairs.popLast() else {
        throw CellError(
          type: "KeyError", message: "'popitem(): dictionary is empty'", range: range)
      }
      return .tuple([last.0, last.1])
    case "copy":
      try arguments(0, 0)
      try interpreter.budget.allocate(slots: 2 * dictionary.count, at: range)
      return .dictionary(dictionary.pairs)
    case "clear":
      try arguments(0, 0)
      Keras3LayerTracking.untrack(dictionary.pairs.map(\.1), by: dictionary.layerTracker)
      dictionary.pairs.removeAll()
      return Value.none
    default: return nil
    }
  }

  /// `key=` and `reverse=` of `sorted` and `list.sort`.
  static func sortOptions(_ keywords: [(String, Value)], function: String, range: SourceRange)
    throws(CellError) -> (key: Value?, reverse: Bool)
  {
    var key: Value?
    var reverse = false
    for (label, value) in keywords {
      switch label {
      case "key":
        if case .none = value {} else { key = value }
      case "reverse": reverse = value.isTruthy
      default:
        throw CellError(
          type: "TypeError",
          message: "'\(label)' is an invalid keyword argument for \(function)()", range: range)
      }
    }
    return (key, reverse)
  }

  /// Python's stable sort, by `key(item)` when a key function is given; `reverse` keeps equal
  /// items in their original order, as Python's does.
  static func sorted(
    _ items: [Value], key: Value?, reverse: Bool, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> [Value] {
    let keys = try keyed(items, key: key, site: site, interpreter: interpreter)
    var failure: CellError?
    let order = Array(items.indices).sorted { a, b in
      do throws(CellError) {
        if failure != nil { return false }
        try interpreter.step(at: site.range)
        let (left, right) = (keys[reverse ? b : a], keys[reverse ? a : b])
        if let less = try interpreter.instanceComparison(.less, left, right, range: site.range) {
          return less
        }
        return try Operators.compare(.less, left, right, range: site.range)
      } catch {
        failure = error
        return false
      }
    }
    if let failure { throw failure }
    return order.map { items[$0] }
  }

  /// `key(item)` for each item, or the items themselves without a key function.
  static func keyed(_ items: [Value], key: Value?, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> [Value]
  {
    guard let key else { return items }
    var keys: [Value] = []
    for item in items {
      keys.append(
        try Calls.call(key, positional: [item], keywords: [], site: site, interpreter: interpreter))
    }
    return keys
  }
}
