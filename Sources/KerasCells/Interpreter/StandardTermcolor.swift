/// `termcolor` (3.3, a dependency of TensorFlow, so installed wherever Keras is): `colored` and
/// `cprint`, and its tables. termcolor colours only a terminal: ConvBook's output is a script's
/// output read as text (a pipe, a page), where `can_colorize()` is false and `colored` returns
/// `str(text)` unchanged, unless the script forces colour (`force_color=True`, or `FORCE_COLOR` set
/// in `os.environ`), which then writes termcolor's escape sequences.
enum StandardTermcolor {
  static let attributes: KeyValuePairs<String, Int> = [
    "bold": 1, "dark": 2, "italic": 3, "underline": 4, "blink": 5, "reverse": 7, "concealed": 8,
    "strike": 9,
  ]
  static let highlights: KeyValuePairs<String, Int> = [
    "on_black": 40, "on_grey": 40, "on_red": 41, "on_green": 42, "on_yellow": 43, "on_blue": 44,
    "on_magenta": 45, "on_cyan": 46, "on_light_grey": 47, "on_dark_grey": 100,
    "on_light_red": 101, "on_light_green": 102, "on_light_yellow": 103, "on_light_blue": 104,
    "on_light_magenta": 105, "on_light_cyan": 106, "on_white": 107,
  ]
  static let colors: KeyValuePairs<String, Int> = [
    "black": 30, "grey": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35,
    "cyan": 36, "light_grey": 37, "dark_grey": 90, "light_red": 91, "light_green": 92,
    "light_yellow": 93, "light_blue": 94, "light_magenta": 95, "light_cyan": 96, "white": 97,
  ]
  static let reset = "\u{1B}[0m"

  static func attribute(_ name: String) -> Value? {
    func table(_ pairs: KeyValuePairs<String, Int>) -> Value {
      .dictionary(PythonDict(pairs.map { (.string($0.key), .int($0.value)) }))
    }
    switch name {
    case "colored", "cprint", "can_colorize": return StandardLibrary.function("termcolor", name)
    case "ATTRIBUTES": return table(attributes)
    case "HIGHLIGHTS": return table(highlights)
    case "COLORS": return table(colors)
    case "RESET": return .string(reset)
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    let switches: [(String, Value)] = [("no_color", Value.none), ("force_color", Value.none)]
    switch name {
    case "can_colorize":
      let values = try arguments.bind([], keywordOnly: switches).values
      return .bool(canColorize(values, arguments))
    case "colored":
      let values = try arguments.bind(
        [("text", nil), ("color", Value.none), ("on_color", Value.none), ("attrs", Value.none)],
        keywordOnly: switches
      ).values
      return .string(try colored(values, arguments))
    case "cprint":
      // `cprint(text, ..., **kwargs)`: the keywords termcolor does not take go to `print`.
      let own = ["text", "color", "on_color", "attrs", "no_color", "force_color"]
      let bound = StandardArguments(
        function: arguments.function, positional: arguments.positional,
        keywords: arguments.keywords.filter { own.contains($0.0) }, site: arguments.site,
        interpreter: arguments.interpreter)
      let values = try bound.bind(
        [("text", nil), ("color", Value.none), ("on_color", Value.none), ("attrs", Value.none)],
        keywordOnly: switches
      ).values
      let text = try colored(values, arguments)
      return try Builtins.call(
        "print", positional: [.string(text)],
        keywords: arguments.keywords.filter { !own.contains($0.0) }, site: arguments.site,
        interpreter: arguments.interpreter)
    default:
      return nil
    }
  }

  /// `can_colorize(no_color=, force_color=)`: the switches, then `os.environ`, then whether
  /// standard output is a terminal, which a script's output in ConvBook is not. termcolor caches
  /// the answer for each pair of switches: the environment is read once.
  private static func canColorize(_ values: [String: Value], _ arguments: StandardArguments)
    -> Bool
  {
    let session = arguments.interpreter.session
    let key = ["no_color", "force_color"].map { PythonText.repr(values[$0] ?? .none) }
      .joined(separator: ",")
    if let known = session.termcolorAnswers[key] { return known }
    let answer = decideColor(values, arguments)
    session.termcolorAnswers[key] = answer
    return answer
  }

  private static func decideColor(_ values: [String: Value], _ arguments: StandardArguments)
    -> Bool
  {
    if values["no_color"]?.isTruthy == true { return false }
    if values["force_color"]?.isTruthy == true { return true }
    let environment = arguments.interpreter.session.environment
    func set(_ name: String) -> Bool {
      environment.value(for: .string(name))?.isTruthy ?? false
    }
    if set("ANSI_COLORS_DISABLED") || set("NO_COLOR") { return false }
    return set("FORCE_COLOR")
  }

  private static func colored(_ values: [String: Value], _ arguments: StandardArguments)
    throws(CellError) -> String
  {
    let text = values["text"]!
    try arguments.interpreter.prepareText(text, range: arguments.range, as: .str)
    try PythonText.requireKnownText(text, range: arguments.range)
    var result = PythonText.str(text)
    guard canColorize(values, arguments) else { return result }
    func code(_ table: KeyValuePairs<String, Int>, _ key: Value) throws(CellError) -> Int {
      guard case .string(let name) = key, let found = table.first(where: { $0.key == name })
      else {
        throw CellError(type: "KeyError", message: PythonText.repr(key), range: arguments.range)
      }
      return found.value
    }
    func rgb(_ value: Value, _ layer: Int) throws(CellError) -> String? {
      guard case .tuple(let parts) = value else { return nil }
      guard parts.count >= 3 else {
        throw CellError(
          type: "IndexError", message: "tuple index out of range", range: arguments.range)
      }
      var numbers: [Int] = []
      for part in parts.prefix(3) {
        switch part {
        case .int(let number): numbers.append(number)
        case .bool(let flag): numbers.append(flag ? 1 : 0)
        default:
          throw .unsupported(
            "ConvBook's termcolor takes whole-number RGB components only", at: arguments.range)
        }
      }
      return "\u{1B}[\(layer);2;\(numbers[0]);\(numbers[1]);\(numbers[2])m"
    }
    let color = values["color"] ?? .none
    if case .string = color {
      result = "\u{1B}[\(try code(colors, color))m" + result
    } else if let prefix = try rgb(color, 38) {
      result = prefix + result
    }
    let highlight = values["on_color"] ?? .none
    if case .string = highlight {
      result = "\u{1B}[\(try code(highlights, highlight))m" + result
    } else if let prefix = try rgb(highlight, 48) {
      result = prefix + result
    }
    let attrs = values["attrs"] ?? .none
    if !attrs.isNone {
      for attribute in try arguments.interpreter.iterate(attrs, range: arguments.range) {
        result = "\u{1B}[\(try code(attributes, attribute))m" + result
      }
    }
    return result + reset
  }
}
