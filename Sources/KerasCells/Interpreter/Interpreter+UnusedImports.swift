/// Imports of what ConvBook lacks that a script never uses: Python imports the name and nothing
/// follows from it (`from operator import xor` at the top of a model file, Korean course files'
/// habit of importing `Sequential` from `tensorflow.python.keras.models` beside `tf.keras`), so
/// ConvBook runs on without it; a name the script does use is refused where it is imported.
extension Interpreter {
  /// Whether a script reads `name` nowhere outside the import `statement`: no name token of the
  /// script is `name` (but as an attribute, after a `.`: `keras.Sequential`), nor does an
  /// f-string mention it. Lesson cells are run one at a time, so later cells are unknown there:
  /// false.
  func isUnusedImport(_ name: String, statement: SourceRange) -> Bool {
    guard session.scriptName != nil, let source = session.cellSources[cellIndex],
      let tokens = try? PythonTokenizer.tokenize(source)
    else { return false }
    var previous: PythonToken?
    for token in tokens {
      defer { previous = token }
      if statement.start <= token.range.start && token.range.end <= statement.end { continue }
      switch token.kind {
      case .name where token.text == name:
        if let previous, previous.kind == .operator, previous.text == "." { continue }
        return false
      case .formattedString where Self.mentions(token.text, name): return false
      default: continue
      }
    }
    return true
  }

  /// Whether `text` holds `name` as a whole identifier.
  private static func mentions(_ text: String, _ name: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    let wanted = Array(name.unicodeScalars)
    guard !wanted.isEmpty, wanted.count <= scalars.count else { return false }
    func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
      scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
    for start in 0...(scalars.count - wanted.count)
    where scalars[start..<(start + wanted.count)].elementsEqual(wanted) {
      let before = start == 0 ? nil : scalars[start - 1]
      let end = start + wanted.count
      let after = end < scalars.count ? scalars[end] : nil
      if !(before.map(isIdentifier) ?? false) && !(after.map(isIdentifier) ?? false) {
        return true
      }
    }
    return false
  }

  /// `from tensorflow.python.keras.<module> import ...` of a module ConvBook does not run (under
  /// Keras 3, any of the copy's modules): Python's ModuleNotFoundError for a module TensorFlow
  /// 2.21 does not have (`layers.normalization`), its ImportError for a name the module lacks,
  /// ConvBook's refusal for a name the script uses; true when every name is imported unused.
  func importFromLegacyKeras(_ path: DottedName, _ names: [ImportedName], statement: SourceRange)
    throws(CellError) -> Bool
  {
    let components = path.components
    guard components.count >= 3, Array(components.prefix(3)) == ["tensorflow", "python", "keras"]
    else { return false }
    let moduleName = components.joined(separator: ".")
    guard let module = LegacyKerasModules.modules[moduleName] else {
      let missing =
        (3...components.count).lazy.map { components.prefix($0).joined(separator: ".") }
        .first { LegacyKerasModules.modules[$0] == nil } ?? moduleName
      var error = CellError(
        type: "ModuleNotFoundError", message: "No module named '\(missing)'", range: path.range)
      error.tracebackRange = statement
      throw error
    }
    for imported in names where imported.name != "*" {
      guard
        module.names.contains(imported.name)
          || LegacyKerasModules.modules[moduleName + "." + imported.name] != nil
      else {
        // Named by the module's file below site-packages, as other modules are.
        let file =
          moduleName.replacingOccurrences(of: ".", with: "/")
          + (module.isPackage ? "/__init__.py" : ".py")
        var error = CellError(
          type: "ImportError",
          message: "cannot import name '\(imported.name)' from '\(moduleName)' (\(file))",
          range: imported.nameRange)
        error.tracebackRange = statement
        throw error
      }
    }
    for imported in names {
      guard imported.name != "*" else {
        throw .unsupported(
          "ConvBook does not support `from \(moduleName) import *` yet", at: imported.range)
      }
      if PlotModel.legacyModules.contains(moduleName),
        PlotModel.legacyNames.contains(imported.name)
      {
        let path = moduleName + "." + imported.name
        session.globals[imported.boundName] = .function(Callable(.builtin(path), path: path))
        continue
      }
      guard isUnusedImport(imported.boundName, statement: statement) else {
        throw .unsupported(
          "ConvBook does not support `\(moduleName).\(imported.name)` yet (TensorFlow's own copy of Keras; use tf.keras)",
          at: imported.nameRange)
      }
    }
    return true
  }
}
