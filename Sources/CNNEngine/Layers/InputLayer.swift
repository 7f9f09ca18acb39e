/// `InputLayer`: the entry point of a model; it holds the batch input shape and no weights.
/// `keras.Input(shape=...)` creates one (named `input_1`, `input_2`, ... in a session); Sequential
/// creates a hidden one named `<first layer>_input` from an `input_shape=` argument.
public struct InputLayer: Layer {
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

  public init(name: String, batchInputShape: TensorShape, arguments: LayerArguments) {
    common = LayerCommon(name: name, arguments: arguments)
    self.batchInputShape = batchInputShape
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    batchInputShape
  }

  /// Reads a shape argument: a tuple/list of ints and Nones, or a single int.
  public static func shapeDimensions(_ value: ArgumentValue, argument: String) throws(KerasError)
    -> [Int?]
  {
    if case .int(let single) = value { return [single] }
    guard let items = value.sequenceItems else {
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
