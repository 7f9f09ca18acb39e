import CNNEngine

/// scikit-learn's `train_test_split(*arrays, test_size=None, train_size=None, random_state=None,
/// shuffle=True, stratify=None)`, as scikit-learn 1.9 computes it: the sizes by
/// `_validate_shuffle_split` (25% test by default, `ceil` of a test fraction, `floor` of a train
/// fraction), the rows by `ShuffleSplit`: `RandomState(random_state).permutation(n)` (NumPy's
/// global generator for `None`), test rows first, then train rows; without `shuffle` the first
/// rows train; a stratified split is `StratifiedShuffleSplit`'s (`TrainTestSplit+Stratified`).
/// Each array (a NumPy array or a list) is split into `[train, test]` in turn. Other containers
/// (DataFrames) and a generator object as `random_state` are ConvBook's limitation.
enum TrainTestSplit {
  static let path = "sklearn.model_selection.train_test_split"

  static func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support train_test_split(\(what)) yet", at: range)
    }
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    var options: [String: Value] = [:]
    for (label, value) in keywords {
      guard ["test_size", "train_size", "random_state", "shuffle", "stratify"].contains(label)
      else {
        throw CellError(
          type: "TypeError",
          message: "train_test_split() got an unexpected keyword argument '\(label)'",
          range: range)
      }
      options[label] = value
    }
    guard !positional.isEmpty else { throw valueError("At least one array required as input") }
    var counts: [Int] = []
    for array in positional {
      guard let count = SklearnSamples.count(array) else { throw limitation("a \(array.typeName)") }
      counts.append(count)
    }
    try SklearnSamples.checkConsistentLength(counts, range: range)
    let samples = counts[0]
    let (train, test) = try sizes(
      samples: samples, test: options["test_size"] ?? .none,
      train: options["train_size"] ?? .none, range: range)
    let shuffle = options["shuffle"]?.isTruthy ?? true
    let stratify = options["stratify"] ?? .none
    var order = Array(0..<samples)
    var ownDraws = false
    if !shuffle {
      if !stratify.isNone {
        throw valueError("Stratified train/test split is not implemented for shuffle=False")
      }
    } else {
      // `check_random_state`: a new RandomState for an int, NumPy's global one for None.
      let random = try SklearnRandomState(
        options["random_state"] ?? .none, interpreter: interpreter
      ) { limitation("random_state=\(PythonText.repr($0))") }
      var state = random.state
      let global = random.global
      if stratify.isNone {
        NumPyRandomIntegers.shuffle(count: samples, &state) { order.swapAt($0, $1) }
        // `ShuffleSplit`: the permutation's first rows are the test set.
        order = Array(order[test..<(test + train)]) + Array(order[0..<test])
      } else {
        let (trainRows, testRows) = try stratified(
          stratify, samples: samples, train: train, test: test, state: &state, range: range)
        order = trainRows + testRows
      }
      if global {
        interpreter.session.numpyRandom = state
        ownDraws = !state.seeded
      }
    }
    let trainRows = Array(order[0..<train])
    let testRows = Array(order[train..<(train + test)])
    var parts: [Value] = []
    for array in positional {
      for rows in [trainRows, testRows] {
        guard
          var part = try SklearnSamples.rows(
            array, rows, budget: interpreter.budget, range: range)
        else { throw limitation("a \(array.typeName)") }
        if ownDraws {
          part = try OwnDraws.mark(
            part, refusingText: false, range: range, training: interpreter.session.training)
        }
        parts.append(part)
      }
    }
    return .list(PythonList(parts))
  }

  /// `_validate_shuffle_split(n_samples, test_size, train_size, default_test_size=0.25)`.
  private static func sizes(samples: Int, test: Value, train: Value, range: SourceRange)
    throws(CellError) -> (train: Int, test: Int)
  {
    enum Size {
      case none
      case fraction(Double)
      case count(Int)
    }
    func size(_ value: Value, _ name: String) throws(CellError) -> Size {
      switch value {
      case .none: return .none
      case .float(let fraction) where fraction > 0 && fraction < 1: return .fraction(fraction)
      case .int(let count) where count >= 1: return .count(count)
      default:
        throw .unsupported(
          "ConvBook does not support train_test_split(\(name)=\(PythonText.repr(value))) yet",
          at: range)
      }
    }
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    var testSize = try size(test, "test_size")
    let trainSize = try size(train, "train_size")
    if case .none = testSize, case .none = trainSize { testSize = .fraction(0.25) }
    if case .count(let count) = testSize, count >= samples {
      throw valueError(
        "test_size=\(count) should be either positive and smaller than the number of samples \(samples) or a float in the (0, 1) range"
      )
    }
    if case .count(let count) = trainSize, count >= samples {
      throw valueError(
        "train_size=\(count) should be either positive and smaller than the number of samples \(samples) or a float in the (0, 1) range"
      )
    }
    if case .fraction(let a) = trainSize, case .fraction(let b) = testSize, a + b > 1 {
      throw valueError(
        "The sum of test_size and train_size = \(PythonText.repr(.float(a + b))), should be in the (0, 1) range. Reduce test_size and/or train_size."
      )
    }
    var nTest: Double?
    var nTrain: Double?
    switch testSize {
    case .fraction(let fraction): nTest = (fraction * Double(samples)).rounded(.up)
    case .count(let count): nTest = Double(count)
    case .none: break
    }
    switch trainSize {
    case .fraction(let fraction): nTrain = (fraction * Double(samples)).rounded(.down)
    case .count(let count): nTrain = Double(count)
    case .none: break
    }
    let trainCount = nTrain ?? Double(samples) - (nTest ?? 0)
    let testCount = nTest ?? Double(samples) - trainCount
    if trainCount + testCount > Double(samples) {
      throw valueError(
        "The sum of train_size and test_size = \(Int(trainCount + testCount)), should be smaller than the number of samples \(samples). Reduce test_size and/or train_size."
      )
    }
    if Int(trainCount) == 0 {
      throw valueError(
        "With n_samples=\(samples), test_size=\(PythonText.repr(test.isNone && train.isNone ? .float(0.25) : test)) and train_size=\(PythonText.repr(train)), the resulting train set will be empty. Adjust any of the aforementioned parameters."
      )
    }
    return (Int(trainCount), Int(testCount))
  }
}
