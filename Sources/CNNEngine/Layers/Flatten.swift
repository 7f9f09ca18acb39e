/// `Flatten`: (H, W, C) -> (H*W*C,), in channels-last order: index (h*W + w)*C + c.
public struct Flatten: WeightlessLayer {
  public let common: LayerCommon
  public let dataFormat: DataFormat

  public var className: String { "Flatten" }

  public static let signature = LayerSignature("Flatten", [.init("data_format", .none)])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    dataFormat = try common.arguments.dataFormat()
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, atLeast: 1)
    if input.rank == 1 { return TensorShape([input.batch, 1]) }
    let values = try exactly("output shape") { () throws(Exact.Overflow) in
      try input.exactValuesPerSample()
    }
    return TensorShape([input.batch, values])
  }
}

// MARK: Forward pass

extension Flatten {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    // tf-keras moves channels last before flattening a channels-first tensor.
    .step(.flatten, channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension Flatten {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("a channels_first Flatten layer")
    }
    return .step(.reshape)
  }
}

// MARK: Settings

extension Flatten {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
