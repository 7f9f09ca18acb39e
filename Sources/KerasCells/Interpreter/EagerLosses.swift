import CNNEngine

/// Keras losses on data (`self.loss_fn(labels, predictions)` with a
/// `keras.losses.BinaryCrossentropy(from_logits=True)`, `keras.losses.binary_crossentropy(x, r)`
/// in a VAE's `train_step`): computed by the engine's `Loss` (the loss `fit` computes) and recorded
/// on the recording tapes with its gradient, so `tape.gradient` reaches the model that made the
/// predictions. A loss object reduces over the batch (`sum_over_batch_size`); a loss function
/// returns each sample's loss (the mean over the last axis).
enum EagerLosses {
  /// `loss(y_true, y_pred)` of a `keras.losses` object on data; nil when the arguments are not
  /// data (Keras tensors are traced elsewhere) or the object is no loss.
  static func callObject(
    _ object: KerasObject, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    // A loss class (whatever its arguments), then the loss those arguments make.
    guard object.layer == nil, isData(positional, keywords),
      (try? Loss.resolved(.object(KerasObject(typeName: object.typeName)))) != nil
    else { return nil }
    var resolved: Loss
    do {
      resolved = try Loss.resolved(.object(object))
    } catch {
      throw .unsupported(
        error.message.replacingOccurrences(of: "train with", with: "compute"), at: site.range)
    }
    resolved.keras3 = interpreter.kerasVersion == .keras3
    resolved.inGraph = EagerGradients.inGraph(interpreter)
    let (target, prediction) = try operands(
      positional, keywords, function: "__call__", site: site, interpreter: interpreter)
    if resolved.keras3 { try keras3Structures(target, prediction, range: site.range) }
    return try reduced(
      resolved, target: target, prediction: prediction, site: site, interpreter: interpreter)
  }

  /// Keras 3's loss objects pair `y_true` with `y_pred` leaf by leaf (`LossFunctionWrapper.call`:
  /// `tree.map_structure`), so a list of labels against a tensor of predictions (`loss([1],
  /// probas)`, which tf-keras converts) is optree's ValueError, and a tensor against a list is
  /// keras.tree's.
  private static func keras3Structures(_ target: Value, _ prediction: Value, range: SourceRange)
    throws(CellError)
  {
    func sequence(_ value: Value) -> String? {
      switch value {
      case .list: return "list"
      case .tuple: return "tuple"
      default: return nil
      }
    }
    switch (sequence(target), sequence(prediction)) {
    case (let kind?, nil):
      try PythonText.requireKnownText(prediction, asString: false, range: range)
      throw CellError(
        type: "ValueError",
        message: "Expected an instance of \(kind), got \(PythonText.repr(prediction)).",
        range: range)
    case (nil, _?):
      throw CellError(
        type: "ValueError", message: "Structures don't have the same nested structure.",
        range: range)
    default: return
    }
  }

  /// `keras.losses.binary_crossentropy(y_true, y_pred)` and the other loss functions on data;
  /// nil when the arguments are not data or the name is no loss function.
  static func callFunction(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name.first?.isLowercase == true, isData(positional, keywords),
      let loss = try? Loss.resolved(.string(name))
    else { return nil }
    var rest = keywords
    var fromLogits = false
    if let index = rest.firstIndex(where: { $0.0 == "from_logits" }) {
      fromLogits = rest[index].1.isTruthy
      rest.remove(at: index)
    }
    var resolved = loss
    resolved.fromLogits =
      fromLogits && loss.kind != .meanSquaredError
      && loss.kind != .meanAbsoluteError
    resolved.keras3 = interpreter.kerasVersion == .keras3
    resolved.inGraph = EagerGradients.inGraph(interpreter)
    let (target, prediction) = try operands(
      positional, rest, function: name, site: site, interpreter: interpreter)
    return try perSample(
      resolved, target: target, prediction: prediction, site: site, interpreter: interpreter)
  }

