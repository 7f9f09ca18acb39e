/// scikit-learn's datasets module as scripts reach it beside model code: `load_boston`, which
/// scikit-learn 1.2 removed (its `__getattr__` raises an ImportError with the story of the data
/// set, in `from sklearn.datasets import load_boston` as in `sklearn.datasets.load_boston`), the
/// generators ConvBook makes as scikit-learn does (`make_classification`, `make_regression`,
/// `make_blobs`, `make_moons`, `make_circles`) and the loaders of the tables it ships
/// (`load_iris`, `load_wine`, `load_breast_cancer`: `SklearnBundledData`).
enum SklearnDatasets {
  static let module = "sklearn.datasets"

  /// `sklearn.datasets.NAME`: the generator's path as a callable module value; nil for the
  /// other names (refused as ConvBook's limitation when called). `load_boston` is scikit-learn's
  /// ImportError.
  static func attribute(_ name: String, range: SourceRange) throws(CellError) -> Value? {
    switch name {
    case "load_boston":
      throw CellError(type: "ImportError", message: loadBostonMessage, range: range)
    case "make_classification", "make_regression", "make_blobs", "make_moons", "make_circles":
      return .module(.inert(module + "." + name))
    case _ where SklearnBundledData.loaders.contains(name):
      return .module(.inert(module + "." + name))
    default: return nil
    }
  }

  /// The generators' signatures, by path.
  static let signatures: [String: SklearnArguments.Signature] = [
    SklearnMakeClassification.path: SklearnMakeClassification.signature,
    SklearnMakeRegression.path: SklearnMakeRegression.signature,
    SklearnMakeBlobs.path: SklearnMakeBlobs.signature,
    SklearnCurves.moonsPath: SklearnCurves.moonsSignature,
    SklearnCurves.circlesPath: SklearnCurves.circlesSignature,
  ]

  /// A call of one of the generators (by its path), or nil for another path.
  static func call(
    _ path: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let name = String(path.split(separator: ".").last ?? "")
    if path == module + "." + name, SklearnBundledData.loaders.contains(name) {
      return try SklearnBundledData.call(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    guard let signature = signatures[path] else { return nil }
    let arguments = try SklearnArguments(
      signature, positional: positional, keywords: keywords, range: site.range)
    switch path {
    case SklearnMakeClassification.path:
      return try SklearnMakeClassification.call(arguments, site: site, interpreter: interpreter)
    case SklearnMakeRegression.path:
      return try SklearnMakeRegression.call(arguments, site: site, interpreter: interpreter)
    case SklearnMakeBlobs.path:
      return try SklearnMakeBlobs.call(arguments, site: site, interpreter: interpreter)
    default:
      return try SklearnCurves.call(
        arguments, circles: path == SklearnCurves.circlesPath, site: site,
        interpreter: interpreter)
    }
  }

  /// scikit-learn 1.9's message, word for word (`sklearn/datasets/__init__.py`).
  static let loadBostonMessage = #"""

    `load_boston` has been removed from scikit-learn since version 1.2.

    The Boston housing prices dataset has an ethical problem: as
    investigated in [1], the authors of this dataset engineered a
    non-invertible variable "B" assuming that racial self-segregation had a
    positive impact on house prices [2]. Furthermore the goal of the
    research that led to the creation of this dataset was to study the
    impact of air quality but it did not give adequate demonstration of the
    validity of this assumption.

    The scikit-learn maintainers therefore strongly discourage the use of
    this dataset unless the purpose of the code is to study and educate
    about ethical issues in data science and machine learning.

    In this special case, you can fetch the dataset from the original
    source::

        import pandas as pd
        import numpy as np

        data_url = "http://lib.stat.cmu.edu/datasets/boston"
        raw_df = pd.read_csv(data_url, sep="\s+", skiprows=22, header=None)
        data = np.hstack([raw_df.values[::2, :], raw_df.values[1::2, :2]])
        target = raw_df.values[1::2, 2]

    Alternative datasets include the California housing dataset and the
    Ames housing dataset. You can load the datasets as follows::

        from sklearn.datasets import fetch_california_housing
        housing = fetch_california_housing()

    for the California housing dataset and::

        from sklearn.datasets import fetch_openml
        housing = fetch_openml(name="house_prices", as_frame=True)

    for the Ames housing dataset.

    [1] M Carlisle.
    "Racist data destruction?"
    <https://medium.com/@docintangible/racist-data-destruction-113e3eff54a8>

    [2] Harrison Jr, David, and Daniel L. Rubinfeld.
    "Hedonic housing prices and the demand for clean air."
    Journal of environmental economics and management 5.1 (1978): 81-102.
    <https://www.researchgate.net/publication/4974606_Hedonic_housing_prices_and_the_demand_for_clean_air>

    """#
}
