import CNNEngine

/// Values that derive from ConvBook's own random draws where Keras draws others on every run:
/// unseeded random weights (`CellTraining.ownDraw(of:in:)`), what a model or layer holding them
/// computes (its calls, `predict`, `evaluate`, the losses `fit` reports and keeps in its
/// history), the eager `tf.random` draws ConvBook does not reproduce, and every value computed
/// from those. Arrays and NumPy scalars carry the mark (`NDArray.derivesFromOwnDraw`); a Python
/// number computed from a marked value becomes a marked NumPy scalar of its kind, so the mark
/// survives arithmetic, indexing, reductions, `float()` and `round()`. Printing a marked value
/// (`PythonText.requireKnownText`), making text of it (`str`, f-strings, `format`) or branching
/// on it (`Interpreter.condition`) is refused there: the output before it stays, and nothing of
/// ConvBook's own draw is shown as if Keras would print it. Shapes, lengths and types of marked
/// values are no such values.
enum OwnDraws {
  /// How the running script seeded its random numbers, which the refusals name.
  enum Seeding {
    /// No seed: TensorFlow draws anew on every run.
    case none
    /// `tf.random.set_seed` / `np.random.seed` without Python's `random.seed`: both Kerases take
    /// an unseeded initializer's seed from Python's `random`, which these leave unseeded, so
    /// TensorFlow's initial weights differ from run to run (measured with tf-keras 2.21 and
    /// Keras 3.15.1).
    case tensorflowOrNumPy
    /// `keras.utils.set_random_seed`, whose initial weights ConvBook reproduces; what it still
    /// draws itself is another draw of TensorFlow's.
    case keras
    /// Python's `random.seed` (with or without the others): the initial weights are reproduced
    /// as for `keras`.
    case python
  }

  /// The seeding of the session whose cell runs on this thread (none outside a cell).
  static var seeding: Seeding {
    guard let session = WeightText.source?.session else { return .none }
    if session.kerasSeedGenerator != nil { return .keras }
    if session.pythonRandom.isSeeded { return .python }
    return session.randomSeed == nil ? .none : .tensorflowOrNumPy
  }

  /// Why, as the refusals say it: what is true of the script's seeding.
  static var reason: String {
    switch seeding {
    case .none:
      return
        "TensorFlow draws unseeded weights and random tensors anew on every run, and fit shuffles with its own generator"
    case .tensorflowOrNumPy:
      return
        "tf.random.set_seed and np.random.seed do not seed the initial weights: Keras draws an unseeded initializer's seed from Python's random module, so TensorFlow's weights differ on every run"
    case .keras:
      return
        "the script is seeded with keras.utils.set_random_seed, but ConvBook does not reproduce every draw TensorFlow makes from it: these values come from one it draws itself"
    case .python:
      return
        "the script seeds Python's random, from which ConvBook reproduces the initial weights, but not every draw TensorFlow makes: these values come from one it draws itself"
    }
  }

  /// What the script can do instead.
  static var advice: String {
    switch seeding {
    case .none: return "seed the script with keras.utils.set_random_seed(...)"
    case .tensorflowOrNumPy:
      return
        "seed it with keras.utils.set_random_seed(...) (or random.seed(...) as well), whose initial weights ConvBook reproduces"
    case .keras, .python: return "leave these values out of what the script prints"
    }
  }

  /// Whether `value` derives from ConvBook's own draws: a marked array or NumPy scalar, a weight
  /// holding such values, a history of such a fit, or (`intoContainers`) a container holding one
  /// (among its first items).
  static func derives(
    _ value: Value, training: CellTraining, intoContainers: Bool = true, depth: Int = 0
  ) -> Bool {
    guard training.ownDrawsSeen, depth < 3 else { return false }
    switch value {
    case .array(let array): return array.derivesFromOwnDraw
    case .standard(let scalar as NumPyScalar): return scalar.array.derivesFromOwnDraw
    // A `tf.Variable` holding such values (`tf.Variable(tf.random.normal(...))` unseeded).
    case .standard(let variable as EagerVariable): return variable.array.derivesFromOwnDraw
    case .variable(let variable):
      guard let owner = variable.owner else { return false }
      return training.ownDraw(of: variable.name, in: owner)
    case .history(let history): return history.derivesFromOwnDraw
    case .list, .tuple:
      guard intoContainers else { return false }
      return (value.sequenceItems ?? []).prefix(64).contains {
        derives($0, training: training, depth: depth + 1)
      }
    case .dictionary(let dictionary):
      guard intoContainers else { return false }
      return dictionary.pairs.prefix(64).contains {
        derives($0.1, training: training, depth: depth + 1)
      }
    default: return false
    }
  }

