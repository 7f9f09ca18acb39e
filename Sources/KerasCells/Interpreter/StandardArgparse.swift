/// Python's `argparse`, for the scripts that read their hyperparameters from the command line: a
/// script runs as `python FILE.py ARGUMENTS...` (`convbook run FILE ARGUMENTS...`), so
/// `parse_args()` parses `sys.argv[1:]` as it stands (the defaults without arguments);
/// `parse_args([...])` parses the list given. Where argparse would print its usage and exit (an
/// unknown option, a missing required argument, a bad value, `--help`), ConvBook says so as its
/// limitation: it does not print argparse's usage text yet.
enum StandardArgparse {
  static func attribute(_ name: String) -> Value? {
    switch name {
    case "ArgumentParser", "Namespace", "BooleanOptionalAction":
      return .standard(StandardClass(module: "argparse", name: name))
    case "ArgumentDefaultsHelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
      "HelpFormatter", "MetavarTypeHelpFormatter":
      // Formatters shape `--help` only.
      return .standard(StandardClass(module: "argparse", name: name))
    case "SUPPRESS": return .string("==SUPPRESS==")
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    switch name {
    case "ArgumentParser":
      let (values, _) = try arguments.bind(
        [
          ("prog", Value.none), ("usage", Value.none), ("description", Value.none),
          ("epilog", Value.none),
          ("parents", .list([])), ("formatter_class", Value.none), ("prefix_chars", .string("-")),
          ("fromfile_prefix_chars", Value.none), ("argument_default", Value.none),
          ("conflict_handler", .string("error")), ("add_help", .bool(true)),
          ("allow_abbrev", .bool(true)), ("exit_on_error", .bool(true)),
        ])
      let parser = ArgumentParser(
        program: values["prog"]!, description: values["description"]!,
        formatter: values["formatter_class"]!, addHelp: values["add_help"]!.isTruthy,
        scriptName: arguments.interpreter.session.scriptName)
      var defaultPrefix = false
      if case .string("-") = values["prefix_chars"]! { defaultPrefix = true }
      parser.usesOwnUsage = !values["usage"]!.isNone || !defaultPrefix
      parser.exitsOnError = values["exit_on_error"]!.isTruthy
      parser.epilog = values["epilog"]!
      if case .list(let parents) = values["parents"]! {
        for case .standard(let object) in parents.items {
          if let parent = object as? ArgumentParser { parser.actions += parent.actions }
        }
      }
      return .standard(parser)
    case "Namespace":
      guard arguments.positional.isEmpty else {
        throw arguments.typeError(
          "Namespace.__init__() takes 1 positional argument but \(arguments.positional.count + 1) were given"
        )
      }
      return .standard(Namespace(arguments.keywords.map { (.string($0.0), $0.1) }))
    case "BooleanOptionalAction":
      throw .unsupported(
        "argparse.BooleanOptionalAction is an action class: pass it as add_argument(..., action=argparse.BooleanOptionalAction)",
        at: arguments.range)
    default:
      throw .unsupported(
        "argparse.\(name) only shapes --help output, which ConvBook does not print",
        at: arguments.range)
    }
  }
}

/// `argparse.Namespace`: attributes in the order they were set, shown as
/// `Namespace(filters=32, dropout=0.25)`; `vars(namespace)` is its dict itself.
/// `types.SimpleNamespace(a=1)` is the same object under another name (`namespace(a=1)`).
final class Namespace: StandardObject {
  let dictionary: PythonDict
  /// True for `types.SimpleNamespace`, false for argparse's `Namespace`.
  let isSimple: Bool

  init(_ pairs: [(Value, Value)], simple: Bool = false) {
    dictionary = PythonDict(pairs)
    isSimple = simple
  }

  override var typeName: String { isSimple ? "types.SimpleNamespace" : "Namespace" }

  override func repr(_ item: (Value) -> String) -> String {
    var named: [String] = []
    var other: [(Value, Value)] = []
    for (key, value) in dictionary.pairs {
      if case .string(let name) = key, PythonText.isIdentifier(name) {
        named.append("\(name)=\(item(value))")
      } else {
        other.append((key, value))
      }
    }
    if !other.isEmpty { named.append("**" + item(.dictionary(other))) }
    return (isSimple ? "namespace(" : "Namespace(") + named.joined(separator: ", ") + ")"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if let value = dictionary.value(for: .string(name)) { return value }
    if name == "__dict__" { return .dictionary(dictionary) }
    return nil
  }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    dictionary.set(.string(name), value)
    return true
  }
}

