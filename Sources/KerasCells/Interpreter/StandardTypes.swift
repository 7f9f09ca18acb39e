/// Python's `types`, as far as model code uses it: `MethodType` (a function bound to an object,
/// as image-segmentation code attaches `train` and `predict` helpers to a Keras model) and
/// `SimpleNamespace`, and the classes of functions for annotations and type checks
/// (`FunctionType`, `BuiltinFunctionType`). The module's other classes are its names that
/// ConvBook lacks, refused as its limitation.
enum StandardTypes {
  /// The classes: `types.MethodType` is the built-in class `method` (`<class 'method'>`), so that
  /// `isinstance` matches bound methods of the cell's own classes too.
  static func attribute(_ name: String) -> Value? {
    switch name {
    case "MethodType": return .standard(StandardClass(module: "builtins", name: "method"))
    case "SimpleNamespace": return .standard(StandardClass(module: "types", name: name))
    // The classes of functions, for annotations and type checks (`isinstance(f, FunctionType)`).
    case "FunctionType", "LambdaType":
      return .standard(StandardClass(module: "builtins", name: "function"))
    case "BuiltinFunctionType", "BuiltinMethodType":
      return .standard(StandardClass(module: "builtins", name: "builtin_function_or_method"))
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    switch name {
    case "function", "builtin_function_or_method":
      throw .unsupported(
        "ConvBook does not support making a function from its class (`types.\(name == "function" ? "FunctionType" : "BuiltinFunctionType")`) yet",
        at: arguments.range)
    case "method":
      // CPython's `method(function, instance)` takes exactly two positional arguments.
      guard arguments.keywords.isEmpty else {
        throw arguments.typeError("method() takes no keyword arguments")
      }
      guard arguments.positional.count == 2 else {
        throw arguments.typeError(
          "method expected 2 arguments, got \(arguments.positional.count)")
      }
      let (function, instance) = (arguments.positional[0], arguments.positional[1])
      guard Builtins.isCallable(function) else {
        throw arguments.typeError("first argument must be callable")
      }
      if case .none = instance { throw arguments.typeError("instance must not be None") }
      let method = Callable.PartialApplication(
        callee: function, positional: [instance], keywords: [], isBoundMethod: true)
      return .function(Callable(.partial(method), path: "method"))
    case "SimpleNamespace":
      guard arguments.positional.isEmpty else {
        throw arguments.typeError("no positional arguments expected")
      }
      try arguments.interpreter.budget.allocate(
        slots: arguments.keywords.count * 2, at: arguments.range)
      return .standard(
        Namespace(arguments.keywords.map { (.string($0.0), $0.1) }, simple: true))
    default: return nil
    }
  }
}
