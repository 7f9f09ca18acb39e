import CNNEngine

/// `keras.layers.TextVectorization` run eagerly on Python strings: `adapt` learns a vocabulary,
/// `get_vocabulary` returns it and calling the layer maps text to token ids (`output_mode="int"`)
/// or to per-token columns (`"multi_hot"`, `"count"`). Both Keras versions run TensorFlow's string
/// ops here, so they agree: `lower` is `tf.strings.lower` (ASCII letters only), punctuation is
/// removed with Keras' `DEFAULT_STRIP_REGEX` (the ASCII punctuation), `split="whitespace"` splits
/// on ASCII whitespace and `"character"` into code points.
///
/// The vocabulary is ordered as Keras' `IndexLookup.finalize_state` orders it: by count, most
/// frequent first, ties broken by the token itself in descending byte order (it reverses NumPy's
/// `lexsort((tokens, counts))`), then cut to `max_tokens` minus the special tokens (the mask `''`
/// and `[UNK]` for `int`, `[UNK]` alone otherwise).
///
/// Strings are not tensors in ConvBook: the layer takes `str` and lists of `str` (or of
/// one-string lists), not string tensors or datasets. Called on a Keras tensor (a `dtype="string"`
/// input) or added to a Sequential model it is the engine's `TextVectorization` layer
/// (`layerInstance`): shapes and summaries, no forward pass.
final class TextVectorizationLayer: StandardObject, KerasDataLayer {
  var className: String { "TextVectorization" }

  enum Standardize { case none, lower, strip, lowerAndStrip }
  enum Split { case none, whitespace, character }
  enum OutputMode: String {
    case int
    case multiHot = "multi_hot"
    case count
  }

  let standardize: Standardize
  let split: Split
  let outputMode: OutputMode
  let maxTokens: Int?
  let outputSequenceLength: Int?
  let kerasVersion: KerasVersion
  let name: String
  /// The learned (or given) tokens, without the special ones.
  private(set) var tokens: [String] = []
  /// The learned tokens come from `vocabulary=` (NumPy's `np.str_` items all the same).
  private var index: [String: Int] = [:]

  static var parameters: [(String, Value?)] {
    [
      ("max_tokens", Value.none), ("standardize", .string("lower_and_strip_punctuation")),
      ("split", .string("whitespace")), ("ngrams", Value.none), ("output_mode", .string("int")),
      ("output_sequence_length", Value.none), ("pad_to_max_tokens", .bool(false)),
      ("vocabulary", Value.none), ("idf_weights", Value.none), ("sparse", .bool(false)),
      ("ragged", .bool(false)), ("encoding", .string("utf-8")), ("name", Value.none),
    ]
  }

