/// `Cropping1D/2D/3D`: removes rows and columns from the edges of the spatial axes.
public struct Cropping: WeightlessLayer, LayoutLayer {
  public let common: LayerCommon
  public let rank: Int
  /// (before, after) for each spatial axis.
  public let cropping: [(Int, Int)]
  public let dataFormat: DataFormat

  public var className: String { "Cropping\(rank)D" }

  public static func signature(rank: Int) -> LayerSignature {
    let defaultCropping: ArgumentValue
    switch rank {
    case 1: defaultCropping = .tuple([.int(1), .int(1)])
    case 2: defaultCropping = .tuple([.tuple([.int(0), .int(0)]), .tuple([.int(0), .int(0)])])
    default: defaultCropping = .tuple(Array(repeating: .tuple([.int(1), .int(1)]), count: 3))
    }
    var parameters: [LayerSignature.Parameter] = [.init("cropping", defaultCropping)]
    if rank > 1 { parameters.append(.init("data_format", .none)) }
    return LayerSignature("Cropping\(rank)D", parameters)
  }

  public init(rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.rank = rank
    cropping = try SpatialPairs.parse(
      common.arguments["cropping"], rank: rank, argument: "cropping", layer: "Cropping\(rank)D",
      version: common.kerasVersion)
    dataFormat = rank == 1 ? .channelsLast : try common.arguments.dataFormat()
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: rank + 2)
    var output = input.dimensions
    for (index, axis) in dataFormat.spatialAxes(rank: input.rank).enumerated() {
      guard let length = input[axis] else { continue }
      let (before, after) = cropping[index]
      // Both are >= 0, so a sum beyond 64 bits is larger than any length.
      let (total, overflow) = before.addingReportingOverflow(after)
      if overflow || total >= length {
        let described =
          rank == 1
          ? TensorShape.tuple([before, after])
          : "(" + cropping.map { TensorShape.tuple([$0.0, $0.1]) }.joined(separator: ", ") + ")"
        let phrase = rank == 1 ? "cropping parameter of Cropping layer" : "Argument `cropping`"
        // Keras checks the cropping in `call`.
        throw ShapeErrors.inCall(
          layer: name, className: className, input: input,
          "\(phrase) must be greater than the input shape. Received: inputs.shape=\(input), and cropping=\(described)"
        )
      }
      output[axis] = length - total
    }
    return TensorShape(output)
  }
}

// MARK: Forward pass

extension Cropping {
  /// TensorFlow runs channels_first cropping on the CPU in both Kerases.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { false }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.cropping(cropping), channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension Cropping {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("a channels_first Cropping layer")
    }
    return .step(
      .cropping(SpatialPadding(before: cropping.map(\.0), after: cropping.map(\.1))))
  }
}

// MARK: Settings

extension Cropping {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "cropping": .pairs(cropping, rank: rank)
    default: nil
    }
  }
}
