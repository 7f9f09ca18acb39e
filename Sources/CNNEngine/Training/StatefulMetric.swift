/// A metric object of the script (a subclass of Keras' `Metric` with state of its own): training
/// resets it when an epoch (or an evaluation) begins, updates it with each batch's targets and
/// predictions, and reports its result, as Keras does. What it computes is the script's, run by
/// whoever made it (the closures); the engine only calls them in Keras' order.
public final class StatefulMetric: @unchecked Sendable, Equatable {
  /// The name the logs and `history` give it.
  public let name: String
  private let resetState: () throws(TrainingError) -> Void
  private let updateState: (_ target: Tensor, _ prediction: Tensor) throws(TrainingError) -> Void
  private let readResult: () throws(TrainingError) -> Double

  public init(
    name: String, reset: @escaping () throws(TrainingError) -> Void,
    update: @escaping (_ target: Tensor, _ prediction: Tensor) throws(TrainingError) -> Void,
    result: @escaping () throws(TrainingError) -> Double
  ) {
    self.name = name
    self.resetState = reset
    self.updateState = update
    self.readResult = result
  }

  public static func == (a: StatefulMetric, b: StatefulMetric) -> Bool { a === b }

  func reset() throws(TrainingError) { try resetState() }

  /// Updates the state with one batch, then reads the result so far.
  func accumulate(prediction: Tensor, target: Tensor) throws(TrainingError) -> Double {
    try updateState(target, prediction)
    return try readResult()
  }
}