/// One `add_argument(...)`: Python's Action, with what parsing needs.
final class ArgumentAction: StandardObject {
  let optionStrings: [String]
  let dest: String
  let action: String
  let nargs: Value
  let const: Value
  let defaultValue: Value
  let type: Value
  let choices: Value
  let required: Bool
  let help: Value
  let metavar: Value

  init(
    optionStrings: [String], dest: String, action: String, nargs: Value, const: Value,
    defaultValue: Value, type: Value, choices: Value, required: Bool, help: Value, metavar: Value
  ) {
    self.optionStrings = optionStrings
    self.dest = dest
    self.action = action
    self.nargs = nargs
    self.const = const
    self.defaultValue = defaultValue
    self.type = type
    self.choices = choices
    self.required = required
    self.help = help
    self.metavar = metavar
  }

  /// argparse's class for each action name.
  var className: String {
    switch action {
    case "store_true": return "_StoreTrueAction"
    case "store_false": return "_StoreFalseAction"
    case "store_const": return "_StoreConstAction"
    case "append": return "_AppendAction"
    case "append_const": return "_AppendConstAction"
    case "count": return "_CountAction"
    case "extend": return "_ExtendAction"
    case "help": return "_HelpAction"
    case "boolean_optional": return "BooleanOptionalAction"
    default: return "_StoreAction"
    }
  }

  /// Whether the option takes no value on the command line.
  var isFlag: Bool {
    [
      "store_true", "store_false", "store_const", "append_const", "count", "help",
      "boolean_optional",
    ]
    .contains(action)
  }

  override var typeName: String { className }

  override func repr(_ item: (Value) -> String) -> String {
    let fields: [(String, Value)] = [
      ("option_strings", .list(optionStrings.map(Value.string))), ("dest", .string(dest)),
      ("nargs", nargs), ("const", const), ("default", defaultValue), ("type", type),
      ("choices", choices), ("required", .bool(required)), ("help", help), ("metavar", metavar),
    ]
    return className + "(" + fields.map { "\($0.0)=\(item($0.1))" }.joined(separator: ", ") + ")"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "dest": return .string(dest)
    case "default": return defaultValue
    case "option_strings": return .list(optionStrings.map(Value.string))
    case "help": return help
    case "required": return .bool(required)
    case "choices": return choices
    case "type": return type
    case "nargs": return nargs
    case "const": return const
    case "metavar": return metavar
    default: return nil
    }
  }
}

/// `argparse.ArgumentParser`, and the groups `add_argument_group` /
/// `add_mutually_exclusive_group` make (which add to their parser).
final class ArgumentParser: StandardObject {
  let program: Value
  let description: Value
  let formatter: Value
  let addHelp: Bool
  let scriptName: String
  var actions: [ArgumentAction] = []
  /// A mutually exclusive group joins its options in the usage line (`[-a | -b]`), which
  /// ConvBook does not format.
  var hasExclusiveGroup = false
  /// `usage=` or other `prefix_chars` given (a usage line ConvBook does not format), and
  /// `exit_on_error=False` (argparse then raises ArgumentError instead of exiting).
  var usesOwnUsage = false
  var exitsOnError = true
  /// `epilog=`, and whether `add_argument_group` made a section of its own: help text ConvBook
  /// does not format.
  var epilog: Value = .none
  var hasArgumentGroups = false
  /// `set_defaults(**keywords)`.
  var extraDefaults: [(String, Value)] = []
  /// Set for a group: the name of the method that made it (its text), adding to `parser`.
  private let groupOf: (ArgumentParser, String)?

  init(program: Value, description: Value, formatter: Value, addHelp: Bool, scriptName: String?) {
    self.program = program
    self.description = description
    self.formatter = formatter
    self.addHelp = addHelp
    self.scriptName = scriptName ?? ""
    groupOf = nil
  }

  private init(group parser: ArgumentParser, kind: String) {
    program = parser.program
    description = parser.description
    formatter = parser.formatter
    addHelp = parser.addHelp
    scriptName = parser.scriptName
    groupOf = (parser, kind)
  }

