/// `SimpleRNN`, `LSTM`, `GRU` and `Bidirectional` in training: each direction projects every
/// step's input at once (x·W + b through `DenseKernel`), runs the recurrence keeping what its
/// backward pass needs (`RecurrentGradient`), and on the way back takes W's, b's and x's
/// gradients from the projection's as a Dense layer does (`DenseGradient`).
///
/// `dropout=` drops input features with one mask per sample for every step, scaled by
/// 1 / (1 - rate), as tf-keras' and Keras 3's cells do (the mask comes from the trainer's
/// `SeededGenerator`: TensorFlow's random stream cannot be reproduced). `recurrent_dropout` is
/// refused in training mode; evaluating and predicting (no dropout) run. Calls with several outputs or initial states (`return_state=True`,
/// `initial_state=`, `merge_mode=None`) run through `forwardSeveral` / `backwardSeveral`: the
/// final states' gradients start the walk back, and the initial states get theirs.
struct RecurrentTrainingStep {
  struct Direction {
    let layer: Recurrent
    let cell: RecurrentKernel.Cell
    /// Weight names under the layer's: `lstm_cell/kernel`, `forward_lstm/lstm_cell/kernel`.
    let kernelName: String
    let recurrentKernelName: String
    let biasName: String
    /// Variable indices (set by `bind`).
    var kernel: Int?
    var recurrentKernel: Int?
    var bias: Int?

    init(_ layer: Recurrent, refuse: (String) -> TrainingError) throws(TrainingError) {
      if layer.stateful { throw refuse("stateful=True in \(layer.className)") }
      self.layer = layer
      cell = layer.cellConfiguration()
      let (activation, gate) = RecurrentGradient.kinds(cell)
      for function in [activation, gate] {
        guard ActivationGradient.supports(function), !Self.isSoftmax(function) else {
          throw refuse(
            "the activation \(ActivationGradient.kerasName(function)) in a recurrent cell")
        }
      }
      let prefix = layer.weightPrefix + layer.cellName + "/"
      kernelName = prefix + "kernel"
      recurrentKernelName = prefix + "recurrent_kernel"
      biasName = prefix + "bias"
    }

    static func isSoftmax(_ function: ActivationFunction) -> Bool {
      if case .softmax = function { return true }
      return false
    }
  }

  /// What the forward pass kept.
  struct Saved {
    /// Per direction: the input it projected (after its dropout mask), the dropout mask
    /// (empty: none), the recurrence's record and its output (steps in time order).
    var inputs: [Tensor] = []
    /// How many initial state tensors the call was given (0: zeros).
    var givenStates = 0
    var dropoutMasks: [[Float]] = []
    var recurrences: [RecurrentGradient.Saved] = []
    var outputs: [Tensor] = []
  }

  var directions: [Direction]
  /// Bidirectional's merge (nil for a layer of its own, and for `merge_mode=None`).
  let merge: Bidirectional.MergeMode?
  let bidirectional: Bool
  let returnsState: Bool

  init(_ recurrent: Recurrent, refuse: (String) -> TrainingError) throws(TrainingError) {
    directions = [try Direction(recurrent, refuse: refuse)]
    merge = nil
    bidirectional = false
    returnsState = recurrent.returnState
  }

  init(_ wrapper: Bidirectional, refuse: (String) -> TrainingError) throws(TrainingError) {
    directions = [
      try Direction(wrapper.forwardLayer, refuse: refuse),
      try Direction(wrapper.backwardLayer, refuse: refuse),
    ]
    merge = wrapper.mergeMode
    bidirectional = true
    returnsState = wrapper.forwardLayer.returnState
  }

  /// Whether the output is a sequence (which carries the input's mask on).
  var returnsSequences: Bool { directions[0].layer.returnSequences }

  /// Values kept per sample and step for the backward pass: per direction the gates'
  /// pre-activations, activations and projection gradient (3 per gate and unit), the previous
  /// state and carry, the new carry and the output.
  var savedValuesPerStep: Int {
    directions.reduce(0) { $0 + $1.layer.units * (3 * $1.layer.kind.gates + 4) }
  }

