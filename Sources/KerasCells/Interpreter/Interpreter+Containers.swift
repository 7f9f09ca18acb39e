import CNNEngine

/// Changing lists and dicts in place (`items.append(x)`, `d[k] = v`, `del items[0]`), and the
/// statements that change where names live or stop a cell on purpose (`global`, `nonlocal`,
/// `raise`). Lists and dicts are shared objects (`PythonList`, `PythonDict`), so every name bound
/// to one sees the change, as in Python.
extension Interpreter {
  /// Refuses to store `value` inside `container` when that would make the container hold itself:
  /// printing or comparing such a value never ends, and model code never builds one.
  func refuseCycle(storing value: Value, in container: Value, range: SourceRange)
    throws(CellError)
  {
    let cyclic: Bool
    switch container {
    case .list(let list): cyclic = list.isReachable(from: value)
    case .dictionary(let dictionary): cyclic = dictionary.isReachable(from: value)
    default: cyclic = false
    }
    if cyclic {
      throw .unsupported(
        "ConvBook does not support a \(container.typeName) that contains itself", at: range)
    }
  }

  /// Python refuses lists, dicts and sets as dict keys.
  func requireHashable(_ key: Value, range: SourceRange) throws(CellError) {
    switch key {
    case .variable: throw SetOperations.unhashableVariable(range: range)
    case .list, .dictionary:
      throw CellError(
        type: "TypeError", message: "unhashable type: '\(key.typeName)'", range: range)
    case .tuple(let items):
      for item in items { try requireHashable(item, range: range) }
    default: break
    }
  }

  /// `list.extend(iterable)` and `list += iterable`.
  func extend(_ list: PythonList, with iterable: Value, range: SourceRange) throws(CellError) {
    let items = try iterate(iterable, range: range)
    for item in items { try refuseCycle(storing: item, in: .list(list), range: range) }
    try budget.allocate(slots: items.count, at: range)
    list.items += try Keras3LayerTracking.trackExtended(
      items, by: list.layerTracker, interpreter: self, range: range)
  }

  /// `base[index] = value`.
  func setItem(of base: Value, _ index: Value, to value: Value, range: SourceRange)
    throws(CellError)
  {
    // A NumPy integer indexes a list as its Python int (`__index__`), as in `base[index]`.
    var index = index
    if case .list = base { index = NumPyScalar.integer(index) }
    switch (base, index) {
    case (.list(let list), .int), (.list(let list), .bool):
      let position: Int
      if case .bool(let flag) = index {
        position = flag ? 1 : 0
      } else if case .int(let number) = index {
        position = number
      } else {
        position = 0
      }
      guard let resolved = Operators.resolveIndex(position, count: list.count) else {
        throw CellError(
          type: "IndexError", message: "list assignment index out of range", range: range)
      }
      try refuseCycle(storing: value, in: base, range: range)
      list.items[resolved] = value
    case (.list, .bigInt):
      throw CellError(
        type: "IndexError", message: "cannot fit 'int' into an index-sized integer", range: range)
    case (.list(let list), .slice(let start, let stop, let step)):
      let items = try iterate(value, range: range)
      for item in items { try refuseCycle(storing: item, in: base, range: range) }
      guard step == nil || step == 1 else {
        // An extended slice (`items[::2] = ...`) replaces exactly the positions it selects.
        let positions = try Operators.slicePositions(
          start, stop, step, count: list.count, range: range)
        guard positions.count == items.count else {
          throw CellError(
            type: "ValueError",
            message:
              "attempt to assign sequence of size \(items.count) to extended slice of size \(positions.count)",
            range: range)
        }
        for (position, item) in zip(positions, items) { list.items[position] = item }
        return
      }
      let bounds = Operators.sliceBounds(start, stop, count: list.count)
      try budget.allocate(slots: items.count, at: range)
      list.items.replaceSubrange(bounds, with: items)
    case (.list, _):
      throw CellError(
        type: "TypeError",
        message: "list indices must be integers or slices, not \(index.typeName)", range: range)
    case (.dictionary(let dictionary), _):
      try requireHashable(index, range: range)
      try refuseCycle(storing: value, in: base, range: range)
      if dictionary.index(of: index) == nil { try budget.allocate(slots: 2, at: range) }
      let before = dictionary.namespaceOf == nil ? [] : dictionary.pairs
      try Keras3LayerTracking.trackAdded(
        value, by: dictionary.layerTracker, interpreter: self, range: range)
      dictionary.set(index, value)
      try changedNamespace(dictionary, before: before, range: range)
    case (.array, _):
      // Arrays a cell names are written where they live (`assignIntoArray`); one reached
      // otherwise (the result of a call) has no place to write to.
      throw .unsupported(
        "ConvBook supports assigning to items of a NumPy array held by a name, an attribute or a list or dict item only",
        at: range)
    default:
      throw CellError(
        type: "TypeError",
        message: "'\(base.typeName)' object does not support item assignment", range: range)
    }
  }