  /// The parser that keeps the actions (a group's parser, else itself).
  private var owner: ArgumentParser { groupOf?.0 ?? self }

  override var typeName: String {
    groupOf.map { $0.1 == "mutually exclusive" ? "_MutuallyExclusiveGroup" : "_ArgumentGroup" }
      ?? "ArgumentParser"
  }

  /// `prog`: as given, else the script's file name as `python FILE.py` names it.
  var programName: String {
    if case .string(let given) = program { return given }
    return String(scriptName.split(separator: "/").last ?? "")
  }

  override func repr(_ item: (Value) -> String) -> String {
    if groupOf != nil { return "<argparse.\(typeName) object>" }
    let formatterText: String
    if case .none = formatter {
      formatterText = "<class 'argparse.HelpFormatter'>"
    } else {
      formatterText = item(formatter)
    }
    return
      "ArgumentParser(prog=\(item(.string(programName))), usage=None, description=\(item(description)), formatter_class=\(formatterText), conflict_handler='error', add_help=\(addHelp ? "True" : "False"))"
  }

  static let methods: Set<String> = [
    "add_argument", "parse_args", "parse_known_args", "add_argument_group",
    "add_mutually_exclusive_group", "set_defaults", "get_default", "print_help", "format_help",
    "print_usage", "format_usage", "error", "exit", "add_subparsers",
  ]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if Self.methods.contains(name) { return .method(receiver: .standard(self), name: name) }
    switch name {
    case "prog": return .string(programName)
    case "description": return description
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let range = site.range
    switch name {
    case "add_argument":
      let action = try makeAction(arguments)
      if let clash = owner.actions.first(where: {
        !Set($0.optionStrings).isDisjoint(with: action.optionStrings)
      }) {
        let shared = clash.optionStrings.filter(action.optionStrings.contains)
        throw CellError(
          type: "ArgumentError",
          message:
            "argument \(action.optionStrings.joined(separator: "/")): conflicting option string\(shared.count == 1 ? "" : "s"): \(shared.joined(separator: ", "))",
          range: range)
      }
      owner.actions.append(action)
      return .standard(action)
    case "add_argument_group", "add_mutually_exclusive_group":
      if name == "add_mutually_exclusive_group" { owner.hasExclusiveGroup = true }
      if name == "add_argument_group" { owner.hasArgumentGroups = true }
      return .standard(
        ArgumentParser(
          group: owner,
          kind: name == "add_argument_group" ? "group" : "mutually exclusive"))
    case "set_defaults":
      guard positional.isEmpty else {
        throw arguments.typeError(
          "ArgumentParser.set_defaults() takes 1 positional argument but \(positional.count + 1) were given"
        )
      }
      owner.extraDefaults += keywords
      return Value.none
    case "get_default":
      let (values, _) = try arguments.bind([("dest", nil)])
      let dest = try arguments.string(values["dest"]!, "dest")
      if let given = owner.extraDefaults.last(where: { $0.0 == dest }) { return given.1 }
      return owner.actions.first(where: { $0.dest == dest })?.defaultValue ?? Value.none
    case "parse_args", "parse_known_args":
      let (values, _) = try arguments.bind([("args", Value.none), ("namespace", Value.none)])
      var tokens: [String] = []
      var given = values["args"]!
      if given.isNone {
        // `sys.argv[1:]` as it stands (a script may have changed it).
        let argv =
          interpreter.session.systemArguments.map { Array($0.items.dropFirst()) }
          ?? interpreter.session.scriptArguments.map(Value.string)
        given = .list(PythonList(argv))
      }
      for item in try interpreter.iterate(given, range: range) {
        guard case .string(let token) = item else {
          throw .unsupported(
            "ConvBook's argparse parses a list of strings (as on a command line), not \(item.typeName) items",
            at: range)
        }
        tokens.append(token)
      }
      let namespace = try owner.parse(tokens, known: name == "parse_known_args", arguments)
      if name == "parse_known_args" {
        return .tuple([.standard(namespace.0), .list(namespace.1.map(Value.string))])
      }
      return .standard(namespace.0)
    case "print_usage", "format_usage":
      let (values, _) = try arguments.bind(name == "print_usage" ? [("file", Value.none)] : [])
      guard
        let usage = owner.usesOwnUsage
          ? nil
          : owner.usageText(columns: interpreter.session.printFunctionConsole.columns)
      else {
        throw .unsupported(
          "ConvBook does not print argparse's usage text for this parser yet", at: range)
      }
      if name == "format_usage" { return .string(usage) }
      switch values["file"] ?? Value.none {
      case .none: interpreter.write(usage)
      case .standard(let stream as StandardStream): stream.write(usage, interpreter)
      default:
        throw .unsupported(
          "ConvBook prints argparse's usage to sys.stdout or sys.stderr only", at: range)
      }
      return Value.none
    case "error":
      let (values, _) = try arguments.bind([("message", nil)])
      guard case .string(let message) = values["message"]! else {
        throw .unsupported("ConvBook's parser.error() takes a str message", at: range)
      }
      throw owner.exit(message, at: range, arguments)
    case "print_help", "format_help":
      let (values, _) = try arguments.bind(name == "print_help" ? [("file", Value.none)] : [])
      guard
        let help = owner.usesOwnUsage
          ? nil
          : owner.helpText(
            columns: interpreter.session.printFunctionConsole.columns, range: range,
            budget: interpreter.budget)
      else {
        throw .unsupported(
          "ConvBook does not print argparse's help text for this parser yet", at: range)
      }
      if name == "format_help" { return .string(help) }
      try interpreter.budget.allocate(bytes: help.utf8.count, at: range)
      switch values["file"] ?? Value.none {
      case .none: interpreter.write(help)
      case .standard(let stream as StandardStream): stream.write(help, interpreter)
      default:
        throw .unsupported(
          "ConvBook prints argparse's help to sys.stdout or sys.stderr only", at: range)
      }
      return Value.none
    case "exit":
      throw .unsupported(
        "ConvBook does not support `parser.\(name)()` yet (argparse prints its usage and exits the script)",
        at: range)
    case "add_subparsers":
      throw .unsupported("ConvBook does not support argparse subcommands yet", at: range)
    default: return nil
    }
  }

