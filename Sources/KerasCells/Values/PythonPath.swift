/// A `pathlib` path (`PosixPath`, `PurePosixPath`): the pure path operations of CPython 3.11's
/// `pathlib` as string manipulation (`/`, `name`, `stem`, `suffix`, `parent`, `parents`, `parts`,
/// `with_suffix`, `relative_to`, ...). What reads or changes the machine (`exists()`, `mkdir()`,
/// `glob()`, `resolve()`, `Path.home()`) is refused as ConvBook's limitation: cells reach no files.
final class PythonPath: StandardObject {
  /// The path's root (`""`, `"/"` or POSIX's `"//"`).
  let root: String
  /// The components after the root, none of them empty or `.`.
  let components: [String]
  /// Whether the path is a concrete `Path` (`PosixPath`) rather than a `PurePosixPath`.
  let isConcrete: Bool

  init(root: String, components: [String], isConcrete: Bool) {
    self.root = root
    self.components = components
    self.isConcrete = isConcrete
  }

  /// `PurePath._parse_args`: the given strings and paths joined, a later absolute one restarting
  /// the path (POSIX's `parse_parts`).
  static func parse(_ pieces: [String], isConcrete: Bool) -> PythonPath {
    var root = ""
    var reversed: [String] = []
    for piece in pieces.reversed() where !piece.isEmpty {
      let stripped = piece.drop { $0 == "/" }
      let slashes = piece.count - stripped.count
      for component in stripped.split(separator: "/").reversed() where component != "." {
        reversed.append(String(component))
      }
      if slashes > 0 {
        root = slashes == 2 ? "//" : "/"
        break
      }
    }
    return PythonPath(root: root, components: reversed.reversed(), isConcrete: isConcrete)
  }

  /// The text `os.fspath` gives (`str(path)`).
  var text: String {
    let joined = root + components.joined(separator: "/")
    return joined.isEmpty ? "." : joined
  }

  var className: String { isConcrete ? "PosixPath" : "PurePosixPath" }

  /// The classes the path is an instance of (`isinstance(p, Path)`).
  var classNames: [String] {
    isConcrete ? ["PosixPath", "Path", "PurePath"] : ["PurePosixPath", "PurePath"]
  }

  /// The path's name (`""` for the root or `.`).
  var name: String { components.last ?? "" }

