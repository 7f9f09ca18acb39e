import CNNEngine

/// The stages of a `tf.data.Dataset` pipeline (`batch`, `map`, `take`, ...), the ways to make
/// one (`from_tensor_slices`, `from_tensors`, `range`, `zip`) and its attributes.
extension TFDataset {
  static let methods: Set<String> = [
    "batch", "unbatch", "map", "filter", "take", "skip", "repeat", "cache", "prefetch", "shuffle",
    "as_numpy_iterator", "cardinality", "__len__", "__iter__",
  ]

  /// TensorFlow's Dataset methods ConvBook does not run (refused by name rather than as missing).
  static let otherMethods: Set<String> = [
    "padded_batch", "window", "interleave", "flat_map", "reduce", "enumerate", "concatenate",
    "apply", "with_options", "options", "rebatch", "bucket_by_sequence_length", "group_by_window",
    "ragged_batch", "sparse_batch", "scan", "shard", "snapshot", "save", "load", "unique",
    "random", "sample_from_datasets", "choose_from_datasets", "get_single_element",
    "take_while", "distribute", "map_with_legacy_function", "from_generator", "list_files",
    "counter", "batch_with_dynamic_shape",
  ]

  func datasetAttribute(_ name: String, range: SourceRange) throws(CellError) -> Value? {
    if name == "element_spec" { return try knownSpec(range: range).value }
    if Self.methods.contains(name) { return .method(receiver: .standard(self), name: name) }
    if Self.otherMethods.contains(name) {
      throw .unsupported("ConvBook does not support Dataset.\(name) yet", at: range)
    }
    return nil
  }

  func datasetMethod(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let range = site.range
    switch name {
    case "batch":
      let values = try arguments.bind([
        ("batch_size", nil), ("drop_remainder", .bool(false)), ("num_parallel_calls", Value.none),
        ("deterministic", Value.none), ("name", Value.none),
      ]).values
      let size = try Self.count(values["batch_size"] ?? Value.none, "batch_size", arguments)
      guard size >= 1 else {
        throw .unsupported("ConvBook batches datasets by at least 1, not \(size)", at: range)
      }
      return .standard(
        batch(size, dropRemainder: (values["drop_remainder"] ?? Value.none).isTruthy))
    case "unbatch":
      try arguments.bind([("name", Value.none)])
      return .standard(try unbatch(range: range))
    case "map", "filter":
      let values = try arguments.bind(
        name == "map"
          ? [
            ("map_func", nil), ("num_parallel_calls", Value.none), ("deterministic", Value.none),
            ("name", Value.none),
          ] : [("predicate", nil), ("name", Value.none)]
      ).values
      let function = values[name == "map" ? "map_func" : "predicate"] ?? Value.none
      return .standard(
        name == "map"
          ? try map(function, site: site, interpreter: interpreter)
          : try filter(function, site: site, interpreter: interpreter))
    case "take", "skip":
      let values = try arguments.bind([("count", nil), ("name", Value.none)]).values
      let count = try Self.count(values["count"] ?? Value.none, "count", arguments)
      return .standard(name == "take" ? take(count) : skip(count))
    case "repeat":
      let values = try arguments.bind([("count", Value.none), ("name", Value.none)]).values
      let given = values["count"] ?? Value.none
      return .standard(repeated(given.isNone ? -1 : try Self.count(given, "count", arguments)))
    case "cache", "prefetch":
      try arguments.bind(
        name == "cache"
          ? [("filename", .string("")), ("name", Value.none)]
          : [("buffer_size", nil), ("name", Value.none)])
      if name == "cache", case .string(let file)? = keywords.first?.1 ?? positional.first,
        !file.isEmpty
      {
        throw .unsupported(
          "ConvBook does not write dataset caches to files (cache(filename=...))", at: range)
      }
      return .standard(
        passThrough(name == "cache" ? "CacheDataset" : "_PrefetchDataset"))
    case "shuffle":
      let values = try arguments.bind([
        ("buffer_size", nil), ("seed", Value.none), ("reshuffle_each_iteration", Value.none),
        ("name", Value.none),
      ]).values
      let size = try Self.count(values["buffer_size"] ?? Value.none, "buffer_size", arguments)
      return .standard(shuffled(bufferSize: size))
    case "as_numpy_iterator":
      try arguments.bind([])
      let source = try source(interpreter: interpreter, range: range)
      return .standard(
        PythonIterator(name: "NumpyIterator", text: { "<NumpyIterator>" }) {
          interpreter, range throws(CellError) in
          try source(interpreter, range).map(Self.numpyElement)
        })
    case "cardinality":
      try arguments.bind([])
      return .array(
        try EagerTensors.make(.int64, shape: [], values: [Double(cardinality)], range: range))
    case "__len__":
      try arguments.bind([])
      return try length(range: range)
    case "__iter__":
      try arguments.bind([])
      return .standard(
        try makeIterator(interpreter: interpreter, range: range)
          ?? PythonIterator(name: "OwnedIterator") { _, _ in nil })
    default: return nil
    }
  }

