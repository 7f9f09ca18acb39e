/// `Normalization`: (x - mean) / max(sqrt(variance), 1e-7) per index of the kept `axis`.
///
/// Given `mean=` and `variance=`, the statistics are constants and the layer has no weights; else
/// it creates the non-trainable weights `mean` and `variance` (the kept axes' shape) and the scalar
/// `count`, so Keras counts 2*C+1 parameters for `axis=-1`.
public struct Normalization: Layer {
  public let common: LayerCommon
  /// The kept axes as given (`-1`), empty for `axis=None`.
  public let axis: [Int]
  /// The constants given as `mean=` / `variance=` (one value or one per kept index).
  public let mean: [Double]?
  public let variance: [Double]?
  public let invert: Bool

  public var className: String { "Normalization" }

  public static let signature = LayerSignature(
    "Normalization",
    [
      .init("axis", .int(-1)), .init("mean", .none), .init("variance", .none),
      .init("invert", .bool(false)),
    ])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    let arguments = common.arguments
    switch arguments["axis"] {
    case .none: axis = []
    case .int(let single): axis = [single]
    case let other:
      guard let items = other.sequenceItems else {
        throw .typeError(
          "Expected an int or a list/tuple of ints for the argument 'axis', but received: \(other)")
      }
      var collected: [Int] = []
      for item in items {
        guard case .int(let value) = item else {
          throw .typeError(
            "Expected an int or a list/tuple of ints for the argument 'axis', but received: \(other)"
          )
        }
        collected.append(value)
      }
      axis = collected
    }
    let meanGiven = !arguments.isNone("mean")
    let varianceGiven = !arguments.isNone("variance")
    if meanGiven != varianceGiven {
      throw .value(
        "When setting values directly, both `mean` and `variance` must be set. Got mean: \(arguments["mean"]) and variance: \(arguments["variance"])"
      )
    }
    mean = meanGiven ? try Self.numbers(arguments["mean"], "mean") : nil
    variance = varianceGiven ? try Self.numbers(arguments["variance"], "variance") : nil
    invert = try arguments.bool("invert")
  }

  private static func numbers(_ value: ArgumentValue, _ name: String) throws(KerasError)
    -> [Double]
  {
    switch value {
    case .int(let number): return [Double(number)]
    case .float(let number): return [number]
    default:
      guard let items = value.sequenceItems else {
        throw .typeError("Expected a number or a list of numbers for `\(name)`. Received: \(value)")
      }
      var result: [Double] = []
      for item in items {
        switch item {
        case .int(let number): result.append(Double(number))
        case .float(let number): result.append(number)
        default:
          throw .typeError(
            "Expected a number or a list of numbers for `\(name)`. Received: \(value)")
        }
      }
      return result
    }
  }

  /// The kept axes as non-negative indices of `input`.
  public func keptAxes(for input: TensorShape) throws(KerasError) -> [Int] {
    let rank = input.rank
    var kept: [Int] = []
    for value in axis {
      if value < -rank || value >= rank {
        throw .value(
          "All `axis` values must be in the range [-ndim, ndim). Found ndim: `\(rank)`, axis: \(axisDescription)"
        )
      }
      kept.append(value < 0 ? value + rank : value)
    }
    for index in kept where input[index] == nil {
      throw .value(
        "All `axis` values to be kept must have known shape. Got axis: \(axisDescription), input shape: \(input.listDescription), with unknown axis at index: \(index)"
      )
    }
    return kept
  }

  private var axisDescription: String {
    "(" + axis.map(String.init).joined(separator: ", ") + (axis.count == 1 ? ",)" : ")")
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    let kept = try keptAxes(for: input)
    // `input_mean * np.ones(kept shape)`: numpy's broadcasting decides what a list may hold.
    let keptShape = kept.map { input[$0] ?? 0 }
    for (argument, values) in [("mean", mean), ("variance", variance)] {
      guard let values, case .list = common.arguments[argument] else { continue }
      if values.count != 1, let last = keptShape.last, values.count != last {
        throw .value(
          "operands could not be broadcast together with shapes (\(values.count),) (\(keptShape.map(String.init).joined(separator: ","))\(keptShape.count == 1 ? "," : "")) "
        )
      }
    }
    return input
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    guard mean == nil else { return [] }
    let kept = (try? keptAxes(for: input)) ?? []
    let shape = kept.map { input[$0] ?? 0 }
    return [
      WeightSpec("mean", shape, trainable: false, initializer: .string("zeros")),
      WeightSpec("variance", shape, trainable: false, initializer: .string("ones")),
      WeightSpec(
        "count", [], trainable: false, initializer: .string("zeros"), bytesPerValue: 8),
    ]
  }
}

// MARK: Cost

extension Normalization {
  /// None: normalization is not counted.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension Normalization {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let kept = try preparation.withBuiltInput(keptAxes(for:))
    if let mean, let variance {
      return .step(
        .normalization(
          keptAxes: kept, mean: mean.map { Float($0) }, variance: variance.map { Float($0) },
          invert: invert))
    }
    return .step(
      .normalization(
        keptAxes: kept, mean: try preparation.weight("mean").scalars,
        variance: try preparation.weight("variance").scalars, invert: invert))
  }
}

// MARK: Training

extension Normalization {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension Normalization {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
