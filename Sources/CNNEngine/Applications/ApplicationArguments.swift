/// The arguments of one call of an application function (`keras.applications.MobileNetV2(...)`),
/// bound to its parameters: every parameter of its signature has a value (the given one or the
/// default), `extraKeywords` holds what its `**kwargs` received, and `inputTensor` the Keras tensor
/// of `input_tensor=`.
public struct ApplicationArguments {
  public var values: [String: ArgumentValue]
  public var extraKeywords: [(String, ArgumentValue)]
  public var inputTensor: KerasTensor?

  public init(
    values: [String: ArgumentValue], extraKeywords: [(String, ArgumentValue)] = [],
    inputTensor: KerasTensor? = nil
  ) {
    self.values = values
    self.extraKeywords = extraKeywords
    self.inputTensor = inputTensor
  }

  public subscript(name: String) -> ArgumentValue { values[name] ?? .none }

  /// Python's truth value of an argument (`if include_top:`).
  func isTrue(_ name: String) -> Bool { Self.truth(self[name]) }

  static func truth(_ value: ArgumentValue) -> Bool {
    switch value {
    case .none: return false
    case .bool(let flag): return flag
    case .int(let number): return number != 0
    case .float(let number): return number != 0
    case .string(let text): return !text.isEmpty
    case .tuple(let items), .list(let items): return !items.isEmpty
    case .object: return true
    }
  }

  var includeTop: Bool { isTrue("include_top") }
  var usesImageNetWeights: Bool { self["weights"] == .string("imagenet") }
  var pooling: String? {
    if case .string(let kind) = self["pooling"] { return kind }
    return nil
  }

  /// An argument that must be an integer (`classes`, `depth_multiplier`); other values are refused
  /// as ConvBook's limitation (Keras would fail somewhere inside the build, in its own words).
  func integer(_ name: String) throws(KerasError) -> Int {
    switch self[name] {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case let other:
      throw KerasError.limitation(
        "ConvBook does not support `\(name)=\(other)` (a value of type '\(other.pythonTypeName)'); it builds applications with an integer `\(name)`"
      )
    }
  }

  /// A width multiplier (MobileNets' `alpha`), which Keras turns into filter counts with Python's
  /// `int(...)`: NaN and infinities fail there in Python's words; a finite value so large that
  /// the widths (at most 1280 base filters times an expansion of 6) would not fit 64-bit integers
  /// is refused as ConvBook's limitation before any width is converted.
  func widthMultiplier(_ name: String) throws(KerasError) -> Double {
    let value = try number(name)
    if value.isNaN { throw .value("cannot convert float NaN to integer") }
    if value.isInfinite {
      throw KerasError("OverflowError", "cannot convert float infinity to integer")
    }
    if abs(value) > 1e12 {
      throw .limitation(
        "ConvBook does not support `\(name)=\(self[name])`: the layer widths it scales would overflow 64-bit integers"
      )
    }
    return value
  }

  /// A number argument (`alpha`, `dropout`).
  func number(_ name: String) throws(KerasError) -> Double {
    switch self[name] {
    case .int(let number): return Double(number)
    case .float(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case let other:
      throw KerasError.limitation(
        "ConvBook does not support `\(name)=\(other)` (a value of type '\(other.pythonTypeName)'); it builds applications with a number for `\(name)`"
      )
    }
  }
}
