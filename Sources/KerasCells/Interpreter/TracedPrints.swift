import CNNEngine

/// `print()` inside a custom layer's `call`: Keras runs `call` as Python each time it traces it,
/// once where the layer is first called on Keras tensors (which ConvBook replays) and again when
/// `fit`, `evaluate` and `predict` build their TensorFlow functions (tf-keras traces a training
/// step twice when it creates the optimizer's variables; Keras 3's `predict` traces with the
/// batch's own shape), so the text comes back a number of times and with shapes that depend on
/// TensorFlow's tracing. ConvBook does not replay those traces: it refuses to run such a model
/// rather than print less than Keras.
enum TracedPrints {
  static func check(
    _ model: SequentialModel, method: String, site: CallSite, interpreter: Interpreter
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

  private static func refusal(_ name: String, method: String, site: CallSite) -> CellError {
    .unsupported(
      "ConvBook does not support `model.\(method)()` of a model whose \(name).call() prints yet: Keras prints again each time \(method) traces call()",
      at: site.range)
  }
}
