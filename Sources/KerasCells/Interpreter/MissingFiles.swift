/// Python's own errors and answers for a path that does not exist where a script reads a file or
/// a folder: `open`, `np.load`, Keras' `load_img`, `load_model`, `flow_from_directory` and
/// `image_dataset_from_directory`, `os.listdir`; `os.path.exists`/`isdir`/`isfile` (False) and
/// `glob.glob` (no matches). ConvBook reads no data
/// files; a script run as `python FILE.py` runs (`KerasSession.pathExists`) looks up whether the
/// path is there, so that a missing file fails as Python fails (the usual end of a course script
/// in a fresh checkout). A path that is there stays ConvBook's limitation; a lesson, which has no
/// file access, looks nothing up.
enum MissingFiles {
  /// The path `value` names when it is a str the session looked up and found missing.
  /// A path under the folder ConvBook names `/convbook` (`os.getcwd()`, `__file__`) is not
  /// reported: Python's message names the machine's folder there.
  static func missing(_ value: Value?, session: KerasSession) -> String? {
    guard case .string(let path)? = value, !path.isEmpty, !path.contains("\0"),
      onDisk(path) == path, let exists = session.pathExists, !exists(path),
      !MadeFolders.made(path, session: session)
    else { return nil }
    return path
  }

  /// The path to look up for one a script built: under `os.getcwd()`'s folder (or `__file__`'s),
  /// which ConvBook names `/convbook`, it is the run's own folder.
  static func onDisk(_ path: String) -> String {
    let folder = PosixPath.workingDirectory
    if path == folder { return "." }
    guard path.hasPrefix(folder + "/") else { return path }
    return "./" + path.dropFirst(folder.count + 1)
  }

  /// `open`'s (and NumPy's, PIL's, `os.listdir`'s) error: `[Errno 2] No such file or
  /// directory: 'path'`.
  static func notFound(_ path: String, range: SourceRange) -> CellError {
    CellError(
      type: "FileNotFoundError",
      message: "[Errno 2] No such file or directory: \(PythonText.repr(.string(path)))",
      range: range)
  }

  /// `open(file, mode='r', ...)` of a file to read that is not there.
  static func open(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) -> CellError? {
    let file = positional.first ?? keywords.first { $0.0 == "file" }?.1
    let mode = positional.count > 1 ? positional[1] : keywords.first { $0.0 == "mode" }?.1
    if let mode {
      guard case .string(let letters) = mode, letters.contains("r"),
        !letters.contains(where: { "wax+".contains($0) })
      else { return nil }
    }
    return missing(file, session: session).map { notFound($0, range: range) }
  }

  /// `keras.models.load_model(filepath)` of a path that is not there: tf-keras' OSError; Keras 3
  /// by the file's extension (h5py's error for `.h5`, its own ValueErrors for the others).
  static func loadModel(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) -> CellError? {
    let given = positional.first ?? keywords.first { $0.0 == "filepath" }?.1
    guard let path = missing(given, session: session) else { return nil }
    guard session.kerasVersion == .keras3 else {
      return CellError(
        type: "OSError", message: "No file or directory found at \(path)", range: range)
    }
    if path.hasSuffix(".h5") || path.hasSuffix(".hdf5") {
      return CellError(
        type: "FileNotFoundError",
        message:
          "[Errno 2] Unable to synchronously open file (unable to open file: name = '\(path)', errno = 2, error message = 'No such file or directory', flags = 0, o_flags = 0)",
        range: range)
    }
    if path.hasSuffix(".keras") {
      return CellError(
        type: "ValueError",
        message:
          "File not found: filepath=\(path). Please ensure the file is an accessible `.keras` zip file.",
        range: range)
    }
    return CellError(
      type: "ValueError",
      message:
        "File format not supported: filepath=\(path). Keras 3 only supports V3 `.keras` files, legacy H5 format files (`.h5` extension). Note that the legacy SavedModel format is not supported by `load_model()` in Keras 3. In order to reload a TensorFlow SavedModel as an inference-only layer in Keras 3, use `keras.layers.TFSMLayer(\(path), call_endpoint='serving_default')` (note that your `call_endpoint` might have a different name).",
      range: range)
  }

  /// A first positional (or `name=`) path argument that is not there: `np.load(file)`,
  /// `load_img(path)`, `flow_from_directory(directory)`.
  static func firstPath(
    _ name: String, positional: [Value], keywords: [(String, Value)], session: KerasSession,
    range: SourceRange
  ) -> CellError? {
    let given = positional.first ?? keywords.first { $0.0 == name }?.1
    return missing(given, session: session).map { notFound($0, range: range) }
  }

