import CNNEngine
import Foundation

/// Every exercise of a lesson checked at once against an answers file (`convbook check LESSON
/// --answers answers.toml`): one line per exercise, a total in points, and the full messages that
/// `convbook check` prints for each, for feedback files.
public struct AnswerSheet {
  public struct Line {
    public var id: String
    public var points: Int
    public var earned: Int
    /// `✓ id: ...`, `✗ id: ...` or `– id: no answer`.
    public var summary: String
    /// What `convbook check` prints for this exercise (empty when there is no answer).
    public var message: String
    public var json: JSONValue
  }

  public var lessonPath: String
  public var lines: [Line]
  /// The Keras the lesson ran under.
  public var kerasVersion: KerasVersion = .default

  public var earned: Int { lines.reduce(0) { $0 + $1.earned } }
  public var total: Int { lines.reduce(0) { $0 + $1.points } }
  public var allCorrect: Bool { lines.allSatisfy { $0.earned == $0.points } }

  /// Checks every exercise of `exercises` with the answers of `answers`.
  public static func check(_ exercises: LessonExercises, answers: AnswersFile) -> AnswerSheet {
    var lines: [Line] = []
    for key in exercises.keys {
      let id = key.exercise.id
      let points = key.exercise.points
      guard let entry = answers.entry(for: id) else {
        let summary = "– \(id): no answer in \(answers.path)"
        lines.append(
          Line(
            id: id, points: points, earned: 0, summary: summary, message: summary + "\n",
            json: .object([
              ("exercise", .string(id)), ("status", .string("missing")),
              ("points", .int(points)), ("earned", .int(0)), ("message", .string(summary + "\n")),
            ])))
        continue
      }
      let submission: ExerciseCheck.Submission
      if key.exercise.isDesign, let script = entry.script {
        submission = .script(script)
      } else if key.exercise.isDesign {
        let path =
          entry.text.hasPrefix("/") || answers.directory.isEmpty
          ? entry.text : (answers.directory as NSString).appendingPathComponent(entry.text)
        submission = .file(path)
      } else {
        submission = .value(entry.text)
      }
      let report = ExerciseCheck.check(key: key, submission: submission)
      let earned = report.status == .correct ? points : 0
      lines.append(
        Line(
          id: id, points: points, earned: earned, summary: report.verdictLine,
          message: report.text.hasSuffix("\n") ? report.text : report.text + "\n",
          json: .object([
            ("exercise", .string(id)), ("status", .string(report.status.rawValue)),
            ("points", .int(points)), ("earned", .int(earned)),
            ("message", .string(report.text)), ("check", report.json),
          ])))
    }
    for entry in answers.entries
    where !exercises.keys.contains(where: { $0.exercise.id == entry.id }) {
      lines.append(
        Line(
          id: entry.id, points: 0, earned: 0,
          summary:
            "? \(entry.id) (line \(entry.line)): \(exercises.lessonPath) has no such exercise",
          message: "",
          json: .object([("exercise", .string(entry.id)), ("status", .string("unknown"))])))
    }
    return AnswerSheet(
      lessonPath: exercises.lessonPath, lines: lines, kerasVersion: exercises.kerasVersion)
  }

  /// One line per exercise and the total.
  public var text: String {
    let width = lines.map { "\($0.earned)/\($0.points)".count }.max() ?? 3
    var text = ""
    for line in lines {
      let score = "\(line.earned)/\(line.points)"
      text +=
        String(repeating: " ", count: width - score.count) + score + "  " + line.summary + "\n"
    }
    let right = lines.filter { $0.points > 0 && $0.earned == $0.points }.count
    let counted = lines.filter { $0.points > 0 || $0.message != "" }.count
    text += "Total: \(earned)/\(total) points (\(right) of \(counted) exercises right)\n"
    return text
  }

  /// Every exercise's full message, then the total: a student's feedback file.
  public var feedback: String {
    lines.map { $0.message.isEmpty ? $0.summary + "\n" : $0.message }.joined(separator: "\n")
      + "\nTotal: \(earned)/\(total) points\n"
  }

  public var json: JSONValue {
    .object([
      ("keras_version", .int(kerasVersion.rawValue)),
      ("lesson", .string(lessonPath)), ("earned", .int(earned)), ("total", .int(total)),
      ("exercises", .array(lines.map(\.json))),
    ])
  }
}
