/// The operations Keras 3's `compute_mask` records on symbolic tensors: `Embedding(mask_zero=True)`
/// computes `not_equal(inputs, 0)`, `Masking` `any(not_equal(inputs, mask_value), axis=-1)`,
/// `Attention` `convert_to_tensor` of its query's mask. They
/// are nodes of a functional graph (rows of its summary, `not_equal (NotEqual)`), not layers of
/// `model.layers`. ConvBook's forward pass computes masks itself (`ActivationBuffers.mask`), so
/// these nodes only shape the graph: `ForwardGraph` leaves them out.
public struct MaskOperation: TensorOperationLayer {
  public enum Kind: String, Sendable {
    /// `not_equal(x, value)`: the input's shape.
    case notEqual = "NotEqual"
    /// `any(x, axis=-1)`: the input's shape without its last axis.
    case any = "Any"
    /// `convert_to_tensor(mask)`: the mask's shape.
    case convertToTensor = "ConvertToTensor"

    /// Keras 3's operation name, which the session makes unique (`not_equal_1`).
    public var operationName: String {
      switch self {
      case .notEqual: return "not_equal"
      case .any: return "any"
      case .convertToTensor: return "convert_to_tensor"
      }
    }
  }

  public let common: LayerCommon
  public let kind: Kind
  public var isKeras3Operation: Bool { true }
  public var className: String { kind.rawValue }

  public init(_ kind: Kind, name: String) {
    self.kind = kind
    common = LayerCommon(
      name: name, arguments: LayerArguments(className: kind.rawValue, values: [:]))
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    kind == .any ? TensorShape(Array(input.dimensions.dropLast())) : input
  }

  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    try outputShape(for: inputs[0])
  }
}

// MARK: Forward pass

extension MaskOperation {
  /// None: the forward pass computes masks itself and `ForwardGraph` leaves these nodes out.
  public var forwardOperation: ForwardPlan? { nil }
}

// MARK: Settings

extension MaskOperation {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
