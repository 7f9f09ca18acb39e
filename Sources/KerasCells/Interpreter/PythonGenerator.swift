import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The generator object a generator function's call returns, lazy as CPython's: nothing of the
/// body runs until the first `next`, each `next` runs it to its next `yield` (whose value it
/// returns), and `return` (or the end) finishes it: `next` raises StopIteration (with the returned
/// value), a `for` loop ends.
///
/// The interpreter walks the syntax tree recursively, so a paused body is a paused Swift stack: the
/// body runs on a thread of its own, and the consumer and the body take turns (semaphores), never
/// running at the same time. The interpreter's per-frame state (scope, names, function, the call
/// depth, the running generator) and the time budget's clock are handed over at each turn. A
/// generator dropped before its end is closed: its body is resumed with CPython's `GeneratorExit`
/// at the paused `yield` and unwinds (`try`/`finally`-free bodies simply stop).
final class PythonGenerator: StandardObject {
  /// Unfinished generators one cell may hold at once (each pauses a thread).
  static let maximumLive = 32
  /// Bytes of stack of a generator's thread (reserved address space, as `DeepStack`'s).
  static let stackSize = 128 << 20

  let function: UserFunction
  /// The cell's interpreter that made it: weak, as the generator lives in the cell's values;
  /// once the cell has ended the generator cannot be resumed (a later cell is refused).
  private weak var interpreter: Interpreter?
  private let channel: Channel
  private var started = false
  private(set) var finished = false
  private var running = false
  /// The Keras call (`fit`, `evaluate`, `predict`) that read the generator through its
  /// prefetching pipeline (`GeneratorFeed`): how far it read past the batches it used changes
  /// from run to run, so the generator cannot be read on.
  var readAheadBy: String?
  /// What `return` gave (`StopIteration.value`; the value of `yield from`).
  private(set) var returnValue: Value = .none
  /// Whether the `next` that just ended the body has not reported `returnValue` yet: only that
  /// StopIteration carries it, later ones are empty.
  private var stopPending = false

  init(function: UserFunction, scope: Scope, interpreter: Interpreter) {
    self.function = function
    self.interpreter = interpreter
    self.channel = Channel(scope: scope)
  }

  // A generator dropped before its end is closed at the next statement (its `GeneratorExit` runs
  // Python code, which must not run in the middle of whatever dropped it); when the cell has
  // ended, the cell's end already closed it.
  deinit {
    guard started, !finished, let interpreter else { return }
    interpreter.pendingGeneratorCloses.append(channel)
  }

  override var typeName: String { "generator" }
  override var isIterator: Bool { true }

  // CPython adds the address (`at 0x7f...`), which would make pages differ run to run.
  override func repr(_ item: (Value) -> String) -> String {
    "<generator object \(function.qualifiedName)>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "__next__", "close", "send", "throw": return .method(receiver: .standard(self), name: name)
    case "__name__": return .string(function.name)
    case "__qualname__": return .string(function.qualifiedName)
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter consumer: Interpreter
  ) throws(CellError) -> Value? {
    switch name {
    case "__next__":
      if let item = try next(interpreter: consumer, range: site.range) { return item }
      throw stopIteration(at: site.range)
    case "send":
      // The paused `yield` evaluates to the value; the first turn can only be started by None.
      guard keywords.isEmpty else {
        throw CellError(
          type: "TypeError", message: "generator.send() takes no keyword arguments",
          range: site.range)
      }
      guard positional.count == 1 else {
        throw CellError(
          type: "TypeError",
          message: "generator.send() takes exactly one argument (\(positional.count) given)",
          range: site.range)
      }
      let sendsNone: Bool
      if case .none = positional[0] { sendsNone = true } else { sendsNone = false }
      if !started, !finished, !sendsNone {
        throw CellError(
          type: "TypeError", message: "can't send non-None value to a just-started generator",
          range: site.range)
      }
      if let item = try resume(
        interpreter: consumer, range: site.range, throwing: nil, sending: positional[0])
      {
        return item
      }
      throw stopIteration(at: site.range)
    case "throw":
      // The exception is raised at the paused `yield` (at once, for a generator not started).
      guard keywords.isEmpty else {
        throw CellError(
          type: "TypeError", message: "generator.throw() takes no keyword arguments",
          range: site.range)
      }
      guard !positional.isEmpty, positional.count <= 3 else {
        throw CellError(
          type: "TypeError",
          message: positional.isEmpty
            ? "throw expected at least 1 argument, got 0"
            : "throw expected at most 3 arguments, got \(positional.count)", range: site.range)
      }
      guard positional.count == 1 else {
        throw .unsupported(
          "ConvBook does not support generator.throw(type, value, traceback) yet; throw an exception instance",
          at: site.range)
      }
      let error: CellError
      switch positional[0] {
      case .exception(let exception): error = exception.raised ?? exception.error(at: site.range)
      case .function(let callable)
      where callable.kind == .builtin(callable.path)
        && Builtins.exceptionBases[callable.path] != nil:
        error = PythonException(type: callable.path, arguments: []).error(at: site.range)
      default:
        throw CellError(
          type: "TypeError",
          message:
            "exceptions must be classes or instances deriving from BaseException, not \(positional[0].typeName)",
          range: site.range)
      }
      if let item = try throwInto(error, interpreter: consumer, range: site.range) { return item }
      throw stopIteration(at: site.range)
    case "close":
      guard started, !finished, let interpreter, interpreter === consumer else {
        finished = true
        return Value.none
      }
      finish()
      try channel.close(interpreter, range: site.range)
      return Value.none
    default: return nil
    }
  }

