/// scikit-learn's `OneHotEncoder()`, which tabular and course scripts run on their labels before a
/// Keras model sees them (`y = enc.fit_transform(y.reshape(-1, 1)).toarray()`), as scikit-learn 1.9
/// computes it for a 2-D array of numbers: `categories_` the sorted distinct values of each
/// column in the column's dtype, `transform` a row of zeros and ones per sample (float64), as a
/// `SparseRowsObject` (scikit-learn's `csr_matrix`) or, with `sparse_output=False`, an array;
/// `handle_unknown="ignore"` gives an unknown value zeros. Its signature is scikit-learn 1.9's:
/// `OneHotEncoder(sparse=False)` of older scripts is its TypeError. Explicit categories, `drop`,
/// `dtype`, infrequent categories, text categories and `inverse_transform` are ConvBook's
/// limitation.
final class OneHotEncoderObject: StandardObject {
  static let path = "sklearn.preprocessing.OneHotEncoder"

  /// The keyword-only parameters of scikit-learn 1.9's `__init__`.
  static let parameters = [
    "categories", "drop", "dtype", "feature_name_combiner", "handle_unknown", "max_categories",
    "min_frequency", "sparse_output",
  ]

  private let sparseOutput: Bool
  private let ignoresUnknown: Bool
  private var categories: [[Double]]?
  private var categoryType: NDArray.DType = .float64

  private init(sparseOutput: Bool, ignoresUnknown: Bool) {
    self.sparseOutput = sparseOutput
    self.ignoresUnknown = ignoresUnknown
  }

  override var typeName: String { "OneHotEncoder" }

  /// scikit-learn's repr names the parameters that differ from their defaults, by name.
  override func repr(_ item: (Value) -> String) -> String {
    var changed: [String] = []
    if ignoresUnknown { changed.append("handle_unknown='ignore'") }
    if !sparseOutput { changed.append("sparse_output=False") }
    return "OneHotEncoder(\(changed.joined(separator: ", ")))"
  }

  /// `OneHotEncoder(*, categories='auto', drop=None, sparse_output=True, dtype=np.float64,
  /// handle_unknown='error', min_frequency=None, max_categories=None, feature_name_combiner='concat')`.
  static func make(_ positional: [Value], _ keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    try ScaledRows.keywordOnly("OneHotEncoder", positional, range: range)
    var sparseOutput = true
    var ignoresUnknown = false
    for (label, value) in keywords {
      guard parameters.contains(label) else {
        throw ScaledRows.unexpectedKeyword("OneHotEncoder", label, range: range)
      }
      switch (label, value) {
      case ("sparse_output", .bool(let flag)): sparseOutput = flag
      case ("handle_unknown", .string("error")): ignoresUnknown = false
      case ("handle_unknown", .string("ignore")): ignoresUnknown = true
      case ("categories", .string("auto")), ("drop", .none), ("min_frequency", .none),
        ("max_categories", .none), ("feature_name_combiner", .string("concat")):
        continue
      default:
        throw .unsupported(
          "ConvBook does not support OneHotEncoder(\(label)=\(PythonText.repr(value))) yet",
          at: range)
      }
    }
    return .standard(
      OneHotEncoderObject(sparseOutput: sparseOutput, ignoresUnknown: ignoresUnknown))
  }

  static let methods: Set<String> = ["fit", "transform", "fit_transform"]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if Self.methods.contains(name) { return .method(receiver: .standard(self), name: name) }
    switch name {
    case "categories_", "n_features_in_":
      guard let categories else {
        throw ScaledRows.unfitted("OneHotEncoder", attribute: name, range: range)
      }
      if name == "n_features_in_" { return .int(categories.count) }
      let type = categoryType
      return .list(
        PythonList(
          categories.map { known -> Value in
            .array(NDArray(dtype: type, shape: [known.count], doubles: known))
          }))
    case "sparse_output": return .bool(sparseOutput)
    case "handle_unknown": return .string(ignoresUnknown ? "ignore" : "error")
    case "inverse_transform", "get_feature_names_out":
      throw .unsupported("ConvBook does not support OneHotEncoder.\(name) yet", at: range)
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard Self.methods.contains(name) else { return nil }
    let accepted = name == "transform" ? ["X"] : ["X", "y"]
    guard positional.count <= accepted.count, keywords.allSatisfy({ accepted.contains($0.0) })
    else {
      throw .unsupported(
        "ConvBook takes OneHotEncoder.\(name)(\(accepted.joined(separator: ", "))) only",
        at: range)
    }
    guard let given = positional.first ?? keywords.first(where: { $0.0 == "X" })?.1 else {
      throw CellError(
        type: "TypeError",
        message: "OneHotEncoder.\(name)() missing 1 required positional argument: 'X'",
        range: range)
    }
    let rows = try Self.rows(given, range: range, interpreter: interpreter)
    switch name {
    case "fit":
      fit(rows)
      return .standard(self)
    case "fit_transform":
      fit(rows)
      return try transform(rows, range: range)
    default:
      guard categories != nil else {
        throw CellError(
          type: "sklearn.exceptions.NotFittedError",
          message:
            "This OneHotEncoder instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
          range: range)
      }
      return try transform(rows, range: range)
    }
  }

