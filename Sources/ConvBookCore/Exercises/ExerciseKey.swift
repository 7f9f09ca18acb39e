import CNNEngine
import KerasCells

/// An exercise evaluated in its lesson's session after the lesson's cells: the answer the
/// lesson's models give, or for a design exercise its solution and starter measured against its
/// requirements. Its diagnostics are the mistakes of the exercise itself, which `convbook verify`
/// and `convbook build` report at their lesson lines.
public struct ExerciseKey {
  /// A model an exercise names (`solution: gap_model`), with the name as written.
  public struct NamedModel {
    public var name: String
    public var model: KerasModel
  }

  /// A requirement with its parsed expression.
  public struct Requirement {
    public var text: ExerciseText
    public var expression: Expression
  }

  public var exercise: Exercise
  public var file: String
  /// The session the exercise was evaluated in (requirements over a student's model run there too,
  /// so they may mention the lesson's models).
  public let session: KerasSession
  /// Value exercises: the value of `answer` (nil in a student file, whose key is sealed).
  public var expected: Value?
  /// Value exercises: the key every answer is checked against, and its salt.
  public var sealed: SealedAnswer?
  public var salt: String = ""
  /// Design exercises.
  public var requirements: [Requirement] = []
  public var solution: NamedModel?
  public var starter: NamedModel?
  /// The starter as the standalone script students start from.
  public var starterCode: String?
  /// The solution as a script, for instructors' pages.
  public var solutionCode: String?
  public var solutionResults: [RequirementResult] = []
  public var starterResults: [RequirementResult] = []
  public var diagnostics: [Diagnostic] = []

  /// Evaluates `exercise` in `session` (the lesson's, after its cells).
  public init(evaluating exercise: Exercise, in session: KerasSession, file: String) {
    self.exercise = exercise
    self.file = file
    self.session = session
    switch exercise.kind {
    case .value(let answer, let tolerance):
      evaluateAnswer(answer)
      salt = SealedAnswer.salt(forExercise: exercise.id)
      sealed = expected.map { SealedAnswer.seal($0, tolerance: tolerance, salt: salt) }
    case .sealed(let key, let keySalt):
      sealed = key
      salt = keySalt
    case .design(let starterText, let requirementTexts, let solutionText):
      for text in requirementTexts {
        do {
          requirements.append(
            Requirement(text: text, expression: try KerasSession.parseExpression(text.text)))
        } catch {
          report(error, in: text, doing: "requirement `\(text.text)` is not a valid expression")
        }
      }
      if let solutionText { solution = resolveModel(solutionText, role: "solution") }
      if let starterText { starter = resolveModel(starterText, role: "starter") }
      guard diagnostics.isEmpty else { return }
      checkSolution()
      if let starter, let starterText { checkStarter(starter, text: starterText) }
      if let solution { solutionCode = StarterCode.script(for: solution.model) }
    }
  }

  /// Every requirement measured on `model`.
  public func results(for model: KerasModel) -> [RequirementResult] {
    requirements.map {
      RequirementEvaluator.evaluate($0.text, parsed: $0.expression, on: model, in: session)
    }
  }

  // MARK: Value exercises

  private mutating func evaluateAnswer(_ answer: ExerciseText) {
    let value: Value
    do {
      value = try session.evaluate(
        try KerasSession.parseExpression(answer.text), extraNames: ExerciseHelpers.names)
    } catch {
      report(error, in: answer, doing: "answer `\(answer.text)` failed")
      return
    }
    if case .bigInt = value {
      // Students type answers as 64-bit integers (`StudentAnswer`, answers.toml); hostile batch8.
      diagnostics.append(
        diagnostic(
          at: answer,
          "answer `\(answer.text)` gives \(PythonValueText.repr(value)), an integer larger than 64 bits, which ConvBook does not take as an answer yet"
        ))
      return
    }
    guard Self.isTypeable(value) else {
      diagnostics.append(
        diagnostic(
          at: answer,
          "answer `\(answer.text)` gives \(AnswerComparison.kindName(of: value)), which a student cannot type; an answer must be a number, a shape or text (e.g. `\(answer.text).count_params()`)"
        ))
      return
    }
    expected = value
  }

  /// Numbers, shapes, text, truth values and None: what `StudentAnswer` can read back.
  static func isTypeable(_ value: Value) -> Bool {
    switch value {
    case .none, .bool, .int, .float, .string: return true
    case .tuple, .list: return value.sequenceItems!.allSatisfy(isTypeable)
    default: return false
    }
  }

  // MARK: Design exercises

