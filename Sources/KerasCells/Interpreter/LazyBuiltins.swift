/// `map`, `filter` and `zip` as CPython 3 has them: lazy iterators that draw from their inputs
/// and call their function only when an item is asked for (`next`, a `for` loop, `list(...)`),
/// once. Their reprs leave out CPython's address (`<map object>`), which would make pages differ
/// run to run.
enum LazyBuiltins {
  static func map(_ positional: [Value], site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let function = positional[0]
    let sources = try positional.dropFirst().map { value throws(CellError) in
      try PythonIterator.source(of: value, interpreter: interpreter, range: site.range)
    }
    return .standard(
      PythonIterator(name: "map", text: { "<map object>" }) {
        interpreter, range throws(CellError) in
        var arguments: [Value] = []
        for source in sources {
          guard let item = try source(interpreter, range) else { return nil }
          arguments.append(item)
        }
        try interpreter.step(at: range)
        return try Calls.call(
          function, positional: arguments, keywords: [], site: site, interpreter: interpreter)
      })
  }

  static func filter(_ positional: [Value], site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let function = positional[0]
    let source = try PythonIterator.source(
      of: positional[1], interpreter: interpreter, range: site.range)
    return .standard(
      PythonIterator(name: "filter", text: { "<filter object>" }) {
        interpreter, range throws(CellError) in
        while let item = try source(interpreter, range) {
          try interpreter.step(at: range)
          let keep: Value
          if case .none = function {
            keep = item
          } else {
            keep = try Calls.call(
              function, positional: [item], keywords: [], site: site, interpreter: interpreter)
          }
          if keep.isTruthy { return item }
        }
        return nil
      })
  }

  /// `iter(callable, sentinel)`: CPython's `callable_iterator`, which calls `callable` with no
  /// arguments for each item until it returns something equal to `sentinel` (compared as
  /// `sentinel == value`), and then stays exhausted.
  static func callableIterator(_ positional: [Value], site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let function = positional[0]
    let sentinel = positional[1]
    guard Builtins.isCallable(function) else {
      throw CellError(
        type: "TypeError", message: "iter(v, w): v must be callable", range: site.range)
    }
    var exhausted = false
    return .standard(
      PythonIterator(name: "callable_iterator", text: { "<callable_iterator object>" }) {
        interpreter, range throws(CellError) in
        guard !exhausted else { return nil }
        try interpreter.step(at: range)
        let value = try Calls.call(
          function, positional: [], keywords: [], site: site, interpreter: interpreter)
        if case .instance = sentinel {
          throw .unsupported(
            "ConvBook does not support iter(callable, sentinel) with an instance of a class as the sentinel yet",
            at: site.range)
        }
        if case .instance = value {
          throw .unsupported(
            "ConvBook does not support iter(callable, sentinel) whose callable returns an instance of a class yet",
            at: site.range)
        }
        if try Operators.equalOperator(sentinel, value, range: range) {
          exhausted = true
          return nil
        }
        return value
      })
  }

  /// `zip(*iterables)`: stops at the shortest; an iterator after a shorter one is not drawn from.
  static func zip(_ positional: [Value], site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let sources = try positional.map { value throws(CellError) in
      try PythonIterator.source(of: value, interpreter: interpreter, range: site.range)
    }
    return .standard(
      PythonIterator(name: "zip", text: { "<zip object>" }) {
        interpreter, range throws(CellError) in
        guard !sources.isEmpty else { return nil }
        var row: [Value] = []
        for source in sources {
          guard let item = try source(interpreter, range) else { return nil }
          row.append(item)
        }
        try interpreter.step(at: range)
        try interpreter.budget.allocate(slots: row.count, at: range)
        return .tuple(row)
      })
  }
}
