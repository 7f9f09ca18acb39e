import CNNEngine

/// Where `fit`, `evaluate` and `predict` take their batches from epoch by epoch: a
/// `tf.data.Dataset` (`DatasetFeed`), a `keras.utils.Sequence` (`SequenceFeed`) or a Python
/// generator (`GeneratorFeed`).
protocol EpochFeed: AnyObject {
  /// The next epoch's batches, joined into arrays.
  func epoch(interpreter: Interpreter, range: SourceRange) throws(CellError) -> DatasetFeed.Epoch
  /// What the data does once its last epoch was read (a Sequence's `on_epoch_end()`).
  func finish(interpreter: Interpreter, range: SourceRange) throws(CellError)
}

extension DatasetFeed: EpochFeed {
  func finish(interpreter: Interpreter, range: SourceRange) throws(CellError) {}
}

/// An instance of a `keras.utils.Sequence` subclass (Keras 3's `PyDataset`) given to `fit`,
/// `evaluate` or `predict`, read as both Keras' adapters read one (tf-keras'
/// `KerasSequenceAdapter`, Keras 3's `PyDatasetAdapter`, one worker): `x[0]` asked once when the
/// data is first read (tf-keras peeks at it; Keras 3 reads the first five batches, or all if
/// fewer, for their spec, and its `fit` and `evaluate` then call `on_epoch_end()` once), then each
/// epoch `x[i]` for `i` in `range(len(x))`, in the order Python's `random.shuffle` gives when
/// `fit` shuffles (its default) and in order otherwise, and `on_epoch_end()` after each epoch
/// (Keras 3 also calls `on_epoch_begin()` before it).
///
/// The batches are joined into arrays and run as `DatasetFeed`'s are: of one size, the last
/// smaller or not (a shuffled order that puts a smaller batch elsewhere is refused).
final class SequenceFeed: EpochFeed {
  let sequence: PythonInstance
  let shuffle: Bool
  let function: String
  private var peeked = false
  private var epochsRead = 0

  init(_ sequence: PythonInstance, shuffle: Bool, function: String) {
    self.sequence = sequence
    self.shuffle = shuffle
    self.function = function
  }

  /// The Sequence in `value`, or nil when it is none.
  static func sequence(_ value: Value?) -> PythonInstance? {
    guard case .instance(let instance)? = value,
      instance.type.kerasClassBase == .sequence || instance.type.kerasClassBase == .pyDataset
    else { return nil }
    return instance
  }

  /// Calls the instance's own method `name` (its class's, or the base's no-op event methods).
  private func call(
    _ name: String, _ arguments: [Value], interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    let site = CallSite(range: range, calleeRange: range, arguments: [], calleeText: "")
    guard let (method, _) = sequence.type.lookup(name) else {
      if name == "on_epoch_end" || name == "on_epoch_begin" { return Value.none }
      throw .unsupported(
        "ConvBook reads a Sequence through its own \(name) method; \(sequence.type.name) has none",
        at: range)
    }
    try interpreter.step(at: range)
    return try Calls.call(
      method, positional: [.instance(sequence)] + arguments, keywords: [], site: site,
      interpreter: interpreter)
  }

  private func length(interpreter: Interpreter, range: SourceRange) throws(CellError) -> Int {
    let value = try call("__len__", [], interpreter: interpreter, range: range)
    switch value {
    case .int(let count) where count >= 0: return count
    case .int:
      throw CellError(type: "ValueError", message: "__len__() should return >= 0", range: range)
    case .bool(let flag): return flag ? 1 : 0
    default:
      throw CellError(
        type: "TypeError",
        message: "'\(value.typeName)' object cannot be interpreted as an integer", range: range)
    }
  }

  /// A batch as Keras standardizes it: a list is a tuple, an array alone is `(x,)`.
  private func batch(_ index: Int, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    let value = try call("__getitem__", [.int(index)], interpreter: interpreter, range: range)
    if case .list(let items) = value { return .tuple(items.items) }
    return value
  }

