/// TensorFlow 1's session set-up that TensorFlow 2 scripts keep at their top
/// (`gpu_options = tf.compat.v1.GPUOptions(per_process_gpu_memory_fraction=0.2)`,
/// `config = tf.compat.v1.ConfigProto(gpu_options=gpu_options)`,
/// `session = tf.compat.v1.Session(config=config)`): made and left alone, they change nothing that
/// eager code prints. The objects answer nothing else: an attribute, a method (`sess.run`) or
/// their text is ConvBook's limitation.
final class TFCompatSessionObject: StandardObject {
  static let classNames: Set<String> = ["GPUOptions", "ConfigProto", "Session"]

  let className: String

  init(className: String) { self.className = className }

  override var typeName: String { className }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    throw .unsupported(
      "ConvBook does not support `tf.compat.v1.\(className).\(name)` yet", at: range)
  }

  /// `tf.compat.v1.GPUOptions(**fields)`, `ConfigProto(**fields)` (protocol buffers, which take
  /// keyword arguments only) or `Session(target, graph, config)`.
  static func make(
    _ className: String, positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    if className != "Session", !positional.isEmpty {
      throw CellError(
        type: "TypeError", message: "No positional arguments allowed", range: site.range)
    }
    return .standard(TFCompatSessionObject(className: className))
  }
}
