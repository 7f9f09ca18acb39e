import Foundation

/// `model.fit` for a Sequential model: mini-batch gradient descent with tf-keras' semantics.
///
/// - `validation_split` takes the last fraction of the samples, before any shuffling
///   (`int(floor(n * (1 - split)))` samples train);
/// - every epoch visits the training samples in batches of `batchSize`, the last one partial;
///   with `shuffle` their order is a permutation drawn from a `SeededGenerator` (deterministic for
///   `seed`; TensorFlow's own shuffle cannot be reproduced);
/// - each batch runs forward in training mode, the loss (plus the layers' l1/l2 penalties) and
///   the metrics are taken on that forward pass, gradients flow back, and the optimizer updates
///   every trainable weight;
/// - `history` holds, per epoch, the loss averaged over batches weighted by their sizes (Keras'
///   `Mean` metric with `sample_weight = batch size`), each metric averaged over samples, and the
///   same on the validation samples in inference mode at the end of the epoch.
///
/// Every kernel computes each value in a fixed order on one thread, so the trained weights are
/// bitwise identical whatever the thread count.
public final class Trainer {
  public struct Options: Sendable, Equatable {
    public var epochs = 1
    public var batchSize = 32
    public var shuffle = true
    public var validationSplit = 0.0
    /// Seeds the shuffle and the dropout masks.
    public var seed: UInt64 = 0

    public init(
      epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true, validationSplit: Double = 0,
      seed: UInt64 = 0
    ) {
      self.epochs = epochs
      self.batchSize = batchSize
      self.shuffle = shuffle
      self.validationSplit = validationSplit
      self.seed = seed
    }
  }

  /// What one epoch reports, for Keras' progress line.
  public struct EpochReport: Sendable {
    public var epoch: Int
    public var epochs: Int
    public var steps: Int
    /// (name, value) in `history` order.
    public var values: [(String, Float)]
    public var seconds: Double
  }

  public let model: SequentialModel
  public let configuration: TrainingConfiguration
  public let threads: Int
  public let memoryBudget: Int
  private let steps: [TrainingStep]
  /// Per step: whether the layer trains (a frozen BatchNormalization runs in inference mode).
  private let stepTrains: [Bool]
  /// Every weight of the model in `model.weights` order.
  private let names: [String]
  private var variables: [[Float]]
  private let shapes: [[Int]]
  private let trainable: [Bool]
  /// (variable index, l1, l2) of every regularized weight.
  private let regularizers: [(Int, Float, Float)]
  /// Moving statistics by Keras name (also kept in `variables`, synchronised after training).
  private var state: [String: [Float]] = [:]
  private var optimizerState: Optimizer.State
  /// Per step: the buffers its forward and backward passes reuse from batch to batch.
  private let workspaces: [GradientWorkspace]

