import Foundation

/// Where Keras 3's summary is printed, as far as its text depends on it: the console width (rich and
/// `shutil.get_terminal_size`: `$COLUMNS`, else the terminal's width, else 80) and which styles rich
/// writes (only on a terminal; bold only with `NO_COLOR`; nothing with `TERM=dumb`).
public struct SummaryConsole: Sendable, Equatable {
  public enum Styling: Sendable, Equatable {
    /// Plain text: a pipe, a file, a page.
    case none
    /// Bold only (`NO_COLOR`).
    case boldOnly
    /// Bold and the 8/16 standard colours (`TERM=xterm`).
    case standardColors
    /// Bold and 256 colours (`TERM=xterm-256color`, `COLORTERM=truecolor`).
    case extendedColors
  }

  public var columns: Int
  public var styling: Styling
  /// Whether the output is a terminal: what a script prints has its control characters shown as
  /// escapes there (`TerminalText`), where a pipe or a file gets them as Python writes them.
  public var isTerminal: Bool

  public init(columns: Int, styling: Styling = .none, isTerminal: Bool = false) {
    self.columns = columns
    self.styling = styling
    self.isTerminal = isTerminal
  }

  /// No terminal and no `COLUMNS`: rich's 80 columns, so a sequential table is 76 wide.
  public static let notATerminal = SummaryConsole(columns: 80)

  /// The console a process has: `environment` (COLUMNS, NO_COLOR, TERM, COLORTERM), whether stdout
  /// is a terminal, and the terminal's width if there is one.
  public static func current(
    environment: [String: String], stdoutIsTerminal: Bool, terminalColumns: Int?
  ) -> SummaryConsole {
    var columns = 80
    if let text = environment["COLUMNS"], let value = Int(text), value > 0 {
      columns = value
    } else if let terminalColumns, terminalColumns > 0 {
      columns = terminalColumns
    }
    var styling = Styling.none
    let term = environment["TERM"]?.lowercased() ?? ""
    if stdoutIsTerminal && term != "dumb" && term != "unknown" {
      if environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false {
        styling = .boldOnly
      } else if term.contains("256color")
        || ["truecolor", "24bit"].contains(environment["COLORTERM"] ?? "")
      {
        styling = .extendedColors
      } else {
        styling = .standardColors
      }
    }
    return SummaryConsole(columns: columns, styling: styling, isTerminal: stdoutIsTerminal)
  }

  /// Keras' table width: `min(default, columns − 4)`, never so narrow that a column has no room
  /// (Keras then refuses with "Insufficient console width"; ConvBook prints the narrowest table).
  func tableWidth(defaultWidth: Int) -> Int {
    max(min(defaultWidth, columns - 4), 24)
  }
}

extension SummaryConsole.Styling {
  private static let escape = "\u{1B}["

  func bold(_ text: String) -> String {
    self == .none || text.isEmpty ? text : Self.escape + "1m" + text + Self.escape + "0m"
  }

  /// rich's `color(n)` for Keras' three highlight colours.
  private func color(_ code: Int, _ text: String) -> String {
    switch self {
    case .none, .boldOnly: return text
    case .extendedColors: return Self.escape + "38;5;\(code)m" + text + Self.escape + "0m"
    case .standardColors:
      let standard = [33: "94", 34: "32", 45: "96"][code] ?? "39"
      return Self.escape + standard + "m" + text + Self.escape + "0m"
    }
  }

  func number(_ text: String) -> String { color(34, text) }

  /// The `Trainable` cell's mark in bold, `Y` also in colour 34 and `N` in colour 9 (rich combines
  /// both in one escape: `ESC[1;38;5;34m`, and writes colours below 16 as the standard codes, so
  /// `N` is `ESC[1;91m` in both colour modes); the centring spaces stay plain.
  func trainableMark(_ cell: String) -> String {
    guard self != .none else { return cell }
    let mark = cell.trimmingCharacters(in: .whitespaces)
    guard !mark.isEmpty, let start = cell.range(of: mark) else { return cell }
    let code = [("Y", 34), ("N", 9)].first { $0.0 == mark }?.1
    let styled: String
    switch (self, code) {
    case (.extendedColors, 34): styled = Self.escape + "1;38;5;34m" + mark + Self.escape + "0m"
    case (.extendedColors, let code?), (.standardColors, let code?):
      styled = Self.escape + "1;" + (code == 34 ? "32" : "91") + "m" + mark + Self.escape + "0m"
    default: styled = bold(mark)
    }
    return String(cell[..<start.lowerBound]) + styled + String(cell[start.upperBound...])
  }

  /// The colours of a table cell line: class names (column 0), dimensions and `None` (column 1),
  /// the parameter count (column 2), the node and tensor indexes of `Connected to` (column 3).
  func highlight(_ line: String, column: Int) -> String {
    guard self == .standardColors || self == .extendedColors else { return line }
    switch column {
    case 0:
      // The class name between the parentheses; a name cut with `…` is coloured up to the cut.
      guard let open = line.lastIndex(of: "(") else { return line }
      let start = line.index(after: open)
      let end: String.Index
      if let close = line[start...].firstIndex(of: ")") {
        end = close
      } else if let cut = line[start...].firstIndex(of: "…") {
        end = line.index(after: cut)
      } else {
        return line
      }
      return String(line[..<start]) + color(33, String(line[start..<end])) + String(line[end...])
    case 1:
      var out = ""
      var token = ""
      func flush() {
        if token.isEmpty { return }
        out += token == "None" ? color(45, token) : token.first!.isNumber ? color(34, token) : token
        token = ""
      }
      for character in line {
        if character.isLetter || character.isNumber {
          token.append(character)
        } else {
          flush()
          out.append(character)
        }
      }
      flush()
      return out
    case 3:
      // `name[0][0]`: the numbers right after an opening bracket; a `…` right after the bracket
      // cut such a number and takes its colour (indexes have one digit in practice, so one after
      // a digit cut the closing bracket).
      var out = ""
      var digits = ""
      var afterBracket = false
      var previous: Character = " "
      for character in line {
        if afterBracket && (character.isNumber || (character == "…" && previous == "[")) {
          digits.append(character)
          previous = character
          continue
        }
        previous = character
        if !digits.isEmpty {
          out += color(34, digits)
          digits = ""
        }
        afterBracket = character == "["
        out.append(character)
      }
      if !digits.isEmpty { out += color(34, digits) }
      return out
    default:
      let leading = line.prefix { $0 == " " }
      let rest = line.dropFirst(leading.count)
      let digits = rest.prefix { $0.isNumber || $0 == "," }
      guard !digits.isEmpty else { return line }
      return String(leading) + color(34, String(digits)) + String(rest.dropFirst(digits.count))
    }
  }
}