  /// Finds each direction's variables by weight name.
  mutating func bind(_ variable: (String) -> Int?) {
    for k in directions.indices {
      directions[k].kernel = variable(directions[k].kernelName)
      directions[k].recurrentKernel = variable(directions[k].recurrentKernelName)
      directions[k].bias = variable(directions[k].biasName)
    }
  }

  /// The (argument value, variable) pairs of the directions' regularizers.
  var regularizedWeights: [(ArgumentValue, Int)] {
    directions.flatMap { direction -> [(ArgumentValue, Int)] in
      let arguments = direction.layer.common.arguments
      return [
        ("kernel_regularizer", direction.kernel),
        ("recurrent_regularizer", direction.recurrentKernel),
        ("bias_regularizer", direction.bias),
      ].compactMap { argument, index in
        guard let index, arguments[argument] != .none else { return nil }
        return (arguments[argument], index)
      }
    }
  }

  /// The wrapped layers' own arguments (Bidirectional's directions), for the trainer's checks.
  var directionArguments: [(String, LayerArguments)] {
    bidirectional ? directions.map { ($0.layer.name, $0.layer.common.arguments) } : []
  }

  // MARK: Forward

  /// input (N, T, C) -> the layer's output, in training mode (`training`: dropout) or not.
  func forward(
    _ input: Tensor, mask: [Bool]?, variables: [[Float]], shapes: [[Int]], training: Bool,
    generator: inout SeededGenerator, threads: Int, name: String
  ) throws(TrainingError) -> (output: Tensor, saved: Saved) {
    let (outputs, saved) = try forwardSeveral(
      input, states: [], mask: mask, variables: variables, shapes: shapes, training: training,
      generator: &generator, threads: threads, name: name)
    return (outputs[0], saved)
  }

  /// input (N, T, C) and `states` (the forward direction's, then the backward one's; none:
  /// zeros) -> Keras' outputs in order: the output (both directions' for `merge_mode=None`),
  /// then with `return_state` the final states.
  func forwardSeveral(
    _ input: Tensor, states: [Tensor], mask: [Bool]?, variables: [[Float]], shapes: [[Int]],
    training: Bool, generator: inout SeededGenerator, threads: Int, name: String
  ) throws(TrainingError) -> (outputs: [Tensor], saved: Saved) {
    func kernelCall<T>(_ body: () throws(KernelError) -> T) throws(TrainingError) -> T {
      do {
        return try body()
      } catch {
        throw TrainingError(.kernel, "layer \"\(name)\": \(error.message)")
      }
    }
    var saved = Saved()
    saved.givenStates = states.count
    // tf-keras' Bidirectional has its layers write zeros at masked steps of a sequence, whatever
    // their `zero_output_for_mask`.
    let zeroMasked =
      bidirectional
      ? directions[0].layer.returnSequences : directions[0].layer.zeroOutputForMask
    let perDirection = states.count / directions.count
    var finalStates: [Tensor] = []
    for (k, direction) in directions.enumerated() {
      if training, direction.layer.recurrentDropout > 0 {
        throw TrainingError(
          .model,
          "ConvBook cannot train a model with recurrent_dropout in \(direction.layer.className) yet (layer \"\(name)\")"
        )
      }
      let initial = states[(k * perDirection)..<((k + 1) * perDirection)].map(\.scalars)
      var projectedInput = input
      var dropoutMask: [Float] = []
      if training, direction.layer.dropout > 0 {
        dropoutMask = DropoutMask.draw(
          shape: input.shape, rate: Float(direction.layer.dropout), spatial: true,
          generator: &generator)
        var values = input.scalars
        for i in values.indices { values[i] *= dropoutMask[i] }
        projectedInput = Tensor(validShape: input.shape, scalars: values)
      }
      let kernel = Tensor(
        validShape: shapes[direction.kernel!], scalars: variables[direction.kernel!])
      let recurrentKernel = Tensor(
        validShape: shapes[direction.recurrentKernel!],
        scalars: variables[direction.recurrentKernel!])
      let (inputBias, recurrentBias) = Self.biases(direction, variables: variables)
      let (output, final, record) = try kernelCall { () throws(KernelError) in
        let packed = try PackedDenseWeights(kernel: kernel, bias: inputBias)
        // TensorFlow multiplies step by step: one row per step for a batch of one.
        let projected = try DenseKernel.apply(
          projectedInput, weights: packed, threads: threads,
          tensorFlowSingleUnit: (projectedInput.shape.first ?? 0) >= 2)
        return try RecurrentGradient.forward(
          projected: projected, recurrentKernel: recurrentKernel, recurrentBias: recurrentBias,
          cell: direction.cell, goBackwards: direction.layer.goBackwards,
          returnSequences: direction.layer.returnSequences, mask: mask,
          zeroMaskedOutputs: zeroMasked, initialStates: initial)
      }
      finalStates += final
      saved.inputs.append(projectedInput)
      saved.dropoutMasks.append(dropoutMask)
      saved.recurrences.append(record)
      saved.outputs.append(
        Self.inTimeOrder(output, direction: direction, first: directions[0]))
    }
    var outputs = saved.outputs
    if let merge {
      outputs = [
        try kernelCall { () throws(KernelError) in
          try RecurrentForward.merge(saved.outputs[0], saved.outputs[1], merge)
        }
      ]
    }
    return (returnsState ? outputs + finalStates : outputs, saved)
  }