  public init(
    model: SequentialModel, weights: ModelWeights, configuration: TrainingConfiguration,
    threads: Int = KernelParallelism.defaultThreadCount,
    memoryBudget: Int = ForwardPass.defaultMemoryBudget
  ) throws(TrainingError) {
    self.model = model
    self.configuration = configuration
    self.threads = max(1, threads)
    self.memoryBudget = memoryBudget
    if model.graph != nil {
      throw TrainingError(
        .model,
        "ConvBook does not train the functional graph \"\(model.name)\" (merges, shared layers, several inputs or outputs) yet; it trains chains of layers"
      )
    }
    let entries: [ModelWeights.Entry]
    do {
      entries = try ModelWeights.expected(for: model)
    } catch {
      throw TrainingError(.model, error.message)
    }
    var names: [String] = []
    var variables: [[Float]] = []
    var shapes: [[Int]] = []
    var trainable: [Bool] = []
    var index: [String: Int] = [:]
    for entry in entries {
      guard let tensor = weights[entry.kerasName] else {
        throw TrainingError(
          .weights, "missing weight \(entry.kerasName) for layer \"\(entry.layerName)\"")
      }
      guard tensor.shape == entry.spec.shape else {
        throw TrainingError(
          .weights,
          "'\(entry.kerasName)' has shape \(TensorShape.tuple(tensor.shape)) but the model expects \(TensorShape.tuple(entry.spec.shape))"
        )
      }
      index[entry.kerasName] = names.count
      names.append(entry.kerasName)
      variables.append(tensor.scalars)
      shapes.append(tensor.shape)
      trainable.append(entry.spec.trainable)
    }
    var steps: [TrainingStep] = []
    var stepTrains: [Bool] = []
    var regularizers: [(Int, Float, Float)] = []
    for instance in model.flattenedLayers where !instance.isInputLayer {
      var step = try TrainingStep(instance: instance)
      func variable(_ weight: String) -> Int? { index["\(instance.name)/\(weight):0"] }
      switch step.operation {
      case .dense, .convolution:
        step.first = variable(step.depthwise ? "depthwise_kernel" : "kernel")
        step.second = variable("bias")
      case .separable:
        step.first = variable("depthwise_kernel")
        step.second = variable("bias")
        step.third = variable("pointwise_kernel")
      case .transposed:
        step.first = variable("kernel")
        step.second = variable("bias")
      case .layerNormalization:
        step.first = variable("gamma")
        step.second = variable("beta")
      case .batchNormalization:
        step.first = variable("gamma")
        step.second = variable("beta")
        step.movingMean = "\(instance.name)/moving_mean:0"
        step.movingVariance = "\(instance.name)/moving_variance:0"
        if let mean = variable("moving_mean"), let variance = variable("moving_variance") {
          state[step.movingMean] = variables[mean]
          state[step.movingVariance] = variables[variance]
        }
      default: break
      }
      for (argument, weight) in [
        ("kernel_regularizer", "kernel"), ("depthwise_regularizer", "depthwise_kernel"),
        ("pointwise_regularizer", "pointwise_kernel"), ("bias_regularizer", "bias"),
        ("gamma_regularizer", "gamma"), ("beta_regularizer", "beta"),
      ] {
        let value = instance.layer.common.arguments[argument]
        guard value != .none, let target = variable(weight) else { continue }
        let (l1, l2) = try Self.regularizer(value, layer: instance.name)
        regularizers.append((target, l1, l2))
      }
      if instance.layer.common.arguments["activity_regularizer"] != .none {
        throw TrainingError(
          .model,
          "ConvBook cannot train a model with an activity_regularizer yet (layer \"\(instance.name)\")"
        )
      }
      steps.append(step)
      stepTrains.append(instance.trainable)
    }
    self.steps = steps
    workspaces = steps.map { _ in GradientWorkspace() }
    self.stepTrains = stepTrains
    self.names = names
    self.variables = variables
    self.shapes = shapes
    self.trainable = trainable
    self.regularizers = regularizers
    optimizerState = configuration.optimizer.makeState(sizes: variables.map(\.count))
  }

  /// `keras.regularizers.l1(0.01)`, `l2(...)`, `l1_l2(l1=..., l2=...)` or their names.
  static func regularizer(_ value: ArgumentValue, layer: String) throws(TrainingError)
    -> (Float, Float)
  {
    func number(_ argument: ArgumentValue) -> Float? {
      switch argument {
      case .int(let v): return Float(v)
      case .float(let v): return Float(v)
      default: return nil
      }
    }
    switch value {
    case .string("l1"): return (0.01, 0)
    case .string("l2"): return (0, 0.01)
    case .string("l1_l2"): return (0.01, 0.01)
    case .object(let object):
      var l1: Float = 0
      var l2: Float = 0
      switch object.typeName {
      case "l1", "L1": l1 = 0.01
      case "l2", "L2": l2 = 0.01
      case "l1_l2": (l1, l2) = (0.01, 0.01)
      case "L1L2": break
      default:
        throw TrainingError(
          .model,
          "ConvBook cannot train a model with the regularizer \(object.typeName) yet (layer \"\(layer)\")"
        )
      }
      for (label, argument) in object.arguments {
        guard let amount = number(argument) else {
          throw TrainingError(
            .model,
            "regularizer \(object.typeName)(\(label)=\(argument)) of layer \"\(layer)\" must be a number"
          )
        }
        switch (object.typeName.lowercased(), label) {
        case ("l1", "arg0"), ("l1", "l1"), ("l1_l2", "arg0"), ("l1l2", "arg0"), (_, "l1"):
          l1 = amount
        case ("l2", "arg0"), ("l2", "l2"), ("l1_l2", "arg1"), ("l1l2", "arg1"), (_, "l2"):
          l2 = amount
        default:
          throw TrainingError(
            .model, "ConvBook cannot read \(object.typeName)(\(label)=...) (layer \"\(layer)\")")
        }
      }
      return (l1, l2)
    default:
      throw TrainingError(
        .model,
        "ConvBook cannot train a model with the regularizer \(value) yet (layer \"\(layer)\")")
    }
  }

