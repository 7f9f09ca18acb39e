import LessonKit

/// Everything an exercise card shows, computed by the exercise checker; ``ExerciseCardRenderer``
/// turns it into HTML without evaluating anything.
public struct ExerciseCard {
  public enum Kind: Sendable, Equatable {
    /// The student finds a value (a number, a shape, a name).
    case value
    /// The student writes a model that meets requirements.
    case design
  }

  public var identifier: String
  public var kind: Kind
  /// The prompt, parsed as Markdown.
  public var prompt: MarkdownNode
  /// The computed text of each `{keras}` expression in the prompt, by expression.
  public var inlineValues: [String: InlineValue]
  public var hints: [String]
  /// The lesson model a design exercise starts from, and the script students save and edit.
  public var starterName: String?
  public var starterCode: String?
  /// The requirements of a design exercise, as the instructor wrote them.
  public var requirements: [String]
  /// The exact command that checks an answer.
  public var checkCommand: String
  /// The student lesson file the command checks against, offered for download beside the page.
  public var studentFile: String?
  /// The sealed answer key (`v1 SALT KEY`), for the in-page check of value exercises.
  public var sealedKey: String?
  /// How to write the answer, when the kind of answer needs saying (shapes in quotes).
  public var answerNote: String?
  /// Shown only in instructors' builds (`convbook build --solutions`).
  public var solution: ExerciseSolution?

  public init(
    identifier: String, kind: Kind, prompt: MarkdownNode, inlineValues: [String: InlineValue] = [:],
    hints: [String] = [], starterName: String? = nil, starterCode: String? = nil,
    requirements: [String] = [],
    checkCommand: String, studentFile: String? = nil, sealedKey: String? = nil,
    answerNote: String? = nil,
    solution: ExerciseSolution? = nil
  ) {
    self.identifier = identifier
    self.kind = kind
    self.prompt = prompt
    self.inlineValues = inlineValues
    self.hints = hints
    self.starterName = starterName
    self.starterCode = starterCode
    self.requirements = requirements
    self.checkCommand = checkCommand
    self.studentFile = studentFile
    self.sealedKey = sealedKey
    self.answerNote = answerNote
    self.solution = solution
  }
}
