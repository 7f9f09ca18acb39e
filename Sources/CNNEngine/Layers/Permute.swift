/// `Permute`: reorders the sample axes; `dims` counts from 1 (the batch axis stays first).
public struct Permute: WeightlessLayer {
  public let common: LayerCommon
  public let dims: [Int]

  public var className: String { "Permute" }

  public static let signature = LayerSignature("Permute", [.required("dims")])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let value = common.arguments["dims"]
    guard let items = value.sequenceItems else {
      throw .typeError("'\(value.pythonTypeName)' object is not iterable")
    }
    var dims: [Int] = []
    for item in items {
      guard case .int(let dimension) = item else {
        throw .typeError("Permute expects integers in `dims`. Received: \(value)")
      }
      dims.append(dimension)
    }
    if dims.sorted() != Array(1...max(dims.count, 1)).prefix(dims.count).map({ $0 }) || dims.isEmpty
    {
      throw .value(
        "Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be consecutive and start from 1. Received dims=\(TensorShape.tuple(dims))"
      )
    }
    self.dims = dims
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: dims.count + 1)
    return TensorShape([input.batch] + dims.map { input[$0] })
  }
}

// MARK: Forward pass

extension Permute {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.permute(dims))
  }
}

// MARK: Training

extension Permute {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension Permute {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "dims": .ints(dims)
    default: nil
    }
  }
}
