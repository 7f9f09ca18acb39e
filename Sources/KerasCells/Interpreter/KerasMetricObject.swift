import CNNEngine

/// A `keras.metrics` object a custom training loop keeps (`keras.metrics.Mean(name="d_loss")`,
/// `keras.metrics.SparseCategoricalAccuracy()`): its running total and count, `update_state`,
/// `result()`, `reset_state()` / `reset_states()` and `name`. The totals are float32 sums as
/// Keras' metric variables are; an accuracy or error metric counts each line's value
/// (`Metric.batch`, what `fit` reports). Given to `compile(metrics=[...])` it is the Keras object
/// it was made as (`object`).
final class KerasMetricObject: StandardObject {
  enum Kind {
    case mean
    case sum
    case perLine(Metric.Kind)
    /// Keras 3's `compile_metrics`: the compiled metrics of `model` (made at the first update,
    /// from the shapes), whose `result()` is a dict of theirs.
    case compiled(PythonInstance)
    /// `Precision` (`precision`) or `Recall` at the threshold 0.5: `total` counts the true
    /// positives, `count` those and the false positives (or the false negatives), whose
    /// quotient is `div_no_nan(tp, tp + fp)`.
    case confusion(precision: Bool)
  }

  /// The compiled metrics a `compile_metrics` container holds, once updated.
  private(set) var members: [KerasMetricObject]?

  let object: KerasObject
  let kind: Kind
  let name: String
  let keras3: Bool
  private var total: Float = 0
  private var count: Float = 0
  /// Whether an update since the last reset was given values of ConvBook's own draws
  /// (`OwnDraws`): then so is the result.
  private var derivesFromOwnDraw = false

  /// The metric classes ConvBook keeps state for, with Keras' default names (a per-line metric's
  /// kind; nil for `Mean` and `Sum`).
  private static let classes: [String: (perLine: Metric.Kind?, name: String)] = [
    "Mean": (nil, "mean"), "Sum": (nil, "sum"),
    "SparseCategoricalAccuracy": (.sparseCategoricalAccuracy, "sparse_categorical_accuracy"),
    "CategoricalAccuracy": (.categoricalAccuracy, "categorical_accuracy"),
    "BinaryAccuracy": (.binaryAccuracy, "binary_accuracy"),
    "MeanSquaredError": (.meanSquaredError, "mean_squared_error"),
    "MeanAbsoluteError": (.meanAbsoluteError, "mean_absolute_error"),
  ]

  init(object: KerasObject, kind: Kind, name: String, keras3: Bool) {
    self.object = object
    self.kind = kind
    self.name = name
    self.keras3 = keras3
  }

