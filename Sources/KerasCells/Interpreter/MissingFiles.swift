/// Python's own errors for a path that does not exist where a script reads a file: `open`,
/// `np.load`, Keras' `load_img`, `load_model` and `flow_from_directory`. ConvBook reads no data
/// files; a script run as `python FILE.py` runs (`KerasSession.pathExists`) looks up whether the
/// path is there, so that a missing file fails as Python fails (the usual end of a course script
/// in a fresh checkout). A path that is there stays ConvBook's limitation; a lesson, which has no
/// file access, looks nothing up.
enum MissingFiles {
  /// The path `value` names when it is a str the session looked up and found missing.
  static func missing(_ value: Value?, session: KerasSession) -> String? {
    guard case .string(let path)? = value, !path.isEmpty, !path.contains("\0"),
      let exists = session.pathExists, !exists(path)
    else { return nil }
    return path
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
}
