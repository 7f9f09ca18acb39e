/// The random image augmentation layers of tf-keras that keep the shape: `RandomFlip`,
/// `RandomRotation`, `RandomZoom`, `RandomContrast`, `RandomTranslation`, `RandomBrightness`.
/// They only act in training; at inference they return their input unchanged.
public struct RandomAugmentation: WeightlessLayer {
  public let common: LayerCommon
  public let className: String

  private static let fill: [LayerSignature.Parameter] = [
    .init("fill_mode", .string("reflect")), .init("interpolation", .string("bilinear")),
    .init("seed", .none), .init("fill_value", .float(0)),
  ]

  public static let signatures: [LayerSignature] = [
    LayerSignature(
      "RandomFlip", [.init("mode", .string("horizontal_and_vertical")), .init("seed", .none)]),
    LayerSignature("RandomRotation", [.required("factor")] + fill),
    LayerSignature(
      "RandomZoom", [.required("height_factor"), .init("width_factor", .none)] + fill),
    LayerSignature("RandomContrast", [.required("factor"), .init("seed", .none)]),
    LayerSignature(
      "RandomTranslation", [.required("height_factor"), .required("width_factor")] + fill),
    LayerSignature(
      "RandomBrightness",
      [
        .required("factor"), .init("value_range", .tuple([.int(0), .int(255)])),
        .init("seed", .none),
      ]
    ),
  ]

  public init(className: String, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.className = className
    let arguments = common.arguments
    if common.kerasVersion == .keras3 {
      try Self.checkKeras3(className: className, arguments)
      return
    }
    switch className {
    case "RandomFlip":
      let mode = try arguments.string("mode") ?? "None"
      if !["horizontal", "vertical", "horizontal_and_vertical"].contains(mode) {
        throw .value(
          "RandomFlip layer \(common.name) received an unknown mode argument \(mode)")
      }
    case "RandomRotation":
      let (lower, upper) = try Self.bounds(arguments, "factor", symmetric: true)
      if upper < lower {
        throw .value(
          "`factor` argument cannot have a negative value. Received: factor=\(arguments["factor"])")
      }
    case "RandomZoom", "RandomTranslation":
      for factor in ["height_factor", "width_factor"] where !arguments.isNone(factor) {
        let (lower, upper) = try Self.bounds(arguments, factor, symmetric: true)
        if className == "RandomTranslation" && upper < lower {
          throw .value(
            "`\(factor)` cannot have upper bound less than lower bound, got \(arguments[factor])")
        }
        if className == "RandomZoom" && factor == "width_factor" {
          if lower < -1 || upper < -1 {
            throw .value(
              "`width_factor` argument must have values larger than -1. Received: width_factor=\(arguments[factor])"
            )
          }
        } else if abs(lower) > 1 || abs(upper) > 1 {
          throw .value(
            "`\(factor)` argument must have values between [-1, 1]. Received: \(factor)=\(arguments[factor])"
          )
        }
      }
    case "RandomContrast":
      let (lower, upper) = try Self.bounds(arguments, "factor", symmetric: false)
      if lower < 0 || upper < 0 || lower > 1 {
        // Keras joins the two sentences without a space.
        throw .value(
          "`factor` argument cannot have negative values or values greater than 1.Received: factor=\(arguments["factor"])"
        )
      }
    default:
      break
    }
  }

  /// Keras 3's checks: no check of RandomFlip's `mode`; RandomContrast's and RandomRotation's
  /// `factor` within [0, 1] and [-1, 1] (a pair: its first value not above, its second not below);
  /// RandomZoom's and RandomTranslation's factors each number within (-1, 1] and [-1, 1].
  private static func checkKeras3(className: String, _ arguments: LayerArguments)
    throws(KerasError)
  {
    func number(_ value: ArgumentValue) throws(KerasError) -> Double {
      try LayerArguments(className: className, values: ["value": value]).double("value")
    }
    switch className {
    case "RandomContrast", "RandomRotation":
      let (low, high) = className == "RandomContrast" ? (0.0, 1.0) : (-1.0, 1.0)
      let factor = arguments["factor"]
      let refusal = KerasError.value(
        "The `factor` argument should be a number (or a list of two numbers) in the range [\(Int(low)), \(Int(high))]. Received: factor=\(factor)"
      )
      if let items = factor.sequenceItems {
        guard items.count == 2 else { throw refusal }
        let first = try number(items[0])
        let second = try number(items[1])
        if first > high || second < low { throw refusal }
      } else {
        let value = try number(factor)
        if value < low || value > high { throw refusal }
      }
    case "RandomZoom", "RandomTranslation":
      let zoom = className == "RandomZoom"
      let prefix =
        zoom
        ? "The `height_factor` and `width_factor` arguments should be a number (or a list of two numbers) in the range (-1.0, 1.0]."
        : "The `factor` argument should be a number (or a list of two numbers) in the range [-1.0, 1.0]."
      for factor in ["height_factor", "width_factor"] where !arguments.isNone(factor) {
        for item in arguments[factor].sequenceItems ?? [arguments[factor]] {
          let value = try number(item)
          if value > 1 || value < -1 || (zoom && value == -1) {
            throw .value("\(prefix) Received: input_number=\(item)")
          }
        }
      }
    default:
      break
    }
  }

  /// A factor as tf-keras reads it: a pair (lower, upper), or one number x meaning (-x, x)
  /// (`symmetric`) or (x, x).
  private static func bounds(_ arguments: LayerArguments, _ name: String, symmetric: Bool)
    throws(KerasError) -> (Double, Double)
  {
    if let items = arguments[name].sequenceItems, items.count >= 2 {
      let pair = LayerArguments(
        className: arguments.className, values: ["lower": items[0], "upper": items[1]])
      return (try pair.double("lower"), try pair.double("upper"))
    }
    let value = try arguments.double(name)
    return (symmetric ? -value : value, value)
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    // Keras 3 flips and rotates inputs of any rank symbolically.
    if input.rank < 3, common.kerasVersion == .keras2 {
      switch className {
      case "RandomFlip":
        var error = ShapeErrors.inCall(
          layer: name, className: className, input: input,
          "'image' (shape \(input)) must be at least three-dimensional.")
        error.message += "\n  • training=True"
        throw error
      case "RandomRotation":
        throw Resizing.missingImageAxes(
          layer: name, className: className, input: input, slice: "strided_slice_1",
          training: true)
      default:
        break
      }
    }
    return input
  }
}

// MARK: Forward pass

extension RandomAugmentation {
  /// Random augmentation only acts in training.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.identity)
  }
}

// MARK: Training

extension RandomAugmentation {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension RandomAugmentation {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
