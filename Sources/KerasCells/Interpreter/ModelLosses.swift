import CNNEngine

/// `model.losses` and `layer.losses`: the penalties of the built weights' regularizers
/// (`kernel_regularizer=keras.regularizers.l2(1e-3)`, `'l1'`, `l1_l2(...)`, a custom layer's
/// `add_weight(regularizer=...)`), each an eager float32 scalar Keras computes from the weight's
/// current values: `l1 * reduce_sum(abs(w))` plus `l2 * reduce_sum(square(w))`. tf-keras lists
/// them layer by layer, each layer's in the order its weights were made; Keras 3 in the order of
/// `trainable_weights` (the same for the layers ConvBook follows, all of whose regularized weights
/// it requires trainable).
///
/// What a layer adds when it is called (`self.add_loss(...)` in a custom layer's `call`, an
/// `activity_regularizer`) is listed too: tf-keras keeps the symbolic tensors of the functional
/// model's calls, which ConvBook does not model; Keras 3 keeps only what the last eager call
/// added, nothing for a model that has not run. ConvBook refuses the list where such entries are.
enum ModelLosses {
  /// The losses of `layers` (a model's, or one layer), `owner` as the script wrote the object
  /// (`model`, `layer`); `ran` says whether Keras 3 may hold losses of an eager call.
  static func value(
    of layers: [LayerInstance], owner: String, ran: Bool, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> Value {
    let session = interpreter.session
    let keras3 = interpreter.kerasVersion == .keras3
    func refusal(_ why: String) -> CellError {
      .unsupported("ConvBook does not support `\(owner).losses` of \(why) yet", at: range)
    }
    var penalties: [(instance: LayerInstance, variable: WeightVariable, l1: Float, l2: Float)] = []
    func visit(_ instance: LayerInstance) throws(CellError) {
      let arguments = instance.layer.common.arguments
      let custom = session.customLayers[ObjectIdentifier(instance)]
      if custom?.layerState?.addedInCall == "add_loss" || arguments["activity_regularizer"] != .none
      {
        if !keras3 || ran {
          throw refusal(
            "a layer that adds losses when it is called (\(instance.name): add_loss() or an activity_regularizer)"
          )
        }
      }
      if let model = instance.model {
        for layer in model.layers where !layer.isInputLayer { try visit(layer) }
        return
      }
      let regularized = Trainer.regularizedWeights(of: instance.layer)
      for (argument, value) in arguments.values.sorted(by: { $0.key < $1.key })
      where argument.hasSuffix("regularizer") && argument != "activity_regularizer"
        && value != .none && !regularized.contains(where: { $0.argument == argument })
      {
        throw refusal("the \(argument) of \(instance.name)")
      }
      for variable in instance.variables {
        guard
          let argument = regularized.first(where: { $0.weight == variable.spec.name })?.argument
        else { continue }
        let given = arguments[argument]
        guard given != .none else { continue }
        if case .object(let object) = given,
          object.arguments.contains(where: { $0.0 == KerasObject.subclassKey })
        {
          throw refusal("the custom regularizer \(object.typeName) (of \(instance.name))")
        }
        guard variable.spec.trainable else {
          throw refusal("a regularized weight that is not trainable (\(variable.name))")
        }
        let (l1, l2): (Float, Float)
        do {
          (l1, l2) = try Trainer.regularizer(given, layer: instance.name)
        } catch {
          throw refusal("this regularizer: \(error.message)")
        }
        penalties.append((instance, variable, l1, l2))
      }
    }
    for instance in layers { try visit(instance) }
    let training = session.training
    var items: [Value] = []
    for penalty in penalties {
      let values = try WeightValues.current(
        of: penalty.instance, interpreter: interpreter, range: range)
      guard let weight = values[penalty.variable.name] else {
        throw refusal("the weight \(penalty.variable.name), whose values it does not hold here")
      }
      // Keras: `l1 * sum(abs(w))`, then `+ l2 * sum(square(w))`, in float32.
      var total: Float = 0
      if penalty.l1 != 0 {
        total +=
          penalty.l1
          * EigenSum.contiguous(weight.scalars.map { Swift.abs($0) }, count: weight.scalars.count)
      }
      if penalty.l2 != 0 {
        total +=
          penalty.l2
          * EigenSum.contiguous(weight.scalars.map { $0 * $0 }, count: weight.scalars.count)
      }
      var array = try EagerTensors.make(.float32, shape: [], values: [Double(total)], range: range)
      let known = training.knownValues(of: penalty.variable.name, in: penalty.instance)
      let own = training.ownDraw(of: penalty.variable.name, in: penalty.instance)
      array.holdsOwnRandomValues = !known || own
      array.derivesFromOwnDraw = own
      if own { training.ownDrawsSeen = true }
      items.append(.array(array))
    }
    return .list(PythonList(items))
  }
}
