import CNNEngine

/// `sklearn.utils.shuffle(*arrays, random_state=None, n_samples=None)`, as scikit-learn 1.9's
/// `resample(replace=False)` computes it: `check_random_state` (a new `RandomState(seed)` for an
/// int, NumPy's global generator for None, whose unseeded draws are ConvBook's own), then
/// `indices = np.arange(n)`, `random_state.shuffle(indices)`, the first `n_samples` of them, and
/// each array's (or list's) rows in that order: the one array, or a list of them; None without
/// arrays. A `RandomState` object as `random_state`, and containers other than arrays and lists
/// (DataFrames), are ConvBook's limitation.
enum SklearnShuffle {
  static let path = "sklearn.utils.shuffle"

  static func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support shuffle(\(what)) yet", at: range)
    }
    var options: [String: Value] = [:]
    for (label, value) in keywords {
      guard label == "random_state" || label == "n_samples" else {
        throw CellError(
          type: "TypeError",
          message: "shuffle() got an unexpected keyword argument '\(label)'", range: range)
      }
      options[label] = value
    }
    var requested: Int?
    switch options["n_samples"].map(NumPyScalar.integer) {
    case nil, .none?: break
    case .int(let count)? where count >= 1: requested = count
    case let given?: throw limitation("n_samples=\(PythonText.repr(given))")
    }
    var random = try SklearnRandomState(
      options["random_state"] ?? .none, interpreter: interpreter
    ) { limitation("random_state=\(PythonText.repr($0))") }
    guard !positional.isEmpty else { return .none }
    var counts: [Int] = []
    for array in positional {
      guard let count = SklearnSamples.count(array) else { throw limitation("a \(array.typeName)") }
      counts.append(count)
    }
    let samples = counts[0]
    if let requested, requested > samples {
      throw CellError(
        type: "ValueError",
        message:
          "Cannot sample \(requested) out of arrays with dim \(samples) when replace is False",
        range: range)
    }
    try SklearnSamples.checkConsistentLength(counts, range: range)
    var order = Array(0..<samples)
    NumPyRandomIntegers.shuffle(count: samples, &random.state) { order.swapAt($0, $1) }
    order = Array(order.prefix(requested ?? samples))
    let ownDraws = random.global && !random.state.seeded
    if random.global { interpreter.session.numpyRandom = random.state }
    var results: [Value] = []
    for array in positional {
      guard
        var rows = try SklearnSamples.rows(array, order, budget: interpreter.budget, range: range)
      else { throw limitation("a \(array.typeName)") }
      if ownDraws {
        rows = try OwnDraws.markDrawn(
          rows, by: "sklearn.utils.shuffle", range: range, training: interpreter.session.training)
      }
      results.append(rows)
    }
    return results.count == 1 ? results[0] : .list(PythonList(results))
  }
}
