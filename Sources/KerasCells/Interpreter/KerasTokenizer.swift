import CNNEngine
import Foundation

/// `keras.preprocessing.text.Tokenizer` (tf-keras 2.21; Keras 3 keeps the same code as
/// `tf.keras.preprocessing.text.Tokenizer`, `keras.src.legacy.preprocessing.text`): plain Python
/// over str, replayed step by step. Its state is the instance's attributes as Keras' code keeps
/// them (`attributes`, Python's `__dict__`): `fit_on_texts` updates `word_counts`, `word_docs`
/// and `index_docs` in place and makes new `word_index` and `index_word` dicts, so a dict read
/// before a fit and the one read after are the objects Python has.
///
/// `word_docs` is filled from `set(seq)`, whose order for str depends on CPython's randomized
/// string hashes; ConvBook adds a document's words in their first order (one of the orders Python
/// may print). `to_json`/`get_config` (JSON of that dict) and `one_hot`/`hashing_trick` (Python's
/// randomized `hash`) are refused.
final class KerasTokenizer: StandardObject {
  static let defaultFilters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n"

  private var attributes: [String: Value]
  private let kerasVersion: KerasVersion

  static var parameters: [(String, Value)] {
    [
      ("num_words", .none), ("filters", .string(defaultFilters)), ("lower", .bool(true)),
      ("split", .string(" ")), ("char_level", .bool(false)), ("oov_token", .none),
      ("analyzer", .none),
    ]
  }

  /// The attributes `__init__` sets, in its order (what `vars(tokenizer)` shows).
  static let attributeNames = [
    "word_counts", "word_docs", "filters", "split", "lower", "num_words", "document_count",
    "char_level", "oov_token", "index_docs", "word_index", "index_word", "analyzer",
  ]

  static let methodNames: Set<String> = [
    "fit_on_texts", "fit_on_sequences", "texts_to_sequences", "sequences_to_texts",
    "texts_to_matrix", "sequences_to_matrix",
  ]

  init(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let range = site.range
    let names = Self.parameters.map(\.0)
    guard positional.count <= names.count else {
      throw CellError(
        type: "TypeError",
        message:
          "Tokenizer.__init__() takes from 1 to \(names.count + 1) positional arguments but \(positional.count + 1) were given",
        range: range)
    }
    var values: [String: Value] = [:]
    for (name, value) in zip(names, positional) { values[name] = value }
    var extra: [(Value, Value)] = []
    for (label, value) in keywords {
      if names.contains(label) {
        if values[label] != nil {
          throw CellError(
            type: "TypeError",
            message: "Tokenizer.__init__() got multiple values for argument '\(label)'",
            range: range)
        }
        values[label] = value
      } else {
        extra.append((.string(label), value))
      }
    }
    // `**kwargs`: the old `nb_words` is `num_words`, `document_count` a starting count.
    if let index = extra.firstIndex(where: {
      if case .string("nb_words") = $0.0 { true } else { false }
    }) {
      values["num_words"] = extra.remove(at: index).1
    }
    var documentCount = Value.int(0)
    if let index = extra.firstIndex(where: {
      if case .string("document_count") = $0.0 { true } else { false }
    }) {
      documentCount = extra.remove(at: index).1
    }
    if !extra.isEmpty {
      throw CellError(
        type: "TypeError",
        message:
          "Unrecognized keyword arguments: " + PythonText.str(.dictionary(PythonDict(extra))),
        range: range)
    }
    for (name, value) in Self.parameters where values[name] == nil { values[name] = value }
    let wordCounts = PythonDict()
    wordCounts.flavor = .ordered
    let intType = Value.function(Callable(.builtin("int"), path: "int"))
    let wordDocs = PythonDict()
    wordDocs.flavor = .defaultDict(intType)
    let indexDocs = PythonDict()
    indexDocs.flavor = .defaultDict(intType)
    attributes = values
    attributes["word_counts"] = .dictionary(wordCounts)
    attributes["word_docs"] = .dictionary(wordDocs)
    attributes["index_docs"] = .dictionary(indexDocs)
    attributes["document_count"] = documentCount
    attributes["word_index"] = .dictionary(PythonDict())
    attributes["index_word"] = .dictionary(PythonDict())
    kerasVersion = interpreter.kerasVersion
  }

