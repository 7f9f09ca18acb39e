import CNNKernels
import Dispatch

/// One layer of a graph ready to run: a layer on one tensor, or one on a list.
enum GraphStep {
  case layer(ForwardStep)
  case merge(MergeStep)
}

/// The forward pass of graphs (`ForwardGraph`): merges, shared layers, nested models, several
/// inputs and outputs. Values live until their last reader has run; a reader that is the last one
/// gets the buffer to overwrite (element-wise layers run in place), and freed buffers serve later
/// layers' outputs, so a residual network holds about its widest cut of live values.
extension ForwardPass {
  /// The model's outputs for `inputs` (one tensor per model input, in `model.inputs` order), in
  /// `model.outputs` order.
  public func run(inputs: [Tensor]) throws(ForwardError) -> [Tensor] {
    try executeGraph(inputs, measuring: false).outputs
  }

  /// Like `run(inputs:)`, plus per call of a layer the statistics of its output and its seconds.
  public func measure(inputs: [Tensor]) throws(ForwardError) -> (
    outputs: [Tensor], layers: [LayerMeasurement]
  ) {
    try executeGraph(inputs, measuring: true)
  }

  /// The unrolled calls of `model` (a chain is a graph too).
  static func program(for model: KerasModel) throws(ForwardError) -> ForwardGraph {
    try ForwardGraph(model: model)
  }

  /// The concrete shapes of every value, after checking the inputs against the model's.
  static func graphShapes(
    model: KerasModel, program: ForwardGraph, inputShapes: [[Int]]
  ) throws(ForwardError) -> [[Int]] {
    let expected = model.inputShapeList ?? model.inputShape.map { [$0] } ?? []
    guard inputShapes.count == expected.count else {
      throw ForwardError(
        .input,
        "model \"\(model.name)\" expects \(expected.count) input(s), but it received \(inputShapes.count) input tensors"
      )
    }
    for (index, shape) in inputShapes.enumerated() {
      if let message = model.inputMismatch(shape, input: index) {
        throw ForwardError(.input, message)
      }
    }
    guard Set(inputShapes.map { $0.first ?? 0 }).count <= 1 else {
      throw ForwardError(
        .input,
        "the inputs of model \"\(model.name)\" have different batch sizes: \(inputShapes.map { TensorShape.tuple($0) }.joined(separator: ", "))"
      )
    }
    return try program.shapes(inputShapes: inputShapes)
  }

  /// What a run holds: weights once per layer (shared layers once), their packed copies, and the
  /// most activations alive at once plus two idle buffers of the largest.
  static func graphEstimate(
    model: KerasModel, program: ForwardGraph, inputShapes: [[Int]]
  ) throws(ForwardError) -> MemoryEstimate {
    let shapes = try graphShapes(model: model, program: program, inputShapes: inputShapes)
    do {
      var layers: [(weights: Int, packed: Int)] = []
      for instance in program.layers {
        layers.append(
          (
            instance.parameterCount,
            try instance.inputShape.map { built throws(Exact.Overflow) in
              try instance.layer.packedWeightValues(input: built, weights: instance.weights)
            } ?? 0
          ))
      }
      var counts: [Int] = []
      for shape in shapes { counts.append(try Exact.product(shape.map { max($0, 1) })) }
      let largest = counts.max() ?? 0
      let live = try program.peakLiveValues(counts: counts)
      let inputs = try Exact.sum(program.inputs.map { counts[$0] })
      let estimate = try Self.estimate(
        layers: layers, input: inputs, activations: Exact.add(live, Exact.multiply(2, largest)))
      _ = try Exact.sum([
        estimate.weightBytes, estimate.packedWeightBytes, estimate.activationBytes,
      ])
      return estimate
    } catch {
      throw ForwardError(
        .memory,
        "the memory a forward pass of model \"\(model.name)\" on inputs of shapes \(inputShapes.map { TensorShape.tuple($0) }.joined(separator: ", ")) would need overflows 64-bit integers; refused before allocating. Use a smaller batch or input"
      )
    }
  }

  /// Packs every layer's weights on first use; a failure is kept and reported by every later run.
  private func preparedGraph() throws(ForwardError) -> (ForwardGraph, [ObjectIdentifier: GraphStep])
  {
    if let graphProgram, let graphSteps { return (graphProgram, graphSteps) }
    if let preparationError { throw preparationError }
    do throws(ForwardError) {
      try checkFixedTraining()
      let program = try Self.program(for: model)
      guard var weights = pendingWeights else {
        throw ForwardError(.weights, "model \"\(model.name)\" has no weights")
      }
      // Taken out of the pass: each layer's raw weights are freed once packed (see `run`).
      pendingWeights = nil
      var steps: [ObjectIdentifier: GraphStep] = [:]
      let outputs = Set(program.outputs)
      let outputLayers = Set(
        program.calls.filter { !outputs.isDisjoint(with: $0.outputs) }.map {
          ObjectIdentifier($0.instance)
        })
      for instance in program.layers {
        let output = outputLayers.contains(ObjectIdentifier(instance))
        steps[ObjectIdentifier(instance)] =
          instance.layer is any MultiInputLayer
          ? .merge(try MergeStep(instance: instance, weights: weights, inGraph: inGraph))
          : .layer(
            try ForwardStep(
              instance: instance, weights: weights, inGraph: inGraph && (fusesOutputs || !output),
              keras3: keras3, engine: engine, graphOutput: inGraph && !fusesOutputs && output))
        weights.remove(weightsOf: instance)
      }
      graphProgram = program
      graphSteps = steps
      return (program, steps)
    } catch {
      preparationError = error
      pendingWeights = nil
      throw error
    }
  }

