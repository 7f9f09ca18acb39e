/// What `logging` has been told in one run: levels of the loggers by name, the root logger's
/// handler once `basicConfig` (or a module-level call, which configures first) made it.
struct LoggingState {
  /// The levels set on loggers by name ("" is the root, WARNING until set).
  var levels: [String: Int] = ["": 30]
  /// The root's handler: its format and whether it writes to standard output.
  var handler: (format: String, toStandardOutput: Bool)?
  /// `logging.disable(level)`.
  var disabled = 0
  /// The loggers made so far: `getLogger` of one name is one object.
  var loggers: [String: Logger] = [:]
}

/// Python's `logging`, as scripts use it around model code: `basicConfig(level=, format=,
/// stream=)`, `getLogger(name)`, the level methods with `%`-style arguments, levels and their
/// inheritance by dotted name, CPython's last-resort output (the message alone, WARNING and up)
/// when nothing is configured. Records go to standard error as Python writes them (standard
/// output with `stream=sys.stdout`). Handlers, formatters, files and times (`%(asctime)s`) are
/// ConvBook's limitation.
enum StandardLogging {
  static let levels: [(String, Int)] = [
    ("CRITICAL", 50), ("FATAL", 50), ("ERROR", 40), ("WARNING", 30), ("WARN", 30), ("INFO", 20),
    ("DEBUG", 10), ("NOTSET", 0),
  ]

  static let levelMethods: [String: Int] = [
    "debug": 10, "info": 20, "warning": 30, "warn": 30, "error": 40, "critical": 50, "fatal": 50,
  ]

  static let defaultFormat = "%(levelname)s:%(name)s:%(message)s"

  static func attribute(_ name: String) -> Value? {
    if let level = levels.first(where: { $0.0 == name }) { return .int(level.1) }
    switch name {
    case "basicConfig", "getLogger", "disable", "getLevelName", "log", "exception":
      return StandardLibrary.function("logging", name)
    case "StreamHandler", "FileHandler", "Formatter", "Handler", "Logger":
      return .standard(StandardClass(module: "logging", name: name))
    default:
      return levelMethods[name] != nil ? StandardLibrary.function("logging", name) : nil
    }
  }

  static func levelName(_ level: Int) -> String {
    switch level {
    case 50: return "CRITICAL"
    case 40: return "ERROR"
    case 30: return "WARNING"
    case 20: return "INFO"
    case 10: return "DEBUG"
    case 0: return "NOTSET"
    default: return "Level \(level)"
    }
  }