  override var typeName: String { "Tokenizer" }

  override func repr(_ item: (Value) -> String) -> String {
    // Python's default repr has the object's address, which ConvBook leaves out.
    kerasVersion == .keras3
      ? "<keras.src.legacy.preprocessing.text.Tokenizer object>"
      : "<tf_keras.src.preprocessing.text.Tokenizer object>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if let value = attributes[name] { return value }
    if Self.methodNames.contains(name) { return .method(receiver: .standard(self), name: name) }
    if [
      "texts_to_sequences_generator", "sequences_to_texts_generator", "get_config", "to_json",
    ].contains(name) {
      throw .unsupported("ConvBook does not support Tokenizer.\(name) yet", at: range)
    }
    throw CellError(
      type: "AttributeError", message: "'Tokenizer' object has no attribute '\(name)'",
      range: range,
      suggestion: NameSuggestion.closest(
        to: name,
        among: Array(attributes.keys).sorted() + Self.methodNames.sorted()
          + [
            "texts_to_sequences_generator", "sequences_to_texts_generator", "get_config",
            "to_json",
          ]))
  }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    attributes[name] = value
    return true
  }

  private func attribute(_ name: String) -> Value { attributes[name] ?? .none }

  private func dictionary(_ name: String, range: SourceRange) throws(CellError) -> PythonDict {
    guard case .dictionary(let dictionary) = attribute(name) else {
      throw .unsupported(
        "ConvBook's Tokenizer needs `\(name)` to be a dict, not \(attribute(name).typeName)",
        at: range)
    }
    return dictionary
  }

  // MARK: Methods

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let arguments = StandardArguments(
      function: "Tokenizer.\(name)", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let range = site.range
    switch name {
    case "fit_on_texts":
      let texts = try arguments.bind([("texts", nil)]).values["texts"] ?? .none
      try fit(texts: texts, interpreter: interpreter, site: site)
      return Value.none
    case "fit_on_sequences":
      let given = try arguments.bind([("sequences", nil)]).values["sequences"] ?? .none
      try fit(sequences: given, interpreter: interpreter, range: range)
      return Value.none
    case "texts_to_sequences":
      let texts = try arguments.bind([("texts", nil)]).values["texts"] ?? .none
      return .list(
        PythonList(
          try sequences(texts, interpreter: interpreter, site: site).map { row in
            .list(PythonList(row.map(Value.int)))
          }))
    case "sequences_to_texts":
      let given = try arguments.bind([("sequences", nil)]).values["sequences"] ?? .none
      return .list(PythonList(try texts(given, interpreter: interpreter, range: range)))
    case "texts_to_matrix", "sequences_to_matrix":
      let first = name == "texts_to_matrix" ? "texts" : "sequences"
      let values = try arguments.bind([(first, nil), ("mode", .string("binary"))]).values
      let given = values[first] ?? .none
      let rows: [[Int?]]
      if name == "texts_to_matrix" {
        rows = try sequences(given, interpreter: interpreter, site: site).map {
          $0.map(Optional.some)
        }
      } else {
        rows = try interpreter.iterate(given, range: range).map { (row) throws(CellError) in
          try interpreter.iterate(row, range: range).map(Self.integer)
        }
      }
      return try matrix(rows, mode: values["mode"] ?? .none, interpreter: interpreter, range: range)
    default:
      return nil
    }
  }

  /// An index given as a Python or NumPy integer (or an integral float, which a dict finds
  /// under the same key); nil for anything else.
  private static func integer(_ value: Value) -> Int? {
    switch value {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .float(let number):
      return number.rounded() == number && abs(number) < 9e15 ? Int(number) : nil
    case .standard(let scalar as NumPyScalar): return integer(scalar.pythonValue)
    default: return nil
    }
  }

  /// `text_to_word_sequence`, the analyzer, or the characters (`char_level`, or a text that is
  /// already a list of tokens), as `fit_on_texts` and `texts_to_sequences` split a text.
  private func tokens(_ given: Value, interpreter: Interpreter, site: CallSite) throws(CellError)
    -> [String]
  {
    let range = site.range
    // An `np.str_` (an item of an array of str) is a str.
    var text = given
    if case .standard(let item as NumPyString) = given { text = .string(item.text) }
    let lower = attribute("lower").isTruthy
    func lowered(_ value: Value) throws(CellError) -> Value {
      guard lower else { return value }
      guard case .string(let text) = value else {
        throw CellError(
          type: "AttributeError",
          message: "'\(value.typeName)' object has no attribute 'lower'", range: range)
      }
      return .string(text.lowercased())
    }
    var sequence: Value
    if attribute("char_level").isTruthy || { if case .list = text { true } else { false } }() {
      if case .list(let items) = text {
        var words: [Value] = []
        for item in items { words.append(try lowered(item)) }
        sequence = .list(PythonList(words))
      } else {
        sequence = try lowered(text)
      }
    } else if !attribute("analyzer").isNone {
      sequence = try Calls.call(
        attribute("analyzer"), positional: [text], keywords: [], site: site,
        interpreter: interpreter)
    } else {
      guard case .string(let given) = text else {
        if lower {
          throw CellError(
            type: "AttributeError",
            message: "'\(text.typeName)' object has no attribute 'lower'", range: range)
        }
        throw .unsupported(
          "ConvBook's Tokenizer takes texts as str, not \(text.typeName)", at: range)
      }
      guard case .string(let filters) = attribute("filters"),
        case .string(let split) = attribute("split")
      else {
        throw .unsupported("ConvBook's Tokenizer takes `filters` and `split` as str", at: range)
      }
      return try Self.wordSequence(
        given, filters: filters, lower: lower, split: split, range: range)
    }
    var words: [String] = []
    for item in try interpreter.iterate(sequence, range: range) {
      guard case .string(let word) = item else {
        throw .unsupported(
          "ConvBook's Tokenizer takes tokens as str, not \(item.typeName)", at: range)
      }
      words.append(word)
    }
    return words
  }

  /// `text_to_word_sequence`: lowered, every character of `filters` made `split`, split on
  /// `split` (code points, as `str.translate` and `str.split` work), empty pieces dropped.
  static func wordSequence(
    _ text: String, filters: String, lower: Bool, split: String, range: SourceRange
  ) throws(CellError) -> [String] {
    guard !split.isEmpty else {
      throw CellError(type: "ValueError", message: "empty separator", range: range)
    }
    let filtered = Set(filters.unicodeScalars)
    let separator = Array(split.unicodeScalars)
    var scalars: [Unicode.Scalar] = []
    for scalar in (lower ? text.lowercased() : text).unicodeScalars {
      if filtered.contains(scalar) {
        scalars += separator
      } else {
        scalars.append(scalar)
      }
    }
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if scalars[index] == separator[0], index + separator.count <= scalars.count,
        Array(scalars[index..<index + separator.count]) == separator
      {
        if !current.isEmpty { words.append(String(current)) }
        current = String.UnicodeScalarView()
        index += separator.count
      } else {
        current.append(scalars[index])
        index += 1
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  /// `keras.preprocessing.text.text_to_word_sequence(input_text, filters, lower, split)`.
  static func textToWordSequence(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = StandardArguments(
      function: "text_to_word_sequence", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let values = try arguments.bind([
      ("input_text", nil), ("filters", .string(defaultFilters)), ("lower", .bool(true)),
      ("split", .string(" ")),
    ]).values
    let range = site.range
    let text = values["input_text"] ?? .none
    let lower = (values["lower"] ?? .none).isTruthy
    guard case .string(let given) = text else {
      throw CellError(
        type: "AttributeError",
        message: "'\(text.typeName)' object has no attribute '\(lower ? "lower" : "translate")'",
        range: range)
    }
    guard case .string(let filters) = values["filters"] ?? .none,
      case .string(let split) = values["split"] ?? .none
    else {
      throw .unsupported(
        "ConvBook's text_to_word_sequence takes `filters` and `split` as str", at: range)
    }
    let words = try wordSequence(given, filters: filters, lower: lower, split: split, range: range)
    try interpreter.budget.allocate(count: words.count, size: 32, at: range)
    return .list(PythonList(words.map(Value.string)))
  }

  /// The positions of a dict's str keys (what `w in d` and `d.get(w)` find).
  private static func positions(_ dictionary: PythonDict) -> [String: Int] {
    var positions: [String: Int] = [:]
    for (position, pair) in dictionary.pairs.enumerated() {
      if case .string(let key) = pair.0, positions[key] == nil { positions[key] = position }
    }
    return positions
  }

  private func fit(texts: Value, interpreter: Interpreter, site: CallSite) throws(CellError) {
    let range = site.range
    let wordCounts = try dictionary("word_counts", range: range)
    let wordDocs = try dictionary("word_docs", range: range)
    var countPositions = Self.positions(wordCounts)
    var docPositions = Self.positions(wordDocs)
    func increment(_ dictionary: PythonDict, _ positions: inout [String: Int], _ word: String)
      throws(CellError)
    {
      if let position = positions[word] {
        guard case .int(let count) = dictionary.pairs[position].1 else {
          throw .unsupported("ConvBook's Tokenizer counts in int", at: range)
        }
        dictionary.pairs[position].1 = .int(count &+ 1)
      } else {
        positions[word] = dictionary.pairs.count
        dictionary.pairs.append((.string(word), .int(1)))
      }
    }
    for text in try interpreter.iterate(texts, range: range) {
      try interpreter.budget.tick(at: range)
      guard case .int(let count) = attribute("document_count") else {
        throw .unsupported("ConvBook's Tokenizer counts documents in int", at: range)
      }
      attributes["document_count"] = .int(count &+ 1)
      let sequence = try tokens(text, interpreter: interpreter, site: site)
      try interpreter.budget.allocate(count: sequence.count, size: 32, at: range)
      var seen = Set<String>()
      for word in sequence { try increment(wordCounts, &countPositions, word) }
      for word in sequence where seen.insert(word).inserted {
        try increment(wordDocs, &docPositions, word)
      }
    }
    // `wcounts.sort(key=lambda x: x[1], reverse=True)`: Python's stable sort keeps the first
    // seen of equal counts first even reversed.
    var counted: [(String, Int)] = []
    for (key, value) in wordCounts.pairs {
      guard case .string(let word) = key, case .int(let count) = value else {
        throw .unsupported("ConvBook's Tokenizer counts str words in int", at: range)
      }
      counted.append((word, count))
    }
    let sorted = counted.enumerated().sorted { a, b in
      a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
    }.map(\.element.0)
    var vocabulary: [Value] = sorted.map(Value.string)
    if !attribute("oov_token").isNone { vocabulary.insert(attribute("oov_token"), at: 0) }
    // `dict(zip(sorted_voc, range(1, ...)))`: a repeated key keeps its place, takes the last index.
    let wordIndex = PythonDict()
    var seenKeys: [String: Int] = [:]
    for (offset, word) in vocabulary.enumerated() {
      if case .string(let key) = word, let position = seenKeys[key] {
        wordIndex.pairs[position].1 = .int(offset + 1)
      } else if case .string(let key) = word {
        seenKeys[key] = wordIndex.pairs.count
        wordIndex.pairs.append((word, .int(offset + 1)))
      } else {
        wordIndex.set(word, .int(offset + 1))
      }
    }
    let indexWord = PythonDict()
    var indexPositions: [Int: Int] = [:]
    for (word, index) in wordIndex.pairs {
      guard case .int(let number) = index else { continue }
      if let position = indexPositions[number] {
        indexWord.pairs[position].1 = word
      } else {
        indexPositions[number] = indexWord.pairs.count
        indexWord.pairs.append((index, word))
      }
    }
    attributes["word_index"] = .dictionary(wordIndex)
    attributes["index_word"] = .dictionary(indexWord)
    let indexDocs = try dictionary("index_docs", range: range)
    var docIndexPositions: [Int: Int] = [:]
    for (position, pair) in indexDocs.pairs.enumerated() {
      if case .int(let number) = pair.0 { docIndexPositions[number] = position }
    }
    for (word, count) in wordDocs.pairs {
      guard case .string(let key) = word, let position = seenKeys[key],
        case .int(let index) = wordIndex.pairs[position].1
      else {
        throw CellError(type: "KeyError", message: PythonText.repr(word), range: range)
      }
      if let existing = docIndexPositions[index] {
        indexDocs.pairs[existing].1 = count
      } else {
        docIndexPositions[index] = indexDocs.pairs.count
        indexDocs.pairs.append((.int(index), count))
      }
    }
  }

  private func fit(sequences given: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError)
  {
    let rows = try interpreter.iterate(given, range: range)
    guard case .int(let count) = attribute("document_count") else {
      throw .unsupported("ConvBook's Tokenizer counts documents in int", at: range)
    }
    attributes["document_count"] = .int(count &+ rows.count)
    let indexDocs = try dictionary("index_docs", range: range)
    for row in rows {
      try interpreter.budget.tick(at: range)
      var seen = Set<Int>()
      for item in try interpreter.iterate(row, range: range) {
        guard let index = Self.integer(item) else {
          throw .unsupported(
            "ConvBook's Tokenizer takes sequences of int, not \(item.typeName)", at: range)
        }
        guard seen.insert(index).inserted else { continue }
        if let position = indexDocs.index(of: .int(index)),
          case .int(let documents) = indexDocs.pairs[position].1
        {
          indexDocs.pairs[position].1 = .int(documents &+ 1)
        } else {
          indexDocs.pairs.append((.int(index), .int(1)))
        }
      }
    }
  }

  /// The positive `num_words`, or nil when it is None or 0 (`if num_words and ...`).
  private func wordLimit(range: SourceRange) throws(CellError) -> Int? {
    switch attribute("num_words") {
    case .none: return nil
    case let value:
      guard let limit = Self.integer(value) else {
        throw .unsupported(
          "ConvBook's Tokenizer takes num_words as int, not \(value.typeName)", at: range)
      }
      return limit == 0 ? nil : limit
    }
  }

  private func sequences(_ texts: Value, interpreter: Interpreter, site: CallSite)
    throws(CellError) -> [[Int]]
  {
    let range = site.range
    let wordIndex = try dictionary("word_index", range: range)
    let positions = Self.positions(wordIndex)
    let limit = try wordLimit(range: range)
    let oov = attribute("oov_token")
    func index(_ position: Int?) throws(CellError) -> Int? {
      guard let position else { return nil }
      let value = wordIndex.pairs[position].1
      guard let number = Self.integer(value) else {
        throw .unsupported(
          "ConvBook's Tokenizer takes word_index values as int, not \(value.typeName)", at: range)
      }
      return number
    }
    let oovIndex = try index(wordIndex.index(of: oov))
    var rows: [[Int]] = []
    for text in try interpreter.iterate(texts, range: range) {
      try interpreter.budget.tick(at: range)
      var row: [Int] = []
      for word in try tokens(text, interpreter: interpreter, site: site) {
        if let found = try index(positions[word]) {
          if let limit, found >= limit {
            if let oovIndex { row.append(oovIndex) }
          } else {
            row.append(found)
          }
        } else if !oov.isNone {
          guard let oovIndex else {
            // `vect.append(None)`: the token was never fitted.
            throw .unsupported(
              "ConvBook's Tokenizer needs its oov_token in word_index (call fit_on_texts first)",
              at: range)
          }
          row.append(oovIndex)
        }
      }
      try interpreter.budget.allocate(count: row.count, size: 16, at: range)
      rows.append(row)
    }
    return rows
  }

  private func texts(_ given: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> [Value]
  {
    let indexWord = try dictionary("index_word", range: range)
    var words: [Int: String] = [:]
    for (key, value) in indexWord.pairs {
      if let number = Self.integer(key), case .string(let word) = value, words[number] == nil {
        words[number] = word
      }
    }
    let limit = try wordLimit(range: range)
    let oovIndex = try dictionary("word_index", range: range).value(for: attribute("oov_token"))
      .flatMap(Self.integer)
    let oovWord = oovIndex.flatMap { words[$0] }
    let hasOOV = !attribute("oov_token").isNone
    var texts: [Value] = []
    for row in try interpreter.iterate(given, range: range) {
      try interpreter.budget.tick(at: range)
      var kept: [String] = []
      for item in try interpreter.iterate(row, range: range) {
        if let number = Self.integer(item), let word = words[number] {
          if let limit, number >= limit {
            if let oovWord { kept.append(oovWord) }
          } else {
            kept.append(word)
          }
        } else if hasOOV {
          guard let oovWord else {
            throw .unsupported(
              "ConvBook's Tokenizer needs its oov_token in word_index (call fit_on_texts first)",
              at: range)
          }
          kept.append(oovWord)
        }
      }
      texts.append(.string(kept.joined(separator: " ")))
    }
    return texts
  }

  /// `sequences_to_matrix`: one float64 row per sequence, `num_words` (or the vocabulary's size
  /// plus one) columns.
  private func matrix(
    _ rows: [[Int?]], mode: Value, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    let width: Int
    if let limit = try wordLimit(range: range) {
      width = limit
    } else {
      let wordIndex = try dictionary("word_index", range: range)
      guard !wordIndex.pairs.isEmpty else {
        throw CellError(
          type: "ValueError",
          message: "Specify a dimension (`num_words` argument), or fit on some text data first.",
          range: range)
      }
      width = wordIndex.pairs.count + 1
    }
    guard case .int(let documents) = attribute("document_count") else {
      throw .unsupported("ConvBook's Tokenizer counts documents in int", at: range)
    }
    var modeName: String? = nil
    if case .string(let name) = mode { modeName = name }
    if modeName == "tfidf", documents == 0 {
      throw CellError(
        type: "ValueError", message: "Fit the Tokenizer on some data before using tfidf mode.",
        range: range)
    }
    guard width > 0 else {
      throw CellError(
        type: "ValueError", message: "negative dimensions are not allowed", range: range)
    }
    let (count, overflow) = rows.count.multipliedReportingOverflow(by: width)
    guard !overflow else {
      throw CellError(
        type: "ValueError",
        message:
          "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        range: range)
    }
    try interpreter.budget.allocate(count: count, size: 8, at: range)
    var values = [Double](repeating: 0, count: count)
    var indexDocs: [Int: Double] = [:]
    if modeName == "tfidf" {
      for (key, value) in try dictionary("index_docs", range: range).pairs {
        if let index = Self.integer(key), indexDocs[index] == nil {
          guard let number = Operators.Number(value) else {
            throw .unsupported("ConvBook's Tokenizer counts documents in int", at: range)
          }
          indexDocs[index] = try number.double(range)
        }
      }
    }
    for (r, row) in rows.enumerated() where !row.isEmpty {
      try interpreter.budget.tick(at: range)
      var order: [Int] = []
      var counts: [Int: Int] = [:]
      for item in row {
        guard let j = item else {
          throw .unsupported("ConvBook's Tokenizer takes sequences of int", at: range)
        }
        if j >= width { continue }
        guard j >= 0 else {
          throw .unsupported("ConvBook's Tokenizer takes no negative word indices", at: range)
        }
        if counts[j] == nil { order.append(j) }
        counts[j, default: 0] += 1
      }
      for j in order {
        let c = Double(counts[j] ?? 0)
        let value: Double
        switch modeName {
        case "count": value = c
        case "freq": value = c / Double(row.count)
        case "binary": value = 1
        case "tfidf":
          let tf = 1 + log(c)
          let idf = log(1 + Double(documents) / (1 + (indexDocs[j] ?? 0)))
          value = tf * idf
        default:
          throw CellError(
            type: "ValueError",
            message: PythonText.repr(.tuple([.string("Unknown vectorization mode:"), mode])),
            range: range)
        }
        values[r * width + j] = value
      }
    }
    return .array(NDArray(dtype: .float64, shape: [rows.count, width], doubles: values))
  }
}
