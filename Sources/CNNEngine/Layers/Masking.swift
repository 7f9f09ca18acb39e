/// `Masking(mask_value=0.0)`: marks the time steps whose features all equal `mask_value` as
/// masked, and zeroes them. The mask reaches the recurrent layers after it (which skip those
/// steps) through the layers that carry masks (see `MaskEffect`).
///
/// Any shape in, the same shape out; no weights.
public struct Masking: WeightlessLayer {
  public let common: LayerCommon
  public let maskValue: Double

  public var className: String { "Masking" }

  public static let signature = LayerSignature("Masking", [.init("mask_value", .float(0))])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    maskValue = try common.arguments.double("mask_value")
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }
}

// MARK: Forward pass

extension Masking {
  public var maskEffect: MaskEffect { .own }
  public var symbolicMasking: SymbolicMasking { SymbolicMasking(makes: [.notEqual, .any]) }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.masking(Float(maskValue)))
  }
}

// MARK: Training

extension Masking {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.masking(Float(maskValue)))
  }
}

// MARK: Settings

extension Masking {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "mask_value": .float(maskValue)
    default: nil
    }
  }
}