  /// A backward direction's sequence, which reads the steps in reverse, turned back into the
  /// forward direction's order (as `Bidirectional` merges them); other outputs as they are.
  static func inTimeOrder(_ output: Tensor, direction: Direction, first: Direction) -> Tensor {
    guard direction.layer.returnSequences, direction.layer.goBackwards != first.layer.goBackwards
    else { return output }
    return RecurrentForward.reversedInTime(output)
  }

  /// The input projection's bias, and GRU's recurrent bias (`reset_after=True`: row 1).
  static func biases(_ direction: Direction, variables: [[Float]]) -> (Tensor?, [Float]?) {
    guard let index = direction.bias else { return (nil, nil) }
    let bias = variables[index]
    let columns = direction.layer.kind.gates * direction.layer.units
    guard bias.count == 2 * columns else { return (Tensor(bias), nil) }
    return (Tensor(Array(bias[0..<columns])), Array(bias[columns..<(2 * columns)]))
  }

  // MARK: Backward

  /// outputGradient (the layer's output shape) -> input gradient (nil when not needed); adds the
  /// directions' weight gradients to `gradients`.
  func backward(
    _ outputGradient: [Float], saved: Saved, variables: [[Float]], shapes: [[Int]],
    gradients: inout [[Float]], needsInputGradient: Bool, threads: Int, name: String
  ) throws(TrainingError) -> [Float]? {
    try backwardSeveral(
      [outputGradient], saved: saved, variables: variables, shapes: shapes,
      gradients: &gradients, needsInputGradient: needsInputGradient, threads: threads,
      name: name)[0]
  }

