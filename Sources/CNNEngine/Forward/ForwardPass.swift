import CNNKernels
import Dispatch
import Foundation

/// Runs a batch through every layer of a built model in inference mode, with Keras' numerics:
/// Dropout is the identity, BatchNormalization uses its moving statistics, `same` / `valid` /
/// `causal` padding are TensorFlow's, channels-first layers run between transposes as tf-keras
/// does on CPU. 3x3 stride-1 convolutions of 8 or more channels on maps larger than 16x16 run as
/// Winograd F(4x4, 3x3) (4x fewer multiplies, 4x larger kernels: `Conv.usesWinograd`),
/// within ~1e-6 of the direct sum relative to the layer's output scale.
///
/// Convolution and dense weights are packed on the first run and kept (the raw weights are
/// released layer by layer as they are packed); the two activation buffers are kept between runs too, so repeated runs allocate
/// nothing large. Every kernel computes each value in a fixed order on one thread, so results are
/// bitwise identical from run to run and for every thread count.
///
/// Before anything is allocated, a run estimates what it will hold (`MemoryEstimate`) and refuses
/// when that exceeds `memoryBudget`. Runs on one pass are serialized (a lock guards the buffers).
public final class ForwardPass: @unchecked Sendable {
  /// 2 GiB.
  public static let defaultMemoryBudget = 2 << 30

  public let model: KerasModel
  public let threads: Int
  let lock = NSLock()
  var budget: Int
  /// The model's layers after the input layer.
  private let instances: [LayerInstance]
  /// Until the first run packs them.
  var pendingWeights: ModelWeights?
  private var steps: [ForwardStep]?
  var preparationError: ForwardError?
  /// Activation buffers kept from the last run.
  var pool: [Tensor] = []
  /// A graph's calls and its prepared layers (see `ForwardPass+Graph`); nil for chains.
  var graphProgram: ForwardGraph?
  var graphSteps: [ObjectIdentifier: GraphStep]?

  /// Whether `weights` were the caller's only copy, so that the memory estimate counts them as
  /// freed while they are packed (`MemoryEstimate.weightsReleased`).
  let releasesWeights: Bool
  /// Whether the pass stands for Keras' compiled `predict` / `evaluate` (a `tf.function`, where
  /// TensorFlow fuses some layers' ops, `ForwardStep.fusesSigmoid`) rather than an eager call.
  let inGraph: Bool
  /// Whether TensorFlow fuses the layers making the model's outputs too (Keras 3); tf-keras'
  /// outputs keep their own `Sigmoid` op.
  let fusesOutputs: Bool
  /// Whether layers compute as Keras 3 computes them where it differs from tf-keras
  /// (BatchNormalization's formula: `ForwardStep`).
  let keras3: Bool
  /// TensorFlow's kernels on the machine being followed (`TensorFlowEngine`); every caller in
  /// ConvBook passes its run's, the default (the reference machine's Eigen) is for tests.
  let engine: TensorFlowEngine

  /// `releasesWeights`: the caller keeps no copy of `weights` (see `MemoryEstimate`);
  /// `inGraph`: Keras runs the model inside a `tf.function` (`predict`, `evaluate`), where
  /// TensorFlow fuses the layers that make no model output, and with `fusesOutputs` (Keras 3)
  /// those too.
  public init(
    model: KerasModel, weights: ModelWeights,
    threads: Int = KernelParallelism.defaultThreadCount,
    memoryBudget: Int = ForwardPass.defaultMemoryBudget, releasesWeights: Bool = false,
    inGraph: Bool = false, fusesOutputs: Bool = false, keras3: Bool = false,
    engine: TensorFlowEngine = .eigen
  ) {
    self.keras3 = keras3
    self.engine = engine
    self.releasesWeights = releasesWeights
    self.inGraph = inGraph
    self.fusesOutputs = fusesOutputs
    self.model = model
    self.threads = max(1, threads)
    budget = memoryBudget
    instances = model.flattenedLayers.filter { !$0.isInputLayer }
    pendingWeights = weights
  }

