/// An activation cheap enough to apply while the result is still in registers (a clamp), so a
/// convolution or dense layer followed by ReLU writes its output once instead of twice.
public enum FusedActivation: Sendable, Equatable {
  case linear
  /// max(x, 0)
  case relu
  /// min(max(x, lower), upper); `relu` with `max_value` is clamp(0, max_value).
  case clamp(lower: Float, upper: Float)

  var bounds: (lower: Float, upper: Float)? {
    switch self {
    case .linear: return nil
    case .relu: return (0, .infinity)
    case .clamp(let lower, let upper): return (lower, upper)
    }
  }

  /// One value through `bounds` as the register tiles clamp it: NaN passes through.
  @inline(__always)
  static func clamped(_ value: Float, _ bounds: (lower: Float, upper: Float)?) -> Float {
    guard let bounds else { return value }
    var value = value
    if value < bounds.lower { value = bounds.lower }
    if value > bounds.upper { value = bounds.upper }
    return value
  }
}
