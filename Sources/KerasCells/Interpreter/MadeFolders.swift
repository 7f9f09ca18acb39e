/// Folders a script makes before it saves figures or checkpoints (`os.makedirs(IMAGES_PATH,
/// exist_ok=True)` and `IMAGES_PATH.mkdir(parents=True, exist_ok=True)` in the setup cell of every
/// chapter of Géron's book, `os.mkdir(checkpoint_dir)`). ConvBook writes nothing: the session
/// remembers the folders as made, so that what the script asks next is answered as Python
/// answers it after making them (`os.path.exists`/`isdir` True, `isfile` False, `os.listdir` and
/// `glob.glob` inside empty, a file inside missing), and making one again fails as Python fails.
/// Only a script run as `python FILE.py` runs makes folders (`KerasSession.pathExists`); a
/// lesson's cells have no file access.
enum MadeFolders {
  /// The folder a path names, as a key: its components without `.` and empty ones, absolute
  /// paths with their leading `/` (under ConvBook's `/convbook`, relative to the run's folder);
  /// nil for a path with `..` (which ConvBook does not resolve).
  static func key(_ path: String) -> String? {
    let onDisk = MissingFiles.onDisk(path)
    let absolute = onDisk.hasPrefix("/")
    let components = onDisk.split(separator: "/").filter { $0 != "." }
    guard !components.contains("..") else { return nil }
    let joined = components.joined(separator: "/")
    return absolute ? "/" + joined : joined
  }

  /// Whether the script made the folder `path` (or made one inside it).
  static func made(_ path: String, session: KerasSession) -> Bool {
    guard let key = key(path), !key.isEmpty else { return false }
    return session.madeFolders.contains(key)
  }

  /// Whether `path` is there, on disk or made; nil where the session has no file access.
  static func exists(_ path: String, session: KerasSession) -> Bool? {
    guard let onDisk = session.pathExists else { return nil }
    return made(path, session: session) || onDisk(MissingFiles.onDisk(path))
  }

  /// Whether `path` is a folder, on disk or made; nil where ConvBook cannot tell.
  static func isFolder(_ path: String, session: KerasSession) -> Bool? {
    if made(path, session: session) { return true }
    guard let exists = session.pathExists, let isDirectory = session.pathIsDirectory else {
      return nil
    }
    let onDisk = MissingFiles.onDisk(path)
    return exists(onDisk) ? isDirectory(onDisk) : false
  }

  private static func reaches(_ function: String, range: SourceRange) -> CellError {
    .unsupported(
      "`\(function)` reaches files, processes or the machine, which ConvBook cells do not do",
      at: range)
  }

  private static func fileExists(_ path: String, range: SourceRange) -> CellError {
    CellError(
      type: "FileExistsError",
      message: "[Errno 17] File exists: \(PythonText.repr(.string(path)))", range: range)
  }

  /// Makes `path` and, with `parents`, the folders above it that are missing (Python makes the
  /// top one first; a missing parent without `parents` is FileNotFoundError).
  private static func make(
    _ path: String, parents: Bool, existOK: Bool, function: String, session: KerasSession,
    range: SourceRange
  ) throws(CellError) {
    guard let key = key(path), !key.isEmpty, key != "/",
      let exists = exists(path, session: session)
    else { throw reaches(function, range: range) }
    if exists {
      // `exist_ok` holds for a folder; a file there is FileExistsError all the same.
      guard existOK, let folder = isFolder(path, session: session) else {
        if !existOK { throw fileExists(path, range: range) }
        throw reaches(function, range: range)
      }
      if !folder { throw fileExists(path, range: range) }
      return
    }
    var components = key.split(separator: "/").map(String.init)
    let root = key.hasPrefix("/") ? "/" : ""
    var missing: [String] = []
    while !components.isEmpty {
      let folder = root + components.joined(separator: "/")
      guard self.exists(folder, session: session) == false else {
        // An ancestor that is a file: Python's NotADirectoryError, which ConvBook leaves to it.
        guard isFolder(folder, session: session) == true else {
          throw reaches(function, range: range)
        }
        break
      }
      missing.append(folder)
      components.removeLast()
    }
    if missing.count > 1 && !parents {
      throw MissingFiles.notFound(path, range: range)
    }
    for folder in missing { session.madeFolders.insert(folder) }
  }

  /// `os.makedirs(name, mode=0o777, exist_ok=False)`.
  static func makedirs(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) throws(CellError) -> Value {
    let values = try bind(
      "makedirs", ["name", "mode", "exist_ok"], positional: positional, keywords: keywords,
      range: range)
    guard let given = values["name"], let path = PythonPath.pathText(given) else {
      throw reaches("os.makedirs", range: range)
    }
    // `os.makedirs('')` splits into no folder and fails at `mkdir('')`.
    if path.isEmpty { throw MissingFiles.notFound(path, range: range) }
    try make(
      path, parents: true, existOK: values["exist_ok"]?.isTruthy ?? false,
      function: "os.makedirs", session: session, range: range)
    return .none
  }

  /// `os.mkdir(path, mode=0o777)`.
  static func mkdir(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) throws(CellError) -> Value {
    let values = try bind(
      "mkdir", ["path", "mode"], positional: positional, keywords: keywords, range: range)
    guard let given = values["path"], let path = PythonPath.pathText(given) else {
      throw reaches("os.mkdir", range: range)
    }
    if path.isEmpty { throw MissingFiles.notFound(path, range: range) }
    try make(
      path, parents: false, existOK: false, function: "os.mkdir", session: session, range: range)
    return .none
  }

  /// `Path.mkdir(mode=0o777, parents=False, exist_ok=False)`.
  static func pathMkdir(
    _ path: String, positional: [Value], keywords: [(String, Value)], session: KerasSession,
    range: SourceRange
  ) throws(CellError) -> Value {
    let values = try bind(
      "mkdir", ["mode", "parents", "exist_ok"], positional: positional, keywords: keywords,
      range: range)
    try make(
      path, parents: values["parents"]?.isTruthy ?? false,
      existOK: values["exist_ok"]?.isTruthy ?? false, function: "pathlib.Path.mkdir",
      session: session, range: range)
    return .none
  }

  /// The arguments by name; a mode that is no int is ConvBook's limitation (Python's checks of
  /// it are not repeated).
  private static func bind(
    _ function: String, _ parameters: [String], positional: [Value], keywords: [(String, Value)],
    range: SourceRange
  ) throws(CellError) -> [String: Value] {
    guard positional.count <= parameters.count else {
      throw CellError(
        type: "TypeError",
        message:
          "\(function)() takes at most \(parameters.count) arguments (\(positional.count) given)",
        range: range)
    }
    var values: [String: Value] = [:]
    for (index, value) in positional.enumerated() { values[parameters[index]] = value }
    for (label, value) in keywords {
      guard parameters.contains(label), values[label] == nil else {
        throw .unsupported(
          "ConvBook does not support \(function)(\(label)=...) yet", at: range)
      }
      values[label] = value
    }
    if let mode = values["mode"], case .int = mode {
    } else if values["mode"] != nil {
      throw .unsupported("ConvBook takes \(function)'s mode as an int", at: range)
    }
    return values
  }
}
