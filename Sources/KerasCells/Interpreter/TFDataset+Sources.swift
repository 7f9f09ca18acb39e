import CNNEngine

/// `tf.data`'s names: the `Dataset` class with the ways to make one, `AUTOTUNE`, the
/// cardinality constants and `experimental.cardinality`.
enum TFDataModule {
  static func attribute(_ name: String, module: String) -> Value? {
    switch (module, name) {
    case ("tensorflow.data", "Dataset"): return .standard(TFDatasetClass())
    case ("tensorflow.data", "experimental"): return .module(.inert("tensorflow.data.experimental"))
    case (_, "AUTOTUNE"): return .int(-1)
    case (_, "INFINITE_CARDINALITY"): return .int(TFDataset.infinite)
    case (_, "UNKNOWN_CARDINALITY"): return .int(TFDataset.unknown)
    case ("tensorflow.data.experimental", "cardinality"):
      return .method(receiver: .standard(TFDatasetClass()), name: "cardinality")
    default: return nil
    }
  }
}

/// `tf.data.Dataset` itself: its static methods make datasets.
final class TFDatasetClass: StandardObject {
  override var typeName: String { "type" }
  override var isClass: Bool { true }

  override func repr(_ item: (Value) -> String) -> String {
    "<class 'tensorflow.python.data.ops.dataset_ops.DatasetV2'>"
  }

