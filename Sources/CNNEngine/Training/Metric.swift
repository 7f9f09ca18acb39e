/// A Keras metric as `fit` reports it: the mean, over every sample (or position) of the epoch, of
/// a per-sample value computed on the training-mode predictions of each batch.
public struct Metric: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case binaryAccuracy
    case categoricalAccuracy
    case sparseCategoricalAccuracy
    case meanAbsoluteError
    case meanSquaredError
    /// A function of the script given as a metric (`metrics=[dice_coef]`), traced.
    case cellFunction(TracedLoss)
    /// A metric object of the script with state of its own: its result replaces the value.
    case stateful(StatefulMetric)
  }

  /// The name `history.history` uses: the string given to `compile` (`accuracy`, `acc`, `mae`).
  public var name: String
  public var kind: Kind
  /// Given in `weighted_metrics`: sample weights apply to it.
  public var weighted: Bool

  public init(name: String, kind: Kind, weighted: Bool = false) {
    self.name = name
    self.kind = kind
    self.weighted = weighted
  }

  /// The per-line values of a batch, summed, and how many there were (a stateful metric's
  /// result so far, counted once: it replaces what came before).
  /// prediction (N, ..., C); target like the loss takes it.
  func accumulate(prediction: Tensor, target: Tensor) throws(TrainingError) -> (
    sum: Double, count: Int
  ) {
    switch kind {
    case .cellFunction(let traced):
      return try traced.accumulate(prediction: prediction, target: target)
    case .stateful(let metric):
      return (try metric.accumulate(prediction: prediction, target: target), 1)
    case .binaryAccuracy, .categoricalAccuracy, .sparseCategoricalAccuracy, .meanAbsoluteError,
      .meanSquaredError:
      break
    }
    return accumulate(
      prediction: prediction.scalars, target: target.scalars, classes: prediction.shape.last ?? 1)
  }

  func accumulate(prediction: [Float], target: [Float], classes: Int) -> (
    sum: Double, count: Int
  ) {
    let lines = prediction.count / max(1, classes)
    var sum = 0.0
    switch kind {
    case .binaryAccuracy:
      // binary_accuracy: mean over the last axis of (y_pred > 0.5) == y_true.
      for line in 0..<lines {
        var hits = 0
        for i in 0..<classes {
          let index = line * classes + i
          if Float(prediction[index] > 0.5 ? 1 : 0) == target[index] { hits += 1 }
        }
        sum += Double(Float(hits) / Float(classes))
      }
    case .categoricalAccuracy, .sparseCategoricalAccuracy:
      for line in 0..<lines {
        let predicted = Self.argmax(prediction, base: line * classes, count: classes)
        let expected =
          kind == .sparseCategoricalAccuracy
          ? Int(target[line]) : Self.argmax(target, base: line * classes, count: classes)
        if predicted == expected { sum += 1 }
      }
    case .meanAbsoluteError, .meanSquaredError:
      // Each line's mean over the last axis, then the batch's `reduce_sum` of them (float32, in
      // Eigen's order, as the metric's `update_state` adds them).
      var terms = [Float](repeating: 0, count: classes)
      var values = [Float](repeating: 0, count: lines)
      for line in 0..<lines {
        for i in 0..<classes {
          let d = prediction[line * classes + i] - target[line * classes + i]
          terms[i] = kind == .meanAbsoluteError ? abs(d) : d * d
        }
        values[line] = Loss.sum(terms) / Float(classes)
      }
      sum = Double(Loss.sum(values))
    case .cellFunction, .stateful: break
    }
    return (sum, lines)
  }

  /// The first largest index, as `tf.argmax`.
  static func argmax(_ values: [Float], base: Int, count: Int) -> Int {
    var best = 0
    for i in 1..<max(1, count) where values[base + i] > values[base + best] { best = i }
    return best
  }
}
