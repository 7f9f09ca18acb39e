/// `MaxPooling1D/2D/3D` and `AveragePooling1D/2D/3D`.
///
/// Strides default to the pool size; output length as for convolutions with dilation 1.
public struct Pooling: WeightlessLayer, WindowLayer {
  public enum Kind: String, Sendable {
    case max = "Max"
    case average = "Average"
  }

  public let common: LayerCommon
  public let kind: Kind
  public let rank: Int
  public let poolSize: [Int]
  public let strides: [Int]
  public let padding: Padding
  /// Keras 3 keeps a pooling layer's `padding` as given and checks it only when the layer is
  /// called (`compute_pooling_output_shape`): the value it rejects then ("SAME", "Same", 1), nil
  /// for "valid" and "same".
  public internal(set) var keras3RejectedPadding: String?
  public let dataFormat: DataFormat

  public var className: String { "\(kind.rawValue)Pooling\(rank)D" }
  public var window: SlidingWindow {
    SlidingWindow(
      size: poolSize, strides: strides, dilation: Array(repeating: 1, count: poolSize.count),
      padding: padding)
  }

  public static func signature(kind: Kind, rank: Int) -> LayerSignature {
    let twos: ArgumentValue = rank == 1 ? .int(2) : .tuple(Array(repeating: .int(2), count: rank))
    return LayerSignature(
      "\(kind.rawValue)Pooling\(rank)D",
      [
        .init("pool_size", twos), .init("strides", .none), .init("padding", .string("valid")),
        .init("data_format", rank == 1 ? .string("channels_last") : .none),
      ])
  }

  public init(kind: Kind, rank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.kind = kind
    self.rank = rank
    let arguments = common.arguments
    poolSize = try arguments.intTuple("pool_size", count: rank)
    strides =
      arguments.isNone("strides")
      ? poolSize : try arguments.intTuple("strides", count: rank, allowZero: true)
    let given = arguments["padding"]
    if common.kerasVersion == .keras3, given.sequenceItems == nil,
      given != .string("valid"), given != .string("same")
    {
      keras3RejectedPadding = given.plainDescription
      padding = (try? arguments.padding()) ?? .valid
    } else {
      keras3RejectedPadding = nil
      padding = try arguments.padding()
    }
    dataFormat = try arguments.dataFormat()
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try requireRank(input, exactly: rank + 2)
    try ShapeErrors.requireInt32(
      ["pool_size": poolSize, "strides": strides], layer: name, version: common.kerasVersion)
    let op = ShapeErrors.pooling(self, input: input)
    if let text = keras3RejectedPadding {
      throw ShapeErrors.inCall(
        layer: name, className: className, input: input,
        "\u{1B}[1mArgument `padding` must be either 'valid' or 'same'. Received: padding=\(text)\u{1B}[0m"
      )
    }
    if padding == .causal {
      throw ShapeErrors.causalPooling(
        op, rank: rank, layer: name, className: className, input: input)
    }
    if common.kerasVersion == .keras3,
      let refusal = Keras3ShapeErrors.pooling(
        layer: name, className: className, input: input, poolSize: poolSize, strides: strides,
        padding: padding, dataFormat: dataFormat)
    {
      throw refusal
    }
    if let failure = ShapeErrors.windowFailure(op, layer: name, className: className, input: input)
    {
      throw failure
    }
    if strides.contains(0) {
      // Keras accepts a zero stride for pooling; TensorFlow's op refuses it when called.
      throw ShapeErrors.inCall(
        layer: name, className: className, input: input,
        "Stride must be > 0, but got 0 for '\(op)' with input shapes: \(op.shapesDescription).")
    }
    var output = input.dimensions
    for (index, axis) in dataFormat.spatialAxes(rank: input.rank).enumerated() {
      output[axis] = try exactly("output shape") { () throws(Exact.Overflow) in
        try ConvolutionArithmetic.outputLength(
          input[axis], kernel: poolSize[index], padding: padding, stride: strides[index])
      }
    }
    return TensorShape(output)
  }
}

// MARK: Forward pass

extension Pooling {
  /// tf-keras' `MaxPooling2D`/`AveragePooling2D` are TensorFlow's NCHW pooling, which its CPU
  /// kernels lack; the 1-D and 3-D ones and Keras 3's run.
  public func channelsFirstFailsOnCPU(keras3: Bool) -> Bool { !keras3 && rank == 2 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .pooling(
        kind == .max ? .max : .average, poolSize: poolSize, strides: strides, padding: padding),
      channelsFirst: dataFormat == .channelsFirst)
  }
}

// MARK: Training

extension Pooling {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    guard dataFormat != .channelsFirst else {
      throw preparation.refuse("channels_first pooling layers")
    }
    return .step(
      .pooling(
        kind == .max ? .max : .average, poolSize: poolSize, strides: strides, padding: padding))
  }
}

// MARK: Settings

extension Pooling {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "pool_size": .ints(poolSize)
    case "strides": .ints(strides)
    case "padding":
      // Keras 3's pooling layers keep `padding` as given ("SAME"), where tf-keras lower-cases it.
      if common.kerasVersion == .keras3, case .string(let given) = common.arguments["padding"] {
        .string(given)
      } else {
        .string(padding.rawValue)
      }
    default: nil
    }
  }
}