  private func executeGraph(_ inputs: [Tensor], measuring: Bool) throws(ForwardError) -> (
    outputs: [Tensor], layers: [LayerMeasurement]
  ) {
    lock.lock()
    defer { lock.unlock() }
    let (program, steps) = try preparedGraph()
    let shapes = try Self.graphShapes(
      model: model, program: program, inputShapes: inputs.map(\.shape))
    var estimate = try Self.graphEstimate(
      model: model, program: program, inputShapes: inputs.map(\.shape))
    estimate.weightsReleased = releasesWeights
    try Self.check(estimate, budget: budget, model: model, batch: inputs.first?.shape.first ?? 0)
    var values = [Tensor?](repeating: nil, count: program.valueCount)
    /// Keras masks of values (`Embedding(mask_zero=True)`, `Masking`), for the recurrent layers.
    var masks = [[Bool]?](repeating: nil, count: program.valueCount)
    for (value, tensor) in zip(program.inputs, inputs) { values[value] = tensor }
    var remaining = program.readerCounts()
    var idle = pool
    pool.removeAll()
    var measurements: [LayerMeasurement] = []
    /// The value for one reader: taken out of `values` at its last reader, so that the reader
    /// holds the only reference and may overwrite it.
    func read(_ value: Int) -> (tensor: Tensor, last: Bool) {
      remaining[value] -= 1
      guard remaining[value] == 0 else { return (values[value]!, false) }
      defer { values[value] = nil }
      return (values[value]!, true)
    }
    for call in program.calls {
      if let message = WorkBudget.exceeded() { throw ForwardError(.stopped, message) }
      let start = measuring ? DispatchTime.now().uptimeNanoseconds : 0
      let outputShape = shapes[call.output]
      let output: Tensor
      /// Every output of a call with several (what its measurement summarises).
      var several: [Tensor] = []
      switch steps[ObjectIdentifier(call.instance)]! {
      case .layer(let step) where call.isMultiOutput:
        let mask = masks[call.inputs[0]]
        let given = call.inputs.map { read($0).tensor }
        let (outputs, outputMask) = try step.runSeveral(
          given, mask: mask, outputShapes: call.outputs.map { shapes[$0] }, threads: threads)
        for (value, tensor) in zip(call.outputs.dropFirst(), outputs.dropFirst()) {
          values[value] = tensor
        }
        masks[call.output] = outputMask
        output = outputs[0]
        several = outputs
      case .merge(let step) where call.isMultiOutput:
        let given = call.inputs.map { read($0).tensor }
        let outputs = try step.runSeveral(
          given, outputShapes: call.outputs.map { shapes[$0] },
          masks: call.inputs.map { masks[$0] })
        // `MultiHeadAttention` passes the query's mask on.
        masks[call.output] = masks[call.inputs[0]]
        for (value, tensor) in zip(call.outputs.dropFirst(), outputs.dropFirst()) {
          values[value] = tensor
        }
        output = outputs[0]
        several = outputs
      case .layer(let step):
        let (input, last) = read(call.inputs[0])
        var buffers = ActivationBuffers(input: input, idle: idle, ownsInput: last)
        buffers.mask = masks[call.inputs[0]]
        try step.run(&buffers, outputShape: outputShape, threads: threads)
        output = buffers.current
        masks[call.output] = buffers.mask
        idle = buffers.idleBuffers
      case .merge(let step):
        var first = read(call.inputs[0]).tensor
        var others: [Tensor] = []
        for input in call.inputs.dropFirst() {
          let (tensor, last) = read(input)
          others.append(tensor)
          if last { Self.keep(tensor, in: &idle) }
        }
        let inputMasks = call.inputs.map { masks[$0] }
        try step.run(&first, others, outputShape: outputShape, masks: inputMasks)
        output = first
        // Attention layers pass the query's mask on; other merges drop masks.
        if call.instance.layer is any AttentionLayer { masks[call.output] = inputMasks[0] }
      }
      values[call.output] = output
      if measuring {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        measurements.append(
          LayerMeasurement(
            layerName: call.instance.name,
            statistics: several.isEmpty
              ? .summarizing(output, threads: threads) : .summarizing(several, threads: threads),
            seconds: seconds,
            values: several.isEmpty ? output.count : several.reduce(0) { $0 + $1.count }))
      }
    }
    var outputs: [Tensor] = []
    for value in program.outputs {
      outputs.append(values[value]!)
    }
    // Outputs of several-output calls that nothing reads are dropped with the run.
    pool = idle
    return (outputs, measurements)
  }

  /// Keeps a freed buffer for later outputs: at most `ActivationBuffers.idleLimit`, the largest.
  private static func keep(_ tensor: Tensor, in idle: inout [Tensor]) {
    idle.append(tensor)
    if idle.count > ActivationBuffers.idleLimit,
      let smallest = idle.indices.min(by: { idle[$0].capacity < idle[$1].capacity })
    {
      idle.remove(at: smallest)
    }
  }
}
