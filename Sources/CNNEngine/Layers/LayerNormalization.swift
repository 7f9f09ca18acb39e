/// `LayerNormalization`: normalizes each sample over `axis` (default the last), with gamma and beta
/// of that axis' size: 2*C parameters, all trainable.
public struct LayerNormalization: WeightAttributeLayer {
  public let common: LayerCommon
  public let axes: [Int]
  public let epsilon: Double
  public let center: Bool
  public let scale: Bool

  public var className: String { "LayerNormalization" }

  public static let signature = LayerSignature(
    "LayerNormalization",
    [
      .init("axis", .int(-1)), .init("epsilon", .float(0.001)), .init("center", .bool(true)),
      .init("scale", .bool(true)), .init("beta_initializer", .string("zeros")),
      .init("gamma_initializer", .string("ones")), .init("beta_regularizer", .none),
      .init("gamma_regularizer", .none), .init("beta_constraint", .none),
      .init("gamma_constraint", .none),
    ])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let arguments = common.arguments
    axes = try BatchNormalization.axisList(arguments["axis"], className: "LayerNormalization")
    epsilon = try arguments.double("epsilon")
    center = try arguments.bool("center")
    scale = try arguments.bool("scale")
  }

  func resolvedAxes(for input: TensorShape) throws(KerasError) -> [Int] {
    try BatchNormalization.validateAxes(axes, rank: input.rank).sorted()
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    _ = try resolvedAxes(for: input)
    return input
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let shape = ((try? resolvedAxes(for: input)) ?? []).map { input[$0] ?? 0 }
    let arguments = common.arguments
    var specs: [WeightSpec] = []
    if scale {
      specs.append(WeightSpec("gamma", shape, initializer: arguments["gamma_initializer"]))
    }
    if center {
      specs.append(WeightSpec("beta", shape, initializer: arguments["beta_initializer"]))
    }
    return specs
  }
}

// MARK: Cost

extension LayerNormalization {
  /// None: normalization is not counted.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension LayerNormalization {
  public var maskEffect: MaskEffect { .carry }

  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .layerNormalization(
        axes: try preparation.withBuiltInput(resolvedAxes(for:)),
        gamma: try preparation.optionalWeight("gamma", scale),
        beta: try preparation.optionalWeight("beta", center), epsilon: Float(epsilon)))
  }
}

// MARK: Training

extension LayerNormalization {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    let (axes, input) = try preparation.axes(resolvedAxes(for:))
    guard axes == [input.rank - 1] else {
      throw preparation.refuse("LayerNormalization over axes other than the last")
    }
    return .step(.layerNormalization(epsilon: Float(epsilon)))
  }
}

// MARK: Settings

extension LayerNormalization {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}

// MARK: Python attributes

extension LayerNormalization {
  /// `gamma` and `beta`.
  public var weightAttributeNames: [String] { ["gamma", "beta"] }
}