  /// Bytes a run may hold (weights + activations), checked before every run.
  public var memoryBudget: Int {
    get { lock.withLock { budget } }
    set { lock.withLock { budget = newValue } }
  }

  /// input (N, sample...) -> output (N, ...), the model's output for the batch.
  public func run(_ input: Tensor) throws(ForwardError) -> Tensor {
    if ForwardGraph.needed(for: model) {
      let outputs = try run(inputs: [input])
      guard outputs.count == 1 else {
        throw ForwardError(
          .model,
          "model \"\(model.name)\" has \(outputs.count) outputs; ConvBook returns them as a list (run(inputs:))"
        )
      }
      return outputs[0]
    }
    return try execute(input, measuring: false).output
  }

  /// Like `run`, plus per layer the statistics of its output over the whole batch and the seconds
  /// its kernels took (statistics are computed outside the timed part).
  /// input (N, sample...) -> (output, one measurement per layer after the input layer)
  public func measure(_ input: Tensor) throws(ForwardError) -> (
    output: Tensor, layers: [LayerMeasurement]
  ) {
    if ForwardGraph.needed(for: model) {
      let (outputs, layers) = try measure(inputs: [input])
      return (outputs[0], layers)
    }
    return try execute(input, measuring: true)
  }

  /// The output shape of every layer for an input of `inputShape`, input first; refuses an input
  /// that does not fit the model as Keras does.
  public func shapes(for inputShape: [Int]) throws(ForwardError) -> [[Int]] {
    if ForwardGraph.needed(for: model) {
      let program = try Self.program(for: model)
      let shapes = try Self.graphShapes(model: model, program: program, inputShapes: [inputShape])
      return [inputShape] + program.calls.map { shapes[$0.output] }
    }
    return try Self.shapes(model: model, instances: instances, inputShape: inputShape)
  }

  /// What a run on an input of `inputShape` would hold.
  public func estimate(inputShape: [Int]) throws(ForwardError) -> MemoryEstimate {
    try Self.estimate(model: model, inputShape: inputShape)
  }

  /// What a run of `model` at `batch` would hold (unknown sample sizes as `SeededInput` fills them),
  /// computed from shapes alone: usable before any weight exists.
  public static func estimate(model: KerasModel, batch: Int) throws(ForwardError)
    -> MemoryEstimate
  {
    guard let inputShape = model.inputShape else {
      throw ForwardError(.model, "model \"\(model.name)\" is not built: its input shape is unknown")
    }
    if ForwardGraph.needed(for: model) {
      let shapes = SeededInput.shapes(for: model, batch: batch)
      return try graphEstimate(model: model, program: program(for: model), inputShapes: shapes)
    }
    let shape = [batch] + inputShape.sample.map { $0 ?? SeededInput.unknownDimension }
    return try estimate(
      model: model, instances: model.flattenedLayers.filter { !$0.isInputLayer }, inputShape: shape)
  }

  /// What a run of `model` on an input of `inputShape` would hold, from shapes alone.
  public static func estimate(model: KerasModel, inputShape: [Int]) throws(ForwardError)
    -> MemoryEstimate
  {
    if ForwardGraph.needed(for: model) {
      return try graphEstimate(
        model: model, program: program(for: model), inputShapes: [inputShape])
    }
    return try estimate(
      model: model, instances: model.flattenedLayers.filter { !$0.isInputLayer },
      inputShape: inputShape)
  }

  /// Throws the memory refusal when `estimate` exceeds `budget`.
  public static func check(
    _ estimate: MemoryEstimate, budget: Int, model: KerasModel, batch: Int
  )
    throws(ForwardError)
  {
    guard estimate.totalBytes > budget else { return }
    throw ForwardError(
      .memory,
      "the forward pass of model \"\(model.name)\" at batch \(batch) would need an estimated \(MemoryEstimate.format(estimate.totalBytes)) (\(estimate)), more than the memory budget of \(MemoryEstimate.format(budget)); ConvBook refused it before allocating. Use a smaller batch or raise the budget (--memory-budget BYTES)"
    )
  }

