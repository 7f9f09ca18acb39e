import CNNEngine

/// Subclasses of Keras' own layer classes (`class MCDropout(keras.layers.Dropout)`, a `Dense`
/// whose `get_config` adds a setting): the instance is the built-in layer, made by the base
/// class's constructor with the instance's arguments, named after the subclass (`mc_dropout`)
/// and classed as it in summaries. A `call` of its own runs on the Keras tensor the layer is
/// called on; it must come down to the base class's `call` on that tensor
/// (`super().call(inputs, training=True)`), else it is refused as ConvBook's limitation. Other
/// `super()` methods are the built-in layer's (`super().get_config()`).
extension KerasSubclassing {
  /// Layer classes whose subclasses ConvBook does not model (wrappers around other layers and
  /// models, and layers that run Python functions).
  static let unsubclassableLayers: Set<String> = [
    "Lambda", "TimeDistributed", "Bidirectional", "InputLayer", "RNN",
  ]

  /// `super().__init__(...)` of a subclass of a built-in layer (or instantiation without an
  /// `__init__`): the base class's constructor, named after the subclass unless `name=` is given.
  static func initializeBuiltin(
    _ instance: PythonInstance, base: Callable, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    var keywords = keywords
    var name: String
    if let given = keywords.first(where: { $0.0 == "name" }), case .string(let text) = given.1 {
      name = text
    } else {
      keywords.removeAll { $0.0 == "name" }
      name = interpreter.kerasNames.uniqueName(forClass: instance.type.name)
      keywords.append(("name", .string(name)))
    }
    let made = try Calls.call(
      .function(base), positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    guard case .layer(let layer) = made else {
      throw .unsupported(
        "ConvBook does not support subclassing `\(base.path)` yet", at: site.range)
    }
    layer.subclassName = instance.type.name
    name = layer.name
    let state = CustomLayerState(name: name)
    state.layer = layer
    instance.layerState = state
    interpreter.session.customLayers[ObjectIdentifier(layer)] = instance
  }

  /// Refuses a subclass that overrides a method the built-in layer's own `call` runs
  /// (`convolution_op` of the convolutions), which ConvBook's layer would not run.
  static func checkOverrides(_ type: PythonClass, range: SourceRange) throws(CellError) {
    guard type.lookup("convolution_op") != nil else { return }
    throw .unsupported(
      "ConvBook does not run convolution_op() of a subclass of a convolution layer yet (\(type.name) overrides it)",
      at: range)
  }

  /// Calls a subclass of a built-in layer: the layer itself, or the subclass's `call` when it has
  /// one (which must return the layer's own call on the same tensor).
  static func callBuiltin(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard let layer = instance.layerState?.layer else {
      throw CellError(
        type: "RuntimeError",
        message: "You must call `super().__init__()` in the layer constructor.",
        range: site.range)
    }
    let type = instance.type
    try checkOverrides(type, range: site.range)
    guard let (call, _) = type.lookup("call") else {
      return try Calls.call(
        .layer(layer), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    }
    guard positional.count == 1, case .kerasTensor(let tensor) = positional[0] else {
      throw .unsupported(
        "ConvBook calls \(type.name), which overrides call(), on one Keras tensor only",
        at: site.range)
    }
    let session = interpreter.session
    let result = try session.tracingCall { () throws(CellError) in
      try interpreter.callClassMember(
        call, receiver: .instance(instance), receiverClass: type, positional: positional,
        keywords: keywords, site: site)
    }.result
    guard case .kerasTensor(let output) = result, output.producer === layer,
      output.inputs.count == 1, output.inputs[0] === tensor
    else {
      throw .unsupported(
        "ConvBook runs a call() of a subclass of \(layer.layer.className) only when it returns super().call(inputs, ...); \(type.name).call does more",
        at: site.range)
    }
    instance.layerState?.isBuilt = true
    return result
  }

  /// `super().NAME(...)` in a subclass of a built-in layer: the built-in layer's method.
  /// `call(inputs, training=...)` calls the layer on the tensor (ConvBook's forward pass runs
  /// layers in inference mode whatever `training` says).
  static func builtinMethod(
    _ name: String, of instance: PythonInstance, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard let layer = instance.layerState?.layer else {
      if name == "__init__", let base = instance.type.kerasLayerClass {
        try initializeBuiltin(
          instance, base: base, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
        return .none
      }
      throw CellError(
        type: "RuntimeError",
        message: "You must call `super().__init__()` in the layer constructor.",
        range: site.range)
    }
    switch name {
    case "__init__":
      throw .unsupported(
        "ConvBook does not support calling super().__init__() twice on \(layer.name)",
        at: site.range)
    case "call":
      let inputs = positional.first ?? keywords.first { $0.0 == "inputs" }?.1
      guard let inputs else {
        throw CellError(
          type: "TypeError",
          message:
            "\(layer.layer.className).call() missing 1 required positional argument: 'inputs'",
          range: site.range)
      }
      for (label, _) in keywords where !["inputs", "training", "mask"].contains(label) {
        throw .unsupported(
          "ConvBook does not support the argument `\(label)` of \(layer.layer.className).call() yet",
          at: site.range)
      }
      return try Calls.call(
        .layer(layer), positional: [inputs], keywords: [], site: site, interpreter: interpreter)
    case "build":
      return .none
    default:
      // The built-in layer's own method, not the subclass's override of it.
      return try Calls.call(
        .method(receiver: .layer(layer), name: name), positional: positional, keywords: keywords,
        site: site, interpreter: interpreter)
    }
  }
}
