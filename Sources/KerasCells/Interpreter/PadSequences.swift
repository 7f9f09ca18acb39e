import CNNEngine

/// `keras.utils.pad_sequences` (also `keras.preprocessing.sequence.pad_sequences`): lists of
/// token sequences of different lengths made one array, as both Keras versions do (their code is
/// the same): every sequence cut to `maxlen` (from the front with `truncating="pre"`, the default)
/// and filled up with `value` (in front with `padding="pre"`), in an array of `dtype` (int32).
/// The shape of one step is the first non-empty sequence's (`(n, maxlen) + sample_shape`).
enum PadSequences {
  static func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = StandardArguments(
      function: "pad_sequences", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let (values, _) = try arguments.bind([
      ("sequences", nil), ("maxlen", Value.none), ("dtype", .string("int32")),
      ("padding", .string("pre")), ("truncating", .string("pre")), ("value", .float(0)),
    ])
    let range = site.range
    func shapeText(_ shape: [Int]) -> String { PythonText.repr(.tuple(shape.map { .int($0) })) }
    let budget = interpreter.budget
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    let given = values["sequences"] ?? .none
    // Keras asks for `__len__` first, then `len()` of each sequence.
    let sequences: [Value]
    switch given {
    case .list, .tuple, .array: sequences = try interpreter.iterate(given, range: range)
    default: throw valueError("`sequences` must be iterable.")
    }
    var arrays: [NDArray?] = []
    for sequence in sequences {
      switch sequence {
      case .list, .tuple:
        let items = sequence.sequenceItems ?? []
        arrays.append(
          items.isEmpty
            ? nil
            : try ArrayOperations.array(from: sequence, dtype: nil, range: range, budget: budget))
      case .array(let array) where array.rank > 0:
        arrays.append(array.shape[0] == 0 ? nil : array)
      case .string:
        throw .unsupported(
          "ConvBook's pad_sequences takes sequences of numbers, not strings", at: range)
      default:
        throw valueError(
          "`sequences` must be a list of iterables. Found non-iterable: \(PythonText.str(sequence))"
        )
      }
    }
    let lengths = arrays.map { $0?.shape[0] ?? 0 }
    let maxlen: Int
    switch values["maxlen"] ?? .none {
    case .none: maxlen = lengths.max() ?? 0
    case let other: maxlen = try arguments.integer(other, "maxlen")
    }
    guard maxlen >= 1 || (lengths.max() ?? 0) == 0 else {
      throw .unsupported("ConvBook's pad_sequences needs maxlen of at least 1", at: range)
    }
    let dtypeValue = values["dtype"] ?? .string("int32")
    let dtype = try ArrayOperations.dtype(dtypeValue, range: range)
    guard case .string(let padding) = values["padding"] ?? .none,
      case .string(let truncating) = values["truncating"] ?? .none
    else {
      throw .unsupported(
        "ConvBook's pad_sequences takes padding and truncating as \"pre\" or \"post\"", at: range)
    }
    let fill: Double
    switch values["value"] ?? .none {
    case .int(let number): fill = Double(try ArrayOperations.integerScalar(number, range: range))
    case .float(let number): fill = number
    case .bool(let flag): fill = flag ? 1 : 0
    case let other:
      throw .unsupported(
        "ConvBook's pad_sequences pads with a number, not \(PythonText.repr(other))", at: range)
    }
    let sampleShape = arrays.lazy.compactMap { $0 }.first.map { Array($0.shape.dropFirst()) } ?? []
    let step = sampleShape.reduce(1, *)
    let (rowSize, rowOverflow) = maxlen.multipliedReportingOverflow(by: step)
    let (total, totalOverflow) = rowSize.multipliedReportingOverflow(by: arrays.count)
    guard !rowOverflow, !totalOverflow else {
      throw CellError(
        type: "ValueError",
        message:
          "array is too big; `arr.size * arr.itemsize` is larger than the maximum possible size.",
        range: range)
    }
    try budget.allocate(count: total, size: 8, at: range)
    let filled = try ArrayOperations.convert(
      NDArray(dtype: .float64, shape: [], doubles: [fill]), to: dtype, range: range)
    var output = [Double](repeating: filled.value(at: 0), count: total)
    for (index, found) in arrays.enumerated() {
      guard let array = found else { continue }
      let length = array.shape[0]
      let kept = min(length, maxlen)
      let first: Int
      switch truncating {
      case "pre": first = length - kept
      case "post": first = 0
      default: throw valueError("Truncating type \"\(truncating)\" not understood")
      }
      let converted = try ArrayOperations.convert(array, to: dtype, range: range)
      guard Array(converted.shape.dropFirst()) == sampleShape else {
        throw valueError(
          "Shape of sample \(shapeText(Array(converted.shape.dropFirst()))) of sequence at position \(index) is different from expected shape \(shapeText(sampleShape))"
        )
      }
      let start: Int
      switch padding {
      case "post": start = 0
      case "pre": start = maxlen - kept
      default: throw valueError("Padding type \"\(padding)\" not understood")
      }
      let source = converted.storage.doubles[(first * step)..<((first + kept) * step)]
      let target = index * rowSize + start * step
      output.replaceSubrange(target..<(target + kept * step), with: source)
      try budget.tick(at: range)
    }
    let shape = [arrays.count, maxlen] + sampleShape
    return .array(
      try ArrayOperations.make(
        NDArray(dtype: dtype, shape: shape, doubles: output), range: range, budget: budget))
  }
}
