import CNNKernels

/// `SimpleRNN`, `LSTM` and `GRU`: a cell run over the time axis of (batch, timesteps, features).
///
/// (N, T, C) -> (N, units), or (N, T, units) with `return_sequences=True`; `T` may be `None`.
/// Weights: `kernel` (C, G*units), `recurrent_kernel` (units, G*units) and `bias` (G*units) with
/// G = 1 (SimpleRNN), 4 (LSTM: gates i, f, c, o) or 3 (GRU: z, r, h); GRU with `reset_after=True`
/// (the default of both Keras versions) keeps two biases, (2, 3*units). tf-keras names them
/// `lstm/lstm_cell/kernel:0`: the cell's name sits between layer and weight.
///
/// `return_state=True` returns the output and the final states (`h`, and `c` for LSTM), each
/// (N, units); `initial_state=` gives the first states (`MultiOutputLayer`). `stateful=True`
/// (state carried across batches) needs a known batch size, as in Keras; its shapes and weights
/// are Keras', and running or training it is refused as ConvBook's limitation.
public struct Recurrent: MultiOutputLayer {
  public enum Kind: String, Sendable, CaseIterable {
    case simpleRNN = "SimpleRNN"
    case lstm = "LSTM"
    case gru = "GRU"

    /// Blocks of `units` columns in the kernels.
    public var gates: Int {
      switch self {
      case .simpleRNN: return 1
      case .lstm: return 4
      case .gru: return 3
      }
    }

    /// The cell Keras creates inside the layer, which names its weights.
    public var cellName: String {
      switch self {
      case .simpleRNN: return "simple_rnn_cell"
      case .lstm: return "lstm_cell"
      case .gru: return "gru_cell"
      }
    }
  }

  public internal(set) var common: LayerCommon
  public let kind: Kind
  public let units: Int
  public let activation: ActivationFunction
  /// The gates' activation (LSTM and GRU; `.sigmoid` by default).
  public let recurrentActivation: ActivationFunction
  public let useBias: Bool
  public let returnSequences: Bool
  public let returnState: Bool
  public internal(set) var goBackwards: Bool
  public let unroll: Bool
  /// GRU: the reset gate applies after the recurrent product (`reset_after=True`, two biases).
  public let resetAfter: Bool
  /// LSTM: the forget gate's bias starts at one.
  public let unitForgetBias: Bool
  public let dropout: Double
  public let recurrentDropout: Double
  /// `zero_output_for_mask=True` (a keyword of Keras' `RNN` base): a masked step writes zeros to
  /// the output, the last step's too (`Bidirectional` sets it to `return_sequences`).
  public let zeroOutputForMask: Bool
  /// `stateful=True`: the last states of a batch start the next one (ConvBook's forward pass and
  /// training refuse it).
  public let stateful: Bool
  /// Set by `Bidirectional` on the copies it wraps: the name prefix of the weights
  /// (`forward_lstm/`), empty for a layer of its own.
  public var weightPrefix = ""
  /// The name of the cell that names the weights (`lstm/lstm_cell/kernel:0`): the kind's own for
  /// `LSTM`, the given cell's (`lstm_cell_2`, a name of its own) for `RNN(LSTMCell(...))`.
  public internal(set) var cellName: String
  /// `keras.layers.RNN` around a built-in cell: the same layer, shown as `RNN`.
  public internal(set) var wrapsCell = false

  public var className: String { wrapsCell ? "RNN" : kind.rawValue }

  /// tf-keras' `RNN.__init__`: without `input_shape=`, the legacy `input_length=` and
  /// `input_dim=` keywords become `input_shape=(input_length, input_dim)` (either may be `None`).
  /// Keras 3 has no such keywords.
  public static func legacyInputShapeKeywords(
    _ keywords: [(String, ArgumentValue)]
  ) -> [(String, ArgumentValue)] {
    let names = keywords.map(\.0)
    guard !names.contains("input_shape"),
      names.contains("input_length") || names.contains("input_dim")
    else { return keywords }
    let length = keywords.first { $0.0 == "input_length" }?.1 ?? .none
    let dim = keywords.first { $0.0 == "input_dim" }?.1 ?? .none
    return keywords.filter { $0.0 != "input_length" && $0.0 != "input_dim" }
      + [("input_shape", .tuple([length, dim]))]
  }