  /// The current weights, under Keras' names (moving statistics included).
  public var weights: ModelWeights {
    var tensors: [String: Tensor] = [:]
    for (index, name) in names.enumerated() {
      let values = state[name] ?? variables[index]
      tensors[name] = Tensor(validShape: shapes[index], scalars: values)
    }
    return ModelWeights(names: names, tensors: tensors)
  }

  // MARK: Fit

  /// Trains on x (N, sample...) and y (N, ...); returns `history.history` in Keras' key order.
  public func fit(
    x: Tensor, y: Tensor, options: Options, progress: (EpochReport) -> Void = { _ in }
  ) throws(TrainingError) -> TrainingHistory {
    try check(x: x, y: y, options: options)
    let samples = x.shape[0]
    var trainCount = samples
    if options.validationSplit > 0 {
      trainCount = Int((Double(samples) * (1 - options.validationSplit)).rounded(.down))
      if trainCount == 0 || trainCount == samples {
        throw TrainingError(
          .data,
          "Training data contains \(samples) samples, which is not sufficient to split it into a validation and training set as specified by `validation_split=\(PythonFormat.float(options.validationSplit))`. Either provide more data, or a different value for the `validation_split` argument."
        )
      }
    }
    let outputShape = try batchShapes(batch: 1, sample: Array(x.shape.dropFirst())).last!
    let metrics = configuration.metrics(targetShape: y.shape, outputShape: outputShape)
    try checkMemory(sample: Array(x.shape.dropFirst()), batch: min(options.batchSize, samples))
    var history = TrainingHistory(
      names: ["loss"] + metrics.map(\.name)
        + (trainCount < samples ? ["val_loss"] + metrics.map { "val_" + $0.name } : []))
    let stepsPerEpoch = (trainCount + options.batchSize - 1) / options.batchSize
    for epoch in 0..<options.epochs {
      let start = Date()
      var order = Array(0..<trainCount)
      if options.shuffle {
        var generator = SeededGenerator(seed: options.seed, stream: "shuffle/\(epoch)")
        for i in stride(from: trainCount - 1, to: 0, by: -1) {
          let j = Int(generator.next() % UInt64(i + 1))
          order.swapAt(i, j)
        }
      }
      var lossTotal = 0.0
      var lossCount = 0
      var metricTotals = [Double](repeating: 0, count: metrics.count)
      var metricCounts = [Int](repeating: 0, count: metrics.count)
      for step in 0..<stepsPerEpoch {
        let indices = Array(
          order[(step * options.batchSize)..<min(trainCount, (step + 1) * options.batchSize)])
        var generator = SeededGenerator(seed: options.seed, stream: "dropout/\(epoch)/\(step)")
        let result = try trainBatch(
          x: Self.gather(x, indices), y: Self.gather(y, indices), metrics: metrics,
          generator: &generator)
        lossTotal += Double(result.loss) * Double(indices.count)
        lossCount += indices.count
        for m in metrics.indices {
          metricTotals[m] += result.metrics[m].sum
          metricCounts[m] += result.metrics[m].count
        }
      }
      var values: [Float] = [Float(lossTotal / Double(max(1, lossCount)))]
      for m in metrics.indices {
        values.append(Float(metricTotals[m] / Double(max(1, metricCounts[m]))))
      }
      if trainCount < samples {
        let validation = Array(trainCount..<samples)
        values += try evaluate(
          x: Self.gather(x, validation), y: Self.gather(y, validation), metrics: metrics,
          batchSize: options.batchSize)
      }
      history.append(values)
      progress(
        EpochReport(
          epoch: epoch + 1, epochs: options.epochs, steps: stepsPerEpoch,
          values: Array(zip(history.names, values)), seconds: Date().timeIntervalSince(start)))
    }
    return history
  }

