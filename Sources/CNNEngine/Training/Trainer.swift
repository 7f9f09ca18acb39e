import Foundation

/// `model.fit` for a Keras model (a chain, or a functional graph: merges, shared layers, nested
/// models, several inputs and outputs, run as a `TrainingGraph`): mini-batch gradient descent with
/// tf-keras' semantics.
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
///   same on the validation samples in inference mode at the end of the epoch;
/// - with several outputs, the loss is the sum of each output's loss times its `loss_weights`
///   entry (plus the penalties), and `history` adds each output's own loss and metrics under
///   Keras' names (`dense_1_loss`, `dense_1_accuracy`).
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
    /// TensorFlow's global seed (`tf.random.set_seed`), when the script set one: the order is
    /// then `tf.random.shuffle`'s, as Keras' `fit` draws it (`TensorFlowRandom(globalSeed:)`).
    public var tensorFlowSeed: UInt64?
    /// How many shuffles this `fit` drew before this one with TensorFlow's generator (tf-keras'
    /// goes on from epoch to epoch; Keras 3 starts it afresh each epoch: 0).
    public var tensorFlowShuffles = 0

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

  /// Calls made around each batch of `fit` and `evaluate`, for Keras' batch-level callbacks:
  /// `begin(step)` before a batch, `end(step, values)` after it with the running averages in
  /// `historyNames` order (the logs Keras gives `on_train_batch_end`). Either returns false to
  /// stop after that batch (`self.model.stop_training = True`, or an error the caller keeps).
  public struct BatchHooks {
    public var begin: (Int) -> Bool
    public var end: (Int, [Float]) -> Bool

    public init(begin: @escaping (Int) -> Bool, end: @escaping (Int, [Float]) -> Bool) {
      self.begin = begin
      self.end = end
    }
  }

  public let model: KerasModel
  /// `compile`'s settings; callbacks change the learning rate between epochs.
  public private(set) var configuration: TrainingConfiguration
  public let threads: Int
  public let memoryBudget: Int
  /// The calls of the model and their steps (one per layer on one tensor).
  private var graph: TrainingGraph
  private var steps: [TrainingStep] { graph.steps }
  /// Per step: whether the layer trains (a frozen BatchNormalization runs in inference mode).
  private let stepTrains: [Bool]
  /// ConvBook's refusals of a run in training / inference mode that would run a layer in the
  /// other mode because its call fixed it (`KerasModel.layerFixed(inTraining:)`): tf-keras
  /// follows the call's `training`; Keras 3's `fit`, `evaluate` and calls pass their own.
  private let fixedTrainingRefusals: (training: String?, inference: String?)
  /// Per model output: its loss, weight and metric names.
  public let outputs: [TrainingConfiguration.Output]
  /// Per model output: whether the loss reads the logits of the softmax or sigmoid that ends the
  /// call computing it (then that call's backward pass skips its activation).
  private let readsLogits: [Bool]
  /// The calls whose logits a loss reads: TensorFlow computes their sigmoid apart (the `Sigmoid`
  /// op), since the pre-activation has a second reader.
  private let logitsCalls: Set<Int>
  /// Whether the steps stand for Keras' compiled `fit` / `evaluate` (a `tf.function`, where
  /// TensorFlow fuses a dense layer's sigmoid: `ForwardStep.fusesSigmoid`); false for a call
  /// under an eager `tf.GradientTape`.
  public var inGraph = true
  /// TensorFlow's kernels on the machine being followed (softmax, the fused sigmoid:
  /// `TensorFlowEngine`); the caller sets the run's.
  public var engine = TensorFlowEngine.eigen
  /// Whether TensorFlow fuses the sigmoid of a layer making a model output too (Keras 3; not
  /// tf-keras: `ForwardPass.fusesOutputs`).
  public var fusesOutputs = false {
    // Keras 3 adds a Dense bias with `ops.add`, whose gradient is a reduction (tf-keras:
    // BiasAddGrad); the version travels with this flag.
    didSet { for s in graph.steps.indices { graph.steps[s].biasBySum = fusesOutputs } }
  }
  /// The order of a Dense layer's gradient products: TensorFlow's MatMul gradients under the
  /// Eigen engine, both Kerases (script 1117), one chain per value under oneDNN's recordings.
  private var denseGradientOrder: DenseGradient.Order {
    engine == .eigen ? .tensorFlow(eigenVectors: true) : .chains
  }
  /// The calls making the model's outputs.
  private let outputCalls: Set<Int>
  /// Every weight of the model in `model.weights` order.
  let names: [String]
  private var variables: [[Float]]
  private let shapes: [[Int]]
  private var trainable: [Bool]
  /// (variable index, l1, l2) of every regularized weight.
  private let regularizers: [(Int, Float, Float)]
  /// Moving statistics by Keras name (also kept in `variables`, synchronised after training).
  private var state: [String: [Float]] = [:]
  private var optimizerState: Optimizer.State
  /// Per call: the buffers its forward and backward passes reuse from batch to batch.
  private let workspaces: [GradientWorkspace]
  /// Per call: a max pooling that alone reads the output of a convolution able to take its output
  /// gradient (`TrainingStep.takesPooledGradient`); when its windows tile that output, its
  /// backward pass is left to the convolution's.
  private let poolsIntoProducer: [Bool]

  public init(
    model: KerasModel, weights: ModelWeights, configuration: TrainingConfiguration,
    threads: Int = KernelParallelism.defaultThreadCount,
    memoryBudget: Int = ForwardPass.defaultMemoryBudget
  ) throws(TrainingError) {
    self.model = model
    self.configuration = configuration
    self.threads = max(1, threads)
    self.memoryBudget = memoryBudget
    var graph = try TrainingGraph(model: model)
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
    var stepTrains: [Bool] = []
    var regularizers: [(Int, Float, Float)] = []
    for (stepIndex, instance) in graph.stepInstances.enumerated() {
      try Self.configure(
        &graph.steps[stepIndex], layer: instance.layer, name: instance.name,
        prefix: instance.weightsName + "/",
        index: index, variables: variables, state: &state, regularizers: &regularizers)
      stepTrains.append(instance.trainable)
    }
    // tf-keras' Nadam updates an Embedding's sparse gradient in its own order (the slots
    // decayed, then the rows scattered in), which ConvBook does not follow yet.
    if configuration.optimizer.kind == .nadam,
      let embedding = graph.steps.first(where: {
        if case .embedding = $0.operation { return true } else { return false }
      })
    {
      throw TrainingError(
        .model,
        "ConvBook cannot train a model with Embedding layers with Nadam yet (layer \"\(embedding.name)\")"
      )
    }
    for instance in graph.program.layers where instance.layer is any MultiInputLayer {
      if instance.layer.common.arguments["activity_regularizer"] != .none {
        throw TrainingError(
          .model,
          "ConvBook cannot train a model with an activity_regularizer yet (layer \"\(instance.name)\")"
        )
      }
    }
    let outputNames =
      model.graph?.outputs.map(\.producer.name) ?? [model.layers.last?.name ?? model.name]
    outputs = try configuration.outputs(names: outputNames)
    readsLogits = zip(graph.program.outputs, outputs).map { value, output in
      output.loss.isCrossentropy && Self.cachesLogits(value, in: graph)
    }
    outputCalls = Set(graph.program.outputs.compactMap { graph.producer(of: $0) })
    logitsCalls = Set(
      zip(graph.program.outputs, readsLogits).compactMap { value, reads in
        reads ? graph.producer(of: value) : nil
      })
    self.graph = graph
    workspaces = graph.calls.map { _ in GradientWorkspace() }
    poolsIntoProducer = graph.calls.map { call in
      guard case .layer(let s) = call.node, case .pooling(.max, _, _, _) = graph.steps[s].operation,
        let input = call.inputs.first, graph.readers[input] == 1,
        let producer = graph.producer(of: input), case .layer(let p) = graph.calls[producer].node
      else { return false }
      return graph.steps[p].takesPooledGradient
    }
    self.stepTrains = stepTrains
    fixedTrainingRefusals =
      configuration.keras3
      ? (nil, nil)
      : (
        model.fixedTrainingRefusal(runningInTraining: true),
        model.fixedTrainingRefusal(runningInTraining: false)
      )
    self.names = names
    self.variables = variables
    self.shapes = shapes
    self.trainable = trainable
    self.regularizers = regularizers
    optimizerState = configuration.optimizer.makeState(sizes: variables.map(\.count))
  }

  /// Binds a step's variables (Keras names `prefix` + weight, e.g. `dense/` + `kernel:0`), its
  /// moving statistics, and its layer's regularizers; refuses what training cannot honour
  /// (activity regularizers, constraints). A TimeDistributed step binds its wrapped layers'.
  private static func configure(
    _ step: inout TrainingStep, layer: any Layer, name: String, prefix: String,
    index: [String: Int], variables: [[Float]], state: inout [String: [Float]],
    regularizers: inout [(Int, Float, Float)]
  ) throws(TrainingError) {
    func variable(_ weight: String) -> Int? { index[prefix + weight + ":0"] }
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
    case .embedding:
      step.first = variable("embeddings")
    case .weightValue:
      if let custom = layer as? CustomWeight { step.first = variable(custom.spec.name) }
    case .recurrent(var recurrent):
      recurrent.bind(variable)
      step.operation = .recurrent(recurrent)
      for (value, target) in recurrent.regularizedWeights {
        let (l1, l2) = try Self.regularizer(value, layer: name)
        regularizers.append((target, l1, l2))
      }
    case .timeDistributed(let wrapper, var inner):
      for (k, stepLayer) in zip(inner.indices, wrapper.stepLayers) {
        try configure(
          &inner[k], layer: stepLayer, name: name,
          prefix: wrapper.stepWeightPrefix(stepLayer, under: prefix), index: index,
          variables: variables, state: &state, regularizers: &regularizers)
      }
      step.operation = .timeDistributed(wrapper, inner)
    case .layerNormalization:
      step.first = variable("gamma")
      step.second = variable("beta")
    case .batchNormalization:
      step.first = variable("gamma")
      step.second = variable("beta")
      step.movingMean = prefix + "moving_mean:0"
      step.movingVariance = prefix + "moving_variance:0"
      if let mean = variable("moving_mean"), let variance = variable("moving_variance") {
        state[step.movingMean] = variables[mean]
        state[step.movingVariance] = variables[variance]
      }
    default: break
    }
    for (argument, weight) in regularizedWeights(of: layer) {
      let value = layer.common.arguments[argument]
      guard value != .none, let target = variable(weight) else { continue }
      let (l1, l2) = try Self.regularizer(value, layer: name)
      regularizers.append((target, l1, l2))
    }
    if layer.common.arguments["activity_regularizer"] != .none {
      throw TrainingError(
        .model,
        "ConvBook cannot train a model with an activity_regularizer yet (layer \"\(name)\")"
      )
    }
    // Keras projects these weights after every optimizer step; ConvBook does not yet.
    var checked = [(name, layer.common.arguments)]
    if case .recurrent(let recurrent) = step.operation {
      checked += recurrent.directionArguments
    }
    for (layerName, arguments) in checked {
      if layerName != name, arguments["activity_regularizer"] != .none {
        throw TrainingError(
          .model,
          "ConvBook cannot train a model with an activity_regularizer yet (layer \"\(layerName)\")"
        )
      }
      for argument in arguments.values.keys.sorted()
      where argument.hasSuffix("_constraint") && arguments[argument] != .none {
        throw TrainingError(
          .model,
          "ConvBook cannot train a model with a \(argument == "weight_constraint" ? "constraint of add_weight()" : argument) yet (layer \"\(layerName)\")"
        )
      }
    }
  }

  /// The regularizer arguments of a layer's weights, with the weight each applies to
  /// (`kernel_regularizer` to `kernel`, ...; a custom layer's `add_weight(regularizer=...)` to its
  /// weight); the recurrent layers' are their directions' (`RecurrentTrainingStep`).
  public static func regularizedWeights(of layer: any Layer) -> [(argument: String, weight: String)]
  {
    var regularized = [
      ("kernel_regularizer", "kernel"), ("depthwise_regularizer", "depthwise_kernel"),
      ("pointwise_regularizer", "pointwise_kernel"), ("bias_regularizer", "bias"),
      ("gamma_regularizer", "gamma"), ("beta_regularizer", "beta"),
      ("embeddings_regularizer", "embeddings"),
    ]
    if let custom = layer as? CustomWeight {
      regularized.append(("regularizer", custom.spec.name))
    }
    return regularized
  }

  /// `keras.regularizers.l1(0.01)`, `l2(...)`, `l1_l2(l1=..., l2=...)` or their names.
  public static func regularizer(_ value: ArgumentValue, layer: String) throws(TrainingError)
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
    case .object(let object) where object.arguments.contains { $0.0 == KerasObject.subclassKey }:
      let kind =
        object.arguments.contains { $0 == (KerasObject.subclassKey, .string("function")) }
        ? "a function of the script" : "a subclass of keras.regularizers.Regularizer"
      throw TrainingError(
        .model,
        "ConvBook cannot train a model with the custom regularizer \(object.typeName) (\(kind)) yet (layer \"\(layer)\")"
      )
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

  /// The optimizer's learning rate (float32, as Keras keeps it), which callbacks such as
  /// `ReduceLROnPlateau` and `LearningRateScheduler` change between epochs.
  public var learningRate: Float {
    get { configuration.optimizer.learningRate }
    set { configuration.optimizer.learningRate = newValue }
  }

  /// Keras 3's count and bytes of the optimizer's variables for `model.summary()`; nil before the
  /// first step (Keras 3 builds its optimizer then: a compiled model that has only been evaluated
  /// shows no `Optimizer params`).
  public var keras3OptimizerVariables: (count: Int, bytes: Int)? {
    guard optimizerState.iterations > 0 else { return nil }
    return configuration.optimizer.keras3Variables(
      trainableSizes: optimizerState.first.map(\.count))
  }

  /// Sets every weight, moving statistics included, to the values in `weights` (Keras'
  /// `set_weights`, as `EarlyStopping(restore_best_weights=True)` does); the optimizer's slots stay.
  public func restore(_ weights: ModelWeights) {
    for (index, name) in names.enumerated() {
      guard let tensor = weights[name], tensor.count == variables[index].count else { continue }
      variables[index] = tensor.scalars
      if state[name] != nil { state[name] = tensor.scalars }
    }
  }

  // MARK: Fit

  /// Trains on x (N, sample...) and y (N, ...); returns `history.history` in Keras' key order.
  public func fit(
    x: Tensor, y: Tensor, options: Options, progress: (EpochReport) -> Void = { _ in }
  ) throws(TrainingError) -> TrainingHistory {
    try fit(inputs: [x], targets: [y], options: options, progress: progress)
  }

  /// The names `history` and `evaluate` report, in Keras' order: the loss, with several outputs
  /// each output's loss, then the metrics (prefixed by their output's name with several outputs).
  public func historyNames(targetShapes: [[Int]], outputShapes: [[Int]]) -> [String] {
    let metrics = metricLists(targetShapes: targetShapes, outputShapes: outputShapes)
    var names = ["loss"]
    if outputs.count > 1 { names += outputs.map { $0.name + "_loss" } }
    for list in metrics { names += list.map(\.name) }
    return names
  }

  /// Keras 3's order of `evaluate`'s list (`Trainer._flatten_metrics_in_order`), as indices into
  /// `historyNames`: the names of `model.metrics` that are logs (the loss, each metric's own
  /// name, the outputs' losses; a name repeats when metrics share it), then the others sorted.
  public func keras3ResultOrder(_ names: [String]) -> [Int] {
    var order: [String] = ["loss"]
    for output in outputs { order += output.metrics.filter { !$0.weighted }.map(\.name) }
    for output in outputs { order += output.metrics.filter(\.weighted).map(\.name) }
    if outputs.count > 1 { order += outputs.map { $0.name + "_loss" } }
    var indices = order.compactMap { names.firstIndex(of: $0) }
    let listed = Set(order)
    indices += names.indices.filter { !listed.contains(names[$0]) }.sorted {
      names[$0] < names[$1]
    }
    return indices
  }

  /// `historyNames` for these arrays (one per model input, one target per output).
  public func historyNames(inputs: [Tensor], targets: [Tensor]) throws(TrainingError) -> [String] {
    try check(inputs: inputs, targets: targets, options: Options())
    return historyNames(
      targetShapes: targets.map(\.shape), outputShapes: try outputShapes(inputs: inputs, batch: 1))
  }

  /// The names of the model's inputs (its input layers), in `model.inputs` order.
  public var inputNames: [String] {
    model.graph?.inputs.map(\.producer.name) ?? [model.layers.first?.name ?? model.name]
  }

  private func metricLists(targetShapes: [[Int]], outputShapes: [[Int]]) -> [[Metric]] {
    outputs.indices.map { k in
      var metrics = TrainingConfiguration.metrics(
        outputs[k].metrics, cellMetrics: outputs[k].cellMetrics,
        targetShape: targetShapes[k], outputShape: outputShapes[k])
      for i in metrics.indices where i < outputs[k].reportedNames.count {
        metrics[i].name = outputs[k].reportedNames[i]
      }
      return metrics
    }
  }

  /// Trains on one tensor per model input and one target per model output (in `model.inputs` /
  /// `model.outputs` order); returns `history.history` in Keras' key order.
  public func fit(
    inputs: [Tensor], targets: [Tensor], options: Options, sampleWeights: [Float]? = nil,
    hooks: BatchHooks? = nil, progress: (EpochReport) -> Void = { _ in }
  ) throws(TrainingError) -> TrainingHistory {
    let (trainCount, outputShapes) = try checkFit(
      inputs: inputs, targets: targets, options: options, sampleWeights: sampleWeights)
    let samples = inputs[0].shape[0]
    let metrics = metricLists(targetShapes: targets.map(\.shape), outputShapes: outputShapes)
    let names = historyNames(targetShapes: targets.map(\.shape), outputShapes: outputShapes)
    var history = TrainingHistory(
      names: names + (trainCount < samples ? names.map { "val_" + $0 } : []))
    let stepsPerEpoch = Exact.ceilingDivide(trainCount, options.batchSize)
    for epoch in 0..<options.epochs {
      let start = Date()
      var order = Array(0..<trainCount)
      if options.shuffle, let global = options.tensorFlowSeed {
        let blocks = UInt64((trainCount + 3) / 4)
        order =
          TensorFlowRandom(globalSeed: global).shuffled(
            count: trainCount, from: UInt64(options.tensorFlowShuffles + epoch) &* blocks
          ).order
      } else if options.shuffle {
        var generator = SeededGenerator(seed: options.seed, stream: "shuffle/\(epoch)")
        for i in stride(from: trainCount - 1, to: 0, by: -1) {
          let j = Int(generator.next() % UInt64(i + 1))
          order.swapAt(i, j)
        }
      }
      var totals = [Double](repeating: 0, count: names.count)
      var counts = [Int](repeating: 0, count: names.count)
      func averages() -> [Float] {
        names.indices.map { Self.mean(totals[$0], counts[$0]) }
      }
      let stateful = try resetStatefulMetrics(metrics)
      for step in 0..<stepsPerEpoch {
        try checkBudget()
        if let hooks, !hooks.begin(step) { break }
        let indices = Array(
          order[(step * options.batchSize)..<min(trainCount, (step + 1) * options.batchSize)])
        var generator = SeededGenerator(seed: options.seed, stream: "dropout/\(epoch)/\(step)")
        let result = try trainBatch(
          inputs: inputs.map { Self.gather($0, indices) },
          targets: targets.map { Self.gather($0, indices) }, metrics: metrics,
          sampleWeights: sampleWeights.map { weights in indices.map { weights[$0] } },
          generator: &generator)
        for (k, (sum, count)) in result.enumerated() {
          // A stateful metric's result so far replaces the value.
          totals[k] = stateful.contains(k) ? sum : Self.added(totals[k], sum)
          counts[k] = stateful.contains(k) ? count : counts[k] + count
        }
        if let hooks, !hooks.end(step, averages()) { break }
      }
      var values = averages()
      if trainCount < samples {
        let validation = Array(trainCount..<samples)
        values += try evaluate(
          inputs: inputs.map { Self.gather($0, validation) },
          targets: targets.map { Self.gather($0, validation) }, metrics: metrics,
          batchSize: options.batchSize,
          sampleWeights: sampleWeights.map { weights in validation.map { weights[$0] } })
      }
      history.append(values)
      progress(
        EpochReport(
          epoch: epoch + 1, epochs: options.epochs, steps: stepsPerEpoch,
          values: Array(zip(history.names, values)), seconds: Date().timeIntervalSince(start)))
    }
    return history
  }

  /// What `fit` checks before its first batch, nothing trained: the data against the model and
  /// each other, the sample weights, the validation split and the memory estimate. Returns how
  /// many samples train and the outputs' shapes for one sample. A fit whose outcome is decided
  /// before it trains (the cell language's refusal to print progress of ConvBook's own draws)
  /// runs these first, so that data Keras refuses is still refused as Keras does.
  @discardableResult
  public func checkFit(
    inputs: [Tensor], targets: [Tensor], options: Options, sampleWeights: [Float]? = nil
  ) throws(TrainingError) -> (trainCount: Int, outputShapes: [[Int]]) {
    try check(inputs: inputs, targets: targets, options: options)
    try check(sampleWeights: sampleWeights, samples: inputs[0].shape[0])
    let samples = inputs[0].shape[0]
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
    let outputShapes = try self.outputShapes(inputs: inputs, batch: 1)
    try checkMemory(inputs: inputs, batch: min(options.batchSize, samples))
    return (trainCount, outputShapes)
  }

  /// Whether a batch runs functions of the script (a loss or metric function traced from it, a
  /// metric object's own methods), which may raise errors of their own on the data; the built-in
  /// losses and metrics raise none once `checkFit` passed.
  public var runsScriptFunctions: Bool {
    outputs.contains { output in
      output.loss.traced != nil || !output.cellMetrics.isEmpty
        || output.metrics.contains { $0.stateful != nil }
    }
  }

  /// Throws the caller's refusal when its time budget ran out (`WorkBudget`).
  @inline(__always)
  private func checkBudget() throws(TrainingError) {
    if let message = WorkBudget.exceeded() { throw TrainingError(.stopped, message) }
  }

  /// The loss (with the regularization penalties) and metrics on x, y in inference mode, averaged
  /// over batches of `batchSize` as `model.evaluate` does.
  public func evaluate(x: Tensor, y: Tensor, batchSize: Int = 32) throws(TrainingError) -> [Float] {
    try evaluate(inputs: [x], targets: [y], batchSize: batchSize)
  }

  /// `evaluate` with one tensor per model input and one target per output; the values in
  /// `historyNames` order.
  public func evaluate(
    inputs: [Tensor], targets: [Tensor], batchSize: Int = 32, sampleWeights: [Float]? = nil,
    hooks: BatchHooks? = nil
  ) throws(TrainingError) -> [Float] {
    try check(inputs: inputs, targets: targets, options: Options(batchSize: batchSize))
    try check(sampleWeights: sampleWeights, samples: inputs[0].shape[0])
    let outputShapes = try self.outputShapes(inputs: inputs, batch: 1)
    let metrics = metricLists(targetShapes: targets.map(\.shape), outputShapes: outputShapes)
    return try evaluate(
      inputs: inputs, targets: targets, metrics: metrics, batchSize: batchSize,
      sampleWeights: sampleWeights, hooks: hooks)
  }

  private func evaluate(
    inputs: [Tensor], targets: [Tensor], metrics: [[Metric]], batchSize: Int,
    sampleWeights: [Float]? = nil, hooks: BatchHooks? = nil
  ) throws(TrainingError) -> [Float] {
    let samples = inputs[0].shape[0]
    var totals: [Double] = []
    var counts: [Int] = []
    var start = 0
    let penalty = regularizationLoss()
    func averages() -> [Float] {
      totals.indices.map { Self.mean(totals[$0], counts[$0]) }
    }
    var step = 0
    let stateful = try resetStatefulMetrics(metrics)
    while start < samples {
      try checkBudget()
      if let hooks, !hooks.begin(step) { break }
      let indices = Array(start..<min(samples, start + batchSize))
      var generator = SeededGenerator(seed: 0)
      let batchTargets = targets.map { Self.gather($0, indices) }
      let (outputs, added, kept) = try forwardWithAddedLosses(
        inputs.map { Self.gather($0, indices) }, training: false, generator: &generator)
      let losses = try lossesAndGradients(
        outputs: outputs, kept: kept, targets: batchTargets,
        sampleWeights: sampleWeights.map { weights in indices.map { weights[$0] } })
      let values = try reported(
        losses: losses, penalty: added.reduce(penalty, +), outputs: outputs,
        targets: batchTargets,
        metrics: metrics, batch: indices.count)
      if totals.isEmpty {
        totals = [Double](repeating: 0, count: values.count)
        counts = [Int](repeating: 0, count: values.count)
      }
      for (k, (sum, count)) in values.enumerated() {
        totals[k] = stateful.contains(k) ? sum : Self.added(totals[k], sum)
        counts[k] = stateful.contains(k) ? count : counts[k] + count
      }
      start += batchSize
      if let hooks, !hooks.end(step, averages()) { break }
      step += 1
    }
    return averages()
  }

  /// Resets the script's stateful metrics (as Keras does when an epoch or an evaluation
  /// begins); their positions among a batch's reported values (`reported`), whose result
  /// replaces the value rather than adding to it.
  private func resetStatefulMetrics(_ metrics: [[Metric]]) throws(TrainingError) -> Set<Int> {
    var positions: Set<Int> = []
    var position = outputs.count > 1 ? 1 + outputs.count : 1
    for list in metrics {
      for metric in list {
        if case .stateful(let state) = metric.kind {
          try state.reset()
          positions.insert(position)
        }
        position += 1
      }
    }
    return positions
  }

  /// Keras' `Mean` metrics keep float32 variables: `total += sum` (the batch's loss times its
  /// size, rounded), then `total / count`; so do ConvBook's running values.
  static func added(_ total: Double, _ sum: Double) -> Double { Double(Float(total) + Float(sum)) }

  /// `total / count` in float32, as the metric's `result()` (`div_no_nan`).
  static func mean(_ total: Double, _ count: Int) -> Float {
    count == 0 ? 0 : Float(total) / Float(count)
  }

  /// A batch's (sum, count) per `historyNames` entry: the losses weighted by the batch size (the
  /// total with its penalties, times the size in float32 as Keras' `Mean` does), the metrics
  /// summed over samples.
  private func reported(
    losses: [(loss: Float, gradient: [Float], ofLogits: Bool)], penalty: Float,
    outputs: [Tensor], targets: [Tensor], metrics: [[Metric]], batch: Int
  ) throws(TrainingError) -> [(Double, Int)] {
    var total: Float = 0
    for (k, loss) in losses.enumerated() { total += loss.loss * self.outputs[k].weight }
    var values: [(Double, Int)] = [(Double((total + penalty) * Float(batch)), batch)]
    if self.outputs.count > 1 {
      values += losses.map {
        configuration.keras3 ? (Double($0.loss), 1) : (Double($0.loss * Float(batch)), batch)
      }
    }
    for (k, list) in metrics.enumerated() {
      for metric in list {
        values.append(try metric.accumulate(prediction: outputs[k], target: targets[k]))
      }
    }
    return values
  }

  // MARK: One batch

  private func trainBatch(
    inputs: [Tensor], targets: [Tensor], metrics: [[Metric]], sampleWeights: [Float]?,
    generator: inout SeededGenerator
  ) throws(TrainingError) -> [(Double, Int)] {
    var penalty = regularizationLoss()
    let (outputs, added, kept) = try forwardWithAddedLosses(
      inputs, training: true, generator: &generator)
    for loss in added { penalty += loss }
    let losses = try lossesAndGradients(
      outputs: outputs, kept: kept, targets: targets, sampleWeights: sampleWeights)
    let reported = try reported(
      losses: losses, penalty: penalty, outputs: outputs, targets: targets, metrics: metrics,
      batch: inputs[0].shape[0])
    var (gradients, squares, _) = try backward(losses: losses, kept: kept, addedLosses: true)
    for (target, l1, l2) in regularizers {
      // A penalty's dense gradient joins the slices: Keras 3 then squares the dense sum.
      squares[target] = nil
      for i in variables[target].indices {
        let w = variables[target][i]
        gradients[target][i] += l1 * (w > 0 ? 1 : w < 0 ? -1 : 0) + 2 * l2 * w
      }
    }
    // Only trainable weights reach the optimizer; the others keep their values.
    var trainableValues: [[Float]] = []
    var trainableGradients: [[Float]] = []
    var trainableSquares: [Int: [Float]] = [:]
    for i in variables.indices where trainable[i] {
      if let square = squares[i] { trainableSquares[trainableValues.count] = square }
      trainableValues.append(variables[i])
      // Moved out until the update comes back: the optimizer then updates it in place.
      variables[i] = []
      trainableGradients.append(gradients[i])
    }
    if optimizerState.first.count != trainableValues.count {
      optimizerState = configuration.optimizer.makeState(sizes: trainableValues.map(\.count))
    }
    configuration.optimizer.apply(
      trainableGradients, to: &trainableValues, state: &optimizerState, threads: threads,
      squares: trainableSquares)
    var next = 0
    for i in variables.indices where trainable[i] {
      variables[i] = trainableValues[next]
      next += 1
    }
    return reported
  }

  /// The gradient of every variable (zeros where none reaches it), from the losses' gradients
  /// (each times its output's weight), the calls in reverse; with `Optimizer.squaresSlices`, the
  /// Embedding tables' squared slices too (by variable); with `inputGradients`, the gradient of
  /// every model input (nil where none reaches it), for a tape that follows the model's input.
  func backward(
    losses: [(loss: Float, gradient: [Float], ofLogits: Bool)], kept: [TrainingGraph.Kept],
    inputGradients: Bool = false, addedLosses: Bool = false
  ) throws(TrainingError) -> (gradients: [[Float]], squares: [Int: [Float]], inputs: [[Float]?]) {
    var gradients = variables.map { _ in [Float]() }
    // A layer called several times (a shared tower) has one gradient per call, which TensorFlow's
    // tape adds in the order of the calls (AddN, left to right: ((g0 + g1) + g2) + ...); the
    // backward pass meets them last call first, so each call's are kept apart, added at the end.
    var callGradients: [[[Float]]] = variables.map { _ in [] }
    func keep(_ own: [[Float]]) {
      for (index, part) in own.enumerated() where !part.isEmpty {
        callGradients[index].append(part)
      }
    }
    var squares: [Int: [Float]] = [:]
    let squaresSlices =
      configuration.optimizer.squaresSlices && configuration.optimizer.kind != .sgd
    // A value read by several calls (a tensor feeding the branches of an Inception module) gets
    // one gradient from each; the tape adds them in the order of the reads, the loss's last
    // (AddN, left to right), where the backward pass meets them last read first: each value's
    // parts are kept, then added when its producer's turn comes.
    var valueParts = [[[Float]]](repeating: [], count: graph.program.valueCount)
    func add(_ part: [Float], to value: Int) { valueParts[value].append(part) }
    func take(_ value: Int) -> [Float]? {
      guard var sum = valueParts[value].popLast() else { return nil }
      while let part = valueParts[value].popLast() {
        for i in sum.indices { sum[i] += part[i] }
      }
      return sum
    }
    /// Per call: whether its gradient is of its pre-activation (the loss read the logits).
    var ofLogits = [Bool](repeating: false, count: graph.calls.count)
    for (k, value) in graph.program.outputs.enumerated() {
      var gradient = losses[k].gradient
      let weight = outputs[k].weight
      if weight != 1 { for i in gradient.indices { gradient[i] *= weight } }
      add(gradient, to: value)
      if losses[k].ofLogits, let call = graph.producer(of: value) { ofLogits[call] = true }
    }
    // A loss `model.add_loss` added joins the total with weight 1 (in `fit`; a tape's gradient
    // is of the script's own loss).
    if addedLosses {
      for value in graph.addedLosses {
        add([1], to: value)
      }
    }
    let modelInputs = inputGradients ? [] : Set(graph.program.inputs)
    /// Output gradients of tiled max poolings, left to the convolution computing their input.
    var pooled = [(gradient: Tensor, poolSize: [Int], winners: [UInt8])?](
      repeating: nil, count: graph.program.valueCount)
    for (index, call) in graph.calls.enumerated().reversed() {
      try checkBudget()
      if call.isSeveral, case .layer(let s) = call.node, case .layer(let saved) = kept[index] {
        let given = call.outputs.map { take($0) }
        guard given.contains(where: { $0 != nil }) else { continue }
        var own = variables.map { _ in [Float]() }
        let next = try steps[s].backwardSeveral(
          given, saved: saved, variables: variables, shapes: shapes, gradients: &own,
          needsInputGradient: !modelInputs.contains(call.inputs[0]), threads: threads)
        keep(own)
        for (input, part) in zip(call.inputs, next) where !modelInputs.contains(input) {
          if let part { add(part, to: input) }
        }
        continue
      }
      let routed = pooled[call.output]
      pooled[call.output] = nil
      guard let gradient = take(call.output) ?? (routed == nil ? nil : []) else { continue }
      switch (call.node, kept[index]) {
      case (.layer(let s), .layer(let saved)):
        let input = call.inputs[0]
        if poolsIntoProducer[index], let gradient = steps[s].pooledGradient(gradient, saved: saved)
        {
          pooled[input] = gradient
          continue
        }
        let needsInput = !modelInputs.contains(input)
        if squaresSlices, case .embedding = steps[s].operation, let table = steps[s].first {
          let square: [Float]
          do {
            square = try EmbeddingGradient.rowSquares(
              ids: saved.input.scalars, outputGradient: gradient, vocabulary: shapes[table][0],
              depth: shapes[table][1])
          } catch {
            throw TrainingError(.kernel, "layer \"\(steps[s].name)\": \(error.message)")
          }
          TrainingGraph.accumulate(square, into: &squares[table])
        }
        var own = variables.map { _ in [Float]() }
        let step = try steps[s].backward(
          gradient, saved: saved, variables: variables, shapes: shapes,
          gradients: &own, skipActivation: ofLogits[index],
          needsInputGradient: needsInput, threads: threads, workspace: workspaces[index],
          pooled: routed, matMulOrder: denseGradientOrder)
        keep(own)
        guard let next = step else { continue }
        if needsInput { add(next, to: input) }
      case (.merge(let merge), .merge(let values, let outputShape)):
        let next = try merge.backward(
          gradient, inputs: values, outputShape: outputShape, inGraph: inGraph)
        for (input, part) in zip(call.inputs, next) where !modelInputs.contains(input) {
          add(part, to: input)
        }
      default:
        throw TrainingError(.kernel, "the training graph kept the wrong values for a call")
      }
    }
    for index in callGradients.indices where !callGradients[index].isEmpty {
      var parts = callGradients[index]
      var sum = parts.removeLast()
      while let part = parts.popLast() {
        for i in sum.indices { sum[i] += part[i] }
      }
      gradients[index] = sum
    }
    for i in gradients.indices where gradients[i].isEmpty {
      gradients[i] = [Float](repeating: 0, count: variables[i].count)
    }
    return (
      gradients, squares, inputGradients ? graph.program.inputs.map { take($0) } : []
    )
  }

  /// Sets which weights the optimizer updates (Keras names; others keep their flag), as Keras
  /// decides it: tf-keras when the model was compiled, Keras 3 at each call.
  public func setTrainable(_ flags: [String: Bool]) {
    for (index, name) in names.enumerated() {
      if let flag = flags[name] { trainable[index] = flag }
    }
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

  /// The model's outputs for `inputs`, and what each call kept for the backward pass.
  func forward(_ inputs: [Tensor], training: Bool, generator: inout SeededGenerator)
    throws(TrainingError) -> ([Tensor], [TrainingGraph.Kept])
  {
    let (outputs, _, kept) = try forwardWithAddedLosses(
      inputs, training: training, generator: &generator)
    return (outputs, kept)
  }

  /// `forward`, with the value of each loss `model.add_loss` added (scalars: Keras sums them
  /// with `tf.add_n` into the total loss).
  func forwardWithAddedLosses(
    _ inputs: [Tensor], training: Bool, generator: inout SeededGenerator
  ) throws(TrainingError) -> ([Tensor], [Float], [TrainingGraph.Kept]) {
    if let message = training ? fixedTrainingRefusals.training : fixedTrainingRefusals.inference {
      throw TrainingError(.model, message)
    }
    let valueShapes = try graph.shapes(inputShapes: inputs.map(\.shape))
    var values = [Tensor?](repeating: nil, count: graph.program.valueCount)
    for (value, tensor) in zip(graph.program.inputs, inputs) { values[value] = tensor }
    /// Keras masks of values (`Embedding(mask_zero=True)`, `Masking`), as the forward pass
    /// carries them; merges drop them.
    var masks = [[Bool]?](repeating: nil, count: graph.program.valueCount)
    var kept: [TrainingGraph.Kept] = []
    kept.reserveCapacity(graph.calls.count)
    for (index, call) in graph.calls.enumerated() {
      try checkBudget()
      switch call.node {
      case .layer(let s) where call.isSeveral:
        let (outputs, saved) = try steps[s].forwardSeveral(
          call.inputs.map { values[$0]! }, variables: variables, shapes: shapes,
          training: training && stepTrains[s], generator: &generator, threads: threads,
          mask: masks[call.inputs[0]])
        guard outputs.map(\.shape) == call.outputs.map({ valueShapes[$0] }) else {
          throw TrainingError(
            .kernel,
            "layer \"\(steps[s].name)\" produced shapes \(outputs.map { TensorShape.tuple($0.shape) }) where Keras infers \(call.outputs.map { TensorShape.tuple(valueShapes[$0]) })"
          )
        }
        kept.append(.layer(saved))
        for (value, output) in zip(call.outputs, outputs) { values[value] = output }
        masks[call.output] = saved.outputMask
      case .layer(let s):
        let (output, saved) = try steps[s].forward(
          values[call.inputs[0]]!, outputShape: valueShapes[call.output], variables: variables,
          shapes: shapes, state: &state, training: training && stepTrains[s],
          generator: &generator, threads: threads, workspace: workspaces[index],
          mask: masks[call.inputs[0]],
          inGraph: inGraph && !logitsCalls.contains(index)
            && (fusesOutputs || !outputCalls.contains(index)), keras3: configuration.keras3,
          engine: engine, fusesBiasAdd: inGraph)
        kept.append(.layer(saved))
        values[call.output] = output
        masks[call.output] = saved.outputMask
      case .merge(let merge):
        let given = call.inputs.map { values[$0]! }
        values[call.output] = try merge.run(
          given, outputShape: valueShapes[call.output], inGraph: inGraph)
        kept.append(.merge(given, outputShape: valueShapes[call.output]))
      }
    }
    var added: [Float] = []
    for value in graph.addedLosses {
      guard let loss = values[value], loss.count == 1 else {
        throw TrainingError(
          .model,
          "ConvBook cannot train with a loss added by model.add_loss() that is not a scalar yet (shape \(TensorShape.tuple(values[value]?.shape ?? [])))"
        )
      }
      added.append(loss.scalars[0])
    }
    return (graph.program.outputs.map { values[$0]! }, added, kept)
  }

  /// Whether `value` is computed by a call ending in a softmax or sigmoid and read by nothing
  /// else: Keras' activation caches its logits on it (`_keras_logits`), which crossentropies read
  /// in place of the probabilities.
  private static func cachesLogits(_ value: Int, in graph: TrainingGraph) -> Bool {
    guard graph.readers[value] == 1, let call = graph.producer(of: value),
      case .layer(let step) = graph.calls[call].node
    else { return false }
    switch graph.steps[step].finalActivation {
    case .softmax, .sigmoid: return true
    default: return false
    }
  }

  /// The logits Keras caches on model output `k` (`cachesLogits`) in a forward pass that kept
  /// `kept`: the input of its final activation; nil for another output.
  func cachedLogits(ofOutput k: Int, kept: [TrainingGraph.Kept], shape: [Int]) -> Tensor? {
    let value = graph.program.outputs[k]
    guard Self.cachesLogits(value, in: graph), let call = graph.producer(of: value),
      case .layer(let saved) = kept[call], saved.preActivation.count == shape.reduce(1, *)
    else { return nil }
    return Tensor(validShape: shape, scalars: saved.preActivation)
  }

  /// Each output's loss and its gradient, with respect to the logits when the output ends in a
  /// softmax or sigmoid and its loss is a crossentropy (tf-keras' `_keras_logits`), or when the
  /// loss says `from_logits=True`.
  private func lossesAndGradients(
    outputs: [Tensor], kept: [TrainingGraph.Kept], targets: [Tensor],
    sampleWeights: [Float]? = nil
  ) throws(TrainingError) -> [(loss: Float, gradient: [Float], ofLogits: Bool)] {
    try outputs.indices.map { k throws(TrainingError) in
      let output = outputs[k]
      let loss = self.outputs[k].loss
      if let traced = loss.traced {
        if sampleWeights != nil {
          throw TrainingError(
            .configuration,
            "ConvBook cannot weigh the samples (sample_weight or class_weight) of the loss \(traced.name) yet"
          )
        }
        let result = try traced.evaluate(prediction: output, target: targets[k])
        return (result.loss, result.gradient, false)
      }
      let classes = output.shape.last ?? 1
      var logits: [Float]?
      if readsLogits[k], let call = graph.producer(of: graph.program.outputs[k]),
        case .layer(let saved) = kept[call]
      {
        logits = saved.preActivation
      } else if loss.isCrossentropy && loss.fromLogits {
        logits = output.scalars
      }
      let result = loss.evaluate(
        prediction: output.scalars, logits: logits, target: targets[k].scalars, classes: classes,
        sampleWeights: sampleWeights)
      return (result.loss, result.gradient, readsLogits[k])
    }
  }

  // MARK: Checks

  /// Whether the model trains on the losses `model.add_loss` added alone (`compile` without a
  /// loss): `fit` and `evaluate` then need no targets.
  public var trainsOnAddedLossesOnly: Bool {
    !graph.addedLosses.isEmpty && outputs.allSatisfy { $0.loss.kind == .none }
  }

  /// Zeros in the outputs' shapes for `inputs`, standing for the targets `fit(x)` leaves out
  /// when only added losses train (`trainsOnAddedLossesOnly`).
  public func placeholderTargets(inputShapes: [[Int]]) throws(TrainingError) -> [Tensor] {
    let batch = inputShapes.first?.first ?? 0
    let shapes = try graph.shapes(inputShapes: inputShapes.map { [batch] + $0.dropFirst() })
    return graph.program.outputs.map { output in
      Tensor(
        validShape: shapes[output],
        scalars: [Float](repeating: 0, count: shapes[output].reduce(1, *)))
    }
  }

  /// The model outputs' shapes for a batch of `batch` samples shaped as `inputs`' samples.
  private func outputShapes(inputs: [Tensor], batch: Int) throws(TrainingError) -> [[Int]] {
    let shapes = try graph.shapes(inputShapes: inputs.map { [batch] + $0.shape.dropFirst() })
    return graph.program.outputs.map { shapes[$0] }
  }

  /// One finite weight per sample.
  private func check(sampleWeights: [Float]?, samples: Int) throws(TrainingError) {
    guard let sampleWeights else { return }
    if outputs.contains(where: { $0.metrics.contains(where: \.weighted) }) {
      throw TrainingError(
        .configuration,
        "ConvBook cannot report weighted_metrics with sample weights (sample_weight, class_weight) yet"
      )
    }
    guard sampleWeights.count == samples else {
      throw TrainingError(
        .data,
        "Data cardinality is ambiguous: the sample weights hold \(sampleWeights.count) values for \(samples) samples. Make sure all arrays contain the same number of samples."
      )
    }
  }

  private func check(inputs: [Tensor], targets: [Tensor], options: Options) throws(TrainingError) {
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
    guard let expected = model.inputShapeList ?? model.inputShape.map({ [$0] }) else {
      throw TrainingError(
        .model, "model \"\(model.name)\" is not built: its input shape is unknown")
    }
    guard inputs.count == expected.count else {
      throw TrainingError(
        .data,
        "Layer \"\(model.name)\" expects \(expected.count) input(s), but it received \(inputs.count) input tensors."
      )
    }
    guard targets.count == outputs.count else {
      throw TrainingError(
        .data,
        "the model \"\(model.name)\" has \(outputs.count) output(s), but fit received \(targets.count) target arrays"
      )
    }
    // The batch is not checked here (a fixed one is cut into batches later); the train step is
    // traced with an open batch, which Keras' message shows.
    for (index, x) in inputs.enumerated() {
      var samples = x.shape
      if let fixed = expected[index].dimensions.first ?? nil, !samples.isEmpty {
        samples[0] = fixed
      }
      if let message = model.inputMismatch(
        samples, input: index,
        found: TensorShape(batch: nil, sample: x.shape.dropFirst().map { Optional($0) }))
      {
        throw TrainingError(.data, message)
      }
    }
    let samples = inputs[0].shape[0]
    guard samples > 0 else { throw TrainingError(.data, "x holds no samples") }
    let sizes = inputs.map { $0.shape[0] }
    let targetSizes = targets.map { $0.shape.first ?? 0 }
    guard targets.allSatisfy({ $0.rank >= 1 }), Set(sizes + targetSizes).count == 1 else {
      throw TrainingError(
        .data,
        "Data cardinality is ambiguous:\n  x sizes: \(sizes.map(String.init).joined(separator: ", "))\n  y sizes: \(targetSizes.map(String.init).joined(separator: ", "))\nMake sure all arrays contain the same number of samples."
      )
    }
    let outputShapes = try self.outputShapes(inputs: inputs, batch: samples)
    for (k, (y, output)) in zip(targets, outputShapes).enumerated() {
      let classes = output.last ?? 1
      let lines = output.reduce(1, *) / max(1, classes)
      if outputs[k].loss.kind == .sparseCategoricalCrossentropy {
        guard y.count == lines else { throw sparseMismatch(target: y.shape, output: output) }
        for label in y.scalars
        where label < 0 || label >= Float(classes) || label != label.rounded() {
          throw TrainingError(
            .data,
            "Received a label value of \(PythonFormat.float(Double(label))) which is outside the valid range of [0, \(classes))."
          )
        }
      }
      if outputs[k].loss.kind != .sparseCategoricalCrossentropy {
        guard y.count == output.reduce(1, *) else {
          throw mismatch(target: y.shape, output: output, loss: outputs[k].loss.kind)
        }
      }
      // Keras broadcasts a metric's targets against the outputs; ConvBook takes them as they fit.
      for metric in metricLists(targetShapes: targets.map(\.shape), outputShapes: outputShapes)[k] {
        let fits: Bool
        switch metric.kind {
        case .sparseCategoricalAccuracy: fits = y.count == lines
        case .cellFunction, .stateful: fits = true
        case .binaryAccuracy, .categoricalAccuracy, .meanAbsoluteError, .meanSquaredError:
          fits = y.count == output.reduce(1, *)
        }
        guard fits else {
          throw TrainingError(
            .configuration,
            "ConvBook cannot report the metric '\(metric.name)' on targets \(TensorShape.tuple(y.shape)) and outputs \(TensorShape.tuple(output)) yet"
          )
        }
      }
    }
  }

  /// Targets whose values do not fit the outputs one for one. Keras 3's crossentropies check the
  /// shapes their traced train step sees (the batch unknown): `Arguments `target` and `output`
  /// must have the same rank (ndim)` / `... same shape`, as its ValueError. tf-keras' errors
  /// come from TensorFlow's graph (node names, its own source lines in the message), and a
  /// squared or absolute error broadcasts a target of one column (Keras trains) or fails in
  /// TensorFlow's graph too: ConvBook refuses those as its own limitation.
  private func mismatch(target: [Int], output: [Int], loss: Loss.Kind) -> TrainingError {
    func traced(_ shape: [Int]) -> String {
      let sizes = ["None"] + shape.dropFirst().map(String.init)
      return "(" + sizes.joined(separator: ", ") + (sizes.count == 1 ? ",)" : ")")
    }
    let crossentropy = loss == .binaryCrossentropy || loss == .categoricalCrossentropy
    guard configuration.keras3, crossentropy else {
      return TrainingError(
        .configuration,
        "ConvBook does not support targets of shape \(TensorShape.tuple(target)) for outputs of shape \(TensorShape.tuple(output)) yet (Keras' error or broadcast comes from TensorFlow's graph)"
      )
    }
    let what = target.count == output.count ? "shape" : "rank (ndim)"
    return TrainingError(
      .data,
      "Arguments `target` and `output` must have the same \(what). Received: target.shape=\(traced(target)), output.shape=\(traced(output))"
    )
  }

  /// Targets that do not give one class index per output row to sparse_categorical_crossentropy
  /// (one-hot targets, say). Keras 3's traced step squeezes or expands the targets' last axis
  /// (`squeeze_or_expand_to_same_rank`, then the crossentropy's own squeeze of a last axis of 1)
  /// and raises its ValueError on the shapes with the batch unknown; tf-keras fails inside
  /// TensorFlow's graph (node names, the traced function's number): ConvBook's limitation there,
  /// as where Keras 3's shapes pass.
  private func sparseMismatch(target: [Int], output: [Int]) -> TrainingError {
    func traced(_ shape: [Int?]) -> String {
      let sizes = shape.map { $0.map(String.init) ?? "None" }
      return "(" + sizes.joined(separator: ", ") + (sizes.count == 1 ? ",)" : ")")
    }
    var y: [Int?] = [nil] + target.dropFirst().map { $0 }
    var p: [Int?] = [nil] + output.dropFirst().map { $0 }
    let (yRank, pRank) = (y.count, p.count)
    if yRank == pRank + 1, y.last == 1 {
      if pRank == 1 { p.append(1) } else { y.removeLast() }
    }
    if pRank == yRank + 1, p.last == 1 {
      if yRank == 1 { y.append(1) } else { p.removeLast() }
    }
    if y.count == p.count, y.last == 1 { y.removeLast() }
    let received = "target.shape=\(traced(y)), output.shape=\(traced(p))"
    if configuration.keras3, !p.isEmpty {
      if y.count != p.count - 1 {
        return TrainingError(
          .data,
          "Argument `output` must have rank (ndim) `target.ndim - 1`. Received: \(received)")
      }
      for (a, b) in zip(y, p.dropLast()) where a != nil && b != nil && a != b {
        return TrainingError(
          .data,
          "Arguments `target` and `output` must have the same shape up until the last dimension: \(received)"
        )
      }
    }
    return TrainingError(
      .configuration,
      "ConvBook does not support targets of shape \(TensorShape.tuple(target)) for sparse_categorical_crossentropy on outputs of shape \(TensorShape.tuple(output)) yet (Keras' error comes from TensorFlow's graph)"
    )
  }

  /// Refuses a batch whose weights, optimizer slots and kept activations would exceed the budget.
  private func checkMemory(inputs: [Tensor], batch: Int) throws(TrainingError) {
    let shapes = try graph.shapes(inputShapes: inputs.map { [batch] + $0.shape.dropFirst() })
    let weightValues = variables.reduce(0) { $0 + $1.count }
    // Each layer keeps its input, pre-activation and output; gradients and transposes add ~3 more.
    let activationValues = shapes.reduce(0) { $0 + $1.reduce(1, *) } * 6
    // A recurrent call keeps every step's gates and previous states (`RecurrentGradient.Saved`),
    // which its output (one step without return_sequences) does not count.
    var recurrentValues = 0
    for call in graph.calls {
      guard case .layer(let s) = call.node, case .recurrent(let recurrent) = steps[s].operation,
        shapes[call.inputs[0]].count == 3
      else { continue }
      let input = shapes[call.inputs[0]]
      recurrentValues += input[0] * input[1] * recurrent.savedValuesPerStep
    }
    let bytes = 4 * (4 * weightValues + activationValues + recurrentValues)
    if bytes > memoryBudget {
      throw TrainingError(
        .memory,
        "training model \"\(model.name)\" at batch size \(batch) would need an estimated \(MemoryEstimate.format(bytes)), more than the memory budget of \(MemoryEstimate.format(memoryBudget)); ConvBook refused it before training. Use a smaller batch size or raise the budget (--memory-budget BYTES)"
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