  /// The shape checks of the crossentropy functions on data: tf-keras' categorical crossentropy
  /// asserts that the shapes are compatible (`backend.categorical_crossentropy`); Keras 3's
  /// categorical and binary crossentropies (`backend.nn`) want one rank and equal sizes.
  private static func checkShapes(
    _ kind: Loss.Kind, _ target: [Int], _ output: [Int], keras3: Bool, range: SourceRange
  ) throws(CellError) {
    let shapes = (TensorShape.tuple(target), TensorShape.tuple(output))
    if !keras3 {
      guard kind == .categoricalCrossentropy, target != output else { return }
      throw CellError(
        type: "ValueError", message: "Shapes \(shapes.0) and \(shapes.1) are incompatible",
        range: range)
    }
    guard kind == .categoricalCrossentropy || kind == .binaryCrossentropy else { return }
    let received = "Received: target.shape=\(shapes.0), output.shape=\(shapes.1)"
    if kind == .categoricalCrossentropy, target.isEmpty {
      throw CellError(
        type: "ValueError",
        message: "Arguments `target` and `output` must be at least rank 1. \(received)",
        range: range)
    }
    if target.count != output.count {
      throw CellError(
        type: "ValueError",
        message: "Arguments `target` and `output` must have the same rank (ndim). \(received)",
        range: range)
    }
    if target != output {
      throw CellError(
        type: "ValueError",
        message: "Arguments `target` and `output` must have the same shape. \(received)",
        range: range)
    }
  }

  /// Whether a call is on data: an array or tensor among the values, or Python lists of numbers
  /// (`cce([[0, 1]], [[0.3, 0.7]])`: Keras converts them with `tf.convert_to_tensor`), and no
  /// Keras tensor.
  private static func isData(_ positional: [Value], _ keywords: [(String, Value)]) -> Bool {
    let values = positional + keywords.map(\.1)
    return values.contains { value in
      if case .array = value { return true }
      return isNumberSequence(value)
    } && !values.contains { if case .kerasTensor = $0 { return true } else { return false } }
  }

  /// A (nested) list or tuple whose items are Python ints and floats.
  private static func isNumberSequence(_ value: Value) -> Bool {
    let items: [Value]
    switch value {
    case .list(let list): items = list.items
    case .tuple(let tuple): items = tuple
    default: return false
    }
    return !items.isEmpty
      && items.allSatisfy { item in
        switch item {
        case .int, .float: return true
        default: return isNumberSequence(item)
        }
      }
  }

