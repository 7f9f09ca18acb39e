import CNNEngine
import Foundation

/// scikit-learn's loaders of the tables it ships (`load_iris`, `load_wine`, `load_breast_cancer`,
/// `load_diabetes`), as scikit-learn 1.9 builds their results from `SklearnBundledTables`: a Bunch
/// (a dict whose keys are attributes too, `PythonDict.Flavor.bunch`) of the float64 `data`, the
/// int64 `target` (float64 for diabetes), `frame` (None), the class names (`target_names`, a `<U`
/// array; none for diabetes), `DESCR`, the feature names (a list; an array for the breast cancer
/// data) and the files' names and module (not for wine); with `return_X_y=True` the tuple
/// `(data, target)`. ConvBook does not hold the
/// description text: `DESCR` is a `SklearnDatasetDescription`, whose printing is refused.
/// `as_frame=True` (pandas) is ConvBook's limitation.
enum SklearnBundledData {
  struct Table {
    let data: [Double]
    let target: [Double]
    let samples: Int
    let features: Int
    let classNames: [String]
  }

  static let loaders: Set<String> = [
    "load_iris", "load_wine", "load_breast_cancer", "load_diabetes",
  ]

  private static let iris = table(SklearnBundledTables.iris)
  private static let wine = table(SklearnBundledTables.wine)
  private static let breastCancer = table(SklearnBundledTables.breastCancer)

  /// `load_csv_data`: the header's counts and class names, then each line's values and class
  /// (Python's `float` of each field, which Swift's `Double` parsing matches: both round
  /// correctly).
  private static func table(_ text: String) -> Table {
    var lines = text.split(separator: "\n")
    let header = lines.removeFirst().split(separator: ",").map(String.init)
    let samples = Int(header[0]) ?? 0
    let features = Int(header[1]) ?? 0
    var data: [Double] = []
    var target: [Double] = []
    data.reserveCapacity(samples * features)
    for line in lines {
      let fields = line.split(separator: ",")
      data.append(contentsOf: fields.dropLast().map { Double($0) ?? .nan })
      target.append(Double(fields.last ?? "") ?? .nan)
    }
    return Table(
      data: data, target: target, samples: samples, features: features,
      classNames: Array(header.dropFirst(2)))
  }

  private static let diabetesValues = numbers(SklearnBundledTables.diabetes)
  private static let diabetesTargets = numbers(SklearnBundledTables.diabetesTarget)

  private static func numbers(_ text: String) -> [Double] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Double($0) ?? .nan }
  }

  /// The wine data's feature names (its CSV file has none).
  private static let wineFeatures = [
    "alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium", "total_phenols",
    "flavanoids", "nonflavanoid_phenols", "proanthocyanins", "color_intensity", "hue",
    "od280/od315_of_diluted_wines", "proline",
  ]

  /// The breast cancer data's feature names: the mean, error and worst value of ten measures.
  private static let breastCancerFeatures: [String] = {
    let measures = [
      "radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
      "concave points", "symmetry", "fractal dimension",
    ]
    return measures.map { "mean " + $0 } + measures.map { $0 + " error" }
      + measures.map { "worst " + $0 }
  }()

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = try SklearnArguments(
      SklearnArguments.Signature(
        function: name, leading: [],
        keywordOnly: ["return_X_y", "as_frame"] + (name == "load_diabetes" ? ["scaled"] : [])),
      positional: positional, keywords: keywords, range: range)
    func flag(_ label: String, default fallback: Bool = false) throws(CellError) -> Bool {
      guard let given = arguments.value(label) else { return fallback }
      guard case .bool(let value) = given else { throw arguments.limitation(label, given) }
      return value
    }
    let asFrame = try flag("as_frame")
    if asFrame { throw arguments.limitation("as_frame", .bool(true)) }
    let returnXY = try flag("return_X_y")
    if name == "load_diabetes" {
      return try diabetes(
        scaled: try flag("scaled", default: true), returnXY: returnXY, range: range,
        budget: interpreter.budget)
    }
    let table: Table
    let features: Value
    var file: String?
    switch name {
    case "load_iris":
      table = iris
      features = .list(
        PythonList(
          ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"].map(
            Value.string)))
      file = "iris.csv"
    case "load_wine":
      table = wine
      features = .list(PythonList(wineFeatures.map(Value.string)))
    default:
      table = breastCancer
      features = .standard(
        NumPyStringArray(items: breastCancerFeatures, shape: [breastCancerFeatures.count]))
      file = "breast_cancer.csv"
    }
    try interpreter.budget.allocate(count: table.data.count + table.samples, size: 8, at: range)
    let data = Value.array(
      NDArray(dtype: .float64, shape: [table.samples, table.features], doubles: table.data))
    let target = Value.array(NDArray(dtype: .int64, shape: [table.samples], doubles: table.target))
    if returnXY { return .tuple([data, target]) }
    var pairs: [(Value, Value)] = [
      (.string("data"), data), (.string("target"), target), (.string("frame"), Value.none),
      (
        .string("target_names"),
        .standard(NumPyStringArray(items: table.classNames, shape: [table.classNames.count]))
      ),
      (.string("DESCR"), .standard(SklearnDatasetDescription(loader: name))),
      (.string("feature_names"), features),
    ]
    if let file {
      pairs.append((.string("filename"), .string(file)))
      pairs.append((.string("data_module"), .string("sklearn.datasets.data")))
    }
    let bunch = PythonDict(pairs)
    bunch.flavor = .bunch
    return .dictionary(bunch)
  }
}

