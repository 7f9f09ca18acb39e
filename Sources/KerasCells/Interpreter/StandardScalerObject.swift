import CNNEngine

/// scikit-learn's `StandardScaler()`, which tabular scripts fit on their training rows before a
/// Keras model sees them, computed as scikit-learn 1.9 computes it for a dense 2-D array without
/// missing values: `_incremental_mean_and_var` in float64 (the column sums row after row, as
/// NumPy reduces the first axis, the mean, then the corrected two-pass variance
/// `sum((x - T)**2) - sum(x - T)**2 / n`), `scale_ = sqrt(var_)` with near-constant features
/// (`_is_constant_feature`) scaled by 1, and `transform` as `X -= mean_; X /= scale_` in X's own
/// float dtype (integers become float64). `with_mean=False`, `with_std=False`, sample weights,
/// `partial_fit`, missing values and 1-D input are ConvBook's limitation.
final class StandardScalerObject: StandardObject {
  static let path = "sklearn.preprocessing.StandardScaler"

  private var mean: [Double]?
  private var variance: [Double] = []
  private var scale: [Double] = []
  private var samples = 0

  override var typeName: String { "StandardScaler" }
  override func repr(_ item: (Value) -> String) -> String { "StandardScaler()" }

  /// `StandardScaler(*, copy=True, with_mean=True, with_std=True)`.
  static func make(_ positional: [Value], _ keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    try ScaledRows.keywordOnly("StandardScaler", positional, range: range)
    for (label, value) in keywords {
      switch label {
      case "copy": continue
      case "with_mean", "with_std":
        if value.isTruthy { continue }
        throw .unsupported(
          "ConvBook does not support StandardScaler(\(label)=False) yet", at: range)
      default:
        throw ScaledRows.unexpectedKeyword("StandardScaler", label, range: range)
      }
    }
    return .standard(StandardScalerObject())
  }

  static let methods: Set<String> = [
    "fit", "transform", "fit_transform", "inverse_transform", "get_params",
  ]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if Self.methods.contains(name) { return .method(receiver: .standard(self), name: name) }
    switch name {
    case "mean_", "var_", "scale_", "n_samples_seen_", "n_features_in_":
      guard let mean else {
        throw ScaledRows.unfitted("StandardScaler", attribute: name, range: range)
      }
      func floats(_ values: [Double]) -> Value {
        .array(NDArray(dtype: .float64, shape: [values.count], doubles: values))
      }
      switch name {
      case "mean_": return floats(mean)
      case "var_": return floats(variance)
      case "scale_": return floats(scale)
      case "n_samples_seen_":
        // The count of values that are not NaN, summed as floats.
        return .standard(
          NumPyScalar(NDArray(dtype: .float64, shape: [], doubles: [Double(samples)])))
      default: return .int(mean.count)
      }
    case "copy", "with_mean", "with_std": return .bool(true)
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard Self.methods.contains(name) else { return nil }
    if name == "get_params" {
      return .dictionary(
        PythonDict([
          (.string("copy"), .bool(true)), (.string("with_mean"), .bool(true)),
          (.string("with_std"), .bool(true)),
        ]))
    }
    let parameters = name == "fit" || name == "fit_transform" ? ["X", "y"] : ["X", "copy"]
    guard positional.count <= parameters.count,
      keywords.allSatisfy({ parameters.contains($0.0) || $0.0 == "sample_weight" })
    else {
      throw .unsupported(
        "ConvBook takes StandardScaler.\(name)(\(parameters.joined(separator: ", "))) only",
        at: range)
    }
    if keywords.contains(where: { $0.0 == "sample_weight" && !$0.1.isNone }) {
      throw .unsupported(
        "ConvBook does not support StandardScaler.\(name)(sample_weight=...) yet", at: range)
    }
    guard let given = positional.first ?? keywords.first(where: { $0.0 == "X" })?.1 else {
      throw CellError(
        type: "TypeError",
        message:
          "StandardScaler.\(name)() missing 1 required positional argument: 'X'",
        range: range)
    }
    let array = try ScaledRows.rows(
      given, scaler: "StandardScaler", range: range, interpreter: interpreter)
    return try ScaledRows.apply(
      name, to: array, scaler: "StandardScaler", receiver: .standard(self),
      isFitted: mean != nil, range: range, fit: { self.fit(array) },
      transform: { (inverse) throws(CellError) in
        try self.transform(array, inverse: inverse, range: range)
      })
  }

  private func fit(_ array: NDArray) {
    let (rows, columns) = (array.shape[0], array.shape[1])
    let values = array.storage.doubles
    var sums = [Double](repeating: 0, count: columns)
    for row in 0..<rows {
      for column in 0..<columns { sums[column] += values[row * columns + column] }
    }
    let count = Double(rows)
    let means = sums.map { $0 / count }
    var corrections = [Double](repeating: 0, count: columns)
    var squares = [Double](repeating: 0, count: columns)
    for row in 0..<rows {
      for column in 0..<columns {
        let centred = values[row * columns + column] - sums[column] / count
        corrections[column] += centred
        squares[column] += centred * centred
      }
    }
    variance = (0..<columns).map { column in
      (squares[column] - corrections[column] * corrections[column] / count) / count
    }
    let epsilon = Double.ulpOfOne
    scale = (0..<columns).map { column in
      let bound =
        count * epsilon * variance[column]
        + (count * means[column] * epsilon) * (count * means[column] * epsilon)
      return variance[column] <= bound ? 1 : variance[column].squareRoot()
    }
    mean = means
    samples = rows
  }

  /// `X -= mean_; X /= scale_` (or `X *= scale_; X += mean_`), in X's dtype as NumPy's in-place
  /// operators compute it (float32 rows with the statistics cast to float32).
  private func transform(_ array: NDArray, inverse: Bool, range: SourceRange) throws(CellError)
    -> Value
  {
    guard let mean else { return .none }
    let columns = array.shape[1]
    guard columns == mean.count else {
      throw CellError(
        type: "ValueError",
        message:
          "X has \(columns) features, but StandardScaler is expecting \(mean.count) features as input.",
        range: range)
    }
    let values = array.storage.doubles
    var result = [Double](repeating: 0, count: values.count)
    let single = array.dtype == .float32
    for (offset, value) in values.enumerated() {
      let column = offset % columns
      if single {
        let (m, s) = (Float(mean[column]), Float(scale[column]))
        let x = Float(value)
        result[offset] = Double(inverse ? x * s + m : (x - m) / s)
      } else {
        result[offset] =
          inverse ? value * scale[column] + mean[column] : (value - mean[column]) / scale[column]
      }
    }
    return .array(NDArray(dtype: array.dtype, shape: array.shape, doubles: result))
  }
}
