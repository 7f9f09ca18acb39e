import CNNEngine

/// The source of a module a script imports from its own folder (`from model import build_model`,
/// `from nets.unet import Unet`, `__import__('0-sequential')`): Python puts the script's folder
/// first on `sys.path`, so a file or package there is what the import finds.
public struct ScriptModuleSource {
  /// The module's code; empty for a namespace package (a folder without `__init__.py`).
  public var source: String
  /// `NAME.py` or `NAME/__init__.py` (or the folder), relative to the script's folder.
  public var file: String
  /// Whether it is a package (a folder), whose submodules can be imported.
  public var isPackage: Bool
  /// Where the file is on this machine, which Python's ImportError names.
  public var absolutePath: String

  public init(source: String, file: String, isPackage: Bool, absolutePath: String) {
    self.source = source
    self.file = file
    self.isPackage = isPackage
    self.absolutePath = absolutePath
  }
}

/// A module of the script's own folder, run once when first imported (as `sys.modules` keeps it)
/// with globals of its own: its functions read the names of their module, not the script's.
final class ScriptModule: StandardObject {
  let name: String
  let file: String
  let isPackage: Bool
  let absolutePath: String
  /// The module's namespace while another module runs (the running one's is `session.globals`).
  var globals: [String: Value] = [:]
  /// The index its source is kept under in `KerasSession.cellSources` (negative: never a cell's).
  let sourceIndex: Int

  init(name: String, file: String, isPackage: Bool, absolutePath: String, sourceIndex: Int) {
    self.name = name
    self.file = file
    self.isPackage = isPackage
    self.absolutePath = absolutePath
    self.sourceIndex = sourceIndex
  }

  override var typeName: String { "module" }

  /// `<module 'model' from '/convbook/model.py'>`, in the folder `os.getcwd()` names.
  override func repr(_ item: (Value) -> String) -> String {
    isPackage && !file.hasSuffix(".py")
      ? "<module '\(name)' (namespace) from ['\(PosixPath.workingDirectory)/\(file)']>"
      : "<module '\(name)' from '\(PosixPath.workingDirectory)/\(file)'>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    let namespace =
      interpreter.session.currentScriptModule === self
      ? interpreter.session.globals : globals
    if let value = namespace[name] { return value }
    throw CellError(
      type: "AttributeError", message: "module '\(self.name)' has no attribute '\(name)'",
      range: range)
  }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    globals[name] = value
    return true
  }
}

extension Interpreter {
  /// The script's own module at `components` (each package on the path imported first, as
  /// Python does), or nil when the script's folder has none: the import is then looked up among
  /// the modules ConvBook knows.
  func scriptModule(_ components: [String], range: SourceRange, statement: SourceRange? = nil)
    throws(CellError) -> ScriptModule?
  {
    // Only names ConvBook does not know as modules are looked up beside the script.
    guard session.scriptName != nil, let find = session.scriptModuleSource,
      let root = components.first,
      session.scriptModules[root] != nil
        || KerasModule.resolve(path: [root]) == nil
    else { return nil }
    var parent: ScriptModule?
    for length in 1...components.count {
      let name = components.prefix(length).joined(separator: ".")
      if let loaded = session.scriptModules[name] {
        parent = loaded
        continue
      }
      guard let found = find(Array(components.prefix(length))) else {
        guard let parent else { return nil }
        throw moduleError(
          parent.isPackage
            ? "No module named '\(name)'"
            : "No module named '\(name)'; '\(parent.name)' is not a package", range: range,
          statement: statement)
      }
      if let parent, !parent.isPackage {
        throw moduleError(
          "No module named '\(name)'; '\(parent.name)' is not a package", range: range,
          statement: statement)
      }
      let module = ScriptModule(
        name: name, file: found.file, isPackage: found.isPackage,
        absolutePath: found.absolutePath, sourceIndex: -1000 - session.scriptModules.count)
      // Registered before its code runs, as `sys.modules` is (a module importing itself gets it).
      session.scriptModules[name] = module
      do {
        try run(found.source, as: module, range: range, statement: statement)
      } catch {
        // A module whose code failed is taken out again, as Python takes it out of `sys.modules`:
        // importing it once more runs it again.
        session.scriptModules[name] = nil
        throw error
      }
      if let parent { parent.store(components[length - 1], .standard(module), session: session) }
      parent = module
    }
    return parent
  }

  private func moduleError(_ message: String, range: SourceRange, statement: SourceRange?)
    -> CellError
  {
    var error = CellError(type: "ModuleNotFoundError", message: message, range: range)
    // CPython's traceback shows an import statement whole, without carets.
    error.tracebackRange = statement ?? range
    return error
  }

  /// Runs a module's code in its own namespace (`__name__` is its name, so its
  /// `if __name__ == "__main__":` part does not run), printing where the script prints. An error
  /// in it is reported at the import, the script's own line that Python's traceback lists too.
  private func run(
    _ source: String, as module: ScriptModule, range: SourceRange, statement: SourceRange?
  ) throws(CellError) {
    session.cellSources[module.sourceIndex] = source
    let statements: [Statement]
    do throws(PythonSyntaxError) {
      statements = try PythonParser.parse(source)
    } catch {
      var failed = KerasSession.cellError(from: error)
      failed.range = range
      failed.tracebackRange = statement ?? range
      throw failed
    }
    module.globals["__name__"] = .string(module.name)
    if module.file.hasSuffix(".py") {
      module.globals["__file__"] = .string(PosixPath.workingDirectory + "/" + module.file)
    }
    let child = Interpreter(session: session, cellIndex: module.sourceIndex)
    defer { for output in child.outputs { emit(output) } }
    do throws(CellError) {
      try withGlobals(of: module) { () throws(CellError) in _ = try child.execute(statements) }
    } catch {
      var relocated = error
      relocated.range = range
      relocated.tracebackRange = statement
      relocated.callers = []
      relocated.function = nil
      throw relocated
    }
  }