  /// `value` marked as deriving from ConvBook's own draws: arrays and NumPy scalars carry the
  /// mark, Python numbers become marked NumPy scalars of their kind, containers mark their items.
  /// Text cannot carry it: a string is refused when `refusingText` (a call or an index that made
  /// it from marked values), else left as it is (an item of a container that holds marked values).
  static func mark(
    _ value: Value, refusingText: Bool, range: SourceRange, training: CellTraining,
    depth: Int = 0
  ) throws(CellError) -> Value {
    guard depth < 3 else { return value }
    training.ownDrawsSeen = true
    switch value {
    case .array(var array):
      guard !array.derivesFromOwnDraw else { return value }
      array.derivesFromOwnDraw = true
      array.holdsOwnRandomValues = true
      return .array(array)
    case .standard(let scalar as NumPyScalar):
      guard !scalar.array.derivesFromOwnDraw else { return value }
      var array = scalar.array
      array.derivesFromOwnDraw = true
      array.holdsOwnRandomValues = true
      return .standard(NumPyScalar(array))
    case .float(let number): return scalar(.float64, number)
    case .int(let number): return scalar(.int64, Double(number))
    case .bool(let flag): return scalar(.bool, flag ? 1 : 0)
    case .bigInt:
      throw .unsupported(
        "this number would be computed from ConvBook's own random draw (\(reason)); \(advice)",
        at: range)
    case .string where refusingText:
      throw .unsupported(
        "this text would show values of ConvBook's own random draw (\(reason)); print their .shape, or \(advice)",
        at: range)
    case .tuple(let items):
      var marked: [Value] = []
      for item in items {
        marked.append(
          try mark(item, refusingText: false, range: range, training: training, depth: depth + 1))
      }
      return .tuple(marked)
    case .list(let list):
      guard list.dictionaryView == nil else { return value }
      for index in list.items.indices {
        list.items[index] = try mark(
          list.items[index], refusingText: false, range: range, training: training,
          depth: depth + 1)
      }
      return value
    case .dictionary(let dictionary):
      for index in dictionary.pairs.indices {
        dictionary.pairs[index].1 = try mark(
          dictionary.pairs[index].1, refusingText: false, range: range, training: training,
          depth: depth + 1)
      }
      return value
    case .history(var history):
      history.derivesFromOwnDraw = true
      return .history(history)
    default: return value
    }
  }

  /// What an unseeded generator drew (numbers, or the items a shuffle or a choice reordered),
  /// marked; items that cannot carry the mark (text, objects) would show the draw, and the call
  /// (`what`) is refused instead.
  static func markDrawn(
    _ value: Value, by what: String, range: SourceRange, training: CellTraining
  ) throws(CellError) -> Value {
    func carries(_ value: Value, depth: Int) -> Bool {
      switch value {
      case .int, .float, .bool, .array, .standard(is NumPyScalar): return true
      case .list, .tuple:
        return depth < 2 && (value.sequenceItems ?? []).allSatisfy { carries($0, depth: depth + 1) }
      default: return false
      }
    }
    guard carries(value, depth: 0) else {
      throw .unsupported(
        "\(what) here draws from an unseeded generator, which Python seeds anew from the machine on every run: ConvBook's draw would show instead; seed it first",
        at: range)
    }
    return try mark(value, refusingText: false, range: range, training: training)
  }

  private static func scalar(_ dtype: NDArray.DType, _ number: Double) -> Value {
    var array = NDArray(dtype: dtype, shape: [], doubles: [number])
    if !dtype.storesDoubles { array = NDArray(dtype: dtype, shape: [], scalars: [Float(number)]) }
    array.derivesFromOwnDraw = true
    array.holdsOwnRandomValues = true
    return .standard(NumPyScalar(array))
  }

