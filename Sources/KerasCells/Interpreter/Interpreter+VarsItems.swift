/// `vars(self)[f'conv2D_{i}'] = layer` and `vars(self)['conv2D_0']` in a Keras layer or model
/// (the DeepLearning.AI "Custom Models" VGG blocks): the item goes into the object's `__dict__`
/// past Keras' `__setattr__`, so neither Keras tracks the layer — it runs where `call` uses it,
/// but it is none of the object's layers and its weights are none of the model's. ConvBook keeps
/// such attributes out of the tracked layers and refuses what would count or train the weights of
/// a model while one exists (`untrackedLayerRefusal`).
extension Interpreter {
  /// The Keras layer or model that `expression` is `vars(...)` of, the built-in `vars` on one
  /// argument; nil for anything else.
  func kerasInstanceOfVars(_ expression: Expression) throws(CellError) -> PythonInstance? {
    guard case .call(let callee, let arguments) = expression.kind, arguments.count == 1,
      case .positional = arguments[0].kind, case .name("vars") = callee.kind,
      variable("vars") == nil,
      case .instance(let instance) = try evaluate(arguments[0].value),
      instance.layerState != nil
    else { return nil }
    return instance
  }

  /// `vars(layer)[key]`: the attribute of that name, or Python's KeyError.
  func varsItem(of instance: PythonInstance, _ key: Value, range: SourceRange)
    throws(CellError) -> Value
  {
    guard case .string(let name) = key, let value = instance.attributes[name] else {
      throw CellError.keyError(key, range: range)
    }
    return value
  }

  /// `vars(layer)[key] = value`: an attribute Keras does not track.
  func setUntrackedVarsItem(
    of instance: PythonInstance, _ key: Value, to value: Value, range: SourceRange
  ) throws(CellError) {
    guard case .string(let name) = key else {
      throw .unsupported(
        "ConvBook does not support a key of type '\(key.typeName)' in the __dict__ of a Keras object yet",
        at: range)
    }
    if instance.attributes[name] == nil { try budget.allocate(slots: 2, at: range) }
    instance.set(name, value)
    instance.untrackedAttributes.insert(name)
    switch value {
    case .layer, .model: session.holdsUntrackedLayers = true
    case .instance(let object) where object.layerState != nil:
      session.holdsUntrackedLayers = true
    default: break
    }
  }

  /// ConvBook's refusal of `what` (a summary, a weight list, training) while a layer holds layers
  /// set through `vars(self)`, whose weights Keras leaves out of the model's.
  func untrackedLayerRefusal(_ what: String, range: SourceRange) -> CellError? {
    guard session.holdsUntrackedLayers else { return nil }
    return .unsupported(
      "ConvBook does not support \(what) of a model whose layers hold layers set through vars(self)[...] yet (Keras does not track those: their weights are not the model's)",
      at: range)
  }
}
