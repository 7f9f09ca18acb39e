import CNNEngine

/// `keras.layers.Hashing` on data, and in models the engine's `IndexLookup` shapes (an int64
/// index per input value). Both Keras versions hash with TensorFlow's
/// `to_hash_bucket_fast` (FarmHash's fingerprint of the UTF-8 bytes, `FarmHash`), integers as their
/// decimal text (`tf.strings.as_string`); with `mask_value` that value is 0 and the others go
/// to `1 + fingerprint % (num_bins - 1)`. `salt=` (a keyed SipHash) and the counting output modes
/// are refused.
final class HashingLayer: StandardObject {
  let numBins: Int
  let maskValue: String?
  let kerasVersion: KerasVersion
  let name: String
  private var instance: LayerInstance?

  init(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let arguments = StandardArguments(
      function: "Hashing", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let values = try arguments.bind(
      [
        ("num_bins", nil), ("mask_value", Value.none), ("salt", Value.none),
        ("output_mode", .string("int")), ("sparse", .bool(false)),
      ], keywordOnly: [("name", Value.none), ("dtype", Value.none)]
    ).values
    let range = site.range
    func refuse(_ what: String) -> CellError {
      .unsupported("ConvBook does not support Hashing(\(what)) yet", at: range)
    }
    numBins = try arguments.integer(values["num_bins"] ?? Value.none, "num_bins")
    if numBins <= 0 {
      throw CellError(
        type: "ValueError",
        message:
          "The `num_bins` for `Hashing` cannot be `None` or non-positive values. Received: num_bins=\(numBins).",
        range: range)
    }
    if !(values["salt"] ?? Value.none).isNone { throw refuse("salt=...") }
    if case .string("int") = values["output_mode"] ?? Value.none {
    } else {
      throw refuse("output_mode=\(PythonText.repr(values["output_mode"] ?? Value.none))")
    }
    if (values["sparse"] ?? Value.none).isTruthy { throw refuse("sparse=True") }
    switch values["mask_value"] ?? Value.none {
    case .none: maskValue = nil
    case .string(let text): maskValue = text
    case .int(let number): maskValue = String(number)
    case let other: throw refuse("mask_value=\(PythonText.repr(other))")
    }
    kerasVersion = interpreter.kerasVersion
    if case .string(let given) = values["name"] ?? Value.none {
      name = given
    } else {
      name = interpreter.kerasNames.uniqueName(forClass: "Hashing")
    }
  }

  override var typeName: String { "Hashing" }

  override func repr(_ item: (Value) -> String) -> String {
    kerasVersion == .keras3
      ? "<Hashing name=\(name), built=True>"
      : "<tf_keras.src.layers.preprocessing.hashing.Hashing object>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "__call__": return .method(receiver: .standard(self), name: name)
    case "name": return .string(self.name)
    default: throw .unsupported("ConvBook does not support Hashing.\(name) yet", at: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "__call__" else { return nil }
    return try call(
      positional: positional, keywords: keywords, site: site, interpreter: interpreter)
  }

  /// The bin of one value's text.
  func bin(_ text: String) -> Int {
    let hash = FarmHash.fingerprint64(Array(text.utf8))
    guard let maskValue else { return Int(hash % UInt64(numBins)) }
    if text == maskValue { return 0 }
    return numBins > 1 ? 1 + Int(hash % UInt64(numBins - 1)) : 0
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard positional.count == 1, keywords.allSatisfy({ $0.0 == "training" }) else {
      throw .unsupported("ConvBook calls a Hashing layer on one input", at: range)
    }
    if case .kerasTensor = positional[0] {
      return try Calls.call(
        .layer(try layerInstance(range: range)), positional: positional, keywords: keywords,
        site: site, interpreter: interpreter)
    }
    let value = positional[0]
    var texts: [String]
    var shape: [Int]
    if let text = NumPyStringArray.text(value) {
      (texts, shape) = ([text], [])
    } else if case .standard(let tensor as EagerStringTensor) = value {
      (texts, shape) = (tensor.items, tensor.shape)
    } else if let strings = NumPyStringArray.make(from: value) {
      (texts, shape) = (strings.items, strings.shape)
    } else {
      let array: NDArray
      switch value {
      case .array(let given): array = given
      case .int, .list, .tuple:
        array = try ArrayOperations.array(
          from: value, dtype: nil, range: range, budget: interpreter.budget)
      default:
        throw .unsupported(
          "ConvBook's Hashing takes strings or integers, not \(value.typeName)", at: range)
      }
      guard array.dtype.isInteger else {
        throw .unsupported(
          "ConvBook's Hashing takes strings or integers, not \(array.dtype.rawValue) values",
          at: range)
      }
      texts = (0..<array.count).map { String(Int(array.value(at: $0))) }
      shape = array.shape
    }
    try interpreter.budget.allocate(count: texts.count, size: 16, at: range)
    return .array(
      try EagerTensors.make(
        .int64, shape: shape, values: texts.map { Double(bin($0)) }, range: range))
  }

  /// The layer models see: an int64 bin per value, the input's shape.
  func layerInstance(range: SourceRange) throws(CellError) -> LayerInstance {
    if let instance { return instance }
    var common = LayerCommon(
      name: name,
      arguments: LayerArguments(
        className: "Hashing", values: ["num_bins": .int(numBins), "name": .string(name)]))
    common.kerasVersion = kerasVersion
    let made = LayerInstance(
      IndexLookup(
        className: "Hashing", common: common, outputMode: .int, depth: numBins, invert: false))
    instance = made
    return made
  }
}