  /// Functions and methods whose result does not depend on the values of their arguments (their
  /// shape, length or type only), by the last part of the name they are called by.
  static let valueIndependent: Set<String> = [
    "len", "type", "isinstance", "issubclass", "id", "hasattr", "callable", "print", "shape",
    "int_shape", "get_shape", "ndim", "rank", "size", "zeros_like", "ones_like", "empty_like",
    "dir", "count_params", "summary", "get_config", "to_json", "set_weights", "get_weights",
    "fit",
  ]

  /// NumPy's tests of exact equality between arrays.
  static let exactEqualityTests: Set<String> = ["array_equal", "array_equiv"]

  /// Whether two results hold the same values bit for bit (arrays, numbers, and lists or tuples
  /// of them).
  static func identical(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.array(let x), .array(let y)):
      return x.shape == y.shape && x.dtype == y.dtype && x.storage == y.storage
    case (.list, .list), (.tuple, .tuple):
      let (x, y) = (a.sequenceItems ?? [], b.sequenceItems ?? [])
      return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
    case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
    default: return false
    }
  }

  /// Functions and methods that hand on the items they are given without computing with them:
  /// the items keep their own marks.
  static let passingItems: Set<String> = [
    "enumerate", "zip", "list", "tuple", "sorted", "reversed", "dict", "set", "frozenset", "iter",
    "next", "map", "filter", "max", "min", "copy", "deepcopy", "pop", "get", "items", "values",
    "keys", "append", "extend", "insert", "setdefault", "update", "chain", "islice", "OrderedDict",
    "defaultdict", "deque", "popleft", "appendleft",
  ]

  /// A model's or layer's methods that compute with its weights.
  static let computingMethods: Set<String> = [
    "predict", "predict_on_batch", "evaluate", "test_on_batch", "train_on_batch", "__call__",
    "call", "predict_step", "test_step", "train_step", "predict_classes", "predict_proba",
    "predict_generator", "evaluate_generator",
  ]

  /// Whether calling `callee` on `positional` computes with weights that derive from ConvBook's
  /// own draws (a model or layer holding them, or one of their computing methods, on values).
  static func computesWithOwnDraws(_ callee: Value, on positional: [Value], training: CellTraining)
    -> Bool
  {
    // Calls on Keras tensors build a graph: no values yet.
    if case .kerasTensor? = positional.first { return false }
    if case .list(let list)? = positional.first, case .kerasTensor? = list.items.first {
      return false
    }
    switch callee {
    case .model(let model): return training.ownDrawn(model)
    case .layer(let instance): return training.ownDrawn(instance)
    case .method(.model(let model), let name) where computingMethods.contains(name):
      return training.ownDrawn(model)
    case .method(.layer(let instance), let name) where computingMethods.contains(name):
      return training.ownDrawn(instance)
    default: return false
    }
  }

  /// Whether the rule applies to calling `callee`: the script's own functions and classes carry
  /// the mark through the code they run instead.
  static func followsCall(of callee: Value, site: CallSite) -> Bool {
    switch callee {
    case .function(let callable):
      if case .user = callable.kind { return false }
      if case .partial = callable.kind { return false }
    case .instance, .superObject: return false
    case .method(.instance, _), .method(.superObject, _): return false
    default: break
    }
    let name = site.calleeText.split(separator: ".").last.map(String.init) ?? site.calleeText
    return !valueIndependent.contains(name) && !passingItems.contains(name)
  }
}

extension Interpreter {
  /// A call's result, marked when the call computes from values that derive from ConvBook's own
  /// draws (`OwnDraws`).
  func followingOwnDraws(
    _ callee: Value, positional: [Value], keywords: [(String, Value)], site: CallSite,
    _ call: () throws(CellError) -> Value
  ) throws(CellError) -> Value {
    let training = session.training
    guard training.ownDrawsSeen || isModelOrLayer(callee) else { return try call() }
    guard OwnDraws.followsCall(of: callee, site: site) else { return try call() }
    let computing = OwnDraws.computesWithOwnDraws(callee, on: positional, training: training)
    var derives = computing
    if !derives, case .method(let receiver, _) = callee {
      derives = OwnDraws.derives(receiver, training: training)
    }
    let givenOwn =
      positional.contains { OwnDraws.derives($0, training: training) }
      || keywords.contains { OwnDraws.derives($0.1, training: training) }
    derives = derives || givenOwn
    let result = try call()
    guard derives else { return result }
    // Two values of the same draw compared for equality (a copy's weights, a clone's outputs)
    // give what Keras' run gives, and so does an exact comparison with other values (almost
    // surely unequal in both).
    let name = site.calleeText.split(separator: ".").last.map(String.init) ?? ""
    if OwnDraws.exactEqualityTests.contains(name)
      || (name == "allclose"
        && positional.prefix(2).allSatisfy({ OwnDraws.derives($0, training: training) }))
    {
      return result
    }
    if computing, !givenOwn,
      try sameWithOwnDrawsMoved(callee, keywords: keywords, result: result, call)
    {
      return result
    }
    return try OwnDraws.mark(result, refusingText: true, range: site.range, training: training)
  }