  /// The refusal of a function that looks at the disk where the session has no file access (a
  /// lesson) or the answer needs more than whether the path is there.
  private static func reaches(_ function: String, range: SourceRange) -> CellError {
    .unsupported(
      "`\(function)` reaches files, processes or the machine, which ConvBook cells do not do",
      at: range)
  }

  /// `os.path.exists(path)`, `isdir`, `isfile`: False for a path that is not there, as Python
  /// answers a fresh checkout; True from `exists` for one that is (its kind is not looked up).
  static func pathTest(
    _ function: String, positional: [Value], keywords: [(String, Value)], session: KerasSession,
    range: SourceRange
  ) throws(CellError) -> Value {
    guard positional.count == 1, keywords.isEmpty, let exists = session.pathExists,
      let path = PythonPath.pathText(positional[0])
    else {
      throw reaches("os.path.\(function)", range: range)
    }
    // `genericpath` answers False where `os.stat` fails, an embedded NUL byte included.
    if path.isEmpty || path.contains("\0") { return .bool(false) }
    if MadeFolders.made(path, session: session) { return .bool(function != "isfile") }
    if !exists(onDisk(path)) { return .bool(false) }
    if function == "exists" { return .bool(true) }
    guard let isDirectory = session.pathIsDirectory else {
      throw reaches("os.path.\(function)", range: range)
    }
    // A path that is there and no folder counts as a file (sockets and devices aside).
    return .bool(isDirectory(onDisk(path)) == (function == "isdir"))
  }

  /// `os.listdir(path='.')` of a folder that is not there: Python's FileNotFoundError.
  static func listdir(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) throws(CellError) -> Value {
    let given = positional.first ?? keywords.first { $0.0 == "path" }?.1
    if positional.count + keywords.count == 1, let path = missing(given, session: session) {
      throw notFound(path, range: range)
    }
    // A folder the script made is empty.
    if positional.count + keywords.count == 1, let given, let path = PythonPath.pathText(given),
      MadeFolders.made(path, session: session),
      session.pathExists?(onDisk(path)) == false
    {
      return .list(PythonList([]))
    }
    throw reaches("os.listdir", range: range)
  }

  /// `os.walk(top, topdown=True, onerror=None, followlinks=False)` of a folder that is not
  /// there: a generator that yields nothing, as Python's ignores the error without `onerror`
  /// (a notebook's first cell listing `/kaggle/input` run elsewhere).
  static func walk(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) throws(CellError) -> Value {
    let parameters = ["top", "topdown", "onerror", "followlinks"]
    let onError = positional.count > 2 ? positional[2] : keywords.first { $0.0 == "onerror" }?.1
    guard positional.count <= parameters.count,
      keywords.allSatisfy({ parameters.contains($0.0) }), onError?.isNone ?? true,
      missing(positional.first ?? keywords.first { $0.0 == "top" }?.1, session: session) != nil
    else { throw reaches("os.walk", range: range) }
    return .standard(
      PythonIterator(name: "generator", text: { "<generator object walk>" }) { _, _ in nil })
  }

  /// `glob.glob(pattern)` whose folder (the part before the first wildcard) is not there: an
  /// empty list, as Python finds nothing there.
  static func glob(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) throws(CellError) -> Value {
    guard positional.count + keywords.count >= 1, positional.count <= 1,
      keywords.allSatisfy({ $0.0 == "recursive" || ($0.0 == "pathname" && positional.isEmpty) }),
      let exists = session.pathExists,
      case .string(let pattern)? = positional.first
        ?? keywords.first(where: { $0.0 == "pathname" })?.1,
      !pattern.isEmpty, !pattern.contains("\0")
    else { throw reaches("glob.glob", range: range) }
    let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
    let literal = parts.prefix { !$0.contains(where: { "*?[".contains($0) }) }
    // No wildcard: the path itself; else the folder the wildcards are matched in.
    let folder =
      literal.count == parts.count ? pattern : literal.joined(separator: "/")
    guard !folder.isEmpty, !exists(onDisk(folder)) else {
      throw reaches("glob.glob", range: range)
    }
    // A folder the script made is empty: it matches itself, and nothing matches inside it.
    if literal.count == parts.count, MadeFolders.made(folder, session: session) {
      return .list(PythonList([.string(pattern)]))
    }
    return .list(PythonList([]))
  }

