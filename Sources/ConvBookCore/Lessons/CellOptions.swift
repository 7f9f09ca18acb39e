import KerasCells
import LessonKit

/// The words a cell's info string may hold after `keras` (README "Writing lessons"): `hide-code`,
/// `hide-output`, `solution`, `keras=2|3` and `footer=classic|modern`. Anything else is an error at
/// the cell's fence: a mistyped `solution` would publish a solution model on the page and in the
/// student file, a mistyped `hide-code` would show what was meant to be hidden (hostile batch8).
/// `keras=` values are checked with the lesson's version (`KerasVersionSetting`).
enum CellOptions {
  static let flags = ["hide-code", "hide-output", "solution"]
  static let settings = ["keras", "footer"]

  static func diagnostics(of lesson: Lesson, file: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for block in lesson.blocks {
      guard case .cell(let cell) = block else { continue }
      var given: [String: String] = [:]
      for option in cell.options {
        func report(_ message: String) {
          diagnostics.append(
            Diagnostic(file: file, line: cell.fenceLine, column: 1, message: message))
        }
        guard let equals = option.firstIndex(of: "=") else {
          if !flags.contains(option) {
            report(
              "unknown cell option '\(option)'\(suggestion(for: option, among: flags)); \(known)")
          }
          continue
        }
        let key = String(option[..<equals])
        let value = String(option[option.index(after: equals)...])
        guard settings.contains(key) else {
          report(
            "unknown cell setting '\(key)='\(suggestion(for: key, among: settings)); \(known)")
          continue
        }
        if let earlier = given[key], earlier != value {
          report("\(key)=\(earlier) and \(key)=\(value) in one cell: give one")
        }
        given[key] = value
        if key == "footer", SummaryFooterStyle(rawValue: value) == nil {
          report("footer=\(value): the summary footer must be classic or modern")
        }
      }
    }
    return diagnostics
  }

  private static let known =
    "a keras cell takes hide-code, hide-output, solution, keras=2|3 and footer=classic|modern"

  /// ` (did you mean 'solution'?)` for a word at most two edits from a known one.
  private static func suggestion(for word: String, among words: [String]) -> String {
    let best = words.map { ($0, Exercise.editDistance(Array(word.lowercased()), Array($0))) }
      .min { $0.1 < $1.1 }
    guard let best, best.1 <= 2 else { return "" }
    return " (did you mean '\(best.0)'?)"
  }
}
