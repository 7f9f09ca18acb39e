import Foundation
import LessonKit

/// An exercise as an instructor wrote it in an ```` ```exercise ```` block, checked for shape but
/// not yet evaluated (see ``ExerciseKey`` for the answers the lesson's models give).
///
///     ```exercise
///     id: flatten-params
///     prompt: How many parameters does `flat_model` have?
///     hint: Look at the last line of its summary.
///     answer: flat_model.count_params()
///     ```
public struct Exercise: Sendable, Hashable {
  /// What the student gives back.
  public enum Kind: Sendable, Hashable {
    /// A value (number, shape, text) compared with `answer`, an expression of the cell language
    /// evaluated in the lesson's session; floats match within `tolerance` (relative).
    case value(answer: ExerciseText, tolerance: Double)
    /// A value whose key is sealed (`sealed:` in a student lesson file, see ``StudentLesson``).
    case sealed(SealedAnswer, salt: String)
    /// A model the student writes, which must meet every requirement; `solution` (and `starter`,
    /// when given) name models of the lesson. A student lesson file has no solution.
    case design(starter: ExerciseText?, requirements: [ExerciseText], solution: ExerciseText?)
  }

  public var id: String
  public var idLine: Int
  /// The lesson line of the opening fence.
  public var fenceLine: Int
  /// Markdown.
  public var prompt: String
  public var promptLine: Int
  public var hints: [String]
  public var kind: Kind
  /// What a complete answer is worth when grading (`points:`, default 1).
  public var points: Int

  /// Every key an exercise block may use.
  public static let keys = [
    "id", "prompt", "hint", "answer", "tolerance", "starter", "require", "solution", "points",
    "sealed",
  ]
  /// How far a float answer may be from the key, relative to it, unless `tolerance:` says otherwise.
  public static let defaultTolerance = 0.01

  public var isDesign: Bool {
    if case .design = kind { return true }
    return false
  }

  /// Reads and checks the fields of `block`.
  public init(block: ExerciseBlock) throws(ExerciseDefinitionError) {
    let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    func lineText(_ line: Int) -> String {
      let index = line - block.contentStartLine
      return lines.indices.contains(index) ? lines[index] : ""
    }
    let (fieldBlock, repeatedHints) = Self.separatingRepeatedHints(block)
    let fields: [ExerciseField]
    do {
      fields = try fieldBlock.parseFields()
    } catch {
      throw ExerciseDefinitionError(
        line: error.line, message: "malformed exercise block: \(error.message)")
    }
    var byKey: [String: ExerciseField] = [:]
    for field in fields {
      guard Self.keys.contains(field.key) else {
        var message = "unknown field '\(field.key)' in an exercise block"
        if let suggestion = Self.closestKey(to: field.key) {
          message += " (did you mean '\(suggestion)'?)"
        }
        message += "; the fields are " + Self.keys.joined(separator: ", ")
        throw ExerciseDefinitionError(line: field.line, message: message)
      }
      byKey[field.key] = field
    }

    func single(_ key: String) throws(ExerciseDefinitionError) -> ExerciseText? {
      guard let field = byKey[key] else { return nil }
      guard let text = field.text else {
        throw ExerciseDefinitionError(
          line: field.line,
          message: "'\(key):' takes one value on its own line ('\(key): ...'), not a list")
      }
      let source = lineText(field.line)
      return ExerciseText(
        text: text, line: field.line, column: Self.valueColumn(in: source, after: ":"),
        lineText: source)
    }
    func list(_ key: String) -> [ExerciseText]? {
      guard let field = byKey[key] else { return nil }
      if let items = field.items {
        return items.map { item in
          let source = lineText(item.line)
          return ExerciseText(
            text: item.text, line: item.line, column: Self.valueColumn(in: source, after: "-"),
            lineText: source)
        }
      }
      let source = lineText(field.line)
      return [
        ExerciseText(
          text: field.text ?? "", line: field.line,
          column: Self.valueColumn(in: source, after: ":"),
          lineText: source)
      ]
    }

    guard let idText = try single("id") else {
      throw ExerciseDefinitionError(
        line: block.fenceLine,
        message:
          "this exercise has no id: add a line 'id: some-name' (unique within the lesson), which students type to check their answer"
      )
    }
    guard !idText.text.isEmpty,
      idText.text.allSatisfy({
        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
      })
    else {
      throw ExerciseDefinitionError(
        line: idText.line, column: idText.column,
        message:
          "exercise id '\(idText.text)' must be letters, digits, '-' and '_' only, so that students can type it in a shell"
      )
    }
    id = idText.text
    idLine = idText.line
    fenceLine = block.fenceLine

    if let promptItems = list("prompt"), byKey["prompt"]?.items != nil {
      prompt = promptItems.map { "- " + $0.text }.joined(separator: "\n")
      promptLine = byKey["prompt"]?.line ?? block.fenceLine
    } else if let promptText = try single("prompt") {
      prompt = promptText.text
      promptLine = promptText.line
    } else {
      // A card without a prompt still shows its starter, requirements and check command.
      prompt = ""
      promptLine = block.fenceLine
    }
    hints = repeatedHints + (list("hint") ?? []).map(\.text)

    let answer = try single("answer")
    let sealedText = try single("sealed")
    let toleranceText = try single("tolerance")
    let starter = try single("starter")
    let solution = try single("solution")
    let requirements = list("require")
    let designKeys = ["starter", "require", "solution"].compactMap { byKey[$0] }
    points = 1
    if let pointsText = try single("points") {
      guard let given = Int(pointsText.text), given >= 0, given <= 1000 else {
        throw ExerciseDefinitionError(
          line: pointsText.line, column: pointsText.column,
          message:
            "'points:' must be a whole number from 0 to 1000, not '\(pointsText.text)'")
      }
      points = given
    }
    if let sealedText, answer != nil || solution != nil {
      throw ExerciseDefinitionError(
        line: sealedText.line,
        message:
          "exercise '\(id)' has both 'sealed:' (a student file's hidden key) and '\(answer != nil ? "answer" : "solution"):'; keep one"
      )
    }
    if let sealedText, designKeys.isEmpty {
      guard let (key, salt) = SealedAnswer.parse(fieldText: sealedText.text) else {
        throw ExerciseDefinitionError(
          line: sealedText.line, column: sealedText.column,
          message:
            "'sealed:' of exercise '\(id)' is not a sealed answer key written by convbook build (was the line edited?)"
        )
      }
      kind = .sealed(key, salt: salt)
    } else if let answer {
      if let first = designKeys.min(by: { $0.line < $1.line }) {
        throw ExerciseDefinitionError(
          line: first.line,
          message:
            "exercise '\(id)' has both 'answer:' (the student gives a value) and '\(first.key):' (the student designs a model); keep one kind per exercise"
        )
      }
      var tolerance = Self.defaultTolerance
      if let toleranceText {
        guard let given = Double(toleranceText.text), given >= 0, given.isFinite else {
          throw ExerciseDefinitionError(
            line: toleranceText.line, column: toleranceText.column,
            message:
              "'tolerance:' must be a number such as 0.01 (1% of the answer), not '\(toleranceText.text)'"
          )
        }
        tolerance = given
      }
      kind = .value(answer: answer, tolerance: tolerance)
    } else if !designKeys.isEmpty {
      if let toleranceText {
        throw ExerciseDefinitionError(
          line: toleranceText.line,
          message: "'tolerance:' applies to value answers; exercise '\(id)' is a design exercise")
      }
      guard let requirements, !requirements.isEmpty else {
        throw ExerciseDefinitionError(
          line: block.fenceLine,
          message:
            "design exercise '\(id)' needs 'require:' followed by '- condition' lines over `model`, e.g. '- model.count_params() < 50000'"
        )
      }
      // A student file says `sealed: design` where the instructor's lesson names its solution.
      guard solution != nil || sealedText?.text == "design" else {
        throw ExerciseDefinitionError(
          line: block.fenceLine,
          message:
            "design exercise '\(id)' needs 'solution:' naming a model of the lesson that meets its requirements"
        )
      }
      kind = .design(starter: starter, requirements: requirements, solution: solution)
    } else {
      throw ExerciseDefinitionError(
        line: block.fenceLine,
        message:
          "exercise '\(id)' has neither 'answer:' (a value to find) nor 'require:' and 'solution:' (a model to design)"
      )
    }
  }

