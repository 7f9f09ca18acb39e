/// What tf-keras records for indexing a Keras tensor (`x[:, 0]`, `x[..., :3]`, `x[..., ::-1]`): a
/// `SlicingOpLambda` layer named `tf.__operators__.getitem`, without weights (Keras 3: a `GetItem`
/// operation named `get_item`).
public struct SlicingOpLambda: TensorOperationLayer {
  public typealias Slice = TensorSlice

  public let common: LayerCommon
  public let slice: Slice
  public let isKeras3Operation: Bool

  public var className: String { isKeras3Operation ? "GetItem" : "SlicingOpLambda" }

  /// `name` is `tf.__operators__.getitem` (Keras 3: `get_item`) made unique in the session.
  public init(slice: Slice, name: String, isKeras3Operation: Bool = false) {
    self.isKeras3Operation = isKeras3Operation
    common = LayerCommon(
      name: name,
      arguments: LayerArguments(
        className: isKeras3Operation ? "GetItem" : "SlicingOpLambda", values: [:]))
    self.slice = slice
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    try slice.outputShape(input, name: name)
  }

  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    try outputShape(for: inputs[0])
  }
}

// MARK: Forward pass

extension SlicingOpLambda {
  public var forwardOperation: ForwardPlan? { .merge(.function(.slice(slice))) }
}

// MARK: Settings

extension SlicingOpLambda {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
