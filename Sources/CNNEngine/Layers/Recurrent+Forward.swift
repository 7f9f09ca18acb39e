import CNNKernels

/// The forward pass of `SimpleRNN`, `LSTM`, `GRU` and `Bidirectional`: the input projection of
/// all time steps at once through `DenseKernel` (x·W + b as one GEMM over N*T rows), then the
/// recurrence in `RecurrentKernel`. `Bidirectional` runs both directions, turns the backward
/// sequence back into time order, and merges.
struct RecurrentForward {
  /// One direction: a `Recurrent` layer's packed weights.
  struct Direction {
    let projection: PackedDenseWeights
    let recurrentKernel: Tensor
    let recurrentBias: [Float]?
    /// An LSTM's bias, added after x·W + h·U as Keras' LSTM cell adds it (nil: in `projection`).
    let stepBias: [Float]?
    let cell: RecurrentKernel.Cell
    let goBackwards: Bool
    let returnSequences: Bool
    let zeroOutputForMask: Bool
    /// Both products of each step sum as TensorFlow's MatMul of the batch does under the Eigen
    /// engine (`TensorFlowContraction`): the input projection and h·U.
    let tensorFlowOrder: Bool

    init(
      _ layer: Recurrent, weight: (String) throws(ForwardError) -> Tensor, name: String,
      engine: TensorFlowEngine
    ) throws(ForwardError) {
      tensorFlowOrder = engine == .eigen
      if let refusal = layer.runRefusal { throw ForwardError(.model, refusal) }
      let prefix = layer.weightPrefix + layer.cellName + "/"
      let kernel = try weight(prefix + "kernel")
      recurrentKernel = try weight(prefix + "recurrent_kernel")
      var inputBias: Tensor? = nil
      var recurrentBias: [Float]? = nil
      if layer.useBias {
        let bias = try weight(prefix + "bias")
        if bias.rank == 2 {
          // GRU with reset_after: row 0 joins the input projection, row 1 the recurrent product.
          let columns = bias.shape[1]
          inputBias = Tensor(Array(bias.scalars[0..<columns]))
          recurrentBias = Array(bias.scalars[columns..<(2 * columns)])
        } else {
          inputBias = bias
        }
      }
      self.recurrentBias = recurrentBias
      cell = layer.cellConfiguration()
      // Keras' LSTM cell adds its bias to x·W + h·U (`z += b` last); SimpleRNN and GRU add theirs
      // to x·W.
      if case .lstm = cell, let bias = inputBias {
        stepBias = bias.scalars
        inputBias = nil
      } else {
        stepBias = nil
      }
      do {
        projection = try PackedDenseWeights(kernel: kernel, bias: inputBias)
      } catch {
        throw ForwardError(.weights, "layer \"\(name)\": \(error.message)")
      }
      goBackwards = layer.goBackwards
      returnSequences = layer.returnSequences
      zeroOutputForMask = layer.zeroOutputForMask
    }

    /// input (N, T, C) -> (N, T, units) or (N, units), steps in reading order.
    func run(_ input: Tensor, mask: [Bool]?, zeroMaskedOutputs: Bool, threads: Int)
      throws(KernelError) -> Tensor
    {
      let projected = try project(input, threads: threads)
      return try RecurrentKernel.run(
        projected: projected, recurrentKernel: recurrentKernel, recurrentBias: recurrentBias,
        cell: cell, goBackwards: goBackwards, returnSequences: returnSequences, mask: mask,
        zeroMaskedOutputs: zeroMaskedOutputs, stepBias: stepBias, tensorFlowOrder: tensorFlowOrder)
    }

    /// Like `run`, from `initialStates` (none: zeros), with the final states.
    func runWithStates(
      _ input: Tensor, mask: [Bool]?, zeroMaskedOutputs: Bool, initialStates: [Tensor],
      threads: Int
    ) throws(KernelError) -> (output: Tensor, states: [Tensor]) {
      let projected = try project(input, threads: threads)
      return try RecurrentKernel.runWithStates(
        projected: projected, recurrentKernel: recurrentKernel, recurrentBias: recurrentBias,
        cell: cell, goBackwards: goBackwards, returnSequences: returnSequences, mask: mask,
        zeroMaskedOutputs: zeroMaskedOutputs, initialStates: initialStates, stepBias: stepBias,
        tensorFlowOrder: tensorFlowOrder)
    }

    /// x·W (+ b) of every step: TensorFlow multiplies step by step, one row per step for a batch
    /// of one, the batch's rows in its MatMul's order otherwise (under the Eigen engine).
    private func project(_ input: Tensor, threads: Int) throws(KernelError) -> Tensor {
      let batch = input.shape.first ?? 0
      if tensorFlowOrder, batch >= 2, projection.units >= 2 {
        return try DenseKernel.applySteps(
          input, weights: projection, batch: batch, threads: threads)
      }
      return try DenseKernel.apply(
        input, weights: projection, threads: threads, tensorFlowSingleUnit: batch >= 2,
        eachRowAlone: batch == 1)
    }
  }

  let forward: Direction
  /// `StackedRecurrent`'s lower cells, run in turn over the sequence before `forward` (the top
  /// cell); empty for other layers.
  let lower: [Direction]
  /// `Bidirectional`'s second direction and how the two merge (nil: `merge_mode=None`).
  let backward: (direction: Direction, merge: Bidirectional.MergeMode?)?
  /// `return_state=True`: the final states follow the output(s).
  let returnsState: Bool

  var returnsSequences: Bool { forward.returnSequences }