  /// Whether a model's forward pass (`model(x)`, `predict`) gives the same values with its own
  /// draws moved elsewhere: then they do not depend on the draw. What the pass prints meanwhile
  /// is taken back.
  private func sameWithOwnDrawsMoved(
    _ callee: Value, keywords: [(String, Value)], result: Value,
    _ call: () throws(CellError) -> Value
  ) throws(CellError) -> Bool {
    let model: KerasModel
    switch callee {
    case .model(let called): model = called
    case .method(.model(let called), let name)
    where ["predict", "predict_on_batch", "__call__"].contains(name):
      model = called
    default: return false
    }
    guard !keywords.contains(where: { $0.0 == "training" && $0.1.isTruthy }) else { return false }
    let written = writtenSoFar
    defer { restoreWritten(written) }
    guard let again = try session.training.withOwnDrawsMoved(in: model, call) else {
      return false
    }
    return OwnDraws.identical(result, again)
  }

  private func isModelOrLayer(_ callee: Value) -> Bool {
    switch callee {
    case .model, .layer, .method(.model, _), .method(.layer, _): return true
    default: return false
    }
  }

  /// An operation's result (`a + b`, `-a`, `a < b`, `a[i]`, `a.T`), marked when an operand
  /// derives from ConvBook's own draws; text from an index that does is refused. Two values of
  /// the same draw compared for `equality` (`==`, `!=`) give what Keras' run gives.
  func followingOwnDraws(
    _ result: Value, operands: [Value], index: Value? = nil, equality: Bool = false,
    range: SourceRange
  ) throws(CellError) -> Value {
    let training = session.training
    guard training.ownDrawsSeen else { return result }
    if let index, OwnDraws.derives(index, training: training) {
      return try OwnDraws.mark(result, refusingText: true, range: range, training: training)
    }
    // A container's items keep their own marks (`pair[1]`, `a + b` of lists).
    if equality,
      operands.allSatisfy({ OwnDraws.derives($0, training: training, intoContainers: false) })
    {
      return result
    }
    guard
      operands.contains(where: {
        OwnDraws.derives($0, training: training, intoContainers: false)
      })
    else {
      return result
    }
    return try OwnDraws.mark(result, refusingText: false, range: range, training: training)
  }

  /// The truth of a condition (`if`, `while`, `and`, a comprehension's `if`): refused for a
  /// value that derives from ConvBook's own draws, whose branch Keras' run may not take.
  func condition(_ value: Value, range: SourceRange) throws(CellError) -> Bool {
    if session.training.ownDrawsSeen {
      switch value {
      case .array, .standard, .variable:
        if OwnDraws.derives(value, training: session.training) {
          throw .unsupported(
            "this condition tests values of ConvBook's own random draw (\(OwnDraws.reason)), so which branch runs could differ from Keras'; \(OwnDraws.advice)",
            at: range)
        }
      default: break
      }
    }
    try Value.checkTruthValue(value, range: range)
    return value.isTruthy
  }
}

extension Value {
  /// NumPy's (and TensorFlow's eager tensors', which ask NumPy) refusal to take the truth value
  /// of an array of other than one element (`if np.array([1, 2]):`, `0 < t < 3` of a vector).
  static func checkTruthValue(_ value: Value, range: SourceRange) throws(CellError) {
    guard case .array(let array) = value, array.count != 1 else { return }
    throw CellError(
      type: "ValueError",
      message: array.count == 0
        ? "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty."
        : "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
      range: range)
  }
}