  // MARK: Implementation

  private static func shapes(
    model: KerasModel, instances: [LayerInstance], inputShape: [Int]
  ) throws(ForwardError) -> [[Int]] {
    guard model.inputShape != nil else {
      throw ForwardError(.model, "model \"\(model.name)\" is not built: its input shape is unknown")
    }
    if let message = model.inputMismatch(inputShape, input: 0) {
      throw ForwardError(.input, message)
    }
    var shapes = [inputShape]
    var current = TensorShape(inputShape.map { Optional($0) })
    for instance in instances {
      // Keras 3 lets a nested model built for other inputs be called on these (shapes inferred
      // without weights); a layer's weights must still fit what it runs on.
      if let built = instance.inputShape,
        instance.layer.weights(for: current).map(\.shape) != instance.weights.map(\.shape)
      {
        throw ForwardError(
          .input,
          "layer \"\(instance.name)\" was built for inputs of shape \(built) and cannot run on inputs of shape \(current)"
        )
      }
      do {
        current = try instance.layer.outputShape(for: current)
      } catch {
        throw ForwardError(.input, "layer \"\(instance.name)\": \(error.message)")
      }
      let dimensions = current.dimensions.compactMap { $0 }
      guard dimensions.count == current.rank else {
        throw ForwardError(
          .input, "layer \"\(instance.name)\" has an output of unknown size \(current)")
      }
      guard dimensions.allSatisfy({ $0 >= 0 }) else {
        throw ForwardError(
          .input, "layer \"\(instance.name)\" has an output of negative size \(current)")
      }
      shapes.append(dimensions)
    }
    return shapes
  }

  private static func estimate(
    model: KerasModel, instances: [LayerInstance], inputShape: [Int]
  ) throws(ForwardError) -> MemoryEstimate {
    let shapes = try shapes(model: model, instances: instances, inputShape: inputShape)
    // Checked throughout: a batch or a layer too large to count is refused here, before anything
    // is allocated, instead of wrapping past the budget check.
    do {
      var layers: [(weights: Int, packed: Int)] = []
      for instance in instances {
        layers.append(
          (
            instance.parameterCount,
            try instance.inputShape.map { built throws(Exact.Overflow) in
              try instance.layer.packedWeightValues(input: built)
            } ?? 0
          ))
      }
      var counts: [Int] = []
      // A zero-sized axis empties a tensor but not the buffers a kernel sizes by its other axes
      // (a row of a transposed convolution): the estimate counts such an axis as 1.
      for shape in shapes { counts.append(try Exact.product(shape.map { max($0, 1) })) }
      let largest = counts.max() ?? 0
      let estimate = try Self.estimate(
        layers: layers, input: counts[0],
        activations: Exact.add(counts[0], Exact.multiply(3, largest)))
      // `totalBytes` adds the three without checks of its own.
      _ = try Exact.sum([
        estimate.weightBytes, estimate.packedWeightBytes, estimate.activationBytes,
      ])
      return estimate
    } catch {
      throw ForwardError(
        .memory,
        "the memory a forward pass of model \"\(model.name)\" on an input of shape \(TensorShape.tuple(inputShape)) would need overflows 64-bit integers; refused before allocating. Use a smaller batch or input"
      )
    }
  }

