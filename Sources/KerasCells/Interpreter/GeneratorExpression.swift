/// `(element for target in iterable if condition ...)`: lazy, as in CPython. The first iterable
/// is evaluated where the expression stands; everything else (the inner iterables, the
/// conditions, the element) runs when an item is asked for, in the scope the expression was
/// written in, so `sum(x for x in ...)` and `next(...)` see the values of that moment and a
/// generator that is never consumed runs nothing.
final class GeneratorExpression {
  private let element: Expression
  private let clauses: [ComprehensionClause]
  private let range: SourceRange
  /// The running function's scope and the comprehension names around the expression.
  private let scope: Scope?
  private var locals: [String: Value]
  private let currentFunction: UserFunction?
  /// One source per clause entered so far, innermost last.
  private var sources: [PythonIterator.Source]

  private init(
    element: Expression, clauses: [ComprehensionClause], range: SourceRange,
    first: @escaping PythonIterator.Source, interpreter: Interpreter
  ) {
    self.element = element
    self.clauses = clauses
    self.range = range
    self.scope = interpreter.scope
    self.locals = interpreter.locals
    self.currentFunction = interpreter.currentFunction
    self.sources = [first]
  }

  /// The generator object of an expression.
  static func make(
    element: Expression, clauses: [ComprehensionClause], range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let iterable = try interpreter.evaluate(clauses[0].iterable)
    let first = try PythonIterator.source(
      of: iterable, interpreter: interpreter, range: clauses[0].iterable.range)
    let generator = GeneratorExpression(
      element: element, clauses: clauses, range: range, first: first, interpreter: interpreter)
    return .standard(
      PythonIterator(name: "generator", text: { "<generator object <genexpr>>" }) {
        interpreter, consumer throws(CellError) in
        try generator.next(interpreter, consumer: consumer)
      })
  }

  /// The next item, run with the interpreter set to the expression's own names. An error inside
  /// is raised in the `<genexpr>` frame, called from where the item was asked for (`consumer`),
  /// as CPython's traceback shows it.
  private func next(_ interpreter: Interpreter, consumer: SourceRange) throws(CellError) -> Value? {
    let enclosing = interpreter.functionName
    do {
      return try advance(interpreter)
    } catch {
      var traced = error
      if traced.function == nil && traced.callers.isEmpty { traced.function = "<genexpr>" }
      traced.callers.insert(
        TracebackFrame(range: consumer, function: enclosing ?? "<module>"), at: 0)
      throw traced
    }
  }

  private func advance(_ interpreter: Interpreter) throws(CellError) -> Value? {
    let saved = (interpreter.scope, interpreter.locals, interpreter.functionName)
    let savedFunction = interpreter.currentFunction
    interpreter.scope = scope
    interpreter.locals = locals
    interpreter.functionName = "<genexpr>"
    interpreter.currentFunction = currentFunction
    defer {
      locals = interpreter.locals
      (interpreter.scope, interpreter.locals, interpreter.functionName) = saved
      interpreter.currentFunction = savedFunction
    }
    while let source = sources.last {
      let clause = clauses[sources.count - 1]
      guard let item = try source(interpreter, clause.iterable.range) else {
        sources.removeLast()
        continue
      }
      try interpreter.step(at: range)
      try interpreter.bindLocal(item, to: clause.target)
      var passes = true
      for condition in clause.conditions where !(try interpreter.evaluate(condition).isTruthy) {
        passes = false
        break
      }
      guard passes else { continue }
      if sources.count == clauses.count { return try interpreter.evaluate(element) }
      let inner = clauses[sources.count]
      let iterable = try interpreter.evaluate(inner.iterable)
      sources.append(
        try PythonIterator.source(
          of: iterable, interpreter: interpreter, range: inner.iterable.range))
    }
    return nil
  }
}
