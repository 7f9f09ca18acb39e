import CNNEngine

/// `Normalization.adapt(data)` and the layer's `mean` / `variance` tensors.
///
/// Keras computes each kept index's mean and (population) variance over the other axes, batch by
/// batch in float32, merging batches with running weights; ConvBook computes them over all the data
/// in double precision and rounds once, so the last float32 bit may differ from Keras'. They
/// become the layer's `mean` and `variance` weights (and `count`, the number of values reduced;
/// Keras 3 leaves it 0), as `set_weights` would set them, so every model holding the layer uses
/// them.
///
/// A layer that is not built takes its shape from the data, as Keras' `adapt` builds it. tf-keras
/// also gives it a batch input shape, so a `Sequential` that starts with it is built: ConvBook
/// declares the data's shape with a free batch size (tf-keras declares every size free, which
/// the model's summary does not show). Keras 3 keeps such a Sequential unbuilt with the layer
/// built on the whole data's shape, which ConvBook does not model: it refuses `adapt` on a layer
/// without an input shape there.
enum NormalizationAdapt {
  static func isNormalization(_ instance: LayerInstance) -> Bool {
    instance.layer is Normalization && instance.subclassName == nil
  }

  static func adapt(
    _ instance: LayerInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard let layer = instance.layer as? Normalization else { return .none }
    let arguments = StandardArguments(
      function: "adapt", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let given = try arguments.bind([
      ("data", nil), ("batch_size", Value.none), ("steps", Value.none),
    ]).values
    let range = site.range
    let keras3 = interpreter.kerasVersion == .keras3
    if layer.mean != nil {
      throw CellError(
        type: "ValueError",
        message:
          "Cannot `adapt` a Normalization layer that is initialized with static `mean` and `variance`, you passed mean \(PythonText.str(Self.constant(layer, "mean"))) and variance \(PythonText.str(Self.constant(layer, "variance"))).",
        range: range)
    }
    let data = try Self.data(given["data"] ?? Value.none, interpreter: interpreter, range: range)
    // The shape the layer is (or will be) built with; Keras' `adapt` builds an unbuilt layer
    // with the data's shape, which sets the rank of its `mean` and `variance`.
    var shape: [Int?]
    if let built = instance.inputShape {
      shape = built.dimensions
    } else if let declared = layer.common.declaredBatchInputShape {
      shape = declared.dimensions
      interpreter.session.adaptedShapes[ObjectIdentifier(instance)] = data.shape.map { $0 }
    } else {
      shape = [nil] + data.shape.dropFirst().map { $0 }
      interpreter.session.adaptedShapes[ObjectIdentifier(instance)] = data.shape.map { $0 }
      // tf-keras builds the layer with an input shape of unknown batch, which a Sequential model
      // holding it then starts from; Keras 3 builds it on the data's shape without giving it an
      // input, so the layer keeps taking the shape of its first call (the statistics, shaped by
      // the kept axes only, fit it).
      if !keras3 {
        do {
          try instance.declareBatchInputShape(TensorShape(shape))
        } catch {
          throw Calls.keras(error, at: range)
        }
      }
    }
    // A one-dimensional sample of a layer declared for (None, 1) is that column.
    var array = data
    if array.rank == shape.count - 1, shape.last == 1 {
      array.shape.append(1)
    }
    guard array.rank == shape.count,
      zip(array.shape.dropFirst(), shape.dropFirst()).allSatisfy({ $1 == nil || $0 == $1 })
    else {
      throw .unsupported(
        "ConvBook adapts a Normalization layer on data of its input shape \(TensorShape(shape).description); this data has shape \(TensorShape(array.shape.map { $0 }).description)",
        at: range)
    }
    let kept: [Int]
    do {
      kept = try layer.keptAxes(for: TensorShape(array.shape.map { $0 }))
    } catch {
      throw Calls.keras(error, at: range)
    }
    let keptShape = kept.map { array.shape[$0] }
    let keptCount = keptShape.reduce(1, *)
    let reduced = keptCount == 0 ? 0 : array.count / keptCount
    guard reduced > 0 else {
      throw .unsupported("ConvBook cannot adapt a Normalization layer on empty data", at: range)
    }
    // Keras' `tf.nn.moments` over the other axes: NumPy's reductions, in double precision on
    // the float32 values.
    let budget = interpreter.budget
    let values = try ArrayOperations.convert(
      try ArrayOperations.convert(array, to: .float32, range: range), to: .float64, range: range)
    let reducedAxes = array.shape.indices.filter { !kept.contains($0) }
    func mean(_ value: Value) throws(CellError) -> NDArray {
      guard case .array(let operand) = value else { return values }
      let result = try ArrayOperations.reduce(
        .mean, operand, axes: reducedAxes.count == array.rank ? nil : reducedAxes, range: range,
        budget: budget)
      switch result {
      case .array(let reduced): return reduced
      // A reduction over every axis is a NumPy scalar (0-d array inside).
      case .standard(let scalar as NumPyScalar): return scalar.array
      case .float(let number): return NDArray(dtype: .float64, shape: [], doubles: [number])
      default:
        throw .unsupported(
          "ConvBook could not reduce this data to the statistics adapt() needs", at: range)
      }
    }
    var means = try mean(.array(values))
    let meanValues = means.storage.doubles
    means.shape = array.shape.indices.map { kept.contains($0) ? array.shape[$0] : 1 }
    let difference = try ArrayOperations.elementwise(
      .subtract, .array(values), .array(means), range: range, budget: budget)
    let squares = try ArrayOperations.elementwise(
      .multiply, difference, difference, range: range, budget: budget)
    let varianceValues = try mean(squares).storage.doubles
    let specs = layer.weights(for: TensorShape(array.shape.map { $0 }))
    var tensors: [String: Tensor] = [:]
    for spec in specs {
      let variable = WeightVariable(layerName: instance.weightsName, spec: spec, scope: nil)
      let numbers: [Float]
      switch spec.name {
      case "mean": numbers = meanValues.map { Float($0) }
      case "variance": numbers = varianceValues.map { Float($0) }
      default: numbers = [keras3 ? 0 : Float(reduced)]
      }
      tensors[variable.name] = Tensor(validShape: spec.shape, scalars: numbers)
    }
    let training = interpreter.session.training
    training.clock += 1
    training.layerValues[ObjectIdentifier(instance)] = (instance, tensors, training.clock)
    training.mark(
      instance, Array(tensors.keys), known: !training.ownValuesRead,
      own: OwnDraws.derives(positional.first ?? .none, training: training))
    return .none
  }

  /// `layer.mean` / `layer.variance`: the statistics shaped to broadcast against the input
  /// (`(1, C)` for `axis=-1`), as Keras' `finalize_state` keeps them.
  static func statistic(
    _ name: String, of instance: LayerInstance, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value? {
    let adapted = interpreter.session.adaptedShapes[ObjectIdentifier(instance)].map {
      TensorShape($0)
    }
    guard let layer = instance.layer as? Normalization, name == "mean" || name == "variance",
      layer.mean == nil,
      let shape = instance.inputShape ?? layer.common.declaredBatchInputShape ?? adapted
    else { return nil }
    guard
      instance.isBuilt
        || interpreter.session.training.layerValues[ObjectIdentifier(instance)] != nil
    else { return nil }
    let built = adapted ?? shape
    let dimensions = built.dimensions.map { $0 ?? 1 }
    let kept: [Int]
    do { kept = try layer.keptAxes(for: built) } catch { throw Calls.keras(error, at: range) }
    let broadcast = dimensions.indices.map { kept.contains($0) ? dimensions[$0] : 1 }
    var values: [Float]?
    if let own = interpreter.session.training.layerValues[ObjectIdentifier(instance)] {
      values = own.tensors.first { $0.key.hasSuffix("/\(name):0") }?.value.scalars
    }
    if values == nil, instance.isBuilt {
      let current = try WeightValues.current(of: instance, interpreter: interpreter, range: range)
      values = current.first { $0.key.hasSuffix("/\(name):0") }?.value.scalars
    }
    guard let values else { return nil }
    return .array(
      try EagerTensors.make(
        .float32, shape: broadcast, values: values.map(Double.init), range: range))
  }

  private static func constant(_ layer: Normalization, _ name: String) -> Value {
    let given = layer.common.arguments[name]
    switch given {
    case .int(let number): return .int(number)
    case .float(let number): return .float(number)
    default: return .string(given.description)
    }
  }

  /// The data to adapt on: an array, a list, an eager tensor, or a dataset's elements.
  private static func data(_ value: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> NDArray
  {
    if let dataset = DatasetFeed.dataset(value) {
      let feed = try DatasetFeed(
        dataset, stepsPerEpoch: nil, function: "adapt",
        keras3: interpreter.kerasVersion == .keras3, range: range)
      let epoch = try feed.epoch(interpreter: interpreter, range: range)
      guard epoch.y == nil, case .array(let array) = epoch.x else {
        throw .unsupported(
          "ConvBook adapts a Normalization layer on a dataset of single tensors", at: range)
      }
      return array
    }
    var array = try ArrayOperations.array(
      from: value, dtype: nil, range: range, budget: interpreter.budget)
    array.tensorFlowDType = nil
    guard array.rank >= 1 else {
      throw .unsupported("ConvBook adapts a Normalization layer on an array of samples", at: range)
    }
    return array
  }
}