  /// The StopIteration that `next` raises: just after the body returned a value, with it (its
  /// `value` and `args`, `str` of it the text).
  func stopIteration(at range: SourceRange) -> CellError {
    let returned = stopPending ? returnValue : .none
    var error = CellError(type: "StopIteration", message: stopMessage, range: range)
    if case .none = returned {} else { error.arguments = ExceptionArguments([returned]) }
    return error
  }

  /// `StopIteration`'s text: the returned value, if the body has just ended.
  var stopMessage: String {
    defer { stopPending = false }
    if !stopPending { return "" }
    if case .none = returnValue { return "" }
    return PythonText.str(returnValue)
  }

  override func next(interpreter consumer: Interpreter, range: SourceRange) throws(CellError)
    -> Value?
  {
    try resume(interpreter: consumer, range: range, throwing: nil)
  }

  /// `throw(error)`: the body gets `error` at its paused `yield` (a generator not started yet or
  /// finished raises it at once): what it yields next, nil where it then ends, or the exception it
  /// lets out (`error` itself where it does not catch it).
  func throwInto(_ error: CellError, interpreter consumer: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    guard started, !finished else {
      finished = true
      throw error
    }
    return try resume(interpreter: consumer, range: range, throwing: error)
  }

  /// `send(value)`: the body goes on with `value` as the paused `yield`'s value.
  func send(_ value: Value, interpreter consumer: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    try resume(interpreter: consumer, range: range, throwing: nil, sending: value)
  }

  private func resume(
    interpreter consumer: Interpreter, range: SourceRange, throwing: CellError?,
    sending: Value = .none
  ) throws(CellError) -> Value? {
    if let reader = readAheadBy { throw Self.readAheadRefusal(reader, range: range) }
    guard !finished else {
      stopPending = false
      return nil
    }
    guard !running else {
      throw CellError(type: "ValueError", message: "generator already executing", range: range)
    }
    guard let interpreter, consumer === interpreter else {
      throw .unsupported(
        "ConvBook does not support resuming a generator in a later cell than the one that made it yet",
        at: range)
    }
    if !started {
      guard interpreter.generatorChannels.count < Self.maximumLive else {
        throw .unsupported(
          "ConvBook runs at most \(Self.maximumLive) unfinished generators at once", at: range)
      }
    }
    running = true
    channel.throwing = throwing
    channel.sent = sending
    let outcome = channel.turn(interpreter, startingWith: started ? nil : function)
    running = false
    if !started {
      started = true
      if case .notStarted = outcome {} else { interpreter.generatorChannels.append(channel) }
    }
    switch outcome {
    case .yielded(let value): return value
    case .returned(let value):
      finish()
      returnValue = value
      stopPending = true
      return nil
    case .failed(let error):
      finish()
      var traced = error
      // The exception thrown in came back out: it goes on as it was raised.
      if let throwing, error.type == throwing.type, error.message == throwing.message {
        throw throwing
      }
      if error.type == "StopIteration" {
        // PEP 479: a StopIteration escaping the body is a RuntimeError.
        traced = CellError(
          type: "RuntimeError", message: "generator raised StopIteration", range: error.range)
        traced.function = error.function
        traced.callers = error.callers
        // Raised from the StopIteration (its `__cause__`, printed first).
        var cause = error
        if cause.function == nil && cause.callers.isEmpty { cause.function = function.name }
        traced.chained = ChainedError(cause, isCause: true)
      }
      if traced.function == nil && traced.callers.isEmpty { traced.function = function.name }
      traced.callers.insert(
        TracebackFrame(range: range, function: interpreter.functionName ?? "<module>"), at: 0)
      throw traced
    case .notStarted:
      finished = true
      throw .unsupported("ConvBook could not start a thread for the generator", at: range)
    }
  }

  /// The refusal to read a generator again after Keras' `reader` read it ahead.
  static func readAheadRefusal(_ reader: String, range: SourceRange) -> CellError {
    .unsupported(
      "Keras' \(reader) read this generator ahead through tf.data's prefetching, by a number of batches that changes from run to run; ConvBook cannot read it on",
      at: range)
  }

  private func finish() {
    finished = true
    interpreter?.generatorChannels.removeAll { $0 === channel }
  }

  /// What the consumer and the body's thread pass each other. Only one of them runs at a time;
  /// the semaphores order every access, hence `@unchecked Sendable`. The body's thread holds the
  /// channel and the interpreter, never the generator, so that a dropped generator is freed.
  final class Channel: @unchecked Sendable {
    enum Outcome {
      case yielded(Value)
      case returned(Value)
      case failed(CellError)
      case notStarted
    }

