import CNNEngine
import Foundation
import KerasCells
import LessonKit

/// The exercises of one lesson, evaluated once after its cells: what `convbook exercises` lists,
/// what `convbook check LESSON` without an id shows, and what `check --answers` and `grade` check.
public struct LessonExercises {
  public var lessonPath: String
  /// Every exercise that could be read, in lesson order, with its key.
  public var keys: [ExerciseKey]
  /// Blocks that are not exercises a student can answer (malformed), with their diagnostics.
  public var broken: [Diagnostic]
  /// The Keras the lesson ran under (names in answers follow it).
  public var kerasVersion: KerasVersion

  /// Reads and evaluates the lesson at `lessonPath`; nil with a message when it cannot be read.
  /// `kerasVersion`: `--keras`; otherwise the lesson's own setting, then its course's.
  public static func load(lessonPath: String, kerasVersion: KerasVersionSetting = .init())
    -> Result<LessonExercises, LessonExercisesError>
  {
    let source: String
    do {
      source = try TextFile.read(lessonPath)
    } catch {
      return .failure(LessonExercisesError(message: error.message(what: "the lesson")))
    }
    let lesson = LessonReader.read(
      source: source, fileName: (lessonPath as NSString).lastPathComponent)
    return .success(
      LessonExercises(lesson: lesson, lessonPath: lessonPath, kerasVersion: kerasVersion))
  }

  public init(lesson: Lesson, lessonPath: String, kerasVersion: KerasVersionSetting = .init()) {
    self.lessonPath = lessonPath
    keys = []
    broken = []
    let session = ExerciseCardEvaluator.sessionAfterAllCells(
      of: lesson, kerasVersion: kerasVersion.withCourse(of: lessonPath))
    self.kerasVersion = session.kerasVersion
    var seen: Set<String> = []
    for block in lesson.exercises {
      do {
        let exercise = try Exercise(block: block)
        guard seen.insert(exercise.id).inserted else { continue }
        keys.append(ExerciseKey(evaluating: exercise, in: session, file: lessonPath))
      } catch {
        broken.append(
          error.diagnostic(
            file: lessonPath, lineText: ExerciseCardEvaluator.line(error.line, of: block)))
      }
    }
  }

  public var totalPoints: Int { keys.reduce(0) { $0 + $1.exercise.points } }

  /// `number`, `shape`, `text`, `tuple`, `truth value`, `None` or `design`.
  public static func kindWord(of key: ExerciseKey) -> String {
    if key.exercise.isDesign { return "design" }
    switch key.sealed?.kindName {
    case "a number": return "number"
    case "a shape": return "shape"
    case "a tuple": return "tuple"
    case "text": return "text"
    case "True or False": return "truth value"
    case "None": return "None"
    default: return "value"
    }
  }

  /// The prompt on one line, with its `{keras}` values computed.
  public static func promptLine(of key: ExerciseKey) -> String {
    var prompt = key.exercise.prompt
    while let open = prompt.range(of: "`{keras} "),
      let close = prompt.range(of: "`", range: open.upperBound..<prompt.endIndex)
    {
      let expression = String(prompt[open.upperBound..<close.lowerBound])
      let value =
        (try? InlineFormat.evaluate(expression, in: key.session)).map(InlineFormat.text(of:))
        ?? expression
      prompt.replaceSubrange(open.lowerBound..<close.upperBound, with: value)
    }
    return SealedAnswer.normalizedText(prompt)
  }

  /// The listing, for people.
  public var text: String {
    let count = keys.count
    var text =
      "Exercises of \(lessonPath) (\(count) exercise\(count == 1 ? "" : "s"), \(totalPoints) point\(totalPoints == 1 ? "" : "s")):\n"
    let width = keys.map(\.exercise.id.count).max() ?? 0
    for key in keys {
      let points = key.exercise.points
      let id = key.exercise.id.padding(toLength: width, withPad: " ", startingAt: 0)
      let kind = Self.kindWord(of: key).padding(toLength: 11, withPad: " ", startingAt: 0)
      text +=
        "  \(id)  \(kind) \(points) point\(points == 1 ? " " : "s")  \(Self.promptLine(of: key))\n"
    }
    for diagnostic in broken { text += diagnostic.formatted() }
    let lesson = ExerciseCheck.shellWord(lessonPath)
    text +=
      "Check one:  convbook check \(lesson) ID ANSWER   (a design exercise: --file model.py)\n"
    text += "Check all:  convbook check \(lesson) --answers answers.toml\n"
    return text
  }

  /// The listing for course tooling (`--json`).
  public var json: JSONValue {
    .object([
      ("keras_version", .int(kerasVersion.rawValue)),
      ("lesson", .string(lessonPath)), ("total_points", .int(totalPoints)),
      (
        "exercises",
        .array(
          keys.map { key in
            .object([
              ("id", .string(key.exercise.id)), ("kind", .string(Self.kindWord(of: key))),
              ("points", .int(key.exercise.points)), ("prompt", .string(Self.promptLine(of: key))),
              ("hints", .array(key.exercise.hints.map(JSONValue.string))),
              (
                "requirements",
                .array(key.requirements.map { .string($0.text.text) })
              ),
            ])
          })
      ),
      ("errors", .array(broken.map(\.json))),
    ])
  }
}

/// Why a lesson's exercises cannot be listed or checked: a usage error.
public struct LessonExercisesError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
