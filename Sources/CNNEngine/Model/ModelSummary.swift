/// What `model.summary()` reports, as data: one row per layer (the input layer only for functional
/// models),
/// with parameters split as Keras splits them, plus multiply-accumulates and activation sizes.
public struct ModelSummary: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var name: String
    public var className: String
    public var inputShape: TensorShape
    public var outputShape: TensorShape
    public var weights: [WeightSpec]
    /// Per sample; see `Layer.multiplyAccumulates`.
    public var multiplyAccumulates: Int
    /// The input layer of a functional model, which Keras lists first, its shape as a list:
    /// `[(None, 28, 28, 1)]`.
    public var isInputLayer = false
    /// False for a layer of a model that was never built that Keras 3 lists with `0 (unbuilt)`.
    /// Rows of such a model have empty shapes (`?`) and no weights.
    public var isBuilt = true

    /// The output shape as the summary prints it.
    public var outputShapeText: String {
      isInputLayer ? "[\(outputShape)]" : outputShape.description
    }

    public var parameters: Int { weights.reduce(0) { $0 + $1.count } }
    public var trainableParameters: Int { weights.filter(\.trainable).reduce(0) { $0 + $1.count } }
    public var nonTrainableParameters: Int { parameters - trainableParameters }
    /// Values in one sample of the output (nil when a dimension is unknown).
    public var outputValues: Int? { outputShape.valuesPerSample }
    /// float32 bytes of one sample of the output.
    public var activationBytes: Int? { outputValues.map { $0 * 4 } }
  }

  public var name: String
  public var inputLayerName: String
  public var inputShape: TensorShape
  public var rows: [Row]

  public var outputShape: TensorShape { rows.last?.outputShape ?? inputShape }
  public var totalParameters: Int { rows.reduce(0) { $0 + $1.parameters } }
  public var trainableParameters: Int { rows.reduce(0) { $0 + $1.trainableParameters } }
  public var nonTrainableParameters: Int { totalParameters - trainableParameters }
  public var totalMultiplyAccumulates: Int { rows.reduce(0) { $0 + $1.multiplyAccumulates } }
}