  /// The loss (with the regularization penalties) and metrics on x, y in inference mode, averaged
  /// over batches of `batchSize` as `model.evaluate` does.
  public func evaluate(x: Tensor, y: Tensor, batchSize: Int = 32) throws(TrainingError) -> [Float] {
    try check(x: x, y: y, options: Options(batchSize: batchSize))
    let outputShape = try batchShapes(batch: 1, sample: Array(x.shape.dropFirst())).last!
    let metrics = configuration.metrics(targetShape: y.shape, outputShape: outputShape)
    return try evaluate(x: x, y: y, metrics: metrics, batchSize: batchSize)
  }

  private func evaluate(x: Tensor, y: Tensor, metrics: [Metric], batchSize: Int)
    throws(TrainingError) -> [Float]
  {
    let samples = x.shape[0]
    var lossTotal = 0.0
    var totals = [Double](repeating: 0, count: metrics.count)
    var counts = [Int](repeating: 0, count: metrics.count)
    var start = 0
    let penalty = regularizationLoss()
    while start < samples {
      let indices = Array(start..<min(samples, start + batchSize))
      var generator = SeededGenerator(seed: 0)
      let batchX = Self.gather(x, indices)
      let batchY = Self.gather(y, indices)
      let (output, saved) = try forward(batchX, training: false, generator: &generator)
      let (loss, _) = lossAndGradient(output: output, last: saved.last, target: batchY)
      lossTotal += Double(loss + penalty) * Double(indices.count)
      for m in metrics.indices {
        let result = metrics[m].accumulate(
          prediction: output.scalars, target: batchY.scalars, classes: output.shape.last ?? 1)
        totals[m] += result.sum
        counts[m] += result.count
      }
      start += batchSize
    }
    return [Float(lossTotal / Double(max(1, samples)))]
      + metrics.indices.map { Float(totals[$0] / Double(max(1, counts[$0]))) }
  }

  // MARK: One batch

  private func trainBatch(
    x: Tensor, y: Tensor, metrics: [Metric], generator: inout SeededGenerator
  ) throws(TrainingError) -> (loss: Float, metrics: [(sum: Double, count: Int)]) {
    let penalty = regularizationLoss()
    let (output, saved) = try forward(x, training: true, generator: &generator)
    let classes = output.shape.last ?? 1
    let metricValues = metrics.map {
      $0.accumulate(prediction: output.scalars, target: y.scalars, classes: classes)
    }
    let (loss, lossGradient) = lossAndGradient(output: output, last: saved.last, target: y)
    var gradients = variables.map { [Float](repeating: 0, count: $0.count) }
    var gradient = lossGradient.values
    for index in steps.indices.reversed() {
      let needsInput = index > 0
      guard
        let next = try steps[index].backward(
          gradient, saved: saved[index], variables: variables, shapes: shapes,
          gradients: &gradients, skipActivation: index == steps.count - 1 && lossGradient.ofLogits,
          needsInputGradient: needsInput, threads: threads, workspace: workspaces[index])
      else { break }
      gradient = next
    }
    for (target, l1, l2) in regularizers {
      for i in variables[target].indices {
        let w = variables[target][i]
        gradients[target][i] += l1 * (w > 0 ? 1 : w < 0 ? -1 : 0) + 2 * l2 * w
      }
    }
    // Only trainable weights reach the optimizer; the others keep their values.
    var trainableValues: [[Float]] = []
    var trainableGradients: [[Float]] = []
    for i in variables.indices where trainable[i] {
      trainableValues.append(variables[i])
      trainableGradients.append(gradients[i])
    }
    if optimizerState.first.count != trainableValues.count {
      optimizerState = configuration.optimizer.makeState(sizes: trainableValues.map(\.count))
    }
    configuration.optimizer.apply(trainableGradients, to: &trainableValues, state: &optimizerState)
    var next = 0
    for i in variables.indices where trainable[i] {
      variables[i] = trainableValues[next]
      next += 1
    }
    return (loss + penalty, metricValues)
  }