  /// The estimate of a pass over `layers` (values of each layer's weights and of their packed
  /// copies, in the order they are packed) holding `activations` values at its peak, `input` of
  /// them the input's.
  static func estimate(layers: [(weights: Int, packed: Int)], input: Int, activations: Int)
    throws(Exact.Overflow) -> MemoryEstimate
  {
    var unpacked = try Exact.sum(layers.map(\.weights))
    var packed = 0
    var packingPeak = 0
    for layer in layers {
      // While a layer is packed, its weights and its packed copy are both alive.
      packed = try Exact.add(packed, layer.packed)
      packingPeak = max(packingPeak, try Exact.add(unpacked, packed))
      unpacked -= layer.weights
    }
    let weights = try Exact.sum(layers.map(\.weights))
    return MemoryEstimate(
      weightBytes: try Exact.multiply(4, weights),
      packedWeightBytes: try Exact.multiply(4, packed),
      activationBytes: try Exact.multiply(4, activations),
      packingPeakBytes: try Exact.multiply(4, Exact.add(packingPeak, input)))
  }

  /// Packs the weights on first use; a failure is kept and reported by every later run.
  private func preparedSteps() throws(ForwardError) -> [ForwardStep] {
    if let steps { return steps }
    if let preparationError { throw preparationError }
    try checkFixedTraining()
    guard var weights = pendingWeights else {
      throw ForwardError(.weights, "model \"\(model.name)\" has no weights")
    }
    // Taken out of the pass, so that each layer's raw weights are freed once they are packed
    // (when no one else holds them).
    pendingWeights = nil
    var prepared: [ForwardStep] = []
    do {
      for instance in instances {
        let output = instance === instances.last
        prepared.append(
          try ForwardStep(
            instance: instance, weights: weights, inGraph: inGraph && (fusesOutputs || !output),
            keras3: keras3, engine: engine, graphOutput: inGraph && !fusesOutputs && output))
        weights.remove(weightsOf: instance)
      }
    } catch {
      preparationError = error
      throw error
    }
    steps = prepared
    return prepared
  }

  /// The pass runs every layer in inference mode, where Keras would run one a call fixed in
  /// training mode (`KerasModel.layerFixed(inTraining:)`): refused, except in Keras 3's
  /// compiled `predict` and `evaluate`, whose own `training=False` takes precedence.
  func checkFixedTraining() throws(ForwardError) {
    if inGraph && fusesOutputs { return }
    if let message = model.fixedTrainingRefusal(runningInTraining: false) {
      throw ForwardError(.model, message)
    }
  }

  private func execute(_ input: Tensor, measuring: Bool) throws(ForwardError) -> (
    output: Tensor, layers: [LayerMeasurement]
  ) {
    lock.lock()
    defer { lock.unlock() }
    let shapes = try Self.shapes(model: model, instances: instances, inputShape: input.shape)
    var estimate = try Self.estimate(model: model, instances: instances, inputShape: input.shape)
    estimate.weightsReleased = releasesWeights
    try Self.check(estimate, budget: budget, model: model, batch: input.shape.first ?? 0)
    let steps = try preparedSteps()
    var buffers = ActivationBuffers(input: input, idle: pool)
    pool.removeAll()
    var measurements: [LayerMeasurement] = []
    for (index, step) in steps.enumerated() {
      if let message = WorkBudget.exceeded() { throw ForwardError(.stopped, message) }
      let start = measuring ? DispatchTime.now().uptimeNanoseconds : 0
      try step.run(&buffers, outputShape: shapes[index + 1], threads: threads)
      if measuring {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        measurements.append(
          LayerMeasurement(
            layerName: step.name,
            statistics: .summarizing(buffers.current, threads: threads), seconds: seconds,
            values: buffers.current.count))
      }
    }
    let result = buffers.current
    let output = buffers.ownsCurrent ? result.copied() : result
    pool = buffers.keptBuffers()
    return (output, measurements)
  }
}

extension Tensor {
  /// A copy in storage of its own, exactly as large as the values: a ping-pong buffer may hold
  /// far more capacity than the model's (often tiny) output needs.
  fileprivate func copied() -> Tensor {
    let count = self.count
    let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      scalars.withUnsafeBufferPointer { source in
        if count > 0 { buffer.baseAddress!.update(from: source.baseAddress!, count: count) }
      }
      initialized = count
    }
    return Tensor(validShape: shape, scalars: values)
  }
}
