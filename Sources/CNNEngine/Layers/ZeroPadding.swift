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
      common.arguments["padding"], rank: rank, argument: "padding", layer: "ZeroPadding\(rank)D",
      version: common.kerasVersion)
    dataFormat = rank == 1 ? .channelsLast : try common.arguments.dataFormat()
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: rank + 2)
    if common.kerasVersion == .keras2 && isNegative { throw negativePadding(input) }
    var output = input.dimensions
    for (index, axis) in dataFormat.spatialAxes(rank: input.rank).enumerated() {
      guard let length = input[axis] else { continue }
      let padded = try exactly("output shape") { () throws(Exact.Overflow) in
        try Exact.sum([length, padding[index].0, padding[index].1])
      }
      // Keras 3 adds a negative padding as it is (a negative length is its tensor's shape).
      guard padded >= 0 else {
        throw .limitation(
          "ConvBook does not make the negative length \(padded) that Keras 3's \(className) gives a padding of \(padding[index].0), \(padding[index].1) on \(length)"
        )
      }
      output[axis] = padded
    }
    return TensorShape(output)
  }
}

extension ZeroPadding {
  /// A negative int padding, which both Kerases keep (`SpatialPairs.parse`).
  var isNegative: Bool { padding.contains(where: { $0.0 < 0 || $0.1 < 0 }) }

  /// TensorFlow's `Pad` refusing tf-keras' negative int padding (`SpatialPairs.parse`), wrapped as
  /// Keras wraps errors from `call`.
  func negativePadding(_ input: TensorShape) -> KerasError {
    let node = "\(name)/Pad"
    var rows = Array(repeating: "[0 0]", count: input.rank)
    for (index, axis) in dataFormat.spatialAxes(rank: input.rank).enumerated() {
      rows[axis] = "[\(padding[index].0) \(padding[index].1)]"
    }
    let shape = input.dimensions.map { $0.map(String.init) ?? "?" }.joined(separator: ",")
    return ShapeErrors.inCall(
      layer: name, className: className, input: input,
      "Paddings must be non-negative for '{{node \(node)}} = Pad[T=DT_FLOAT, Tpaddings=DT_INT32](Placeholder, \(node)/paddings)' with input shapes: [\(shape)], [\(input.rank),2] and with computed input tensors: input[1] = <\(rows.joined())>."
    )
  }
}

// MARK: Forward pass

extension ZeroPadding {
  /// TensorFlow runs channels_first padding on the CPU in both Kerases.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { false }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    // Keras 3's `ops.pad` hands a negative padding to TensorFlow's Pad, which refuses it.
    guard !isNegative else {
      throw preparation.limitation("ConvBook cannot run a negative padding")
    }
    return .step(.zeroPadding(padding), channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension ZeroPadding {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("a channels_first ZeroPadding layer")
    }
    guard !isNegative else { throw preparation.refuse("a negative padding") }
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
