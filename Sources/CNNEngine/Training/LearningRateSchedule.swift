import Foundation

/// A learning-rate schedule of `keras.optimizers.schedules` (tf-keras 2.21 and Keras 3.15 compute
/// them alike): the rate at an optimizer step (0 at the first update), in float32 as TensorFlow's
/// ops compute it. An optimizer given one reads it before each update (`Optimizer.schedule`).
///
/// - ExponentialDecay: initial * decay_rate ^ (step / decay_steps) (the exponent floored when
///   `staircase`);
/// - InverseTimeDecay: initial / (1 + decay_rate * step / decay_steps) (floored when `staircase`);
/// - PiecewiseConstantDecay: values[i] for boundaries[i-1] < step <= boundaries[i];
/// - PolynomialDecay: (initial - end) * (1 - min(step, decay_steps) / decay_steps) ^ power + end;
/// - CosineDecay: initial * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) /
///   decay_steps)) + alpha).
///
/// `PolynomialDecay(cycle=True)` and `CosineDecay`'s warmup are ConvBook's limitation.
public struct LearningRateSchedule: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case exponentialDecay = "ExponentialDecay"
    case inverseTimeDecay = "InverseTimeDecay"
    case piecewiseConstantDecay = "PiecewiseConstantDecay"
    case polynomialDecay = "PolynomialDecay"
    case cosineDecay = "CosineDecay"
  }

  public let kind: Kind
  /// The settings by parameter name (positional arguments put under their names).
  public let settings: [String: ArgumentValue]

  /// Each class's parameters in `__init__`'s order, with Keras' defaults (nil: required; the
  /// `name` default is tf-keras' None, Keras 3's the class's own name: see `keras3Name`).
  public static func parameters(_ kind: Kind) -> [(String, ArgumentValue?)] {
    switch kind {
    case .exponentialDecay, .inverseTimeDecay:
      return [
        ("initial_learning_rate", nil), ("decay_steps", nil), ("decay_rate", nil),
        ("staircase", .bool(false)), ("name", ArgumentValue.none),
      ]
    case .piecewiseConstantDecay:
      return [("boundaries", nil), ("values", nil), ("name", ArgumentValue.none)]
    case .polynomialDecay:
      return [
        ("initial_learning_rate", nil), ("decay_steps", nil), ("end_learning_rate", .float(0.0001)),
        ("power", .float(1.0)), ("cycle", .bool(false)), ("name", ArgumentValue.none),
      ]
    case .cosineDecay:
      return [
        ("initial_learning_rate", nil), ("decay_steps", nil), ("alpha", .float(0.0)),
        ("name", ArgumentValue.none), ("warmup_target", ArgumentValue.none),
        ("warmup_steps", .int(0)),
      ]
    }
  }

  /// Keras 3's default `name` of each class (tf-keras' is None).
  public static func keras3Name(_ kind: Kind) -> String {
    kind == .piecewiseConstantDecay ? "PiecewiseConstant" : kind.rawValue
  }

  /// The schedule an object stands for, nil for an object that is no schedule ConvBook knows;
  /// a missing argument or a setting ConvBook does not compute is thrown as its message.
  public static func make(_ object: KerasObject) throws(TrainingError) -> LearningRateSchedule? {
    guard let kind = Kind(rawValue: object.typeName) else { return nil }
    let parameters = parameters(kind)
    var settings: [String: ArgumentValue] = [:]
    for (index, (label, value)) in object.arguments.enumerated() {
      if label.hasPrefix("arg") {
        guard index < parameters.count else {
          throw TrainingError(
            .configuration,
            "\(object.typeName)() takes at most \(parameters.count) positional arguments")
        }
        settings[parameters[index].0] = value
      } else {
        settings[label] = value
      }
    }
    for (label, standard) in parameters where settings[label] == nil {
      guard let standard else {
        throw TrainingError(
          .configuration,
          "\(object.typeName).__init__() missing 1 required positional argument: '\(label)'")
      }
      settings[label] = standard
    }
    let schedule = LearningRateSchedule(kind: kind, settings: settings)
    if kind == .polynomialDecay, settings["cycle"] == .bool(true) {
      throw TrainingError(
        .configuration, "ConvBook does not support PolynomialDecay(cycle=True) yet")
    }
    if kind == .cosineDecay, settings["warmup_target"] != ArgumentValue.none {
      throw TrainingError(.configuration, "ConvBook does not support CosineDecay with a warmup yet")
    }
    // Every number it needs must be one.
    _ = try schedule.rate(at: 0)
    return schedule
  }

  private func number(_ name: String) throws(TrainingError) -> Float {
    switch settings[name] {
    case .int(let value)?: return Float(value)
    case .float(let value)?: return Float(value)
    default:
      throw TrainingError(
        .configuration, "ConvBook computes \(kind.rawValue)(\(name)=...) only for a number")
    }
  }

  private func numbers(_ name: String) throws(TrainingError) -> [Float] {
    guard let items = settings[name]?.sequenceItems else {
      throw TrainingError(
        .configuration, "ConvBook computes \(kind.rawValue)(\(name)=...) only for a list of numbers"
      )
    }
    var result: [Float] = []
    for item in items {
      switch item {
      case .int(let value): result.append(Float(value))
      case .float(let value): result.append(Float(value))
      default:
        throw TrainingError(
          .configuration,
          "ConvBook computes \(kind.rawValue)(\(name)=...) only for a list of numbers")
      }
    }
    return result
  }

  /// TensorFlow's CPU kernels flush subnormal results to zero.
  private func flushed(_ value: Float) -> Float {
    value.magnitude < Float.leastNormalMagnitude ? 0 * value : value
  }

  /// The rate at optimizer step `step`, in float32.
  public func rate(at step: Int) throws(TrainingError) -> Float {
    flushed(try unflushedRate(at: step))
  }

  private func unflushedRate(at step: Int) throws(TrainingError) -> Float {
    let step = Float(step)
    switch kind {
    case .exponentialDecay:
      var exponent = step / (try number("decay_steps"))
      if settings["staircase"] == .bool(true) { exponent = exponent.rounded(.down) }
      let power = flushed(Foundation.pow(try number("decay_rate"), exponent))
      return try number("initial_learning_rate") * power
    case .inverseTimeDecay:
      var ratio = step / (try number("decay_steps"))
      if settings["staircase"] == .bool(true) { ratio = ratio.rounded(.down) }
      return try number("initial_learning_rate") / (1 + (try number("decay_rate")) * ratio)
    case .piecewiseConstantDecay:
      let boundaries = try numbers("boundaries")
      let values = try numbers("values")
      guard values.count == boundaries.count + 1 else {
        throw TrainingError(
          .configuration,
          "The length of boundaries should be 1 less than the length of values")
      }
      for (index, boundary) in boundaries.enumerated() where step <= boundary {
        return values[index]
      }
      return values[values.count - 1]
    case .polynomialDecay:
      let decaySteps = try number("decay_steps")
      let fraction = Swift.min(step, decaySteps) / decaySteps
      let initial = try number("initial_learning_rate")
      let end = try number("end_learning_rate")
      return (initial - end) * flushed(Foundation.pow(1 - fraction, try number("power"))) + end
    case .cosineDecay:
      let decaySteps = try number("decay_steps")
      let fraction = Swift.min(step, decaySteps) / decaySteps
      let cosine = 0.5 * (1 + Foundation.cos(Float.pi * fraction))
      let alpha = try number("alpha")
      let decayed = (1 - alpha) * cosine + alpha
      return try number("initial_learning_rate") * decayed
    }
  }
}
