import Foundation

/// argparse's usage line (`HelpFormatter._format_usage` of CPython 3.11), as `error()` prints it
/// before `PROG: error: MESSAGE`: `usage: PROG [-h] --data_dir DATA_DIR [--epochs EPOCHS]`,
/// wrapped to the width `shutil.get_terminal_size()` gives less 2 (`COLUMNS`, else the terminal,
/// else 80), optionals before positionals.
extension ArgumentParser {
  /// The usage text with its newline; nil where ConvBook does not format it as argparse does (a
  /// mutually exclusive group, a formatter class that changes the usage).
  func usageText(columns: Int) -> String? {
    guard !hasExclusiveGroup else { return nil }
    switch formatter {
    case .none: break
    case .standard(let given as StandardClass)
    where [
      "HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
      "ArgumentDefaultsHelpFormatter",
    ].contains(given.name):
      break
    default: return nil
    }
    var listed = actions
    if addHelp, !listed.contains(where: { $0.optionStrings.contains("-h") }) {
      listed.insert(
        ArgumentAction(
          optionStrings: ["-h", "--help"], dest: "help", action: "help", nargs: .int(0),
          const: .none, defaultValue: .none, type: .none, choices: .none, required: false,
          help: .none, metavar: .none), at: 0)
    }
    listed.removeAll { if case .string("==SUPPRESS==") = $0.help { true } else { false } }
    let optionals = listed.filter { !$0.optionStrings.isEmpty }
    let positionals = listed.filter { $0.optionStrings.isEmpty }
    var parts: [String] = []
    for action in optionals + positionals {
      guard let part = Self.usagePart(action) else { return nil }
      parts.append(part)
    }
    let prefix = "usage: "
    let prog = programName
    let usage = ([prog] + [Self.cleaned(parts.joined(separator: " "))].filter { !$0.isEmpty })
      .joined(separator: " ")
    let textWidth = columns - 2
    guard prefix.count + usage.count > textWidth else { return prefix + usage + "\n" }
    // Too long: parts wrapped under the program's name (or under the prefix when the name is long).
    func split(_ text: String) -> [String] { Self.usageParts(text) }
    let optionParts = split(
      Self.cleaned(optionals.compactMap(Self.usagePart).joined(separator: " ")))
    let positionalParts = split(
      Self.cleaned(positionals.compactMap(Self.usagePart).joined(separator: " ")))
    func lines(_ parts: [String], indent: String, prefix: String? = nil) -> [String] {
      var result: [String] = []
      var line: [String] = []
      var length = (prefix?.count ?? indent.count) - 1
      for part in parts {
        if length + 1 + part.count > textWidth && !line.isEmpty {
          result.append(indent + line.joined(separator: " "))
          line = []
          length = indent.count - 1
        }
        line.append(part)
        length += part.count + 1
      }
      if !line.isEmpty { result.append(indent + line.joined(separator: " ")) }
      if prefix != nil, !result.isEmpty { result[0] = String(result[0].dropFirst(indent.count)) }
      return result
    }
    var text: [String]
    if Double(prefix.count + prog.count) <= 0.75 * Double(textWidth) {
      let indent = String(repeating: " ", count: prefix.count + prog.count + 1)
      if !optionParts.isEmpty {
        text = lines([prog] + optionParts, indent: indent, prefix: prefix)
        text += lines(positionalParts, indent: indent)
      } else if !positionalParts.isEmpty {
        text = lines([prog] + positionalParts, indent: indent, prefix: prefix)
      } else {
        text = [prog]
      }
    } else {
      let indent = String(repeating: " ", count: prefix.count)
      text = lines(optionParts + positionalParts, indent: indent)
      if text.count > 1 {
        text = lines(optionParts, indent: indent) + lines(positionalParts, indent: indent)
      }
      text = [prog] + text
    }
    return prefix + text.joined(separator: "\n") + "\n"
  }

