import CNNEngine

/// A subclass of `keras.Model` given its inputs and outputs (`EDSRModel(inputs, outputs)` for a
/// class without `__init__`, or `super().__init__(inputs=..., outputs=...)` in its `__init__`):
/// Keras makes a functional model whose class is the subclass. A subclass of `keras.Sequential`
/// is a Sequential model the same way (`super().__init__([layers...], name=...)`, layers added
/// by `self.add(...)`), unless it defines its own `call` or `build`, which ConvBook refuses. ConvBook makes the functional
/// model (named after the class, `edsr_model`, as Keras names it) with `subclassName` set, and
/// instantiating the class gives that model; the Python object stays reachable through it
/// (`KerasSession.customLayers`), so the subclass's methods and attributes are the model's.
/// A subclass that defines `train_step`, `test_step` or `predict_step` has `fit`, `evaluate` and
/// `predict` run those steps (`TrainStepLoop`); one that overrides `compute_loss` without its
/// own step is refused, as Keras' own steps would call it.
enum ClassFunctionalModels {
  /// Whether `Model.__init__` was given a graph (positional arguments, `inputs=` or `outputs=`).
  static func givesGraph(positional: [Value], keywords: [(String, Value)]) -> Bool {
    !positional.isEmpty || keywords.contains { $0.0 == "inputs" || $0.0 == "outputs" }
  }

  /// `Model.__init__(inputs, outputs, name=None, trainable=True)` run for a subclass.
  static func initialize(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    if instance.layerState?.functionalModel != nil {
      throw .unsupported(
        "ConvBook does not support calling Model.__init__() twice on one object", at: site.range)
    }
    let sequential = instance.type.extendsSequential
    if sequential, let own = ["call", "build"].first(where: { instance.type.lookup($0) != nil }) {
      throw .unsupported(
        "ConvBook does not support a subclass of keras.Sequential that defines its own \(own)() yet (\(instance.type.name))",
        at: site.range)
    }
    var keywords = keywords
    // `Model(inputs, outputs, name)`, `Sequential(layers, name)`.
    let namePosition = sequential ? 1 : 2
    let positionalName = positional.count > namePosition ? positional[namePosition] : nil
    if !keywords.contains(where: { $0.0 == "name" }) && positionalName == nil {
      keywords.append(
        ("name", .string(interpreter.kerasNames.uniqueName(forClass: instance.type.name))))
    }
    let base =
      sequential
      ? Callable(.sequentialClass, path: "keras.Sequential")
      : Callable(.modelClass, path: "keras.Model")
    let made = try Calls.call(
      .function(base), positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    guard case .model(let model) = made else {
      throw .unsupported(
        "ConvBook could not make the functional model of \(instance.type.name)", at: site.range)
    }
    model.subclassName = instance.type.name
    let state = CustomLayerState(name: model.name)
    state.functionalModel = model
    state.isBuilt = true
    instance.layerState = state
    interpreter.session.customLayers[ObjectIdentifier(model)] = instance
  }

  /// The model `Class(...)` gives: the functional model when `__init__` made one.
  static func result(of instance: PythonInstance) -> Value {
    if let model = instance.layerState?.functionalModel { return .model(model) }
    return .instance(instance)
  }

  /// Refuses `fit` / `evaluate` / `predict` of a functional model whose subclass overrides what
  /// Keras' own step calls (`compute_loss`); its own steps run before this (`TrainStepLoop`).
  static func checkOwnSteps(
    _ model: KerasModel, method: String, site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard let instance = interpreter.session.customLayers[ObjectIdentifier(model)] else { return }
    let step = ["fit": "train_step", "evaluate": "test_step", "predict": "predict_step"][method]
    for own in [step, "compute_loss"].compactMap({ $0 })
    where instance.type.lookup(own) != nil && !(own == "compute_loss" && method == "predict") {
      throw .unsupported(
        "ConvBook does not support `model.\(method)()` of a subclassed model that defines its own \(own)() yet",
        at: site.range)
    }
  }
}