  /// `add_argument(*name_or_flags, action=, nargs=, const=, default=, type=, choices=, required=,
  /// help=, metavar=, dest=)`.
  private func makeAction(_ arguments: StandardArguments) throws(CellError) -> ArgumentAction {
    let range = arguments.range
    var names: [String] = []
    for value in arguments.positional {
      names.append(try arguments.string(value, "argument name"))
    }
    let (values, _) = try arguments.bind(
      [],
      keywordOnly: [
        ("action", .none), ("nargs", .none), ("const", .none), ("default", .none),
        ("type", .none), ("choices", .none), ("required", .none), ("help", .none),
        ("metavar", .none), ("dest", .none), ("version", .none),
      ], rest: true)
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    let isOptional = names.first?.hasPrefix("-") == true
    if names.isEmpty && values["dest"].map({ if case .none = $0 { true } else { false } }) ?? true {
      throw arguments.typeError(
        "ArgumentParser.add_argument() missing 1 required positional argument: 'dest'")
    }
    if !isOptional && names.count > 1 {
      throw valueError(
        "invalid option string \(PythonText.repr(.string(names[1]))): must start with a character '-'"
      )
    }
    var action = "store"
    switch values["action"]! {
    case .none: break
    case .string(let given):
      let known = [
        "store", "store_true", "store_false", "store_const", "append", "append_const", "count",
        "extend", "help", "version",
      ]
      guard known.contains(given) else { throw valueError("unknown action \"\(given)\"") }
      action = given
    case .standard(let object as StandardClass) where object.name == "BooleanOptionalAction":
      action = "boolean_optional"
    default:
      throw .unsupported("ConvBook does not support custom argparse actions yet", at: range)
    }
    if action == "version" {
      throw .unsupported("ConvBook does not support argparse's `version` action yet", at: range)
    }
    var dest: String
    if case .string(let given) = values["dest"]! {
      dest = given
    } else if !isOptional {
      dest = names[0]
    } else {
      let chosen = names.first(where: { $0.hasPrefix("--") }) ?? names[0]
      dest = String(chosen.drop(while: { $0 == "-" })).replacingOccurrences(of: "-", with: "_")
    }
    var optionStrings = isOptional ? names : []
    if action == "boolean_optional" {
      optionStrings = names.flatMap { name in
        name.hasPrefix("--") ? [name, "--no-" + name.dropFirst(2)] : [name]
      }
    }
    var nargs = values["nargs"]!
    var const = values["const"]!
    var defaultValue = values["default"]!
    switch action {
    case "store_true", "store_false":
      nargs = .int(0)
      const = .bool(action == "store_true")
      if case .none = defaultValue { defaultValue = .bool(action == "store_false") }
    case "count", "help", "boolean_optional", "store_const", "append_const": nargs = .int(0)
    default: break
    }
    if action == "help" {
      defaultValue = .string("==SUPPRESS==")
      dest = "help"
    }
    switch nargs {
    case .none: break
    case .int(let count) where count >= 0:
      if count == 0
        && ![
          "store_true", "store_false", "store_const", "append_const", "count", "help",
          "boolean_optional",
        ].contains(action)
      {
        throw valueError(
          "nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate"
        )
      }
    case .string(let pattern) where ["?", "*", "+"].contains(pattern): break
    case .string("..."), .string("A..."):
      throw .unsupported(
        "ConvBook does not support argparse's REMAINDER / PARSER nargs yet", at: range)
    default: throw valueError("invalid nargs value")
    }
    var required = false
    if case .none = values["required"]! {
      if !isOptional {
        // argparse marks `nargs="*"` required unless it has a default (an empty list satisfies it).
        switch nargs {
        case .string("?"): required = false
        case .string("*"): required = !arguments.keywords.contains { $0.0 == "default" }
        default: required = true
        }
      }
    } else {
      required = values["required"]!.isTruthy
    }
    return ArgumentAction(
      optionStrings: optionStrings, dest: dest, action: action, nargs: nargs, const: const,
      defaultValue: defaultValue, type: values["type"]!, choices: values["choices"]!,
      required: required, help: values["help"]!, metavar: values["metavar"]!)
  }

