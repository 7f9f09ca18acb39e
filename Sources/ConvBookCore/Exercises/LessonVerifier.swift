import Foundation
import KerasCells
import LessonKit
import LessonRender

/// `convbook verify [LESSONS]`: runs every lesson as `build` does, without writing a site, and
/// fails on anything a student would trip over: a failing cell, inline value or figure, a malformed
/// exercise block, repeated exercise ids, an answer that does not evaluate, a requirement that is
/// not a condition, a solution that misses its own requirements or a starter that already meets them.
public struct LessonVerifier {
  public var runner: LessonRunner

  /// `runner` as the CLI wires it (figures included); its exercise evaluator is replaced by a fresh
  /// student-build one, since verifying is about exercises above all.
  public init(runner: LessonRunner = LessonRunner()) {
    self.runner = runner
  }

  /// What verifying one lesson found.
  public struct Outcome {
    public var sourceFile: String
    public var cellCount: Int
    public var inlineValueCount: Int
    public var exerciseCount: Int
    public var designExerciseCount: Int
    public var diagnostics: [Diagnostic]

    public var passed: Bool { diagnostics.isEmpty }

    /// `Lessons/01-intro.md: ok (6 cells, 9 inline values, 3 exercises: 2 value, 1 design)`.
    public var summaryLine: String {
      var counts = [
        Self.count(cellCount, "cell"), Self.count(inlineValueCount, "inline value"),
        Self.count(exerciseCount, "exercise"),
      ]
      if exerciseCount > 0 {
        counts[2] += ": \(exerciseCount - designExerciseCount) value, \(designExerciseCount) design"
      }
      let status = passed ? "ok" : Self.count(diagnostics.count, "error")
      return "\(sourceFile): \(status) (" + counts.joined(separator: ", ") + ")"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
      "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
  }

  /// Verifies a folder of lessons (in file-name order, as `build` takes them) or a single lesson file.
  public func verify(path: URL) throws(SiteBuilder.BuildError) -> [Outcome] {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory)
    let files: [URL]
    if exists && !isDirectory.boolValue && path.pathExtension.lowercased() == "md" {
      files = [path]
    } else {
      files = try SiteBuilder.lessonFiles(in: path)
    }
    // Links between lessons are checked against every lesson of the folder, even when only one
    // lesson is verified.
    let folder = files.count == 1 && files[0] == path ? path.deletingLastPathComponent() : path
    let course = ((try? SiteBuilder.lessonFiles(in: folder)) ?? files).map { file in
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      return (file, LessonReader.read(source: text, fileName: file.lastPathComponent))
    }
    var anchors: [String: Set<String>] = [:]
    for (_, lesson) in course { anchors[lesson.fileName] = PageAnchors.anchors(of: lesson) }
    // A mistake in course.yml stops `build`, so verifying reports it too.
    var settingsOutcome: [Outcome] = []
    do throws(Diagnostic) {
      let settings = try CourseSettings.load(from: folder)
      _ = try settings.orderedLessons(
        (try? SiteBuilder.lessonFiles(in: folder)) ?? files,
        file: folder.appendingPathComponent(CourseSettings.fileName).relativeDisplayPath)
    } catch {
      settingsOutcome.append(
        Outcome(
          sourceFile: error.file, cellCount: 0, inlineValueCount: 0, exerciseCount: 0,
          designExerciseCount: 0, diagnostics: [error]))
    }
    return settingsOutcome
      + files.map { file in
        let sourceFile = file.relativeDisplayPath
        let lesson =
          course.first { $0.0.standardizedFileURL == file.standardizedFileURL }?.1
          ?? LessonReader.read(
            source: (try? String(contentsOf: file, encoding: .utf8)) ?? "",
            fileName: file.lastPathComponent)
        return verify(
          lesson: lesson, sourceFile: sourceFile, lessonsDirectory: folder, anchors: anchors)
      }
  }

  /// Verifies one lesson already read. With `lessonsDirectory`, the files it links must be there
  /// and its links to other lessons must lead to a lesson and anchor in `anchors`.
  public func verify(
    lesson: Lesson, sourceFile: String, lessonsDirectory: URL? = nil,
    anchors: [String: Set<String>] = [:]
  ) -> Outcome {
    var runner = self.runner
    runner.exerciseEvaluator = ExerciseCardEvaluator()
    var run = runner.run(lesson, sourceFile: sourceFile)
    if let lessonsDirectory {
      run.diagnostics +=
        LessonReferences(
          lesson: lesson, sourceFile: sourceFile, lessonsDirectory: lessonsDirectory,
          anchors: anchors
        ).diagnostics
    }
    var inlineCount = 0
    for block in run.blocks {
      if case .prose(_, let values) = block { inlineCount += values.count }
    }
    var designCount = 0
    for block in lesson.exercises {
      if let fields = try? block.parseFields(),
        fields.contains(where: { ["require", "solution", "starter"].contains($0.key) })
      {
        designCount += 1
      }
    }
    return Outcome(
      sourceFile: sourceFile, cellCount: lesson.cells.count, inlineValueCount: inlineCount,
      exerciseCount: lesson.exercises.count, designExerciseCount: designCount,
      diagnostics: run.diagnostics)
  }
}
