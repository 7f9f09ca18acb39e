import ArgumentParser
import ConvBookCore
import Foundation

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check your answer to an exercise of a lesson.",
    discussion: """
      For a value exercise give the answer after the id: a number (11574090, 11,574,090 or \
      11_574_090), a shape as a Python tuple in quotes ('(None, 53, 53, 64)') or a name. For a \
      design exercise write your model in a Keras script or notebook, assigned to a variable named \
      model, and give it with --file. Without an id, lists the lesson's exercises; with --answers \
      FILE, checks every exercise at once (one 'id = answer' line each, TOML). Exits with 0 when \
      the answers are right, 1 when one is not (including a model file that fails), 2 for usage \
      errors such as an unknown exercise id.
      """)

  @Argument(help: "The lesson (.md) the exercise belongs to.")
  var lesson: String

  @Argument(help: "The exercise id, as the exercise card shows it (without it: the list).")
  var id: String?

  // Unrecognized words rather than plain arguments, so that a negative number is an answer, not an option.
  @Argument(parsing: .allUnrecognized, help: "Your answer, for a value exercise.")
  var answer: [String] = []

  @Option(help: "Your model file (.py or .ipynb), for a design exercise.")
  var file: String?

  @Option(help: "An answers file (answers.toml) answering every exercise at once.")
  var answers: String?

  @Flag(help: "Print JSON instead of text, for course tooling.")
  var json = false

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    if let answers {
      guard id == nil, file == nil else {
        CommandFailure.usage("give either --answers FILE or an exercise id, not both").exit()
      }
      try checkAll(answers)
      return
    }
    guard let id else {
      switch LessonExercises.load(lessonPath: lesson, kerasVersion: keras.setting) {
      case .failure(let error): CommandFailure.usage(error.message).exit()
      case .success(let exercises):
        Terminal.rawOutput(
          json ? exercises.json.serialized(pretty: true) : exercises.text,
          terminator: json ? "\n" : "")
        return
      }
    }
    let typed = answer.joined(separator: " ")
    let submission: ExerciseCheck.Submission
    switch (file, typed.isEmpty) {
    case (let path?, true): submission = .file(path)
    case (nil, false): submission = .value(typed)
    case (.some, false):
      CommandFailure.usage("give either an ANSWER or --file MODEL.py, not both").exit()
    case (nil, true):
      CommandFailure.usage(
        "give your ANSWER after the exercise id, or --file MODEL.py for a design exercise"
      ).exit()
    }
    let report = ExerciseCheck.check(
      lessonPath: lesson, exerciseID: id, submission: submission, kerasVersion: keras.setting)
    if json {
      Terminal.output(report.json.serialized(pretty: true))
    } else if report.status == .usageError {
      Terminal.error("convbook: \(report.text)" + (report.text.hasSuffix("\n") ? "" : "\n"))
    } else {
      Terminal.output(report.text, terminator: "")
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }

  private func checkAll(_ answersPath: String) throws {
    let exercises: LessonExercises
    switch LessonExercises.load(lessonPath: lesson, kerasVersion: keras.setting) {
    case .failure(let error): CommandFailure.usage(error.message).exit()
    case .success(let loaded): exercises = loaded
    }
    let answers: AnswersFile
    switch AnswersFile.load(path: answersPath) {
    case .failure(let diagnostic):
      Terminal.printDiagnostics([diagnostic])
      throw ExitCode(diagnostic.line == 0 ? 2 : 1)
    case .success(let loaded): answers = loaded
    }
    let sheet = AnswerSheet.check(exercises, answers: answers)
    Terminal.rawOutput(
      json ? sheet.json.serialized(pretty: true) : sheet.text, terminator: json ? "\n" : "")
    if !sheet.allCorrect || sheet.lines.contains(where: { $0.points == 0 && $0.message.isEmpty }) {
      throw ExitCode(1)
    }
  }
}