    let resume = DispatchSemaphore(value: 0)
    let paused = DispatchSemaphore(value: 0)
    var outcome: Outcome?
    var closing = false
    /// The exception the next turn raises at the paused `yield` (`throwInto`).
    var throwing: CellError?
    /// The value the paused `yield` evaluates to in the next turn (`send`; None for `next`).
    var sent: Value = .none
    /// The body has ended (returned, raised or closed).
    var ended = false
    var consumerDepth = 0
    var clockRunning = false
    /// A consumer is waiting for this body's turn to end: the body (or one it runs) must not
    /// close it, which would wait for itself.
    private(set) var inTurn = false
    let scope: Scope

    init(scope: Scope) { self.scope = scope }

    /// Runs the body until its next `yield` or its end (starting it when `function` is given)
    /// while the calling thread waits, with the interpreter's frame and clock handed over.
    func turn(_ interpreter: Interpreter, startingWith function: UserFunction?) -> Outcome {
      guard !ended else { return .returned(.none) }
      inTurn = true
      defer { inTurn = false }
      let saved = interpreter.saveFrame()
      consumerDepth = interpreter.callDepth
      clockRunning = interpreter.budget.handOff()
      if let function {
        guard start(interpreter, function: function) else {
          interpreter.restoreFrame(saved)
          interpreter.budget.takeOver(clockRunning)
          ended = true
          return .notStarted
        }
      } else {
        resume.signal()
      }
      paused.wait()
      interpreter.restoreFrame(saved)
      interpreter.budget.takeOver(clockRunning)
      return outcome ?? .returned(.none)
    }

    /// `close()`: the paused body gets `GeneratorExit` at its `yield` and unwinds.
    func close(_ interpreter: Interpreter, range: SourceRange) throws(CellError) {
      guard !ended else { return }
      closing = true
      switch turn(interpreter, startingWith: nil) {
      case .yielded:
        // The body caught GeneratorExit and yielded again: CPython's RuntimeError; the body
        // stays paused (its thread with it) until the session ends.
        throw CellError(
          type: "RuntimeError", message: "generator ignored GeneratorExit", range: range)
      case .failed(let error): throw error
      default: return
      }
    }

    /// Starts the body's thread; it runs at once (the consumer waits for its first turn to end).
    private func start(_ interpreter: Interpreter, function: UserFunction) -> Bool {
      let options = NumPyPrintOptions.current
      let version = KerasObjectText.sessionVersion
      let weights = WeightText.source
      let body: () -> Void = { [self] in
        NumPyPrintOptions.$current.withValue(options) {
          KerasObjectText.$sessionVersion.withValue(version) {
            WeightText.$source.withValue(weights) { runBody(interpreter, function: function) }
          }
        }
      }
      return DeepStack.detach(stackSize: PythonGenerator.stackSize, body)
    }

    /// The body's thread, with the session's task-local values bound.
    private func runBody(_ interpreter: Interpreter, function: UserFunction) {
      enter(interpreter, function: function)
      let result: Outcome
      do throws(CellError) {
        switch function.body {
        case .statements(let statements):
          if case .returned(let value) = try interpreter.execute(statements) {
            result = .returned(value)
          } else {
            result = .returned(.none)
          }
        case .expression(let expression):
          _ = try interpreter.evaluate(expression)
          result = .returned(.none)
        }
      } catch {
        result = error.type == "GeneratorExit" ? .returned(.none) : .failed(error)
      }
      clockRunning = interpreter.budget.handOff()
      outcome = result
      ended = true
      paused.signal()
    }
    /// The body's first turn: its own frame, one call deeper than the consumer.
    func enter(_ interpreter: Interpreter, function: UserFunction) {
      interpreter.budget.takeOver(clockRunning)
      interpreter.scope = scope
      interpreter.locals = [:]
      interpreter.functionName = function.name
      interpreter.currentFunction = function
      interpreter.currentGenerator = self
      interpreter.callDepth = consumerDepth + 1
    }

    /// `yield value` inside the body (on the generator's thread): hands the value and the turn to
    /// the consumer and waits for the next `next` (or the close). The channel, not the generator,
    /// does this: the paused body must not keep its generator alive, or a dropped generator would
    /// never be closed.
    func suspend(_ value: Value, interpreter: Interpreter, range: SourceRange) throws(CellError)
      -> Value
    {
      outcome = .yielded(value)
      let frame = interpreter.saveFrame()
      let depthAboveConsumer = interpreter.callDepth - consumerDepth
      clockRunning = interpreter.budget.handOff()
      paused.signal()
      resume.wait()
      interpreter.restoreFrame(frame)
      interpreter.callDepth = consumerDepth + depthAboveConsumer
      interpreter.budget.takeOver(clockRunning)
      if closing {
        throw CellError(type: "GeneratorExit", message: "", range: range)
      }
      if let error = throwing {
        throwing = nil
        throw error
      }
      defer { sent = .none }
      return sent
    }
  }
}