  /// A 2-D array of numbers (a list of rows becomes one, as `check_array` makes it).
  private static func rows(_ given: Value, range: SourceRange, interpreter: Interpreter)
    throws(CellError) -> NDArray
  {
    let array = try ScaledRows.table(
      given, estimator: "OneHotEncoder", range: range, interpreter: interpreter)
    guard array.dtype != .bool, !array.storage.doubles.contains(where: { $0.isNaN }) else {
      throw .unsupported(
        "ConvBook's OneHotEncoder takes numbers without NaN only", at: range)
    }
    return array
  }

  private func fit(_ rows: NDArray) {
    let columns = rows.shape[1]
    let values = rows.storage.doubles
    categories = (0..<columns).map { column in
      Array(Set(stride(from: column, to: values.count, by: columns).map { values[$0] })).sorted()
    }
    categoryType = rows.dtype
  }

  private func transform(_ rows: NDArray, range: SourceRange) throws(CellError) -> Value {
    guard let categories else { return .none }
    let (count, columns) = (rows.shape[0], rows.shape[1])
    guard columns == categories.count else {
      throw CellError(
        type: "ValueError",
        message:
          "X has \(columns) features, but OneHotEncoder is expecting \(categories.count) features as input.",
        range: range)
    }
    let width = categories.reduce(0) { $0 + $1.count }
    let values = rows.storage.doubles
    var result = [Double](repeating: 0, count: count * width)
    var offset = 0
    for (column, known) in categories.enumerated() {
      var positions: [Double: Int] = [:]
      for (index, category) in known.enumerated() { positions[category] = index }
      var unknown: Set<Double> = []
      for row in 0..<count {
        let value = values[row * columns + column]
        guard let position = positions[value] else {
          unknown.insert(value)
          continue
        }
        result[row * width + offset + position] = 1
      }
      if !unknown.isEmpty && !ignoresUnknown {
        let shown = unknown.sorted().map {
          PythonText.repr(
            .standard(NumPyScalar(NDArray(dtype: categoryType, shape: [], doubles: [$0]))))
        }
        throw CellError(
          type: "ValueError",
          message:
            "Found unknown categories [\(shown.joined(separator: ", "))] in column \(column) during transform",
          range: range)
      }
      offset += known.count
    }
    let dense = NDArray(dtype: .float64, shape: [count, width], doubles: result)
    return sparseOutput ? .standard(SparseRowsObject(dense)) : .array(dense)
  }
}

/// What a sparse `transform` of scikit-learn returns: SciPy's `csr_matrix` of float64 zeros and
/// ones, as far as scripts use it: `toarray()`, `shape`, `nnz` and its text (SciPy's: the first and
/// last 25 stored values of more than its `maxprint` of 50).
final class SparseRowsObject: StandardObject {
  private let dense: NDArray

  init(_ dense: NDArray) { self.dense = dense }

  override var typeName: String { "csr_matrix" }

  private var stored: [(row: Int, column: Int)] {
    let columns = dense.shape[1]
    return dense.storage.doubles.enumerated().compactMap {
      offset, value -> (row: Int, column: Int)? in
      value == 0 ? nil : (row: offset / columns, column: offset % columns)
    }
  }

  override func repr(_ item: (Value) -> String) -> String {
    "<Compressed Sparse Row sparse matrix of dtype 'float64'\n\twith \(stored.count) stored elements and shape (\(dense.shape[0]), \(dense.shape[1]))>"
  }

  override func str(_ item: (Value) -> String) -> String {
    let lines = stored.map { "\n  (\($0.row), \($0.column))\t1.0" }
    let shown =
      lines.count > 50
      ? lines.prefix(25).joined() + "\n  :\t:" + lines.suffix(25).joined() : lines.joined()
    return repr(item) + "\n  Coords\tValues" + shown
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "toarray": return .method(receiver: .standard(self), name: name)
    case "shape": return .tuple(dense.shape.map { .int($0) })
    case "nnz": return .int(stored.count)
    case "ndim": return .int(2)
    default:
      throw .unsupported(
        "ConvBook does not support `\(name)` of SciPy's sparse matrices yet; call .toarray() first",
        at: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "toarray" else { return nil }
    guard positional.isEmpty, keywords.isEmpty else {
      throw .unsupported(
        "ConvBook takes csr_matrix.toarray() without arguments only", at: site.range)
    }
    return .array(dense)
  }
}