  static let makers: Set<String> = ["from_tensor_slices", "from_tensors", "range", "zip"]

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if Self.makers.contains(name) { return .method(receiver: .standard(self), name: name) }
    if name == "from_generator" || name == "list_files" || TFDataset.otherMethods.contains(name)
      || TFDataset.methods.contains(name)
    {
      throw .unsupported("ConvBook does not support tf.data.Dataset.\(name) yet", at: range)
    }
    return nil
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let range = site.range
    switch name {
    case "from_tensor_slices", "from_tensors":
      let values = try arguments.bind([("tensors", nil), ("name", Value.none)]).values
      let element = try Self.element(values["tensors"] ?? Value.none, function: name, range: range)
      if name == "from_tensors" {
        return .standard(
          TFDataset("_TensorDataset", spec: TFDataset.Spec.of(element), cardinality: 1) {
            _, _, _ in
            var given = false
            return { _, _ in
              defer { given = true }
              return given ? nil : element
            }
          })
      }
      return .standard(try Self.slices(of: element, range: range))
    case "range":
      let values = try arguments.bind([], rest: true).rest
      guard (1...3).contains(values.count) else {
        throw arguments.typeError(
          "range() takes from 1 to 3 positional arguments but \(values.count) were given")
      }
      var numbers: [Int] = []
      for value in values { numbers.append(try TFDataset.count(value, "range", arguments)) }
      let (start, stop) = numbers.count == 1 ? (0, numbers[0]) : (numbers[0], numbers[1])
      let step = numbers.count == 3 ? numbers[2] : 1
      guard step != 0 else {
        throw CellError(type: "ValueError", message: "step must not be 0", range: range)
      }
      let count = TFDataset.rangeCardinality(start, stop, step)
      guard count >= 0 || count == TFDataset.infinite else {
        throw .unsupported(
          "ConvBook does not support a range dataset whose cardinality TensorFlow wraps around to \(count)",
          at: range)
      }
      return .standard(
        TFDataset(
          "_RangeDataset", spec: .tensor(shape: [], dtype: .int64), cardinality: count
        ) { _, _, range throws(CellError) in
          // TensorFlow's RangeCounter: the next value until it reaches `stop`, stepped with
          // int64's wrap-around (a value beyond 2**53 is refused when it is made).
          var next = start
          return { _, range throws(CellError) in
            guard step > 0 ? next < stop : next > stop else { return nil }
            defer { next = next &+ step }
            return .array(
              try EagerTensors.make(.int64, shape: [], values: [Double(next)], range: range))
          }
        })
    case "zip":
      let values = try arguments.bind([("datasets", nil), ("name", Value.none)], rest: true)
      var given = values.values["datasets"] ?? Value.none
      if !values.rest.isEmpty { given = .tuple([given] + values.rest) }
      return .standard(try Self.zip(given, range: range))
    case "cardinality":
      try arguments.bind([("input_dataset", nil)])
      guard case .standard(let dataset as TFDataset)? = positional.first ?? keywords.first?.1 else {
        throw arguments.typeError("cardinality() takes a tf.data.Dataset")
      }
      return try dataset.datasetMethod(
        "cardinality", positional: [], keywords: [], site: site, interpreter: interpreter)
    default: return nil
    }
  }

  /// The argument of `from_tensor_slices` / `from_tensors` as one element: tuples and dicts are
  /// its structure, anything else (a list too) one tensor, as TensorFlow converts it.
  static func element(_ value: Value, function: String, range: SourceRange) throws(CellError)
    -> Value
  {
    switch value {
    case .tuple(let items):
      var result: [Value] = []
      for item in items { result.append(try element(item, function: function, range: range)) }
      return .tuple(result)
    case .dictionary(let dictionary):
      let result = PythonDict()
      // TensorFlow's `nest` orders a dict's components by key.
      for (key, item) in dictionary.pairs.sorted(by: { PythonText.str($0.0) < PythonText.str($1.0) }
      ) {
        guard case .string = key else {
          throw .unsupported("ConvBook's datasets take dicts with str keys only", at: range)
        }
        result.set(key, try element(item, function: function, range: range))
      }
      return .dictionary(result)
    case .string:
      throw .unsupported("ConvBook does not support string tensors in datasets yet", at: range)
    case .standard(let dataset as TFDataset):
      throw .unsupported(
        "ConvBook does not support a dataset of datasets (\(dataset.className))", at: range)
    default:
      if let items = value.sequenceItems,
        items.contains(where: { if case .string = $0 { true } else { false } })
      {
        throw .unsupported("ConvBook does not support string tensors in datasets yet", at: range)
      }
      return .array(try EagerTensors.convert(value, dtype: nil, function: function, range: range))
    }
  }

  /// `from_tensor_slices`: the rows of every component, one element per row.
  static func slices(of element: Value, range: SourceRange) throws(CellError) -> TFDataset {
    let parts = TFDataset.leaves(element)
    for part in parts where part.rank == 0 {
      throw CellError(
        type: "ValueError", message: "Unbatching a tensor is only supported for rank >= 1",
        range: range)
    }
    let count = parts.first?.shape[0] ?? 0
    if let other = parts.first(where: { $0.shape[0] != count }) {
      throw CellError(
        type: "ValueError",
        message: "Dimensions \(count) and \(other.shape[0]) are not compatible", range: range)
    }
    let columns = parts.map {
      (EagerTensors.doubles($0), EagerDType(of: $0), Array($0.shape.dropFirst()))
    }
    guard let spec = TFDataset.Spec.of(element)?.unbatched else {
      throw .unsupported("ConvBook cannot slice this value into a dataset", at: range)
    }
    return TFDataset("_TensorSliceDataset", spec: spec, cardinality: count) {
      _, _, _ in
      var row = 0
      return { _, range throws(CellError) in
        guard row < count else { return nil }
        defer { row += 1 }
        var leaves: [Value] = []
        for (values, dtype, shape) in columns {
          let size = shape.reduce(1, *)
          leaves.append(
            .array(
              try EagerTensors.make(
                dtype, shape: shape, values: Array(values[(row * size)..<((row + 1) * size)]),
                range: range)))
        }
        return TFDataset.rebuild(element, with: leaves)
      }
    }
  }

  /// `Dataset.zip(datasets)`: a tuple (or dict) of datasets, element by element.
  static func zip(_ given: Value, range: SourceRange) throws(CellError) -> TFDataset {
    var datasets: [TFDataset] = []
    var keys: [String]?
    switch given {
    case .tuple(let items):
      for item in items {
        guard case .standard(let dataset as TFDataset) = item else {
          throw .unsupported("ConvBook zips a tuple of datasets only", at: range)
        }
        datasets.append(dataset)
      }
    case .dictionary(let dictionary):
      keys = []
      for (key, item) in dictionary.pairs {
        guard case .string(let name) = key, case .standard(let dataset as TFDataset) = item else {
          throw .unsupported("ConvBook zips a dict of datasets with str keys only", at: range)
        }
        keys?.append(name)
        datasets.append(dataset)
      }
    default:
      throw .unsupported("ConvBook zips a tuple or dict of datasets only", at: range)
    }
    let finite = datasets.map(\.cardinality).filter { $0 >= 0 }
    let cardinality: Int
    if let smallest = finite.min() {
      cardinality = smallest
    } else if datasets.contains(where: { $0.cardinality == TFDataset.unknown }) {
      cardinality = TFDataset.unknown
    } else {
      cardinality = datasets.isEmpty ? 0 : TFDataset.infinite
    }
    var specs: [TFDataset.Spec] = []
    for dataset in datasets {
      guard let spec = dataset.spec else {
        specs = []
        break
      }
      specs.append(spec)
    }
    let spec: TFDataset.Spec? =
      specs.count != datasets.count ? nil : keys.map { .dict($0, specs) } ?? .tuple(specs)
    let shuffled = datasets.contains(where: \.isShuffled)
    return TFDataset(
      "_ZipDataset", spec: spec, cardinality: cardinality, isShuffled: shuffled,
      picksShuffled: shuffled
    ) { pass, interpreter, range throws(CellError) in
      var sources: [TFDataset.Source] = []
      for dataset in datasets { sources.append(try dataset.makeSource(pass, interpreter, range)) }
      return { interpreter, range throws(CellError) in
        var items: [Value] = []
        for source in sources {
          guard let item = try source(interpreter, range) else { return nil }
          items.append(item)
        }
        guard let keys else { return .tuple(items) }
        let dictionary = PythonDict()
        for (key, item) in Swift.zip(keys, items) { dictionary.set(.string(key), item) }
        return .dictionary(dictionary)
      }
    }
  }
}
