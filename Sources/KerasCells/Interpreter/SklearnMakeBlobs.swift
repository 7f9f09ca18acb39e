import CNNEngine

/// scikit-learn's `make_blobs(n_samples=100, n_features=2, *, centers=None, cluster_std=1.0,
/// center_box=(-10.0, 10.0), shuffle=True, random_state=None, return_centers=False)`, drawn as
/// scikit-learn 1.9 draws it from `check_random_state(random_state)`: `centers` points drawn by
/// `uniform(*center_box)` for a number (3 for None), or the given ones; the samples split evenly
/// over the centers (the first ones one more) or as `n_samples` lists them, each center's rows
/// `normal(loc=center, scale=std)`, then the rows shuffled. `(X, y)` (and the centers for
/// `return_centers=True`): float64 points and int64 labels. Centers or counts that do not agree
/// are ConvBook's limitation (scikit-learn's messages show NumPy's arrays).
enum SklearnMakeBlobs {
  static let path = "sklearn.datasets.make_blobs"

  static let signature = SklearnArguments.Signature(
    function: "make_blobs", leading: ["n_samples", "n_features"],
    keywordOnly: [
      "centers", "cluster_std", "center_box", "shuffle", "random_state", "return_centers",
    ])

  static func call(_ arguments: SklearnArguments, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let range = site.range
    var features = try arguments.integer("n_features", default: 2, minimum: 1)
    func numbers(_ name: String) throws(CellError) -> [Double]? {
      guard let given = arguments.value(name), let items = given.sequenceItems else {
        return nil
      }
      var result: [Double] = []
      for item in items {
        switch NumPyScalar.number(item) {
        case .int(let number): result.append(Double(number))
        case .float(let number): result.append(number)
        default: throw arguments.limitation(name, given)
        }
      }
      return result
    }
    // `n_samples`: a total or one count per center.
    let counts: [Int]?
    let total: Int
    if let given = arguments.value("n_samples"), given.sequenceItems != nil {
      var list: [Int] = []
      for item in given.sequenceItems ?? [] {
        guard case .int(let count) = NumPyScalar.integer(item), count >= 0 else {
          throw arguments.limitation("n_samples", given)
        }
        list.append(count)
      }
      counts = list
      total = list.reduce(0, +)
    } else {
      counts = nil
      total = try arguments.integer("n_samples", default: 100, minimum: 0)
    }
    // `centers`: a number to draw, or the points themselves.
    var given: [[Double]]?
    var centerCount = counts?.count ?? 3
    if let value = arguments.value("centers"), !value.isNone {
      if case .int(let number) = NumPyScalar.integer(value), counts == nil, number >= 1 {
        centerCount = number
      } else if let rows = value.sequenceItems ?? arrayRows(value) {
        var points: [[Double]] = []
        for row in rows {
          guard let items = row.sequenceItems ?? arrayRows(row) else {
            throw arguments.limitation("centers", value)
          }
          var point: [Double] = []
          for item in items {
            switch NumPyScalar.number(item) {
            case .int(let number): point.append(Double(number))
            case .float(let number): point.append(number)
            default: throw arguments.limitation("centers", value)
            }
          }
          points.append(point)
        }
        guard let width = points.first?.count, width > 0,
          points.allSatisfy({ $0.count == width }),
          counts == nil || counts?.count == points.count
        else { throw arguments.limitation("centers", value) }
        given = points
        centerCount = points.count
        features = width
      } else {
        throw arguments.limitation("centers", value)
      }
    }
    let box = try numbers("center_box") ?? [-10, 10]
    guard box.count == 2 else {
      throw arguments.limitation("center_box", arguments.value("center_box")!)
    }
    var deviations = [Double](repeating: 1, count: centerCount)
    if let spread = try numbers("cluster_std") {
      guard spread.count == centerCount else {
        throw arguments.limitation("cluster_std", arguments.value("cluster_std")!)
      }
      deviations = spread
    } else if let spread = try arguments.real("cluster_std", default: 1) {
      deviations = [Double](repeating: spread, count: centerCount)
    }
    let shuffle = arguments.flag("shuffle", default: true)
    let (count, overflow) = total.multipliedReportingOverflow(by: features)
    guard !overflow else { throw arguments.limitation("n_samples", .int(total)) }
    try interpreter.budget.allocate(count: count, size: 8 * 3, at: range)
    var random = try SklearnRandomState(arguments, interpreter: interpreter)

    let centers =
      given?.flatMap { $0 }
      ?? random.state.uniforms(
        count: centerCount * features, low: box[0], width: box[1] - box[0])
    var perCenter =
      counts ?? [Int](repeating: total / centerCount, count: centerCount)
    if counts == nil {
      for index in 0..<(total % centerCount) { perCenter[index] += 1 }
    }
    var points: [Double] = []
    points.reserveCapacity(count)
    var labels: [Double] = []
    labels.reserveCapacity(total)
    for center in 0..<centerCount {
      let deviates = random.state.gaussians(
        count: perCenter[center] * features, loc: 0, scale: 1)
      // `legacy_normal`: `loc + scale * gauss()`, the center broadcast over the rows.
      for (index, deviate) in deviates.enumerated() {
        points.append(centers[center * features + index % features] + deviations[center] * deviate)
      }
      labels += [Double](repeating: Double(center), count: perCenter[center])
    }
    var rowOrder = Array(0..<total)
    if shuffle {
      NumPyRandomIntegers.shuffle(count: total, &random.state) { rowOrder.swapAt($0, $1) }
    }
    let arranged = SampleColumns.arrange(
      points, rows: total, columns: features, shift: [Double](repeating: 0, count: features),
      scale: [Double](repeating: 1, count: features), rowOrder: rowOrder,
      columnOrder: Array(0..<features))
    var results: [Value] = [
      .array(NDArray(dtype: .float64, shape: [total, features], doubles: arranged)),
      .array(NDArray(dtype: .int64, shape: [total], doubles: rowOrder.map { labels[$0] })),
    ]
    if arguments.flag("return_centers", default: false) {
      results.append(
        .array(NDArray(dtype: .float64, shape: [centerCount, features], doubles: centers)))
    }
    return try random.finish(results, drew: true, interpreter: interpreter, range: range)
  }

  /// The rows of a NumPy array of centers, as values.
  private static func arrayRows(_ value: Value) -> [Value]? {
    guard case .array(let array) = value, array.rank >= 1 else { return nil }
    if array.rank == 1 { return (0..<array.count).map { .float(array.value(at: $0)) } }
    let width = array.count / max(array.shape[0], 1)
    return (0..<array.shape[0]).map { row in
      .list(PythonList((0..<width).map { .float(array.value(at: row * width + $0)) }))
    }
  }
}
