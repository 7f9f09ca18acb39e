/// `contextlib` as model code uses it: `@contextmanager` on a generator function (its `with`
/// runs the body to the `yield`, binds what it yields, and resumes it after the block) and
/// `nullcontext(value)`, and `redirect_stdout(target)` (`StandardIO`). An exception leaving such a
/// block is thrown into the generator at its `yield` (`GeneratorContextManager.exit(throwing:)`).
enum StandardContextlib {
  static func attribute(_ name: String) -> Value? {
    switch name {
    case "contextmanager", "nullcontext", "redirect_stdout":
      return StandardLibrary.function("contextlib", name)
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    switch name {
    case "contextmanager":
      let (values, _) = try arguments.bind([("func", nil)])
      return .standard(ContextManagerFunction(function: values["func"]!))
    case "nullcontext":
      let (values, _) = try arguments.bind([("enter_result", Value.none)])
      return .standard(NullContext(result: values["enter_result"]!))
    case "redirect_stdout":
      let (values, _) = try arguments.bind([("new_target", nil)])
      return .standard(RedirectStandardOutput(target: values["new_target"]!))
    default: return nil
    }
  }
}

/// What `@contextmanager` makes of a generator function: calling it calls the function and
/// wraps the generator it returns (`functools.wraps` keeps the function's names).
final class ContextManagerFunction: StandardObject {
  let function: Value

  init(function: Value) { self.function = function }

  override var typeName: String { "function" }
  override var isCallable: Bool { true }
  override func repr(_ item: (Value) -> String) -> String {
    "<function \(PythonText.str(name("__qualname__") ?? .string("contextmanager")))>"
  }

  private func name(_ attribute: String) -> Value? {
    if case .function(let callable) = function, case .user(let user) = callable.kind {
      return attribute == "__name__" ? .string(user.name) : .string(user.qualifiedName)
    }
    return nil
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "__name__", "__qualname__", "__doc__", "__module__":
      return try Attributes.get(name, of: function, range: range, interpreter: interpreter)
    case "__wrapped__": return function
    default: return nil
    }
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let made = try Calls.call(
      function, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    guard case .standard(let generator as PythonGenerator) = made else {
      throw .unsupported(
        "ConvBook does not support @contextlib.contextmanager on a function that is not a generator yet",
        at: site.range)
    }
    return .standard(GeneratorContextManager(generator: generator))
  }
}

/// The context manager a `@contextmanager` function returns.
final class GeneratorContextManager: StandardObject {
  let generator: PythonGenerator

  init(generator: PythonGenerator) { self.generator = generator }

  override var typeName: String { "_GeneratorContextManager" }
  // CPython adds the address (`at 0x7f...`), which would make pages differ run to run.
  override func repr(_ item: (Value) -> String) -> String {
    "<contextlib._GeneratorContextManager object>"
  }

  private var entered = false

  /// `__enter__`: the generator's first `yield`. CPython deletes the call's arguments on the
  /// first entry, so a second one fails on them.
  func enter(interpreter: Interpreter, range: SourceRange) throws(CellError) -> Value {
    guard !entered else {
      throw CellError(
        type: "AttributeError",
        message: "'_GeneratorContextManager' object has no attribute 'args'", range: range)
    }
    entered = true
    guard let value = try generator.next(interpreter: interpreter, range: range) else {
      throw CellError(type: "RuntimeError", message: "generator didn't yield", range: range)
    }
    return value
  }

  /// `__exit__` of an exception leaving the block: the exception is thrown into the generator at
  /// its `yield`. True where the generator catches it and ends (the exception is suppressed);
  /// what the generator lets out (the exception itself, or another) propagates; a generator that
  /// yields again is CPython's RuntimeError.
  func exit(throwing error: CellError, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Bool
  {
    guard try generator.throwInto(error, interpreter: interpreter, range: range) == nil else {
      throw CellError(
        type: "RuntimeError", message: "generator didn't stop after throw()", range: range)
    }
    return true
  }

  /// `__exit__(None, None, None)`: the generator runs to its end.
  func exit(interpreter: Interpreter, range: SourceRange) throws(CellError) {
    guard try generator.next(interpreter: interpreter, range: range) == nil else {
      throw CellError(type: "RuntimeError", message: "generator didn't stop", range: range)
    }
  }
}

/// `contextlib.nullcontext(enter_result)`: entering gives `enter_result`, leaving does nothing.
final class NullContext: StandardObject {
  let result: Value

  init(result: Value) { self.result = result }

  override var typeName: String { "nullcontext" }
  override func repr(_ item: (Value) -> String) -> String {
    "<contextlib.nullcontext object>"
  }
}