  /// A level given as a number or a name (`level="INFO"`).
  static func level(_ value: Value, _ arguments: StandardArguments) throws(CellError) -> Int {
    switch value {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .string(let name):
      guard let found = levels.first(where: { $0.0 == name }) else {
        throw CellError(
          type: "ValueError", message: "Unknown level: \(PythonText.repr(value))",
          range: arguments.range)
      }
      return found.1
    default:
      throw arguments.typeError("Level not an integer or a valid string: \(PythonText.repr(value))")
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    let session = arguments.interpreter.session
    switch name {
    case "basicConfig":
      guard arguments.positional.isEmpty else {
        throw arguments.typeError(
          "basicConfig() takes 0 positional arguments but \(arguments.positional.count) were given")
      }
      var format = defaultFormat
      var toStandardOutput = false
      var level: Int?
      var force = false
      for (label, value) in arguments.keywords {
        switch label {
        case "level": level = try self.level(value, arguments)
        case "format":
          format = try arguments.string(value, "format")
          if format.contains("%(asctime)") {
            throw .unsupported(
              "ConvBook does not support %(asctime)s in logging formats (it prints the time of the run, which would make output differ from run to run)",
              at: arguments.range)
          }
        case "stream":
          guard case .standard(let stream as StandardStream) = value else {
            throw .unsupported(
              "ConvBook's logging writes to sys.stdout or sys.stderr only", at: arguments.range)
          }
          toStandardOutput = stream.isStandardOutput
        case "force": force = value.isTruthy
        case "datefmt": break
        case "style" where value.stringValue == "%": break
        case "filename", "filemode":
          throw .unsupported(
            "logging to a file is file access, which ConvBook cells do not do", at: arguments.range)
        case "handlers", "style":
          throw .unsupported(
            "ConvBook does not support logging.basicConfig(\(label)=...) yet", at: arguments.range)
        default:
          throw CellError(
            type: "ValueError", message: "Unrecognised argument(s): \(label)",
            range: arguments.range)
        }
      }
      if session.logging.handler == nil || force {
        session.logging.handler = (format, toStandardOutput)
        if let level { session.logging.levels[""] = level }
      }
      return Value.none
    case "getLogger":
      let (values, _) = try arguments.bind([("name", Value.none)])
      var loggerName = ""
      if case .string(let given) = values["name"]!, given != "root" { loggerName = given }
      if let made = session.logging.loggers[loggerName] { return .standard(made) }
      let made = Logger(name: loggerName, session: session)
      session.logging.loggers[loggerName] = made
      return .standard(made)
    case "disable":
      let (values, _) = try arguments.bind([("level", .int(50))])
      session.logging.disabled = try level(values["level"]!, arguments)
      return Value.none
    case "getLevelName":
      let (values, _) = try arguments.bind([("level", nil)])
      if case .string(let text) = values["level"]! {
        if let found = levels.first(where: { $0.0 == text }) { return .int(found.1) }
        return .string("Level \(text)")
      }
      return .string(levelName(try level(values["level"]!, arguments)))
    case "StreamHandler", "FileHandler", "Formatter", "Handler", "Logger":
      throw .unsupported(
        "ConvBook does not support logging.\(name) yet; configure output with logging.basicConfig(level=..., format=...)",
        at: arguments.range)
    default:
      // Module-level `logging.info(...)`: configures the root logger first, as Python does.
      if session.logging.handler == nil { session.logging.handler = (defaultFormat, false) }
      return try Logger(name: "").method(
        name, positional: arguments.positional, keywords: arguments.keywords, site: arguments.site,
        interpreter: arguments.interpreter)
    }
  }
}

/// `logging.getLogger(name)`: a logger is its name; its level lives in the session's
/// `LoggingState`, so two `getLogger` calls of one name are the same logger.
final class Logger: StandardObject {
  let name: String
  /// The session whose `LoggingState` holds the levels (for the repr, which shows the effective
  /// level); the session keeps its loggers, so this does not keep it alive.
  weak var session: KerasSession?

  init(name: String, session: KerasSession? = nil) {
    self.name = name
    self.session = session
  }

  override var typeName: String { name.isEmpty ? "RootLogger" : "Logger" }

  private var displayName: String { name.isEmpty ? "root" : name }

  override func repr(_ item: (Value) -> String) -> String {
    let level = session.map { effectiveLevel($0.logging) } ?? 30
    return "<\(typeName) \(displayName) (\(StandardLogging.levelName(level)))>"
  }

