import CNNKernels

/// `Activation`: applies a named activation function; the shape is unchanged.
public struct Activation: WeightlessLayer {
  public let common: LayerCommon
  public let function: ActivationFunction

  public var className: String { "Activation" }

  public static let signature = LayerSignature("Activation", [.required("activation")])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    function = try common.arguments.activation(version: common.kerasVersion)
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }
}

/// `ReLU`: max(x, 0) with optional `max_value`, `negative_slope` and `threshold`.
public struct ReLU: WeightlessLayer {
  public let common: LayerCommon
  public let maxValue: Double?
  public let negativeSlope: Double
  public let threshold: Double

  public var className: String { "ReLU" }

  public static let signature = LayerSignature(
    "ReLU",
    [.init("max_value", .none), .init("negative_slope", .float(0)), .init("threshold", .float(0))])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let arguments = common.arguments
    maxValue = try arguments.optionalDouble("max_value")
    if let maxValue, maxValue < 0 {
      throw .value(
        "max_value of a ReLU layer cannot be a negative value. Received: \(arguments["max_value"])")
    }
    guard let slope = try arguments.optionalDouble("negative_slope"), slope >= 0 else {
      throw .value(
        "negative_slope of a ReLU layer cannot be a negative value. Received: \(arguments["negative_slope"])"
      )
    }
    negativeSlope = slope
    guard let threshold = try arguments.optionalDouble("threshold"), threshold >= 0 else {
      throw .value(
        "threshold of a ReLU layer cannot be a negative value. Received: \(arguments["threshold"])")
    }
    self.threshold = threshold
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }
}

/// `LeakyReLU`: x for x >= 0, alpha*x below (tf-keras spells the slope `alpha`, Keras 3
/// `negative_slope`; default 0.3).
public struct LeakyReLU: WeightlessLayer {
  public let common: LayerCommon
  public let alpha: Double

  public var className: String { "LeakyReLU" }

  public static let signature = LayerSignature("LeakyReLU", [.init("alpha", .float(0.3))])
  /// Keras 3's `LeakyReLU(negative_slope=0.3, **kwargs)`, where a keyword `alpha` (deprecated)
  /// replaces the slope: `keras3Keywords` renames it before binding.
  public static let keras3Signature = LayerSignature(
    "LeakyReLU", [.init("negative_slope", .float(0.3))])

  /// Keras 3's keywords with a deprecated `alpha` standing for `negative_slope` (which it
  /// overrides, as `kwargs.pop("alpha")` does), and the positional slope it overrides dropped.
  static func keras3Arguments(
    positional: [ArgumentValue], keywords: [(String, ArgumentValue)]
  ) -> (positional: [ArgumentValue], keywords: [(String, ArgumentValue)]) {
    guard let alpha = keywords.last(where: { $0.0 == "alpha" })?.1 else {
      return (positional, keywords)
    }
    let others = keywords.filter { $0.0 != "alpha" && $0.0 != "negative_slope" }
    return (Array(positional.dropFirst()), [("negative_slope", alpha)] + others)
  }

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    if common.kerasVersion == .keras3 {
      let given = common.arguments["negative_slope"]
      guard let slope = try common.arguments.optionalDouble("negative_slope"), slope >= 0 else {
        throw .value(
          "The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=\(given)"
        )
      }
      alpha = slope
      return
    }
    guard let alpha = try common.arguments.optionalDouble("alpha") else {
      throw .value(
        "The alpha value of a Leaky ReLU layer cannot be None. Expecting a float. Received: None")
    }
    self.alpha = alpha
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }
}

/// `ELU`: x for x > 0, alpha*(exp(x) - 1) below.
public struct ELU: WeightlessLayer {
  public let common: LayerCommon
  public let alpha: Double

  public var className: String { "ELU" }

  public static let signature = LayerSignature("ELU", [.init("alpha", .float(1.0))])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    guard let alpha = try common.arguments.optionalDouble("alpha") else {
      throw .value("Alpha of an ELU layer cannot be None, expecting a float. Received: None")
    }
    self.alpha = alpha
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }
}

/// `Softmax` over `axis` (default the last).
public struct Softmax: WeightlessLayer {
  public let common: LayerCommon
  public let axis: Int

  public var className: String { "Softmax" }

  public static let signature = LayerSignature("Softmax", [.init("axis", .int(-1))])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    axis = try common.arguments.int("axis")
  }

  /// TensorFlow's softmax refuses an axis outside the input's dimensions (tf-keras where the
  /// layer is called on a Keras tensor, Keras 3 where it runs, each in its own report of the
  /// call); ConvBook refuses it where the layer is called, instead of a made-up ValueError when
  /// it runs (hostile batch4 f09).
  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    guard axis >= -input.rank && axis < input.rank else {
      throw .limitation(
        "ConvBook does not support a Softmax axis (\(axis)) outside the \(input.rank) dimensions of its input yet"
      )
    }
    return input
  }
}

/// Layers that change neither shape nor parameters and compute nothing at inference:
/// `Rescaling` (which does scale), `GaussianNoise`, `GaussianDropout`, `AlphaDropout`,
/// `ActivityRegularization`, `Identity`.
public struct ShapePreservingLayer: WeightlessLayer {
  public let common: LayerCommon
  public let className: String

