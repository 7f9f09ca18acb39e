/// What a cell passed to `model.compile(...)`, kept as data: strings such as `"adam"` and objects
/// such as `keras.optimizers.Adam(learning_rate=1e-3)` (`ArgumentValue.object` with its
/// arguments). `TrainingConfiguration` turns it into an optimizer, a loss and metrics.
public struct CompileArguments: Sendable, Equatable {
  /// tf-keras' default is "rmsprop".
  public var optimizer: ArgumentValue
  public var loss: ArgumentValue
  /// A list (or `.none`).
  public var metrics: ArgumentValue

  public init(
    optimizer: ArgumentValue = .string("rmsprop"), loss: ArgumentValue = .none,
    metrics: ArgumentValue = .none
  ) {
    self.optimizer = optimizer
    self.loss = loss
    self.metrics = metrics
  }
}
