/// `LayerScale` of `keras.applications.convnext` (not a public Keras layer): multiplies the last
/// axis by a learned vector `gamma` of `projection_dim` values, initialized to `init_values`.
public struct LayerScale: Layer {
  public let common: LayerCommon
  public let initialValue: Double
  public let projectionDimension: Int

  public var className: String { "LayerScale" }

  public init(initialValue: Double, projectionDimension: Int, name: String) {
    common = LayerCommon(
      name: name, arguments: LayerArguments(className: "LayerScale", values: [:]))
    self.initialValue = initialValue
    self.projectionDimension = projectionDimension
  }

  /// `x * gamma` broadcasts `gamma` over the last axis, which must match it.
  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    guard let last = input.dimensions.last, last == nil || last == projectionDimension else {
      throw KerasError.limitation(
        "ConvBook runs LayerScale(\(projectionDimension)) on tensors whose last axis is \(projectionDimension); got \(input)"
      )
    }
    return input
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    [
      WeightSpec(
        "gamma", [projectionDimension],
        initializer: .object(
          KerasObject(typeName: "Constant", arguments: [("value", .float(initialValue))])))
    ]
  }
}

// MARK: Cost

extension LayerScale {
  /// None: a per-channel scale, like normalization, is not counted.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension LayerScale {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.scaleLastAxis(try preparation.weight("gamma").scalars))
  }
}

// MARK: Training

extension LayerScale {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension LayerScale {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
