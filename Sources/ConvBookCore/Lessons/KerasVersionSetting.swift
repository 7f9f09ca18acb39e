import CNNEngine
import Foundation
import KerasCells
import LessonKit

/// Which Keras a lesson or a script runs under, from the most specific setting to the most general:
/// the command line (`--keras 2|3`), the lesson (a cell's `keras=2` option), the course (its settings
/// file), and otherwise Keras 3, what a fresh `pip install tensorflow` prints.
///
/// The version is the lesson's, not a cell's: all cells share one Keras session, whose names
/// (`input_1` or `input_layer`) depend on it.
public struct KerasVersionSetting: Sendable, Equatable {
  /// `--keras` on the command line: overrides lessons and the course.
  public var commandLine: KerasVersion?
  /// The course's setting (`keras = 2` in the course settings file).
  public var course: KerasVersion?

  public init(commandLine: KerasVersion? = nil, course: KerasVersion? = nil) {
    self.commandLine = commandLine
    self.course = course
  }

  /// The setting for the lesson or lessons at `path` (a lesson file or a folder of lessons): this
  /// one, with the course's `keras:` from the `course.yml` of that folder (the lesson's folder) when
  /// it has none. Scripts and notebooks belong to no course; a broken `course.yml` is reported by
  /// the commands that build the course, and counts as saying nothing here.
  public func withCourse(of path: String) -> KerasVersionSetting {
    guard course == nil else { return self }
    var url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return self
    }
    if !isDirectory.boolValue {
      guard url.pathExtension.lowercased() == "md" else { return self }
      url = url.deletingLastPathComponent()
    }
    var result = self
    result.course = (try? CourseSettings.load(from: url))?.kerasVersion.flatMap(
      KerasVersion.init(rawValue:))
    return result
  }

  /// The version for a lesson whose own setting is `lesson`.
  public func resolve(lesson: KerasVersion?) -> KerasVersion {
    commandLine ?? lesson ?? course ?? .default
  }

  /// The lesson's own setting: the `keras=` option of its cells (the first one that has it), and a
  /// warning for each cell that says something else or something that is no version.
  public static func lessonSetting(of lesson: Lesson, file: String) -> (
    version: KerasVersion?, diagnostics: [Diagnostic]
  ) {
    var version: KerasVersion?
    var diagnostics: [Diagnostic] = []
    for block in lesson.blocks {
      guard case .cell(let cell) = block, let text = cell.settings["keras"] else { continue }
      guard let value = KerasVersion(text: text) else {
        diagnostics.append(
          Diagnostic(
            file: file, line: cell.fenceLine, column: 1,
            message: "keras=\(text): the Keras version must be 2 or 3"))
        continue
      }
      if let version, version != value {
        diagnostics.append(
          Diagnostic(
            file: file, line: cell.fenceLine, column: 1,
            message:
              "keras=\(text) differs from the lesson's keras=\(version.rawValue): a lesson runs under one Keras version; this cell uses keras=\(version.rawValue)"
          ))
        continue
      }
      version = value
    }
    return (version, diagnostics)
  }
}
