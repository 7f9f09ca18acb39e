/// `ZeroPadding1D/2D/3D`: adds zero rows and columns around the spatial axes.
public struct ZeroPadding: WeightlessLayer, LayoutLayer {
  public let common: LayerCommon
  public let rank: Int
  /// (before, after) for each spatial axis.
  public let padding: [(Int, Int)]
  public let dataFormat: DataFormat

  public var className: String { "ZeroPadding\(rank)D" }

  public static func signature(rank: Int) -> LayerSignature {
    let defaultPadding: ArgumentValue =
      rank == 1 ? .int(1) : .tuple(Array(repeating: .int(1), count: rank))
    var parameters: [LayerSignature.Parameter] = [.init("padding", defaultPadding)]
    if rank > 1 { parameters.append(.init("data_format", .none)) }
    return LayerSignature("ZeroPadding\(rank)D", parameters)
  }

  public init(rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.rank = rank
    padding = try SpatialPairs.parse(
      common.arguments["padding"], rank: rank, argument: "padding", layer: "ZeroPadding\(rank)D")
    dataFormat = rank == 1 ? .channelsLast : try common.arguments.dataFormat()
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: rank + 2)
    var output = input.dimensions
    for (index, axis) in dataFormat.spatialAxes(rank: input.rank).enumerated() {
      guard let length = input[axis] else { continue }
      output[axis] = try exactly("output shape") { () throws(Exact.Overflow) in
        try Exact.sum([length, padding[index].0, padding[index].1])
      }
    }
    return TensorShape(output)
  }
}

// MARK: Forward pass

extension ZeroPadding {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.zeroPadding(padding), channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension ZeroPadding {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("a channels_first ZeroPadding layer")
    }
    return .step(.zeroPadding(SpatialPadding(before: padding.map(\.0), after: padding.map(\.1))))
  }
}

// MARK: Settings

extension ZeroPadding {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "padding": .pairs(padding, rank: rank)
    default: nil
    }
  }
}
