import CNNEngine

/// A `tf.data.Dataset` given to `fit`, `evaluate` or `predict`, read as Keras' data handler
/// reads it: its batches as they are (no `batch_size`), one pass per epoch, or `steps_per_epoch`
/// batches from an iterator that is made again each epoch only when the steps are the dataset's
/// whole cardinality (tf-keras' `should_recreate_iterator`) and otherwise continues.
///
/// Each epoch's batches are joined into arrays and run by the same code as arrays are, with the
/// dataset's batch size: so batches must have one size (the last may be smaller), as
/// `from_tensor_slices(...).batch(n)` gives them; the numbers are then those of feeding the arrays
/// with that `batch_size` and `shuffle=False`. A shuffled dataset is trained in ConvBook's own
/// shuffled order (as `fit(shuffle=True)` on arrays): TensorFlow's cannot be replayed.
final class DatasetFeed {
  struct Epoch {
    /// The inputs, structured as the elements hold them (one array, a tuple, a dict).
    var x: Value
    /// The targets, or nil when the elements hold none.
    var y: Value?
    var batchSize: Int
    var steps: Int
    var shuffled: Bool
  }

  let dataset: TFDataset
  let stepsPerEpoch: Int?
  let function: String
  private var source: TFDataset.Source?
  private var seen = 0
  private var pass: TFDataset.Pass

  /// The dataset in `value`, or nil when it is not one.
  static func dataset(_ value: Value?) -> TFDataset? {
    if case .standard(let dataset as TFDataset)? = value { return dataset }
    return nil
  }

  init(
    _ dataset: TFDataset, stepsPerEpoch: Int?, function: String, keras3: Bool,
    range: SourceRange
  ) throws(CellError) {
    if dataset.picksShuffled {
      throw .unsupported(
        "ConvBook cannot reproduce which elements this dataset gives after .shuffle(...) (TensorFlow's order); shuffle after take/skip/zip",
        at: range)
    }
    if dataset.cardinality == TFDataset.infinite, stepsPerEpoch == nil, keras3 || function != "fit"
    {
      // Keras 3 runs such an epoch for ever.
      throw .unsupported(
        "ConvBook needs `steps\(function == "fit" ? "_per_epoch" : "")=` to \(function) on an infinitely repeating dataset",
        at: range)
    }
    if dataset.cardinality == TFDataset.infinite, stepsPerEpoch == nil {
      throw CellError(
        type: "ValueError",
        message:
          "When passing an infinitely repeating dataset, please specify a `steps_per_epoch` value so that epoch level callbacks continue to work. The value can be arbitrary, or a number that you think correctly defines the size of an epoch. Epoch-level callbacks will then be called at this interval.",
        range: range)
    }
    self.dataset = dataset
    self.stepsPerEpoch = stepsPerEpoch
    self.function = function
    self.pass = TFDataset.Pass(forTraining: true, shuffled: TFDataset.Pass.Box())
  }

  /// The next epoch's data.
  func epoch(interpreter: Interpreter, range: SourceRange) throws(CellError) -> Epoch {
    let recreate = stepsPerEpoch == nil || stepsPerEpoch == dataset.cardinality
    let current: TFDataset.Source
    if !recreate, let existing = source {
      current = existing
    } else {
      pass = TFDataset.Pass(forTraining: true, shuffled: TFDataset.Pass.Box())
      current = try dataset.makeSource(pass, interpreter, range)
      source = current
      seen = 0
    }
    var batches: [Value] = []
    while stepsPerEpoch.map({ batches.count < $0 }) ?? true,
      let batch = try current(interpreter, range)
    {
      batches.append(batch)
      try interpreter.budget.tick(at: range)
    }
    seen += batches.count
    // Keras 3's epoch iterator starts the dataset again once it has given all its batches.
    if interpreter.kerasVersion == .keras3, dataset.cardinality > 0, seen >= dataset.cardinality {
      source = nil
    }
    if let steps = stepsPerEpoch, batches.count < steps {
      throw .unsupported(
        "the dataset ran out of data after \(batches.count) of \(steps) steps; Keras would warn and stop training here, which ConvBook does not do",
        at: range)
    }
    guard !batches.isEmpty else {
      throw .unsupported("ConvBook cannot \(function) on an empty dataset", at: range)
    }
    var xs: [Value] = []
    var ys: [Value] = []
    for batch in batches {
      let (x, y) = try Self.split(batch, range: range)
      xs.append(x)
      if let y { ys.append(y) }
    }
    let sizes = xs.map { TFDataset.leaves($0).first?.shape.first ?? 0 }
    guard let batchSize = sizes.first, batchSize >= 1,
      sizes.dropLast().allSatisfy({ $0 == batchSize }), (sizes.last ?? 0) <= batchSize
    else {
      throw .unsupported(
        "ConvBook \(function)s on batches of one size (only the last may be smaller); this dataset gives batches of \(Set(sizes).sorted().map(String.init).joined(separator: ", ")) elements",
        at: range)
    }
    return Epoch(
      x: try Self.join(xs, range: range, budget: interpreter.budget),
      y: ys.isEmpty ? nil : try Self.join(ys, range: range, budget: interpreter.budget),
      batchSize: batchSize, steps: batches.count, shuffled: pass.shuffled.value)
  }

  /// Keras' `unpack_x_y_sample_weight`: `(x, y)`, `(x,)` or `x`; sample weights are refused.
  static func split(_ element: Value, range: SourceRange) throws(CellError) -> (Value, Value?) {
    guard case .tuple(let items) = element else { return (element, nil) }
    switch items.count {
    case 1: return (items[0], nil)
    case 2: return (items[0], items[1])
    case 3:
      throw .unsupported(
        "ConvBook does not support sample weights from a dataset ((x, y, sample_weight) elements) yet",
        at: range)
    default:
      throw CellError(
        type: "ValueError",
        message:
          "Data is expected to be in format `x`, `(x,)`, `(x, y)`, or `(x, y, sample_weight)`, found: \(PythonText.repr(element))",
        range: range)
    }
  }

  /// Batches joined along their first axis into NumPy arrays, in the batches' structure.
  static func join(_ batches: [Value], range: SourceRange, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    let columns = batches.map(TFDataset.leaves)
    var joined: [Value] = []
    for component in columns[0].indices {
      let first = columns[0][component]
      var values: [Double] = []
      var count = 0
      for row in columns {
        let leaf = row[component]
        values.append(contentsOf: EagerTensors.doubles(leaf))
        count += leaf.shape.first ?? 1
      }
      try budget.allocate(count: values.count, size: 8, at: range)
      let dtype: NDArray.DType
      switch EagerDType(of: first) {
      case .float64: dtype = .float64
      case .int32: dtype = .int32
      case .int64: dtype = .int64
      case .uint8: dtype = .uint8
      case .bool: dtype = .bool
      case .float32: dtype = .float32
      }
      joined.append(
        .array(
          NDArray(dtype: dtype, shape: [count] + first.shape.dropFirst(), doubles: values)))
    }
    return TFDataset.rebuild(batches[0], with: joined)
  }
}
