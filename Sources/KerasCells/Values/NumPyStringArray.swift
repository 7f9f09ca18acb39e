/// A NumPy array of `str` (`np.array(["a cat", "a dog"])`, dtype `<U5`): the texts real code
/// hands to `TextVectorization.adapt`, `Tokenizer.fit_on_texts` or prints. ConvBook's numeric
/// arrays (`NDArray`) hold numbers only; this holds the items (flat, row-major) and the shape,
/// prints as NumPy does (`['a cat' 'a dog']`, `array(['a cat', 'a dog'], dtype='<U5')`: each item
/// as Python's `repr`, laid out by `NumPyArrayText.layout`), and answers `shape`, `dtype`,
/// `ndim`, `size`, `len`, iteration, `tolist()` and indexing by int or slice on the first axis
/// (an item is an `np.str_`, `NumPyString`). Arithmetic and the other array methods are refused.
final class NumPyStringArray: StandardObject {
  /// `str` items (dtype `<Un`), or the `bytes` items of a TensorFlow string tensor's `numpy()`
  /// (dtype `object`), kept as their UTF-8 text.
  enum Kind { case text, bytes }

  let items: [String]
  let shape: [Int]
  let kind: Kind

  init(items: [String], shape: [Int], kind: Kind = .text) {
    self.items = items
    self.shape = shape
    self.kind = kind
  }

  /// An item as Python shows it in the array: `'a'` or `b'a'`.
  func itemRepr(_ offset: Int) -> String {
    kind == .text
      ? PythonText.repr(.string(items[offset])) : PythonBytes.repr(Array(items[offset].utf8))
  }

  /// An item as Python gets it: `np.str_` or `bytes`.
  func itemValue(_ text: String) -> Value {
    kind == .text ? .standard(NumPyString(text)) : .standard(PythonBytes(Array(text.utf8)))
  }

  /// The array of nested lists or tuples whose leaves are all `str` (or `np.str_`), or nil
  /// for any other value (which numeric arrays then take or refuse).
  static func make(from value: Value) -> NumPyStringArray? {
    if case .standard(let array as NumPyStringArray) = value { return array }
    var shape: [Int] = []
    var probe = value
    while isListOrTuple(probe), let inner = probe.sequenceItems {
      shape.append(inner.count)
      guard let first = inner.first else { return nil }
      probe = first
    }
    guard !shape.isEmpty, text(probe) != nil else { return nil }
    var items: [String] = []
    func walk(_ item: Value, depth: Int) -> Bool {
      if depth == shape.count {
        guard let leaf = text(item) else { return false }
        items.append(leaf)
        return true
      }
      guard isListOrTuple(item), let inner = item.sequenceItems, inner.count == shape[depth]
      else { return false }
      return inner.allSatisfy { walk($0, depth: depth + 1) }
    }
    guard walk(value, depth: 0) else { return nil }
    return NumPyStringArray(items: items, shape: shape)
  }

  private static func isListOrTuple(_ value: Value) -> Bool {
    switch value {
    case .list, .tuple: return true
    default: return false
    }
  }

  static func text(_ value: Value) -> String? {
    switch value {
    case .string(let text): return text
    case .standard(let text as NumPyString): return text.text
    default: return nil
    }
  }

  /// NumPy's `<U{n}`: n is the longest item's length in code points (at least 1).
  var dtypeName: String {
    kind == .bytes ? "object" : "<U\(max(1, items.map(\.unicodeScalars.count).max() ?? 1))"
  }

  private var strides: [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    for axis in stride(from: shape.count - 2, through: 0, by: -1) {
      strides[axis] = strides[axis + 1] * shape[axis + 1]
    }
    return strides
  }

  override var typeName: String { "ndarray" }

  override func str(_ item: (Value) -> String) -> String { text(repr: false) }

  override func repr(_ item: (Value) -> String) -> String { text(repr: true) }