  /// `del target`.
  func delete(_ target: Expression) throws(CellError) {
    switch target.kind {
    case .name(let name):
      if let scope, !scope.globalNames.contains(name) {
        guard scope.names.removeValue(forKey: name) != nil else {
          throw CellError(
            type: "UnboundLocalError",
            message:
              "cannot access local variable '\(name)' where it is not associated with a value",
            range: target.range)
        }
        return
      }
      guard session.globals.removeValue(forKey: name) != nil else {
        throw CellError(
          type: "NameError", message: "name '\(name)' is not defined", range: target.range)
      }
    case .tuple(let targets), .list(let targets):
      for element in targets { try delete(element) }
    case .subscript(let baseExpression, let indexExpression):
      let base = try evaluate(baseExpression)
      var index = try evaluate(indexExpression)
      if case .list = base {
        // A bool or NumPy integer deletes at its int (`__index__`), as `base[index]` reads it.
        index = NumPyScalar.integer(index)
        if case .bool(let flag) = index { index = .int(flag ? 1 : 0) }
      }
      switch (base, index) {
      case (.list, .bigInt):
        throw CellError(
          type: "IndexError", message: "cannot fit 'int' into an index-sized integer",
          range: target.range)
      case (.list(let list), .int(let position)):
        guard let resolved = Operators.resolveIndex(position, count: list.count) else {
          throw CellError(
            type: "IndexError", message: "list assignment index out of range",
            range: target.range)
        }
        Keras3LayerTracking.untrack([list.items.remove(at: resolved)], by: list.layerTracker)
      case (.list(let list), .slice(let start, let stop, let step)):
        // `del items[::2]`: every position the slice selects, whatever its step.
        let positions = try Operators.slicePositions(
          start, stop, step, count: list.count, range: target.range)
        // One pass over the list (removing position by position is quadratic: `del big[:]`).
        let selected = Set(positions)
        var kept: [Value] = []
        var removed: [Value] = []
        kept.reserveCapacity(list.count - selected.count)
        for (position, item) in list.items.enumerated() {
          if selected.contains(position) { removed.append(item) } else { kept.append(item) }
        }
        list.items = kept
        Keras3LayerTracking.untrack(removed, by: list.layerTracker)
      case (.dictionary(let dictionary), _):
        guard let found = dictionary.index(of: index) else {
          throw CellError.keyError(index, range: target.range)
        }
        let before = dictionary.namespaceOf == nil ? [] : dictionary.pairs
        Keras3LayerTracking.untrack(
          [dictionary.pairs.remove(at: found).1], by: dictionary.layerTracker)
        try changedNamespace(dictionary, before: before, range: target.range)
      case (.list, _):
        throw CellError(
          type: "TypeError",
          message: "list indices must be integers or slices, not \(index.typeName)",
          range: target.range)
      default:
        throw CellError(
          type: "TypeError", message: "'\(base.typeName)' object doesn't support item deletion",
          range: target.range)
      }
    default:
      throw .unsupported(
        "ConvBook does not support deleting attributes (`del \(Interpreter.describe(target))`) yet",
        at: target.range)
    }
  }