  /// The gradients of `forwardSeveral`'s outputs (nil: none reached that output) -> the input's
  /// gradient (nil when not needed), then each given initial state's.
  func backwardSeveral(
    _ outputGradients: [[Float]?], saved: Saved, variables: [[Float]], shapes: [[Int]],
    gradients: inout [[Float]], needsInputGradient: Bool, threads: Int, name: String
  ) throws(TrainingError) -> [[Float]?] {
    func kernelCall<T>(_ body: () throws(KernelError) -> T) throws(TrainingError) -> T {
      do {
        return try body()
      } catch {
        throw TrainingError(.kernel, "layer \"\(name)\": \(error.message)")
      }
    }
    let outputCount = bidirectional && merge == nil ? 2 : 1
    func zeros(_ tensor: Tensor) -> [Float] { [Float](repeating: 0, count: tensor.count) }
    var parts: [[Float]]
    if bidirectional && merge == nil {
      parts = (0..<2).map { outputGradients[$0] ?? zeros(saved.outputs[$0]) }
    } else {
      let merged =
        outputGradients[0]
        ?? [Float](
          repeating: 0,
          count: merge == .concat ? 2 * saved.outputs[0].count : saved.outputs[0].count)
      parts = Self.split(merged, outputs: saved.outputs, merge: merge)
    }
    let stateCount = directions[0].layer.stateCount
    var inputGradient: [Float]?
    var stateGradients: [[Float]?] = []
    for (k, direction) in directions.enumerated() {
      var finalGradients: [[Float]?] = []
      if returnsState {
        let first = outputCount + k * stateCount
        finalGradients = (first..<(first + stateCount)).map {
          $0 < outputGradients.count ? outputGradients[$0] : nil
        }
      }
      var gradient = parts[k]
      if direction.layer.returnSequences,
        direction.layer.goBackwards != directions[0].layer.goBackwards
      {
        gradient =
          RecurrentForward.reversedInTime(
            Tensor(validShape: saved.outputs[k].shape, scalars: gradient)
          ).scalars
      }
      let recurrentKernel = Tensor(
        validShape: shapes[direction.recurrentKernel!],
        scalars: variables[direction.recurrentKernel!])
      let recurrence = try kernelCall { () throws(KernelError) in
        try RecurrentGradient.backward(
          outputGradient: gradient, saved: saved.recurrences[k], recurrentKernel: recurrentKernel,
          stateGradients: finalGradients)
      }
      if saved.givenStates > 0 { stateGradients += recurrence.initialStates.map { Optional($0) } }
      let input = saved.inputs[k]
      let kernel = Tensor(
        validShape: shapes[direction.kernel!], scalars: variables[direction.kernel!])
      let columns = kernel.shape[1]
      let projection = try kernelCall { () throws(KernelError) in
        try DenseGradient.backward(
          input: input, kernel: kernel,
          outputGradient: Tensor(
            validShape: Array(input.shape.dropLast()) + [columns], scalars: recurrence.projected),
          needsInputGradient: needsInputGradient, threads: threads)
      }
      TrainingStep.store(projection.kernel.scalars, at: direction.kernel!, in: &gradients)
      TrainingStep.store(recurrence.recurrentKernel, at: direction.recurrentKernel!, in: &gradients)
      if let bias = direction.bias {
        var values = projection.bias.scalars
        if variables[bias].count == 2 * columns { values += recurrence.recurrentBias }
        TrainingStep.store(values, at: bias, in: &gradients)
      }
      guard needsInputGradient, var values = projection.input?.scalars else { continue }
      let mask = saved.dropoutMasks[k]
      if !mask.isEmpty { for i in values.indices { values[i] *= mask[i] } }
      if inputGradient == nil {
        inputGradient = values
      } else {
        for i in values.indices { inputGradient![i] += values[i] }
      }
    }
    return [inputGradient] + stateGradients
  }

  /// The merged output's gradient -> each direction's output gradient.
  static func split(
    _ gradient: [Float], outputs: [Tensor], merge: Bidirectional.MergeMode?
  ) -> [[Float]] {
    guard let merge else { return [gradient] }
    switch merge {
    case .concat:
      let units = outputs[0].shape.last ?? 0
      let rows = units == 0 ? 0 : outputs[0].count / units
      var first = [Float](repeating: 0, count: rows * units)
      var second = first
      for row in 0..<rows {
        for j in 0..<units {
          first[row * units + j] = gradient[row * 2 * units + j]
          second[row * units + j] = gradient[row * 2 * units + units + j]
        }
      }
      return [first, second]
    case .sum:
      return [gradient, gradient]
    case .ave:
      let half = gradient.map { $0 / 2 }
      return [half, half]
    case .mul:
      let a = outputs[0].scalars
      let b = outputs[1].scalars
      return [
        gradient.indices.map { gradient[$0] * b[$0] },
        gradient.indices.map { gradient[$0] * a[$0] },
      ]
    }
  }
}
