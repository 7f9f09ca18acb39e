/// `InputLayer`: the entry point of a model; it holds the batch input shape and no weights.
/// `keras.Input(shape=...)` creates one (named `input_1`, `input_2`, ... in a session); Sequential
/// creates a hidden one named `<first layer>_input` from an `input_shape=` argument.
public struct InputLayer: WeightlessLayer {
  public let common: LayerCommon
  public let batchInputShape: TensorShape
  /// Keras 3: the name of the symbolic tensor the input layer makes (`keras_tensor_N`, or the
  /// layer's given name); nil in tf-keras, whose input tensors are named after the layer.
  public var tensorName: String?

  public var className: String { "InputLayer" }

  /// `keras.Input(shape=None, batch_size=None, name=None, dtype=None, sparse=None, tensor=None,
  /// ragged=None, type_spec=None, **kwargs)`; kwargs may carry `batch_shape`.
  public static let inputFunctionSignature = LayerSignature(
    "Input",
    [
      .init("shape", .none), .init("batch_size", .none), .init("name", .none),
      .init("dtype", .none),
      .init("sparse", .none), .init("tensor", .none), .init("ragged", .none),
      .init("type_spec", .none), .init("batch_shape", .none),
    ], acceptsBaseKeywords: false)

  public static let signature = LayerSignature(
    "InputLayer",
    [
      .init("input_shape", .none), .init("batch_size", .none), .init("dtype", .none),
      .init("input_tensor", .none), .init("sparse", .none), .init("name", .none),
      .init("ragged", .none), .init("type_spec", .none), .init("batch_input_shape", .none),
    ], acceptsBaseKeywords: false)

  /// Keras 3's `InputLayer(shape=None, batch_size=None, dtype=None, sparse=None, ragged=None,
  /// batch_shape=None, input_tensor=None, optional=False, name=None, **kwargs)`: `input_shape` and
  /// `batch_input_shape` are popped from `kwargs` (the first with a deprecation warning) and any
  /// other keyword is ignored.
  static let keras3Signature = LayerSignature(
    "InputLayer",
    [
      .init("shape", .none), .init("batch_size", .none), .init("dtype", .none),
      .init("sparse", .none), .init("ragged", .none), .init("batch_shape", .none),
      .init("input_tensor", .none), .init("optional", .bool(false)), .init("name", .none),
    ], acceptsBaseKeywords: false)

  /// A Keras 3 `InputLayer(...)` call as the tf-keras arguments that `signature` binds: Keras 3's
  /// own checks first, in its words.
  static func keras3Arguments(positional: [ArgumentValue], keywords: [(String, ArgumentValue)])
    throws(KerasError) -> [(String, ArgumentValue)]
  {
    let known = Set(keras3Signature.parameters.map(\.name))
    var kept: [(String, ArgumentValue)] = []
    var popped: [String: ArgumentValue] = [:]
    for (keyword, value) in keywords {
      if known.contains(keyword) {
        kept.append((keyword, value))
      } else if keyword == "input_shape" || keyword == "batch_input_shape" {
        popped[keyword] = value
      }
    }
    let bound = try keras3Signature.bind(positional: positional, keywords: kept)
    var shape = bound["shape"]
    var batchShape = bound["batch_shape"]
    if let given = popped["input_shape"] { shape = given }
    if let given = popped["batch_input_shape"] { batchShape = given }
    if !bound.isNone("input_tensor") {
      throw .limitation("ConvBook does not support `InputLayer(input_tensor=...)` yet")
    }
    if shape != .none, batchShape != .none {
      throw .value("You cannot pass both `shape` and `batch_shape` at the same time.")
    }
    if !bound.isNone("batch_size"), batchShape != .none {
      throw .value("You cannot pass both `batch_size` and `batch_shape` at the same time.")
    }
    return [
      ("input_shape", shape), ("batch_size", bound["batch_size"]), ("dtype", bound["dtype"]),
      ("sparse", bound["sparse"]), ("name", bound["name"]), ("ragged", bound["ragged"]),
      ("batch_input_shape", batchShape),
    ]
  }

