import CNNKernels

/// `Dense`: a matrix product over the last axis of an input of any rank >= 2.
///
/// (..., C) -> (..., units); parameters C*units + units.
public struct Dense: InputSpecLayer, WeightAttributeLayer {
  public let common: LayerCommon
  public let units: Int
  public let activation: ActivationFunction
  public let useBias: Bool
  /// tf-keras keeps `Dense(True)`'s units as given (a bool is an int to Python), and TensorFlow
  /// refuses the kernel's shape when the layer is built.
  private let unitsIsBoolean: Bool

  public var className: String { "Dense" }

  public static let signature = LayerSignature(
    "Dense",
    [
      .required("units"), .init("activation", .none), .init("use_bias", .bool(true)),
      .init("kernel_initializer", .string("glorot_uniform")),
      .init("bias_initializer", .string("zeros")), .init("kernel_regularizer", .none),
      .init("bias_regularizer", .none), .init("activity_regularizer", .none),
      .init("kernel_constraint", .none), .init("bias_constraint", .none),
    ])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let arguments = common.arguments
    units = try arguments.int("units")
    // tf-keras takes 0 units; Keras 3 wants a positive count (`ResNet50(classes=0)` builds its
    // classifier through here: hostile batch7 h10).
    if units < 0 || (units == 0 && common.kerasVersion == .keras3) {
      throw .value(
        "Received an invalid value for `units`, expected a positive integer. Received: units=\(arguments["units"])"
      )
    }
    if case .bool = arguments["units"] {
      unitsIsBoolean = common.kerasVersion == .keras2
    } else {
      unitsIsBoolean = false
    }
    activation = try arguments.activation(version: common.kerasVersion)
    useBias = try arguments.bool("use_bias")
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, atLeast: 2)
    if unitsIsBoolean {
      throw .typeError(
        "Field tensorflow.TensorShapeProto.Dim.size: Expected an int, got a boolean.")
    }
    if input[-1] == nil {
      throw .value(
        "The last dimension of the inputs to a Dense layer should be defined. Found None. Full input shape received: \(input)"
      )
    }
    var output = input.dimensions
    output[output.count - 1] = units
    return TensorShape(output)
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    var specs = [
      WeightSpec(
        "kernel", [input[-1] ?? 0, units], initializer: common.arguments["kernel_initializer"])
    ]
    if useBias {
      specs.append(WeightSpec("bias", [units], initializer: common.arguments["bias_initializer"]))
    }
    return specs
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    try Exact.multiply(output.exactValuesPerSample() ?? 0, input[-1] ?? 0)
  }
}

// MARK: Forward pass

extension Dense {
  public var maskEffect: MaskEffect { .carry }

  /// The kernel in blocks of 16 columns.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    try ForwardPlan.blockedValues(kernel: ForwardPlan.shape("kernel", in: weights), groups: 1)
  }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let kernel = try preparation.weight("kernel")
    let bias = try preparation.optionalWeight("bias", useBias)
    let packed = try preparation.packing { () throws(KernelError) in
      try PackedDenseWeights(kernel: kernel, bias: bias)
    }
    return .step(.dense(packed, activation: activation))
  }
}

// MARK: Training

extension Dense {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.dense(activation: try preparation.activation(activation)))
  }
}

// MARK: Settings

extension Dense {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "units": .int(units)
    case "use_bias": .bool(useBias)
    case "activation": .givenActivation(common)
    default: nil
    }
  }
}

// MARK: Input spec

extension Dense {
  /// The last axis, which the kernel's rows fix.
  public func inputSpecAxes(rank: Int, keras3: Bool) -> [InputSpecAxis] {
    [InputSpecAxis(reported: -1, index: rank - 1)]
  }
}

// MARK: Python attributes

extension Dense {
  /// `kernel` and `bias`.
  public var weightAttributeNames: [String] { ["kernel", "bias"] }
}
