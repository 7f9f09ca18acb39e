/// `StringLookup` and `IntegerLookup` as layers of a model: tokens in, their vocabulary indices
/// (`output_mode="int"`) or one column per vocabulary entry out; `Hashing` is the int mode with
/// `num_bins` as its depth. The cell language keeps the
/// vocabulary and runs the layer on data (KerasCells' `IndexLookupLayer`, which makes this layer
/// when a model calls it); here are the shapes both Keras versions give its output (measured on
/// tf-keras 2.21 and Keras 3.15). No weights, no forward pass in ConvBook.
public struct IndexLookup: WeightlessLayer {
  public enum OutputMode: String, Sendable {
    case int
    case oneHot = "one_hot"
    case multiHot = "multi_hot"
    case count
    case tfIdf = "tf_idf"
  }

  public let common: LayerCommon
  /// `StringLookup`, `IntegerLookup` or `Hashing`.
  public let className: String
  public let outputMode: OutputMode
  /// The vocabulary's size, special tokens included: the width of the other modes.
  public let depth: Int
  /// `invert=True`: indices in, tokens out.
  public let invert: Bool

  public init(
    className: String, common: LayerCommon, outputMode: OutputMode, depth: Int, invert: Bool
  ) {
    self.className = className
    self.common = common
    self.outputMode = outputMode
    self.depth = depth
    self.invert = invert
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    switch outputMode {
    case .int:
      return input
    case .oneHot:
      // One column block per token: a last axis of 1 is replaced, none is added.
      if input.rank == 1 { return TensorShape(input.dimensions + [depth]) }
      if input.rank == 2, input[1] == 1 { return TensorShape([input.batch, depth]) }
      guard common.kerasVersion == .keras3 else {
        throw .limitation(
          "ConvBook does not support a \(className) with output_mode='one_hot' on inputs of shape \(input) (tf-keras refuses it when called) yet"
        )
      }
      return TensorShape(input.dimensions + [depth])
    case .multiHot, .count, .tfIdf:
      // The last axis holds one sample's tokens (a 1-D input is one sample).
      return TensorShape(Array(input.dimensions.dropLast()) + [depth])
    }
  }
}

extension IndexLookup: TypedOutputLayer {
  public var outputDTypeName: String {
    switch outputMode {
    case .int: return invert ? (className == "StringLookup" ? "string" : "int64") : "int64"
    case .oneHot, .multiHot, .count, .tfIdf: return "float32"
    }
  }
}

// MARK: Forward pass

extension IndexLookup {
  /// ConvBook looks up strings and integers in the interpreter (`KerasDataLayer`), not in
  /// the forward pass of a model.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    throw preparation.unsupported()
  }
}

// MARK: Training

extension IndexLookup {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension IndexLookup {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