  static let methods: Set<String> = [
    "debug", "info", "warning", "warn", "error", "critical", "fatal", "log", "exception",
    "setLevel", "getEffectiveLevel", "isEnabledFor", "addHandler", "removeHandler", "hasHandlers",
    "getChild",
  ]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if Self.methods.contains(name) { return .method(receiver: .standard(self), name: name) }
    switch name {
    case "name": return .string(displayName)
    case "level": return .int(interpreter.session.logging.levels[self.name] ?? 0)
    case "propagate": return .bool(true)
    case "disabled": return .bool(false)
    case "filters": return .list(PythonList([]))
    case "handlers":
      // ConvBook adds no handlers to a logger (`addHandler` is refused): a named logger's list is
      // empty, as a fresh one's is in Python; the root's holds `basicConfig`'s StreamHandler once
      // it is configured, an object ConvBook does not model.
      guard self.name.isEmpty, interpreter.session.logging.handler != nil else {
        return .list(PythonList([]))
      }
      throw .unsupported(
        "ConvBook does not support logging handlers yet; configure output with logging.basicConfig(...)",
        at: range)
    default: return nil
    }
  }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    throw .unsupported("ConvBook does not support setting `logger.\(name)` yet", at: range)
  }

  /// The first level set on this logger or a parent by dotted name, else the root's.
  func effectiveLevel(_ state: LoggingState) -> Int {
    var current = name
    while !current.isEmpty {
      if let level = state.levels[current], level != 0 { return level }
      if let dot = current.lastIndex(of: ".") {
        current = String(current[..<dot])
      } else {
        current = ""
      }
    }
    return state.levels[""] ?? 30
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let session = interpreter.session
    switch name {
    case "setLevel":
      let (values, _) = try arguments.bind([("level", nil)])
      session.logging.levels[self.name] = try StandardLogging.level(values["level"]!, arguments)
      return Value.none
    case "getEffectiveLevel":
      try arguments.bind([])
      return .int(effectiveLevel(session.logging))
    case "isEnabledFor":
      let (values, _) = try arguments.bind([("level", nil)])
      let level = try StandardLogging.level(values["level"]!, arguments)
      return .bool(level > session.logging.disabled && level >= effectiveLevel(session.logging))
    case "hasHandlers":
      try arguments.bind([])
      return .bool(session.logging.handler != nil)
    case "getChild":
      let (values, _) = try arguments.bind([("suffix", nil)])
      let suffix = try arguments.string(values["suffix"]!, "suffix")
      let childName = self.name.isEmpty ? suffix : self.name + "." + suffix
      if let made = session.logging.loggers[childName] { return .standard(made) }
      let made = Logger(name: childName, session: session)
      session.logging.loggers[childName] = made
      return .standard(made)
    case "addHandler", "removeHandler":
      throw .unsupported(
        "ConvBook does not support logging handlers yet; configure output with logging.basicConfig(...)",
        at: site.range)
    case "exception":
      throw .unsupported(
        "ConvBook does not support logging.exception yet (it prints the traceback being handled)",
        at: site.range)
    default:
      var level: Int
      var rest = positional
      if name == "log" {
        guard let first = rest.first else {
          throw arguments.typeError(
            "Logger.log() missing 2 required positional arguments: 'level' and 'msg'")
        }
        guard case .int(let given) = first else {
          throw arguments.typeError("level must be an integer")
        }
        level = given
        rest.removeFirst()
      } else {
        guard let known = StandardLogging.levelMethods[name] else { return nil }
        level = known
      }
      for (label, _) in keywords
      where !["exc_info", "stack_info", "stacklevel", "extra"].contains(label) {
        throw arguments.typeError("Logger.\(name)() got an unexpected keyword argument '\(label)'")
      }
      if let (label, _) = keywords.first {
        throw .unsupported("ConvBook does not support logging's \(label)= yet", at: site.range)
      }
      guard let message = rest.first else {
        throw arguments.typeError(
          "Logger.\(name)() missing 1 required positional argument: 'msg'")
      }
      guard level > session.logging.disabled, level >= effectiveLevel(session.logging) else {
        return Value.none
      }
      try PythonText.requireKnownText(message, range: site.range)
      var text = PythonText.str(message)
      let values = Array(rest.dropFirst())
      if !values.isEmpty {
        // `LogRecord.getMessage`: `msg % args`, with a lone dict as the mapping.
        let argument: Value =
          values.count == 1 && { if case .dictionary = values[0] { true } else { false } }()
          ? values[0] : .tuple(values)
        text = try PercentFormat.format(
          text, argument, range: site.range, budget: interpreter.budget)
      }
      let line: String
      if let handler = session.logging.handler {
        let fields: [(Value, Value)] = [
          (.string("message"), .string(text)),
          (.string("levelname"), .string(StandardLogging.levelName(level))),
          (.string("name"), .string(displayName)), (.string("levelno"), .int(level)),
        ]
        do {
          line = try PercentFormat.format(
            handler.format, .dictionary(fields), range: site.range, budget: interpreter.budget)
        } catch  where error.type == "KeyError" {
          throw .unsupported(
            "ConvBook's logging formats know %(message)s, %(levelname)s, %(name)s and %(levelno)s, not \(error.message)",
            at: site.range)
        }
        let output = line + "\n"
        try interpreter.budget.allocate(bytes: output.utf8.count, at: site.range)
        if handler.toStandardOutput {
          interpreter.write(output)
        } else {
          interpreter.writeError(output)
        }
      } else if level >= 30 {
        // CPython's last resort: the message alone, on standard error.
        try interpreter.budget.allocate(bytes: text.utf8.count + 1, at: site.range)
        interpreter.writeError(text + "\n")
      }
      return Value.none
    }
  }
}
