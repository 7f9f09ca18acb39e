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
  /// What reading a notebook skipped (IPython magics and shell lines), for standard error.
  public var notes: [String] = []
  /// The warnings Keras issued (Keras 3's `input_shape=` UserWarning), as
  /// `FILE:LINE: UserWarning: message`, for standard error.
  public var warnings: [String] = []
  /// The same warnings as Python prints them (`KerasWarning.pythonText`), for `convbook run`.
  public var pythonWarnings: [String] = []
  /// What a script printed (`print(...)`, `model.summary()`), in order, up to where it stopped;
  /// empty for a lesson.
  public var outputs: [CellOutput] = []
  /// Why a script stopped, when it did (its diagnostic is in `diagnostics`).
  public var scriptError: CellError?
  /// How the script ended by `sys.exit` with a failure status, if it did.
  public var scriptExit: CellResult.ScriptExit?
  /// The calls that led to `scriptError`, for Python's traceback.
  public var scriptTraceback: ScriptTraceback?
  /// Whether the file is a script or notebook (run as one program) rather than a lesson.
  public var isScript: Bool { lesson == nil }

  public enum LoadError: Error, CustomStringConvertible {
    case unreadable(TextFile.ReadError)
    case unknownKind(String)
    /// A notebook that is not one.
    case invalid(String)

    public var description: String {
      switch self {
      case .unreadable(let error): return error.description
      case .invalid(let message): return message
      case .unknownKind(let path):
        return
          "'\(TerminalText.escaped(path))' is neither a lesson (.md) nor a Keras script (.py) or notebook (.ipynb)"
      }
    }

    /// A path that names nothing or the wrong kind of file is a usage error (exit 2); a file that
    /// is there but cannot be read as text, or a notebook that is not one, is an input error (exit 1).
    public var isUsageError: Bool {
      switch self {
      case .unreadable(let error): return error.isMissing
      case .unknownKind: return true
      case .invalid: return false
      }
    }
  }

  /// Reads and runs the file. Errors in its cells are diagnostics, not failures to load. `console`
  /// is where a script's output goes (the width Keras 3's `print_fn` text is rendered at).
  public static func load(
    path: String, runner: LessonRunner = LessonRunner(),
    console: SummaryConsole = .notATerminal, scriptArguments: [String] = []
  ) throws(LoadError)
    -> ModelFile
  {
    // Only the cells run (`LessonRunner.Scope.models`): no figure, inline value or exercise.
    var runner = runner
    runner.scope = .models
    let lower = path.lowercased()
    if lower.hasSuffix(".py") || lower.hasSuffix(".ipynb") {
      let script: ScriptFile
      switch ScriptFile.load(path: path) {
      case .failure(.read(let error)): throw .unreadable(error)
      case .failure(let error): throw .invalid(error.message())
      case .success(let loaded): script = loaded
      }
      let session = KerasSession(
        kerasVersion: ScriptKerasPackage.version(
          of: script.source, setting: runner.kerasVersion.resolve(lesson: nil)),
        engine: runner.engine)
      // `sys.argv[0]`: the file's name, as `python NAME.py` run in its folder gives it (no
      // absolute path, so that output stays the same wherever the file is).
      session.scriptName = URL(fileURLWithPath: path).lastPathComponent
      // `sys.argv[1:]`: what followed the file on the command line.
      session.scriptArguments = scriptArguments
      // Files the script reads are looked up (not read): a missing one fails as in Python.
      session.pathExists = { FileManager.default.fileExists(atPath: $0) }
      session.pathIsDirectory = {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && folder.boolValue
      }
      // Modules beside the script (`from model import build_model`): Python's `sys.path[0]`.
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
      session.scriptModuleSource = { components in
        Self.siblingModule(components, in: folder)
      }
      // A script runs for the console it prints to: Keras 3's `print_fn` receives a table of its width.
      session.printFunctionConsole = console
      let result =
        script.sourceError.map { CellResult(outputs: [], error: $0) } ?? session.run(script.source)
      let diagnostics = result.error.map { [script.diagnostic(for: $0)] } ?? []
      var file = ModelFile(path: path, session: session, diagnostics: diagnostics, lesson: nil)
      file.notes = script.notes
      file.warnings = result.warnings.map { warning in
        let place = script.diagnostic(
          for: CellError(type: warning.category, message: warning.message, range: warning.range))
        return "\(place.file):\(place.line): \(warning.category): \(warning.message)"
      }
      file.pythonWarnings = result.warnings.map { warning in
        let place = script.diagnostic(
          for: CellError(type: warning.category, message: warning.message, range: warning.range))
        return warning.pythonText(orAt: "\(place.file):\(place.line)")
      }
      file.outputs = result.outputs
      file.scriptError = result.error
      file.scriptExit = result.exit
      file.scriptTraceback = result.error.map { error in
        ScriptTraceback(error: error, locate: script.diagnostic(for:))
      }
      return file
    }
    guard lower.hasSuffix(".md") || lower.hasSuffix(".markdown") else { throw .unknownKind(path) }
    let text: String
    do {
      text = try TextFile.read(path)
    } catch {
      throw .unreadable(error)
    }
    let lesson = LessonReader.read(source: text, fileName: (path as NSString).lastPathComponent)
    let run = runner.run(lesson, sourceFile: path)
    return ModelFile(
      path: path, session: run.session, diagnostics: run.diagnostics, lesson: lesson)
  }

  /// The module `components` names in a script's folder: `NAME.py`, a package `NAME/__init__.py`,
  /// or a folder without one (a namespace package), as Python's path finder looks for them.
  static func siblingModule(_ components: [String], in folder: URL) -> ScriptModuleSource? {
    guard components.allSatisfy({ !$0.isEmpty && !$0.contains("/") && $0 != "." && $0 != ".." })
    else { return nil }
    let relative = components.joined(separator: "/")
    let base = folder.appendingPathComponent(relative)
    var isFolder: ObjCBool = false
    let folderThere =
      FileManager.default.fileExists(atPath: base.path, isDirectory: &isFolder)
      && isFolder.boolValue
    if folderThere, let text = try? TextFile.read(base.appendingPathComponent("__init__.py").path) {
      return ScriptModuleSource(
        source: text, file: relative + "/__init__.py", isPackage: true,
        absolutePath: base.appendingPathComponent("__init__.py").path)
    }
    if let text = try? TextFile.read(base.path + ".py") {
      return ScriptModuleSource(
        source: text, file: relative + ".py", isPackage: false, absolutePath: base.path + ".py")
    }
    if folderThere {
      return ScriptModuleSource(
        source: "", file: relative, isPackage: true, absolutePath: base.path)
    }
    return nil
  }

  /// The models the file defines, in order; with `name`, those whose variable or Keras name it is.
  public func models(named name: String? = nil) -> [DefinedModel] {
    // A model bound to two variables (`base = model`) is one model, listed where it was first bound.
    var seen = Set<ObjectIdentifier>()
    let all = session.definedModels.filter { seen.insert(ObjectIdentifier($0.model)).inserted }
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
    let note = session.failureNote(forMissing: name).map { " (\($0))" } ?? ""
    if available.isEmpty { return "no model named '\(name)': \(path) defines no model\(note)" }
    return "no model named '\(name)' in \(path); it defines: "
      + available.joined(separator: ", ") + note
  }
}
