import CNNEngine
import Foundation
import KerasCells
import LessonKit

/// `convbook check LESSON ID ANSWER` and `convbook check LESSON ID --file MODEL.py`: the lesson's
/// cells run as in a notebook, the exercise is evaluated after them, and the student's answer is
/// compared with its key. The feedback is concrete and never gives the answer away: after
/// a wrong value it shows the exercise's hints; for a model, every requirement with what was measured.
public enum ExerciseCheck {
  /// What the student hands in.
  public enum Submission {
    /// A value as typed on the command line.
    case value(String)
    /// A model file (`.py` or `.ipynb`), by path.
    case file(String)
    /// A script already read, e.g. the cells of a notebook that answers several exercises.
    case script(ScriptFile)
  }

  /// `kerasVersion`: `--keras`; otherwise the lesson's own setting decides (names in answers follow it).
  public static func check(
    lessonPath: String, exerciseID: String, submission: Submission,
    kerasVersion: KerasVersionSetting = .init()
  )
    -> ExerciseCheckReport
  {
    let source: String
    do {
      source = try TextFile.read(lessonPath)
    } catch {
      return .usage(
        error.message(what: "the lesson"),
        lesson: lessonPath, exercise: exerciseID)
    }
    let lesson = LessonReader.read(
      source: source, fileName: (lessonPath as NSString).lastPathComponent)
    return check(
      lesson: lesson, lessonPath: lessonPath, exerciseID: exerciseID, submission: submission,
      kerasVersion: kerasVersion)
  }

  /// The report's JSON says which Keras the lesson ran under (`keras_version`).
  public static func check(
    lesson: Lesson, lessonPath: String, exerciseID: String, submission: Submission,
    kerasVersion: KerasVersionSetting = .init()
  )
    -> ExerciseCheckReport
  {
    let setting = kerasVersion.withCourse(of: lessonPath)
    var report = checkInLesson(
      lesson: lesson, lessonPath: lessonPath, exerciseID: exerciseID, submission: submission,
      kerasVersion: setting)
    report.json = report.json.taggedWithKerasVersion(
      setting.resolve(lesson: KerasVersionSetting.lessonSetting(of: lesson, file: "").version))
    return report
  }

  private static func checkInLesson(
    lesson: Lesson, lessonPath: String, exerciseID: String, submission: Submission,
    kerasVersion: KerasVersionSetting
  )
    -> ExerciseCheckReport
  {
    // Find the exercise among the lesson's blocks, reading the id of broken blocks too so that a
    // student who names one learns that the exercise itself is broken.
    var ids: [String] = []
    var target: Exercise?
    for exerciseBlock in lesson.exercises {
      do {
        let exercise = try Exercise(block: exerciseBlock)
        ids.append(exercise.id)
        if exercise.id == exerciseID, target == nil { target = exercise }
      } catch {
        let id = (try? exerciseBlock.parseFields())?.first { $0.key == "id" }?.text
        if let id { ids.append(id) }
        if id == exerciseID, target == nil {
          let diagnostic = error.diagnostic(
            file: lessonPath, lineText: ExerciseCardEvaluator.line(error.line, of: exerciseBlock))
          return brokenExercise(exerciseID, lessonPath: lessonPath, [diagnostic])
        }
      }
    }
    guard let target else {
      let message =
        ids.isEmpty
        ? "\(lessonPath) has no exercises"
        : "no exercise '\(exerciseID)' in \(lessonPath); its exercises are: "
          + ids.joined(separator: ", ")
      return .usage(
        message, lesson: lessonPath, exercise: exerciseID,
        extra: [("exercises", .array(ids.map(JSONValue.string)))])
    }

    let session = ExerciseCardEvaluator.sessionAfterAllCells(of: lesson, kerasVersion: kerasVersion)
    let key = ExerciseKey(evaluating: target, in: session, file: lessonPath)
    return check(key: key, submission: submission)
  }