  public static let signatures: [LayerSignature] = [
    LayerSignature("Rescaling", [.required("scale"), .init("offset", .float(0))]),
    LayerSignature("GaussianNoise", [.required("stddev"), .init("seed", .none)]),
    LayerSignature("GaussianDropout", [.required("rate"), .init("seed", .none)]),
    LayerSignature(
      "AlphaDropout", [.required("rate"), .init("noise_shape", .none), .init("seed", .none)]),
    LayerSignature("ActivityRegularization", [.init("l1", .float(0)), .init("l2", .float(0))]),
    LayerSignature("Identity", []),
  ]

  public init(className: String, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.className = className
    if className == "Rescaling" {
      // A list scale (Keras 3's EfficientNet scales each channel) broadcasts over the last axis.
      if let scales = common.arguments["scale"].sequenceItems {
        for item in scales {
          _ = try LayerArguments(className: className, values: ["scale": item]).double("scale")
        }
      } else {
        _ = try common.arguments.double("scale")
      }
      _ = try common.arguments.double("offset")
    }
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }
}

// MARK: Forward pass

extension Activation {
  public var maskEffect: MaskEffect { .carry }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.activation(function))
  }
}

extension ReLU {
  public var maskEffect: MaskEffect { .carry }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .activation(
        .relu(
          negativeSlope: Float(negativeSlope), maxValue: maxValue.map { Float($0) },
          threshold: Float(threshold))))
  }
}

extension LeakyReLU {
  public var maskEffect: MaskEffect { .carry }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.activation(.leakyReLU(alpha: Float(alpha))))
  }
}

extension ELU {
  public var maskEffect: MaskEffect { .carry }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.activation(.elu(alpha: Float(alpha))))
  }
}

extension Softmax {
  /// Keras 3's `Softmax.call` takes the mask (masked positions get a large negative first).
  public var symbolicMasking: SymbolicMasking {
    SymbolicMasking(takes: true, carries: maskEffect == .carry)
  }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.activation(.softmax(axis: axis)))
  }
}

extension ShapePreservingLayer {
  public var maskEffect: MaskEffect { .carry }

  /// `Rescaling` scales; the noise and regularization layers do nothing at inference.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    guard className == "Rescaling" else { return .step(.identity) }
    if let items = common.arguments["scale"].sequenceItems {
      // Keras 3's per-channel `Rescaling(scale=[...])` (EfficientNet's ImageNet scaling).
      return .step(try perChannelRescaling(items, preparation))
    }
    let scale: Double
    let offset: Double
    do {
      scale = try common.arguments.double("scale")
      offset = try common.arguments.double("offset")
    } catch {
      throw ForwardError(.model, error.message)
    }
    return .step(.rescaling(scale: Float(scale), offset: Float(offset)))
  }

  /// `Rescaling` with one scale per channel of the last axis and no offset; other broadcasts are
  /// ConvBook's limitation.
  private func perChannelRescaling(_ items: [ArgumentValue], _ preparation: ForwardPreparation)
    throws(ForwardError) -> ForwardStep.Operation
  {
    var scales: [Float] = []
    for item in items {
      switch item {
      case .int(let value): scales.append(Float(value))
      case .float(let value): scales.append(Float(value))
      default:
        throw preparation.limitation(
          "ConvBook does not support a Rescaling scale list holding \(item) yet")
      }
    }
    let offset: Double
    do {
      offset = try common.arguments.double("offset")
    } catch {
      throw ForwardError(.model, error.message)
    }
    guard offset == 0, let channels = preparation.instance.inputShape?.dimensions.last ?? nil,
      channels == scales.count
    else {
      throw preparation.limitation(
        "ConvBook supports a Rescaling scale list only with one scale per channel of the last axis and no offset"
      )
    }
    return .scaleLastAxis(scales)
  }
}

// MARK: Training

extension Activation {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.activation(try preparation.activation(function)))
  }
}

// MARK: Training

extension ReLU {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(
      .activation(
        .relu(
          negativeSlope: Float(negativeSlope), maxValue: maxValue.map { Float($0) },
          threshold: Float(threshold))))
  }
}

// MARK: Training

extension LeakyReLU {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.activation(.leakyReLU(alpha: Float(alpha))))
  }
}

// MARK: Training

extension ELU {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.activation(.elu(alpha: Float(alpha))))
  }
}

// MARK: Training

extension Softmax {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.activation(try preparation.activation(.softmax(axis: axis))))
  }
}

// MARK: Training

extension ShapePreservingLayer {
  /// `Identity`, and `Rescaling` with one scale; the noise layers (random in training) and a
  /// per-channel scale list are not trained yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    if className == "Identity" { return .step(.identity) }
    guard className == "Rescaling", common.arguments["scale"].sequenceItems == nil,
      let scale = try? common.arguments.double("scale"),
      let offset = try? common.arguments.double("offset")
    else { throw preparation.unsupported() }
    return .step(.rescaling(scale: Float(scale), offset: Float(offset)))
  }
}

// MARK: Settings

extension LeakyReLU {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    // tf-keras calls the slope `alpha`, Keras 3 `negative_slope`.
    case "alpha" where common.kerasVersion == .keras2: .float(alpha)
    case "negative_slope" where common.kerasVersion == .keras3: .float(alpha)
    default: nil
    }
  }
}

// MARK: Settings

extension Activation {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "activation": .givenActivation(common)
    default: nil
    }
  }
}

// MARK: Settings

extension ReLU {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}

// MARK: Settings

extension ELU {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}

// MARK: Settings

extension Softmax {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}

// MARK: Settings

extension ShapePreservingLayer {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
