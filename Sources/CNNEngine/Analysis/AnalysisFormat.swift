/// Fixed, locale-free number formatting shared by every figure and terminal report, so that pages
/// and golden files never change with the machine that built them.
public enum AnalysisFormat {
  /// `11,574,090`.
  public static func grouped(_ value: Int) -> String { PythonFormat.grouped(value) }

  /// float32 activation sizes as Keras prints memory: 1024-based, two decimals (`702.25 KB`).
  public static func bytes(_ value: Int) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var amount = Double(value)
    var unit = 0
    while amount >= 1024 && unit < units.count - 1 {
      amount /= 1024
      unit += 1
    }
    return unit == 0 ? "\(value) B" : fixed(amount, decimals: 2) + " " + units[unit]
  }

  /// A share of a whole, one decimal: `99.4%`. Shares that round to 0 or 100 but are not say so.
  public static func percent(_ share: Double) -> String {
    let text = fixed(share * 100, decimals: 1)
    if text == "0.0" && share > 0 { return "<0.1%" }
    if text == "100.0" && share < 1 { return ">99.9%" }
    return text + "%"
  }

  /// How many times larger: `173.8×`.
  public static func ratio(_ value: Double) -> String { fixed(value, decimals: 1) + "×" }

  /// The sample part of a shape, as a reader writes it: `(53, 53, 64)`.
  public static func sampleShape(_ shape: TensorShape) -> String { TensorShape.tuple(shape.sample) }

  /// A short magnitude for axis labels: `100`, `10K`, `1M`, `10G`.
  public static func compact(_ value: Int) -> String {
    let steps: [(Int, String)] = [
      (1_000_000_000_000, "T"), (1_000_000_000, "G"), (1_000_000, "M"), (1_000, "K"),
    ]
    for (scale, suffix) in steps where value >= scale && value % scale == 0 {
      return String(value / scale) + suffix
    }
    return String(value)
  }

  /// One measured activation value: exactly zero as `0` (after a ReLU that is a fact worth seeing,
  /// not a rounding), three decimals up to a thousand (`-0.532`, `12.840`), one decimal to a million
  /// (`1,234.5`), and two significant digits with an exponent beyond either end (`4.2e-5`, `3.1e7`),
  /// so that a column of them stays short and every build prints the same characters.
  public static func statistic(_ value: Float) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    let number = Double(value)
    let magnitude = abs(number)
    if magnitude == 0 { return "0" }
    if magnitude >= 0.0005 && magnitude < 999.9995 { return fixed(number, decimals: 3) }
    if magnitude >= 999.9995 && magnitude < 999_999.95 { return fixed(number, decimals: 1) }
    return scientific(number)
  }

  /// `4.2e-5`: two significant digits, the exponent found by stepping rather than by `log10`, so
  /// that no libm rounding can move it.
  static func scientific(_ value: Double) -> String {
    var mantissa = abs(value)
    var exponent = 0
    while mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    while mantissa < 1 {
      mantissa *= 10
      exponent -= 1
    }
    var digits = fixed(mantissa, decimals: 1)
    if digits == "10.0" {
      digits = "1.0"
      exponent += 1
    }
    return (value < 0 ? "-" : "") + digits + "e" + String(exponent)
  }

  /// Rounds half away from zero to `decimals` places without going through the C locale.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e15 else {
      // Beyond 64 bits (or not finite) there is no integer to print: Swift's shortest form.
      guard let whole = Int(exactly: value.rounded(.towardZero)) else { return value.description }
      return String(whole)
    }
    let whole = Int(scaled) / Int(scale)
    let fraction = Int(scaled) % Int(scale)
    var text = grouped(whole)
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return value < 0 && scaled > 0 ? "-" + text : text
  }
}
