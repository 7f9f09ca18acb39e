/// `GroupNormalization`: the channels of `axis` split into `groups`; each sample is normalized
/// over every other axis within a group, then scaled and shifted per channel (gamma, beta).
public struct GroupNormalization: InputSpecLayer {
  public let common: LayerCommon
  public let groups: Int
  public let axis: Int
  public let epsilon: Double
  public let center: Bool
  public let scale: Bool

  public var className: String { "GroupNormalization" }

  public static let signature = LayerSignature(
    "GroupNormalization",
    [
      .init("groups", .int(32)), .init("axis", .int(-1)), .init("epsilon", .float(0.001)),
      .init("center", .bool(true)), .init("scale", .bool(true)),
      .init("beta_initializer", .string("zeros")), .init("gamma_initializer", .string("ones")),
      .init("beta_regularizer", .none), .init("gamma_regularizer", .none),
      .init("beta_constraint", .none), .init("gamma_constraint", .none),
    ])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let arguments = common.arguments
    groups = try arguments.int("groups")
    axis = try arguments.int("axis")
    epsilon = try arguments.double("epsilon")
    center = try arguments.bool("center")
    scale = try arguments.bool("scale")
  }

  /// Keras' `build`: the axis (resolved against the rank), its number of channels, and the number
  /// of groups (`groups=-1`: one per channel, instance normalization).
  public func channels(for input: TensorShape) throws(KerasError) -> (
    axis: Int, count: Int, groups: Int
  ) {
    let resolved = try BatchNormalization.validateAxes([axis], rank: input.rank)[0]
    guard let count = input[resolved] else {
      throw .value(
        "Axis \(axis) of input tensor should have a defined dimension but the layer received an input with shape \(input)."
      )
    }
    let groups = self.groups == -1 ? count : self.groups
    if count < groups {
      throw .value(
        "Number of groups (\(groups)) cannot be more than the number of channels (\(count)).")
    }
    if groups <= 0 || count % groups != 0 {
      throw .value(
        "Number of groups (\(groups)) must be a multiple of the number of channels (\(count)).")
    }
    return (resolved, count, groups)
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    _ = try channels(for: input)
    return input
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    guard let count = try? channels(for: input).count else { return [] }
    var specs: [WeightSpec] = []
    let arguments = common.arguments
    if scale {
      specs.append(WeightSpec("gamma", [count], initializer: arguments["gamma_initializer"]))
    }
    if center {
      specs.append(WeightSpec("beta", [count], initializer: arguments["beta_initializer"]))
    }
    return specs
  }
}

// MARK: Input spec

extension GroupNormalization {
  /// Keras 3's spec fixes the normalized axis, reported as given (`-1`); tf-keras' fixes none
  /// (TensorFlow's reshape of gamma fails instead).
  public func inputSpecAxes(rank: Int, keras3: Bool) -> [InputSpecAxis] {
    guard keras3 else { return [] }
    return [InputSpecAxis(reported: axis, index: axis < 0 ? rank + axis : axis)]
  }
}

/// `UnitNormalization`: each sample divided by its L2 norm over `axis` (no weights).
public struct UnitNormalization: WeightlessLayer {
  public let common: LayerCommon
  public let axes: [Int]

  public var className: String { "UnitNormalization" }

  public static let signature = LayerSignature("UnitNormalization", [.init("axis", .int(-1))])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    axes = try BatchNormalization.axisList(common.arguments["axis"], className: "UnitNormalization")
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    _ = try BatchNormalization.validateAxes(axes, rank: input.rank)
    return input
  }
}

// MARK: Cost

extension GroupNormalization {
  /// None: normalization is not counted.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension GroupNormalization {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let input = try preparation.builtInput()
    let channels = try preparation.withBuiltInput(self.channels(for:))
    guard channels.axis == input.rank - 1 else {
      throw preparation.limitation(
        "ConvBook's forward pass of GroupNormalization normalizes groups of the last axis only")
    }
    return .step(
      .groupNormalization(
        groups: channels.groups, gamma: try preparation.optionalWeight("gamma", scale),
        beta: try preparation.optionalWeight("beta", center), epsilon: Float(epsilon)))
  }
}

extension UnitNormalization {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let input = try preparation.builtInput()
    guard axes.map({ $0 < 0 ? $0 + input.rank : $0 }) == [input.rank - 1] else {
      throw preparation.limitation(
        "ConvBook's forward pass of UnitNormalization normalizes over the last axis only")
    }
    return .step(.unitNormalization)
  }
}

// MARK: Training

extension GroupNormalization {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Training

extension UnitNormalization {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension GroupNormalization {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}

// MARK: Settings

extension UnitNormalization {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