  /// argparse's `error(message)`: its usage and `PROG: error: MESSAGE` on standard error, then
  /// `SystemExit(2)`; refused where ConvBook cannot format the usage line as argparse does.
  func exit(_ message: String, at range: SourceRange, _ arguments: StandardArguments)
    -> CellError
  {
    let interpreter = arguments.interpreter
    guard exitsOnError, !usesOwnUsage,
      let usage = usageText(columns: interpreter.session.printFunctionConsole.columns)
    else {
      return .unsupported(
        "argparse would print its usage and exit here (\(programName): error: \(message)); ConvBook does not print argparse's usage text for this parser yet",
        at: range)
    }
    interpreter.writeError(usage + "\(programName): error: \(message)\n")
    return PythonException(type: "SystemExit", arguments: [.int(2)]).error(at: range)
  }

  /// `parse_args(tokens)`: the namespace (defaults first, in the order the arguments were added,
  /// then what the tokens give) and the tokens no argument took.
  private func parse(_ tokens: [String], known: Bool, _ arguments: StandardArguments)
    throws(CellError) -> (Namespace, [String])
  {
    let range = arguments.range
    var tokens = tokens
    let namespace = Namespace([])
    var actions = actions
    if addHelp, !actions.contains(where: { $0.optionStrings.contains("-h") }) {
      actions.insert(
        ArgumentAction(
          optionStrings: ["-h", "--help"], dest: "help", action: "help", nargs: .int(0),
          const: .none, defaultValue: .string("==SUPPRESS=="), type: .none, choices: .none,
          required: false, help: .string("show this help message and exit"), metavar: .none),
        at: 0)
    }
    // A string default goes through `type=`, as argparse converts it.
    for action in actions where action.action != "help" {
      if namespace.dictionary.value(for: .string(action.dest)) != nil { continue }
      var value = action.defaultValue
      if case .string(let text) = value, action.action == "store" || action.action == "append" {
        value = try convert(text, action, arguments)
      }
      namespace.dictionary.set(.string(action.dest), value)
    }
    for (dest, value) in extraDefaults { namespace.dictionary.set(.string(dest), value) }
    var extras: [String] = []
    var positionals: [String] = []
    var seen = Set<String>()
    var index = 0
    func values(for action: ArgumentAction, inline: String?) throws(CellError) -> [String] {
      if let inline { return [inline] }
      var taken: [String] = []
      func isOption(_ token: String) -> Bool {
        token.hasPrefix("-") && token.count > 1 && Double(token) == nil
      }
      switch action.nargs {
      case .none:
        guard index < tokens.count, !isOption(tokens[index]) else {
          throw exit(
            "argument \(action.optionStrings.joined(separator: "/")): expected one argument",
            at: range, arguments)
        }
        taken = [tokens[index]]
        index += 1
      case .int(let count):
        while taken.count < count, index < tokens.count, !isOption(tokens[index]) {
          taken.append(tokens[index])
          index += 1
        }
        guard taken.count == count else {
          throw exit(
            "argument \(action.optionStrings.joined(separator: "/")): expected \(count) arguments",
            at: range, arguments)
        }
      default:
        while index < tokens.count, !isOption(tokens[index]) {
          taken.append(tokens[index])
          index += 1
          if case .string("?") = action.nargs { break }
        }
        if case .string("+") = action.nargs, taken.isEmpty {
          throw exit(
            "argument \(action.optionStrings.joined(separator: "/")): expected at least one argument",
            at: range, arguments)
        }
      }
      return taken
    }
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      if token == "--" {
        positionals += tokens[index...]
        break
      }
      guard token.hasPrefix("-"), token.count > 1, Double(token) == nil else {
        positionals.append(token)
        continue
      }
      var option = token
      var inline: String? = nil
      if let equals = token.firstIndex(of: "="), token.hasPrefix("--") {
        option = String(token[..<equals])
        inline = String(token[token.index(after: equals)...])
      }
      var matches = actions.filter { action in
        action.optionStrings.contains(option)
      }
      if matches.isEmpty, !token.hasPrefix("--"), token.count > 2 {
        // `-vv` (flags together) or `-n3` (a short option with its value attached).
        let short = String(token.prefix(2))
        if let action = actions.first(where: { $0.optionStrings.contains(short) }) {
          matches = [action]
          option = short
          if action.isFlag {
            tokens.insert("-" + token.dropFirst(2), at: index)
          } else {
            inline = String(token.dropFirst(2))
          }
        }
      }
      let prefixed =
        matches.isEmpty && option.hasPrefix("--")
        ? actions.filter { $0.optionStrings.contains { $0.hasPrefix(option) } } : matches
      guard prefixed.count == 1, let action = prefixed.first else {
        if prefixed.count > 1 {
          throw exit(
            "ambiguous option: \(option) could match \(prefixed.flatMap(\.optionStrings).filter { $0.hasPrefix(option) }.joined(separator: ", "))",
            at: range, arguments)
        }
        extras.append(token)
        continue
      }
      let spelled =
        action.optionStrings.first(where: { $0 == option || $0.hasPrefix(option) }) ?? option
      seen.insert(action.dest)
      let key = Value.string(action.dest)
      switch action.action {
      case "help":
        throw .unsupported(
          "ConvBook does not print argparse's help text yet (`\(token)`)", at: range)
      case "store_true", "store_false", "store_const":
        namespace.dictionary.set(key, action.const)
      case "boolean_optional":
        namespace.dictionary.set(key, .bool(!spelled.hasPrefix("--no-")))
      case "count":
        let current = namespace.dictionary.value(for: key) ?? .none
        let base: Value
        if case .none = current { base = .int(0) } else { base = current }
        namespace.dictionary.set(
          key,
          try Operators.binary(
            .add, base, .int(1), range: range, budget: arguments.interpreter.budget))
      case "append_const":
        try append([action.const], to: key, namespace, arguments)
      default:
        let given = try values(for: action, inline: inline)
        var converted: [Value] = []
        for text in given { converted.append(try convert(text, action, arguments)) }
        for value in converted { try checkChoice(value, action, arguments) }
        switch (action.action, action.nargs) {
        case ("append", .none): try append(converted, to: key, namespace, arguments)
        case ("append", _), ("extend", _):
          if action.action == "extend" {
            try append(converted, to: key, namespace, arguments)
          } else {
            try append([.list(converted)], to: key, namespace, arguments)
          }
        case (_, .none): namespace.dictionary.set(key, converted[0])
        case (_, .string("?")):
          namespace.dictionary.set(key, converted.first ?? action.const)
        default: namespace.dictionary.set(key, .list(converted))
        }
      }
    }
    // Positional arguments in order, each taking what its nargs allows.
    var remaining = positionals[...]
    for action in actions where action.optionStrings.isEmpty {
      let key = Value.string(action.dest)
      switch action.nargs {
      case .none:
        guard let token = remaining.popFirst() else { continue }
        let value = try convert(token, action, arguments)
        try checkChoice(value, action, arguments)
        namespace.dictionary.set(key, value)
        seen.insert(action.dest)
      case .string("?"):
        if let token = remaining.popFirst() {
          namespace.dictionary.set(key, try convert(token, action, arguments))
          seen.insert(action.dest)
        }
      case .int(let count):
        guard remaining.count >= count else { continue }
        var converted: [Value] = []
        for token in remaining.prefix(count) {
          converted.append(try convert(token, action, arguments))
        }
        remaining = remaining.dropFirst(count)
        namespace.dictionary.set(key, .list(converted))
        seen.insert(action.dest)
      default:
        var converted: [Value] = []
        for token in remaining { converted.append(try convert(token, action, arguments)) }
        remaining = remaining.dropFirst(remaining.count)
        if case .string("+") = action.nargs, converted.isEmpty { continue }
        if converted.isEmpty, case .none = action.defaultValue {
          namespace.dictionary.set(key, .list([]))
        } else if !converted.isEmpty {
          namespace.dictionary.set(key, .list(converted))
        }
        seen.insert(action.dest)
      }
    }
    extras += remaining
    let missing = actions.filter { $0.required && !seen.contains($0.dest) }
    if !missing.isEmpty {
      let names = missing.map {
        $0.optionStrings.isEmpty
          ? ($0.metavar.stringValue ?? $0.dest) : $0.optionStrings.joined(separator: "/")
      }
      throw exit(
        "the following arguments are required: \(names.joined(separator: ", "))", at: range,
        arguments)
    }
    if !extras.isEmpty && !known {
      throw exit("unrecognized arguments: \(extras.joined(separator: " "))", at: range, arguments)
    }
    return (namespace, extras)
  }

  private func append(
    _ values: [Value], to key: Value, _ namespace: Namespace, _ arguments: StandardArguments
  ) throws(CellError) {
    var items: [Value] = []
    if case .list(let existing)? = namespace.dictionary.value(for: key) { items = existing.items }
    // argparse copies the list, so a default list is never changed.
    namespace.dictionary.set(key, .list(items + values))
    try arguments.interpreter.budget.allocate(slots: values.count, at: arguments.range)
  }

  /// A command-line string through the action's `type=`.
  private func convert(_ text: String, _ action: ArgumentAction, _ arguments: StandardArguments)
    throws(CellError) -> Value
  {
    if case .none = action.type { return .string(text) }
    do {
      return try arguments.call(action.type, [.string(text)])
    } catch  where error.type == "ValueError" || error.type == "TypeError" {
      let typeName: String
      switch action.type {
      case .function(let callable):
        typeName = String(callable.path.split(separator: ".").last ?? "")
      default: typeName = PythonText.repr(action.type)
      }
      throw exit(
        "argument \(action.optionStrings.isEmpty ? action.dest : action.optionStrings.joined(separator: "/")): invalid \(typeName) value: \(PythonText.repr(.string(text)))",
        at: arguments.range, arguments)
    }
  }

  private func checkChoice(_ value: Value, _ action: ArgumentAction, _ arguments: StandardArguments)
    throws(CellError)
  {
    if case .none = action.choices { return }
    let choices = try arguments.interpreter.iterate(action.choices, range: arguments.range)
    guard choices.contains(where: { Operators.equal($0, value) }) else {
      throw exit(
        "argument \(action.optionStrings.isEmpty ? action.dest : action.optionStrings.joined(separator: "/")): invalid choice: \(PythonText.repr(value)) (choose from \(choices.map(PythonText.repr).joined(separator: ", ")))",
        at: arguments.range, arguments)
    }
  }
}

extension Value {
  /// The text of a string value.
  var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}
