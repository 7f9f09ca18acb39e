import CNNEngine

/// scikit-learn's `MinMaxScaler(feature_range=(0, 1))`, which time-series and tabular scripts fit
/// before a Keras model, computed as scikit-learn 1.9 computes it for a dense 2-D array without
/// missing values, in the rows' own float dtype (the feature range is cast to it; integers become
/// float64): `scale_ = (high - low) / data_range` (a range below 10 machine epsilons counts as 1),
/// `min_ = low - data_min * scale_`, `transform` as `X *= scale_; X += min_`, `inverse_transform`
/// as `X -= min_; X /= scale_`. `clip=True`, `partial_fit` and missing values are ConvBook's
/// limitation.
final class MinMaxScalerObject: StandardObject {
  static let path = "sklearn.preprocessing.MinMaxScaler"

  private let low: Double
  private let high: Double
  private let rangeText: String
  /// Fitted in this dtype (float32 or float64).
  private var dtype: NDArray.DType = .float64
  private var dataMin: [Double]?
  private var dataMax: [Double] = []
  private var dataRange: [Double] = []
  private var scale: [Double] = []
  private var offset: [Double] = []
  private var samples = 0

  private init(low: Double, high: Double, rangeText: String) {
    self.low = low
    self.high = high
    self.rangeText = rangeText
  }

  override var typeName: String { "MinMaxScaler" }
  override func repr(_ item: (Value) -> String) -> String {
    rangeText == "(0, 1)" ? "MinMaxScaler()" : "MinMaxScaler(feature_range=\(rangeText))"
  }

  /// `MinMaxScaler(feature_range=(0, 1), *, copy=True, clip=False)`.
  static func make(_ positional: [Value], _ keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    guard positional.count <= 1 else {
      throw CellError(
        type: "TypeError",
        message:
          "MinMaxScaler.__init__() takes from 1 to 2 positional arguments but \(positional.count + 1) were given",
        range: range)
    }
    var bounds: Value = .tuple([.int(0), .int(1)])
    if let given = positional.first { bounds = given }
    for (label, value) in keywords {
      switch label {
      case "feature_range" where positional.isEmpty: bounds = value
      case "copy": continue
      case "clip":
        if !value.isTruthy { continue }
        throw .unsupported("ConvBook does not support MinMaxScaler(clip=True) yet", at: range)
      default:
        throw ScaledRows.unexpectedKeyword("MinMaxScaler", label, range: range)
      }
    }
    guard let items = bounds.sequenceItems, items.count == 2,
      let low = number(items[0]), let high = number(items[1])
    else {
      throw .unsupported(
        "ConvBook takes MinMaxScaler's feature_range as two numbers, not \(PythonText.repr(bounds))",
        at: range)
    }
    return .standard(MinMaxScalerObject(low: low, high: high, rangeText: PythonText.repr(bounds)))
  }

  private static func number(_ value: Value) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .float(let number): return number
    default: return nil
    }
  }

  static let methods: Set<String> = ["fit", "transform", "fit_transform", "inverse_transform"]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if Self.methods.contains(name) { return .method(receiver: .standard(self), name: name) }
    switch name {
    case "data_min_", "data_max_", "data_range_", "scale_", "min_", "n_samples_seen_",
      "n_features_in_":
      guard let dataMin else {
        throw ScaledRows.unfitted("MinMaxScaler", attribute: name, range: range)
      }
      func values(_ numbers: [Double]) -> Value {
        .array(NDArray(dtype: dtype, shape: [numbers.count], doubles: numbers))
      }
      switch name {
      case "data_min_": return values(dataMin)
      case "data_max_": return values(dataMax)
      case "data_range_": return values(dataRange)
      case "scale_": return values(scale)
      case "min_": return values(offset)
      case "n_samples_seen_": return .int(samples)
      default: return .int(dataMin.count)
      }
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard Self.methods.contains(name) else { return nil }
    guard positional.count <= 2, keywords.allSatisfy({ ["X", "y", "copy"].contains($0.0) }),
      let given = positional.first ?? keywords.first(where: { $0.0 == "X" })?.1
    else {
      throw .unsupported("ConvBook takes MinMaxScaler.\(name)(X) only", at: range)
    }
    let array = try ScaledRows.rows(
      given, scaler: "MinMaxScaler", range: range, interpreter: interpreter)
    return try ScaledRows.apply(
      name, to: array, scaler: "MinMaxScaler", receiver: .standard(self),
      isFitted: dataMin != nil, range: range,
      fit: { () throws(CellError) in try self.fit(array, range: range) },
      transform: { (inverse) throws(CellError) in
        try self.transform(array, inverse: inverse, range: range)
      })
  }

  private func fit(_ array: NDArray, range: SourceRange) throws(CellError) {
    if low >= high {
      throw CellError(
        type: "ValueError",
        message:
          "Minimum of desired feature range must be smaller than maximum. Got \(rangeText).",
        range: range)
    }
    let (rows, columns) = (array.shape[0], array.shape[1])
    let values = array.storage.doubles
    let single = array.dtype == .float32
    var minima = Array(values[0..<columns])
    var maxima = minima
    for row in 1..<max(1, rows) {
      for column in 0..<columns {
        let value = values[row * columns + column]
        minima[column] = Swift.min(minima[column], value)
        maxima[column] = Swift.max(maxima[column], value)
      }
    }
    dtype = array.dtype
    dataMin = minima
    dataMax = maxima
    samples = rows
    if single {
      let width = Float(high) - Float(low)
      let ranges = (0..<columns).map { Float(maxima[$0]) - Float(minima[$0]) }
      let scales = ranges.map { $0 < 10 * Float.ulpOfOne ? width / 1 : width / $0 }
      dataRange = ranges.map(Double.init)
      scale = scales.map(Double.init)
      offset = (0..<columns).map { Double(Float(low) - Float(minima[$0]) * scales[$0]) }
    } else {
      let width = high - low
      dataRange = (0..<columns).map { maxima[$0] - minima[$0] }
      scale = dataRange.map { $0 < 10 * Double.ulpOfOne ? width / 1 : width / $0 }
      offset = (0..<columns).map { low - minima[$0] * scale[$0] }
    }
  }

  private func transform(_ array: NDArray, inverse: Bool, range: SourceRange) throws(CellError)
    -> Value
  {
    let columns = array.shape[1]
    guard columns == scale.count else {
      throw CellError(
        type: "ValueError",
        message:
          "X has \(columns) features, but MinMaxScaler is expecting \(scale.count) features as input.",
        range: range)
    }
    let values = array.storage.doubles
    var result = [Double](repeating: 0, count: values.count)
    for (index, value) in values.enumerated() {
      let column = index % columns
      if array.dtype == .float32 {
        // float32 rows times the fitted values in float64 (NumPy's in-place operators compute in
        // the wider type and store float32), or in float32 when the scaler was fitted on float32.
        let x = Double(Float(value))
        let (s, m) = (scale[column], offset[column])
        result[index] = Double(
          Float(inverse ? Double(Float(x - m)) / s : Double(Float(x * s)) + m))
      } else {
        result[index] =
          inverse
          ? (value - offset[column]) / scale[column] : value * scale[column] + offset[column]
      }
    }
    return .array(NDArray(dtype: array.dtype, shape: array.shape, doubles: result))
  }
}
