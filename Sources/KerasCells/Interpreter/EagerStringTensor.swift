import CNNEngine

/// A TensorFlow string tensor made by `tf.constant` (or `tf.convert_to_tensor`) of str: printed
/// as TensorFlow prints one (`tf.Tensor([b'a' b'bc'], shape=(2,), dtype=string)`: the bytes of
/// NumPy's object array), with `shape`, `dtype`, `ndim`, `numpy()` (that object array, or
/// `bytes` for a scalar), `len`, iteration and indexing on the first axis. Text layers
/// (`TextVectorization`) read it as Python strings; `+` joins strings as TensorFlow's `AddV2`
/// does; the other TensorFlow operations on strings are refused.
final class EagerStringTensor: StandardObject {
  /// The same items and shape as NumPy's object array of bytes (`numpy()`).
  let array: NumPyStringArray

  init(items: [String], shape: [Int]) {
    array = NumPyStringArray(items: items, shape: shape, kind: .bytes)
  }

  var items: [String] { array.items }
  var shape: [Int] { array.shape }

  override var typeName: String { "EagerTensor" }

  private var valueText: (str: String, repr: String) {
    guard !shape.isEmpty else {
      let scalar = PythonBytes.repr(Array((items.first ?? "").utf8))
      return (scalar, scalar)
    }
    return (array.str { _ in "" }, array.repr { _ in "" })
  }

  override func str(_ item: (Value) -> String) -> String {
    let text = valueText.str
    return
      "tf.Tensor(\(text.contains("\n") ? "\n" + text : text), shape=\(EagerTensors.shapeText(shape)), dtype=string)"
  }

  override func repr(_ item: (Value) -> String) -> String {
    let text = valueText.repr
    return
      "<tf.Tensor: shape=\(EagerTensors.shapeText(shape)), dtype=string, numpy=\(text.contains("\n") ? "\n" + text : text)>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "shape": return .tensorShape(shape)
    case "ndim": return .int(shape.count)
    case "dtype": return TensorFlowDType.value("string")
    case "numpy": return .method(receiver: .standard(self), name: name)
    default:
      throw .unsupported(
        "ConvBook's string tensors support shape, dtype, ndim, numpy(), len, indexing and iteration, not .\(name)",
        at: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "numpy" else { return nil }
    try StandardArguments(
      function: "numpy", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter
    ).bind([])
    if shape.isEmpty { return .standard(PythonBytes(Array((items.first ?? "").utf8))) }
    return .standard(array)
  }

  /// `a + b`: TensorFlow's `AddV2` joins strings item by item, a scalar with every item; the
  /// other operators, and other broadcasts, are ConvBook's limitation.
  override func binary(
    _ operation: BinaryOperator, _ other: Value, reflected: Bool, range: SourceRange
  ) throws(CellError) -> Value? {
    guard operation == .add else {
      throw .unsupported(
        "ConvBook does not support `\(operation.symbol)` on string tensors yet", at: range)
    }
    guard let operand = Self.make(other, nil) else { return nil }
    var (left, right) = (self, operand)
    if reflected { swap(&left, &right) }
    let shape: [Int]
    let pairs: [(String, String)]
    if left.shape == right.shape {
      shape = left.shape
      pairs = Array(zip(left.items, right.items))
    } else if right.shape.isEmpty {
      shape = left.shape
      pairs = left.items.map { ($0, right.items[0]) }
    } else if left.shape.isEmpty {
      shape = right.shape
      pairs = right.items.map { (left.items[0], $0) }
    } else {
      throw .unsupported(
        "ConvBook does not broadcast string tensors of shapes \(EagerTensors.shapeText(left.shape)) and \(EagerTensors.shapeText(right.shape)) yet",
        at: range)
    }
    return .standard(EagerStringTensor(items: pairs.map { $0 + $1 }, shape: shape))
  }

  /// A row: a scalar string tensor of a 1-D tensor's item, a tensor of one rank less otherwise.
  private func wrap(_ value: Value) -> Value {
    switch value {
    case .standard(let bytes as PythonBytes):
      return .standard(EagerStringTensor(items: [bytes.text], shape: []))
    case .standard(let inner as NumPyStringArray):
      return .standard(EagerStringTensor(items: inner.items, shape: inner.shape))
    default: return value
    }
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    guard !shape.isEmpty else {
      throw .unsupported("ConvBook does not index a scalar string tensor", at: range)
    }
    return try array.item(at: index, interpreter: interpreter, range: range).map(wrap)
  }

  override func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  {
    guard !shape.isEmpty else {
      throw CellError(
        type: "TypeError", message: "Cannot iterate over a scalar tensor.", range: range)
    }
    var remaining = array.rows.map(wrap)[...]
    return PythonIterator(name: "iterator") { _, _ in remaining.popFirst() }
  }
}

extension EagerStringTensor {
  /// The string tensor `tf.constant(value, dtype)` makes of a str (or UTF-8 bytes), or of nested
  /// lists of str (or an array of str); nil for other values (or a dtype other than `tf.string`).
  static func make(_ value: Value, _ dtype: Value?) -> EagerStringTensor? {
    if let dtype, !dtype.isNone, TensorFlowDType.requestedName(dtype) != "string" { return nil }
    if case .standard(let tensor as EagerStringTensor) = value { return tensor }
    if let text = NumPyStringArray.text(value) {
      return EagerStringTensor(items: [text], shape: [])
    }
    // A bytes scalar is the string tensor of its bytes (held as text, so UTF-8 ones only).
    if case .standard(let bytes as PythonBytes) = value,
      let text = String(validating: bytes.bytes, as: UTF8.self)
    {
      return EagerStringTensor(items: [text], shape: [])
    }
    guard let strings = NumPyStringArray.make(from: value) else { return nil }
    return EagerStringTensor(items: strings.items, shape: strings.shape)
  }
}