  init(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let arguments = StandardArguments(
      function: "TextVectorization", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let values = try arguments.bind(
      Self.parameters, keywordOnly: [("input_shape", Value.none), ("dtype", Value.none)]
    ).values
    let range = site.range
    func refuse(_ what: String) -> CellError {
      .unsupported("ConvBook does not support TextVectorization(\(what)) yet", at: range)
    }
    switch values["standardize"] ?? Value.none {
    case .none: standardize = .none
    case .string("lower"): standardize = .lower
    case .string("strip_punctuation"): standardize = .strip
    case .string("lower_and_strip_punctuation"): standardize = .lowerAndStrip
    default: throw refuse("standardize=\(PythonText.repr(values["standardize"] ?? Value.none))")
    }
    switch values["split"] ?? Value.none {
    case .none: split = .none
    case .string("whitespace"): split = .whitespace
    case .string("character"): split = .character
    default: throw refuse("split=\(PythonText.repr(values["split"] ?? Value.none))")
    }
    guard case .string(let mode) = values["output_mode"] ?? Value.none,
      let outputMode = OutputMode(rawValue: mode)
    else {
      throw refuse("output_mode=\(PythonText.repr(values["output_mode"] ?? Value.none))")
    }
    self.outputMode = outputMode
    for name in ["ngrams", "idf_weights"] where !(values[name] ?? Value.none).isNone {
      throw refuse("\(name)=...")
    }
    for name in ["pad_to_max_tokens", "sparse", "ragged"]
    where (values[name] ?? Value.none).isTruthy {
      throw refuse("\(name)=True")
    }
    func count(_ name: String) throws(CellError) -> Int? {
      let value = values[name] ?? Value.none
      if value.isNone { return nil }
      return try arguments.integer(value, name)
    }
    maxTokens = try count("max_tokens")
    outputSequenceLength = try count("output_sequence_length")
    if let maxTokens, maxTokens <= 1 {
      throw CellError(
        type: "ValueError",
        message:
          "If set, `max_tokens` must be greater than 1. Received: max_tokens=\(maxTokens)",
        range: range)
    }
    if outputSequenceLength != nil, outputMode != .int {
      throw CellError(
        type: "ValueError",
        message:
          "`output_sequence_length` must not be set if `output_mode` is not 'int'. Received output_sequence_length=\(outputSequenceLength ?? 0).",
        range: range)
    }
    kerasVersion = interpreter.kerasVersion
    if case .string(let given) = values["name"] ?? Value.none {
      name = given
    } else {
      name = interpreter.kerasNames.uniqueName(forClass: "TextVectorization")
    }
    // Both Keras make their vocabulary a `StringLookup` layer, which takes a name.
    _ = interpreter.kerasNames.uniqueName(forClass: "StringLookup")
    super.init()
    let vocabulary = values["vocabulary"] ?? Value.none
    if !vocabulary.isNone { try setVocabulary(vocabulary, range: range) }
  }

  override var typeName: String { "TextVectorization" }

  /// The layer models see (`CNNEngine.TextVectorization`), made when a model first calls this
  /// object or adds it; one instance for every call, as Keras shares a layer.
  private var instance: LayerInstance?

  func layerInstance(range: SourceRange) throws(CellError) -> LayerInstance {
    if let instance { return instance }
    let mode: CNNEngine.TextVectorization.OutputMode
    switch outputMode {
    case .int: mode = .int
    case .multiHot: mode = .multiHot
    case .count: mode = .count
    }
    var arguments: [String: ArgumentValue] = [
      "output_mode": .string(outputMode.rawValue),
      "output_sequence_length": outputSequenceLength.map(ArgumentValue.int) ?? .none,
      "max_tokens": maxTokens.map(ArgumentValue.int) ?? .none,
    ]
    arguments["name"] = .string(name)
    var common = LayerCommon(
      name: name, arguments: LayerArguments(className: "TextVectorization", values: arguments))
    common.kerasVersion = kerasVersion
    let made = LayerInstance(
      CNNEngine.TextVectorization(
        common: common, outputMode: mode, sequenceLength: outputSequenceLength,
        depth: tokens.isEmpty ? nil : specialTokens.count + tokens.count, splits: split != .none))
    instance = made
    return made
  }

  override func repr(_ item: (Value) -> String) -> String { layerRepr }

  private var specialTokens: [String] { outputMode == .int ? ["", "[UNK]"] : ["[UNK]"] }

  private func setVocabulary(_ value: Value, range: SourceRange) throws(CellError) {
    guard let items = value.sequenceItems else {
      throw .unsupported(
        "ConvBook takes a TextVectorization vocabulary as a list of str", at: range)
    }
    var given: [String] = []
    for item in items {
      guard let text = Self.text(item) else {
        throw .unsupported(
          "ConvBook takes a TextVectorization vocabulary as a list of str", at: range)
      }
      given.append(text)
    }
    if given.first == specialTokens.first || given.contains("[UNK]") {
      throw .unsupported(
        "ConvBook does not support a vocabulary that holds the special tokens yet", at: range)
    }
    tokens = given
    index = [:]
    for (position, token) in given.enumerated() where index[token] == nil {
      index[token] = position
    }
  }

  static func text(_ value: Value) -> String? { NumPyStringArray.text(value) }

  // MARK: Text to tokens

  func standardized(_ text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    if standardize == .lower || standardize == .lowerAndStrip {
      scalars = scalars.map { scalar in
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
      }
    }
    if standardize == .strip || standardize == .lowerAndStrip {
      let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)
      scalars.removeAll { punctuation.contains($0) }
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars)
    return String(result)
  }

  func split(_ text: String) -> [String] {
    let standard = standardized(text)
    switch split {
    case .none: return [standard]
    case .character: return standard.unicodeScalars.map { String($0) }
    case .whitespace:
      let spaces: Set<Unicode.Scalar> = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"]
      var words: [String] = []
      var current = String.UnicodeScalarView()
      for scalar in standard.unicodeScalars {
        if spaces.contains(scalar) {
          if !current.isEmpty { words.append(String(current)) }
          current = String.UnicodeScalarView()
        } else {
          current.append(scalar)
        }
      }
      if !current.isEmpty { words.append(String(current)) }
      return words
    }
  }

  /// The documents of `value`: a str, or a list of str (or of one-str lists).
  func documents(_ value: Value, function: String, range: SourceRange) throws(CellError)
    -> (texts: [String], scalar: Bool)
  {
    if let text = Self.text(value) { return ([text], true) }
    if case .standard(let tensor as EagerStringTensor) = value {
      if tensor.shape.isEmpty { return (tensor.items, true) }
      return try documents(.standard(tensor.array), function: function, range: range)
    }
    if case .standard(let strings as NumPyStringArray) = value {
      // One text per row: a 1-D array, or a column `(n, 1)`.
      guard strings.shape.count == 1 || (strings.shape.count == 2 && strings.shape[1] == 1) else {
        throw .unsupported(
          "ConvBook's TextVectorization.\(function) takes one text per row, not an array of shape \(PythonText.repr(.tuple(strings.shape.map(Value.int))))",
          at: range)
      }
      return (strings.items, false)
    }
    guard let items = value.sequenceItems else {
      throw .unsupported(
        "ConvBook's TextVectorization.\(function) takes str or a list of str (no string tensors, arrays or datasets), not \(value.typeName)",
        at: range)
    }
    var texts: [String] = []
    for item in items {
      if let text = Self.text(item) {
        texts.append(text)
      } else if let inner = item.sequenceItems, inner.count == 1, let text = Self.text(inner[0]) {
        texts.append(text)
      } else {
        throw .unsupported(
          "ConvBook's TextVectorization.\(function) takes str or a list of str, not a list holding \(item.typeName)",
          at: range)
      }
    }
    return (texts, false)
  }

