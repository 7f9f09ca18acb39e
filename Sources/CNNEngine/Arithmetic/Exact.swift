/// Checked integer arithmetic for every size, shape, parameter, multiply-accumulate and memory
/// count that user input reaches: a result either is exact or is refused (`Exact.Overflow`), never
/// wrapped and never a trap.
///
/// Layers turn the refusal into ConvBook's own refusal at the layer (`KerasError.overflow`), the
/// forward pass into a memory refusal before anything is allocated.
public enum Exact {
  /// A result that does not fit in a 64-bit signed integer.
  public struct Overflow: Error, Equatable, Sendable {
    public init() {}
  }

  public static func add(_ a: Int, _ b: Int) throws(Overflow) -> Int {
    let (result, overflow) = a.addingReportingOverflow(b)
    if overflow { throw Overflow() }
    return result
  }

  public static func subtract(_ a: Int, _ b: Int) throws(Overflow) -> Int {
    let (result, overflow) = a.subtractingReportingOverflow(b)
    if overflow { throw Overflow() }
    return result
  }

  public static func multiply(_ a: Int, _ b: Int) throws(Overflow) -> Int {
    let (result, overflow) = a.multipliedReportingOverflow(by: b)
    if overflow { throw Overflow() }
    return result
  }

  /// The product of `factors` (1 for none); 0 when a factor is 0, however large the others.
  public static func product<Factors: Sequence<Int>>(_ factors: Factors) throws(Overflow) -> Int {
    let all = Array(factors)
    if all.contains(0) { return 0 }
    var result = 1
    for factor in all { result = try multiply(result, factor) }
    return result
  }

  /// The sum of `terms` (0 for none).
  public static func sum<Terms: Sequence<Int>>(_ terms: Terms) throws(Overflow) -> Int {
    var result = 0
    for term in terms { result = try add(result, term) }
    return result
  }

  /// The number of batches of `divisor` items that hold `count` items (`ceil(count / divisor)`)
  /// for `count >= 0` and `divisor > 0`: never `count + divisor - 1`, which wraps for a batch size
  /// near 2^63 (`fit(batch_size=2**63 - 1)`).
  public static func ceilingDivide(_ count: Int, _ divisor: Int) -> Int {
    count <= 0 ? 0 : (count - 1) / divisor + 1
  }

  /// Python's floor division (rounds towards negative infinity); `b` must not be 0. The one
  /// quotient that overflows, `Int.min // -1`, is refused.
  public static func floorDivide(_ a: Int, _ b: Int) throws(Overflow) -> Int {
    let (quotient, overflow) = a.dividedReportingOverflow(by: b)
    if overflow { throw Overflow() }
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }
}

extension KerasError {
  /// ConvBook's refusal of a count it cannot compute exactly, at the layer (or model) it belongs
  /// to: `the parameter count of "dense" overflows 64-bit integers`.
  public static func overflow(_ quantity: String, of owner: String) -> KerasError {
    .limitation(
      "the \(quantity) of \"\(owner)\" overflows 64-bit integers; ConvBook computes sizes exactly and refuses numbers above 9223372036854775807"
    )
  }
}

extension Layer {
  /// Runs checked arithmetic for this layer, refusing an overflow as the `quantity` of the layer.
  func exactly<T>(_ quantity: String, _ body: () throws(Exact.Overflow) -> T) throws(KerasError)
    -> T
  {
    do {
      return try body()
    } catch {
      throw .overflow(quantity, of: name)
    }
  }
}