  /// `len(ds)`: TensorFlow's TypeErrors for an infinite or unknown cardinality.
  func length(range: SourceRange) throws(CellError) -> Value {
    switch cardinality {
    case Self.infinite:
      throw CellError(type: "TypeError", message: "The dataset is infinite.", range: range)
    case Self.unknown:
      throw CellError(type: "TypeError", message: "The dataset length is unknown.", range: range)
    default: return .int(cardinality)
    }
  }

  /// TensorFlow's `RangeCardinality`, int64 differences wrapping around as its kernel's do:
  /// infinite when `stop` is the largest int64 (`enumerate`'s stand-in for an endless range),
  /// 0 when the wrapped distance and the step differ in sign (`range(-2**63, 2**63 - 2)`), and
  /// -2**63 for `range(0, -2**63, -1)`, whose length wraps too.
  static func rangeCardinality(_ start: Int, _ stop: Int, _ step: Int) -> Int {
    guard stop < Int.max else { return infinite }
    let distance = stop &- start
    guard distance.signum() * step.signum() > 0 else { return 0 }
    // The divisor is never -1 (a positive step, or a negated negative one, -2**63 at worst).
    return step > 0
      ? (distance &- 1) / step &+ 1 : (start &- stop &- 1) / (0 &- step) &+ 1
  }

  /// A count argument (`batch_size`, `count`): an int, a 0-d integer array or tensor.
  static func count(_ value: Value, _ name: String, _ arguments: StandardArguments)
    throws(CellError) -> Int
  {
    if let array = EagerTensors.operand(value) ?? value.plainArray, array.rank == 0,
      EagerDType(of: array).isInteger
    {
      return Int(array.value(at: 0))
    }
    if case .standard(let scalar as NumPyScalar) = value, scalar.array.dtype.isInteger {
      return Int(scalar.array.value(at: 0))
    }
    return try arguments.integer(value, name)
  }

  // MARK: Stages

  func batch(_ size: Int, dropRemainder: Bool) -> TFDataset {
    let count: Int
    switch cardinality {
    case Self.infinite, Self.unknown: count = cardinality
    default: count = dropRemainder ? cardinality / size : Exact.ceilingDivide(cardinality, size)
    }
    let upstream = makeSource
    return TFDataset(
      "_BatchDataset", spec: spec?.batched(dropRemainder ? size : nil), cardinality: count,
      isShuffled: isShuffled, picksShuffled: picksShuffled
    ) { pass, interpreter, range throws(CellError) in
      let source = try upstream(pass, interpreter, range)
      return { interpreter, range throws(CellError) in
        var elements: [Value] = []
        while elements.count < size, let element = try source(interpreter, range) {
          elements.append(element)
        }
        guard !elements.isEmpty, elements.count == size || !dropRemainder else { return nil }
        return try Self.stack(elements, range: range, budget: interpreter.budget)
      }
    }
  }

