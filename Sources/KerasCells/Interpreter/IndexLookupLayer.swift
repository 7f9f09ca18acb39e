import CNNEngine

/// `keras.layers.StringLookup` and `IntegerLookup` run on data (Python lists, NumPy arrays,
/// eager tensors, `tf.constant` of str) and, called on a Keras tensor or added to a model, the
/// engine's `IndexLookup` layer (`layerInstance`). Keras' `IndexLookup` semantics (tf-keras 2.21,
/// Keras 3.15): the vocabulary is `[mask_token] + [oov_token] * num_oov_indices + tokens`; a
/// token outside it goes to the one OOV index, or with several to the bucket TensorFlow picks
/// (`to_hash_bucket_fast`, FarmHash's fingerprint, for strings; `x mod n` for integers); `adapt`
/// orders the tokens by count, most frequent first, ties by the token, larger first (the reverse
/// of NumPy's `lexsort`), as `TextVectorization` does (`orderedByCount`).
final class IndexLookupLayer: StandardObject, KerasDataLayer {
  enum Token: Hashable {
    case text(String)
    case integer(Int)
  }

  let className: String
  let isString: Bool
  let outputMode: IndexLookup.OutputMode
  let maxTokens: Int?
  let oovCount: Int
  let maskToken: Token?
  let oovToken: Token
  let invert: Bool
  let kerasVersion: KerasVersion
  let name: String
  private(set) var tokens: [Token] = []
  private var index: [Token: Int] = [:]
  private var instance: LayerInstance?

