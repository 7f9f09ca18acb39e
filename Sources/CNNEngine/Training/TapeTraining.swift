/// Training written in Python (a model's own `train_step`, a GAN's two optimizers): the pieces
/// `tf.GradientTape` and `optimizer.apply_gradients` need from the engine, each the compiled
/// path's own code, so that a custom loop computes what `fit` computes.
///
/// - `TapeCall`: one call of a model on data, run forward by a `Trainer` of the model (training
///   or inference mode), kept so that a gradient can later run the same backward pass `fit` runs
///   — to the model's weights and, for a model whose input came from another traced computation
///   (a generator's images into a discriminator), to its input;
/// - `OptimizerSlots`: the slots of `apply_gradients` kept per variable, updated by `Optimizer`'s
///   own element update;
/// - `Loss.batch` / `Metric.batch`: a compiled loss or metric on one batch of tensors.
public final class TapeCall {
  /// The model's outputs, in `model.outputs` order.
  public let outputs: [Tensor]
  private let trainer: Trainer
  private let kept: [TrainingGraph.Kept]
  private let inputShapes: [[Int]]

  /// Runs `model` on `inputs` with `weights` (every weight of the model by Keras name);
  /// `training`: dropout and batch statistics as in `fit`, drawn from `generator`, as Keras 3
  /// computes them where `keras3`; `inGraph`: in a `tf.function` (a model's own `train_step`),
  /// where TensorFlow fuses as in `fit` (`Trainer.inGraph`), on `engine`'s kernels.
  public init(
    model: KerasModel, weights: ModelWeights, inputs: [Tensor], training: Bool,
    keras3: Bool = false, inGraph: Bool = false, engine: TensorFlowEngine = .eigen,
    generator: inout SeededGenerator,
    threads: Int = KernelParallelism.defaultThreadCount,
    memoryBudget: Int = ForwardPass.defaultMemoryBudget
  ) throws(TrainingError) {
    // A trainer of its own: its workspaces hold this call's values until the gradient is taken.
    var configuration = TrainingConfiguration(
      optimizer: Optimizer(.sgd), loss: Loss(.meanSquaredError))
    configuration.keras3 = keras3
    trainer = try Trainer(
      model: model, weights: weights, configuration: configuration, threads: threads,
      memoryBudget: memoryBudget)
    // An eager call: TensorFlow runs each op on its own (no fused sigmoid).
    trainer.inGraph = inGraph
    trainer.engine = engine
    // Keras 3 adds a Dense bias with `ops.add` (a reduction for its gradient) here as in `fit`.
    trainer.fusesOutputs = keras3
    inputShapes = inputs.map(\.shape)
    (outputs, kept) = try trainer.forward(inputs, training: training, generator: &generator)
  }

  /// The weights after the call (a training-mode BatchNormalization moved its statistics).
  public var weights: ModelWeights { trainer.weights }

  /// Output `index`'s logits where Keras caches them on it (the model ends in a softmax or
  /// sigmoid: `_keras_logits`, which a crossentropy in a `tf.function` reads in place of the
  /// probabilities); nil otherwise.
  public func cachedLogits(ofOutput index: Int) -> Tensor? {
    trainer.cachedLogits(ofOutput: index, kept: kept, shape: outputs[index].shape)
  }

  /// Every weight's gradient (in `model.weights` order, zeros where none reaches it) and each
  /// input's (nil where none reaches it), from the gradients of the outputs (nil: none), each of
  /// its logits (`cachedLogits`) where `ofLogits` says so.
  public func backward(outputGradients: [Tensor?], ofLogits: [Bool] = []) throws(TrainingError)
    -> (weights: [(name: String, gradient: Tensor)], inputs: [Tensor?])
  {
    let losses = zip(outputs, outputGradients).enumerated().map { index, pair in
      (
        loss: Float(0),
        gradient: pair.1?.scalars ?? [Float](repeating: 0, count: pair.0.count),
        ofLogits: index < ofLogits.count && ofLogits[index]
      )
    }
    let result = try trainer.backward(losses: losses, kept: kept, inputGradients: true)
    let current = trainer.weights
    var weights: [(name: String, gradient: Tensor)] = []
    for (name, gradient) in zip(trainer.names, result.gradients) {
      guard let shape = current[name]?.shape else { continue }
      weights.append((name, Tensor(validShape: shape, scalars: gradient)))
    }
    let inputs = zip(result.inputs, inputShapes).map { gradient, shape in
      gradient.map { Tensor(validShape: shape, scalars: $0) }
    }
    return (weights, inputs)
  }
}

