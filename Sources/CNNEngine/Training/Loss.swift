import Foundation

/// A Keras loss as tf-keras 2.x computes it, with the `SUM_OVER_BATCH_SIZE` reduction: the mean of
/// the per-sample (or per-position) losses over the batch.
///
/// Crossentropies follow tf-keras' backend: when the model ends in a softmax or sigmoid, tf-keras
/// reads the logits that activation cached (`_keras_logits`) and uses the exact logits formulas
/// whatever `from_logits` says; otherwise probabilities are clipped to [1e-7, 1 - 1e-7] (and
/// `categorical_crossentropy` first divides them by their sum).
public struct Loss: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    case categoricalCrossentropy = "categorical_crossentropy"
    case binaryCrossentropy = "binary_crossentropy"
    case meanSquaredError = "mean_squared_error"
    case meanAbsoluteError = "mean_absolute_error"
    /// A function defined in the cell, traced into tensor operations (`traced`).
    case cellFunction = "cell_function"
    /// `compile` without a loss for a model whose losses `model.add_loss` added: the output
    /// contributes nothing (tf-keras trains on the added losses alone).
    case none
  }

  public var kind: Kind
  public var fromLogits: Bool
  /// Keras 3's binary crossentropy of probabilities: the log of the clipped output itself
  /// (`backend.tensorflow.nn.binary_crossentropy`), where tf-keras adds the fuzz factor again
  /// (`log(output + epsilon)`, `log(1 - output + epsilon)`).
  public var keras3 = false
  /// Whether the loss runs in a graph (`fit`, a `tf.function`), where Grappler folds tf-keras'
  /// binary crossentropy's `1 - p + epsilon` of probabilities into `(1 + epsilon) - p` (its
  /// constant push-down); false for an eager call.
  public var inGraph = true
  /// The traced function of a `cellFunction` loss.
  public var traced: TracedLoss?

  public init(_ kind: Kind, fromLogits: Bool = false) {
    self.kind = kind
    self.fromLogits = fromLogits
  }

  /// A loss defined in the cell.
  public init(traced: TracedLoss) {
    kind = .cellFunction
    fromLogits = false
    self.traced = traced
  }

  /// Keras' fuzz factor (`backend.epsilon()`).
  static let epsilon: Float = 1e-7

  public var isCrossentropy: Bool {
    kind == .sparseCategoricalCrossentropy || kind == .categoricalCrossentropy
      || kind == .binaryCrossentropy
  }

  /// The batch's loss and its gradient with respect to `prediction`, or with respect to `logits`
  /// when they are given (the model's last softmax or sigmoid is then skipped by the backward
  /// pass). prediction (N, ..., C), target: the same shape, or class indices (N, ...) / (N, ..., 1)
  /// for the sparse loss. `sampleWeights` (one per sample, `fit(sample_weight=)` or
  /// `class_weight=`) scale each sample's losses before the mean over the batch, as Keras'
  /// `SUM_OVER_BATCH_SIZE` reduction does (the divisor stays the count of losses). `perLine`:
  /// each line's gradient as that of its own loss (no mean over the lines), for a loss function's
  /// losses (`lineLosses`), whose ops still run over the whole tensor.
  func evaluate(
    prediction: [Float], logits: [Float]?, target: [Float], classes: Int,
    sampleWeights: [Float]? = nil, perLine: Bool = false
  ) -> (loss: Float, gradient: [Float], lineLosses: [Float]) {
    let lines = prediction.count / max(1, classes)
    /// The count of losses the gradient's mean divides by.
    let divisor = Float(perLine ? 1 : max(1, lines))
    var gradient = [Float](repeating: 0, count: prediction.count)
    /// Each line's (weighted) loss, summed at the end as TensorFlow's `reduce_sum` adds them.
    var lineLosses = [Float](repeating: 0, count: lines)
    /// Lines (positions) per sample, for the sample weight of a line.
    let linesPerSample = max(1, lines / max(1, sampleWeights?.count ?? 1))
    func weight(_ line: Int) -> Float {
      guard let sampleWeights else { return 1 }
      let sample = line / linesPerSample
      return sample < sampleWeights.count ? sampleWeights[sample] : 1
    }
    switch kind {
    case .none:
      return (0, gradient, lineLosses)
    case .cellFunction:
      preconditionFailure("a traced loss is evaluated on tensors (TracedLoss.evaluate)")
    case .meanSquaredError, .meanAbsoluteError:
      // Per line: mean over the last axis; then the mean over lines. The upstream gradient
      // reaches a line as TensorFlow's ops pass it: the batch mean's 1/N, times the sample
      // weight, then the last axis' mean divides by C.
      var terms = [Float](repeating: 0, count: classes)
      for line in 0..<lines {
        let scale = Float(1) / divisor * weight(line) / Float(classes)
        for i in 0..<classes {
          let index = line * classes + i
          let d = prediction[index] - target[index]
          if kind == .meanSquaredError {
            terms[i] = d * d
            gradient[index] = 2 * scale * d
          } else {
            terms[i] = abs(d)
            gradient[index] = (d > 0 ? 1 : d < 0 ? -1 : 0) * scale
          }
        }
        lineLosses[line] = Self.sum(terms) / Float(classes) * weight(line)
      }
    case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
      let sparse = kind == .sparseCategoricalCrossentropy
      let mean = 1 / divisor
      // The gradient's exp(z - max) is one Eigen expression over the whole (lines, classes)
      // tensor: the packet exp for its whole packets of 8, the C library's for the last values
      // (scripts 932 and 1133; the scalar exp of every value left a few weights 1 ulp off).
      var gradientExponentials: [Float] = []
      if let logits {
        var shiftedAll = [Float](repeating: 0, count: lines * classes)
        for line in 0..<lines {
          let base = line * classes
          var largest = -Float.infinity
          for i in 0..<classes { largest = max(largest, logits[base + i]) }
          for i in 0..<classes { shiftedAll[base + i] = logits[base + i] - largest }
        }
        gradientExponentials = EigenMath.exp(shiftedAll)
      }
      for line in 0..<lines {
        let base = line * classes
        let lineWeight = weight(line)
        let scale = mean * lineWeight
        var y = [Float](repeating: 0, count: classes)
        if sparse {
          let label = Int(target[line])
          if label >= 0 && label < classes { y[label] = 1 }
        } else {
          for i in 0..<classes { y[i] = target[base + i] }
        }
        if let logits {
          // softmax_cross_entropy_with_logits: -sum(y * log_softmax(z)); dz = softmax(z) - y.
          // TensorFlow's kernel: the row's exp(z - max) summed in Eigen's packets (the packet
          // exp for whole packets of the row, the C library's for the rest), log(sum) - (z - max)
          // per label, and the gradient exp(z - max) / sum - y (`gradientExponentials`).
          var largest = -Float.infinity
          for i in 0..<classes { largest = max(largest, logits[base + i]) }
          var shifted = [Float](repeating: 0, count: classes)
          for i in 0..<classes { shifted[i] = logits[base + i] - largest }
          let sum = Self.sum(EigenMath.exp(shifted))
          let logSum = Foundation.log(sum)
          var loss: Float = 0
          for i in 0..<classes {
            loss -= y[i] * (shifted[i] - logSum)
            gradient[base + i] = (gradientExponentials[base + i] / sum - y[i]) * scale
          }
          lineLosses[line] = loss * lineWeight
        } else if sparse {
          // tf-keras: log(clip(p)) are the logits of the sparse softmax crossentropy.
          var clipped = [Float](repeating: 0, count: classes)
          var sum: Float = 0
          for i in 0..<classes {
            clipped[i] = min(max(prediction[base + i], Self.epsilon), 1 - Self.epsilon)
            sum += clipped[i]
          }
          var loss: Float = 0
          for i in 0..<classes {
            let logProbability = Foundation.log(clipped[i]) - Foundation.log(sum)
            loss -= y[i] * logProbability
            // d/dlog(p_i) = p_i / sum - y_i, then d log(p_i)/dp_i = 1 / p_i inside the clip.
            let inside =
              prediction[base + i] >= Self.epsilon
              && prediction[base + i] <= 1 - Self.epsilon
            gradient[base + i] =
              inside ? (clipped[i] / sum - y[i]) / clipped[i] * scale : 0
          }
          lineLosses[line] = loss * lineWeight
        } else {
          // p / sum(p), clipped, -sum(y * log(p)).
          var sum: Float = 0
          for i in 0..<classes { sum += prediction[base + i] }
          var normalized = [Float](repeating: 0, count: classes)
          var upstream = [Float](repeating: 0, count: classes)
          var loss: Float = 0
          for i in 0..<classes {
            normalized[i] = prediction[base + i] / sum
            let clipped = min(max(normalized[i], Self.epsilon), 1 - Self.epsilon)
            loss -= y[i] * Foundation.log(clipped)
            let inside = normalized[i] >= Self.epsilon && normalized[i] <= 1 - Self.epsilon
            upstream[i] = inside ? -y[i] / clipped : 0
          }
          var dot: Float = 0
          for i in 0..<classes { dot += upstream[i] * normalized[i] }
          for i in 0..<classes { gradient[base + i] = (upstream[i] - dot) / sum * scale }
          lineLosses[line] = loss * lineWeight
        }
      }
    case .binaryCrossentropy:
      let mean = 1 / (Float(classes) * divisor)
      // TensorFlow's exp(-|z|) of the logits and log1p of that, one op each over the whole
      // tensor (`EigenMath.exp`, `EigenMath.log1p`: packet or C library by position).
      let decays = logits.map { EigenMath.exp($0.map { -abs($0) }) }
      let softplusTails = decays.map { EigenMath.log1p($0) }
      // log1p's gradient multiplies by `reciprocal(1 + e)`, Eigen's inverse over the tensor
      // (`EigenSoftmax.reciprocals`: vrcpps and a Newton step in whole packets, division after).
      let inverses = decays.map { EigenSoftmax.reciprocals($0.map { 1 + $0 }) }
      // Of probabilities: the logs of the clipped p and 1 - p (tf-keras: p + epsilon and
      // 1 - p + epsilon, which Grappler computes as (1 + epsilon) - p in a graph); in tf-keras
      // one op each over the whole tensor (`EigenMath.log`: packet or C library by position).
      func logs(_ value: (Float) -> Float) -> [Float] {
        guard logits == nil else { return [] }
        let values = prediction.map { value(min(max($0, Self.epsilon), 1 - Self.epsilon)) }
        return keras3 ? values.map { Foundation.log($0) } : EigenMath.log(values)
      }
      let logsOfP = logs { keras3 ? $0 : $0 + Self.epsilon }
      let logsOfQ = logs {
        keras3 ? 1 - $0 : inGraph ? (1 + Self.epsilon) - $0 : (1 - $0) + Self.epsilon
      }
      var terms = [Float](repeating: 0, count: classes)
      for line in 0..<lines {
        let scale = mean * weight(line)
        for i in 0..<classes {
          let index = line * classes + i
          let y = target[index]
          if let logits {
            // sigmoid_cross_entropy_with_logits: (max(z, 0) - z y) + log1p(exp(-|z|)), op by op.
            let z = logits[index]
            terms[i] = (max(z, 0) - z * y) + softplusTails![index]
            // TensorFlow's gradient of that formula, op by op: the upstream g (the batch mean's
            // 1/N times the sample weight, then the mean over the last axis' 1/C) reaches z by
            // three paths added in this order (AddN): relu's g where z >= 0, log1p(exp(-|z|))'s
            // -+(g * reciprocal(1 + e)) * e, and -g * y.
            let e = decays![index]
            let g = Float(1) / divisor * weight(line) / Float(classes)
            let decay = g * inverses![index] * e
            gradient[index] = ((z >= 0 ? g : 0) + (z >= 0 ? -decay : decay)) + -g * y
          } else {
            let p = prediction[index]
            let clipped = min(max(p, Self.epsilon), 1 - Self.epsilon)
            let a = keras3 ? clipped : clipped + Self.epsilon
            let b =
              keras3
              ? 1 - clipped : inGraph ? (1 + Self.epsilon) - clipped : 1 - clipped + Self.epsilon
            terms[i] = -(y * logsOfP[index] + (1 - y) * logsOfQ[index])
            let inside = p >= Self.epsilon && p <= 1 - Self.epsilon
            gradient[index] = inside ? (-y / a + (1 - y) / b) * scale : 0
          }
        }
        lineLosses[line] = Self.sum(terms) / Float(classes) * weight(line)
      }
    }
    return (Self.sum(lineLosses) / Float(max(1, lines)), gradient, lineLosses)
  }

  /// A sum as TensorFlow's `reduce_sum` and `reduce_mean` add float32 values (Eigen's packets:
  /// from 8 values on, not one after another).
  static func sum(_ values: [Float]) -> Float { EigenSum.contiguous(values, count: values.count) }
}
