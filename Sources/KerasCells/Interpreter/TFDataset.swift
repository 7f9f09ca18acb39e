import CNNEngine

/// A `tf.data.Dataset`: a pipeline of stages over elements (eager tensors, or tuples and dicts of
/// them), run lazily each time it is iterated, as TensorFlow's is. Each stage keeps TensorFlow's
/// class name (`_BatchDataset`), its `element_spec` and its cardinality, and makes a fresh
/// iterator on demand. Python functions given to `map` and `filter` are traced when the stage is
/// made, as TensorFlow traces them into a graph (an exception raised inside leaves the `map` call,
/// a `print` inside shows then, once), then run once per element on eager tensors (`FunctionRun`).
///
/// `shuffle` cannot be replayed (TensorFlow's order comes from its own random kernels): reading a
/// shuffled dataset's elements is refused as ConvBook's limitation; `fit` takes one (its batches
/// are shuffled by ConvBook's own generator, as `fit(shuffle=True)` on arrays is), unless a stage
/// after the shuffle picks elements by position (`take`, `skip`, `zip`).
final class TFDataset: StandardObject {
  /// The structure and TensorSpecs of one element.
  indirect enum Spec: Equatable {
    case tensor(shape: [Int?], dtype: EagerDType)
    case tuple([Spec])
    case dict([String], [Spec])

    var text: String {
      switch self {
      case .tensor(let shape, let dtype):
        let dimensions = shape.map { $0.map(String.init) ?? "None" }
        let shapeText =
          dimensions.count == 1 ? "(\(dimensions[0]),)" : "(\(dimensions.joined(separator: ", ")))"
        return "TensorSpec(shape=\(shapeText), dtype=tf.\(dtype.rawValue), name=None)"
      case .tuple(let items):
        return items.count == 1
          ? "(\(items[0].text),)" : "(" + items.map(\.text).joined(separator: ", ") + ")"
      case .dict(let keys, let items):
        return "{"
          + zip(keys, items).map { "'\($0)': \($1.text)" }.joined(separator: ", ") + "}"
      }
    }

    /// The spec with a leading dimension added (`batch`) or removed (`unbatch`).
    func batched(_ size: Int?) -> Spec {
      switch self {
      case .tensor(let shape, let dtype): return .tensor(shape: [size] + shape, dtype: dtype)
      case .tuple(let items): return .tuple(items.map { $0.batched(size) })
      case .dict(let keys, let items): return .dict(keys, items.map { $0.batched(size) })
      }
    }

    var unbatched: Spec? {
      switch self {
      case .tensor(let shape, let dtype):
        return shape.isEmpty ? nil : .tensor(shape: Array(shape.dropFirst()), dtype: dtype)
      case .tuple(let items):
        var result: [Spec] = []
        for item in items {
          guard let inner = item.unbatched else { return nil }
          result.append(inner)
        }
        return .tuple(result)
      case .dict(let keys, let items):
        var result: [Spec] = []
        for item in items {
          guard let inner = item.unbatched else { return nil }
          result.append(inner)
        }
        return .dict(keys, result)
      }
    }

    /// The spec of an element as it is.
    static func of(_ element: Value) -> Spec? {
      switch element {
      case .tuple(let items):
        var result: [Spec] = []
        for item in items {
          guard let spec = of(item) else { return nil }
          result.append(spec)
        }
        return .tuple(result)
      case .dictionary(let dictionary):
        var keys: [String] = []
        var result: [Spec] = []
        for (key, item) in dictionary.pairs {
          guard case .string(let name) = key, let spec = of(item) else { return nil }
          keys.append(name)
          result.append(spec)
        }
        return .dict(keys, result)
      default:
        guard let array = EagerTensors.operand(element) else { return nil }
        return .tensor(shape: array.shape.map { $0 }, dtype: EagerDType(of: array))
      }
    }

    /// The spec `self` and `other` share: dimensions that differ become None.
    func merged(with other: Spec) -> Spec? {
      switch (self, other) {
      case (.tensor(let a, let dtype), .tensor(let b, let other))
      where dtype == other && a.count == b.count:
        return .tensor(shape: zip(a, b).map { $0 == $1 ? $0 : nil }, dtype: dtype)
      case (.tuple(let a), .tuple(let b)) where a.count == b.count:
        var result: [Spec] = []
        for (x, y) in zip(a, b) {
          guard let merged = x.merged(with: y) else { return nil }
          result.append(merged)
        }
        return .tuple(result)
      case (.dict(let keys, let a), .dict(let other, let b)) where keys == other:
        var result: [Spec] = []
        for (x, y) in zip(a, b) {
          guard let merged = x.merged(with: y) else { return nil }
          result.append(merged)
        }
        return .dict(keys, result)
      default: return nil
      }
    }

    var value: Value {
      switch self {
      case .tensor(let shape, let dtype):
        return .standard(TensorSpecValue(shape: shape, dtype: dtype))
      case .tuple(let items): return .tuple(items.map(\.value))
      case .dict(let keys, let items):
        let dictionary = PythonDict()
        for (key, item) in zip(keys, items) { dictionary.set(.string(key), item.value) }
        return .dictionary(dictionary)
      }
    }
  }

