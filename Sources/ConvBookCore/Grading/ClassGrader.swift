import Foundation

/// `convbook grade LESSON SUBMISSIONS_DIR`: every student's submission checked against the
/// lesson's exercises, each in its own budgeted child process (``ChildProcess``), into a CSV of
/// points and one feedback file per student with the messages `convbook check` prints.
///
/// A submission is, per student, either a folder `NAME/` holding `answers.toml` (with model files
/// beside it, named in it) or a single notebook, or a notebook `NAME.ipynb` whose cells answer
/// (see ``AnswersFile/notebook(cells:path:)``). Students are taken in name order; a submission
/// that cannot be read is a row of zeros with the reason. The same input gives the same bytes.
public struct ClassGrader {
  public var lessonPath: String
  public var submissionsDirectory: String
  /// The `convbook` executable that checks each submission (`check LESSON --answers FILE --json`).
  public var executable: URL
  public var budget: Budget

  /// What one student's check may use, enforced on its process by the kernel (``ChildProcess``):
  /// processor seconds, so that a busy machine does not fail an honest submission and the verdicts
  /// do not depend on the load, and memory. Real time is limited to four times the processor time
  /// plus 30 s, for a check that blocks without computing. (The cell interpreter's own budgets
  /// stop most hostile submissions earlier and with a better message; this outer guard covers
  /// whatever the interpreter does not count.)
  public struct Budget: Sendable, Equatable {
    /// Processor seconds.
    public var seconds: Double
    public var memoryMegabytes: Int

    public init(seconds: Double = 20, memoryMegabytes: Int = 4096) {
      self.seconds = seconds
      self.memoryMegabytes = memoryMegabytes
    }
  }

  public init(lessonPath: String, submissionsDirectory: String, executable: URL, budget: Budget) {
    self.lessonPath = lessonPath
    self.submissionsDirectory = submissionsDirectory
    self.executable = executable
    self.budget = budget
  }

  public struct Student {
    public var name: String
    /// Points per exercise, in lesson order.
    public var points: [Int]
    public var total: Int { points.reduce(0, +) }
    /// Why the submission earned nothing, when it could not be checked.
    public var reason: String?
    public var feedback: String
  }

  public struct Report {
    public var exerciseIDs: [String]
    public var maximum: [Int]
    public var students: [Student]

    /// `student,ID...,total,note`, one row per student; numbers plain, text quoted when needed.
    public var csv: String {
      var rows = [(["student"] + exerciseIDs + ["total", "note"]).map(Self.field)]
      rows.append(
        (["(maximum)"] + maximum.map(String.init) + [String(maximum.reduce(0, +)), ""]).map(
          Self.field))
      for student in students {
        rows.append(
          ([student.name] + student.points.map(String.init) + [
            String(student.total), student.reason ?? "",
          ]).map(Self.field))
      }
      return rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func field(_ text: String) -> String {
      let flat = text.replacingOccurrences(of: "\n", with: " ")
      guard flat.contains(where: { ",\"".contains($0) }) || flat != text else { return flat }
      return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
  }

  public func grade() -> Result<Report, LessonExercisesError> {
    let exercises: LessonExercises
    switch LessonExercises.load(lessonPath: lessonPath) {
    case .failure(let error): return .failure(error)
    case .success(let loaded): exercises = loaded
    }
    let ids = exercises.keys.map(\.exercise.id)
    let maximum = exercises.keys.map(\.exercise.points)
    guard
      let names = try? FileManager.default.contentsOfDirectory(atPath: submissionsDirectory)
    else {
      return .failure(
        LessonExercisesError(
          message: "cannot read the submissions folder '\(submissionsDirectory)'"))
    }
    let absoluteLesson = URL(fileURLWithPath: lessonPath).standardizedFileURL.path
    var students: [Student] = []
    for name in names.sorted() where !name.hasPrefix(".") {
      students.append(grade(entry: name, ids: ids, lesson: absoluteLesson))
    }
    return .success(Report(exerciseIDs: ids, maximum: maximum, students: students))
  }

  private func grade(entry: String, ids: [String], lesson: String) -> Student {
    let path = (submissionsDirectory as NSString).appendingPathComponent(entry)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return zero(entry, ids, "cannot read \(entry)")
    }
    let answers: String
    let student: String
    if isDirectory.boolValue {
      student = entry
      let files = (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted() ?? []
      let notebooks = files.filter { ScriptFile.isNotebook($0) }
      if files.contains("answers.toml") {
        answers = entry + "/answers.toml"
      } else if notebooks.count == 1 {
        answers = entry + "/" + notebooks[0]
      } else {
        return zero(
          student, ids,
          notebooks.isEmpty
            ? "no answers.toml and no notebook in \(entry)/"
            : "several notebooks and no answers.toml in \(entry)/ (keep one)")
      }
    } else if ScriptFile.isNotebook(entry) {
      student = String(entry.dropLast(".ipynb".count))
      answers = entry
    } else {
      return zero(entry, ids, "not a submission: give each student a folder or a .ipynb notebook")
    }
    let child = ChildProcess(
      executable: executable, arguments: ["check", lesson, "--answers", answers, "--json"],
      directory: URL(fileURLWithPath: submissionsDirectory), environment: ["NO_COLOR": "1"])
    let limits = ChildProcess.Limits(
      processorSeconds: budget.seconds, addressSpaceBytes: budget.memoryMegabytes << 20)
    switch child.run(limits: limits) {
    case .processorTimeExceeded, .wallClockExceeded:
      return zero(
        student, ids,
        "stopped after the time limit of \(Self.seconds(budget.seconds)) of processor time (an endless loop or a model too large to check?)"
      )
    case .killed(let signal, let errors):
      let detail = Self.firstLine(errors)
      return zero(
        student, ids,
        "the check was killed (signal \(signal)); over the memory limit of \(budget.memoryMegabytes) MB?"
          + (detail.isEmpty ? "" : " \(detail)"))
    case .couldNotStart(let message):
      return zero(student, ids, message)
    case .finished(let status, let output, let errors):
      guard status == 0 || status == 1,
        let root = try? JSONSerialization.jsonObject(with: output) as? [String: Any],
        let lines = root["exercises"] as? [[String: Any]]
      else {
        let reason = Self.firstLine(errors)
        return zero(
          student, ids,
          "cannot read the submission: "
            + (reason.isEmpty ? "the check failed (status \(status))" : reason),
          feedback: String(decoding: errors, as: UTF8.self))
      }
      var points: [String: Int] = [:]
      var feedback = ""
      for line in lines {
        guard let id = line["exercise"] as? String else { continue }
        if let earned = line["earned"] as? Int { points[id] = earned }
        if let message = line["message"] as? String {
          feedback += (feedback.isEmpty ? "" : "\n") + message
        }
      }
      let row = ids.map { points[$0] ?? 0 }
      feedback += "\nTotal: \(row.reduce(0, +)) points\n"
      return Student(name: student, points: row, reason: nil, feedback: feedback)
    }
  }

  private func zero(_ name: String, _ ids: [String], _ reason: String, feedback: String = "")
    -> Student
  {
    Student(
      name: name, points: ids.map { _ in 0 }, reason: reason,
      feedback: (feedback.isEmpty ? "" : feedback + "\n") + "Not graded: \(reason)\n")
  }

  private static func firstLine(_ data: Data) -> String {
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init) ?? ""
  }

  private static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
  }
}