  /// The sum of the l1/l2 penalties at the current weights.
  private func regularizationLoss() -> Float {
    var total: Float = 0
    for (target, l1, l2) in regularizers {
      var absolute: Float = 0
      var square: Float = 0
      for w in variables[target] {
        absolute += abs(w)
        square += w * w
      }
      if l1 != 0 { total += l1 * absolute }
      if l2 != 0 { total += l2 * square }
    }
    return total
  }

  private func forward(_ x: Tensor, training: Bool, generator: inout SeededGenerator)
    throws(TrainingError) -> (Tensor, [TrainingStep.Saved])
  {
    let shapes = try batchShapes(batch: x.shape[0], sample: Array(x.shape.dropFirst()))
    var current = x
    var saved: [TrainingStep.Saved] = []
    saved.reserveCapacity(steps.count)
    for (index, step) in steps.enumerated() {
      let (output, kept) = try step.forward(
        current, outputShape: shapes[index + 1], variables: variables, shapes: self.shapes,
        state: &state, training: training && stepTrains[index], generator: &generator,
        threads: threads, workspace: workspaces[index])
      saved.append(kept)
      current = output
    }
    return (current, saved)
  }

  /// The loss of a batch and its gradient, with respect to the logits when the model ends in a
  /// softmax or sigmoid and the loss is a crossentropy (tf-keras' `_keras_logits`), or when the
  /// loss says `from_logits=True`.
  private func lossAndGradient(output: Tensor, last: TrainingStep.Saved?, target: Tensor) -> (
    Float, (values: [Float], ofLogits: Bool)
  ) {
    let loss = configuration.loss
    let classes = output.shape.last ?? 1
    var logits: [Float]?
    var ofLogits = false
    if loss.isCrossentropy {
      switch steps.last?.finalActivation {
      case .softmax, .sigmoid:
        logits = last?.preActivation
        ofLogits = true
      default:
        if loss.fromLogits { logits = output.scalars }
      }
    }
    let result = loss.evaluate(
      prediction: output.scalars, logits: logits, target: target.scalars, classes: classes)
    return (result.loss, (result.gradient, ofLogits))
  }

  // MARK: Checks

  /// Output shapes of every step for a batch, input first.
  private func batchShapes(batch: Int, sample: [Int]) throws(TrainingError) -> [[Int]] {
    var current = TensorShape([batch] + sample.map { Optional($0) })
    var shapes: [[Int]] = [current.dimensions.compactMap { $0 }]
    for instance in model.flattenedLayers where !instance.isInputLayer {
      do {
        current = try instance.layer.outputShape(for: current)
      } catch {
        throw TrainingError(.data, "layer \"\(instance.name)\": \(error.message)")
      }
      let dimensions = current.dimensions.compactMap { $0 }
      guard dimensions.count == current.rank else {
        throw TrainingError(
          .data, "layer \"\(instance.name)\" has an output of unknown size \(current)")
      }
      shapes.append(dimensions)
    }
    return shapes
  }

