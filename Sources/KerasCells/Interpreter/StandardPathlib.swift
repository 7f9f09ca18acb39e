/// `pathlib`: `Path`, `PosixPath`, `PurePath` and `PurePosixPath` as string manipulation
/// (`PythonPath`), which is how model scripts use them around model code (`Path(logdir) / run`,
/// `path.stem`, `str(path)`); what would read or change the machine is refused where used.
enum StandardPathlib {
  /// The classes whose instances are concrete paths (`PosixPath`); the others make pure ones.
  static let concreteClasses: Set<String> = ["Path", "PosixPath"]

  static func attribute(_ name: String) -> Value? {
    switch name {
    case "Path", "PosixPath", "PurePath", "PurePosixPath":
      return .standard(StandardClass(module: "pathlib", name: name))
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    guard attribute(name) != nil else { return nil }
    if let (label, _) = arguments.keywords.first {
      // `PurePath.__new__(cls, *args)` takes no keywords; `Path.__new__` passes them on to
      // `object.__new__`, which ignores them.
      if !concreteClasses.contains(name) {
        throw arguments.typeError(
          "\(name).__new__() got an unexpected keyword argument '\(label)'")
      }
    }
    let pieces = try PythonPath.pathTexts(arguments.positional, range: arguments.range)
    return .standard(PythonPath.parse(pieces, isConcrete: concreteClasses.contains(name)))
  }

  /// `Path.home()`, `Path.cwd()`, ... read on the class: refused where they reach the machine.
  static func classAttribute(_ name: String, of className: String, at range: SourceRange)
    throws(CellError) -> Value?
  {
    guard concreteClasses.contains(className), PythonPath.machineNames.contains(name) else {
      return nil
    }
    throw PythonPath.machineRefusal(name, at: range)
  }
}
