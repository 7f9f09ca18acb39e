/// What a cell passed to `model.compile(...)`, kept as data: strings such as `"adam"` and objects
/// such as `keras.optimizers.Adam(learning_rate=1e-3)` (`ArgumentValue.object` with its
/// arguments). `TrainingConfiguration` turns it into an optimizer, a loss and metrics.
public struct CompileArguments: Sendable, Equatable {
  /// tf-keras' default is "rmsprop".
  public var optimizer: ArgumentValue
  public var loss: ArgumentValue
  /// A list (or `.none`).
  public var metrics: ArgumentValue
  /// `weighted_metrics`: a list (or `.none`).
  public var weightedMetrics: ArgumentValue = .none
  /// `loss_weights` given as a list (or `.none`).
  public var lossWeights: ArgumentValue = .none
  /// `loss`, `metrics` and `loss_weights` given as dicts keyed by output names (models with
  /// several outputs); the plain values above are then `.none`.
  public var lossByOutput: [String: ArgumentValue]?
  public var metricsByOutput: [String: ArgumentValue]?
  public var weightedMetricsByOutput: [String: ArgumentValue]?
  public var lossWeightsByOutput: [String: ArgumentValue]?

  public init(
    optimizer: ArgumentValue = .string("rmsprop"), loss: ArgumentValue = .none,
    metrics: ArgumentValue = .none
  ) {
    self.optimizer = optimizer
    self.loss = loss
    self.metrics = metrics
  }
}