  // MARK: Methods

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "adapt", "get_vocabulary", "vocabulary_size", "set_vocabulary", "__call__":
      return .method(receiver: .standard(self), name: name)
    case "name": return .string(self.name)
    default:
      throw .unsupported("ConvBook does not support TextVectorization.\(name) yet", at: range)
    }
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
    case "adapt":
      let values = try arguments.bind([
        ("data", nil), ("batch_size", Value.none), ("steps", Value.none),
      ]).values
      try adapt(values["data"] ?? Value.none, interpreter: interpreter, range: range)
      return Value.none
    case "get_vocabulary":
      let values = try arguments.bind([("include_special_tokens", .bool(true))]).values
      let learned = tokens.map { Value.standard(NumPyString($0)) }
      if (values["include_special_tokens"] ?? Value.none).isTruthy {
        return .list(PythonList(specialTokens.map(Value.string) + learned))
      }
      return .list(PythonList(learned))
    case "vocabulary_size":
      try arguments.bind([])
      return .int(specialTokens.count + tokens.count)
    case "set_vocabulary":
      let values = try arguments.bind([("vocabulary", nil), ("idf_weights", Value.none)]).values
      try setVocabulary(values["vocabulary"] ?? Value.none, range: range)
      return Value.none
    case "__call__":
      return try call(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    default: return nil
    }
  }

  func adapt(_ data: Value, interpreter: Interpreter, range: SourceRange) throws(CellError) {
    let (texts, _) = try documents(data, function: "adapt", range: range)
    var counts: [String: Int] = [:]
    for text in texts {
      for token in split(text) { counts[token, default: 0] += 1 }
      try interpreter.budget.tick(at: range)
    }
    // Keras drops the special tokens from the counts before it sorts them.
    for special in specialTokens { counts[special] = nil }
    var sorted = IndexLookupLayer.orderedByCount(counts, larger: IndexLookupLayer.largerText)
    if let maxTokens { sorted = Array(sorted.prefix(max(0, maxTokens - specialTokens.count))) }
    tokens = sorted
    index = [:]
    for (position, token) in sorted.enumerated() { index[token] = position }
  }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    guard positional.count == 1, keywords.allSatisfy({ $0.0 == "training" }) else {
      throw .unsupported(
        "ConvBook calls a TextVectorization layer on one input (str or a list of str)", at: range)
    }
    if case .kerasTensor = positional[0] {
      return try Calls.call(
        .layer(try layerInstance(range: range)), positional: positional, keywords: keywords,
        site: site, interpreter: interpreter)
    }
    let (texts, scalar) = try documents(positional[0], function: "__call__", range: range)
    let start = specialTokens.count
    let rows: [[Int]] = texts.map { text in
      split(text).map { token in index[token].map { $0 + start } ?? (outputMode == .int ? 1 : 0) }
    }
    switch outputMode {
    case .int:
      let width = outputSequenceLength ?? rows.map(\.count).max() ?? 0
      var values: [Double] = []
      for row in rows {
        let kept = row.prefix(width).map(Double.init)
        values += kept + [Double](repeating: 0, count: width - kept.count)
      }
      try interpreter.budget.allocate(count: values.count, size: 8, at: range)
      return .array(
        try EagerTensors.make(
          .int64, shape: scalar ? [width] : [rows.count, width], values: values, range: range))
    case .multiHot, .count:
      let width = start + tokens.count
      var values = [Double](repeating: 0, count: rows.count * width)
      for (r, row) in rows.enumerated() {
        for id in row {
          if outputMode == .count {
            values[r * width + id] += 1
          } else {
            values[r * width + id] = 1
          }
        }
      }
      try interpreter.budget.allocate(count: values.count, size: 8, at: range)
      // Keras 3 counts in int64, tf-keras in float32.
      return .array(
        try EagerTensors.make(
          kerasVersion == .keras3 ? .int64 : .float32,
          shape: scalar ? [width] : [rows.count, width], values: values, range: range))
    }
  }
}

/// NumPy's `np.str_`, as `get_vocabulary()` returns the learned tokens: printed as
/// `np.str_('the')` in a list, as the text by `print`, and equal to the same `str`.
final class NumPyString: StandardObject {
  let text: String

  init(_ text: String) { self.text = text }

  override var typeName: String { "str_" }

  override func repr(_ item: (Value) -> String) -> String { "np.str_(\(item(.string(text))))" }

  override func str(_ item: (Value) -> String) -> String { text }

  /// A `str` method (`digit.isdigit()`), run on the text: NumPy's give `str`s.
  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    .method(receiver: .string(text), name: name)
  }
}
