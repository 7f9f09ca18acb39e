/// `PReLU`: x for x >= 0, alpha*x below, with a learned `alpha` per input value; `shared_axes`
/// share one alpha along those axes (`shared_axes=[1, 2]`: one per channel of an image).
public struct PReLU: InputSpecLayer {
  public let common: LayerCommon
  /// The axes (1 = the first after the batch) along which alpha is shared.
  public let sharedAxes: [Int]

  public var className: String { "PReLU" }

  public static let signature = LayerSignature(
    "PReLU",
    [
      .init("alpha_initializer", .string("zeros")), .init("alpha_regularizer", .none),
      .init("alpha_constraint", .none), .init("shared_axes", .none),
    ])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let shared = common.arguments["shared_axes"]
    var axes: [Int] = []
    for item in shared == .none ? [] : shared.sequenceItems ?? [shared] {
      axes.append(
        try LayerArguments(className: "PReLU", values: ["shared_axes": item]).int("shared_axes"))
    }
    sharedAxes = axes
  }

  /// Keras' `build`: alpha's shape is the input's without the batch axis, 1 on the shared axes.
  public func alphaShape(for input: TensorShape) throws(KerasError) -> [Int] {
    var shape = input.sample
    for axis in sharedAxes {
      guard axis >= 1, axis <= shape.count else {
        throw .limitation(
          "ConvBook runs PReLU with shared_axes between 1 and \(shape.count) for an input of shape \(input); got \(axis)"
        )
      }
      shape[axis - 1] = 1
    }
    var defined: [Int] = []
    for dimension in shape {
      guard let dimension else {
        throw .limitation(
          "ConvBook runs PReLU only where alpha's shape is known: share the axes of unknown size (shared_axes) for an input of shape \(input)"
        )
      }
      defined.append(dimension)
    }
    return defined
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    _ = try alphaShape(for: input)
    return input
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let shape = (try? alphaShape(for: input)) ?? input.sample.map { $0 ?? 1 }
    return [WeightSpec("alpha", shape, initializer: common.arguments["alpha_initializer"])]
  }
}

// MARK: Cost

extension PReLU {
  /// None: an activation is not counted.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension PReLU {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.parametricReLU(alpha: try preparation.weight("alpha")))
  }
}

// MARK: Training

extension PReLU {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension PReLU {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}

// MARK: Input spec

extension PReLU {
  /// Keras 3's spec fixes the axes after the batch that are not shared, and only when some are
  /// (`shared_axes=[1]`); tf-keras' fixes none (TensorFlow's multiply by alpha fails instead).
  public func inputSpecAxes(rank: Int, keras3: Bool) -> [InputSpecAxis] {
    guard keras3, !sharedAxes.isEmpty, rank > 1 else { return [] }
    return (1..<rank).filter { !sharedAxes.contains($0) }.map {
      InputSpecAxis(reported: $0, index: $0)
    }
  }
}