  private var suffix: String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
      name.index(after: dot) != name.endIndex
    else { return "" }
    return String(name[dot...])
  }

  private var stem: String {
    let suffix = self.suffix
    return suffix.isEmpty ? name : String(name.dropLast(suffix.count))
  }

  private func with(components: [String], root: String? = nil) -> PythonPath {
    PythonPath(root: root ?? self.root, components: components, isConcrete: isConcrete)
  }

  override var typeName: String { className }
  override func str(_ item: (Value) -> String) -> String { text }
  override func repr(_ item: (Value) -> String) -> String {
    "\(className)(\(item(.string(text))))"
  }
  override var comparisonKey: Value? {
    .tuple((root.isEmpty ? [] : [.string(root)]) + components.map { .string($0) })
  }

  /// `path / "name"` and `"folder" / path`.
  override func binary(
    _ operation: BinaryOperator, _ other: Value, reflected: Bool, range: SourceRange
  ) throws(CellError) -> Value? {
    guard operation == .divide, let piece = Self.pathText(other) else { return nil }
    return .standard(
      Self.parse(reflected ? [piece, text] : [text, piece], isConcrete: isConcrete))
  }

  /// The text of a str or a path (`os.fspath`), or nil for other values.
  static func pathText(_ value: Value) -> String? {
    switch value {
    case .string(let text): return text
    case .standard(let path as PythonPath): return path.text
    default: return nil
    }
  }

  /// The texts of `Path(...)`'s or `joinpath(...)`'s arguments, with `os.fspath`'s TypeError.
  static func pathTexts(_ values: [Value], range: SourceRange) throws(CellError) -> [String] {
    var texts: [String] = []
    for value in values {
      guard let text = pathText(value) else {
        throw CellError(
          type: "TypeError",
          message: "expected str, bytes or os.PathLike object, not \(value.typeName)",
          range: range)
      }
      texts.append(text)
    }
    return texts
  }

  /// The names of `pathlib.Path` that read or change the machine.
  static let machineNames: Set<String> = [
    "absolute", "chmod", "cwd", "exists", "expanduser", "glob", "group", "hardlink_to", "home",
    "is_block_device", "is_char_device", "is_dir", "is_fifo", "is_file", "is_mount", "is_socket",
    "is_symlink", "iterdir", "lchmod", "link_to", "lstat", "mkdir", "open", "owner", "read_bytes",
    "read_text", "readlink", "rename", "replace", "resolve", "rglob", "rmdir", "samefile", "stat",
    "symlink_to", "touch", "unlink", "write_bytes", "write_text",
  ]

  /// The refusal of a name of `Path` that reaches the machine.
  static func machineRefusal(_ name: String, at range: SourceRange) -> CellError {
    .unsupported(
      "`pathlib.Path.\(name)` reaches files, processes or the machine, which ConvBook cells do not do",
      at: range)
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name": return .string(self.name)
    case "suffix": return .string(suffix)
    case "stem": return .string(stem)
    case "suffixes":
      guard !self.name.hasSuffix(".") else { return .list(PythonList([])) }
      let pieces = self.name.drop { $0 == "." }.split(
        separator: ".", omittingEmptySubsequences: false)
      return .list(PythonList(pieces.dropFirst().map { .string("." + $0) }))
    case "parent": return .standard(parent)
    case "parents": return .standard(PythonPathParents(self))
    case "parts":
      return .tuple((root.isEmpty ? [] : [.string(root)]) + components.map { .string($0) })
    case "root", "anchor": return .string(root)
    case "drive": return .string("")
    case "as_posix", "is_absolute", "joinpath", "with_name", "with_stem", "with_suffix",
      "relative_to", "is_relative_to", "__fspath__", "__str__":
      return .method(receiver: .standard(self), name: name)
    // A script looks up whether a path is there and makes folders (`MissingFiles`,
    // `MadeFolders`).
    case _
    where ["exists", "is_dir", "is_file", "mkdir"].contains(name) && isConcrete
      && interpreter.session.pathExists != nil:
      return .method(receiver: .standard(self), name: name)
    // `Path(__file__).resolve().parent`: the script's folder, `os.getcwd()`'s placeholder.
    case _
    where (name == "resolve" || name == "absolute") && isConcrete
      && interpreter.session.scriptName != nil:
      return .method(receiver: .standard(self), name: name)
    case _ where Self.machineNames.contains(name) && isConcrete:
      throw Self.machineRefusal(name, at: range)
    case "as_uri", "is_reserved", "match":
      throw .unsupported("ConvBook does not support `pathlib.PurePath.\(name)` yet", at: range)
    default: return nil
    }
  }

  /// `path.parent`: the path without its last component (the root and `.` are their own parent).
  var parent: PythonPath {
    components.isEmpty ? self : with(components: Array(components.dropLast()))
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    func noKeywords() throws(CellError) {
      if let (label, _) = keywords.first {
        throw CellError(
          type: "TypeError",
          message: "PurePath.\(name)() got an unexpected keyword argument '\(label)'", range: range)
      }
    }
    func one() throws(CellError) -> String {
      let arguments = StandardArguments(
        function: name, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      let parameter = name == "with_suffix" ? "suffix" : (name == "with_stem" ? "stem" : "name")
      let value = try arguments.bind([(parameter, nil)]).values[parameter] ?? .none
      guard case .string(let text) = value else {
        throw .unsupported(
          "ConvBook's \(className).\(name)() takes a str, not \(value.typeName)", at: range)
      }
      return text
    }
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    let shown = repr(PythonText.repr)
    switch name {
    case "as_posix", "__fspath__", "__str__", "is_absolute":
      try noKeywords()
      guard positional.isEmpty else {
        throw CellError(
          type: "TypeError",
          message:
            "PurePath.\(name)() takes 1 positional argument but \(positional.count + 1) were given",
          range: range)
      }
      return name == "is_absolute" ? .bool(!root.isEmpty) : .string(text)
    case "joinpath":
      try noKeywords()
      let pieces = try Self.pathTexts(positional, range: range)
      return .standard(Self.parse([text] + pieces, isConcrete: isConcrete))
    case "with_name", "with_stem":
      let given = try one()
      guard !self.name.isEmpty else { throw valueError("\(shown) has an empty name") }
      let newName = name == "with_stem" ? given + suffix : given
      let parsed = Self.parse([newName], isConcrete: isConcrete)
      guard !newName.hasSuffix("/"), parsed.root.isEmpty, parsed.components.count == 1 else {
        throw valueError("Invalid name \(PythonText.repr(.string(newName)))")
      }
      return .standard(with(components: Array(components.dropLast()) + [newName]))
    case "with_suffix":
      let given = try one()
      if given.contains("/") || (!given.isEmpty && !given.hasPrefix(".")) || given == "." {
        throw valueError("Invalid suffix \(PythonText.repr(.string(given)))")
      }
      guard !self.name.isEmpty else { throw valueError("\(shown) has an empty name") }
      let newName = String(self.name.dropLast(suffix.count)) + given
      return .standard(with(components: Array(components.dropLast()) + [newName]))
    case "exists", "is_dir", "is_file":
      guard positional.isEmpty, keywords.isEmpty else {
        throw .unsupported("ConvBook takes Path.\(name)() without arguments", at: range)
      }
      let function = ["exists": "exists", "is_dir": "isdir", "is_file": "isfile"][name] ?? name
      return try MissingFiles.pathTest(
        function, positional: [.string(text)], keywords: [], session: interpreter.session,
        range: range)
    case "resolve", "absolute":
      // The script runs in `os.getcwd()`'s placeholder folder, where no path is a link: a
      // relative path is taken from there, and `resolve` drops `..` as it does on a path
      // without links. `strict=True` would look the path up.
      if let (label, value) = keywords.first {
        guard name == "resolve", label == "strict", keywords.count == 1 else {
          throw CellError(
            type: "TypeError",
            message: "Path.\(name)() got an unexpected keyword argument '\(label)'", range: range)
        }
        if value.isTruthy {
          throw .unsupported(
            "`pathlib.Path.resolve(strict=True)` reaches files, which ConvBook cells do not do",
            at: range)
        }
      }
      guard positional.count <= (name == "resolve" ? 1 : 0) else {
        throw CellError(
          type: "TypeError",
          message:
            "Path.\(name)() takes from 1 to \(name == "resolve" ? 2 : 1) positional arguments but \(positional.count + 1) were given",
          range: range)
      }
      if let strict = positional.first, strict.isTruthy {
        throw .unsupported(
          "`pathlib.Path.resolve(strict=True)` reaches files, which ConvBook cells do not do",
          at: range)
      }
      let absolute =
        root.isEmpty ? Self.parse([PosixPath.workingDirectory, text], isConcrete: true) : self
      guard name == "resolve" else { return .standard(absolute) }
      var kept: [String] = []
      for component in absolute.components where component != "." {
        if component == ".." {
          if !kept.isEmpty { kept.removeLast() }
        } else {
          kept.append(component)
        }
      }
      return .standard(absolute.with(components: kept))
    case "mkdir":
      return try MadeFolders.pathMkdir(
        text, positional: positional, keywords: keywords, session: interpreter.session,
        range: range)
    case "relative_to", "is_relative_to":
      try noKeywords()
      guard !positional.isEmpty else {
        throw CellError(type: "TypeError", message: "need at least one argument", range: range)
      }
      let other = Self.parse(try Self.pathTexts(positional, range: range), isConcrete: isConcrete)
      let inside = root == other.root && components.starts(with: other.components)
      if name == "is_relative_to" { return .bool(inside) }
      guard inside else {
        let formatted = other.root + other.components.joined(separator: "/")
        throw valueError(
          "\(PythonText.repr(.string(text))) is not in the subpath of \(PythonText.repr(.string(formatted))) OR one path is relative and the other is absolute."
        )
      }
      // What is left after `other`, always relative (POSIX has no drives).
      return .standard(
        PythonPath(
          root: "", components: Array(components.dropFirst(other.components.count)),
          isConcrete: isConcrete))
    default: return nil
    }
  }
}

/// `path.parents`: the path's ancestors, nearest first, as an immutable sequence.
final class PythonPathParents: StandardObject {
  let path: PythonPath

  init(_ path: PythonPath) { self.path = path }

  override var typeName: String { "_PathParents" }
  override func repr(_ item: (Value) -> String) -> String { "<\(path.className).parents>" }
  private var items: [Value] {
    (0..<path.components.count).map { index in
      .standard(
        PythonPath(
          root: path.root, components: Array(path.components.dropLast(index + 1)),
          isConcrete: path.isConcrete))
    }
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    guard case .int(let position) = index else {
      throw .unsupported(
        "ConvBook indexes path.parents with an int, not \(index.typeName)", at: range)
    }
    guard position < items.count, position >= -items.count else {
      throw CellError(type: "IndexError", message: "\(position)", range: range)
    }
    return items[position < 0 ? position + items.count : position]
  }

  override func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  {
    var remaining = items[...]
    return PythonIterator(name: "iterator") { _, _ in remaining.popFirst() }
  }
}
