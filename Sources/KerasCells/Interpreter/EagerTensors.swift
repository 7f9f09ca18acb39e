import CNNEngine

/// TensorFlow's eager tensors as books use them beside model code: `tf.random.uniform(shape)` and
/// `tf.random.normal(shape)` of a shape of numbers, and a layer or model run on constant data
/// (`for layer in net.layers: X = layer(X); print(X.shape)`), which TensorFlow computes at once.
///
/// An eager tensor is an `NDArray` with its TensorFlow dtype set (`NDArray.tensorFlowDType`): it
/// prints as TensorFlow prints one (`tf.Tensor(..., shape=(1, 4), dtype=float32)`), its `shape` is
/// a `TensorShape` and `numpy()` gives the array. Its values come from ConvBook's seeded generator
/// and the layers' seeded initial weights (or the ones set), not TensorFlow's. What ConvBook does not
/// have for eager tensors yet (arithmetic, indexing, `tf.*` functions on them) is refused as its
/// limitation rather than computed as a NumPy array would be.
enum EagerTensors {
  static func isEager(_ value: Value) -> Bool {
    if case .array(let array) = value { return array.tensorFlowDType != nil }
    return false
  }

  /// `tf.Tensor(<NumPy's str>, shape=(2, 3), dtype=float32)`; a value text of several lines
  /// starts on a line of its own, as TensorFlow's `numpy_text` puts it.
  static func str(_ array: NDArray, dtype: String) -> String {
    "tf.Tensor(\(valueText(array, repr: false)), shape=\(shapeText(array.shape)), dtype=\(dtype))"
  }

  /// `<tf.Tensor: shape=(2, 3), dtype=float32, numpy=<NumPy's repr>>`.
  static func repr(_ array: NDArray, dtype: String) -> String {
    "<tf.Tensor: shape=\(shapeText(array.shape)), dtype=\(dtype), numpy=\(valueText(array, repr: true))>"
  }

  private static func valueText(_ array: NDArray, repr: Bool) -> String {
    var plain = array
    plain.tensorFlowDType = nil
    let text = NumPyArrayText.text(plain, repr: repr)
    return text.contains("\n") ? "\n" + text : text
  }