  public static func signature(kind: Kind) -> LayerSignature {
    var parameters: [LayerSignature.Parameter] = [
      .required("units"), .init("activation", .string("tanh")),
    ]
    if kind != .simpleRNN {
      parameters.append(.init("recurrent_activation", .string("sigmoid")))
    }
    parameters += [
      .init("use_bias", .bool(true)), .init("kernel_initializer", .string("glorot_uniform")),
      .init("recurrent_initializer", .string("orthogonal")),
      .init("bias_initializer", .string("zeros")),
    ]
    if kind == .lstm { parameters.append(.init("unit_forget_bias", .bool(true))) }
    parameters += [
      .init("kernel_regularizer", .none), .init("recurrent_regularizer", .none),
      .init("bias_regularizer", .none), .init("activity_regularizer", .none),
      .init("kernel_constraint", .none), .init("recurrent_constraint", .none),
      .init("bias_constraint", .none), .init("dropout", .float(0)),
      .init("recurrent_dropout", .float(0)),
      // Keras 3's `seed`; tf-keras takes it through **kwargs of the cell.
      .init("seed", .none),
      .init("return_sequences", .bool(false)), .init("return_state", .bool(false)),
      .init("go_backwards", .bool(false)), .init("stateful", .bool(false)),
      .init("unroll", .bool(false)),
    ]
    if kind != .simpleRNN { parameters.append(.init("time_major", .bool(false))) }
    if kind == .gru { parameters.append(.init("reset_after", .bool(true))) }
    if kind != .simpleRNN { parameters.append(.init("use_cudnn", .string("auto"))) }
    parameters.append(.init("zero_output_for_mask", .bool(false)))
    return LayerSignature(kind.rawValue, parameters)
  }

  public init(kind: Kind, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.kind = kind
    cellName = kind.cellName
    let arguments = common.arguments
    // Keras 3's LSTM keeps a float `units` (its cell's state size is a list, which passes).
    let keptFloat =
      common.kerasVersion == .keras3 && kind == .lstm ? arguments.keptFloatSize("units") : nil
    if let keptFloat { units = keptFloat } else { units = try arguments.int("units") }
    if units <= 0 {
      throw .value(
        "Received an invalid value for argument `units`, expected a positive integer, got \(arguments["units"])."
      )
    }
    // The weights' shapes hold `gates * units` columns (twice that in GRU's reset_after bias), so
    // they are counted exactly here: LSTM(2**61) is refused, not wrapped.
    do {
      _ = try Exact.multiply(Exact.multiply(kind.gates, units), 2)
    } catch {
      throw .overflow("parameter count", of: common.name)
    }
    activation = try arguments.activation(version: common.kerasVersion)
    recurrentActivation =
      kind == .simpleRNN
      ? .linear : try arguments.activation("recurrent_activation", version: common.kerasVersion)
    useBias = try arguments.bool("use_bias")
    returnSequences = try arguments.bool("return_sequences")
    returnState = try arguments.bool("return_state")
    goBackwards = try arguments.bool("go_backwards")
    unroll = try arguments.bool("unroll")
    resetAfter = kind == .gru ? try arguments.bool("reset_after") : false
    unitForgetBias = kind == .lstm ? try arguments.bool("unit_forget_bias") : false
    // Keras clips the rates into [0, 1] (`min(1.0, max(0.0, dropout))`).
    dropout = min(1, max(0, try arguments.double("dropout")))
    recurrentDropout = min(1, max(0, try arguments.double("recurrent_dropout")))
    zeroOutputForMask = try arguments.bool("zero_output_for_mask")
    if kind != .simpleRNN, try arguments.bool("time_major") {
      throw .limitation("ConvBook does not support time_major=True in \(kind.rawValue) yet")
    }
    stateful = try arguments.bool("stateful")
  }

