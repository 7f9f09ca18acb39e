import CNNEngine

/// Layer attributes Keras lets code assign before the layer is used: `layer.activation` (None or
/// an activation function; `model.layers[-1].activation = None` in Grad-CAM code). Keras' `call`
/// reads the attribute when a model's predict (or train, or test) function is traced, so the
/// models made or first run after the change run the new activation, while the summary, shapes
/// and weights stay, and the attribute reads back as assigned (measured with tf-keras 2.21 and
/// Keras 3.15). A model that already ran keeps its traced function and the old activation in
/// Keras; ConvBook refuses the change then rather than run the new one there.
enum ClassLayerSettings {
  /// Sets `name` on a layer; false when it is not a setting this handles.
  static func set(
    _ name: String, of instance: LayerInstance, to value: Value, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Bool {
    guard name == "activation", instance.hasActivationSetting else { return false }
    let activation: ArgumentValue
    switch value {
    case .none: activation = .none
    case .function(let callable):
      switch callable.kind {
      case .activation(let function): activation = .string(function)
      case .builtin(let path) where path.hasPrefix("keras.activations."):
        activation = .string(String(path.dropFirst("keras.activations.".count)))
      default:
        throw .unsupported(
          "ConvBook sets a layer's activation to None or one of Keras' activation functions only, not `\(callable.path)`",
          at: range)
      }
    default:
      throw .unsupported(
        "ConvBook sets a layer's activation to None or one of Keras' activation functions only, not a value of type '\(value.typeName)'",
        at: range)
    }
    let training = interpreter.session.training
    if let ran = training.states.values.first(where: { state in
      state.model.flattenedLayers.contains { $0 === instance }
    }) {
      throw .unsupported(
        "ConvBook does not support changing the activation of \(instance.name) after the model \(ran.model.name) holding it has run (Keras keeps running the old activation in that model's traced function)",
        at: range)
    }
    do {
      try instance.setActivation(activation)
    } catch {
      throw .unsupported(error.message, at: range)
    }
    training.assignedActivations[ObjectIdentifier(instance)] = (instance, value)
    return true
  }
}
