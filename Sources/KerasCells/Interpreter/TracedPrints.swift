import CNNEngine

/// `print()` inside a custom layer's `call`: Keras runs `call` as Python each time it traces it,
/// once where the layer is first called on Keras tensors (which ConvBook replays) and again when
/// `fit`, `evaluate` and `predict` build their TensorFlow functions (tf-keras traces a training
/// step twice when it creates the optimizer's variables; Keras 3's `predict` traces with the
/// batch's own shape), so the text comes back a number of times and with shapes that depend on
/// TensorFlow's tracing; Keras 3's Sequential `add` and `pop` rebuild the model, calling every
/// layer again. ConvBook does not replay those traces: it refuses rather than print less than
/// Keras.
enum TracedPrints {
  static func check(
    _ model: KerasModel, method: String, site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let session = interpreter.session
    let printing = session.printingCalls
    guard !printing.isEmpty else { return }
    func printingClass(_ layer: LayerInstance) -> String? {
      let object =
        session.customLayers[ObjectIdentifier(layer)]
        ?? layer.model.flatMap { session.customLayers[ObjectIdentifier($0)] }
      return object.flatMap { printing[ObjectIdentifier($0)] }
    }
    var models = [model]
    if let object = session.customLayers[ObjectIdentifier(model)],
      let name = printing[ObjectIdentifier(object)]
    {
      throw refusal(name, method: method, site: site)
    }
    while let next = models.popLast() {
      for layer in next.layers {
        if let name = printingClass(layer) { throw refusal(name, method: method, site: site) }
        if let inner = layer.model, inner !== next { models.append(inner) }
      }
    }
  }

  /// A custom layer whose `call` printed, called on Keras tensors again: Keras runs `call` at
  /// every such call, ConvBook reuses its first trace.
  static func checkCallAgain(_ instance: PythonInstance, site: CallSite, interpreter: Interpreter)
    throws(CellError)
  {
    guard instance.layerState?.layer != nil,
      let name = interpreter.session.printingCalls[ObjectIdentifier(instance)]
    else { return }
    throw .unsupported(
      "ConvBook does not support calling the layer again when \(name).call() prints yet: Keras runs call() at each call and prints again",
      at: site.range)
  }

  /// Keras 3 builds a custom layer without a `build` of its own whose sublayers are unbuilt by
  /// running `call` once more before the call itself (`_maybe_build`), so its prints come twice.
  static func checkBuildByRun(_ instance: PythonInstance, site: CallSite, interpreter: Interpreter)
    throws(CellError)
  {
    guard let name = interpreter.session.printingCalls[ObjectIdentifier(instance)] else { return }
    throw .unsupported(
      "ConvBook does not support print() inside \(name).call() at its first call yet: Keras 3 runs call() twice there (once to build the layers it holds) and prints twice",
      at: site.range)
  }

  private static func refusal(_ name: String, method: String, site: CallSite) -> CellError {
    .unsupported(
      "ConvBook does not support `model.\(method)()` of a model whose \(name).call() prints yet: Keras prints again each time \(method) traces call()",
      at: site.range)
  }
}