  /// `hint:` written on several lines, one hint each, as instructors naturally do: those lines
  /// (and their indented continuations) are taken out, blanked so that line numbers stay, and
  /// their hints returned in order. Only done for two or more, since one is an ordinary field.
  static func separatingRepeatedHints(_ block: ExerciseBlock) -> (ExerciseBlock, [String]) {
    var lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let hintLines = lines.indices.filter {
      lines[$0].hasPrefix("hint:") && !valueText(lines[$0]).isEmpty
    }
    guard hintLines.count > 1 else { return (block, []) }
    var hints: [String] = []
    for start in hintLines {
      var hint = valueText(lines[start])
      lines[start] = ""
      var next = start + 1
      while next < lines.count, let first = lines[next].first, first == " " || first == "\t",
        !lines[next].trimmingCharacters(in: .whitespaces).hasPrefix("- ")
      {
        hint += " " + lines[next].trimmingCharacters(in: .whitespaces)
        lines[next] = ""
        next += 1
      }
      hints.append(hint)
    }
    var stripped = block
    stripped.text = lines.joined(separator: "\n")
    return (stripped, hints)
  }

  /// What follows `key:` on a field line, trimmed.
  private static func valueText(_ line: String) -> String {
    guard let colon = line.firstIndex(of: ":") else { return "" }
    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
  }

  /// The column where the value starts: after the first `marker` and the blanks that follow it.
  static func valueColumn(in line: String, after marker: Character) -> Int {
    let characters = Array(line)
    guard var index = characters.firstIndex(of: marker) else { return 1 }
    index += 1
    while index < characters.count, characters[index] == " " || characters[index] == "\t" {
      index += 1
    }
    return index + 1
  }

  /// The known key a misspelt one most likely meant (at most two edits away).
  static func closestKey(to key: String) -> String? {
    let lowered = key.lowercased()
    if lowered == "hints" { return "hint" }
    if lowered == "requires" || lowered == "requirements" { return "require" }
    let best = keys.map { ($0, editDistance(Array(lowered), Array($0))) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= 2 else { return nil }
    return best.0
  }

  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
