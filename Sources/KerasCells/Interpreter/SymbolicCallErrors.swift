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

extension EagerCalls {
  /// Whether `positional` holds Keras 3's named Keras tensors only.
  static func callsNamedKerasTensors(_ positional: [Value]) -> Bool {
    !positional.isEmpty
      && positional.allSatisfy {
        if case .kerasTensor(let tensor) = $0 { return tensor.keras3Name != nil }
        return false
      }
  }
}

/// Keras 3's wrapping of an exception raised by a custom layer's `call` while the layer is called
/// on Keras tensors: `Layer.compute_output_spec` runs `call` on graph tensors to infer the output
/// and re-raises a failure as "Could not automatically infer the output shape / dtype", which
/// `Operation.__call__` wraps with the arguments of `symbolic_call(*args, **kwargs)` (each
/// tensor by its `repr`, as strings; `kwargs` the keywords Keras' `__call__` passed on: the
/// caller's, `training` when `call` takes it and it is known, `mask` when `call` takes one). The
/// exception keeps its type and traceback (down into `call`), and no "Did you mean" suggestion.
/// A layer called inside another's `call` runs on graph tensors, not Keras tensors: Keras 3 calls
/// it as on data ("Arguments received by" its `call`'s parameters), and the outer layer wraps
/// that again.
extension EagerCalls {
  static func keras3SymbolicCallError(
    _ error: CellError, of instance: PythonInstance, positional: [Value],
    keywords: [(String, Value)], interpreter: Interpreter
  ) -> CellError? {
    guard interpreter.kerasVersion == .keras3, error.type != nil,
      let function = KerasSubclassing.callFunction(of: instance.type)
    else { return nil }
    let className = instance.type.name
    let prefix = "Exception encountered when calling"
    var tensors: [KerasTensor] = []
    func collect(_ value: Value) {
      switch value {
      case .kerasTensor(let tensor): tensors.append(tensor)
      case .list, .tuple: (value.sequenceItems ?? []).forEach(collect)
      default: break
      }
    }
    positional.forEach(collect)
    var wrapped = error
    wrapped.suggestion = nil
    wrapped.arguments = nil
    if tensors.contains(where: { $0.keras3Name == nil }) {
      // Inside another layer's traced `call`: the innermost layer wraps once, as on data.
      // (In a step Keras 3's `fit`, `evaluate` or `predict` traces, on the step's batch.)
      guard !error.message.hasPrefix(prefix) else { return nil }
      let lines = argumentLines(
        of: function, positional: positional, keywords: keywords,
        batch: interpreter.session.keras3StepTrace?.batch,
        interpreter: interpreter)
      wrapped.message =
        "\(prefix) \(className).call().\n\n\u{1B}[1m\(error.message)\u{1B}[0m\n\nArguments received by \(className).call():\n"
        + lines.joined(separator: "\n")
      return wrapped
    }
    let session = interpreter.session
    let parameters = function.parameters.dropFirst().map(\.name)
    var passed = keywords
    if !parameters.contains("training") { passed.removeAll { $0.0 == "training" } }
    if parameters.contains("training"), !passed.contains(where: { $0.0 == "training" }),
      let training = session.callContextTraining ?? function.defaults["training"],
      !training.isNone
    {
      passed.append(("training", training))
    }
    if parameters.contains("mask"), tensors.count == 1, !passed.contains(where: { $0.0 == "mask" })
    {
      guard tensors[0].keras3Mask == nil else { return nil }
      passed.append(("mask", .none))
    }
    func text(_ value: Value) -> Value {
      switch value {
      case .kerasTensor(let tensor):
        return .string(
          tensor.reprDescription(showing: EagerCalls.shownShape(of: tensor, session: session)))
      case .list(let list): return .list(PythonList(list.items.map(text)))
      case .tuple(let items): return .tuple(items.map(text))
      default: return .string(PythonText.repr(value))
      }
    }
    let arguments = PythonText.repr(.tuple(positional.map(text)))
    let keywordText =
      passed.isEmpty
      ? "<class 'inspect._empty'>"
      : PythonText.repr(.dictionary(PythonDict(passed.map { (.string($0.0), text($0.1)) })))
    let name = instance.layerState?.name ?? ""
    wrapped.message =
      "\(prefix) \(className).call().\n\n\u{1B}[1mCould not automatically infer the output shape / dtype of '\(name)' (of type \(className)). Either the `\(className).call()` method is incorrect, or you need to implement the `\(className).compute_output_spec() / compute_output_shape()` method. Error encountered:\n\n\(error.message)\u{1B}[0m\n\nArguments received by \(className).call():\n  • args=\(arguments)\n  • kwargs=\(keywordText)"
    return wrapped
  }
}
