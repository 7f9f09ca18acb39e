/// `warnings.warn`, `warnings.filterwarnings` and `warnings.simplefilter` as a script's own code
/// uses them: a warning goes to standard error as Python's default filters print it (`FILE:LINE:
/// Category: message` and the line, once per line and message), never to what the script prints.
/// Filters that ignore warnings are kept; any other filter (`"error"`, `"always"`, a `module=` or
/// `message=` pattern) leaves later warnings to ConvBook's refusal, since they could raise or print
/// where ConvBook would not.
enum StandardWarnings {
  /// What the script's filters say, as far as ConvBook follows them.
  struct Filters {
    /// Categories ignored by an `"ignore"` filter (`Warning` ignores them all).
    var ignored: Set<String> = []
    /// A filter ConvBook does not follow was added.
    var unknown = false
  }

  static let functions: Set<String> = [
    "warnings.warn", "warnings.filterwarnings", "warnings.simplefilter",
  ]

  /// Python's default filters: these categories are ignored unless a filter says otherwise
  /// (`DeprecationWarning` is shown for code of `__main__`, which a script's own code is).
  private static let ignoredByDefault: Set<String> = [
    "PendingDeprecationWarning", "ImportWarning", "ResourceWarning", "BytesWarning",
  ]

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = StandardArguments(
      function: String(name.dropFirst("warnings.".count)), positional: positional,
      keywords: keywords, site: site, interpreter: interpreter)
    switch name {
    case "warnings.warn":
      try warn(arguments)
    default:
      try filter(arguments, simple: name == "warnings.simplefilter")
    }
    return .none
  }

  /// The warning category a value names (`UserWarning`, ...), or nil.
  private static func category(_ value: Value) -> String? {
    guard case .function(let callable) = value, case .builtin(let type) = callable.kind else {
      return nil
    }
    var current: String? = type
    while let name = current, !name.isEmpty {
      if name == "Warning" { return type }
      current = Builtins.exceptionBases[name]
    }
    return nil
  }

  private static func isSubclass(_ category: String, of base: String) -> Bool {
    var current: String? = category
    while let name = current, !name.isEmpty {
      if name == base { return true }
      current = Builtins.exceptionBases[name]
    }
    return false
  }

  private static func warn(_ arguments: StandardArguments) throws(CellError) {
    let (values, _) = try arguments.bind([
      ("message", nil), ("category", Value.none), ("stacklevel", Value.int(1)),
      ("source", Value.none),
    ])
    let range = arguments.range
    guard case .string(let message) = values["message"] ?? .none else {
      throw .unsupported(
        "ConvBook does not support `warnings.warn` with a message that is not a str yet",
        at: range)
    }
    let given = values["category"] ?? .none
    let category: String
    if case .none = given {
      category = "UserWarning"
    } else if let named = Self.category(given) {
      category = named
    } else {
      throw .unsupported(
        "ConvBook does not support `warnings.warn` with category \(PythonText.repr(given)) yet",
        at: range)
    }
    // Another stack level names a caller's line, which ConvBook does not follow.
    guard case .int(1) = values["stacklevel"] ?? .none else {
      throw .unsupported(
        "ConvBook does not support `warnings.warn` with `stacklevel=` other than 1 yet", at: range)
    }
    let filters = arguments.interpreter.session.warningFilters
    if filters.unknown {
      throw .unsupported(
        "ConvBook does not support `warnings.warn` after a warning filter other than \"ignore\" yet",
        at: range)
    }
    if filters.ignored.contains(where: { isSubclass(category, of: $0) })
      || ignoredByDefault.contains(category)
    {
      return
    }
    var warning = KerasWarning(category: category, message: message, range: range)
    warning.namesCallerLine = true
    // The "default" action: once per message, category and line.
    arguments.interpreter.warnOnce(
      location: "line \(range.start.line): \(category): \(message)", warning)
  }

  /// `filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False)` and
  /// `simplefilter(action, category=Warning, lineno=0, append=False)`.
  private static func filter(_ arguments: StandardArguments, simple: Bool) throws(CellError) {
    let warningClass = Value.function(Callable(.builtin("Warning"), path: "Warning"))
    let parameters: [(String, Value?)] =
      simple
      ? [
        ("action", nil), ("category", warningClass), ("lineno", .int(0)), ("append", .bool(false)),
      ]
      : [
        ("action", nil), ("message", .string("")), ("category", warningClass),
        ("module", .string("")), ("lineno", .int(0)), ("append", .bool(false)),
      ]
    let (values, _) = try arguments.bind(parameters)
    let session = arguments.interpreter.session
    if case .string(let action) = values["action"] ?? .none,
      !["error", "ignore", "always", "default", "module", "once"].contains(action)
    {
      throw CellError(
        type: "AssertionError", message: "invalid action: \(PythonText.repr(.string(action)))",
        range: arguments.range)
    }
    if category(values["category"] ?? .none) == nil {
      throw .unsupported(
        "ConvBook does not support `warnings.\(arguments.function)` with category \(PythonText.repr(values["category"] ?? .none)) yet",
        at: arguments.range)
    }
    guard case .string(let action) = values["action"] ?? .none, action == "ignore",
      let category = category(values["category"] ?? .none),
      case .string("") = values["message"] ?? .string(""),
      case .string("") = values["module"] ?? .string(""),
      case .int(0) = values["lineno"] ?? .none
    else {
      // Still no effect on anything ConvBook prints; a later `warnings.warn` is refused.
      session.warningFilters.unknown = true
      return
    }
    session.warningFilters.ignored.insert(category)
  }
}
