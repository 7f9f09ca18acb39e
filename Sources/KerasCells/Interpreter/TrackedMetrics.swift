import CNNEngine

/// The `keras.metrics` objects a subclassed model holds as attributes (`self.loss_tracker =
/// keras.metrics.Mean(name="loss")` beside a custom `train_step`). tf-keras' metrics are layers
/// that make their variables when they are made, and the model tracks them: their `total` and
/// `count` are non-trainable weights of the model, listed in attribute order by `model.weights`
/// and counted by `summary()` and `count_params()`, though no row shows them. Keras 3 keeps
/// metrics' variables apart from the model's weights.
enum TrackedMetrics {
  /// The variables of `metric` as tf-keras names them (`total:0`, made outside any name scope).
  static func variables(of metric: KerasMetricObject) -> [WeightVariable] {
    metric.tfKerasVariables.map {
      WeightVariable(layerName: metric.variableScope, spec: $0, scope: "")
    }
  }

  /// Every variable of the metrics `instance` holds, in attribute order; none under Keras 3.
  static func variables(of instance: PythonInstance, session: KerasSession) -> [WeightVariable] {
    KerasSubclassing.trackedObjects(of: instance, session: session, metrics: true).flatMap {
      value -> [WeightVariable] in
      guard case .standard(let metric as KerasMetricObject) = value else { return [] }
      return variables(of: metric)
    }
  }

  /// ConvBook's refusal for `what` of a tf-keras model that holds a metric whose variables
  /// ConvBook does not know (`keras.metrics.AUC()`, a metric made with a threshold): nil when
  /// there is none.
  static func refusal(
    _ what: String, of instance: PythonInstance, session: KerasSession, range: SourceRange
  ) -> CellError? {
    guard session.kerasVersion == .keras2 else { return nil }
    for name in instance.attributeOrder where !instance.untrackedAttributes.contains(name) {
      guard case .kerasObject(let object)? = instance.attributes[name],
        object.layer == nil, metricClasses.contains(object.typeName)
      else { continue }
      return .unsupported(
        "ConvBook does not support \(what) of a subclassed model that holds a keras.metrics.\(object.typeName) (\(instance.type.name).\(name)) yet: tf-keras counts its variables as the model's weights",
        at: range)
    }
    return nil
  }

  /// The classes of `keras.metrics` that are not also losses: a `keras.losses.BinaryCrossentropy`
  /// object (a GAN's `loss_fn`) is no metric, and the two are the same Keras object here.
  private static let metricClasses: Set<String> = (KerasAPINames.names["keras.metrics"] ?? [])
    .filter { $0.first?.isUppercase == true }
    .subtracting(KerasAPINames.names["keras.losses"] ?? [])
}
