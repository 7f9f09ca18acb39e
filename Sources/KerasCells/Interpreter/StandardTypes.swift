/// Python's `types`, as far as model code uses it: `SimpleNamespace`, a settings object
/// (`cfg.model.img_size`), and `MethodType`, a function bound to an object (divamgupta's
/// segmentation models attach `train` and `predict_segmentation` to their Functional model
/// with it). CPython 3.11's results and messages.
enum StandardTypes {
  static func attribute(_ name: String) -> Value? {
    switch name {
    case "SimpleNamespace", "MethodType":
      return .standard(StandardClass(module: "types", name: name))
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    switch name {
    case "SimpleNamespace":
      guard arguments.positional.isEmpty else {
        throw arguments.typeError("no positional arguments expected")
      }
      return .standard(
        Namespace(arguments.keywords.map { (.string($0.0), $0.1) }, style: .simpleNamespace))
    case "MethodType":
      guard arguments.keywords.isEmpty else {
        throw arguments.typeError("method() takes no keyword arguments")
      }
      guard arguments.positional.count == 2 else {
        throw arguments.typeError("method expected 2 arguments, got \(arguments.positional.count)")
      }
      let function = arguments.positional[0]
      let receiver = arguments.positional[1]
      guard isCallable(function) else {
        throw arguments.typeError("first argument must be callable")
      }
      if case .none = receiver { throw arguments.typeError("instance must not be None") }
      // Calling it calls the function with the object first: what a partial application does;
      // only its type, text and attributes are a method's.
      let path: String
      if case .function(let callable) = function { path = callable.path } else { path = "method" }
      return .function(
        Callable(
          .partial(
            Callable.PartialApplication(
              callee: function, positional: [receiver], keywords: [], isBoundMethod: true)),
          path: path))
    default: return nil
    }
  }

  private static func isCallable(_ value: Value) -> Bool {
    switch value {
    case .function, .method, .layer, .model: return true
    case .instance(let instance): return instance.type.lookup("__call__") != nil
    case .standard(let object): return object.isCallable
    default: return false
    }
  }

  /// A bound method's name as CPython shows it (`<bound method train of ...>`): the function's
  /// qualified name.
  static func methodName(_ function: Value) -> String {
    guard case .function(let callable) = function else { return "?" }
    if case .user(let user) = callable.kind { return user.qualifiedName }
    return String(callable.path.split(separator: ".").last ?? "")
  }
}
