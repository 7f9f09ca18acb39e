import CNNEngine

/// scikit-learn's two-curve generators, as scikit-learn 1.9 makes them: `make_moons(n_samples=100,
/// *, shuffle=True, noise=None, random_state=None)`, two half circles (`cos` / `sin` of
/// `np.linspace(0, pi, n)` for the outer moon's `n_samples // 2` points, shifted for the inner
/// one's), and `make_circles(n_samples=100, *, shuffle=True, noise=None, random_state=None,
/// factor=0.8)`, two circles (`np.linspace(0, 2 * pi, n, endpoint=False)`, the inner one times
/// `factor`). The rows are shuffled by `random_state.shuffle(np.arange(n))`
/// (`sklearn.utils.shuffle`) and then `normal(scale=noise, size=(n, 2))` is added, from
/// `check_random_state(random_state)` (`SklearnRandomState`). `(X, y)`: float64 points and int64
/// labels.
enum SklearnCurves {
  static let moonsPath = "sklearn.datasets.make_moons"
  static let circlesPath = "sklearn.datasets.make_circles"

  static let moonsSignature = SklearnArguments.Signature(
    function: "make_moons", leading: ["n_samples"],
    keywordOnly: ["shuffle", "noise", "random_state"])
  static let circlesSignature = SklearnArguments.Signature(
    function: "make_circles", leading: ["n_samples"],
    keywordOnly: ["shuffle", "noise", "random_state", "factor"])

  static func call(
    _ arguments: SklearnArguments, circles: Bool, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let (outer, inner): (Int, Int)
    let given = arguments.value("n_samples") ?? .int(100)
    if let counts = given.sequenceItems {
      guard counts.count == 2, case .int(let first) = NumPyScalar.integer(counts[0]),
        case .int(let second) = NumPyScalar.integer(counts[1]), first >= 0, second >= 0
      else { throw arguments.limitation("n_samples", given) }
      (outer, inner) = (first, second)
    } else {
      let count = try arguments.integer("n_samples", default: 100, minimum: 1)
      (outer, inner) = (count / 2, count - count / 2)
    }
    let noise = try arguments.real("noise", default: nil)
    if let noise, noise < 0 { throw arguments.limitation("noise", arguments.value("noise")!) }
    guard let factor = try arguments.real("factor", default: 0.8), (0..<1).contains(factor) else {
      throw arguments.limitation("factor", arguments.value("factor") ?? .none)
    }
    let shuffle = arguments.flag("shuffle", default: true)
    let count = outer + inner
    try interpreter.budget.allocate(count: count * 3, size: 8, at: range)
    var random = try SklearnRandomState(arguments, interpreter: interpreter)

    func curve(_ function: String, points: Int) throws(CellError) -> [Double] {
      let line = try NumPyFunctions.call(
        "linspace", positional: [.int(0), .float(circles ? 2 * .pi : .pi), .int(points)],
        keywords: circles ? [("endpoint", .bool(false))] : [], site: site,
        budget: interpreter.budget)
      let values = try NumPyFunctions.call(
        function, positional: [line], keywords: [], site: site, budget: interpreter.budget)
      guard case .array(let array) = values else { return [] }
      return (0..<array.count).map { array.value(at: $0) }
    }
    let xs: [Double]
    let ys: [Double]
    if circles {
      xs = try curve("cos", points: outer) + curve("cos", points: inner).map { $0 * factor }
      ys = try curve("sin", points: outer) + curve("sin", points: inner).map { $0 * factor }
    } else {
      xs = try curve("cos", points: outer) + curve("cos", points: inner).map { 1 - $0 }
      ys = try curve("sin", points: outer) + curve("sin", points: inner).map { 1 - $0 - 0.5 }
    }
    var order = Array(0..<count)
    if shuffle {
      NumPyRandomIntegers.shuffle(count: count, &random.state) { order.swapAt($0, $1) }
    }
    var points = order.flatMap { [xs[$0], ys[$0]] }
    if let noise {
      let deviates = random.state.gaussians(count: 2 * count, loc: 0, scale: noise)
      points = zip(points, deviates).map { $0 + $1 }
    }
    return try random.finish(
      [
        .array(NDArray(dtype: .float64, shape: [count, 2], doubles: points)),
        .array(NDArray(dtype: .int64, shape: [count], doubles: order.map { $0 < outer ? 0 : 1 })),
      ], drew: shuffle || noise != nil, interpreter: interpreter, range: range)
  }
}
