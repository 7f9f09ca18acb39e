import Foundation

/// argparse's help text (`ArgumentParser.format_help` with CPython 3.11's `HelpFormatter`, or
/// `ArgumentDefaultsHelpFormatter`): the usage, the description filled to the width, then the
/// positional arguments and the options, each invocation padded to the help column
/// (`max_help_position` 24, or less on a narrow console) and its help wrapped beside it.
extension ArgumentParser {
  /// The help text, or nil where ConvBook does not format it as argparse does (argument groups,
  /// an epilog, raw formatters, a help text `textwrap` would break at a hyphen or in a word).
  func helpText(columns: Int, range: SourceRange, budget: EvaluationBudget) -> String? {
    guard !hasArgumentGroups, epilog.isNone, let usage = usageText(columns: columns) else {
      return nil
    }
    var withDefaults = false
    switch formatter {
    case .none: break
    case .standard(let given as StandardClass) where given.name == "HelpFormatter": break
    case .standard(let given as StandardClass) where given.name == "ArgumentDefaultsHelpFormatter":
      withDefaults = true
    default: return nil
    }
    let width = columns - 2
    let maxHelpPosition = min(24, max(width - 20, 4))
    var listed = actions
    if addHelp, !listed.contains(where: { $0.optionStrings.contains("-h") }) {
      listed.insert(
        ArgumentAction(
          optionStrings: ["-h", "--help"], dest: "help", action: "help", nargs: .int(0),
          const: .none, defaultValue: .string("==SUPPRESS=="), type: .none, choices: .none,
          required: false, help: .string("show this help message and exit"), metavar: .none),
        at: 0)
    }
    listed.removeAll { if case .string("==SUPPRESS==") = $0.help { true } else { false } }
    var invocations: [String] = []
    for action in listed {
      guard let invocation = Self.invocation(action) else { return nil }
      invocations.append(invocation)
    }
    let longest = invocations.map { $0.count + 2 }.max() ?? 0
    let helpPosition = min(longest + 2, maxHelpPosition)
    let helpWidth = max(width - helpPosition, 11)
    let actionWidth = helpPosition - 2 - 2
    var text = usage + "\n"
    if case .string(let description) = description {
      guard let filled = Self.wrapped(description, width: max(width, 11)) else { return nil }
      text += filled.joined(separator: "\n") + "\n\n"
    } else if !description.isNone {
      return nil
    }
    for positional in [true, false] {
      var items = ""
      for (action, invocation) in zip(listed, invocations)
      where action.optionStrings.isEmpty == positional {
        guard case .string(var help) = action.help else {
          guard action.help.isNone else { return nil }
          items += "  " + invocation + "\n"
          continue
        }
        if withDefaults, !help.contains("%(default)"),
          !{ if case .string("==SUPPRESS==") = action.defaultValue { true } else { false } }(),
          !action.optionStrings.isEmpty || Self.takesOptionalValues(action)
        {
          help += " (default: %(default)s)"
        }
        guard
          let expanded = Self.expanded(
            help, action: action, prog: programName, range: range, budget: budget),
          let lines = Self.wrapped(expanded, width: helpWidth)
        else { return nil }
        if help.trimmingCharacters(in: .whitespaces).isEmpty {
          items += "  " + invocation + "\n"
          continue
        }
        if invocation.count <= actionWidth {
          items += "  " + invocation.padding(toLength: actionWidth, withPad: " ", startingAt: 0)
          items += "  " + (lines.first ?? "") + "\n"
        } else {
          items += "  " + invocation + "\n"
          items += String(repeating: " ", count: helpPosition) + (lines.first ?? "") + "\n"
        }
        for line in lines.dropFirst() {
          items += String(repeating: " ", count: helpPosition) + line + "\n"
        }
      }
      if !items.isEmpty {
        text += "\n" + (positional ? "positional arguments:" : "options:") + "\n" + items + "\n"
      }
    }
    while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
    while text.hasSuffix("\n") { text.removeLast() }
    while text.hasPrefix("\n") { text.removeFirst() }
    return text + "\n"
  }

  /// `nargs='?'` or `'*'`: ArgumentDefaultsHelpFormatter shows a positional's default then.
  private static func takesOptionalValues(_ action: ArgumentAction) -> Bool {
    switch action.nargs {
    case .string("?"), .string("*"): return true
    default: return false
    }
  }