  private func check(x: Tensor, y: Tensor, options: Options) throws(TrainingError) {
    guard options.epochs >= 0 else { throw TrainingError(.data, "epochs must be at least 0") }
    guard options.batchSize >= 1 else {
      throw TrainingError(.data, "batch_size must be at least 1, got \(options.batchSize)")
    }
    guard options.validationSplit >= 0 && options.validationSplit < 1 else {
      throw TrainingError(
        .data,
        "`validation_split` must be in the range [0, 1); received \(PythonFormat.float(options.validationSplit))"
      )
    }
    guard let expected = model.inputShape else {
      throw TrainingError(
        .model, "model \"\(model.name)\" is not built: its input shape is unknown")
    }
    let fits =
      expected.rank == x.rank
      && zip(expected.dimensions.dropFirst(), x.shape.dropFirst()).allSatisfy {
        $0 == nil || $0 == $1
      }
    guard fits else {
      throw TrainingError(
        .data,
        "Input 0 of layer \"\(model.name)\" is incompatible with the layer: expected shape=\(expected), found shape=\(TensorShape(batch: nil, sample: x.shape.dropFirst().map { Optional($0) }))"
      )
    }
    guard x.shape[0] > 0 else { throw TrainingError(.data, "x holds no samples") }
    guard y.rank >= 1, y.shape[0] == x.shape[0] else {
      throw TrainingError(
        .data,
        "Data cardinality is ambiguous:\n  x sizes: \(x.shape[0])\n  y sizes: \(y.shape.first ?? 0)\nMake sure all arrays contain the same number of samples."
      )
    }
    let output = try batchShapes(batch: x.shape[0], sample: Array(x.shape.dropFirst())).last!
    let classes = output.last ?? 1
    let lines = output.reduce(1, *) / max(1, classes)
    if configuration.loss.kind == .sparseCategoricalCrossentropy {
      guard y.count == lines else {
        throw TrainingError(
          .data,
          "the targets \(TensorShape.tuple(y.shape)) do not fit sparse_categorical_crossentropy on outputs \(TensorShape.tuple(output)): one class index per output row is expected"
        )
      }
      for label in y.scalars where label < 0 || label >= Float(classes) || label != label.rounded()
      {
        throw TrainingError(
          .data,
          "Received a label value of \(PythonFormat.float(Double(label))) which is outside the valid range of [0, \(classes))."
        )
      }
    } else {
      guard y.count == output.reduce(1, *) else {
        throw TrainingError(
          .data,
          "Shapes \(TensorShape.tuple(y.shape)) and \(TensorShape.tuple(output)) are incompatible (targets and model outputs)"
        )
      }
    }
  }

  /// Refuses a batch whose weights, optimizer slots and kept activations would exceed the budget.
  private func checkMemory(sample: [Int], batch: Int) throws(TrainingError) {
    let shapes = try batchShapes(batch: batch, sample: sample)
    let weightValues = variables.reduce(0) { $0 + $1.count }
    // Each layer keeps its input, pre-activation and output; gradients and transposes add ~3 more.
    let activationValues = shapes.reduce(0) { $0 + $1.reduce(1, *) } * 6
    let bytes = 4 * (4 * weightValues + activationValues)
    if bytes > memoryBudget {
      throw TrainingError(
        .memory,
        "training model \"\(model.name)\" at batch size \(batch) would need an estimated \(MemoryEstimate.format(bytes)), more than the memory budget of \(MemoryEstimate.format(memoryBudget)); refused before training. Use a smaller batch size or raise the budget (--memory-budget BYTES)"
      )
    }
  }

  /// The rows `indices` of a batch-first tensor.
  static func gather(_ tensor: Tensor, _ indices: [Int]) -> Tensor {
    let row = tensor.count / max(1, tensor.shape[0])
    var values = [Float](repeating: 0, count: indices.count * row)
    tensor.scalars.withUnsafeBufferPointer { source in
      values.withUnsafeMutableBufferPointer { target in
        for (k, i) in indices.enumerated() {
          (target.baseAddress! + k * row).update(from: source.baseAddress! + i * row, count: row)
        }
      }
    }
    return Tensor(validShape: [indices.count] + tensor.shape.dropFirst(), scalars: values)
  }
}
