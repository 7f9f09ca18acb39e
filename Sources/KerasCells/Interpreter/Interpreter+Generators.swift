/// `yield` and `yield from` inside a generator function's body, and the per-call state a
/// generator's turn hands over (`PythonGenerator`).
extension Interpreter {
  /// What the interpreter keeps per running frame.
  struct Frame {
    let scope: Scope?
    let locals: [String: Value]
    let functionName: String?
    let currentFunction: UserFunction?
    let currentGenerator: PythonGenerator.Channel?
    let callDepth: Int
  }

  func saveFrame() -> Frame {
    Frame(
      scope: scope, locals: locals, functionName: functionName, currentFunction: currentFunction,
      currentGenerator: currentGenerator, callDepth: callDepth)
  }

  func restoreFrame(_ frame: Frame) {
    scope = frame.scope
    locals = frame.locals
    functionName = frame.functionName
    currentFunction = frame.currentFunction
    currentGenerator = frame.currentGenerator
    callDepth = frame.callDepth
  }

  /// Closes the generators dropped since the last statement (their `GeneratorExit` handlers run
  /// here, a safe point). What a closing body raises is dropped, as CPython only reports it
  /// ("Exception ignored in").
  func closeDroppedGenerators(at range: SourceRange) {
    var running: [PythonGenerator.Channel] = []
    while let channel = pendingGeneratorCloses.popLast() {
      // A dropped generator whose body is running now (its `finally` while it is being closed)
      // is closed by that turn already: closing it from inside would wait for itself.
      if channel.inTurn {
        running.append(channel)
        continue
      }
      generatorChannels.removeAll { $0 === channel }
      try? channel.close(self, range: range)
    }
    pendingGeneratorCloses = running
  }

  /// Closes every generator of the cell still paused: nothing can resume them after the cell
  /// (a later cell is refused), and each holds a thread. Those dropped just now first, then the
  /// others in the order they started, as CPython's exit clears a script's names in the order
  /// they were bound (`a = g(); next(a); b = g(); next(b)` closes `a`, then `b`).
  func closeGenerators(at range: SourceRange) {
    closeDroppedGenerators(at: range)
    while !generatorChannels.isEmpty || !pendingGeneratorCloses.isEmpty {
      let channel =
        generatorChannels.isEmpty
        ? pendingGeneratorCloses.removeFirst() : generatorChannels.removeFirst()
      try? channel.close(self, range: range)
    }
  }

  /// `yield value`: the value `next` returns; the expression's own value is what `send` gave
  /// (None for `next`).
  func evaluateYield(_ value: Expression?, range: SourceRange) throws(CellError) -> Value {
    guard let channel = currentGenerator else {
      throw CellError(type: "SyntaxError", message: "'yield' outside function", range: range)
    }
    let yielded =
      try value.map { expression throws(CellError) in try evaluate(expression) } ?? .none
    return try channel.suspend(yielded, interpreter: self, range: range)
  }

  /// `yield from iterable`: each of its items in turn; the value is a generator's return value.
  func evaluateYieldFrom(_ source: Expression, range: SourceRange) throws(CellError) -> Value {
    guard let channel = currentGenerator else {
      throw CellError(type: "SyntaxError", message: "'yield' outside function", range: range)
    }
    let iterable = try evaluate(source)
    if case .standard(let inner as PythonGenerator) = iterable {
      // What is sent or thrown to this generator goes on to the inner one (PEP 380). Its frames
      // are called from the whole `yield from` (no carets when it is the whole line).
      var item = try inner.next(interpreter: self, range: range)
      while let current = item {
        let received: Value
        do throws(CellError) {
          received = try channel.suspend(current, interpreter: self, range: range)
        } catch {
          guard error.type != "GeneratorExit" else { throw error }
          item = try inner.throwInto(error, interpreter: self, range: range)
          continue
        }
        if case .none = received {
          item = try inner.next(interpreter: self, range: range)
        } else {
          item = try inner.send(received, interpreter: self, range: range)
        }
      }
      return inner.returnValue
    }
    let next = try PythonIterator.source(of: iterable, interpreter: self, range: source.range)
    while let item = try next(self, source.range) {
      try step(at: range)
      _ = try channel.suspend(item, interpreter: self, range: range)
    }
    return .none
  }
}