  func epoch(interpreter: Interpreter, range: SourceRange) throws(CellError) -> DatasetFeed.Epoch {
    let keras3 = interpreter.kerasVersion == .keras3
    let count = try length(interpreter: interpreter, range: range)
    guard count > 0 else {
      throw keras3
        ? CellError(type: "ValueError", message: "The PyDataset has length 0", range: range)
        : .unsupported("ConvBook cannot \(function) on an empty Sequence", at: range)
    }
    if !peeked {
      peeked = true
      for index in 0..<(keras3 ? min(5, count) : 1) {
        _ = try batch(index, interpreter: interpreter, range: range)
      }
      // Keras 3's `fit` and `evaluate` reset their epoch iterator first, which ends an epoch.
      if keras3, function != "predict" {
        _ = try call("on_epoch_end", [], interpreter: interpreter, range: range)
      }
    }
    if epochsRead > 0 { _ = try call("on_epoch_end", [], interpreter: interpreter, range: range) }
    epochsRead += 1
    if keras3 { _ = try call("on_epoch_begin", [], interpreter: interpreter, range: range) }
    var order = Array(0..<count)
    if shuffle {
      let list = PythonList(order.map(Value.int))
      let arguments = StandardArguments(
        function: "shuffle", positional: [.list(list)], keywords: [],
        site: CallSite(range: range, calleeRange: range, arguments: [], calleeText: ""),
        interpreter: interpreter)
      _ = try interpreter.session.pythonRandom.run("shuffle", arguments)
      order = list.items.compactMap { if case .int(let index) = $0 { index } else { nil } }
    }
    var xs: [Value] = []
    var ys: [Value] = []
    for index in order {
      let (x, y) = try DatasetFeed.split(
        try batch(index, interpreter: interpreter, range: range), range: range)
      xs.append(try Self.arrays(x, range: range, interpreter: interpreter))
      if let y { ys.append(try Self.arrays(y, range: range, interpreter: interpreter)) }
      try interpreter.budget.tick(at: range)
    }
    guard ys.isEmpty || ys.count == xs.count else {
      throw .unsupported(
        "ConvBook \(function)s on a Sequence whose batches all hold targets or none", at: range)
    }
    let sizes = xs.map { TFDataset.leaves($0).first?.shape.first ?? 0 }
    guard let batchSize = sizes.first, batchSize >= 1,
      sizes.dropLast().allSatisfy({ $0 == batchSize }), (sizes.last ?? 0) <= batchSize
    else {
      throw .unsupported(
        "ConvBook \(function)s on batches of one size, a smaller one only last; this Sequence gives batches of \(sizes.map(String.init).joined(separator: ", ")) samples in this epoch's order",
        at: range)
    }
    return DatasetFeed.Epoch(
      x: try DatasetFeed.join(xs, range: range, budget: interpreter.budget),
      y: ys.isEmpty ? nil : try DatasetFeed.join(ys, range: range, budget: interpreter.budget),
      batchSize: batchSize, steps: xs.count, shuffled: false)
  }

  /// A batch's inputs or targets as tensors (NumPy arrays and lists of numbers become tensors of
  /// their dtype, as Keras converts them), in their structure.
  static func arrays(_ value: Value, range: SourceRange, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    switch value {
    case .array(var array):
      if array.tensorFlowDType == nil { array.tensorFlowDType = array.dtype.rawValue }
      return .array(array)
    case .tuple(let items):
      var converted: [Value] = []
      for item in items {
        converted.append(try arrays(item, range: range, interpreter: interpreter))
      }
      return .tuple(converted)
    case .list:
      return try arrays(
        .array(
          try ArrayOperations.array(
            from: value, dtype: nil, range: range, budget: interpreter.budget)), range: range,
        interpreter: interpreter)
    default:
      if EagerTensors.isEager(value) { return value }
      throw .unsupported(
        "ConvBook takes a Sequence's batches as NumPy arrays (or tuples of them), not \(value.typeName)",
        at: range)
    }
  }

  func finish(interpreter: Interpreter, range: SourceRange) throws(CellError) {
    guard epochsRead > 0 else { return }
    _ = try call("on_epoch_end", [], interpreter: interpreter, range: range)
  }
}