  private func text(repr: Bool) -> String {
    let prefix = repr ? "array(" : ""
    let count = items.count
    let summarize = count > NumPyArrayText.threshold
    let body: String
    if count == 0 {
      body = "[]"
    } else {
      let strides = self.strides
      body = NumPyArrayText.layout(
        shape: shape, strides: strides,
        format: itemRepr,
        separator: repr ? ", " : " ", lineWidth: NumPyArrayText.lineWidth - (repr ? 1 : 0),
        nextLinePrefix: " " + String(repeating: " ", count: prefix.count), summarize: summarize)
    }
    guard repr else { return body }
    var extras: [String] = []
    if (count == 0 && shape != [0]) || summarize {
      extras.append(
        "shape=("
          + (shape.count == 1 ? "\(shape[0])," : shape.map(String.init).joined(separator: ", "))
          + ")")
    }
    extras.append(kind == .bytes ? "dtype=object" : "dtype='\(dtypeName)'")
    let text = prefix + body + ","
    let extra = extras.joined(separator: ", ") + ")"
    let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0
    let spacer =
      lastLine + extra.count + 1 > NumPyArrayText.lineWidth
      ? "\n" + String(repeating: " ", count: prefix.count) : " "
    return text + spacer + extra
  }

  // MARK: Python's view

  /// The rows along the first axis: `np.str_` items of a 1-D array, arrays otherwise.
  var rows: [Value] {
    guard let first = shape.first else { return [] }
    let inner = Array(shape.dropFirst())
    guard !inner.isEmpty else { return items.map(itemValue) }
    let size = inner.reduce(1, *)
    return (0..<first).map { row in
      .standard(
        NumPyStringArray(
          items: Array(items[row * size..<(row + 1) * size]), shape: inner, kind: kind))
    }
  }

  /// `tolist()`: nested lists of `str`.
  var list: Value {
    guard shape.count > 1 else {
      return .list(PythonList(kind == .text ? items.map(Value.string) : items.map(itemValue)))
    }
    return .list(
      PythonList(
        rows.map { row in
          if case .standard(let inner as NumPyStringArray) = row { return inner.list }
          return row
        }))
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "shape": return .tuple(shape.map(Value.int))
    case "ndim": return .int(shape.count)
    case "size": return .int(items.count)
    case "dtype": return .standard(NumPyDType(text: dtypeName))
    case "T" where shape.count <= 1: return .standard(self)
    case "tolist": return .method(receiver: .standard(self), name: name)
    default:
      throw .unsupported(
        "ConvBook's arrays of str support shape, dtype, ndim, size, len, indexing, iteration and tolist(), not .\(name)",
        at: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "tolist" else { return nil }
    try StandardArguments(
      function: "tolist", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter
    ).bind([])
    try interpreter.budget.allocate(count: items.count, size: 16, at: site.range)
    return list
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    let rows = self.rows
    /// NumPy's position of `given` on the first axis (counted from the end when negative).
    func position(_ given: Int) throws(CellError) -> Int {
      let position = given < 0 ? given + rows.count : given
      guard position >= 0, position < rows.count else {
        throw CellError(
          type: "IndexError",
          message: "index \(given) is out of bounds for axis 0 with size \(rows.count)",
          range: range)
      }
      return position
    }
    switch index {
    case .int(let given):
      return rows[try position(given)]
    case .slice(let start, let stop, let step):
      if step == 0 {
        throw CellError(type: "ValueError", message: "slice step cannot be zero", range: range)
      }
      let (first, count, by) = ArrayOperations.resolveSlice(start, stop, step, count: rows.count)
      let picked = (0..<count).map { first + $0 * by }
      let inner = Array(shape.dropFirst())
      var kept: [String] = []
      for position in picked {
        switch rows[position] {
        case .standard(let text as NumPyString): kept.append(text.text)
        case .standard(let bytes as PythonBytes): kept.append(bytes.text)
        case .standard(let row as NumPyStringArray): kept += row.items
        default: break
        }
      }
      return .standard(NumPyStringArray(items: kept, shape: [picked.count] + inner, kind: kind))
    case .standard(let scalar as NumPyScalar) where scalar.array.dtype.isInteger:
      return try item(
        at: .int(Int(scalar.array.value(at: 0))), interpreter: interpreter, range: range)
    case .array(let positions)
    where shape.count == 1 && positions.dtype.isInteger && positions.tensorFlowDType == nil:
      // NumPy's integer-array indexing of a vector: the items at those positions, in the
      // positions' shape (`iris.target_names[y]`).
      var picked: [String] = []
      for offset in 0..<positions.count {
        picked.append(items[try position(Int(positions.value(at: offset)))])
      }
      return .standard(NumPyStringArray(items: picked, shape: positions.shape, kind: kind))
    default:
      throw .unsupported(
        "ConvBook indexes arrays of str by an int, a slice of the first axis or (a vector) an array of ints only",
        at: range)
    }
  }

  override func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  {
    var remaining = rows[...]
    return PythonIterator(name: "iterator") { _, _ in remaining.popFirst() }
  }
}