  /// Runs `body` with `module`'s globals as the session's (nil: the script's own), then puts
  /// back those of the module that was running.
  func withGlobals<T>(of module: ScriptModule?, _ body: () throws(CellError) -> T)
    throws(CellError) -> T
  {
    let running = session.currentScriptModule
    guard module !== running else { return try body() }
    park(running)
    session.globals = module?.globals ?? session.parkedScriptGlobals
    session.currentScriptModule = module
    defer {
      park(module)
      session.globals = running?.globals ?? session.parkedScriptGlobals
      session.currentScriptModule = running
    }
    return try body()
  }

  /// The package a relative import in the running module starts from (`level` dots: the
  /// module's own package, then each one above it); nil in the script itself and in a module
  /// that is in no package, where Python has no parent package to start from.
  func scriptPackage(level: Int, statement: SourceRange) throws(CellError) -> [String]? {
    guard let module = session.currentScriptModule else { return nil }
    var package = module.name.split(separator: ".").map(String.init)
    if !module.isPackage { package.removeLast() }
    guard !package.isEmpty else { return nil }
    guard level - 1 < package.count else {
      var error = CellError(
        type: "ImportError", message: "attempted relative import beyond top-level package",
        range: statement)
      error.tracebackRange = statement
      throw error
    }
    return Array(package.dropLast(level - 1))
  }

  /// `from .MODULE import a` / `from . import MODULE` in a module of a package beside the script.
  func importRelative(
    _ module: DottedName?, from package: [String], names: [ImportedName], range: SourceRange,
    statement: SourceRange
  ) throws(CellError) {
    let components = package + (module?.components ?? [])
    guard let target = try scriptModule(components, range: range, statement: statement) else {
      throw moduleError(
        "No module named '\(components.joined(separator: "."))'", range: range,
        statement: statement)
    }
    try importNames(
      names, from: target, path: DottedName(components: components, range: range),
      statement: statement)
  }

  /// Keeps the session's globals as `module`'s (nil: the script's) while another module runs.
  private func park(_ module: ScriptModule?) {
    if let module {
      module.globals = session.globals
    } else {
      session.parkedScriptGlobals = session.globals
    }
  }

  /// `from MODULE import a, b` / `from MODULE import *` of the script's own module: its names
  /// (a package's submodules too), or Python's ImportError naming the module's file.
  func importNames(
    _ names: [ImportedName], from module: ScriptModule, path: DottedName, statement: SourceRange
  ) throws(CellError) {
    for imported in names {
      if imported.name == "*" {
        let namespace = module.globals
        // `__all__` when the module sets it, else every name not starting with `_`.
        var exported: [String] = []
        if let all = namespace["__all__"], let items = try? iterate(all, range: imported.range) {
          for case .string(let name) in items { exported.append(name) }
        } else {
          exported = namespace.keys.sorted().filter { !$0.hasPrefix("_") }
        }
        for name in exported {
          guard let value = namespace[name] else {
            throw CellError(
              type: "AttributeError",
              message: "module '\(module.name)' has no attribute '\(name)'",
              range: imported.range)
          }
          session.globals[name] = value
        }
        continue
      }
      if let value = module.globals[imported.name] {
        session.globals[imported.boundName] = value
      } else if module.isPackage,
        let submodule = try scriptModule(
          path.components + [imported.name], range: imported.nameRange, statement: statement)
      {
        session.globals[imported.boundName] = .standard(submodule)
      } else {
        var error = CellError(
          type: "ImportError",
          message:
            "cannot import name '\(imported.name)' from '\(module.name)' (\(module.file.hasSuffix(".py") ? module.absolutePath : "unknown location"))",
          range: imported.nameRange)
        error.tracebackRange = statement
        throw error
      }
    }
  }
}

extension ScriptModule {
  /// Sets a name in the module's namespace, wherever that is kept now.
  func store(_ name: String, _ value: Value, session: KerasSession) {
    if session.currentScriptModule === self {
      session.globals[name] = value
    } else {
      globals[name] = value
    }
  }
}

/// Python's built-in `__import__(name)` and `importlib.import_module(name)`: the script's own
/// modules (`build_model = __import__('0-sequential').build_model`, the import of a file whose
/// name is no identifier; a registry's `import_module(f"models.{name}")`).
enum ScriptModuleImport {
  static func call(
    _ function: String = "__import__", positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard positional.count == 1, keywords.isEmpty, case .string(let name) = positional[0],
      !name.hasPrefix(".")
    else {
      throw .unsupported(
        "ConvBook supports `\(function)(name)` of a module beside the script only", at: site.range)
    }
    guard !name.isEmpty else {
      throw CellError(type: "ValueError", message: "Empty module name", range: site.range)
    }
    let components = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let module = try interpreter.scriptModule(components, range: site.range) else {
      throw .unsupported(
        "ConvBook supports `\(function)(name)` of a module beside the script only; '\(name)' is not one",
        at: site.range)
    }
    // Without `fromlist`, `__import__` returns the top package of a dotted name.
    if function == "__import__", components.count > 1,
      let top = interpreter.session.scriptModules[components[0]]
    {
      return .standard(top)
    }
    return .standard(module)
  }
}
