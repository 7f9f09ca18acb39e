/// `RandomCrop`: in training a random height x width window; at inference tf-keras 2.21 resizes
/// the whole image to height x width with `smart_resize` (center crop to the target aspect ratio,
/// then bilinear), so the output is (..., height, width, C) either way.
public struct RandomCrop: WeightlessLayer {
  public let common: LayerCommon
  public let height: Int
  public let width: Int

  public var className: String { "RandomCrop" }

  public static let signature = LayerSignature(
    "RandomCrop", [.required("height"), .required("width"), .init("seed", .none)])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    height = try common.arguments.int("height")
    width = try common.arguments.int("width")
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if input.rank < 3 {
      throw Resizing.missingImageAxes(
        layer: name, className: className, input: input, training: true)
    }
    try Resizing.checkCropWindow(
      layer: name, className: className, input: input, height: height, width: width,
      training: true)
    return Resizing.imageOutputShape(input, height: height, width: width)
  }
}

// MARK: Forward pass

extension RandomCrop {
  /// At inference tf-keras resizes instead of cropping at random.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.resizing(method: "bilinear", crop: true))
  }
}

// MARK: Training

extension RandomCrop {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension RandomCrop {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