  /// `_format_action_invocation`: a positional's metavar, an option's strings with their
  /// arguments (`--epochs EPOCHS, -e EPOCHS`).
  private static func invocation(_ action: ArgumentAction) -> String? {
    if action.optionStrings.isEmpty {
      if case .tuple = action.metavar { return nil }
      switch action.nargs {
      case .none, .string("?"), .string("*"), .string("+"), .int: break
      default: return nil
      }
      let single = ArgumentAction(
        optionStrings: [], dest: action.dest, action: action.action, nargs: .none,
        const: action.const, defaultValue: action.defaultValue, type: action.type,
        choices: action.choices, required: action.required, help: action.help,
        metavar: action.metavar)
      return arguments(single, defaultMetavar: action.dest)
    }
    if case .int(0) = action.nargs { return action.optionStrings.joined(separator: ", ") }
    guard let shown = arguments(action, defaultMetavar: action.dest.uppercased()) else {
      return nil
    }
    return action.optionStrings.map { $0 + " " + shown }.joined(separator: ", ")
  }

  /// `_expand_help`: `help % params`, with the action's settings by name (a class or function
  /// by its `__name__`, the choices joined with ", ").
  private static func expanded(
    _ help: String, action: ArgumentAction, prog: String, range: SourceRange,
    budget: EvaluationBudget
  ) -> String? {
    guard help.contains("%") else { return help }
    var params: [(Value, Value)] = [(.string("prog"), .string(prog))]
    func add(_ name: String, _ value: Value) {
      if case .string("==SUPPRESS==") = value { return }
      params.append((.string(name), value))
    }
    add("dest", .string(action.dest))
    add("default", action.defaultValue)
    add("required", .bool(action.required))
    add("help", action.help)
    add("metavar", action.metavar)
    add("nargs", action.nargs)
    add("const", action.const)
    switch action.type {
    case .none: add("type", .none)
    case .function(let callable):
      add("type", .string(String(callable.path.split(separator: ".").last ?? "")))
    default: return nil
    }
    if let items = action.choices.sequenceItems {
      add("choices", .string(items.map { PythonText.str($0) }.joined(separator: ", ")))
    } else {
      add("choices", action.choices)
    }
    for value in params.map(\.1) {
      switch value {
      case .none, .bool, .int, .float, .string: continue
      case .list(let list)
      where list.items.allSatisfy({
        if case .int = $0 { true } else if case .string = $0 { true } else { false }
      }): continue
      default: return nil
      }
    }
    return try? PercentFormat.format(help, .dictionary(params), range: range, budget: budget)
  }

  /// `textwrap.wrap` of the text with runs of whitespace made one space: words (split after a
  /// hyphen between letters, as textwrap's `wordsep_re` does) filled greedily; nil where a word is
  /// longer than the line (textwrap would break it).
  private static func wrapped(_ text: String, width: Int) -> [String]? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
      .map(String.init)
    guard !words.isEmpty else { return [] }
    // textwrap splits at an em-dash (`--`) after a word's first character: not modelled.
    guard !words.contains(where: { $0.dropFirst().contains("--") }) else { return nil }
    var chunks: [String] = []
    for (index, word) in words.enumerated() {
      if index > 0 { chunks.append(" ") }
      chunks += hyphenPieces(word)
    }
    var lines: [String] = []
    var next = 0
    while next < chunks.count {
      if chunks[next] == " ", !lines.isEmpty { next += 1 }
      var line: [String] = []
      var length = 0
      while next < chunks.count, length + chunks[next].count <= width {
        line.append(chunks[next])
        length += chunks[next].count
        next += 1
      }
      if next < chunks.count, chunks[next].count > width { return nil }
      if line.last == " " { line.removeLast() }
      if !line.isEmpty { lines.append(line.joined()) }
    }
    return lines
  }

  /// A word's pieces, split after each hyphen textwrap breaks at: two letters (or a letter, a
  /// hyphen and a letter) before it, a letter (maybe after another hyphen) and a letter after.
  private static func hyphenPieces(_ word: String) -> [String] {
    let characters = Array(word)
    func letter(_ index: Int) -> Bool {
      guard index >= 0, index < characters.count else { return false }
      let character = characters[index]
      return character == "_" || (character.isLetter && !character.isNumber)
    }
    var pieces: [String] = []
    var start = 0
    for index in characters.indices where characters[index] == "-" {
      let before =
        (letter(index - 1) && letter(index - 2))
        || (letter(index - 1) && index >= 3 && characters[index - 2] == "-" && letter(index - 3))
      let after =
        letter(index + 1)
        && (letter(index + 2)
          || (index + 2 < characters.count && characters[index + 2] == "-" && letter(index + 3)))
      if before, after {
        pieces.append(String(characters[start...index]))
        start = index + 1
      }
    }
    pieces.append(String(characters[start...]))
    return pieces
  }
}