  /// Why the forward pass and training refuse the layer; nil when they run it.
  public var runRefusal: String? {
    stateful
      ? "ConvBook does not support stateful=True in \(className) yet: it keeps no state between batches"
      : nil
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: 3)
    if stateful, input[0] == nil {
      // Both Kerases' `RNN.build`.
      throw .value(
        common.kerasVersion == .keras3
          ? "When using `stateful=True` in a RNN, the batch size must be static. Found dynamic batch size: sequence.shape=\(input)"
          : "If a RNN is stateful, it needs to know its batch size. Specify the batch size of your input tensors: \n- If using a Sequential model, specify the batch size by passing a `batch_input_shape` argument to your first layer.\n- If using the functional API, specify the batch size by passing a `batch_shape` argument to your Input layer."
      )
    }
    if input[-1] == nil {
      // tf-keras' cell builds its kernel with `int(None)`.
      throw .typeError(
        "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")
    }
    if unroll, input[1] == nil, common.kerasVersion == .keras2 {
      // tf-keras refuses in `call` (Keras 3 runs it).
      let wrapped = ShapeErrors.inCall(
        layer: name, className: className, input: input,
        "Unrolling requires a fixed number of timesteps.")
      throw .value(wrapped.message + "\n  • mask=None\n  • training=None\n  • initial_state=None")
    }
    if returnSequences { return TensorShape([input[0], input[1], units]) }
    return TensorShape([input[0], units])
  }

  /// How many state tensors the cell carries: `h`, and `c` for LSTM.
  public var stateCount: Int { kind == .lstm ? 2 : 1 }

  public func outputShapes(for input: TensorShape, states: [TensorShape]) throws(KerasError)
    -> [TensorShape]
  {
    let output = try outputShape(for: input)
    let state = TensorShape([input[0], units])
    if !states.isEmpty {
      let fits =
        states.count == stateCount
        && states.allSatisfy { $0.rank == 2 && ($0[1] == nil || $0[1] == units) }
      guard fits else {
        let given = states.map(\.description).joined(separator: ", ")
        throw .limitation(
          "ConvBook does not support initial_state=[\(given)] in \(className) \"\(name)\": it takes \(stateCount) state tensor\(stateCount == 1 ? "" : "s") of shape \(state)"
        )
      }
    }
    return returnState ? [output] + Array(repeating: state, count: stateCount) : [output]
  }

  /// The shapes of the weights for `channels` input features.
  func weightShapes(channels: Int) -> (kernel: [Int], recurrent: [Int], bias: [Int]) {
    let columns = kind.gates * units
    let bias = kind == .gru && resetAfter ? [2, columns] : [columns]
    return ([channels, columns], [units, columns], bias)
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let shapes = weightShapes(channels: input[-1] ?? 0)
    let prefix = weightPrefix + cellName + "/"
    var specs = [
      WeightSpec(
        prefix + "kernel", shapes.kernel, initializer: common.arguments["kernel_initializer"]),
      WeightSpec(
        prefix + "recurrent_kernel", shapes.recurrent,
        initializer: common.arguments["recurrent_initializer"]),
    ]
    if useBias {
      specs.append(
        WeightSpec(prefix + "bias", shapes.bias, initializer: biasInitializer))
    }
    return specs
  }

  /// `bias_initializer`, with the forget gate's block at one under `unit_forget_bias=True`.
  var biasInitializer: ArgumentValue {
    let given = common.arguments["bias_initializer"]
    guard unitForgetBias else { return given }
    return .object(
      KerasObject(
        typeName: "UnitForgetBias", arguments: [("units", .int(units)), ("initializer", given)]))
  }

  /// Per time step, the input projection (C * G*units) and the recurrent product
  /// (units * G*units): T * G*units * (C + units). An unknown `T` counts as one step.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    let steps = input[1] ?? 1
    let channels = input[-1] ?? 0
    return try Exact.product([
      steps, kind.gates, units, Exact.add(channels, units),
    ])
  }

  /// The time steps in the order the cell reads them.
  func cellConfiguration() -> RecurrentKernel.Cell {
    switch kind {
    case .simpleRNN: return .simple(activation: activation)
    case .lstm: return .lstm(activation: activation, gate: recurrentActivation)
    case .gru:
      return .gru(activation: activation, gate: recurrentActivation, resetAfter: resetAfter)
    }
  }
}

// MARK: Forward pass

extension Recurrent {
  public var maskEffect: MaskEffect { .own }
  public var symbolicMasking: SymbolicMasking {
    SymbolicMasking(takes: true, carries: returnSequences)
  }

  /// The input kernel is packed; the recurrent kernel is read as it is.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    try ForwardPlan.blockedValues(
      kernel: ForwardPlan.shape(weightPrefix + cellName + "/kernel", in: weights), groups: 1)
  }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .recurrent(
        try RecurrentForward(
          self, weight: preparation.weight, name: preparation.instance.name,
          engine: preparation.engine)))
  }
}

// MARK: Training

extension Recurrent {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.recurrent(try RecurrentTrainingStep(self, refuse: preparation.refuse)))
  }
}

// MARK: Settings

extension Recurrent {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "units": .size(units, given: common.arguments["units"])
    case "return_sequences": .bool(returnSequences)
    case "return_state": .bool(returnState)
    case "go_backwards": .bool(goBackwards)
    case "zero_output_for_mask": .bool(zeroOutputForMask)
    case "use_bias": .bool(useBias)
    case "activation": .givenActivation(common)
    default: nil
    }
  }
}