  /// tf-keras' `InputLayer` passes what its parameters lack to `**kwargs`, and refuses all of them
  /// at once.
  static func checkKeras2Keywords(_ keywords: [(String, ArgumentValue)]) throws(KerasError) {
    let unknown = signature.unknownKeywords(keywords)
    guard !unknown.isEmpty else { return }
    throw .value(
      "Unrecognized keyword arguments: [\(unknown.map(PythonFormat.quoted).joined(separator: ", "))]"
    )
  }

  public init(name: String, batchInputShape: TensorShape, arguments: LayerArguments) {
    common = LayerCommon(name: name, arguments: arguments)
    self.batchInputShape = batchInputShape
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    batchInputShape
  }

  /// Keras 3's `standardize_shape` of a shape given as a tuple or list, dimension by dimension:
  /// None stays, a bool is the int it is (`(True,)` is `(1,)`), a string, a float or anything
  /// else `int()` refuses is a ValueError naming it, and so is a negative size. tf-keras keeps a
  /// bool as the dimension (its shapes print `(None, True)`), which ConvBook refuses. Other values
  /// (a single int, Keras objects) are left to `shapeDimensions`.
  public static func standardShape(_ value: ArgumentValue, version: KerasVersion)
    throws(KerasError) -> ArgumentValue
  {
    guard let items = shapeItems(value) else { return value }
    if version == .keras2 {
      if items.contains(where: { if case .bool = $0 { true } else { false } }) {
        throw .limitation(
          "ConvBook does not support a bool as a dimension of a tf-keras shape (\(value)) yet")
      }
      return value
    }
    var standard: [ArgumentValue] = []
    for item in items {
      switch item {
      case .none, .object: standard.append(item)
      case .bool(let flag): standard.append(.int(flag ? 1 : 0))
      case .int(let size) where size < 0:
        throw .value(
          "Cannot convert '\(value.plainDescription)' to a shape. Negative dimensions are not allowed."
        )
      case .int: standard.append(item)
      case .float, .string, .tuple, .list:
        throw .value(
          "Cannot convert '\(value.plainDescription)' to a shape. Found invalid dimension '\(item.plainDescription)' of type '<class '\(item.pythonTypeName)'>'. "
        )
      }
    }
    if case .list = value { return .list(standard) }
    return .tuple(standard)
  }

  /// The items Python's `tuple(shape)` gives: a tuple's or list's, a string's characters.
  private static func shapeItems(_ value: ArgumentValue) -> [ArgumentValue]? {
    if case .string(let text) = value { return text.map { .string(String($0)) } }
    return value.sequenceItems
  }

  /// Reads a shape argument: a tuple/list of ints and Nones, or a single int.
  public static func shapeDimensions(_ value: ArgumentValue, argument: String) throws(KerasError)
    -> [Int?]
  {
    if case .int(let single) = value { return [single] }
    guard let items = shapeItems(value) else {
      throw .typeError("'\(value.pythonTypeName)' object is not iterable (argument `\(argument)`)")
    }
    var dimensions: [Int?] = []
    for item in items {
      switch item {
      case .int(let size):
        if size < 0 {
          throw .value("Dimension \(size) must be >= 0")
        }
        dimensions.append(size)
      case .none: dimensions.append(nil)
      default:
        throw .typeError(
          "Dimension value must be integer or None or have an __index__ method, got value '\(item)' with type '\(item.pythonTypeName == "str" ? "<class 'str'>" : "<class '\(item.pythonTypeName)'>")'"
        )
      }
    }
    return dimensions
  }
}

// MARK: Forward pass

extension InputLayer {
  /// None: an input layer is where the data enters, never a step of the pass.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    throw preparation.unsupported()
  }
}

// MARK: Training

extension InputLayer {
  /// Never a step: an input layer is where the data enters.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension InputLayer {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
