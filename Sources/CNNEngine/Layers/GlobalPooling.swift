/// `GlobalAveragePooling1D/2D/3D` and `GlobalMaxPooling1D/2D/3D`: each channel's map becomes one value.
public struct GlobalPooling: WeightlessLayer, LayoutLayer {
  public let common: LayerCommon
  public let kind: Pooling.Kind
  public let rank: Int
  public let dataFormat: DataFormat
  public let keepDimensions: Bool

  public var className: String { "Global\(kind.rawValue)Pooling\(rank)D" }

  public static func signature(kind: Kind, rank: Int) -> LayerSignature {
    LayerSignature(
      "Global\(kind.rawValue)Pooling\(rank)D",
      [
        .init("data_format", rank == 1 ? .string("channels_last") : .none),
        .init("keepdims", .bool(false)),
      ])
  }
  public typealias Kind = Pooling.Kind

  public init(kind: Kind, rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.kind = kind
    self.rank = rank
    dataFormat = try common.arguments.dataFormat()
    keepDimensions = try common.arguments.bool("keepdims")
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: rank + 2)
    let channels = input[dataFormat.channelAxis(rank: input.rank)]
    if keepDimensions {
      var output = input.dimensions
      for axis in dataFormat.spatialAxes(rank: input.rank) { output[axis] = 1 }
      return TensorShape(output)
    }
    return TensorShape([input.batch, channels])
  }
}

// MARK: Forward pass

extension GlobalPooling {
  /// Keras 3's `GlobalAveragePooling1D.call` takes the mask: it averages the kept steps.
  public var symbolicMasking: SymbolicMasking {
    SymbolicMasking(takes: kind == .average && rank == 1)
  }

  /// TensorFlow runs channels_first global pooling on the CPU in both Kerases.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { false }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .globalPooling(kind == .max ? .max : .average, keepDimensions: keepDimensions),
      channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension GlobalPooling {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("channels_first pooling layers")
    }
    return .step(.globalPooling(kind == .max ? .max : .average))
  }
}

// MARK: Settings

extension GlobalPooling {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