  init(
    _ layer: Recurrent, weight: (String) throws(ForwardError) -> Tensor, name: String,
    engine: TensorFlowEngine
  ) throws(ForwardError) {
    forward = try Direction(layer, weight: weight, name: name, engine: engine)
    lower = []
    backward = nil
    returnsState = layer.returnState
  }

  init(
    _ layer: StackedRecurrent, weight: (String) throws(ForwardError) -> Tensor, name: String,
    engine: TensorFlowEngine
  ) throws(ForwardError) {
    var directions: [Direction] = []
    for cell in layer.layers {
      directions.append(try Direction(cell, weight: weight, name: name, engine: engine))
    }
    forward = directions.removeLast()
    lower = directions
    backward = nil
    returnsState = false
  }

  init(
    _ layer: Bidirectional, weight: (String) throws(ForwardError) -> Tensor, name: String,
    engine: TensorFlowEngine
  ) throws(ForwardError) {
    forward = try Direction(layer.forwardLayer, weight: weight, name: name, engine: engine)
    lower = []
    backward = (
      try Direction(layer.backwardLayer, weight: weight, name: name, engine: engine),
      layer.mergeMode
    )
    returnsState = layer.forwardLayer.returnState
  }

  /// input (N, T, C) -> the layer's output.
  func run(_ input: Tensor, mask: [Bool]?, threads: Int) throws(KernelError) -> Tensor {
    guard let (direction, merge) = backward else {
      var sequence = input
      for cell in lower {
        sequence = try cell.run(
          sequence, mask: mask, zeroMaskedOutputs: cell.zeroOutputForMask, threads: threads)
      }
      return try forward.run(
        sequence, mask: mask, zeroMaskedOutputs: forward.zeroOutputForMask, threads: threads)
    }
    // tf-keras' Bidirectional has its layers write zeros at masked steps of a sequence.
    let zero = forward.returnSequences
    let first = try forward.run(input, mask: mask, zeroMaskedOutputs: zero, threads: threads)
    var second = try direction.run(input, mask: mask, zeroMaskedOutputs: zero, threads: threads)
    if direction.returnSequences && direction.goBackwards != forward.goBackwards {
      second = Self.reversedInTime(second)
    }
    guard let merge else {
      throw KernelError("Bidirectional with merge_mode=None returns two tensors")
    }
    return try Self.merge(first, second, merge)
  }

  /// A call with several outputs or initial states: input (N, T, C) and `states` (the forward
  /// direction's, then the backward one's; none: zeros) -> Keras' outputs in order: the output
  /// (both directions' for `merge_mode=None`), then with `return_state` the final states.
  func runSeveral(_ input: Tensor, states: [Tensor], mask: [Bool]?, threads: Int)
    throws(KernelError) -> [Tensor]
  {
    guard let (direction, merge) = backward else {
      guard lower.isEmpty else {
        throw KernelError("StackedRNNCells returns no states in ConvBook")
      }
      let (output, final) = try forward.runWithStates(
        input, mask: mask, zeroMaskedOutputs: forward.zeroOutputForMask, initialStates: states,
        threads: threads)
      return returnsState ? [output] + final : [output]
    }
    let zero = forward.returnSequences
    let half = states.count / 2
    let (first, firstStates) = try forward.runWithStates(
      input, mask: mask, zeroMaskedOutputs: zero, initialStates: Array(states[..<half]),
      threads: threads)
    var (second, secondStates) = try direction.runWithStates(
      input, mask: mask, zeroMaskedOutputs: zero, initialStates: Array(states[half...]),
      threads: threads)
    if direction.returnSequences && direction.goBackwards != forward.goBackwards {
      second = Self.reversedInTime(second)
    }
    var outputs = [first, second]
    if let merge { outputs = [try Self.merge(first, second, merge)] }
    return returnsState ? outputs + firstStates + secondStates : outputs
  }

  /// (N, T, U) with the T axis reversed.
  static func reversedInTime(_ tensor: Tensor) -> Tensor {
    let batch = tensor.shape[0]
    let steps = tensor.shape[1]
    let units = tensor.shape[2]
    var values = [Float](repeating: 0, count: tensor.count)
    let source = tensor.scalars
    for n in 0..<batch {
      for t in 0..<steps {
        let from = (n * steps + t) * units
        let to = (n * steps + steps - 1 - t) * units
        for j in 0..<units { values[to + j] = source[from + j] }
      }
    }
    return Tensor(validShape: tensor.shape, scalars: values)
  }

  /// Both directions' outputs (same shape) -> the merged output.
  static func merge(_ a: Tensor, _ b: Tensor, _ mode: Bidirectional.MergeMode) throws(KernelError)
    -> Tensor
  {
    let x = a.scalars
    let y = b.scalars
    switch mode {
    case .concat:
      let units = a.shape.last ?? 0
      let rows = units == 0 ? 0 : a.count / units
      var values = [Float]()
      values.reserveCapacity(2 * a.count)
      for row in 0..<rows {
        values += x[(row * units)..<((row + 1) * units)]
        values += y[(row * units)..<((row + 1) * units)]
      }
      return try Tensor(shape: Array(a.shape.dropLast()) + [2 * units], scalars: values)
    case .sum: return try Tensor(shape: a.shape, scalars: zip(x, y).map { $0 + $1 })
    case .mul: return try Tensor(shape: a.shape, scalars: zip(x, y).map { $0 * $1 })
    case .ave: return try Tensor(shape: a.shape, scalars: zip(x, y).map { ($0 + $1) / 2 })
    }
  }
}
