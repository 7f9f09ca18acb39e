import CNNKernels

/// `BatchNormalization`: per-channel scale (gamma) and shift (beta), trainable, and the moving mean and
/// variance, which are not: 4*C parameters, 2*C of them non-trainable.
public struct BatchNormalization: InputSpecLayer, WeightAttributeLayer {
  public let common: LayerCommon
  public let axes: [Int]
  public let epsilon: Double
  public let center: Bool
  public let scale: Bool

  /// `BatchNormalization`, or tf-keras' `layers.experimental.SyncBatchNormalization`, which
  /// computes the same on one device (its statistics are summed across replicas).
  public let className: String

  /// The arguments both classes take, in order.
  private static let commonParameters: [LayerSignature.Parameter] = [
    .init("axis", .int(-1)), .init("momentum", .float(0.99)), .init("epsilon", .float(0.001)),
    .init("center", .bool(true)), .init("scale", .bool(true)),
    .init("beta_initializer", .string("zeros")), .init("gamma_initializer", .string("ones")),
    .init("moving_mean_initializer", .string("zeros")),
    .init("moving_variance_initializer", .string("ones")), .init("beta_regularizer", .none),
    .init("gamma_regularizer", .none), .init("beta_constraint", .none),
    .init("gamma_constraint", .none),
  ]

  public static let signature = LayerSignature(
    "BatchNormalization",
    commonParameters + [
      .init("synchronized", .bool(false)),
      .init("renorm", .bool(false)), .init("renorm_clipping", .none),
      .init("renorm_momentum", .float(0.99)), .init("fused", .none),
      .init("virtual_batch_size", .none), .init("adjustment", .none),
    ])

  public static let syncSignature = LayerSignature("SyncBatchNormalization", commonParameters)

  public init(_ common: LayerCommon, className: String = "BatchNormalization") throws(KerasError) {
    self.common = common
    self.className = className
    let arguments = common.arguments
    axes =
      common.kerasVersion == .keras3
      ? [try Self.keras3Axis(arguments["axis"])]
      : try Self.axisList(arguments["axis"], className: "BatchNormalization")
    epsilon = try arguments.double("epsilon")
    center = try arguments.bool("center")
    scale = try arguments.bool("scale")
  }

  /// tf-keras' `tf_utils.validate_axis`: negative axes counted from the end, each then within
  /// the rank, none twice; the error shows the axes as resolved, as a tuple.
  static func validateAxes(_ axes: [Int], rank: Int) throws(KerasError) -> [Int] {
    let resolved = axes.map { $0 < 0 ? $0 + rank : $0 }
    let tuple = TensorShape.tuple(resolved)
    if resolved.contains(where: { $0 < 0 || $0 >= rank }) {
      throw .value(
        "Invalid value for `axis` argument. Expected 0 <= axis < inputs.rank (with inputs.rank=\(rank)). Received: axis=\(tuple)"
      )
    }
    if Set(resolved).count != resolved.count { throw .value("Duplicate axis: \(tuple)") }
    return resolved
  }

  static func axisList(_ value: ArgumentValue, className: String) throws(KerasError) -> [Int] {
    switch value {
    case .int(let axis): return [axis]
    case .tuple(let items), .list(let items):
      var axes: [Int] = []
      for item in items {
        guard case .int(let axis) = item else {
          throw .typeError(
            "Expected an int or a list/tuple of ints for the argument 'axis', but received: \(value)"
          )
        }
        axes.append(axis)
      }
      return axes
    default:
      throw .typeError(
        "Expected an int or a list/tuple of ints for the argument 'axis', but received: \(value)")
    }
  }

  /// Keras 3's `BatchNormalization` takes one axis, `int(axis)`: a float is truncated, a bool is
  /// 0 or 1, a string is read as Python reads a decimal literal (`'-1'`, the axis PyImageSearch's
  /// MiniVGGNet passes), anything else is Python's own error.
  /// What Keras 3's build says of an axis past 64 bits.
  private static let axisPastIndexRange = KerasError(
    "IndexError", "cannot fit 'int' into an index-sized integer")

  static func keras3Axis(_ value: ArgumentValue) throws(KerasError) -> Int {
    switch value {
    case .int(let axis): return axis
    case .bool(let flag): return flag ? 1 : 0
    case .float(let number):
      if number.isNaN { throw .value("cannot convert float NaN to integer") }
      guard let axis = Int(exactly: number.rounded(.towardZero)) else {
        if number.isInfinite {
          throw KerasError("OverflowError", "cannot convert float infinity to integer")
        }
        throw Self.axisPastIndexRange
      }
      return axis
    case .string(let text):
      // Python's int(): surrounding whitespace, one sign, digits with single underscores between.
      var digits = text.drop(while: \.isWhitespace)
      while digits.last?.isWhitespace == true { digits = digits.dropLast() }
      var negative = false
      if let sign = digits.first, sign == "+" || sign == "-" {
        negative = sign == "-"
        digits = digits.dropFirst()
      }
      let valid =
        !digits.isEmpty && digits.first != "_" && digits.last != "_"
        && !digits.contains("__") && digits.allSatisfy { $0 == "_" || ("0"..."9").contains($0) }
      guard valid else {
        throw .value("invalid literal for int() with base 10: \(PythonFormat.quoted(text))")
      }
      guard let axis = Int((negative ? "-" : "") + digits.filter { $0 != "_" }) else {
        throw Self.axisPastIndexRange
      }
      return axis
    default:
      throw .typeError(
        "int() argument must be a string, a bytes-like object or a real number, not '\(value.pythonTypeName)'"
      )
    }
  }

