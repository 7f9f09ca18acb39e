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
  /// Each lesson in its own process (the CLI's choice); nil runs them in this process.
  public var isolation: LessonIsolation?
  /// Results of unchanged lessons kept from earlier runs (``ExecutionCache``); nil runs every lesson.
  public var cache: ExecutionCache?

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
    // Anything at a path ending in .md is taken as one lesson, so that a dangling link or a pipe
    // named X.md fails as that lesson rather than as a folder.
    var info = stat()
    let exists = lstat(path.path, &info) == 0
    let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    let files: [URL]
    if exists && !isDirectory && path.pathExtension.lowercased() == "md" {
      files = [path]
    } else {
      files = try SiteBuilder.lessonFiles(in: path)
    }
    // Links between lessons are checked against every lesson of the folder, even when only one
    // lesson is verified; the files lessons link must be in it.
    let folder = files.count == 1 && files[0] == path ? path.deletingLastPathComponent() : path
    let folderLessons = (try? SiteBuilder.lessonFiles(in: folder)) ?? files
    var read: [String: Lesson] = [:]
    var anchors: [String: Set<String>] = [:]
    for file in folderLessons {
      if case .lesson(let lesson) = LessonFile.load(file, sourceFile: file.relativeDisplayPath) {
        read[file.standardizedFileURL.path] = lesson
        anchors[lesson.fileName] = PageAnchors.anchors(of: lesson)
      }
    }
    // A mistake in course.yml stops `build`, so verifying reports it too.
    var settingsOutcome: [Outcome] = []
    do throws(Diagnostic) {
      let settings = try CourseSettings.load(from: folder)
      _ = try settings.orderedLessons(
        folderLessons,
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
        let job = LessonJob(mode: .verify, path: file.path, sourceFile: sourceFile)
        let run = { isolation?.run(job) ?? job.execute(runner: runner) }
        let lesson = read[file.standardizedFileURL.path]
        let result: LessonJob.Result
        if let cache, let lesson {
          let key = ExecutionCache.key(
            for: job, lesson: lesson, file: file, runner: runner, template: nil,
            lessonsDirectory: folder)
          result = cache.result(key: key, run: run)
        } else {
          result = run()
        }
        var diagnostics = result.diagnostics
        if let lesson {
          diagnostics +=
            LessonReferences(
              lesson: lesson, sourceFile: sourceFile, lessonsDirectory: folder, anchors: anchors
            ).diagnostics
        }
        return Outcome(
          sourceFile: sourceFile, cellCount: result.cellCount,
          inlineValueCount: result.inlineValueCount, exerciseCount: result.exerciseCount,
          designExerciseCount: result.designExerciseCount, diagnostics: diagnostics)
      }
  }

  /// Verifies one lesson already read.
  public func verify(lesson: Lesson, sourceFile: String) -> Outcome {
    var runner = self.runner
    runner.exerciseEvaluator = ExerciseCardEvaluator()
    let run = runner.run(lesson, sourceFile: sourceFile)
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
