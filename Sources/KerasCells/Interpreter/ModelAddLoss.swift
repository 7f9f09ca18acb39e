import CNNEngine

/// `model.add_loss(tensor)` on a functional model (the VAE pattern: a loss built from the model's
/// Keras tensors): tf-keras inserts an `AddLoss` layer and the layers between the model's inputs
/// and the tensor into the model (`KerasModel.addLoss`), so its summary lists them; `fit`
/// and `evaluate` add its value to the loss (`TrainingGraph.addedLosses`).
enum ModelAddLoss {
  static func call(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    if interpreter.kerasVersion == .keras3, model.kind == .functional {
      // Keras 3's `Functional.add_loss(self, loss)` is not written yet: its bare
      // NotImplementedError once Python has bound the one argument.
      func typeError(_ message: String) -> CellError {
        CellError(type: "TypeError", message: "Functional.add_loss() " + message, range: site.range)
      }
      if positional.count > 1 {
        throw typeError("takes 2 positional arguments but \(positional.count + 1) were given")
      }
      for (label, _) in keywords where label != "loss" || !positional.isEmpty {
        throw label == "loss"
          ? typeError("got multiple values for argument 'loss'")
          : typeError("got an unexpected keyword argument '\(label)'")
      }
      if positional.isEmpty && keywords.isEmpty {
        throw typeError("missing 1 required positional argument: 'loss'")
      }
      throw CellError(type: "NotImplementedError", message: "", range: site.range)
    }
    // tf-keras' `add_loss(self, losses, **kwargs)`: Python binds `losses`, then Keras drops
    // `inputs` and refuses any other keyword.
    if positional.count > 1 {
      throw CellError(
        type: "TypeError",
        message:
          "Layer.add_loss() takes 2 positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    var arguments = positional
    var others: [String] = []
    for (label, value) in keywords {
      if label == "losses" {
        guard arguments.isEmpty else {
          throw CellError(
            type: "TypeError",
            message: "Layer.add_loss() got multiple values for argument 'losses'",
            range: site.range)
        }
        arguments.append(value)
      } else if label != "inputs" {
        others.append(label)
      }
    }
    guard !arguments.isEmpty else {
      throw CellError(
        type: "TypeError",
        message: "Layer.add_loss() missing 1 required positional argument: 'losses'",
        range: site.range)
    }
    if !others.isEmpty {
      let keys = others.map { PythonText.repr(.string($0)) }.joined(separator: ", ")
      throw CellError(
        type: "TypeError", message: "Unknown keyword arguments: dict_keys([\(keys)])",
        range: site.range)
    }
    guard case .kerasTensor(let loss) = arguments[0] else {
      throw .unsupported(
        "ConvBook supports model.add_loss() with one Keras tensor made from the model's inputs, not a value of type '\(arguments[0].typeName)', yet",
        at: site.range)
    }
    if interpreter.kerasVersion == .keras3 {
      throw .unsupported(
        "ConvBook does not support model.add_loss() under Keras 3 yet", at: site.range)
    }
    do {
      try model.addLoss(loss, layerName: interpreter.kerasNames.uniqueName("add_loss"))
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    return .none
  }

  /// `self.add_loss(tensor)` / `self.add_metric(tensor, name=...)` inside a custom layer's `call`
  /// while it is traced: the tensor is checked and the layer marked, so that its model summarises
  /// as Keras' does and training it is refused (`checkTrainable`).
  static func layerCall(
    _ name: String, state: CustomLayerState, positional: [Value], keywords: [(String, Value)],
    site: CallSite, keras3: Bool
  ) throws(CellError) -> Value {
    if name == "add_loss" {
      try bindLayerAddLoss(positional: positional, keywords: keywords, keras3: keras3, site: site)
    }
    let given =
      positional.first
      ?? keywords.first(where: { ["losses", "loss", "value"].contains($0.0) })?.1
    var tensors: [Value] = []
    if let given { tensors = given.sequenceItems ?? [given] }
    guard !tensors.isEmpty,
      tensors.allSatisfy({ if case .kerasTensor = $0 { true } else { false } })
    else {
      throw .unsupported(
        "ConvBook supports Layer.\(name)() in call() with Keras tensors only, yet", at: site.range)
    }
    if state.addedInCall == nil { state.addedInCall = name }
    return .none
  }

  /// Python's binding of `self.add_loss(...)` in a layer's `call`: Keras 3's
  /// `add_loss(self, loss)`; tf-keras' `add_loss(self, losses, **kwargs)`, which drops `inputs`
  /// and refuses any other keyword.
  private static func bindLayerAddLoss(
    positional: [Value], keywords: [(String, Value)], keras3: Bool, site: CallSite
  ) throws(CellError) {
    let parameter = keras3 ? "loss" : "losses"
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: "Layer.add_loss() " + message, range: site.range)
    }
    if positional.count > 1 {
      throw typeError("takes 2 positional arguments but \(positional.count + 1) were given")
    }
    var others: [String] = []
    for (label, _) in keywords {
      if label == parameter {
        if !positional.isEmpty { throw typeError("got multiple values for argument '\(label)'") }
      } else if keras3 {
        throw typeError("got an unexpected keyword argument '\(label)'")
      } else if label != "inputs" {
        others.append(label)
      }
    }
    if positional.isEmpty && !keywords.contains(where: { $0.0 == parameter }) {
      throw typeError("missing 1 required positional argument: '\(parameter)'")
    }
    if !others.isEmpty {
      let keys = others.map { PythonText.repr(.string($0)) }.joined(separator: ", ")
      throw CellError(
        type: "TypeError", message: "Unknown keyword arguments: dict_keys([\(keys)])",
        range: site.range)
    }
  }

  /// Training and evaluating a model whose custom layer adds losses or metrics in `call` is
  /// ConvBook's limitation (the trace keeps no such tensor yet).
  static func checkTrainable(_ model: KerasModel, site: CallSite, session: KerasSession)
    throws(CellError)
  {
    for layer in model.flattenedLayers {
      guard let instance = session.customLayers[ObjectIdentifier(layer)],
        let method = instance.layerState?.addedInCall
      else { continue }
      throw .unsupported(
        "ConvBook cannot train or evaluate a model whose custom layer \(instance.type.name) calls self.\(method)() in call() yet",
        at: site.range)
    }
  }
}
