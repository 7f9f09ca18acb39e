import ArgumentParser
import ConvBookCore
import Foundation

struct GradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade a class: check every student's answers to a lesson's exercises.",
    discussion: """
      SUBMISSIONS_DIR holds one entry per student: a folder NAME/ with answers.toml (one \
      'exercise-id = answer' line per exercise; a design exercise names its model file, .py or \
      .ipynb, beside it) or with a single notebook, or a notebook NAME.ipynb in which a code cell \
      starting with '# convbook: ID' answers exercise ID. Each student is checked in a separate \
      process under --time-limit (processor seconds) and --memory-limit. Writes a CSV (student, points per exercise, \
      total, note) and, with --feedback, NAME.txt per student with the messages convbook check \
      prints. A submission that cannot be read gets 0 points and the reason in the note column.
      """)

  @Argument(help: "The lesson (.md or .student.md).")
  var lesson: String

  @Argument(help: "The folder of submissions, one folder or notebook per student.")
  var submissions: String

  @Option(help: "Write the CSV here instead of printing it.")
  var out: String?

  @Option(help: "Write one feedback file per student (NAME.txt) into this folder.")
  var feedback: String?

  @Option(
    parsing: .unconditional,
    help: "Processor seconds each student's check may take (real time: 4x plus 30 s).")
  var timeLimit = OptionNumber<Double>(20)

  @Option(parsing: .unconditional, help: "Megabytes of memory each student's check may use.")
  var memoryLimit = OptionNumber<Int>(4096)

  func validate() throws {
    _ = try timeLimit.value(of: "--time-limit", "a number of seconds above 0 and at most 86400") {
      $0 > 0 && $0 <= 86_400
    }
    _ = try memoryLimit.count(of: "--memory-limit", atLeast: 64, atMost: 1_048_576)
  }

  func run() throws {
    let executable =
      Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let grader = ClassGrader(
      lessonPath: lesson, submissionsDirectory: submissions, executable: executable,
      budget: .init(seconds: timeLimit.validated, memoryMegabytes: memoryLimit.validated))
    let report: ClassGrader.Report
    switch grader.grade() {
    case .failure(let error): CommandFailure.usage(error.message).exit()
    case .success(let graded): report = graded
    }
    if let feedback {
      do {
        try FileManager.default.createDirectory(
          atPath: feedback, withIntermediateDirectories: true)
        for student in report.students {
          let url = URL(fileURLWithPath: feedback).appendingPathComponent(student.name + ".txt")
          try Data(student.feedback.utf8).write(to: url, options: .atomic)
        }
      } catch {
        CommandFailure.input(
          "cannot write the feedback files into '\(feedback)': \(error.localizedDescription)"
        ).exit()
      }
    }
    if let out {
      do {
        try Data(report.csv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
      } catch {
        CommandFailure.input("cannot write '\(out)': \(error.localizedDescription)").exit()
      }
      Terminal.error(
        "Graded \(report.students.count) submission\(report.students.count == 1 ? "" : "s") into \(out)\n"
      )
    } else {
      Terminal.rawOutput(report.csv, terminator: "")
    }
  }

  private func write(_ text: String, to path: String) {
    do {
      try AtomicFileWriter.write(Array(text.utf8), to: path, inputs: [lesson])
    } catch {
      (error.isUsageError ? CommandFailure.usage : CommandFailure.input)(error.message).exit()
    }
  }
}