  /// `raise`, `raise ValueError("...")`, `raise ValueError`, `raise error from cause`.
  func raise(_ expression: Expression?, cause: Expression?, range: SourceRange)
    throws(CellError)
  {
    guard let expression else {
      if let current = handledErrors.last { throw current }
      throw CellError(
        type: "RuntimeError", message: "No active exception to reraise", range: range)
    }
    let exception = try exceptionValue(try evaluate(expression), range: range)
    var error: CellError
    if var again = exception.raised {
      // `raise error` of a caught exception: its traceback grows by this line, as in Python.
      again.callers.insert(
        TracebackFrame(range: range, function: functionName ?? "<module>"), at: 0)
      error = again
    } else {
      error = exception.error(at: range)
    }
    if let cause {
      let causeValue = try evaluate(cause)
      error.suppressesContext = true
      if let handled = handledErrors.last, !error.isSameException(as: handled) {
        error.suppressedContext = ChainedError(handled, isCause: false)
      }
      if case .none = causeValue {
        error.chained = nil
      } else {
        let causeException = try exceptionValue(causeValue, range: range, isCause: true)
        error.chained = ChainedError(
          causeException.raised ?? causeException.error(at: range), isCause: true,
          wasRaised: causeException.raised != nil)
      }
    }
    throw error
  }

  private func exceptionValue(_ value: Value, range: SourceRange, isCause: Bool = false)
    throws(CellError) -> PythonException
  {
    switch value {
    case .exception(let exception): return exception
    case .function(let callable)
    where callable.kind == .builtin(callable.path) && Builtins.exceptionBases[callable.path] != nil:
      return PythonException(type: callable.path, arguments: [])
    default:
      throw CellError(
        type: "TypeError",
        message: isCause
          ? "exception causes must derive from BaseException"
          : "exceptions must derive from BaseException", range: range)
    }
  }

  /// `global a, b` / `nonlocal a, b`.
  func declare(_ names: [String], nonlocal isNonlocal: Bool, range: SourceRange)
    throws(CellError)
  {
    // At a script's top level every name is global already.
    guard let scope else { return }
    if isNonlocal {
      for name in names {
        var enclosing = scope.parent
        while let current = enclosing, current.names[name] == nil { enclosing = current.parent }
        guard enclosing != nil else {
          throw CellError(
            type: "SyntaxError", message: "no binding for nonlocal '\(name)' found", range: range)
        }
        scope.nonlocalNames.insert(name)
      }
    } else {
      scope.globalNames.formUnion(names)
    }
  }

  /// After a change to an instance's `__dict__` (`namespaceOf`): the keys it added, changed or
  /// removed become the instance's attributes, bypassing `__setattr__` and properties as CPython's
  /// namespace does. A Keras object's attributes are also Keras' tracking, which ConvBook does not
  /// let a dict change.
  func changedNamespace(_ dictionary: PythonDict, before: [(Value, Value)], range: SourceRange)
    throws(CellError)
  {
    guard let instance = dictionary.namespaceOf else { return }
    var changed: [(String, Value?)] = []
    for (key, value) in dictionary.pairs {
      guard case .string(let name) = key else { continue }
      let old = before.first { Operators.equal($0.0, key) }?.1
      let same = old.map { (try? Operators.compare(.identical, $0, value, range: range)) == true }
      if same != true { changed.append((name, value)) }
    }
    for (key, _) in before where dictionary.index(of: key) == nil {
      if case .string(let name) = key { changed.append((name, nil)) }
    }
    guard !changed.isEmpty else { return }
    if instance.layerState != nil || instance.kerasClassState != nil {
      throw .unsupported(
        "ConvBook does not support changing the attributes of a Keras object through its __dict__ yet",
        at: range)
    }
    for (name, value) in changed {
      if let value {
        instance.set(name, value)
      } else {
        instance.attributes[name] = nil
        instance.attributeOrder.removeAll { $0 == name }
      }
    }
  }
}