  /// How TensorFlow computes a training-mode call on an input of `rank` for tf-keras or Keras 3
  /// (`keras3`): tf-keras' fused kernel for rank 4 and 5 over the last axis, its unfused ops
  /// otherwise; nil where ConvBook does not run it (renormalization, virtual batches, an
  /// adjustment, a normalized axis other than the last).
  public func trainingFormula(inputRank rank: Int, keras3: Bool) -> BatchNormalizationTraining
    .Formula?
  {
    let arguments = common.arguments
    for name in ["renorm", "virtual_batch_size", "adjustment"] {
      switch arguments[name] {
      case .none, .bool(false): continue
      default: return nil
      }
    }
    guard axes.count == 1, axes[0] == -1 || axes[0] == rank - 1 else { return nil }
    if className == "SyncBatchNormalization" { return .synchronized(keras3: false) }
    if keras3 {
      if case .bool(true) = arguments["synchronized"] { return .synchronized(keras3: true) }
      return .keras3
    }
    let fused: Bool
    switch arguments["fused"] {
    case .bool(let given): fused = given
    default: fused = true
    }
    return fused && (rank == 4 || rank == 5) ? .fused : .unfused
  }

  /// Keras' `momentum` of the moving statistics.
  public var momentum: Double { (try? common.arguments.double("momentum")) ?? 0.99 }

  /// The axes normalized against the input rank, in the order given.
  func resolvedAxes(for input: TensorShape) throws(KerasError) -> [Int] {
    let resolved = try Self.validateAxes(axes, rank: input.rank)
    if resolved.contains(where: { input[$0] == nil }) {
      throw .value(
        "Input has undefined `axis` dimension. Received input with shape \(input) and axis=\(TensorShape.tuple(resolved))"
      )
    }
    return resolved
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    _ = try resolvedAxes(for: input)
    return input
  }

  /// One value per channel when normalizing one axis; otherwise Keras keeps broadcastable 1s.
  func parameterShape(for input: TensorShape) -> [Int] {
    let resolved = (try? resolvedAxes(for: input)) ?? []
    if resolved.count == 1 { return [input[resolved[0]] ?? 0] }
    return (0..<input.rank).map { resolved.contains($0) ? (input[$0] ?? 0) : 1 }
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    let shape = parameterShape(for: input)
    let arguments = common.arguments
    var specs: [WeightSpec] = []
    if scale {
      specs.append(WeightSpec("gamma", shape, initializer: arguments["gamma_initializer"]))
    }
    if center {
      specs.append(WeightSpec("beta", shape, initializer: arguments["beta_initializer"]))
    }
    specs.append(
      WeightSpec(
        "moving_mean", shape, trainable: false, initializer: arguments["moving_mean_initializer"]))
    specs.append(
      WeightSpec(
        "moving_variance", shape, trainable: false,
        initializer: arguments["moving_variance_initializer"]))
    return specs
  }
}

// MARK: Cost

extension BatchNormalization {
  /// None: normalization is not counted.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension BatchNormalization {
  public var maskEffect: MaskEffect { .carry }
  public var symbolicMasking: SymbolicMasking { SymbolicMasking(takes: true, carries: true) }

  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    let axes = try preparation.withBuiltInput(resolvedAxes(for:))
    return .step(
      .batchNormalization(
        axes: axes, gamma: try preparation.optionalWeight("gamma", scale),
        beta: try preparation.optionalWeight("beta", center),
        mean: try preparation.weight("moving_mean"),
        variance: try preparation.weight("moving_variance"), epsilon: Float(epsilon),
        fused: preparation.keras3 ? false : nil))
  }
}

// MARK: Training

extension BatchNormalization {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    let (axes, input) = try preparation.axes(resolvedAxes(for:))
    guard axes == [input.rank - 1] else {
      throw preparation.refuse("BatchNormalization over an axis other than the last")
    }
    guard trainingFormula(inputRank: input.rank, keras3: false) != nil else {
      throw preparation.refuse("BatchNormalization with renorm, virtual_batch_size or adjustment")
    }
    return .step(.batchNormalization(self))
  }
}

// MARK: Settings

extension BatchNormalization {
  public func setting(_ name: String) -> LayerSetting? {
    switch name {
    case "epsilon": .float(epsilon)
    case "axis": axes.count == 1 ? .int(axes[0]) : .intList(axes)
    default: nil
    }
  }
}

// MARK: Input spec

extension BatchNormalization {
  /// The normalized axes: tf-keras reports each resolved (`3`), Keras 3 as given (`-1`).
  public func inputSpecAxes(rank: Int, keras3: Bool) -> [InputSpecAxis] {
    let resolved = (try? Self.validateAxes(axes, rank: rank)) ?? []
    if keras3, axes.count == resolved.count {
      return zip(axes, resolved).map { InputSpecAxis(reported: $0, index: $1) }
    }
    return resolved.map { InputSpecAxis(reported: $0, index: $0) }
  }
}

// MARK: Python attributes

extension BatchNormalization {
  /// `gamma`, `beta`, `moving_mean` and `moving_variance`.
  public var weightAttributeNames: [String] { ["gamma", "beta", "moving_mean", "moving_variance"] }
}
