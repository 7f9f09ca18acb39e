/// Python's `functools` beyond `partial`: `reduce`, `wraps` and `update_wrapper`, with CPython
/// 3.11's results and messages. `wraps(f)` is what CPython makes it: a `partial` of
/// `update_wrapper` with `wrapped=f`, so a decorated function keeps its own code and takes the
/// wrapped one's `__name__`, `__qualname__`, `__doc__`, `__module__` and `__wrapped__`.
enum StandardFunctools {
  static let names: Set<String> = ["reduce", "wraps", "update_wrapper"]

  /// The attributes `update_wrapper` copies (CPython's `WRAPPER_ASSIGNMENTS`, without
  /// `__annotations__`, which ConvBook's functions do not keep).
  static let assignments = ["__module__", "__name__", "__qualname__", "__doc__"]

  static func value(_ name: String) -> Value? {
    guard names.contains(name) else { return nil }
    return .function(Callable(.builtin("functools." + name), path: "functools." + name))
  }

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: message, range: range)
    }
    switch name {
    case "reduce":
      if !keywords.isEmpty { throw typeError("reduce() takes no keyword arguments") }
      guard positional.count >= 2 else {
        throw typeError("reduce expected at least 2 arguments, got \(positional.count)")
      }
      guard positional.count <= 3 else {
        throw typeError("reduce expected at most 3 arguments, got \(positional.count)")
      }
      guard isIterable(positional[1]) else {
        throw typeError("reduce() arg 2 must support iteration")
      }
      var accumulated: Value? = positional.count == 3 ? positional[2] : nil
      try interpreter.forEach(positional[1], range: range) { item throws(CellError) in
        try interpreter.step(at: range)
        if let current = accumulated {
          accumulated = try Calls.call(
            positional[0], positional: [current, item], keywords: [], site: site,
            interpreter: interpreter)
        } else {
          accumulated = item
        }
        return true
      }
      guard let result = accumulated else {
        throw typeError("reduce() of empty iterable with no initial value")
      }
      return result
    case "wraps":
      let arguments = try bind(
        "wraps", ["wrapped", "assigned", "updated"], required: 1, positional, keywords,
        range: range)
      var partialKeywords: [(String, Value)] = [("wrapped", arguments[0]!)]
      if let assigned = arguments[1] { partialKeywords.append(("assigned", assigned)) }
      if let updated = arguments[2] { partialKeywords.append(("updated", updated)) }
      return .function(
        Callable(
          .partial(
            Callable.PartialApplication(
              callee: value("update_wrapper")!, positional: [], keywords: partialKeywords)),
          path: "functools.partial"))
    default:  // update_wrapper
      let arguments = try bind(
        "update_wrapper", ["wrapper", "wrapped", "assigned", "updated"], required: 2, positional,
        keywords, range: range)
      let wrapper = arguments[0]!
      let wrapped = arguments[1]!
      guard case .function(let callable) = wrapper, case .user(let function) = callable.kind
      else {
        throw .unsupported(
          "ConvBook's functools.update_wrapper (and wraps) only update functions defined with `def` or `lambda`, not a \(wrapper.typeName)",
          at: range)
      }
      var names = assignments
      if let assigned = arguments[2] {
        names = []
        for item in try interpreter.iterate(assigned, range: range) {
          guard case .string(let text) = item else {
            throw typeError("attribute name must be string, not '\(item.typeName)'")
          }
          names.append(text)
        }
      }
      for attribute in names {
        do {
          function.attributes[attribute] = try Attributes.get(
            attribute, of: wrapped, range: range, interpreter: interpreter)
        } catch {
          // CPython skips an attribute the wrapped object lacks; one ConvBook lacks (a Keras
          // class' docstring) is refused when it is read.
          if error.type == nil { function.refusedAttributes[attribute] = error.message }
        }
      }
      function.attributes["__wrapped__"] = wrapped
      return wrapper
    }
  }

  /// What `Interpreter.iterate` walks, asked without drawing from an iterator.
  static func isIterable(_ value: Value) -> Bool {
    switch value {
    case .list, .tuple, .tensorShape, .string, .dictionary, .set, .range, .model, .array:
      return true
    case .standard(let object): return object.tupleItems != nil || object.isIterator
    default: return false
    }
  }

  /// Binds the arguments of a Python-level function of `functools` (CPython's messages for
  /// `def wraps(wrapped, assigned=..., updated=...)`); nil for a parameter left at its default.
  private static func bind(
    _ function: String, _ parameters: [String], required: Int, _ positional: [Value],
    _ keywords: [(String, Value)], range: SourceRange
  ) throws(CellError) -> [Value?] {
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: "\(function)() " + message, range: range)
    }
    guard positional.count <= parameters.count else {
      let takes =
        required == parameters.count
        ? "\(required)" : "from \(required) to \(parameters.count)"
      throw typeError(
        "takes \(takes) positional arguments but \(positional.count) were given")
    }
    var values: [Value?] =
      positional.map { $0 } + Array(repeating: nil, count: parameters.count - positional.count)
    for (label, value) in keywords {
      guard let index = parameters.firstIndex(of: label) else {
        throw typeError("got an unexpected keyword argument '\(label)'")
      }
      if values[index] != nil {
        throw typeError("got multiple values for argument '\(label)'")
      }
      values[index] = value
    }
    let missing = parameters.indices.prefix(required).filter { values[$0] == nil }
    if !missing.isEmpty {
      let quoted = missing.map { "'\(parameters[$0])'" }
      let list =
        quoted.count == 1
        ? quoted[0]
        : quoted.dropLast().joined(separator: ", ") + (quoted.count > 2 ? "," : "") + " and "
          + quoted.last!
      throw typeError(
        "missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)"
      )
    }
    return values
  }
}