  /// Checks `submission` against an evaluated key (its lesson already run).
  public static func check(key: ExerciseKey, submission: Submission) -> ExerciseCheckReport {
    let target = key.exercise
    let exerciseID = target.id
    let lessonPath = key.file
    if !key.diagnostics.isEmpty {
      return brokenExercise(exerciseID, lessonPath: lessonPath, key.diagnostics)
    }

    switch (target.kind, submission) {
    case (.value, .value(let typed)), (.sealed, .value(let typed)):
      return checkValue(typed, key: key)
    case (.design, .file(let path)):
      return checkDesign(ScriptFile.load(path: path), path: path, key: key)
    case (.design, .script(let script)):
      return checkDesign(.success(script), path: script.path, key: key)
    case (.value, .file), (.sealed, .file), (.value, .script), (.sealed, .script):
      return .usage(
        "'\(exerciseID)' asks for a value, not a model file; check it with: "
          + command(lesson: lessonPath, id: exerciseID, design: false),
        lesson: lessonPath, exercise: exerciseID)
    case (.design, .value):
      return .usage(
        "'\(exerciseID)' asks you to design a model: write it in a file (assigned to a variable named model) and check it with: "
          + command(lesson: lessonPath, id: exerciseID, design: true),
        lesson: lessonPath, exercise: exerciseID)
    }
  }

  /// The command that checks an answer to exercise `id`, as cards and messages show it.
  public static func command(lesson: String, id: String, design: Bool, file: String = "model.py")
    -> String
  {
    "convbook check \(shellWord(lesson)) \(shellWord(id)) "
      + (design ? "--file \(shellWord(file))" : "ANSWER")
  }

  // MARK: Value exercises

  private static func checkValue(_ typed: String, key: ExerciseKey) -> ExerciseCheckReport {
    let exercise = key.exercise
    let answer = StudentAnswer(typed)
    let sealed = key.sealed ?? .none
    let verdict = sealed.compare(answer.value, salt: key.salt)
    let shown = display(answer.value)
    var text: String
    var feedback: [String] = []
    if verdict.isCorrect {
      text = "✓ \(exercise.id): \(shown) is right. Well done!\n"
    } else {
      text = "✗ \(exercise.id): not quite — \(shown) is not the answer.\n"
      if case .incorrect(let reason?) = verdict {
        feedback.append(reason)
        text += "  \(reason)\n"
      }
      text += hintLines(exercise.hints)
      text += "Try again: \(command(lesson: key.file, id: exercise.id, design: false))\n"
    }
    let json = JSONValue.object([
      ("lesson", .string(key.file)), ("exercise", .string(exercise.id)), ("kind", .string("value")),
      ("status", .string(verdict.isCorrect ? "correct" : "incorrect")),
      ("correct", .bool(verdict.isCorrect)),
      ("answer", .string(answer.text)), ("read_as", .string(shown)),
      ("expects", .string(sealed.kindName)),
      ("feedback", .array(feedback.map(JSONValue.string))),
      ("hints", .array(verdict.isCorrect ? [] : exercise.hints.map(JSONValue.string))),
    ])
    return ExerciseCheckReport(
      status: verdict.isCorrect ? .correct : .incorrect, text: text, json: json)
  }

  // MARK: Design exercises

