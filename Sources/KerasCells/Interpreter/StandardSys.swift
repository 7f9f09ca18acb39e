/// Python's `sys`, as scripts use it around model code: `argv` (the script's name and the
/// arguments that followed it, as `python FILE.py ARGUMENTS...` runs it: `KerasSession`), `version_info`, `platform`, `maxsize`, `stdout` / `stderr` (for
/// `print(..., file=sys.stderr)` and `sys.stdout.write`), `getrecursionlimit` / `setrecursionlimit`. What reaches
/// outside the run (`sys.exit` of the process, reading `sys.path` (`SysPath`), `sys.modules` beyond `SysModules`) is
/// ConvBook's limitation.
enum StandardSys {
  /// CPython 3.11.7, which the reference recordings ran on.
  static var versionInfo: [(String, Value)] {
    [
      ("major", .int(3)), ("minor", .int(11)), ("micro", .int(7)),
      ("releaselevel", .string("final")),
      ("serial", .int(0)),
    ]
  }

  static var versionInfoType: NamedTupleType {
    NamedTupleType(
      name: "sys.version_info", fields: versionInfo.map(\.0), defaults: [], module: "sys")
  }

  static func attribute(_ name: String) -> Value? {
    switch name {
    case "version_info":
      return .standard(NamedTupleInstance(type: versionInfoType, items: versionInfo.map(\.1)))
    case "platform": return .string("linux")
    case "maxsize": return .int(Int.max)
    case "byteorder": return .string("little")
    case "modules": return .standard(SysModules())
    case "path": return .standard(SysPath())
    case "stdout": return .standard(StandardStream(isStandardOutput: true))
    case "stderr": return .standard(StandardStream(isStandardOutput: false))
    case "getrecursionlimit", "setrecursionlimit", "exit", "argv":
      return name == "argv" ? nil : StandardLibrary.function("sys", name)
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    switch name {
    case "getrecursionlimit":
      try arguments.bind([])
      return .int(arguments.interpreter.session.recursionLimit)
    case "setrecursionlimit":
      // Old model scripts raise it "to be safe" (`sys.setrecursionlimit(2 ** 20)`) and never
      // recurse that deep; a deeper recursion than ConvBook runs is refused where it happens.
      let (values, _) = try arguments.bind([("limit", nil)])
      let limit: Int
      switch values["limit"]! {
      case .int(let value) where value <= Int(Int32.max) && value >= Int(Int32.min): limit = value
      case .int, .bigInt:
        throw CellError(
          type: "OverflowError", message: "Python int too large to convert to C int",
          range: arguments.range)
      case .bool(let value): limit = value ? 1 : 0
      case let other:
        throw arguments.typeError("'\(other.typeName)' object cannot be interpreted as an integer")
      }
      guard limit >= 1 else {
        throw CellError(
          type: "ValueError", message: "recursion limit must be greater or equal than 1",
          range: arguments.range)
      }
      let depth = arguments.interpreter.callDepth + 1
      guard limit > depth else {
        throw CellError(
          type: "RecursionError",
          message:
            "cannot set the recursion limit to \(limit) at the recursion depth \(depth): the limit is too low",
          range: arguments.range)
      }
      guard limit >= 1000 else {
        // Keras' own calls (a layer call, predict, fit) stack Python frames ConvBook does not
        // count; under CPython's default limit they never meet it, under a lower one they may.
        throw .unsupported(
          "ConvBook does not support lowering Python's recursion limit below its default of 1000 yet (sys.setrecursionlimit(\(limit))): Keras' own calls could meet it at depths ConvBook does not model",
          at: arguments.range)
      }
      arguments.interpreter.session.recursionLimit = limit
      return Value.none
    default:
      // `sys.exit(status)` raises `SystemExit(status)`, as CPython's does; what the script's end
      // makes of it is `scriptExit(_:)`.
      let (values, _) = try arguments.bind([("status", Value.none)])
      let status = values["status"]!
      var statusArguments = [status]
      if case .none = status { statusArguments = [] }
      let exception = PythonException(type: "SystemExit", arguments: statusArguments)
      throw exception.error(at: arguments.range)
    }
  }

  /// How an uncaught `SystemExit` ends a script (`sys.exit(3)`, `raise SystemExit("bye")`), as
  /// CPython's `handle_system_exit` does with the exception's `code` (its one argument, the tuple
  /// of several, None for none): nil for a success (None, or an int whose low 8 bits, the process
  /// status, are 0); an int's low 8 bits as the status; anything else written to standard error
  /// (its `str`) with status 1.
  static func scriptExit(_ error: CellError) throws(CellError) -> CellResult.ScriptExit? {
    let arguments =
      error.arguments?.values ?? (error.message.isEmpty ? [] : [.string(error.message)])
    let code: Value
    switch arguments.count {
    case 0: code = .none
    case 1: code = arguments[0]
    default: code = .tuple(arguments)
    }
    switch code {
    case .none: return nil
    case .bool(let flag): return flag ? CellResult.ScriptExit(status: 1, message: nil) : nil
    case .int(let value):
      let status = Int(UInt8(truncatingIfNeeded: value))
      return status == 0 ? nil : CellResult.ScriptExit(status: status, message: nil)
    case .bigInt:
      throw .unsupported(
        "ConvBook does not support ending a script with an exit status that large (SystemExit: \(error.message))",
        at: error.range)
    default:
      try PythonText.requireKnownText(code, range: error.range)
      return CellResult.ScriptExit(status: 1, message: PythonText.str(code))
    }
  }
}

/// `sys.modules`, as far as scripts ask it whether they run in a notebook service
/// (`IS_COLAB = "google.colab" in sys.modules`): the modules of Colab, Kaggle and Jupyter are
/// never loaded under `python FILE.py`, and the interpreter's own always are. Which other modules
/// TensorFlow loaded depends on the installation, so any other question is ConvBook's limitation.
final class SysModules: StandardObject {
  override var typeName: String { "dict" }