  /// TensorShape's str: `(1, 4)`, `(5,)`, `()`.
  private static func shapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }

  /// A float32 eager tensor of `tensor`'s values.
  static func value(_ tensor: Tensor) -> Value {
    var array = NDArray(tensor: tensor)
    array.tensorFlowDType = "float32"
    return .array(array)
  }

  /// The attributes of an eager tensor ConvBook has: `shape` (a TensorShape), `dtype`, `ndim` and
  /// `numpy()`; the rest of `tf.Tensor`'s are refused by name.
  static func attribute(_ name: String, of array: NDArray, dtype: String, range: SourceRange)
    throws(CellError) -> Value
  {
    switch name {
    case "shape": return .tensorShape(array.shape.map { Optional($0) })
    case "dtype": return TensorFlowDType.value(dtype)
    case "ndim": return .int(array.rank)
    case "numpy": return .method(receiver: .array(array), name: "numpy")
    default:
      throw .unsupported(
        "ConvBook does not support `tf.Tensor.\(name)` on TensorFlow's eager tensors yet", at: range
      )
    }
  }

  /// `tensor.numpy()`: the values as a NumPy array.
  static func numpy(_ array: NDArray) -> Value {
    var plain = array
    plain.tensorFlowDType = nil
    return .array(plain)
  }

  static func refusal(_ what: String, range: SourceRange) -> CellError {
    .unsupported("ConvBook does not support \(what) on TensorFlow's eager tensors yet", at: range)
  }

  /// `layer(x)` on constant data (an eager tensor or a NumPy array): the layer built for `x`'s
  /// shape, run at once with its current weights; an eager float32 tensor.
  static func callLayer(
    _ instance: LayerInstance, on array: NDArray, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard array.rank >= 1 else {
      throw .unsupported(
        "ConvBook runs a layer on constant data of one or more axes, not a scalar", at: site.range)
    }
    let plan = try IntegerLayerData.plan(
      [instance], array: array, inputDType: nil, site: site, interpreter: interpreter)
    let budget = interpreter.session.limits.modelMemoryBudget
    let outputShape: [Int]
    do {
      outputShape = try EagerLayerCall.build(instance, for: array.shape, memoryBudget: budget)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    let weights = try WeightValues.current(
      of: instance, interpreter: interpreter, range: site.range)
    try interpreter.budget.allocate(
      count: outputShape.reduce(1, *), size: 4, at: site.range)
    let output: Tensor
    do {
      output = try EagerLayerCall.run(
        instance, on: array.tensor, outputShape: outputShape, weights: weights)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    return try IntegerLayerData.value(output, plan: plan, site: site)
  }

  /// `model(x)` on constant data: a Sequential model not built yet is built for `x`'s shape, as its
  /// first call builds it; then the model runs as `predict` runs it, on the whole batch at once.
  static func callModel(
    _ model: SequentialModel, on array: NDArray, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard array.rank >= 1 else {
      throw .unsupported(
        "ConvBook runs a model on constant data of one or more axes, not a scalar", at: site.range)
    }
    // A model casts its input to its `Input`'s dtype; a tf-keras call that builds it keeps the
    // data's, a Keras 3 one builds a float32 input.
    let inputDType =
      model.isBuilt
      ? model.tensors?.first?.dtypeName ?? "float32"
      : interpreter.kerasVersion == .keras3 ? "float32" : nil
    let plan = try IntegerLayerData.plan(
      model.flattenedLayers.filter { !$0.isInputLayer }, array: array, inputDType: inputDType,
      site: site, interpreter: interpreter)
    if !model.isBuilt {
      do {
        try model.build(batchInputShape: TensorShape(array.shape.map { Optional($0) }))
        model.noteRebuilt()
      } catch {
        throw Calls.keras(error, at: site.range)
      }
    }
    if let graph = model.graph, graph.inputs.count != 1 || graph.outputs.count != 1 {
      throw .unsupported(
        "ConvBook runs a model with several inputs or outputs on constant data with `predict`, not by calling it",
        at: site.range)
    }
    let memory = interpreter.session.limits.modelMemoryBudget
    do {
      // Refused before any weight is drawn when the pass would not fit.
      try ForwardPass.check(
        try ForwardPass.estimate(model: model, inputShape: array.shape), budget: memory,
        model: model, batch: array.shape[0])
      let weights = try interpreter.session.training.weights(of: model, memoryBudget: memory)
      let pass = ForwardPass(model: model, weights: weights, memoryBudget: memory)
      let output = try pass.run(array.tensor)
      try interpreter.budget.allocate(count: output.count, size: 4, at: site.range)
      return try IntegerLayerData.value(output, plan: plan, site: site)
    } catch let error as CellError {
      throw error
    } catch let error as ForwardError {
      // Keras' own checks ran when the model was built; what remains is ConvBook's.
      throw .unsupported(
        "ConvBook cannot run the model \(model.name) on this data: \(error.message)", at: site.range
      )
    } catch {
      throw .unsupported("\(error)", at: site.range)
    }
  }

  /// `tf.random.uniform(shape, minval, maxval)` / `tf.random.normal(shape, mean, stddev)` of a shape
  /// of numbers: a float32 eager tensor of seeded values (the session's seed, or `seed=`), not
  /// TensorFlow's.
  static func random(
    _ arguments: [String: Value], normal: Bool, path: String, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> Value {
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support `\(path)` \(what) yet", at: range)
    }
    func number(_ name: String) throws(CellError) -> Double? {
      switch arguments[name] {
      case .int(let value)?: return Double(value)
      case .float(let value)?: return value
      case .none?, nil: return nil
      case let value?: throw limitation("with `\(name)=\(PythonText.repr(value))`")
      }
    }
    let (shape, count) = try eagerShape(arguments, path: path, range: range)
    let first = try number(normal ? "mean" : "minval") ?? 0
    let second = try number(normal ? "stddev" : "maxval") ?? 1
    try interpreter.budget.allocate(count: count, size: 4, at: range)
    let session = interpreter.session
    var seed = Int(truncatingIfNeeded: session.randomSeed ?? 0) &+ session.randomOperationCount
    if case .int(let given)? = arguments["seed"] { seed = given }
    session.randomOperationCount += 1
    var generator = SeededGenerator(
      seed: UInt64(bitPattern: Int64(seed)),
      stream: normal ? "tf.random.normal" : "tf.random.uniform")
    let values = (0..<count).map { _ in
      Float(normal ? first + second * generator.normal() : generator.uniform(first, second))
    }
    var array = NDArray(dtype: .float32, shape: shape, scalars: values)
    array.tensorFlowDType = "float32"
    return .array(array)
  }

  /// The shape (a list or tuple of sizes) and value count of an eager tensor `path` makes, which
  /// holds float32 values only.
  private static func eagerShape(
    _ arguments: [String: Value], path: String, range: SourceRange
  ) throws(CellError) -> (shape: [Int], count: Int) {
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support `\(path)` \(what) yet", at: range)
    }
    guard let given = arguments["shape"], let items = given.sequenceItems else {
      throw limitation("with a shape that is not a list or tuple of numbers")
    }
    var shape: [Int] = []
    var count = 1
    for item in items {
      guard case .int(let size) = item, size >= 0 else {
        throw limitation("with a shape holding \(PythonText.repr(item))")
      }
      let (next, overflow) = count.multipliedReportingOverflow(by: size)
      guard !overflow, next <= 1 << 26 else {
        throw limitation("of more than 2^26 values")
      }
      shape.append(size)
      count = next
    }
    if let dtype = arguments["dtype"], dtype.isTruthy,
      TensorFlowDType.requestedName(dtype) != "float32"
    {
      throw limitation("with `dtype=\(PythonText.repr(dtype))`")
    }
    return (shape, count)
  }

  /// `tf.zeros(shape)` / `tf.ones(shape)` of a shape of numbers: a float32 eager tensor holding
  /// `value` everywhere (a model called on it runs at once, as in `model(tf.zeros((1, 32, 32, 3)))`).
  static func filled(
    _ arguments: [String: Value], value: Float, path: String, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> Value {
    let (shape, count) = try eagerShape(arguments, path: path, range: range)
    try interpreter.budget.allocate(count: count, size: 4, at: range)
    var array = NDArray(
      dtype: .float32, shape: shape, scalars: [Float](repeating: value, count: count))
    array.tensorFlowDType = "float32"
    return .array(array)
  }

  /// `tf.reshape(tensor, shape)` of an eager tensor: a list, tuple or TensorShape of sizes, one of
  /// which may be -1.
  static func reshape(_ array: NDArray, _ shapeValue: Value?, path: String, range: SourceRange)
    throws(CellError) -> Value
  {
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support `\(path)` \(what) yet", at: range)
    }
    var items: [Value]
    switch shapeValue {
    case .tensorShape(let dimensions)?: items = dimensions.map { $0.map(Value.int) ?? .none }
    case let value?: items = value.sequenceItems ?? []
    case nil: items = []
    }
    if case .int(let size)? = shapeValue { items = [.int(size)] }
    var sizes: [Int] = []
    for item in items {
      guard case .int(let size) = item, size >= -1 else {
        throw limitation("with the shape \(PythonText.repr(shapeValue ?? .none))")
      }
      sizes.append(size)
    }
    // Checked: a product that overflows is no shape of this tensor.
    func product(_ values: [Int]) -> Int? {
      var result = 1
      for value in values {
        let (next, overflow) = result.multipliedReportingOverflow(by: value)
        if overflow { return nil }
        result = next
      }
      return result
    }
    let unknown = sizes.filter { $0 == -1 }.count
    if unknown == 1, let known = product(sizes.filter { $0 != -1 }), known > 0,
      array.count % known == 0
    {
      sizes = sizes.map { $0 == -1 ? array.count / known : $0 }
    }
    guard !sizes.contains(-1), product(sizes) == array.count else {
      throw limitation(
        "from shape \(shapeText(array.shape)) to \(PythonText.repr(shapeValue ?? .none)) (TensorFlow refuses a reshape that changes the number of values)"
      )
    }
    var reshaped = array
    reshaped.shape = sizes
    return .array(reshaped)
  }
}