  /// `image_dataset_from_directory(directory, ...)` of a folder that is not there, after the
  /// argument checks both Kerases make before they list it: tf-keras' NotFoundError (from
  /// `tf.io.gfile.listdir`), Keras 3's FileNotFoundError (from `os.listdir`). Nil where the
  /// arguments are beyond the checks ConvBook repeats (the call is then refused).
  static func imageDataset(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) -> CellError? {
    let keras3 = session.kerasVersion == .keras3
    var parameters = [
      "directory", "labels", "label_mode", "class_names", "color_mode", "batch_size", "image_size",
      "shuffle", "seed", "validation_split", "subset", "interpolation", "follow_links",
      "crop_to_aspect_ratio",
    ]
    if keras3 { parameters += ["pad_to_aspect_ratio", "data_format", "format", "verbose"] }
    guard positional.count <= parameters.count else { return nil }
    var given: [String: Value] = [:]
    for (index, value) in positional.enumerated() { given[parameters[index]] = value }
    for (label, value) in keywords {
      guard parameters.contains(label) || (!keras3 && label == "smart_resize"),
        given[label] == nil
      else { return nil }
      given[label] = value
    }
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    guard case .string("inferred") = given["labels"] ?? .string("inferred") else { return nil }
    switch given["label_mode"] ?? .string("int") {
    case .string(let mode) where ["int", "categorical", "binary"].contains(mode): break
    case .string(let mode):
      return valueError(
        "`label_mode` argument must be one of \"int\", \"categorical\", \"binary\", or None. Received: label_mode=\(mode)"
      )
    default: return nil
    }
    switch given["color_mode"] ?? .string("rgb") {
    case .string(let mode) where ["rgb", "rgba", "grayscale"].contains(mode): break
    case .string(let mode):
      return valueError(
        "`color_mode` must be one of {\"rgb\", \"rgba\", \"grayscale\"}. Received: color_mode=\(mode)"
      )
    default: return nil
    }
    if keras3 {
      switch given["image_size"] ?? .int(256) {
      case .int: break
      case .list(let items) where items.count == 2: break
      case .tuple(let items) where items.count == 2: break
      default: return nil
      }
      guard case .string(let format) = given["format"] ?? .string("tf"),
        ["tf", "grain"].contains(format)
      else { return nil }
    }
    let interpolations = [
      "bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5", "gaussian",
      "mitchellcubic",
    ]
    guard case .string(let interpolation) = given["interpolation"] ?? .string("bilinear"),
      interpolations.contains(interpolation.lowercased())
    else { return nil }
    // `dataset_utils.check_validation_split_arg(validation_split, subset, shuffle, seed)`.
    let split = given["validation_split"] ?? .none
    let fraction: Double?
    switch split {
    case .none: fraction = nil
    case .int(let number): fraction = Double(number)
    case .float(let number): fraction = number
    default: return nil
    }
    let subset = given["subset"] ?? .none
    switch subset {
    case .none, .string: break
    default: return nil
    }
    if let fraction, fraction != 0, !(0 < fraction && fraction < 1) {
      return valueError(
        "`validation_split` must be between 0 and 1, received: \(PythonText.str(split))")
    }
    let splitSet = split.isTruthy
    if (splitSet || subset.isTruthy) && !(splitSet && subset.isTruthy) {
      return valueError("If `subset` is set, `validation_split` must be set, and inversely.")
    }
    if case .string(let name) = subset, !["training", "validation", "both"].contains(name) {
      return valueError(
        "`subset` must be either \"training\", \"validation\" or \"both\", received: \(name)")
    }
    if splitSet, (given["shuffle"] ?? .bool(true)).isTruthy, (given["seed"] ?? .none).isNone {
      return valueError(
        "If using `validation_split` and shuffling the data, you must provide a `seed` argument, to make sure that there is no overlap between the training and validation subset."
      )
    }
    // A `pathlib` path is listed by its text.
    let directory = given["directory"].flatMap(PythonPath.pathText).map(Value.string)
    guard let path = missing(directory, session: session) else { return nil }
    guard keras3 else {
      return CellError(
        type: "tensorflow.python.framework.errors_impl.NotFoundError",
        message: "Could not find directory \(path)", range: range)
    }
    return notFound(path, range: range)
  }
}
