import CNNEngine

/// scikit-learn's `make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None)`,
/// as scikit-learn 1.9 makes the two half circles: `cos` / `sin` of `np.linspace(0, pi, n)` for
/// the outer moon's `n_samples // 2` points and shifted for the inner one's, the rows shuffled by
/// `random_state.shuffle(np.arange(n))` (`sklearn.utils.shuffle`) and then `noise *
/// normal(size=(n, 2))` added, from `RandomState(random_state)` (NumPy's global generator for
/// None: unseeded, its draws are ConvBook's own, `OwnDraws`). `(X, y)`: float64 points and int64
/// labels. A `RandomState` object as `random_state` is ConvBook's limitation.
enum SklearnMakeMoons {
  static let path = "sklearn.datasets.make_moons"

  static func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let budget = interpreter.budget
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support make_moons(\(what)) yet", at: range)
    }
    guard positional.count <= 1 else {
      throw CellError(type: "TypeError", message: "too many positional arguments", range: range)
    }
    var options: [String: Value] = [:]
    if let first = positional.first { options["n_samples"] = first }
    for (label, value) in keywords {
      guard ["n_samples", "shuffle", "noise", "random_state"].contains(label) else {
        throw CellError(
          type: "TypeError", message: "got an unexpected keyword argument '\(label)'",
          range: range)
      }
      guard options[label] == nil else {
        throw CellError(
          type: "TypeError", message: "multiple values for argument '\(label)'", range: range)
      }
      options[label] = value
    }
    let (outer, inner): (Int, Int)
    switch NumPyScalar.integer(options["n_samples"] ?? .int(100)) {
    case .int(let count) where count >= 1: (outer, inner) = (count / 2, count - count / 2)
    case .tuple(let counts) where counts.count == 2:
      guard case .int(let first) = NumPyScalar.integer(counts[0]),
        case .int(let second) = NumPyScalar.integer(counts[1]), first >= 0, second >= 0
      else { throw limitation("n_samples=\(PythonText.repr(.tuple(counts)))") }
      (outer, inner) = (first, second)
    case let other: throw limitation("n_samples=\(PythonText.repr(other))")
    }
    var noise: Double?
    switch NumPyScalar.number(options["noise"] ?? .none) {
    case .none: noise = nil
    case .int(let value) where value >= 0: noise = Double(value)
    case .float(let value) where value >= 0: noise = value
    case let other: throw limitation("noise=\(PythonText.repr(other))")
    }
    let count = outer + inner
    try budget.allocate(count: count * 3, size: 8, at: range)
    func curve(_ function: String, points: Int) throws(CellError) -> [Double] {
      let line = try NumPyFunctions.call(
        "linspace", positional: [.int(0), .float(.pi), .int(points)], keywords: [], site: site,
        budget: budget)
      let values = try NumPyFunctions.call(
        function, positional: [line], keywords: [], site: site, budget: budget)
      guard case .array(let array) = values else { return [] }
      return (0..<array.count).map { array.value(at: $0) }
    }
    let xs = try curve("cos", points: outer) + curve("cos", points: inner).map { 1 - $0 }
    let ys = try curve("sin", points: outer) + curve("sin", points: inner).map { 1 - $0 - 0.5 }
    var order = Array(0..<count)
    var ownDraws = false
    // `check_random_state`: a new RandomState for an int, NumPy's global one for None.
    var state: NumPyRandomState
    let global: Bool
    switch NumPyScalar.integer(options["random_state"] ?? .none) {
    case .none:
      state = interpreter.session.numpyRandom
      global = true
    case .int(let seed) where seed >= 0 && seed <= Int(UInt32.max):
      state = NumPyRandomState(seed: UInt32(seed))
      global = false
    case let other: throw limitation("random_state=\(PythonText.repr(other))")
    }
    let shuffle = options["shuffle"]?.isTruthy ?? true
    if shuffle {
      NumPyRandomIntegers.shuffle(count: count, &state) { order.swapAt($0, $1) }
    }
    var points = order.flatMap { [xs[$0], ys[$0]] }
    if let noise {
      let deviates = state.gaussians(count: 2 * count, loc: 0, scale: noise)
      points = zip(points, deviates).map { $0 + $1 }
    }
    if global {
      interpreter.session.numpyRandom = state
      ownDraws = !state.seeded && (shuffle || noise != nil)
    }
    var result: [Value] = [
      .array(NDArray(dtype: .float64, shape: [count, 2], doubles: points)),
      .array(NDArray(dtype: .int64, shape: [count], doubles: order.map { $0 < outer ? 0 : 1 })),
    ]
    if ownDraws {
      result = try result.map { (part: Value) throws(CellError) -> Value in
        try OwnDraws.mark(
          part, refusingText: false, range: range, training: interpreter.session.training)
      }
    }
    return .tuple(result)
  }
}
