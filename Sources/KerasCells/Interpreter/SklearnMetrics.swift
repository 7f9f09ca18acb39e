import CNNEngine

/// scikit-learn's scores of predictions that model scripts print (`sklearn.metrics`), as
/// scikit-learn 1.9 computes them: `accuracy_score` (the share, or with `normalize=False` the
/// count, of equal labels, after `_check_targets` has named both kinds of target as
/// `type_of_target` does, refusing a mix such as class labels beside `predict`'s probabilities in
/// its words), and `mean_squared_error`, `mean_absolute_error` and `r2_score` (columns of one
/// floating dtype, `_find_matching_floating_dtype`: the widest float among the arguments that are
/// arrays, else float64; NumPy's means and sums over the samples, `ArrayOperations.reduce`, then
/// the mean over the outputs). Each returns a Python float; `multioutput="raw_values"` the
/// array. Sample weights, other `multioutput` values and targets of three or more dimensions are
/// ConvBook's limitation.
enum SklearnMetrics {
  static let module = "sklearn.metrics"
  static let functions: Set<String> = [
    "accuracy_score", "mean_squared_error", "mean_absolute_error", "r2_score",
  ]

  /// `sklearn.metrics.NAME` for the functions above (nil for other names).
  static func attribute(_ name: String) -> Value? {
    functions.contains(name) ? .module(.inert(module + "." + name)) : nil
  }

  /// A target as scikit-learn's checks read it: numbers (`typed` when the argument had a dtype:
  /// an array or a tensor, not a list), or text labels.
  private enum Target {
    case numbers(NDArray, typed: Bool)
    case text([String], shape: [Int])

    var shape: [Int] {
      switch self {
      case .numbers(let array, _): return array.shape
      case .text(_, let shape): return shape
      }
    }
  }

  static func call(
    _ path: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard path.hasPrefix(module + "."), functions.contains(String(path.dropFirst(module.count + 1)))
    else { return nil }
    let name = String(path.dropFirst(module.count + 1))
    let range = site.range
    let keywordOnly =
      name == "accuracy_score"
      ? ["normalize", "sample_weight"]
      : ["sample_weight", "multioutput"] + (name == "r2_score" ? ["force_finite"] : [])
    let arguments = try SklearnArguments(
      SklearnArguments.Signature(
        function: name, leading: ["y_true", "y_pred"], keywordOnly: keywordOnly),
      positional: positional, keywords: keywords, range: range)
    guard let truth = arguments.value("y_true"), let prediction = arguments.value("y_pred") else {
      throw CellError(
        type: "TypeError",
        message:
          "missing a required argument: '\(arguments.value("y_true") == nil ? "y_true" : "y_pred")'",
        range: range)
    }
    if let weight = arguments.value("sample_weight"), !weight.isNone {
      throw arguments.limitation("sample_weight", weight)
    }
    let y = try target(truth, arguments, "y_true", interpreter: interpreter)
    let p = try target(prediction, arguments, "y_pred", interpreter: interpreter)
    try SklearnSamples.checkConsistentLength([y.shape[0], p.shape[0]], range: range)
    if name == "accuracy_score" {
      return try accuracy(y, p, normalize: arguments.flag("normalize", default: true), range: range)
    }
    return try regression(name, y, p, arguments, interpreter: interpreter)
  }

  private static func target(
    _ value: Value, _ arguments: SklearnArguments, _ label: String, interpreter: Interpreter
  ) throws(CellError) -> Target {
    let made: Target
    switch value {
    case .array(let array):
      made = .numbers(
        array.tensorFlowDType == nil ? array : EagerTensors.numpyArray(array), typed: true)
    case .standard(let scalar as NumPyScalar): made = .numbers(scalar.array, typed: true)
    default:
      if let strings = NumPyStringArray.make(from: value) {
        made = .text(strings.items, shape: strings.shape)
      } else {
        made = .numbers(
          try ArrayOperations.array(
            from: value, dtype: nil, range: arguments.range, budget: interpreter.budget),
          typed: false)
      }
    }
    guard (1...2).contains(made.shape.count), made.shape[0] > 0,
      made.shape.count == 1 || made.shape[1] > 0
    else {
      throw arguments.limitation(label, value)
    }
    if case .numbers(let array, _) = made,
      (0..<array.count).contains(where: { !array.value(at: $0).isFinite })
    {
      throw arguments.limitation(label, value)
    }
    return made
  }