  private static func checkDesign(
    _ loaded: Result<ScriptFile, ScriptFileError>, path: String, key: ExerciseKey
  ) -> ExerciseCheckReport {
    let exercise = key.exercise
    var fields: [(String, JSONValue)] = [
      ("lesson", .string(key.file)), ("exercise", .string(exercise.id)),
      ("kind", .string("design")),
      ("file", .string(path)),
    ]
    let again =
      "Try again: " + command(lesson: key.file, id: exercise.id, design: true, file: path) + "\n"
    // Before the model can be measured the hints (about the design) would not help; what to fix does.
    func incorrect(_ text: String, errors: [Diagnostic] = []) -> ExerciseCheckReport {
      fields += [
        ("status", .string("incorrect")), ("correct", .bool(false)), ("model", .null),
        ("requirements", .array([])),
        ("feedback", .array([])), ("hints", .array([])), ("errors", .array(errors.map(\.json))),
      ]
      return ExerciseCheckReport(status: .incorrect, text: text + again, json: .object(fields))
    }
    let variable: String
    let model: KerasModel
    let script: ScriptFile
    switch loaded {
    case .failure(let error) where error.isMissing:
      return .usage(error.message(what: "the model file"), lesson: key.file, exercise: exercise.id)
    case .failure(let error):
      return incorrect("✗ \(exercise.id): \(error.message(what: "the model file"))\n")
    case .success(let read): script = read
    }
    // A notebook's skipped IPython lines are noted first, so that nothing is dropped silently.
    let notes = script.notes.map { "Note: \(TerminalText.escaped($0))\n" }.joined()
    switch StudentModelFile.run(script, kerasVersion: key.session.kerasVersion) {
    case .unreadable(let error):
      return incorrect("✗ \(exercise.id): \(error.message(what: "the model file"))\n")
    case .failed(let diagnostic):
      return incorrect(
        notes + diagnostic.formatted()
          + "✗ \(exercise.id): \(path) stopped with an error before its model could be measured. Fix the line shown above and check again.\n",
        errors: [diagnostic])
    case .noModel(let message):
      return incorrect(notes + "✗ \(exercise.id): \(message)\n")
    case .model(let name, let found):
      variable = name
      model = found
    }

    let results = key.results(for: model)
    let met = results.filter(\.isMet).count
    let correct = met == results.count
    var text =
      notes
      + "Checking \(TerminalText.escaped(path)) (variable \(variable), model \"\(TerminalText.escaped(model.name))\") for \(exercise.id):\n"
    for result in results { text += "  \(result.isMet ? "✓" : "✗") \(result.summary)\n" }
    var feedback: [String] = []
    if !model.isBuilt {
      let note =
        "Your model has no input shape yet, so most things cannot be measured: start it with keras.Input(shape=...)."
      feedback.append(note)
      text += "  Note: \(note)\n"
    }
    if correct {
      text +=
        "✓ \(exercise.id): your model meets all \(results.count) requirement\(results.count == 1 ? "" : "s"). Well done!\n"
    } else {
      text += "✗ \(exercise.id): \(met) of \(results.count) requirements met.\n"
      text += hintLines(exercise.hints) + again
    }
    fields += [
      ("status", .string(correct ? "correct" : "incorrect")), ("correct", .bool(correct)),
      ("model", .object([("variable", .string(variable)), ("name", .string(model.name))])),
      ("requirements", .array(results.map(json))),
      ("feedback", .array(feedback.map(JSONValue.string))),
      ("hints", .array(correct ? [] : exercise.hints.map(JSONValue.string))),
      ("errors", .array([])),
    ]
    return ExerciseCheckReport(
      status: correct ? .correct : .incorrect, text: text, json: .object(fields))
  }

  private static func json(_ result: RequirementResult) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("requirement", .string(result.requirement)), ("line", .int(result.line)),
      ("met", .bool(result.isMet)),
      ("measured", result.measured.map(JSONValue.string) ?? .null),
      ("summary", .string(result.summary)),
    ]
    switch result.status {
    case .failed(let message), .notBoolean(let message): fields.append(("error", .string(message)))
    case .met, .unmet: fields.append(("error", .null))
    }
    return .object(fields)
  }

  // MARK: Text

  private static func brokenExercise(_ id: String, lessonPath: String, _ diagnostics: [Diagnostic])
    -> ExerciseCheckReport
  {
    let message =
      "exercise '\(id)' of \(lessonPath) cannot be checked: the exercise itself has an error (please tell your instructor)\n"
      + diagnostics.map { $0.formatted() }.joined()
    return .usage(
      message, lesson: lessonPath, exercise: id,
      extra: [("errors", .array(diagnostics.map(\.json)))])
  }

  private static func hintLines(_ hints: [String]) -> String {
    hints.map { "  Hint: \($0)\n" }.joined()
  }

  /// How the answer was read, formatted as the lesson formats values (`11,574,090`, `'flatten'`).
  private static func display(_ value: Value) -> String {
    if case .string = value { return PythonValueText.repr(value) }
    return InlineFormat.text(of: value)
  }

  /// `word`, quoted for a POSIX shell when it needs to be.
  static func shellWord(_ word: String) -> String {
    let safe = word.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0))
    }
    if safe && !word.isEmpty { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
