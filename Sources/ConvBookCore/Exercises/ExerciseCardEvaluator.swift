import Foundation
import KerasCells
import LessonKit
import LessonRender

/// The exercise feature as `LessonRunner` plugs it in: each exercise block is read, evaluated
/// against the session after all of the lesson's cells (``ExerciseKey``) and turned into a card;
/// every mistake of a block is a diagnostic at its lesson line, so `build` and `verify` report it.
public struct ExerciseCardEvaluator: ExerciseEvaluating {
  /// Whether cards show answers and solutions (`convbook build --solutions`).
  public let showSolutions: Bool

  public init(showSolutions: Bool = false) {
    self.showSolutions = showSolutions
  }

  public func evaluate(_ blocks: [ExerciseBlock], session: KerasSession, file: String)
    -> [(ExerciseView, [Diagnostic])]
  {
    var idLines: [String: Int] = [:]
    return blocks.map { evaluate($0, session: session, file: file, idLines: &idLines) }
  }

  private func evaluate(
    _ block: ExerciseBlock, session: KerasSession, file: String, idLines: inout [String: Int]
  ) -> (ExerciseView, [Diagnostic]) {
    let exercise: Exercise
    do {
      exercise = try Exercise(block: block)
    } catch {
      return Self.failure(
        identifier: "", [error.diagnostic(file: file, lineText: Self.line(error.line, of: block))])
    }
    if let first = idLines[exercise.id] {
      let error = ExerciseDefinitionError(
        line: exercise.idLine,
        column: Exercise.valueColumn(in: Self.line(exercise.idLine, of: block) ?? "", after: ":"),
        message:
          "exercise id '\(exercise.id)' is already used at line \(first); ids must be unique within a lesson"
      )
      return Self.failure(
        identifier: exercise.id,
        [error.diagnostic(file: file, lineText: Self.line(exercise.idLine, of: block))])
    }
    idLines[exercise.id] = exercise.idLine

    let key = ExerciseKey(evaluating: exercise, in: session, file: file)
    var diagnostics = key.diagnostics
    let prompt = LessonReader.parseMarkdown(exercise.prompt)
    var inlineValues: [String: InlineValue] = [:]
    for expression in Self.inlineExpressions(in: prompt) where inlineValues[expression] == nil {
      do {
        let value = try InlineFormat.evaluate(expression, in: session)
        inlineValues[expression] = .text(InlineFormat.text(of: value))
      } catch {
        let diagnostic = Diagnostic(
          file: file, line: exercise.promptLine, column: 1,
          message:
            "exercise '\(exercise.id)': the inline value `{keras} \(expression)` in its prompt failed: \(error)"
        )
        diagnostics.append(diagnostic)
        inlineValues[expression] = .failure(diagnostic.pageError)
      }
    }
    if !diagnostics.isEmpty { return Self.failure(identifier: exercise.id, diagnostics) }
    let card = Self.card(
      for: key, prompt: prompt, inlineValues: inlineValues, showSolution: showSolutions)
    return (ExerciseView(identifier: exercise.id, card: card), [])
  }

  /// A fresh session that has run every cell of `lesson`, as exercises see it.
  public static func sessionAfterAllCells(
    of lesson: Lesson, kerasVersion: KerasVersionSetting = .init()
  ) -> KerasSession {
    let version = KerasVersionSetting.lessonSetting(of: lesson, file: "").version
    let session = KerasSession(kerasVersion: kerasVersion.resolve(lesson: version))
    for cell in lesson.cells { session.run(cell.source) }
    return session
  }

  /// The card of an exercise whose key has no diagnostics.
  static func card(
    for key: ExerciseKey, prompt: MarkdownNode, inlineValues: [String: InlineValue],
    showSolution: Bool
  )
    -> ExerciseCard
  {
    let exercise = key.exercise
    // Cards name the student file that `convbook build` writes beside the page.
    let studentFile = StudentLesson.fileName(forLesson: key.file)
    let command = ExerciseCheck.command(
      lesson: studentFile, id: exercise.id, design: exercise.isDesign)
    switch exercise.kind {
    case .value, .sealed:
      var note: String?
      if key.sealed?.kindName == "a shape" {
        note = "Write a shape as a Python tuple in quotes, e.g. '(None, 28, 28, 1)'."
      }
      var answerExpression: String?
      if case .value(let answer, _) = exercise.kind { answerExpression = answer.text }
      let solution = ExerciseSolution(
        answer: key.expected.map(InlineFormat.text(of:)), answerExpression: answerExpression)
      return ExerciseCard(
        identifier: exercise.id, kind: .value, prompt: prompt, inlineValues: inlineValues,
        hints: exercise.hints,
        checkCommand: command, studentFile: studentFile,
        sealedKey: key.sealed.map { $0.fieldText(salt: key.salt) }, answerNote: note,
        solution: showSolution ? solution : nil)
    case .design(_, let requirements, _):
      let solution = ExerciseSolution(
        modelName: key.solution?.name, code: key.solutionCode,
        measurements: key.solutionResults.map(\.summary))
      return ExerciseCard(
        identifier: exercise.id, kind: .design, prompt: prompt, inlineValues: inlineValues,
        hints: exercise.hints,
        starterName: key.starter?.name, starterCode: key.starterCode,
        requirements: requirements.map(\.text),
        checkCommand: command, studentFile: studentFile, solution: showSolution ? solution : nil)
    }
  }

  private static func failure(identifier: String, _ diagnostics: [Diagnostic]) -> (
    ExerciseView, [Diagnostic]
  ) {
    (
      ExerciseView(identifier: identifier, error: diagnostics.first?.pageError),
      diagnostics
    )
  }

  /// The text of lesson line `line` when it lies inside the block.
  static func line(_ line: Int, of block: ExerciseBlock) -> String? {
    let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false)
    let index = line - block.contentStartLine
    return lines.indices.contains(index) ? String(lines[index]) : nil
  }

  private static func inlineExpressions(in node: MarkdownNode) -> [String] {
    var found: [String] = []
    if case .inlineExpression(let expression, _) = node.kind { found.append(expression) }
    for child in node.children { found += inlineExpressions(in: child) }
    return found
  }
}