  init(
    className: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    self.className = className
    isString = className == "StringLookup"
    let arguments = StandardArguments(
      function: className, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    var parameters: [(String, Value?)] = [
      ("max_tokens", Value.none), ("num_oov_indices", .int(1)), ("mask_token", Value.none),
      ("oov_token", isString ? .string("[UNK]") : .int(-1)), ("vocabulary", Value.none),
    ]
    if !isString { parameters.append(("vocabulary_dtype", .string("int64"))) }
    parameters += [
      ("idf_weights", Value.none), ("invert", .bool(false)), ("output_mode", .string("int")),
      ("sparse", .bool(false)), ("pad_to_max_tokens", .bool(false)),
    ]
    if isString { parameters.insert(("encoding", .string("utf-8")), at: 6) }
    let values = try arguments.bind(
      parameters,
      keywordOnly: [("name", Value.none), ("dtype", Value.none), ("input_shape", Value.none)]
    ).values
    let range = site.range
    func refuse(_ what: String) -> CellError {
      .unsupported("ConvBook does not support \(className)(\(what)) yet", at: range)
    }
    guard case .string(let mode) = values["output_mode"] ?? Value.none,
      let outputMode = IndexLookup.OutputMode(rawValue: mode), outputMode != .tfIdf
    else {
      throw refuse("output_mode=\(PythonText.repr(values["output_mode"] ?? Value.none))")
    }
    self.outputMode = outputMode
    for flag in ["sparse", "pad_to_max_tokens"] where (values[flag] ?? Value.none).isTruthy {
      throw refuse("\(flag)=True")
    }
    if !(values["idf_weights"] ?? Value.none).isNone { throw refuse("idf_weights=...") }
    if let given = values["input_shape"], !given.isNone { throw refuse("input_shape=...") }
    let maxValue = values["max_tokens"] ?? Value.none
    maxTokens = maxValue.isNone ? nil : try arguments.integer(maxValue, "max_tokens")
    oovCount = try arguments.integer(values["num_oov_indices"] ?? .int(1), "num_oov_indices")
    // With no OOV index a lookup outside the vocabulary is an error in Keras (refused by
    // `call` here), and the inverse of an index outside it too.
    guard oovCount >= 0 else { throw refuse("num_oov_indices=\(oovCount)") }
    invert = (values["invert"] ?? Value.none).isTruthy
    if invert, oovCount == 0 { throw refuse("invert=True, num_oov_indices=0") }
    if invert, outputMode != .int { throw refuse("invert=True, output_mode='\(mode)'") }
    let string = isString
    func token(_ value: Value, _ what: String) throws(CellError) -> Token {
      if string, let text = NumPyStringArray.text(value) { return .text(text) }
      if !string, let number = Self.integer(value) { return .integer(number) }
      throw refuse("\(what)=\(PythonText.repr(value))")
    }
    let mask = values["mask_token"] ?? Value.none
    maskToken = mask.isNone ? nil : try token(mask, "mask_token")
    oovToken = try token(values["oov_token"] ?? Value.none, "oov_token")
    kerasVersion = interpreter.kerasVersion
    if let given = values["name"], !given.isNone {
      guard case .string(let text) = given else { throw refuse("name=\(PythonText.repr(given))") }
      name = text
    } else {
      name = interpreter.kerasNames.uniqueName(forClass: className)
    }
    super.init()
    let vocabulary = values["vocabulary"] ?? Value.none
    if !vocabulary.isNone {
      let (items, _) = try Self.tokens(
        of: vocabulary, string: isString, range: range, budget: interpreter.budget)
      if let maskToken, items.contains(maskToken) {
        throw refuse("a vocabulary holding mask_token")
      }
      if items.contains(oovToken) { throw refuse("a vocabulary holding oov_token") }
      setTokens(items)
    }
  }

  override var typeName: String { className }

  override func repr(_ item: (Value) -> String) -> String { layerRepr }

  private static func integer(_ value: Value) -> Int? {
    switch value {
    case .int(let number): return number
    case .standard(let scalar as NumPyScalar):
      if case .int(let number) = scalar.pythonValue { return number }
      return nil
    default: return nil
    }
  }

  private func setTokens(_ items: [Token]) {
    tokens = items
    index = [:]
    for (position, token) in items.enumerated() where index[token] == nil {
      index[token] = position
    }
  }

  /// Whether the mask token has index 0: in int mode only (the counting modes leave masked
  /// values out and have no column for them).
  private var masksIndexZero: Bool { maskToken != nil && outputMode == .int }

  /// How many indices come before the vocabulary's own tokens.
  private var specialCount: Int { (masksIndexZero ? 1 : 0) + oovCount }

  var vocabularySize: Int { specialCount + tokens.count }

  /// The tokens of `value` in row-major order, with its shape: a str or int, nested lists, a
  /// NumPy array, an eager tensor or a string tensor.
  static func tokens(
    of value: Value, string: Bool, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> ([Token], [Int]) {
    if string {
      if let text = NumPyStringArray.text(value) { return ([.text(text)], []) }
      if case .standard(let tensor as EagerStringTensor) = value {
        return (tensor.items.map(Token.text), tensor.shape)
      }
      if let strings = NumPyStringArray.make(from: value) {
        return (strings.items.map(Token.text), strings.shape)
      }
      throw .unsupported(
        "ConvBook's StringLookup takes str, lists or arrays of str and string tensors, not \(value.typeName)",
        at: range)
    }
    if let number = integer(value) { return ([.integer(number)], []) }
    let array: NDArray
    switch value {
    case .array(let given): array = given
    case .list, .tuple:
      array = try ArrayOperations.array(from: value, dtype: nil, range: range, budget: budget)
    default:
      throw .unsupported(
        "ConvBook's IntegerLookup takes ints, lists or arrays of ints and int tensors, not \(value.typeName)",
        at: range)
    }
    guard array.dtype.isInteger else {
      throw .unsupported(
        "ConvBook's IntegerLookup takes integer data, not \(array.dtype.rawValue)", at: range)
    }
    return ((0..<array.count).map { .integer(Int(array.value(at: $0))) }, array.shape)
  }

  /// Keras' `finalize_state` order: by count, most frequent first; ties by the token, larger
  /// first (the reverse of NumPy's `lexsort((tokens, counts))`).
  static func orderedByCount<T>(_ counts: [T: Int], larger: (T, T) -> Bool) -> [T] {
    counts.sorted { a, b in a.value != b.value ? a.value > b.value : larger(a.key, b.key) }
      .map(\.key)
  }

  static func largerText(_ a: String, _ b: String) -> Bool {
    Array(b.utf8).lexicographicallyPrecedes(Array(a.utf8))
  }

  // MARK: Python's view

  private func value(of token: Token) -> Value {
    switch token {
    case .text(let text): return .string(text)
    case .integer(let number): return .int(number)
    }
  }

  /// An item of `get_vocabulary()`: the learned tokens as NumPy gives them (`np.str_`,
  /// `np.int64`); tf-keras makes its integer special tokens `np.int64` too.
  private func vocabularyItem(_ token: Token, special: Bool) -> Value {
    switch token {
    case .text(let text): return special ? .string(text) : .standard(NumPyString(text))
    case .integer(let number):
      if special && kerasVersion == .keras3 { return .int(number) }
      return ArrayOperations.element(
        NDArray(dtype: .int64, shape: [], doubles: [Double(number)]), at: 0)
    }
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "adapt", "get_vocabulary", "vocabulary_size", "__call__":
      return .method(receiver: .standard(self), name: name)
    case "name": return .string(self.name)
    default:
      throw .unsupported("ConvBook does not support \(className).\(name) yet", at: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: name, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    switch name {
    case "adapt":
      let values = try arguments.bind([
        ("data", nil), ("batch_size", Value.none), ("steps", Value.none),
      ]).values
      try adapt(values["data"] ?? Value.none, interpreter: interpreter, range: site.range)
      return Value.none
    case "get_vocabulary":
      let values = try arguments.bind([("include_special_tokens", .bool(true))]).values
      var items: [Value] = []
      if (values["include_special_tokens"] ?? Value.none).isTruthy {
        if masksIndexZero, let maskToken { items.append(vocabularyItem(maskToken, special: true)) }
        for _ in 0..<oovCount { items.append(vocabularyItem(oovToken, special: true)) }
      }
      items += tokens.map { vocabularyItem($0, special: false) }
      try interpreter.budget.allocate(count: items.count, size: 16, at: site.range)
      return .list(PythonList(items))
    case "vocabulary_size":
      try arguments.bind([])
      return .int(vocabularySize)
    case "__call__":
      return try call(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    default: return nil
    }
  }

  private func adapt(_ data: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError)
  {
    let (items, _) = try Self.tokens(
      of: data, string: isString, range: range, budget: interpreter.budget)
    try interpreter.budget.allocate(count: items.count, size: 16, at: range)
    var counts: [Token: Int] = [:]
    for item in items { counts[item, default: 0] += 1 }
    if let maskToken { counts[maskToken] = nil }
    counts[oovToken] = nil
    var ordered = Self.orderedByCount(counts) { a, b in
      switch (a, b) {
      case (.text(let x), .text(let y)): return Self.largerText(x, y)
      case (.integer(let x), .integer(let y)): return x > y
      default: return false
      }
    }
    if let maxTokens { ordered = Array(ordered.prefix(max(0, maxTokens - specialCount))) }
    setTokens(ordered)
  }

  /// The index of a token: 0 for the mask (nil in the counting modes, which leave it out), its
  /// place after the special indices, or an OOV index.
  private func lookup(_ token: Token) -> Int? {
    if let maskToken, token == maskToken { return masksIndexZero ? 0 : nil }
    let start = masksIndexZero ? 1 : 0
    if let position = index[token] { return specialCount + position }
    guard oovCount > 1 else { return start }
    switch token {
    case .text(let text):
      return start + Int(FarmHash.fingerprint64(Array(text.utf8)) % UInt64(oovCount))
    case .integer(let number):
      let remainder = number % oovCount
      return start + (remainder < 0 ? remainder + oovCount : remainder)
    }
  }

  /// The token at an index (`invert=True`): the mask, the OOV token, or the vocabulary's.
  private func token(at index: Int) -> Token {
    if masksIndexZero, let maskToken, index == 0 { return maskToken }
    let position = index - specialCount
    return position >= 0 && position < tokens.count ? tokens[position] : oovToken
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard positional.count == 1, keywords.allSatisfy({ $0.0 == "training" }) else {
      throw .unsupported("ConvBook calls a \(className) layer on one input", at: range)
    }
    if case .kerasTensor = positional[0] {
      return try Calls.call(
        .layer(try layerInstance(range: range)), positional: positional, keywords: keywords,
        site: site, interpreter: interpreter)
    }
    if invert {
      let (items, shape) = try Self.tokens(
        of: positional[0], string: false, range: range, budget: interpreter.budget)
      try interpreter.budget.allocate(count: items.count, size: 16, at: range)
      let found = items.map { item -> Token in
        if case .integer(let number) = item { return token(at: number) }
        return oovToken
      }
      if isString {
        return .standard(
          EagerStringTensor(
            items: found.map { if case .text(let text) = $0 { text } else { "" } }, shape: shape))
      }
      return .array(
        try EagerTensors.make(
          .int64, shape: shape,
          values: found.map { if case .integer(let number) = $0 { Double(number) } else { 0 } },
          range: range))
    }
    let (items, shape) = try Self.tokens(
      of: positional[0], string: isString, range: range, budget: interpreter.budget)
    try interpreter.budget.allocate(count: items.count, size: 16, at: range)
    if oovCount == 0,
      let outside = items.first(where: { index[$0] == nil && $0 != maskToken })
    {
      throw .unsupported(
        "ConvBook does not reproduce the InvalidArgumentError Keras raises when a \(className) with num_oov_indices=0 meets a value outside its vocabulary (\(PythonText.repr(vocabularyItem(outside, special: false)))) yet",
        at: range)
    }
    let indices = items.map(lookup)
    // Keras 3 counts and one-hot encodes in int64 on data, tf-keras in float32.
    let countType: EagerDType = kerasVersion == .keras3 ? .int64 : .float32
    let depth = vocabularySize
    switch outputMode {
    case .int:
      return .array(
        try EagerTensors.make(
          .int64, shape: shape, values: indices.map { Double($0 ?? 0) }, range: range))
    case .oneHot:
      let outer = shape.last == 1 ? Array(shape.dropLast()) : shape
      var values = [Double](repeating: 0, count: indices.count * depth)
      for (position, index) in indices.enumerated() {
        if let index { values[position * depth + index] = 1 }
      }
      try interpreter.budget.allocate(count: values.count, size: 8, at: range)
      return .array(
        try EagerTensors.make(countType, shape: outer + [depth], values: values, range: range))
    case .multiHot, .count:
      let rowLength = max(1, shape.last ?? 1)
      let rows = shape.isEmpty ? 1 : indices.count / rowLength
      var values = [Double](repeating: 0, count: rows * depth)
      for (position, found) in indices.enumerated() {
        guard let index = found else { continue }
        let cell = (position / rowLength) * depth + index
        values[cell] = outputMode == .count ? values[cell] + 1 : 1
      }
      try interpreter.budget.allocate(count: values.count, size: 8, at: range)
      let outer = shape.count <= 1 ? [] : Array(shape.dropLast())
      return .array(
        try EagerTensors.make(countType, shape: outer + [depth], values: values, range: range))
    case .tfIdf:
      throw .unsupported(
        "ConvBook does not support \(className)(output_mode='tf_idf') yet", at: range)
    }
  }

  /// The layer models see, made when a model first calls this object or adds it.
  func layerInstance(range: SourceRange) throws(CellError) -> LayerInstance {
    if let instance { return instance }
    var common = LayerCommon(
      name: name,
      arguments: LayerArguments(
        className: className,
        values: ["output_mode": .string(outputMode.rawValue), "name": .string(name)]))
    common.kerasVersion = kerasVersion
    let made = LayerInstance(
      IndexLookup(
        className: className, common: common, outputMode: outputMode, depth: vocabularySize,
        invert: invert))
    instance = made
    return made
  }
}