  /// The modules a notebook service loads before a cell runs.
  private static let notebookModules: Set<String> = [
    "google.colab", "kaggle", "kaggle_secrets", "kaggle_web_client", "IPython", "ipykernel",
  ]
  private static let interpreterModules: Set<String> = ["sys", "builtins", "__main__"]

  override func repr(_ item: (Value) -> String) -> String { "<sys.modules>" }

  override func containsItem(_ value: Value, range: SourceRange) throws(CellError) -> Bool? {
    guard case .string(let name) = value else { return false }
    let root = String(name.split(separator: ".").first ?? "")
    if Self.notebookModules.contains(name) || Self.notebookModules.contains(root)
      || name.hasPrefix("google.colab.")
    {
      return false
    }
    if Self.interpreterModules.contains(name) { return true }
    throw .unsupported(
      "ConvBook does not support `\(PythonText.repr(value)) in sys.modules` yet (only the notebook services' modules)",
      at: range)
  }
}

/// `sys.stdout` / `sys.stderr`: `write` and `flush`, and the target of `print(file=...)`.
final class StandardStream: StandardObject {
  let isStandardOutput: Bool

  init(isStandardOutput: Bool) { self.isStandardOutput = isStandardOutput }

  override var typeName: String { "TextIOWrapper" }

  override func repr(_ item: (Value) -> String) -> String {
    "<_io.TextIOWrapper name='<\(isStandardOutput ? "stdout" : "stderr")>' mode='w' encoding='utf-8'>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    ["write", "flush"].contains(name) ? .method(receiver: .standard(self), name: name) : nil
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    switch name {
    case "flush":
      try arguments.bind([])
      return Value.none
    case "write":
      let (values, _) = try arguments.bind([("s", nil)])
      guard case .string(let text) = values["s"]! else {
        throw arguments.typeError("write() argument must be str, not \(values["s"]!.typeName)")
      }
      try interpreter.budget.allocate(bytes: text.utf8.count, at: site.range)
      write(text, interpreter)
      return .int(text.unicodeScalars.count)
    default: return nil
    }
  }

  func write(_ text: String, _ interpreter: Interpreter) {
    if isStandardOutput {
      interpreter.write(text)
    } else {
      interpreter.writeError(text)
    }
  }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  { false }
}

/// `sys.path`: scripts add their project's folders to it before importing their own modules
/// (`sys.path.append("..")`, `sys.path.insert(0, ...)`). Adding is accepted and changes nothing
/// ConvBook does (a module of the script's own stays unavailable when imported); reading the list
/// would show the machine's folders, which is ConvBook's limitation.
final class SysPath: StandardObject {
  override var typeName: String { "list" }

  static let additions: Set<String> = ["append", "insert", "extend"]

  private func refusal(_ range: SourceRange) -> CellError {
    .unsupported(
      "ConvBook does not support reading `sys.path` yet (it lists the machine's folders); adding to it works",
      at: range)
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if Self.additions.contains(name) { return .method(receiver: .standard(self), name: name) }
    throw refusal(range)
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard Self.additions.contains(name) else { return nil }
    guard keywords.isEmpty else {
      throw CellError(
        type: "TypeError", message: "list.\(name)() takes no keyword arguments", range: site.range)
    }
    let count = name == "insert" ? 2 : 1
    guard positional.count == count else {
      throw CellError(
        type: "TypeError",
        message: count == 1
          ? "list.\(name)() takes exactly one argument (\(positional.count) given)"
          : "insert expected 2 arguments, got \(positional.count)",
        range: site.range)
    }
    return Value.none
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  { throw refusal(range) }

  override func containsItem(_ value: Value, range: SourceRange) throws(CellError) -> Bool? {
    throw refusal(range)
  }

  override func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  { throw refusal(range) }

  override func binary(
    _ operation: BinaryOperator, _ other: Value, reflected: Bool, range: SourceRange
  ) throws(CellError) -> Value? { throw refusal(range) }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  { throw refusal(range) }

  /// Where `sys.path` is printed, measured or compared: refused.
  static func refuseReading(_ value: Value, range: SourceRange) throws(CellError) {
    guard case .standard(let object as SysPath) = value else { return }
    throw object.refusal(range)
  }
}