  /// The targets and the predictions (Keras' `y_true`, `y_pred`), as float32 tensors of the same
  /// number of values per line (class indices for a sparse loss).
  private static func operands(
    _ positional: [Value], _ keywords: [(String, Value)], function: String, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> (Value, Value) {
    let arguments = try EagerFunctions.bind(
      positional, keywords, parameters: ["y_true", "y_pred", "sample_weight"],
      function: function, range: site.range)
    if let weight = arguments["sample_weight"], !weight.isNone {
      throw .unsupported(
        "ConvBook does not compute Keras losses on data with `sample_weight` yet",
        at: site.range)
    }
    guard let target = arguments["y_true"], let prediction = arguments["y_pred"] else {
      throw CellError(
        type: "TypeError",
        message:
          "\(function)() missing 1 required positional argument: '\(arguments["y_true"] == nil ? "y_true" : "y_pred")'",
        range: site.range)
    }
    return (target, prediction)
  }

  /// `checkingShapesOf`: the Keras whose shape checks of a loss function apply (nil for a loss
  /// object, whose wrapper first squeezes or expands the ranks).
  private static func tensors(
    _ loss: Loss, target: Value, prediction: Value, site: CallSite,
    checkingShapesOf: KerasVersion? = nil, keras3: Bool
  ) throws(CellError) -> (NDArray, NDArray) {
    func array(_ value: Value) throws(CellError) -> NDArray {
      if case .array(let array) = value { return array }
      return try EagerTensors.convert(value, dtype: nil, function: "loss", range: site.range)
    }
    let (y, p) = (try array(target), try array(prediction))
    // A loss function converts the predictions as they are (`tf.convert_to_tensor`,
    // `ops.convert_to_tensor`) and computes in their dtype; tf-keras' loss objects call the
    // function, where Keras 3's convert to the loss's own float32 first.
    if p.dtype == .float64, checkingShapesOf != nil || !keras3 {
      throw .unsupported(
        "ConvBook does not compute Keras losses on float64 predictions yet (Keras computes them in float64)",
        at: site.range)
    }
    if let version = checkingShapesOf {
      try checkShapes(loss.kind, y.shape, p.shape, keras3: version == .keras3, range: site.range)
    }
    let classes = max(1, p.shape.last ?? 1)
    let expected = loss.kind == .sparseCategoricalCrossentropy ? p.count / classes : p.count
    guard p.rank >= 1, y.count == expected else {
      throw .unsupported(
        "ConvBook computes the loss \(loss.kind.rawValue) on data whose targets \(TensorShape.tuple(y.shape)) fit the predictions \(TensorShape.tuple(p.shape)) value for value (class indices for a sparse loss)",
        at: site.range)
    }
    return (y, p)
  }

  /// The logits a crossentropy reads in place of `prediction` (Keras' `_get_logits`): those the
  /// softmax or sigmoid ending a model cached on its output in a graph
  /// (`EagerGradients.modelCall`), whatever `from_logits` says.
  private static func cachedLogits(of prediction: Value, _ loss: Loss, interpreter: Interpreter)
    -> NDArray?
  {
    guard loss.isCrossentropy, case .array(let array) = prediction, let id = array.traceID
    else { return nil }
    return interpreter.session.eagerTapes.cachedLogits[id]
  }

  /// A loss object's value: the mean over the batch, a float32 scalar.
  private static func reduced(
    _ loss: Loss, target: Value, prediction: Value, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let (y, p) = try tensors(
      loss, target: target, prediction: prediction, site: site,
      keras3: interpreter.kerasVersion == .keras3)
    // tf-keras' loss objects squeeze predictions of one class against targets of a rank less
    // (`remove_squeezable_dimensions`): a new tensor, without the cached logits.
    let squeezed = !loss.keras3 && y.rank == p.rank - 1 && p.shape.last == 1
    let logits = squeezed ? nil : cachedLogits(of: prediction, loss, interpreter: interpreter)
    let result = loss.batch(prediction: p.tensor, target: y.tensor, logits: logits?.tensor)
    guard
      case .array(var value) = EagerTensors.value(Tensor(validShape: [], scalars: [result.loss]))
    else { return .none }
    value.traceID = nil
    let gradient = EagerTensors.value(result.gradient)
    return EagerGradients.record(
      .array(value), inputs: [target, logits.map(Value.array) ?? prediction],
      name: "the loss \(loss.kind.rawValue)", interpreter: interpreter,
      backward: { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        [nil, try EagerGradients.binary(.multiply, g, gradient, interpreter: i, range: r)]
      })
  }

  /// A loss function's value: one loss per line (the predictions' shape without its last axis).
  private static func perSample(
    _ loss: Loss, target: Value, prediction: Value, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let (y, p) = try tensors(
      loss, target: target, prediction: prediction, site: site,
      checkingShapesOf: interpreter.kerasVersion, keras3: interpreter.kerasVersion == .keras3)
    let logits = cachedLogits(of: prediction, loss, interpreter: interpreter)
    let result = loss.lines(prediction: p.tensor, target: y.tensor, logits: logits?.tensor)
    let shape = Array(p.shape.dropLast())
    try interpreter.budget.allocate(count: result.losses.count, size: 4, at: site.range)
    guard
      case .array(let value) = EagerTensors.value(
        Tensor(validShape: shape, scalars: result.losses))
    else { return .none }
    let gradient = EagerTensors.value(result.gradient)
    return EagerGradients.record(
      .array(value), inputs: [target, logits.map(Value.array) ?? prediction],
      name: "the loss \(loss.kind.rawValue)", interpreter: interpreter,
      backward: { (g: Value, i: Interpreter, r: SourceRange) throws(CellError) -> [Value?] in
        // Each line's upstream gradient over its own values: g with an axis of 1 appended.
        guard var spread = EagerTensors.operand(g) else { return [nil, nil] }
        spread.shape = shape + [1]
        return [
          nil,
          try EagerGradients.binary(.multiply, .array(spread), gradient, interpreter: i, range: r),
        ]
      })
  }
}
