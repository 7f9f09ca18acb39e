import CNNEngine

/// The rows scikit-learn's scalers take (`StandardScalerObject`, `MinMaxScalerObject`), the
/// table of `OneHotEncoderObject`, and the errors those estimators and `LabelBinarizerObject`
/// share.
enum ScaledRows {
  /// `check_array(X, dtype=FLOAT_DTYPES)`: a 2-D array of floats (integers as float64).
  static func rows(
    _ given: Value, scaler: String, range: SourceRange, interpreter: Interpreter
  )
    throws(CellError) -> NDArray
  {
    var array = try table(given, estimator: scaler, range: range, interpreter: interpreter)
    if array.dtype != .float32 && array.dtype != .float64 {
      array = NDArray(dtype: .float64, shape: array.shape, doubles: array.storage.doubles)
    }
    if array.storage.doubles.contains(where: { !$0.isFinite }) {
      throw .unsupported(
        "ConvBook's \(scaler) takes finite values only",
        at: range)
    }
    return array
  }

  /// The 2-D array of rows and columns a scikit-learn estimator takes (a list of rows becomes
  /// one), in its own dtype.
  static func table(
    _ given: Value, estimator: String, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> NDArray {
    let array: NDArray
    if case .array(let values) = given {
      array = values
    } else if case .list = given {
      array = try ArrayOperations.array(
        from: given, dtype: nil, range: range, budget: interpreter.budget)
    } else {
      throw .unsupported(
        "ConvBook's \(estimator) takes a NumPy array or a list of rows, not \(given.typeName)",
        at: range)
    }
    guard array.rank == 2, array.shape[0] >= 1, array.shape[1] >= 1 else {
      throw .unsupported(
        "ConvBook's \(estimator) takes a 2-D array with rows and columns, not one of shape \(ArrayOperations.shapeText(array.shape))",
        at: range)
    }
    return array
  }

  /// What `fit`, `fit_transform`, `transform` and `inverse_transform` of a fitted scaler do with
  /// the rows: `fit` returns the scaler itself, the others the transformed rows; transforming
  /// before any fit is sklearn's NotFittedError.
  static func apply(
    _ name: String, to array: NDArray, scaler: String, receiver: Value, isFitted: Bool,
    range: SourceRange, fit: () throws(CellError) -> Void,
    transform: (_ inverse: Bool) throws(CellError) -> Value
  ) throws(CellError) -> Value {
    switch name {
    case "fit":
      try fit()
      return receiver
    case "fit_transform":
      try fit()
      return try transform(false)
    default:
      guard isFitted else {
        throw CellError(
          type: "sklearn.exceptions.NotFittedError",
          message:
            "This \(scaler) instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
          range: range)
      }
      return try transform(name == "inverse_transform")
    }
  }
}

// MARK: The estimators' own errors

extension ScaledRows {
  /// A scikit-learn estimator's keyword-only `__init__(self, *, ...)` given positional arguments:
  /// Python's TypeError.
  static func keywordOnly(_ estimator: String, _ positional: [Value], range: SourceRange)
    throws(CellError)
  {
    guard positional.isEmpty else {
      throw CellError(
        type: "TypeError",
        message:
          "\(estimator).__init__() takes 1 positional argument but \(positional.count + 1) were given",
        range: range)
    }
  }

  /// Python's TypeError for a keyword the estimator's `__init__` does not have.
  static func unexpectedKeyword(_ estimator: String, _ label: String, range: SourceRange)
    -> CellError
  {
    CellError(
      type: "TypeError",
      message: "\(estimator).__init__() got an unexpected keyword argument '\(label)'",
      range: range)
  }

  /// A fitted attribute (`classes_`, `mean_`, ...) read before `fit`: the estimator has none yet.
  static func unfitted(_ estimator: String, attribute: String, range: SourceRange) -> CellError {
    CellError(
      type: "AttributeError", message: "'\(estimator)' object has no attribute '\(attribute)'",
      range: range)
  }
}
