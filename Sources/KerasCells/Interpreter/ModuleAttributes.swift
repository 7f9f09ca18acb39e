/// Attributes a script sets on a module: a module is an object like any other in Python, and
/// course code of the TensorFlow 2 era keeps its model on TensorFlow's module
/// (`tf.model = tf.keras.Sequential()`, then `tf.model.add(...)`, `tf.model.fit(...)`), or a
/// setting on its own helper module. ConvBook keeps such an attribute per module object for the
/// session, for names the module does not have; replacing one of the module's own names (patching
/// `np.random.seed`, `tf.keras`) stays ConvBook's limitation, as ConvBook's own code reads them.
enum ModuleAttributes {
  /// The attribute the script added to `module` under `name`, if any.
  static func added(_ name: String, of module: KerasModule, session: KerasSession) -> Value? {
    session.moduleAttributes[key(module)]?[name]
  }

  /// `module.name = value`.
  static func add(
    _ name: String, to module: KerasModule, value: Value, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) {
    if module == .standard("sys"), name == "argv" {
      // Notebooks set the command line a script's `parse_args()` reads
      // (`sys.argv = ['train.py', '--epochs', '2']`).
      guard case .list(let list) = value else {
        throw .unsupported(
          "ConvBook takes sys.argv as a list, not \(value.typeName)", at: range)
      }
      interpreter.session.systemArguments = list
      return
    }
    let key = key(module)
    let replacesSSLFactory = module == .inert("ssl") && sslContextFactories.contains(name)
    if interpreter.session.moduleAttributes[key]?[name] == nil, !replacesSSLFactory {
      // Only a name the module lacks (Python's AttributeError when read) is the script's own.
      var lacked = false
      do throws(CellError) {
        _ = try Attributes.get(name, of: .module(module), range: range, interpreter: interpreter)
      } catch {
        guard error.type == "AttributeError" else { throw error }
        lacked = true
      }
      guard lacked else {
        throw .unsupported(
          "setting `\(name)` on a module is not supported in ConvBook cells (it is one of the module's own names)",
          at: range)
      }
    }
    interpreter.session.moduleAttributes[key, default: [:]][name] = value
  }

  /// The `ssl` functions that make the default HTTPS context, which scripts swap
  /// (`ssl._create_default_https_context = ssl._create_unverified_context`) before a download.
  static let sslContextFactories: Set<String> = [
    "_create_default_https_context", "_create_unverified_context", "_create_stdlib_context",
    "create_default_context",
  ]

  /// One module object, apart from another module reaching the same names (`keras` of a Keras 3
  /// session and `tf.keras` are two modules).
  private static func key(_ module: KerasModule) -> String { String(describing: module) }
}