  // MARK: accuracy_score

  /// `type_of_target` for a target of one or two dimensions.
  private static func kind(_ target: Target) -> String {
    let shape = target.shape
    let columns = shape.count == 2 ? shape[1] : 1
    let suffix = columns > 1 ? "-multioutput" : ""
    switch target {
    case .text(let items, _):
      return (Set(items).count > 2 || columns > 1 ? "multiclass" : "binary") + suffix
    case .numbers(let array, _):
      let values = (0..<array.count).map { array.value(at: $0) }
      let distinct = Set(values)
      if columns > 1, distinct.count < 3,
        !array.dtype.isFloat || distinct.allSatisfy({ $0.rounded(.towardZero) == $0 })
      {
        return "multilabel-indicator"
      }
      if array.dtype.isFloat, values.contains(where: { $0 != $0.rounded(.towardZero) }) {
        return "continuous" + suffix
      }
      return (distinct.count > 2 || columns > 1 ? "multiclass" : "binary") + suffix
    }
  }

  private static func accuracy(_ y: Target, _ p: Target, normalize: Bool, range: SourceRange)
    throws(CellError) -> Value
  {
    var kinds = [kind(y), kind(p)]
    if Set(kinds) == ["binary", "multiclass"] { kinds = ["multiclass", "multiclass"] }
    guard kinds[0] == kinds[1] else {
      throw CellError(
        type: "ValueError",
        message:
          "Classification metrics can't handle a mix of \(kind(y)) and \(kind(p)) targets",
        range: range)
    }
    guard ["binary", "multiclass", "multilabel-indicator"].contains(kinds[0]) else {
      throw CellError(type: "ValueError", message: "\(kinds[0]) is not supported", range: range)
    }
    let samples = y.shape[0]
    var equal = 0
    switch (y, p) {
    case (.text(let a, _), .text(let b, _)):
      equal = zip(a, b).filter { $0.0 == $0.1 }.count
    case (.numbers(let a, _), .numbers(let b, _)):
      guard a.shape.count == b.shape.count || kinds[0] != "multilabel-indicator" else {
        throw .unsupported(
          "ConvBook compares multilabel targets of one shape only in accuracy_score", at: range)
      }
      let width = a.count / samples
      guard b.count / samples == width else {
        throw .unsupported(
          "ConvBook compares multilabel targets of one shape only in accuracy_score", at: range)
      }
      for row in 0..<samples
      where (0..<width).allSatisfy({
        a.value(at: row * width + $0) == b.value(at: row * width + $0)
      }) {
        equal += 1
      }
    default:
      throw .unsupported(
        "ConvBook does not compare text labels with numbers in accuracy_score", at: range)
    }
    return .float(normalize ? Double(equal) / Double(samples) : Double(equal))
  }

  // MARK: regression scores