  private mutating func resolveModel(_ text: ExerciseText, role: String) -> NamedModel? {
    if let model = session.model(named: text.text) {
      return NamedModel(name: text.text, model: model)
    }
    if let expression = try? KerasSession.parseExpression(text.text),
      case .model(let model)? = try? session.evaluate(expression)
    {
      return NamedModel(name: text.text, model: model)
    }
    var seen: Set<String> = []
    let available = session.definedModels.map(\.variable).filter { seen.insert($0).inserted }
    let list =
      available.isEmpty
      ? "no model is defined above this exercise"
      : "models defined above it: " + available.joined(separator: ", ")
    diagnostics.append(
      diagnostic(at: text, "\(role) '\(text.text)' is not a model of this lesson (\(list))"))
    return nil
  }

  private mutating func checkSolution() {
    guard let solution else { return }
    solutionResults = results(for: solution.model)
    for (requirement, result) in zip(requirements, solutionResults) {
      switch result.status {
      case .met: break
      case .notBoolean(let description):
        diagnostics.append(
          diagnostic(
            at: requirement.text,
            "requirement `\(requirement.text.text)` is not a condition: on the solution \(solution.name) it gives \(description), not True or False; write a comparison such as `model.count_params() < 50000`"
          ))
      case .failed(let message):
        diagnostics.append(
          diagnostic(
            at: requirement.text,
            "requirement `\(requirement.text.text)` fails on the solution \(solution.name): \(message)"
          ))
      case .unmet:
        diagnostics.append(
          diagnostic(
            at: requirement.text,
            "the solution \(solution.name) does not meet its requirement `\(requirement.text.text)` (\(result.summary))"
          ))
      }
    }
  }

  private mutating func checkStarter(_ starter: NamedModel, text: ExerciseText) {
    starterResults = results(for: starter.model)
    if !starterResults.isEmpty, starterResults.allSatisfy(\.isMet) {
      diagnostics.append(
        diagnostic(
          at: text,
          "the starter \(starter.name) already meets every requirement, so there is nothing to design; tighten the requirements or start from another model"
        ))
    }
    guard let code = StarterCode.script(for: starter.model) else {
      diagnostics.append(
        diagnostic(
          at: text,
          "ConvBook cannot write the starter \(starter.name) back as a Keras script (one of its layers has an argument it cannot spell); start from another model"
        ))
      return
    }
    if let mismatch = Self.rebuildMismatch(code, original: starter.model) {
      diagnostics.append(
        diagnostic(
          at: text,
          "the starter script ConvBook wrote for \(starter.name) does not rebuild it (\(mismatch)); please report this as a ConvBook bug"
        ))
      return
    }
    starterCode = code
  }

  /// Why running `code` in a fresh session does not give a model like `original`, or nil when it does.
  static func rebuildMismatch(_ code: String, original: KerasModel) -> String? {
    let session = KerasSession()
    if let error = session.run(code).error { return error.description }
    guard case .model(let rebuilt)? = session.globals["model"] else { return "it binds no model" }
    if rebuilt.layers.map(\.className) != original.layers.map(\.className) { return "other layers" }
    if rebuilt.outputShape != original.outputShape { return "another output shape" }
    if (try? rebuilt.countParams()) != (try? original.countParams()) {
      return "another parameter count"
    }
    return nil
  }

  // MARK: Diagnostics

  private func diagnostic(at text: ExerciseText, _ message: String) -> Diagnostic {
    ExerciseDefinitionError(
      line: text.line, column: text.column, message: "exercise '\(exercise.id)': \(message)"
    )
    .diagnostic(file: file, lineText: text.lineText)
  }

  /// An error raised inside `text`, pointed at within the lesson line when the text sits on it.
  private mutating func report(_ error: CellError, in text: ExerciseText, doing what: String) {
    let message = "exercise '\(exercise.id)': \(what): \(error.description)"
    let start = error.range.start
    let firstLine = text.text.prefix { $0 != "\n" }
    let onLessonLine =
      start.line == 1 && start.column - 1 <= firstLine.count
      && text.lineText.dropFirst(text.column - 1).hasPrefix(firstLine)
    let excerptSource = onLessonLine ? text.lineText : text.text
    let offset = onLessonLine ? text.column - 1 : 0
    let range = error.range
    let width =
      range.end.line == range.start.line && range.end.column > range.start.column
      ? range.end.column - range.start.column : 1
    let column = offset + max(start.column, 1)
    let indentation = String(excerptSource.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
    diagnostics.append(
      Diagnostic(
        file: file, line: text.line, column: onLessonLine ? column : text.column, message: message,
        excerpt: (excerptSource, indentation + String(repeating: "^", count: width))))
  }
}
