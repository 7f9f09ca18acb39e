import CNNEngine

/// scikit-learn's `LabelBinarizer()`, which the drivers of Rosebrock's book and the many scripts
/// after them run on their labels before a Keras model sees them (`lb = LabelBinarizer();
/// trainY = lb.fit_transform(trainY); testY = lb.transform(testY)`), as scikit-learn 1.9 computes
/// it for numeric class labels (a vector, or a column of one): `classes_` the sorted distinct labels
/// in their dtype, `transform` an int64 row per label, one-hot over the classes for three or more
/// (zeros for a label it did not see), one column for two (1 for the second class) or one class
/// (0). `inverse_transform` gives the class of each row's largest value (two classes: of the
/// value above 0.5). Other `neg_label`/`pos_label`, sparse output, text labels and multilabel
/// targets are ConvBook's limitation.
final class LabelBinarizerObject: StandardObject {
  static let path = "sklearn.preprocessing.LabelBinarizer"

  /// The keyword-only parameters of scikit-learn 1.9's `__init__`.
  static let parameters = ["neg_label", "pos_label", "sparse_output"]

  private var classes: NDArray?

  override var typeName: String { "LabelBinarizer" }

  override func repr(_ item: (Value) -> String) -> String { "LabelBinarizer()" }

  /// `LabelBinarizer(*, neg_label=0, pos_label=1, sparse_output=False)`.
  static func make(_ positional: [Value], _ keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    try ScaledRows.keywordOnly("LabelBinarizer", positional, range: range)
    for (label, value) in keywords {
      guard parameters.contains(label) else {
        throw ScaledRows.unexpectedKeyword("LabelBinarizer", label, range: range)
      }
      switch (label, value) {
      case ("neg_label", .int(0)), ("pos_label", .int(1)), ("sparse_output", .bool(false)):
        continue
      default:
        throw .unsupported(
          "ConvBook does not support LabelBinarizer(\(label)=\(PythonText.repr(value))) yet",
          at: range)
      }
    }
    return .standard(LabelBinarizerObject())
  }

  static let methods: Set<String> = ["fit", "transform", "fit_transform", "inverse_transform"]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if Self.methods.contains(name) { return .method(receiver: .standard(self), name: name) }
    switch name {
    case "classes_", "y_type_":
      guard let classes else {
        throw ScaledRows.unfitted("LabelBinarizer", attribute: name, range: range)
      }
      if name == "y_type_" { return .string(classes.count > 2 ? "multiclass" : "binary") }
      return .array(classes)
    case "neg_label": return .int(0)
    case "pos_label": return .int(1)
    case "sparse_output": return .bool(false)
    default: return nil
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard Self.methods.contains(name) else { return nil }
    let parameter = name == "inverse_transform" ? "Y" : "y"
    let accepted = name == "inverse_transform" ? ["Y", "threshold"] : [parameter]
    guard positional.count <= 1, keywords.allSatisfy({ accepted.contains($0.0) }) else {
      throw .unsupported(
        "ConvBook takes LabelBinarizer.\(name)(\(parameter)) only", at: range)
    }
    guard let given = positional.first ?? keywords.first(where: { $0.0 == parameter })?.1 else {
      throw CellError(
        type: "TypeError",
        message: "LabelBinarizer.\(name)() missing 1 required positional argument: '\(parameter)'",
        range: range)
    }
    if name == "fit" || name == "fit_transform" {
      let labels = try Self.labels(given, range: range, interpreter: interpreter)
      let distinct = Array(Set(labels.storage.doubles)).sorted()
      classes = NDArray(dtype: labels.dtype, shape: [distinct.count], doubles: distinct)
      if name == "fit" { return .standard(self) }
    }
    guard let classes else {
      throw CellError(
        type: "sklearn.exceptions.NotFittedError",
        message:
          "This LabelBinarizer instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
        range: range)
    }
    if name == "inverse_transform" {
      guard keywords.allSatisfy({ $0.0 == "Y" }) else {
        throw .unsupported(
          "ConvBook does not support LabelBinarizer.inverse_transform(threshold=...) yet",
          at: range)
      }
      return try inverse(given, classes: classes, range: range, interpreter: interpreter)
    }
    let labels = try Self.labels(given, range: range, interpreter: interpreter)
    let known = classes.storage.doubles
    let count = labels.count
    // `label_binarize`: one column (the second class's) only when both the classes and the labels
    // at hand are binary (`type_of_target`: at most two values); labels of more values are
    // multiclass and get a column per class, unseen ones a row of zeros.
    let oneColumn = known.count <= 2 && Set(labels.storage.doubles).count <= 2
    let width = oneColumn ? 1 : known.count
    try interpreter.budget.allocate(count: count * width, size: 8, at: range)
    var result = [Double](repeating: 0, count: count * width)
    for (row, label) in labels.storage.doubles.enumerated() {
      if !oneColumn {
        if let column = known.firstIndex(of: label) { result[row * width + column] = 1 }
      } else if known.count == 2, label == known[1] {
        result[row] = 1
      }
    }
    return .array(NDArray(dtype: .int64, shape: [count, width], doubles: result))
  }

  /// The class labels: numbers in a vector (or a column of one), as `column_or_1d` takes them;
  /// whole numbers only (scikit-learn's `type_of_target` calls others continuous).
  private static func labels(_ given: Value, range: SourceRange, interpreter: Interpreter)
    throws(CellError) -> NDArray
  {
    let array: NDArray
    switch given {
    case .array(let values): array = values
    case .list, .tuple:
      array = try ArrayOperations.array(
        from: given, dtype: nil, range: range, budget: interpreter.budget)
    default:
      throw .unsupported(
        "ConvBook's LabelBinarizer takes a NumPy array or a list of labels, not \(given.typeName)",
        at: range)
    }
    guard array.rank == 1 || (array.rank == 2 && array.shape[1] == 1), array.count > 0,
      array.dtype != .bool,
      array.storage.doubles.allSatisfy({ $0.isFinite && $0.rounded() == $0 })
    else {
      throw .unsupported(
        "ConvBook's LabelBinarizer takes whole-number class labels in a vector (or a column), not an array of shape \(ArrayOperations.shapeText(array.shape)) of \(array.dtype.rawValue)",
        at: range)
    }
    return array
  }

  /// `inverse_transform(Y)`: each row's class, the largest value's (two classes: the second
  /// where the value exceeds 0.5, the midpoint of `neg_label` and `pos_label`).
  private func inverse(
    _ given: Value, classes: NDArray, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let rows = try ScaledRows.table(
      given, estimator: "LabelBinarizer", range: range, interpreter: interpreter)
    let known = classes.storage.doubles
    let width = known.count > 2 ? known.count : 1
    guard rows.shape[1] == width else {
      throw .unsupported(
        "ConvBook's LabelBinarizer.inverse_transform takes rows of \(width) values here", at: range)
    }
    let values = rows.storage.doubles
    var labels: [Double] = []
    for row in 0..<rows.shape[0] {
      let slice = values[(row * width)..<((row + 1) * width)]
      if width == 1 {
        labels.append(known.count == 2 && slice[slice.startIndex] > 0.5 ? known[1] : known[0])
      } else {
        // NumPy's argmax: the first of equal largest values.
        var best = slice.startIndex
        for index in slice.indices where slice[index] > slice[best] { best = index }
        labels.append(known[best - slice.startIndex])
      }
    }
    return .array(NDArray(dtype: classes.dtype, shape: [labels.count], doubles: labels))
  }
}
