import ArgumentParser
import ConvBookCore
import Foundation

struct ExercisesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exercises",
    abstract: "List the exercises of a lesson: ids, kinds, points and prompts.",
    discussion: "Works on an instructor's lesson and on the student file (.student.md) alike.")

  @Argument(help: "The lesson (.md or .student.md).")
  var lesson: String

  @Flag(help: "Print JSON instead of text, for course tooling.")
  var json = false

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    switch LessonExercises.load(lessonPath: lesson, kerasVersion: keras.setting) {
    case .failure(let error): CommandFailure.usage(error.message).exit()
    case .success(let exercises):
      Terminal.rawOutput(
        json ? exercises.json.serialized(pretty: true) : exercises.text,
        terminator: json ? "\n" : "")
      if !exercises.broken.isEmpty { throw ExitCode(1) }
    }
  }
}