/// `optimizer.apply_gradients(zip(grads, variables))` with slots kept per variable name: each
/// variable's momentum / moments and step count live here between calls, and the update is
/// `Optimizer.apply`, the one `fit` runs. (A Keras optimizer keeps its slots and its `iterations`
/// itself; a variable that one optimizer updates, as in every GAN, has the same numbers here.)
public final class OptimizerSlots {
  private struct Slots {
    var first: [Float]
    var second: [Float]
    var largest: [Float]
    var iterations: Int
    /// Nadam's running product after the variable's last update.
    var product: Float
  }

  private var slots: [String: Slots] = [:]

  public init() {}

  /// Updates `values` (one per name) by `gradients` (nil: the variable is left alone, as Keras
  /// skips a None gradient).
  public func apply(
    _ optimizer: Optimizer, names: [String], gradients: [[Float]?], values: inout [[Float]],
    threads: Int = KernelParallelism.defaultThreadCount
  ) {
    let chosen = names.indices.filter { gradients[$0] != nil }
    guard !chosen.isEmpty else { return }
    var state = optimizer.makeState(sizes: chosen.map { values[$0].count })
    state.iterations = chosen.map { slots[names[$0]]?.iterations ?? 0 }.max() ?? 0
    if let latest = chosen.compactMap({ slots[names[$0]] }).max(by: {
      $0.iterations < $1.iterations
    }) {
      state.product = latest.product
    }
    for (k, index) in chosen.enumerated() {
      if let kept = slots[names[index]], kept.first.count == values[index].count {
        state.first[k] = kept.first
        state.second[k] = kept.second
        if optimizer.amsgrad, kept.largest.count == kept.first.count {
          state.largest[k] = kept.largest
        }
      }
    }
    var updated = chosen.map { values[$0] }
    optimizer.apply(
      chosen.map { gradients[$0]! }, to: &updated, state: &state, threads: threads)
    for (k, index) in chosen.enumerated() {
      values[index] = updated[k]
      slots[names[index]] = Slots(
        first: state.first[k], second: state.second[k],
        largest: optimizer.amsgrad ? state.largest[k] : [], iterations: state.iterations,
        product: state.product)
    }
  }

  /// The step count of the variables' optimizer (`optimizer.iterations`).
  public func iterations(of names: [String]) -> Int {
    names.compactMap { slots[$0]?.iterations }.max() ?? 0
  }
}

extension Optimizer {
  /// The optimizer a `keras.optimizers` object or name gives, with ConvBook's refusals.
  public static func resolved(_ value: ArgumentValue) throws(TrainingError) -> Optimizer {
    try TrainingConfiguration.optimizer(value)
  }
}

extension Loss {
  /// A `keras.losses` object or name, as `compile` reads it.
  public static func resolved(_ value: ArgumentValue) throws(TrainingError) -> Loss {
    try TrainingConfiguration.loss(value, [:])
  }

  /// The loss of one batch (`SUM_OVER_BATCH_SIZE`) and its gradient with respect to
  /// `prediction`; a crossentropy `from_logits` reads `prediction` as logits. Given `logits` (those
  /// Keras cached on the prediction, `TapeCall.cachedLogits`), a crossentropy reads them and the
  /// gradient is theirs.
  public func batch(prediction: Tensor, target: Tensor, logits cached: Tensor? = nil) -> (
    loss: Float, gradient: Tensor
  ) {
    let classes = prediction.shape.last ?? 1
    let logits = cached?.scalars ?? (isCrossentropy && fromLogits ? prediction.scalars : nil)
    let result = evaluate(
      prediction: prediction.scalars, logits: logits, target: target.scalars, classes: classes)
    return (result.loss, Tensor(validShape: prediction.shape, scalars: result.gradient))
  }
}

extension Metric {
  /// The metric's per-line values of one batch, summed, and how many lines there were.
  public func batch(prediction: Tensor, target: Tensor) -> (sum: Double, count: Int) {
    accumulate(
      prediction: prediction.scalars, target: target.scalars,
      classes: prediction.shape.last ?? 1)
  }
}

extension Loss {
  /// Each line's loss (reduction `none`: `keras.losses.binary_crossentropy(y, p)`, the mean over
  /// the last axis) and each line's gradient with respect to its own predictions.
  /// `sparse` targets hold one class index per line. Given `logits` (as `batch`), a crossentropy
  /// reads them and the gradient is theirs.
  public func lines(prediction: Tensor, target: Tensor, logits cached: Tensor? = nil) -> (
    losses: [Float], gradient: Tensor
  ) {
    let result = evaluate(
      prediction: prediction.scalars,
      logits: cached?.scalars ?? (isCrossentropy && fromLogits ? prediction.scalars : nil),
      target: target.scalars, classes: max(1, prediction.shape.last ?? 1), perLine: true)
    return (result.lineLosses, Tensor(validShape: prediction.shape, scalars: result.gradient))
  }

}
