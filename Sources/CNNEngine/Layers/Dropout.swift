/// `Dropout` and `SpatialDropout1D/2D/3D`: identity at inference; the rate must lie in [0, 1].
public struct Dropout: WeightlessLayer {
  public let common: LayerCommon
  /// 0 for plain `Dropout`; otherwise the spatial rank of `SpatialDropoutND`.
  public let spatialRank: Int
  public let rate: Double

  public var className: String { spatialRank == 0 ? "Dropout" : "SpatialDropout\(spatialRank)D" }

  public static func signature(spatialRank: Int) -> LayerSignature {
    if spatialRank == 0 {
      return LayerSignature(
        "Dropout", [.required("rate"), .init("noise_shape", .none), .init("seed", .none)])
    }
    var parameters: [LayerSignature.Parameter] = [.required("rate")]
    if spatialRank > 1 { parameters.append(.init("data_format", .none)) }
    return LayerSignature("SpatialDropout\(spatialRank)D", parameters)
  }

  public init(spatialRank: Int, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.spatialRank = spatialRank
    switch common.arguments["rate"] {
    case .int, .float, .bool: rate = try common.arguments.double("rate")
    case let other:
      // Keras 3 compares it (`0 <= rate <= 1`); tf-keras checks numbers only and keeps the
      // value until training hands it to `tf.nn.dropout`.
      guard common.kerasVersion == .keras3 else {
        throw .limitation(
          "ConvBook does not support a `rate` of type \(other.pythonTypeName) for \(spatialRank == 0 ? "Dropout" : "SpatialDropout\(spatialRank)D") (tf-keras keeps it until the layer trains)"
        )
      }
      throw .typeError(
        "'<=' not supported between instances of 'int' and '\(other.pythonTypeName)'")
    }
    if !(0...1).contains(rate) {
      throw .value(
        "Invalid value \(common.arguments["rate"]) received for `rate`, expected a value between 0 and 1."
      )
    }
    if spatialRank > 1 { _ = try common.arguments.dataFormat() }
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if spatialRank > 0 { try requireRank(input, exactly: spatialRank + 2) }
    return input
  }
}

// MARK: Forward pass

extension Dropout {
  public var maskEffect: MaskEffect { .carry }

  /// Dropout only acts in training.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.identity)
  }
}

// MARK: Training

extension Dropout {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(
      .dropout(
        rate: Float(rate), spatial: spatialRank > 0,
        seeds: preparation.instance.drawsAsTensorFlow
          ? preparation.instance.seedGenerator.map { DropoutSeeds(generator: $0, rate: rate) }
          : nil))
  }
}

// MARK: Settings

extension Dropout {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "rate": .float(rate)
    default: nil
    }
  }
}