  func unbatch(range: SourceRange) throws(CellError) -> TFDataset {
    if let spec, spec.unbatched == nil {
      throw CellError(
        type: "ValueError",
        message: "Cannot unbatch an input with scalar components.", range: range)
    }
    let upstream = makeSource
    return TFDataset(
      "_UnbatchDataset", spec: spec?.unbatched, cardinality: Self.unknown,
      isShuffled: isShuffled, picksShuffled: picksShuffled
    ) { pass, interpreter, range throws(CellError) in
      let source = try upstream(pass, interpreter, range)
      var pending: [Value] = []
      return { interpreter, range throws(CellError) in
        while pending.isEmpty {
          guard let element = try source(interpreter, range) else { return nil }
          pending = try Self.rows(of: element, range: range).reversed()
        }
        return pending.removeLast()
      }
    }
  }

  func map(_ function: Value, site: CallSite, interpreter: Interpreter) throws(CellError)
    -> TFDataset
  {
    // TensorFlow traces the function once, when `map` is called, for the spec of its output;
    // that spec is the trace's where the input's is fully known and the same for every element.
    let traced = try trace(function, stage: "map", site: site, interpreter: interpreter)
    var outputSpec: Spec?
    if let traced, let spec, !isShuffled, Self.isFullyKnown(spec) { outputSpec = Spec.of(traced) }
    let upstream = makeSource
    return TFDataset(
      "_MapDataset", spec: outputSpec, cardinality: cardinality, isShuffled: isShuffled,
      picksShuffled: picksShuffled
    ) { pass, interpreter, range throws(CellError) in
      let source = try upstream(pass, interpreter, range)
      return { interpreter, range throws(CellError) in
        guard let element = try source(interpreter, range) else { return nil }
        return try Self.runTraced(stage: "map", site: site, interpreter: interpreter) {
          () throws(CellError) in
          try Self.apply(function, to: element, site: site, interpreter: interpreter)
        }
      }
    }
  }

  /// How a `map` / `filter` function runs: TensorFlow calls its Python once, tracing a graph on
  /// symbolic tensors when the stage is made (Python's `print` shows then, once), then runs only
  /// that graph for each element (where Python's `print` is no more).
  enum FunctionRun {
    /// The trace, on the first element standing in for TensorFlow's symbolic tensors; whether
    /// their shapes are the spec's (every dimension known) or only stand in for open ones.
    case tracing(shapesKnown: Bool)
    /// The traced graph, on one element.
    case running
  }