  private static func regression(
    _ name: String, _ y: Target, _ p: Target, _ arguments: SklearnArguments,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = arguments.range
    let budget = interpreter.budget
    guard case .numbers(var truth, let truthTyped) = y,
      case .numbers(var prediction, let predictionTyped) = p
    else {
      throw .unsupported(
        "ConvBook computes \(name) of numbers only (these targets hold text)", at: range)
    }
    var floats: [NDArray.DType] = []
    if truthTyped, truth.dtype.isFloat { floats.append(truth.dtype) }
    if predictionTyped, prediction.dtype.isFloat { floats.append(prediction.dtype) }
    let dtype: NDArray.DType = floats.isEmpty || floats.contains(.float64) ? .float64 : .float32
    truth = try ArrayOperations.convert(truth, to: dtype, range: range)
    prediction = try ArrayOperations.convert(prediction, to: dtype, range: range)
    if truth.rank == 1 { truth.shape = [truth.count, 1] }
    if prediction.rank == 1 { prediction.shape = [prediction.count, 1] }
    guard truth.shape[1] == prediction.shape[1] else {
      throw CellError(
        type: "ValueError",
        message:
          "y_true and y_pred have different number of output (\(truth.shape[1])!=\(prediction.shape[1]))",
        range: range)
    }
    var rawValues = false
    switch arguments.value("multioutput") {
    case nil, .string("uniform_average")?: break
    case .string("raw_values")?: rawValues = true
    case let given?: throw arguments.limitation("multioutput", given)
    }
    func array(_ value: Value) -> NDArray {
      if case .array(let array) = value { return array }
      if case .standard(let scalar as NumPyScalar) = value { return scalar.array }
      return NDArray(dtype: dtype, shape: [], doubles: [0])
    }
    func elementwise(_ operation: BinaryOperator, _ a: NDArray, _ b: Value) throws(CellError)
      -> NDArray
    {
      array(try ArrayOperations.elementwise(operation, .array(a), b, range: range, budget: budget))
    }
    func reduced(_ reduction: ArrayOperations.Reduction, _ a: NDArray, axis: Int?)
      throws(CellError) -> NDArray
    {
      array(try ArrayOperations.reduce(reduction, a, axis: axis, range: range, budget: budget))
    }
    let difference = try elementwise(.subtract, truth, .array(prediction))
    var scores: NDArray
    switch name {
    case "mean_squared_error":
      scores = try reduced(
        .mean, try elementwise(.multiply, difference, .array(difference)), axis: 0)
    case "mean_absolute_error":
      let reversed = try elementwise(.subtract, prediction, .array(truth))
      let absolute = NDArray(
        dtype: dtype, shape: reversed.shape,
        doubles: (0..<reversed.count).map { abs(reversed.value(at: $0)) })
      scores = try reduced(.mean, absolute, axis: 0)
    default:
      guard truth.shape[0] >= 2 else {
        throw .unsupported(
          "ConvBook does not compute r2_score of fewer than two samples (scikit-learn warns and gives nan)",
          at: range)
      }
      if let given = arguments.value("force_finite"), !given.isTruthy {
        throw arguments.limitation("force_finite", given)
      }
      // `x ** 2` is NumPy's `np.square`: x * x.
      let numerator = try reduced(
        .sum, try elementwise(.multiply, difference, .array(difference)), axis: 0)
      let centered = try elementwise(
        .subtract, truth, .array(try reduced(.mean, truth, axis: 0)))
      let denominator = try reduced(
        .sum, try elementwise(.multiply, centered, .array(centered)), axis: 0)
      // `_assemble_fraction_of_explained_deviance` with `force_finite`: 1 for a perfect
      // prediction, 0 for a constant target, else `1 - numerator / denominator` in the dtype.
      let quotient = try elementwise(.divide, numerator, .array(denominator))
      let explained = try ArrayOperations.elementwise(
        .subtract, .int(1), .array(quotient), range: range, budget: budget)
      let formula = array(explained)
      scores = NDArray(
        dtype: dtype, shape: numerator.shape,
        doubles: (0..<numerator.count).map { index in
          let (top, bottom) = (numerator.value(at: index), denominator.value(at: index))
          if top == 0 { return 1 }
          if bottom == 0 { return 0 }
          return formula.value(at: index)
        })
    }
    if rawValues { return .array(scores) }
    return .float(try reduced(.mean, scores, axis: nil).value(at: 0))
  }
}

/// scikit-learn's checks of the arrays (or lists) a function takes sample by sample
/// (`check_consistent_length`), and the rows it takes of them (`_safe_indexing`): shared by
/// `train_test_split`, `shuffle` and the metrics.
enum SklearnSamples {
  static func checkConsistentLength(_ counts: [Int], range: SourceRange) throws(CellError) {
    guard Set(counts).count > 1 else { return }
    throw CellError(
      type: "ValueError",
      message:
        "Found input variables with inconsistent numbers of samples: [\(counts.map(String.init).joined(separator: ", "))]",
      range: range)
  }

  /// The number of samples of an array (its first dimension) or a list, or nil for other
  /// values (ConvBook's limitation where they are given).
  static func count(_ value: Value) -> Int? {
    switch value {
    case .array(let values) where values.rank >= 1: return values.shape[0]
    case .list(let items): return items.items.count
    default: return nil
    }
  }

  /// The rows `rows` of an array (a new array) or a list (a new list).
  static func rows(_ value: Value, _ rows: [Int], budget: EvaluationBudget, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch value {
    case .array(let values):
      let rowSize = values.count / max(1, values.shape[0])
      try budget.allocate(count: rows.count * rowSize, size: 8, at: range)
      return .array(
        NDArray(
          dtype: values.dtype, shape: [rows.count] + values.shape.dropFirst(),
          storage: NumPyKernel.rows(values.storage, rows, rowSize: rowSize)))
    case .list(let items):
      return .list(PythonList(rows.map { items.items[$0] }))
    default: return nil
    }
  }
}
