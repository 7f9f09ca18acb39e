/// `UpSampling1D/2D/3D`: repeats every row/column `size` times (nearest neighbour by default).
public struct UpSampling: WeightlessLayer, LayoutLayer {
  public let common: LayerCommon
  public let rank: Int
  public let size: [Int]
  public let dataFormat: DataFormat
  public let interpolation: String

  public var className: String { "UpSampling\(rank)D" }

  public static func signature(rank: Int) -> LayerSignature {
    switch rank {
    case 1: return LayerSignature("UpSampling1D", [.init("size", .int(2))])
    case 2:
      return LayerSignature(
        "UpSampling2D",
        [
          .init("size", .tuple([.int(2), .int(2)])), .init("data_format", .none),
          .init("interpolation", .string("nearest")),
        ])
    default:
      return LayerSignature(
        "UpSampling3D",
        [.init("size", .tuple([.int(2), .int(2), .int(2)])), .init("data_format", .none)])
    }
  }

  public init(rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.rank = rank
    let arguments = common.arguments
    size = try arguments.intTuple("size", count: rank)
    dataFormat = rank == 1 ? .channelsLast : try arguments.dataFormat()
    interpolation = rank == 2 ? (try arguments.string("interpolation") ?? "nearest") : "nearest"
    let allowed = [
      "area", "bicubic", "bilinear", "gaussian", "lanczos3", "lanczos5", "mitchellcubic", "nearest",
    ]
    if !allowed.contains(interpolation) {
      throw .value(
        "`interpolation` argument should be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")). Received: \"\(interpolation)\"."
      )
    }
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: rank + 2)
    try ShapeErrors.requireInt32(["size": size], layer: name, version: common.kerasVersion)
    var output = input.dimensions
    for (index, axis) in dataFormat.spatialAxes(rank: input.rank).enumerated() {
      guard let length = input[axis] else { continue }
      output[axis] = try exactly("output shape") { () throws(Exact.Overflow) in
        try Exact.multiply(length, size[index])
      }
    }
    return TensorShape(output)
  }
}

// MARK: Forward pass

extension UpSampling {
  /// TensorFlow runs channels_first up-sampling on the CPU in both Kerases.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { false }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .upSampling(size: size, interpolation: interpolation),
      channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension UpSampling {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("a channels_first UpSampling layer")
    }
    guard interpolation == "nearest" else {
      throw preparation.refuse("UpSampling2D(interpolation='\(interpolation)')")
    }
    return .step(.upSampling(size: size))
  }
}

// MARK: Settings

extension UpSampling {
  /// `UpSampling1D` keeps its int; the others a tuple per spatial axis.
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "size": rank == 1 ? .int(size[0]) : .ints(size)
    default: nil
    }
  }
}