  /// The trace TensorFlow makes of a `map` / `filter` function when the stage is made, so that an
  /// exception raised inside it leaves the `map` call whether or not the dataset is ever read:
  /// the function run on the first element in stored order (nil without a known spec or
  /// elements).
  private func trace(_ function: Value, stage: String, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value?
  {
    guard let spec else { return nil }
    let source = try makeSource(
      Pass(forTraining: true, shuffled: Pass.Box()), interpreter, site.range)
    guard let first = try source(interpreter, site.range) else { return nil }
    let outer = interpreter.datasetFunction
    interpreter.datasetFunction = .tracing(shapesKnown: Self.isFullyKnown(spec))
    defer { interpreter.datasetFunction = outer }
    do throws(CellError) {
      return stage == "map"
        ? try Self.apply(function, to: first, site: site, interpreter: interpreter)
        : try Self.call(function, on: first, site: site, interpreter: interpreter)
    } catch {
      throw Self.leavingFunction(error, stage: stage, site: site)
    }
  }

  /// `body` run as the graph a `map` / `filter` stage traced runs on one element.
  private static func runTraced(
    stage: String, site: CallSite, interpreter: Interpreter,
    _ body: () throws(CellError) -> Value
  ) throws(CellError) -> Value {
    let outer = interpreter.datasetFunction
    interpreter.datasetFunction = .running
    defer { interpreter.datasetFunction = outer }
    do throws(CellError) {
      return try body()
    } catch {
      throw leavingFunction(error, stage: stage, site: site)
    }
  }

  /// Python's exception raised inside the function `map` traces: TensorFlow raises it from the
  /// `map` call with AutoGraph's "in user code:" text of the converted frames (`AutoGraphErrors`),
  /// which ConvBook does not write for a dataset function yet: its limitation, naming the error.
  private static func leavingFunction(_ error: CellError, stage: String, site: CallSite)
    -> CellError
  {
    guard let type = error.type, !error.callers.isEmpty, error.limitation == nil else {
      return error
    }
    let headline = error.message.split(separator: "\n", omittingEmptySubsequences: false)
    return .unsupported(
      "ConvBook does not print TensorFlow's AutoGraph text of an exception raised in a Dataset.\(stage) function yet: \(type): \(headline.first ?? "")",
      at: site.range)
  }

  func filter(_ predicate: Value, site: CallSite, interpreter: Interpreter) throws(CellError)
    -> TFDataset
  {
    _ = try trace(predicate, stage: "filter", site: site, interpreter: interpreter)
    let upstream = makeSource
    return TFDataset(
      "_FilterDataset", spec: spec,
      cardinality: cardinality == Self.infinite ? Self.infinite : Self.unknown,
      isShuffled: isShuffled, picksShuffled: picksShuffled
    ) { pass, interpreter, range throws(CellError) in
      let source = try upstream(pass, interpreter, range)
      return { interpreter, range throws(CellError) in
        while let element = try source(interpreter, range) {
          let kept = try Self.runTraced(stage: "filter", site: site, interpreter: interpreter) {
            () throws(CellError) in
            try Self.call(predicate, on: element, site: site, interpreter: interpreter)
          }
          switch kept {
          case .bool(let flag): if flag { return element }
          case _
          where EagerTensors.operand(kept)?.count == 1 && EagerTensors.operand(kept)?.rank == 0:
            if EagerTensors.operand(kept)?.value(at: 0) != 0 { return element }
          default:
            throw .unsupported(
              "ConvBook's Dataset.filter needs a predicate that returns a scalar bool, not \(kept.typeName)",
              at: site.range)
          }
          try interpreter.budget.tick(at: range)
        }
        return nil
      }
    }
  }

  func take(_ count: Int) -> TFDataset {
    let size: Int
    switch cardinality {
    case _ where count < 0: size = cardinality
    case Self.infinite: size = count
    case Self.unknown: size = Self.unknown
    default: size = min(cardinality, count)
    }
    let upstream = makeSource
    return TFDataset(
      "_TakeDataset", spec: spec, cardinality: size, isShuffled: isShuffled,
      picksShuffled: picksShuffled || isShuffled
    ) { pass, interpreter, range throws(CellError) in
      let source = try upstream(pass, interpreter, range)
      var given = 0
      return { interpreter, range throws(CellError) in
        guard count < 0 || given < count else { return nil }
        given += 1
        return try source(interpreter, range)
      }
    }
  }

  func skip(_ count: Int) -> TFDataset {
    let size: Int
    switch cardinality {
    case Self.infinite, Self.unknown: size = cardinality
    default: size = count < 0 ? 0 : max(cardinality - count, 0)
    }
    let upstream = makeSource
    return TFDataset(
      "_SkipDataset", spec: spec, cardinality: size, isShuffled: isShuffled,
      picksShuffled: picksShuffled || isShuffled
    ) { pass, interpreter, range throws(CellError) in
      let source = try upstream(pass, interpreter, range)
      var skipped = false
      return { interpreter, range throws(CellError) in
        if !skipped {
          skipped = true
          var dropped = 0
          while count < 0 || dropped < count {
            guard try source(interpreter, range) != nil else { return nil }
            dropped += 1
            try interpreter.budget.tick(at: range)
          }
        }
        return try source(interpreter, range)
      }
    }
  }

  func repeated(_ count: Int) -> TFDataset {
    let size: Int
    switch cardinality {
    case 0: size = 0
    case Self.infinite, Self.unknown: size = count == 0 ? 0 : cardinality
    default:
      if count < 0 {
        size = Self.infinite
      } else {
        let (product, overflow) = cardinality.multipliedReportingOverflow(by: count)
        size = overflow ? Self.infinite : product
      }
    }
    let upstream = makeSource
    return TFDataset(
      "_RepeatDataset", spec: spec, cardinality: size, isShuffled: isShuffled,
      picksShuffled: picksShuffled
    ) { pass, interpreter, range throws(CellError) in
      var source = try upstream(pass, interpreter, range)
      var round = 0
      return { interpreter, range throws(CellError) in
        while count < 0 || round < count {
          if let element = try source(interpreter, range) { return element }
          round += 1
          guard count < 0 || round < count else { return nil }
          let fresh = try upstream(pass, interpreter, range)
          // An empty dataset repeated forever is empty (TensorFlow stops too).
          guard let first = try fresh(interpreter, range) else { return nil }
          source = fresh
          return first
        }
        return nil
      }
    }
  }

  /// `cache()` and `prefetch(n)`: the same elements.
  func passThrough(_ className: String) -> TFDataset {
    TFDataset(
      className, spec: spec, cardinality: cardinality, isShuffled: isShuffled,
      picksShuffled: picksShuffled, makeSource: makeSource)
  }

  func shuffled(bufferSize: Int) -> TFDataset {
    let upstream = makeSource
    // Elements of one shape keep every later shape whatever their order (batches hold as many
    // elements either way); Python code reads them marked as ConvBook's own draws (`source`).
    let oneShape = spec.map(Self.isFullyKnown) ?? false
    return TFDataset(
      "_ShuffleDataset", spec: spec, cardinality: cardinality, isShuffled: true,
      picksShuffled: picksShuffled
    ) { pass, interpreter, range throws(CellError) in
      if !pass.forTraining, !oneShape { throw Self.shuffleOrderRefusal(at: range) }
      pass.shuffled.value = true
      return try upstream(pass, interpreter, range)
    }
  }

  // MARK: Elements

  static func isFullyKnown(_ spec: Spec) -> Bool {
    switch spec {
    case .tensor(let shape, _): return !shape.contains(nil)
    case .tuple(let items), .dict(_, let items): return items.allSatisfy(isFullyKnown)
    }
  }

  /// Calls a `map` / `filter` function on an element as TensorFlow does: a tuple's items are
  /// its positional arguments, anything else is one argument.
  static func call(_ function: Value, on element: Value, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let arguments: [Value]
    if case .tuple(let items) = element { arguments = items } else { arguments = [element] }
    return try Calls.call(
      function, positional: arguments, keywords: [], site: site, interpreter: interpreter)
  }

  /// A `map` function's result as an element: tuples and lists are tuples, dicts stay dicts,
  /// anything else becomes a tensor (`tf.constant`'s conversion).
  static func apply(_ function: Value, to element: Value, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    try tensors(
      try call(function, on: element, site: site, interpreter: interpreter), function: "map",
      range: site.range)
  }

  /// `value` as an element: its structure kept, its leaves made eager tensors.
  static func tensors(_ value: Value, function: String, range: SourceRange) throws(CellError)
    -> Value
  {
    switch value {
    case .tuple, .list:
      var result: [Value] = []
      for item in value.sequenceItems ?? [] {
        result.append(try tensors(item, function: function, range: range))
      }
      return .tuple(result)
    case .dictionary(let dictionary):
      let result = PythonDict()
      // TensorFlow's `nest` orders a dict's components by key.
      for (key, item) in dictionary.pairs.sorted(by: { PythonText.str($0.0) < PythonText.str($1.0) }
      ) {
        guard case .string = key else {
          throw .unsupported("ConvBook's datasets take dicts with str keys only", at: range)
        }
        result.set(key, try tensors(item, function: function, range: range))
      }
      return .dictionary(result)
    case .string:
      throw .unsupported("ConvBook does not support string tensors in datasets yet", at: range)
    default:
      return .array(try EagerTensors.convert(value, dtype: nil, function: function, range: range))
    }
  }

  /// The leaves of an element, in its structure's order.
  static func leaves(_ element: Value) -> [NDArray] {
    switch element {
    case .tuple(let items): return items.flatMap(leaves)
    case .dictionary(let dictionary): return dictionary.pairs.flatMap { leaves($0.1) }
    default: return EagerTensors.operand(element).map { [$0] } ?? []
    }
  }

  /// `element`'s structure with its leaves replaced, in order.
  static func rebuild(_ element: Value, with replacements: [Value]) -> Value {
    var position = 0
    func walk(_ value: Value) -> Value {
      switch value {
      case .tuple(let items): return .tuple(items.map(walk))
      case .dictionary(let dictionary):
        let result = PythonDict()
        for (key, item) in dictionary.pairs { result.set(key, walk(item)) }
        return .dictionary(result)
      default:
        defer { position += 1 }
        return replacements[position]
      }
    }
    return walk(element)
  }

  /// Elements stacked along a new first axis (`batch`).
  static func stack(_ elements: [Value], range: SourceRange, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    let columns = elements.map(leaves)
    var stacked: [Value] = []
    for component in columns[0].indices {
      let first = columns[0][component]
      var values: [Double] = []
      values.reserveCapacity(first.count * elements.count)
      for (index, row) in columns.enumerated() {
        let leaf = row[component]
        guard leaf.shape == first.shape, EagerDType(of: leaf) == EagerDType(of: first) else {
          throw .unsupported(
            "ConvBook cannot batch dataset elements of different shapes (component \(component): element 0 has shape \(first.shape), element \(index) has \(leaf.shape)); TensorFlow raises InvalidArgumentError here",
            at: range)
        }
        values.append(contentsOf: EagerTensors.doubles(leaf))
      }
      try budget.allocate(count: values.count, size: 8, at: range)
      stacked.append(
        .array(
          try EagerTensors.make(
            EagerDType(of: first), shape: [elements.count] + first.shape, values: values,
            range: range)))
    }
    return rebuild(elements[0], with: stacked)
  }

  /// An element split along its first axis (`unbatch`).
  static func rows(of element: Value, range: SourceRange) throws(CellError) -> [Value] {
    let parts = leaves(element)
    guard let count = parts.first?.shape.first else { return [] }
    var columns: [[Value]] = []
    for leaf in parts {
      guard leaf.shape.first == count else {
        throw .unsupported(
          "ConvBook cannot unbatch an element whose components have different batch sizes",
          at: range)
      }
      columns.append(try EagerTensors.rows(leaf, range: range))
    }
    return (0..<count).map { row in rebuild(element, with: columns.map { $0[row] }) }
  }

  /// `as_numpy_iterator()`'s form of an element: NumPy arrays, and NumPy scalars for 0-d tensors.
  static func numpyElement(_ element: Value) -> Value {
    let replaced = leaves(element).map { leaf -> Value in
      var plain = leaf
      plain.tensorFlowDType = nil
      let dtype = EagerDType(of: leaf)
      if dtype == .int32 || dtype == .int64 {
        plain = NDArray(
          dtype: dtype == .int32 ? .int32 : .int64, shape: leaf.shape, storage: leaf.storage)
      }
      return plain.rank == 0 ? .standard(NumPyScalar(plain)) : .array(plain)
    }
    return rebuild(element, with: replaced)
  }
}

extension Value {
  /// A NumPy array that is not an eager tensor.
  fileprivate var plainArray: NDArray? {
    if case .array(let array) = self, array.tensorFlowDType == nil { return array }
    return nil
  }
}