  /// One action's part of the usage line (`_format_actions_usage`); nil for what ConvBook does
  /// not format.
  private static func usagePart(_ action: ArgumentAction) -> String? {
    if action.optionStrings.isEmpty {
      return arguments(action, defaultMetavar: action.dest)
    }
    var part: String
    if case .int(0) = action.nargs {
      part =
        action.action == "boolean_optional"
        ? action.optionStrings.joined(separator: " | ") : action.optionStrings[0]
    } else {
      guard let shown = arguments(action, defaultMetavar: action.dest.uppercased()) else {
        return nil
      }
      part = action.optionStrings[0] + " " + shown
    }
    return action.required ? part : "[" + part + "]"
  }

  /// `_format_args`: the metavar(s) by `nargs`.
  static func arguments(_ action: ArgumentAction, defaultMetavar: String) -> String? {
    func metavars(_ count: Int) -> [String]? {
      switch action.metavar {
      case .none:
        var single = defaultMetavar
        switch action.choices {
        case .none: break
        case let choices:
          guard let items = choices.sequenceItems else { return nil }
          var shown: [String] = []
          for item in items {
            switch item {
            case .string(let text): shown.append(text)
            case .int(let number): shown.append(String(number))
            default: return nil
            }
          }
          single = "{" + shown.joined(separator: ",") + "}"
        }
        return Array(repeating: single, count: count)
      case .string(let text): return Array(repeating: text, count: count)
      case .tuple(let items):
        var texts: [String] = []
        for item in items {
          guard case .string(let text) = item else { return nil }
          texts.append(text)
        }
        return texts.count == count ? texts : nil
      default: return nil
      }
    }
    switch action.nargs {
    case .none: return metavars(1)?[0]
    case .string("?"): return metavars(1).map { "[\($0[0])]" }
    case .string("*"):
      if case .tuple(let items) = action.metavar, items.count == 2 {
        return metavars(2).map { "[\($0[0]) [\($0[1]) ...]]" }
      }
      return metavars(1).map { "[\($0[0]) ...]" }
    case .string("+"): return metavars(2).map { "\($0[0]) [\($0[1]) ...]" }
    case .int(let count) where count > 0: return metavars(count)?.joined(separator: " ")
    default: return nil
    }
  }

  /// argparse's clean-up of the joined parts: no space after an opening bracket or before a
  /// closing one, no empty brackets, no outer spaces.
  private static func cleaned(_ text: String) -> String {
    var result = ""
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == " ", let last = result.last, last == "[" || last == "(" {
        index += 1
        continue
      }
      if character == " ", index + 1 < characters.count,
        characters[index + 1] == "]" || characters[index + 1] == ")"
      {
        index += 1
        continue
      }
      result.append(character)
      index += 1
    }
    return result.trimmingCharacters(in: .whitespaces)
  }

  /// `re.findall(r'\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+', text)`, for the parts ConvBook makes
  /// (brackets do not nest across spaces in them except as argparse writes `[X [X ...]]`).
  private static func usageParts(_ text: String) -> [String] {
    let characters = Array(text)
    var parts: [String] = []
    var index = 0
    func atBoundary(_ position: Int) -> Bool {
      position == characters.count || characters[position].isWhitespace
    }
    while index < characters.count {
      if characters[index].isWhitespace {
        index += 1
        continue
      }
      let open = characters[index]
      if open == "(" || open == "[" {
        let close: Character = open == "(" ? ")" : "]"
        // The shortest `open ... close+` followed by a space or the end.
        var end = index + 1
        var found: Int?
        while end < characters.count {
          if characters[end] == close {
            var last = end
            while last + 1 < characters.count, characters[last + 1] == close { last += 1 }
            if atBoundary(last + 1) {
              found = last
              break
            }
            end = last + 1
            continue
          }
          end += 1
        }
        if let found {
          parts.append(String(characters[index...found]))
          index = found + 1
          continue
        }
      }
      var end = index
      while end < characters.count, !characters[end].isWhitespace { end += 1 }
      parts.append(String(characters[index..<end]))
      index = end
    }
    return parts
  }
}
