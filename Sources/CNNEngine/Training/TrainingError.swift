/// Why training was refused: a model ConvBook cannot train yet, a `compile` argument it does not
/// know, data that does not fit the model, or a memory estimate above the budget.
public struct TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// A layer or configuration without a backward pass here (ConvBook's limitation).
    case model
    /// `compile`'s optimizer, loss or metrics.
    case configuration
    /// tf-keras' ValueError for two metrics of one name, which it raises where its train or test
    /// step first computes the metrics (the message is Keras').
    case metricNames
    /// x / y that do not fit the model or each other, or fit arguments out of range.
    case data
    /// Weights, weights from a file.
    case weights
    case memory
    /// A kernel refused its arguments (a bug, since shapes were checked first).
    case kernel
    /// The caller's time budget ran out between batches or calls (`WorkBudget`): the message is
    /// its own.
    case stopped
  }

  public var kind: Kind
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}
