import CNNEngine

/// `model.save(filepath)`: ConvBook writes no model files, but Keras 3 refuses a path without a
/// `.keras` or `.h5` extension before it writes anything (measured with Keras 3.15.1), and that
/// error stays Keras'.
enum ModelSaving {
  static func save(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Never {
    if interpreter.kerasVersion == .keras3,
      case .string(let path)? = positional.first
        ?? keywords.first(where: { $0.0 == "filepath" })?.1,
      !path.hasSuffix(".keras"), !path.hasSuffix(".h5")
    {
      throw CellError(
        type: "ValueError",
        message:
          "Invalid filepath extension for saving. Please add either a `.keras` extension for the native Keras format (recommended) or a `.h5` extension. Use `model.export(filepath)` if you want to export a SavedModel for use with TFLite/TFServing/etc. Received: filepath=\(path).",
        range: site.range)
    }
    throw .unsupported("model.save() is not supported in ConvBook cells", at: site.range)
  }
}
