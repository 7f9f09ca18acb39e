import CNNEngine

/// scikit-learn's `make_regression(n_samples=100, n_features=100, *, n_informative=10,
/// n_targets=1, bias=0.0, effective_rank=None, tail_strength=0.5, noise=0.0, shuffle=True,
/// coef=False, random_state=None)`, drawn as scikit-learn 1.9 draws it from
/// `check_random_state(random_state)`: standard normal features, the first `n_informative` rows of
/// the ground truth `100 * uniform`, the targets `np.dot(X, ground_truth) + bias`
/// (`OpenBLASDoubleProduct`) with `normal(scale=noise)` added, then the rows and the features
/// shuffled. `(X, y)` (and the shuffled ground truth for `coef=True`), float64, `y` squeezed.
/// `effective_rank` (a low-rank matrix through an SVD) is ConvBook's limitation.
enum SklearnMakeRegression {
  static let path = "sklearn.datasets.make_regression"

  static let signature = SklearnArguments.Signature(
    function: "make_regression", leading: ["n_samples", "n_features"],
    keywordOnly: [
      "n_informative", "n_targets", "bias", "effective_rank", "tail_strength", "noise",
      "shuffle", "coef", "random_state",
    ])

  static func call(_ arguments: SklearnArguments, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let range = site.range
    let samples = try arguments.integer("n_samples", default: 100, minimum: 1)
    let features = try arguments.integer("n_features", default: 100, minimum: 1)
    let informative = min(
      features, try arguments.integer("n_informative", default: 10, minimum: 0))
    let targets = try arguments.integer("n_targets", default: 1, minimum: 1)
    guard let bias = try arguments.real("bias", default: 0) else {
      throw arguments.limitation("bias", .none)
    }
    if let rank = arguments.value("effective_rank"), !rank.isNone {
      throw arguments.limitation("effective_rank", rank)
    }
    guard let noise = try arguments.real("noise", default: 0), noise >= 0 else {
      throw arguments.limitation("noise", arguments.value("noise") ?? .none)
    }
    let shuffle = arguments.flag("shuffle", default: true)
    let coefficients = arguments.flag("coef", default: false)
    let (count, overflow) = features.multipliedReportingOverflow(by: samples)
    guard !overflow else { throw arguments.limitation("n_features", .int(features)) }
    try interpreter.budget.allocate(count: count, size: 8 * 3, at: range)
    if targets > 1 && features > 256 && informative > 128 {
      // `dgemm` splits a shared axis over 256 into blocks ConvBook does not model; with the
      // nonzero ground truth within the first 128 features, the blocks after it add zeros.
      throw arguments.limitation("n_informative", .int(informative))
    }
    var random = try SklearnRandomState(arguments, interpreter: interpreter)

    let x = random.state.gaussians(count: count, loc: 0, scale: 1)
    var truth = [Double](repeating: 0, count: features * targets)
    let drawn = random.state.uniforms(count: informative * targets, low: 0, width: 1)
    for index in drawn.indices { truth[index] = 100 * drawn[index] }
    let product: [Double]
    if targets > 1 && features > 256 {
      // Only the first rows of the ground truth are nonzero: a chain over them is `dgemm`'s sum.
      let leading = SampleColumns.pick(
        x, columns: features, rows: samples, Array(0..<informative))
      product =
        OpenBLASDoubleProduct.product(
          leading, rows: samples, shared: informative, Array(truth.prefix(informative * targets)),
          columns: targets) ?? []
    } else if let known = OpenBLASDoubleProduct.product(
      x, rows: samples, shared: features, truth, columns: targets)
    {
      product = known
    } else {
      throw .unsupported(
        "ConvBook does not support make_regression with one sample yet (NumPy multiplies a single row in another order)",
        at: range)
    }
    var y = product.map { $0 + bias }
    if noise > 0 {
      let deviates = random.state.gaussians(count: y.count, loc: 0, scale: noise)
      y = zip(y, deviates).map { $0 + $1 }
    }
    let (rowOrder, columnOrder) = random.orders(rows: samples, columns: features, shuffle)
    let arranged = SampleColumns.arrange(
      x, rows: samples, columns: features, shift: [Double](repeating: 0, count: features),
      scale: [Double](repeating: 1, count: features), rowOrder: rowOrder,
      columnOrder: columnOrder)
    let targetsShuffled = SampleColumns.arrange(
      y, rows: samples, columns: targets, shift: [Double](repeating: 0, count: targets),
      scale: [Double](repeating: 1, count: targets), rowOrder: rowOrder,
      columnOrder: Array(0..<targets))
    var results: [Value] = [
      .array(NDArray(dtype: .float64, shape: [samples, features], doubles: arranged)),
      .array(
        NDArray(
          dtype: .float64, shape: [samples, targets].filter { $0 != 1 },
          doubles: targetsShuffled)),
    ]
    if coefficients {
      let truthShuffled = SampleColumns.arrange(
        truth, rows: features, columns: targets, shift: [Double](repeating: 0, count: targets),
        scale: [Double](repeating: 1, count: targets), rowOrder: columnOrder,
        columnOrder: Array(0..<targets))
      results.append(
        .array(
          NDArray(
            dtype: .float64, shape: [features, targets].filter { $0 != 1 },
            doubles: truthShuffled)))
    }
    return try random.finish(results, drew: true, interpreter: interpreter, range: range)
  }
}
