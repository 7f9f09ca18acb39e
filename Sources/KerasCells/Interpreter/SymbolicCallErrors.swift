import CNNEngine

/// tf-keras' wrapping of an exception raised by a custom layer's `call` while the layer is called
/// on a Keras tensor (building a model): tf-keras runs `call` converted by AutoGraph, whose error
/// quotes the frame of the script's code ("in user code:", the line marked `*`) inside Keras'
/// "Exception encountered when calling layer" text, and Python's traceback ends at the layer's
/// call (AutoGraph's generated frames are not the script's). Only an `AttributeError` or
/// `NameError` raised by `call`'s own body is worded so; others (raised deeper, or by Keras
/// layers, whose frames AutoGraph quotes from Keras' files) keep ConvBook's plain form.
extension EagerCalls {
  static func symbolicCallError(
    _ error: CellError, of instance: PythonInstance, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) -> CellError? {
    guard interpreter.kerasVersion == .keras2, let type = error.type,
      ["AttributeError", "NameError"].contains(type), error.chained == nil,
      let function = KerasSubclassing.callFunction(of: instance.type),
      error.function == function.name, let caller = error.callers.last,
      caller.range == site.range,
      let script = interpreter.session.scriptName,
      let source = interpreter.session.cellSources[function.cellIndex]
    else { return nil }
    let lineNumber = error.range.start.line
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard lineNumber >= 1, lineNumber <= lines.count else { return nil }
    let quoted = lines[lineNumber - 1].trimmingCharacters(in: .whitespaces)
    let layer = "layer \"\(instance.layerState?.name ?? "")\" (type \(instance.type.name))"
    let arguments = argumentLines(
      of: function, positional: positional, keywords: keywords, batch: nil,
      interpreter: interpreter)
    var wrapped = error
    wrapped.message =
      "Exception encountered when calling \(layer).\n\nin user code:\n\n"
      + "    File \"\(script)\", line \(lineNumber), in \(function.name)  *\n        \(quoted)\n\n"
      + "    \(type): \(error.message)\n\n\n"
      + "Call arguments received by \(layer):\n" + arguments.joined(separator: "\n")
    // The traceback ends where the layer was called.
    wrapped.range = caller.range
    wrapped.function = caller.function == "<module>" ? nil : caller.function
    wrapped.callers.removeLast()
    wrapped.tracebackRange = nil
    wrapped.tracebackAnchor = nil
    wrapped.suggestion = nil
    wrapped.arguments = nil
    return wrapped
  }
}
