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
      design exercise write your model in a Keras script, assigned to a variable named model, and \
      give it with --file. Exits with 0 when the answer is right, 1 when it is not (including a \
      model file that fails), 2 for usage errors such as an unknown exercise id.
      """)

  @Argument(help: "The lesson (.md) the exercise belongs to.")
  var lesson: String

  @Argument(help: "The exercise id, as the exercise card shows it.")
  var id: String

  // Unrecognized words rather than plain arguments, so that a negative number is an answer, not an option.
  @Argument(parsing: .allUnrecognized, help: "Your answer, for a value exercise.")
  var answer: [String] = []

  @Option(help: "Your model file, for a design exercise.")
  var file: String?

  @Flag(help: "Print JSON instead of text, for course tooling.")
  var json = false

  func run() throws {
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
    let report = ExerciseCheck.check(lessonPath: lesson, exerciseID: id, submission: submission)
    if json {
      Terminal.output(report.json.serialized(pretty: true))
    } else if report.status == .usageError {
      Terminal.error("convbook: \(report.text)" + (report.text.hasSuffix("\n") ? "" : "\n"))
    } else {
      Terminal.output(report.text, terminator: "")
    }
    if report.exitCode != 0 { throw ExitCode(report.exitCode) }
  }
}
