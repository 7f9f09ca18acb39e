/// What tf-keras records for indexing a Keras tensor (`x[..., ::-1]`): a `SlicingOpLambda` layer
/// named `tf.__operators__.getitem`, without weights. ConvBook models the one slice Keras' own code
/// applies to tensors, the reversal of the channel axis (RGB to BGR in `preprocess_input`).
public struct SlicingOpLambda: Layer {
  public enum Slice: String, Sendable {
    /// `x[..., ::-1]`: the last axis reversed.
    case reverseLastAxis = "[..., ::-1]"
  }

  public let common: LayerCommon
  public let slice: Slice

  public var className: String { "SlicingOpLambda" }

  /// `name` is `tf.__operators__.getitem` made unique in the session.
  public init(slice: Slice, name: String) {
    common = LayerCommon(
      name: name, arguments: LayerArguments(className: "SlicingOpLambda", values: [:]))
    self.slice = slice
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }
}