  /// How a pass reads the pipeline: Python code sees each element; `fit` may read a shuffled
  /// dataset in its stored order (it shuffles the batches itself).
  struct Pass {
    var forTraining: Bool
    /// Set by a shuffle stage read for training.
    let shuffled: Box
    final class Box { var value = false }
  }

  typealias Source = (Interpreter, SourceRange) throws(CellError) -> Value?
  typealias MakeSource = (Pass, Interpreter, SourceRange) throws(CellError) -> Source

  let className: String
  /// nil where ConvBook does not know it (`map` over elements of unknown size).
  let spec: Spec?
  /// TensorFlow's cardinality: the number of elements, -1 infinite, -2 unknown.
  let cardinality: Int
  /// Whether a shuffle stage comes before this one.
  let isShuffled: Bool
  /// Whether a stage after a shuffle picks elements by position, so that which elements a pass
  /// gives depends on the shuffle's order.
  let picksShuffled: Bool
  let makeSource: MakeSource

  init(
    _ className: String, spec: Spec?, cardinality: Int, isShuffled: Bool = false,
    picksShuffled: Bool = false, makeSource: @escaping MakeSource
  ) {
    self.className = className
    self.spec = spec
    self.cardinality = cardinality
    self.isShuffled = isShuffled
    self.picksShuffled = picksShuffled
    self.makeSource = makeSource
  }

  static let infinite = -1
  static let unknown = -2

  override var typeName: String { className }

  override func repr(_ item: (Value) -> String) -> String {
    "<\(className) element_spec=\(spec?.text ?? "?")>"
  }

  /// The spec, or ConvBook's refusal where it does not know it.
  func knownSpec(range: SourceRange) throws(CellError) -> Spec {
    guard let spec else {
      throw .unsupported(
        "ConvBook does not know the element_spec of this \(className) (a map over elements whose size TensorFlow leaves open)",
        at: range)
    }
    return spec
  }

  /// A pass for Python code. After a shuffle, the elements come in their stored order and carry
  /// the mark of ConvBook's own draws (`OwnDraws`): TensorFlow's order comes from its own random
  /// kernels, so printing their values is refused, while their shapes (`next(iter(ds))[0].shape`)
  /// are Keras' own, since the shuffle stage let through only elements of one shape
  /// (`shuffled(bufferSize:)`). An element that cannot carry the mark (text) is refused.
  func source(interpreter: Interpreter, range: SourceRange) throws(CellError) -> Source {
    let source = try makeSource(
      Pass(forTraining: false, shuffled: Pass.Box()), interpreter, range)
    guard isShuffled else { return source }
    return { interpreter, range throws(CellError) in
      guard let element = try source(interpreter, range) else { return nil }
      guard Self.carriesOwnDrawMark(element) else { throw Self.shuffleOrderRefusal(at: range) }
      return try OwnDraws.mark(
        element, refusingText: false, range: range, training: interpreter.session.training)
    }
  }

  /// Python's reading of shuffled elements where the order would show: elements of several
  /// shapes, or text.
  static func shuffleOrderRefusal(at range: SourceRange) -> CellError {
    .unsupported(
      "ConvBook cannot reproduce the order of tf.data's shuffle (TensorFlow's own random kernels); read the elements of a dataset without .shuffle(...), or pass it to fit",
      at: range)
  }

  /// Whether an element's values can all carry the mark of ConvBook's own draws (tensors, in
  /// tuples, lists and dicts).
  private static func carriesOwnDrawMark(_ element: Value, depth: Int = 0) -> Bool {
    switch element {
    case .array: return true
    case .tuple, .list:
      return depth < 3
        && (element.sequenceItems ?? []).allSatisfy { carriesOwnDrawMark($0, depth: depth + 1) }
    case .dictionary(let dictionary):
      return depth < 3 && dictionary.pairs.allSatisfy { carriesOwnDrawMark($0.1, depth: depth + 1) }
    default: return false
    }
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    try datasetAttribute(name, range: range)
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    try datasetMethod(
      name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
  }

  override func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  {
    let source = try source(interpreter: interpreter, range: range)
    return PythonIterator(name: "OwnedIterator", text: { "<OwnedIterator>" }, source)
  }
}

/// `tf.TensorSpec`, as a dataset's `element_spec` holds it.
final class TensorSpecValue: StandardObject {
  let shape: [Int?]
  let dtype: EagerDType

  init(shape: [Int?], dtype: EagerDType) {
    self.shape = shape
    self.dtype = dtype
  }

  override var typeName: String { "TensorSpec" }

  override func repr(_ item: (Value) -> String) -> String {
    TFDataset.Spec.tensor(shape: shape, dtype: dtype).text
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "shape": return .tensorShape(shape)
    case "dtype": return TensorFlowDType.value(dtype.rawValue)
    case "name": return Value.none
    default: return nil
    }
  }
}
