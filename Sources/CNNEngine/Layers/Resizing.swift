/// `Resizing`: images (..., H, W, C) -> (..., height, width, C) with `tf.image.resize`
/// (`interpolation`, default bilinear; `crop_to_aspect_ratio=True` first center-crops to the
/// target aspect ratio as `smart_resize` does).
public struct Resizing: WeightlessLayer {
  public let common: LayerCommon
  public let height: Int
  public let width: Int
  public let interpolation: String
  public let cropToAspectRatio: Bool

  public var className: String { "Resizing" }

  public static let signature = LayerSignature(
    "Resizing",
    [
      .required("height"), .required("width"), .init("interpolation", .string("bilinear")),
      .init("crop_to_aspect_ratio", .bool(false)),
    ])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    height = try common.arguments.int("height")
    width = try common.arguments.int("width")
    // Keras 3 takes any `interpolation` here and checks it only when resizing.
    if common.kerasVersion == .keras2 { try Self.checkInterpolation(common.arguments) }
    interpolation = try common.arguments.string("interpolation") ?? "bilinear"
    cropToAspectRatio = try common.arguments.bool("crop_to_aspect_ratio")
  }

  /// tf-keras reads `interpolation` before the base layer takes a name, so `LayerCatalog` runs
  /// this before naming the layer.
  static func checkInterpolation(_ arguments: LayerArguments) throws(KerasError) {
    let interpolation = try arguments.string("interpolation") ?? "bilinear"
    if !interpolations.contains(interpolation) {
      throw KerasError(
        "NotImplementedError",
        "Value not recognized for `interpolation`: \(interpolation). Supported values are: dict_keys(["
          + interpolations.map { "'\($0)'" }.joined(separator: ", ") + "])")
    }
  }

  /// `tf.image.resize` methods, in the order of tf-keras' `_TF_INTERPOLATION_METHODS`.
  static let interpolations = [
    "bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5", "gaussian", "mitchellcubic",
  ]

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if common.kerasVersion == .keras3 && input.rank != 4 && input.rank >= 2 {
      // Keras 3's `compute_output_shape` takes any input that is not 4-D for one unbatched
      // image and sets its first two dimensions (measured with Keras 3.15.1: (None, 10) gives
      // (4, 4), (None, 2, 4, 4, 3) gives (2, 2, 4, 4, 3) for `Resizing(4, 4)`/`(2, 2)`).
      for size in [height, width] where size < 0 {
        throw .value("Dimension \(size) must be >= 0")
      }
      var dimensions = input.dimensions
      dimensions[0] = height
      dimensions[1] = width
      return TensorShape(dimensions)
    }
    guard input.rank == 3 || input.rank == 4 else {
      throw ShapeErrors.inCall(
        layer: name, className: className, input: input,
        "'images' must have either 3 or 4 dimensions.")
    }
    for size in [height, width] where size < 0 {
      throw .value("Dimension \(size) must be >= 0")
    }
    return Self.imageOutputShape(input, height: height, width: width)
  }

  /// (..., H, W, C) -> (..., height, width, C) for the image layers that fix the spatial size.
  static func imageOutputShape(_ input: TensorShape, height: Int, width: Int) -> TensorShape {
    var dimensions = input.dimensions
    dimensions[dimensions.count - 3] = height
    dimensions[dimensions.count - 2] = width
    return TensorShape(dimensions)
  }

  /// `tf.image.crop_to_bounding_box`'s refusal of an empty or negative window, which the crop
  /// layers reach in `call` (`training=True` is shown for random layers).
  static func checkCropWindow(
    layer: String, className: String, input: TensorShape, height: Int, width: Int,
    training: Bool = false
  ) throws(KerasError) {
    for (size, name) in [(height, "target_height"), (width, "target_width")] where size <= 0 {
      var error = ShapeErrors.inCall(
        layer: layer, className: className, input: input, "\(name) must be > 0.")
      if training { error.message += "\n  • training=True" }
      throw error
    }
  }

  /// TensorFlow's refusal when an image layer reads `tf.shape(inputs)[-3]` of an input of rank
  /// < 3, wrapped as Keras wraps errors from `call` (`training=True` is shown for random layers).
  static func missingImageAxes(
    layer: String, className: String, input: TensorShape, slice: String = "strided_slice",
    training: Bool = false
  ) -> KerasError {
    let node = "\(layer)/\(slice)"
    let rank = input.rank
    var error = ShapeErrors.inCall(
      layer: layer, className: className, input: input,
      "slice index \(rank - 3) of dimension 0 out of bounds. for '{{node \(node)}} = StridedSlice[Index=DT_INT32, T=DT_INT32, begin_mask=0, ellipsis_mask=0, end_mask=0, new_axis_mask=0, shrink_axis_mask=1](\(layer)/Shape, \(node)/stack, \(node)/stack_1, \(node)/stack_2)' with input shapes: [\(rank)], [1], [1], [1] and with computed input tensors: input[1] = <-3>, input[2] = <-2>, input[3] = <1>."
    )
    if training { error.message += "\n  • training=True" }
    return error
  }
}

// MARK: Forward pass

extension Resizing {
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let input = try preparation.builtInput()
    // Keras 3 gives inputs of other ranks a shape (see `outputShape`) but no image to resize;
    // and it checks `interpolation` only here. One image without a batch axis
    // (`resize_and_rescale(image)`) resizes as a batch of one.
    guard input.rank == 4 || input.rank == 3 else {
      throw ForwardError(
        .model,
        "ConvBook's forward pass of Resizing takes images (3-D inputs) or batches of them (4-D); layer \"\(preparation.instance.name)\" gets \(input)"
      )
    }
    guard Self.interpolations.contains(interpolation) else {
      throw preparation.limitation(
        "ConvBook does not support interpolation='\(interpolation)' in Resizing yet")
    }
    return .step(.resizing(method: interpolation, crop: cropToAspectRatio))
  }
}

// MARK: Training

extension Resizing {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension Resizing {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
