import CNNEngine
import Foundation
import KerasCells
import LessonKit

/// A lesson (`.md`) or a Keras script (`.py`, read as one cell) run for its models, as
/// `convbook summary`, `trace` and the other model commands need it.
public struct ModelFile {
  public var path: String
  public var session: KerasSession
  public var diagnostics: [Diagnostic]
  /// The lesson when the file is one, for commands that need its blocks.
  public var lesson: Lesson?

  public enum LoadError: Error, CustomStringConvertible {
    case unreadable(TextFile.ReadError)
    case unknownKind(String)

    public var description: String {
      switch self {
      case .unreadable(let error): return error.description
      case .unknownKind(let path):
        return "'\(TerminalText.escaped(path))' is neither a lesson (.md) nor a Keras script (.py)"
      }
    }

    /// A path that names nothing or the wrong kind of file is a usage error (exit 2); a file that
    /// is there but cannot be read as text is an input error (exit 1).
    public var isUsageError: Bool {
      switch self {
      case .unreadable(let error): return error.isMissing
      case .unknownKind: return true
      }
    }
  }

  /// Reads and runs the file. Errors in its cells are diagnostics, not failures to load.
  public static func load(path: String, runner: LessonRunner = LessonRunner()) throws(LoadError)
    -> ModelFile
  {
    let lower = path.lowercased()
    let isLesson = lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    guard isLesson || lower.hasSuffix(".py") else { throw .unknownKind(path) }
    let text: String
    do {
      text = try TextFile.read(path)
    } catch {
      throw .unreadable(error)
    }
    if isLesson {
      let lesson = LessonReader.read(source: text, fileName: (path as NSString).lastPathComponent)
      let run = runner.run(lesson, sourceFile: path)
      return ModelFile(
        path: path, session: run.session, diagnostics: run.diagnostics, lesson: lesson)
    }
    let session = KerasSession()
    let result = session.run(text)
    var diagnostics: [Diagnostic] = []
    if let error = result.error {
      let excerpt = SourceExcerpt(source: text, range: error.range)
      diagnostics.append(
        Diagnostic(
          file: path, line: error.range.start.line, column: error.range.start.column,
          errorType: error.type,
          message: error.message, excerpt: (excerpt.lineText, excerpt.caretLine)))
    }
    return ModelFile(path: path, session: session, diagnostics: diagnostics, lesson: nil)
  }

  /// The models the file defines, in order; with `name`, those whose variable or Keras name it is.
  public func models(named name: String? = nil) -> [DefinedModel] {
    let all = session.definedModels
    guard let name else { return all }
    let byKerasName = all.filter { $0.model.name == name }
    if !byKerasName.isEmpty { return byKerasName }
    if case .model(let current)? = session.globals[name],
      let defined = all.last(where: { $0.model === current })
    {
      return [defined]
    }
    return []
  }

  /// A usage-error message for a `--model` that names nothing, listing what there is.
  public func unknownModelMessage(_ name: String) -> String {
    let available = session.definedModels.map { "\($0.variable) (\($0.model.name))" }
    if available.isEmpty { return "no model named '\(name)': \(path) defines no model" }
    return "no model named '\(name)' in \(path); it defines: " + available.joined(separator: ", ")
  }
}
