/// `CenterCrop`: the central height x width window of images (..., H, W, C); an image smaller
/// than that is resized instead (`smart_resize`: cropped to the aspect ratio, then bilinear).
public struct CenterCrop: WeightlessLayer {
  public let common: LayerCommon
  public let height: Int
  public let width: Int

  public var className: String { "CenterCrop" }

  public static let signature = LayerSignature(
    "CenterCrop", [.required("height"), .required("width")])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    height = try common.arguments.int("height")
    width = try common.arguments.int("width")
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if input.rank < 3 {
      throw Resizing.missingImageAxes(
        layer: name, className: className, input: input)
    }
    try Resizing.checkCropWindow(
      layer: name, className: className, input: input, height: height, width: width)
    return Resizing.imageOutputShape(input, height: height, width: width)
  }
}

// MARK: Forward pass

extension CenterCrop {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.centerCrop)
  }
}

// MARK: Training

extension CenterCrop {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension CenterCrop {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