  /// `keras.metrics.NAME(...)`: a stateful metric for the classes above (nil for the others,
  /// which stay Keras objects for `compile`).
  static func make(
    _ className: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> KerasMetricObject? {
    if className == "Precision" || className == "Recall" {
      // Made with a name at most (`thresholds`, `top_k` and `class_id` come first
      // positionally); without one, Keras names it as a layer (`precision`, `precision_1`).
      guard positional.isEmpty, keywords.count <= 1, keywords.allSatisfy({ $0.0 == "name" })
      else { return nil }
      var name = ""
      var objectArguments: [(String, ArgumentValue)] = []
      if let given = keywords.first?.1 {
        guard case .string(let text) = given else { return nil }
        name = text
        objectArguments.append(("name", .string(text)))
      } else {
        name = interpreter.kerasNames.uniqueName(forClass: className)
      }
      return KerasMetricObject(
        object: KerasObject(typeName: className, arguments: objectArguments),
        kind: .confusion(precision: className == "Precision"), name: name,
        keras3: interpreter.kerasVersion == .keras3)
    }
    // Made with a name at most; other arguments (a threshold, a dtype) keep the Keras object
    // `compile` reads, whose update in a custom loop is refused by name.
    guard let (perLine, defaultName) = classes[className],
      positional.count + keywords.count <= 1,
      keywords.allSatisfy({ $0.0 == "name" })
    else { return nil }
    var name = defaultName
    var objectArguments: [(String, ArgumentValue)] = []
    if let given = positional.first ?? keywords.first?.1 {
      guard case .string(let text) = given else { return nil }
      name = text
      objectArguments.append(("name", .string(text)))
    }
    let kind: Kind = perLine.map { .perLine($0) } ?? (className == "Sum" ? .sum : .mean)
    return KerasMetricObject(
      object: KerasObject(typeName: className, arguments: objectArguments), kind: kind,
      name: name, keras3: interpreter.kerasVersion == .keras3)
  }

  /// The variables tf-keras' metric (a `Layer`) makes when it is made: `total` and `count` of a
  /// mean (the per-line metrics are `MeanMetricWrapper`s), `total` alone of a `Sum`; scalars, not
  /// trainable. A subclassed model that holds the metric as an attribute tracks them as weights
  /// of its own (`TrackedMetrics`). Keras 3 keeps metrics' variables apart from layers' weights.
  /// ConvBook's own scope of this metric's variables: unique per object, so that two metrics'
  /// `total:0` stay two variables (Keras shows them without a scope, `TrackedMetrics`).
  private(set) lazy var variableScope = "metric.\(KerasMetricObject.nextScope())"
  private static let scopes = ScopeCounter()

  private static func nextScope() -> Int { scopes.next() }

  var tfKerasVariables: [WeightSpec] {
    let names: [String]
    switch kind {
    case .sum: names = ["total"]
    case .mean, .perLine: names = ["total", "count"]
    case .compiled: names = []
    case .confusion(let precision):
      return ["true_positives", precision ? "false_positives" : "false_negatives"].map {
        WeightSpec($0, [1], trainable: false, initializer: .string("zeros"))
      }
    }
    return names.map { WeightSpec($0, [], trainable: false, initializer: .string("zeros")) }
  }

  override var typeName: String { object.typeName }

  /// Keras 3's repr; tf-keras shows `Metric.__str__`, the class and its config (its repr is
  /// Python's default, with a memory address: `Interpreter.prepareText` refuses showing it).
  override func repr(_ item: (Value) -> String) -> String {
    guard !keras3 else { return "<\(object.typeName) name=\(name)>" }
    var config = "name=\(name),dtype=float32"
    switch kind {
    case .perLine(.binaryAccuracy): config += ",threshold=0.5"
    case .confusion: config += ",thresholds=None,top_k=None,class_id=None"
    default: break
    }
    return "\(object.typeName)(\(config))"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name": return .string(self.name)
    case "update_state", "result", "reset_state", "reset_states":
      return .method(receiver: .standard(self), name: name)
    default:
      throw .unsupported(
        "ConvBook does not support `\(object.typeName).\(name)` yet", at: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    switch name {
    case "update_state":
      try update(positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      return Value.none
    case "result":
      return result
    case "reset_state", "reset_states":
      reset()
      return Value.none
    default:
      return nil
    }
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    try update(positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    return result
  }

  /// Keras' `result()`: total / count (0 before any update), a float32 scalar tensor; a
  /// container's dict of its metrics' results.
  var result: Value {
    if case .compiled = kind {
      return .dictionary(
        PythonDict((members ?? []).map { (.string($0.name), $0.result) }))
    }
    let value = EagerTensors.value(
      Tensor(validShape: [], scalars: [count == 0 ? 0 : total / count]))
    guard derivesFromOwnDraw, case .array(var array) = value else { return value }
    array.derivesFromOwnDraw = true
    array.holdsOwnRandomValues = true
    return .array(array)
  }

  func reset() {
    (total, count) = (0, 0)
    derivesFromOwnDraw = false
    for member in members ?? [] { member.reset() }
  }

  /// A Mean's update by `value` weighted `weight` times (tf-keras' `compiled_loss` weighs each
  /// batch's loss by the batch size).
  func accumulate(_ value: Float, weight: Float) {
    total += value * weight
    count += weight
  }

  /// What a `Mean` (`mean`) or `Sum` metric's `update_state(values, sample_weight)` adds to its
  /// total and its count, in float32 and in TensorFlow's order of summation (`tf.reduce_sum`).
  /// tf-keras' `Reduce` sums every value (times its weight) and counts the values (or sums the
  /// weights). Keras 3's `reduce_to_samplewise_values` first reduces each sample (the first axis)
  /// to one value, a mean (a sum for `Sum`) over its other axes, and counts the samples: the
  /// mean of a batch of softmax outputs is the mean of the rows' means.
  private static func reduced(
    _ given: NDArray, weight givenWeight: NDArray?, mean: Bool, keras3: Bool,
    range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> (sum: Float, samples: Float) {
    let reduction = mean ? "mean" : "sum"
    func float32(_ array: NDArray, shape: [Int]? = nil) throws(CellError) -> NDArray {
      try EagerTensors.make(
        .float32, shape: shape ?? array.shape, values: EagerTensors.doubles(array), range: range)
    }
    /// `array` reduced over its axes from `axis` on (itself when it has none).
    func reduce(_ array: NDArray, _ kind: String, from axis: Int) throws(CellError) -> NDArray {
      guard array.rank > axis else { return array }
      return try EagerMath.reduce(
        array, kind, axes: Array(axis..<array.rank), keepDims: false, range: range,
        budget: budget)
    }
    func total(_ array: NDArray) throws(CellError) -> Float {
      Float(EagerTensors.doubles(try reduce(array, "sum", from: 0))[0])
    }
    var values = try float32(given)
    guard let givenWeight else {
      guard keras3 else { return (try total(values), Float(values.count)) }
      return (
        try total(try reduce(values, reduction, from: 1)),
        Float(values.rank >= 1 ? values.shape[0] : 1)
      )
    }
    var weight = try float32(givenWeight)
    func refusal() -> CellError {
      .unsupported(
        "ConvBook weighs a metric's values by one weight or one per value, not \(TensorShape.tuple(givenWeight.shape)) for \(TensorShape.tuple(given.shape))",
        at: range)
    }
    if keras3 {
      // `squeeze_or_expand_to_same_rank`: a last axis of 1 dropped from the one of one more
      // rank, or added to a rank-1 weight.
      if values.rank == weight.rank + 1, values.shape.last == 1 {
        if weight.rank == 1 {
          weight = try float32(weight, shape: weight.shape + [1])
        } else {
          values = try float32(values, shape: Array(values.shape.dropLast()))
        }
      } else if weight.rank == values.rank + 1, weight.shape.last == 1 {
        if values.rank == 1 {
          values = try float32(values, shape: values.shape + [1])
        } else {
          weight = try float32(weight, shape: Array(weight.shape.dropLast()))
        }
      }
      let weightRank = weight.rank
      values = try reduce(values, reduction, from: weightRank)
      guard weightRank <= values.rank,
        EagerArithmetic.broadcastShape(weight.shape, values.shape) == values.shape
      else { throw refusal() }
      weight = try EagerArithmetic.elementwise(
        weight, values, kernel: "BroadcastTo", dtype: .float32, range: range, budget: budget
      ) { w, _ in w }
      values = try EagerArithmetic.elementwise(
        values, weight, kernel: "Mul", dtype: .float32, range: range, budget: budget
      ) { $0 * $1 }
      if weightRank > 1 { weight = try reduce(weight, reduction, from: 1) }
      return (try total(try reduce(values, reduction, from: 1)), try total(weight))
    }
    // tf-keras broadcasts one weight for all, or one per value, over the values.
    guard weight.count == 1 || weight.count == values.count else { throw refusal() }
    let flat = try float32(values, shape: [values.count])
    weight = try float32(weight, shape: weight.count == 1 ? [] : [weight.count])
    let products = try EagerArithmetic.elementwise(
      flat, weight, kernel: "Mul", dtype: .float32, range: range, budget: budget
    ) { $0 * $1 }
    let weights = try EagerArithmetic.elementwise(
      weight, flat, kernel: "BroadcastTo", dtype: .float32, range: range, budget: budget
    ) { w, _ in w }
    return (try total(products), try total(weights))
  }

  func update(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let training = interpreter.session.training
    if positional.contains(where: { OwnDraws.derives($0, training: training) })
      || keywords.contains(where: { OwnDraws.derives($0.1, training: training) })
    {
      derivesFromOwnDraw = true
    }
    func array(_ value: Value) throws(CellError) -> NDArray {
      if case .array(let array) = value { return array }
      if case .standard(let scalar as NumPyScalar) = value { return scalar.array }
      return try EagerTensors.convert(
        value, dtype: nil, function: "update_state", range: site.range)
    }
    /// `update_state(y_true, y_pred, sample_weight=None)`'s labels and predictions as given (a
    /// weight is ConvBook's limitation; `owner` names the metric in that refusal).
    func labeledValues(owner: String) throws(CellError) -> (Value, Value) {
      let arguments = try EagerFunctions.bind(
        positional, keywords, parameters: ["y_true", "y_pred", "sample_weight"],
        function: "update_state", range: site.range)
      if let weight = arguments["sample_weight"], !weight.isNone {
        throw .unsupported(
          "ConvBook does not support `\(owner).update_state(sample_weight=...)` yet", at: site.range
        )
      }
      guard let target = arguments["y_true"], let prediction = arguments["y_pred"] else {
        throw CellError(
          type: "TypeError",
          message:
            "update_state() missing 1 required positional argument: '\(arguments["y_true"] == nil ? "y_true" : "y_pred")'",
          range: site.range)
      }
      return (target, prediction)
    }
    /// The labels and predictions as arrays.
    func labeled() throws(CellError) -> (NDArray, NDArray) {
      let (target, prediction) = try labeledValues(owner: object.typeName)
      return (try array(target), try array(prediction))
    }
    switch kind {
    case .mean, .sum:
      let arguments = try EagerFunctions.bind(
        positional, keywords, parameters: ["values", "sample_weight"], function: "update_state",
        range: site.range)
      guard let given = arguments["values"] else {
        throw CellError(
          type: "TypeError",
          message: "update_state() missing 1 required positional argument: 'values'",
          range: site.range)
      }
      let values = try array(given)
      var weight: NDArray?
      if let given = arguments["sample_weight"], !given.isNone { weight = try array(given) }
      let (sum, samples) = try Self.reduced(
        values, weight: weight, mean: { if case .mean = kind { true } else { false } }(),
        keras3: keras3, range: site.range, budget: interpreter.budget)
      total += sum
      if case .mean = kind { count += samples } else { count = 1 }
    case .compiled(let instance):
      let (target, prediction) = try labeledValues(owner: "compile_metrics")
      if members == nil {
        members = try CompiledStepObject.compiledMetrics(
          instance, target: target, prediction: prediction, site: site, interpreter: interpreter)
      }
      for member in members ?? [] {
        try member.update(
          positional: [target, prediction], keywords: [], site: site, interpreter: interpreter)
      }
    case .perLine(let metric):
      let (y, p) = try labeled()
      let classes = max(1, p.shape.last ?? 1)
      let lines = p.count / classes
      let expected = metric == .sparseCategoricalAccuracy ? lines : p.count
      guard y.count == expected else {
        throw .unsupported(
          "ConvBook computes \(object.typeName) on targets \(TensorShape.tuple(y.shape)) that fit the predictions \(TensorShape.tuple(p.shape)) value for value (class indices for a sparse metric)",
          at: site.range)
      }
      let batch = Metric(name: name, kind: metric).batch(prediction: p.tensor, target: y.tensor)
      total += Float(batch.sum)
      count += Float(batch.count)
    case .confusion(let precision):
      let (y, p) = try labeled()
      guard y.count == p.count else {
        throw .unsupported(
          "ConvBook computes \(object.typeName) on labels and predictions of one size (Keras would broadcast \(TensorShape.tuple(y.shape)) and \(TensorShape.tuple(p.shape)))",
          at: site.range)
      }
      // Keras' `update_confusion_matrix_variables`: a prediction (cast to float32) is positive
      // above the threshold, a label when it is not 0.
      for index in 0..<y.count {
        let predicted = Float(p.value(at: index)) > 0.5
        let actual = y.value(at: index) != 0
        if predicted && actual {
          total += 1
          count += 1
        } else if precision ? predicted : actual {
          count += 1
        }
      }
    }
  }
}

/// Numbers for the metrics' variable scopes, in the order the metrics are first counted.
private final class ScopeCounter: @unchecked Sendable {
  private var count = 0
  func next() -> Int {
    count += 1
    return count
  }
}