extension SklearnBundledData {
  /// `load_diabetes`: the ten columns as the file holds them or, `scaled` (the default), as
  /// `preprocessing.scale` leaves them (each centered by its mean and divided by its standard
  /// deviation, NumPy's column sums in row order) and then divided by `442 ** 0.5`; the targets
  /// as float64.
  fileprivate static func diabetes(
    scaled: Bool, returnXY: Bool, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    try budget.allocate(count: diabetesValues.count + diabetesTargets.count, size: 8, at: range)
    let samples = diabetesTargets.count
    var data = NDArray(
      dtype: .float64, shape: [samples, diabetesValues.count / samples], doubles: diabetesValues)
    if scaled {
      func array(_ value: Value) -> NDArray {
        if case .array(let array) = value { return array }
        return data
      }
      let mean = array(
        try ArrayOperations.reduce(.mean, data, axis: 0, range: range, budget: budget))
      let deviation = array(
        try ArrayOperations.spread(
          "std", data, axis: .int(0), ddof: nil, keepDims: false, range: range, budget: budget))
      let centered = try ArrayOperations.elementwise(
        .subtract, .array(data), .array(mean), range: range, budget: budget)
      let standardized = try ArrayOperations.elementwise(
        .divide, centered, .array(deviation), range: range, budget: budget)
      data = array(
        try ArrayOperations.elementwise(
          .divide, standardized, .float(Foundation.pow(Double(samples), 0.5)), range: range,
          budget: budget))
    }
    let target = Value.array(NDArray(dtype: .float64, shape: [samples], doubles: diabetesTargets))
    if returnXY { return .tuple([.array(data), target]) }
    let features = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
    let bunch = PythonDict([
      (.string("data"), .array(data)), (.string("target"), target),
      (.string("frame"), Value.none),
      (.string("DESCR"), .standard(SklearnDatasetDescription(loader: "load_diabetes"))),
      (.string("feature_names"), .list(PythonList(features.map(Value.string)))),
      (.string("data_filename"), .string("diabetes_data_raw.csv.gz")),
      (.string("target_filename"), .string("diabetes_target.csv.gz")),
      (.string("data_module"), .string("sklearn.datasets.data")),
    ])
    bunch.flavor = .bunch
    return .dictionary(bunch)
  }
}

/// The `DESCR` text of a bundled data set (scikit-learn's description in reStructuredText), which
/// ConvBook does not ship: showing it, or anything made of it, is refused (`Interpreter.prepareText`).
final class SklearnDatasetDescription: StandardObject {
  let loader: String

  init(loader: String) { self.loader = loader }

  override var typeName: String { "str" }

  var refusal: String {
    "ConvBook does not have the DESCR text of \(loader)() (scikit-learn's description of the data set); print its shape, feature_names or target_names instead"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    throw .unsupported(refusal, at: range)
  }
}
