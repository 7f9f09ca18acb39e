/// `TextVectorization` as a layer of a model: strings in, token ids (`output_mode="int"`) or one
/// column per vocabulary entry (`"multi_hot"`, `"count"`, `"tf_idf"`) out. The cell language keeps
/// the layer's vocabulary and runs it on Python strings (KerasCells' `TextVectorizationLayer`,
/// which makes this layer when a model calls it); here are the shapes Keras gives its output. It
/// has no weights and no forward pass in ConvBook (a model's strings never reach the engine).
public struct TextVectorization: WeightlessLayer {
  public enum OutputMode: String, Sendable {
    case int
    case multiHot = "multi_hot"
    case count
    case tfIdf = "tf_idf"
  }

  public let common: LayerCommon
  public let outputMode: OutputMode
  /// `output_sequence_length` (int mode); nil for a ragged length.
  public let sequenceLength: Int?
  /// The width of the other modes: the vocabulary's size, special tokens included (nil before
  /// the layer has a vocabulary, which only Keras 3 accepts).
  public let depth: Int?
  /// `split` is not None: each text becomes tokens (with `split=None` each text is one token).
  public let splits: Bool

  public var className: String { "TextVectorization" }

  public init(
    common: LayerCommon, outputMode: OutputMode, sequenceLength: Int?, depth: Int?, splits: Bool
  ) {
    self.common = common
    self.outputMode = outputMode
    self.sequenceLength = sequenceLength
    self.depth = depth
    self.splits = splits
  }

  /// Strings of one text per sample, `(batch,)` or `(batch, 1)`: Keras splits each into tokens,
  /// then pads (or cuts) the ids to `output_sequence_length`, or counts them into `depth` columns.
  /// Keras 3 computes the shape (`compute_output_shape`), tf-keras traces its ops: they differ
  /// for a `(batch, 1)` input counted into columns and for `split=None`.
  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    guard input.rank == 1 || (input.rank == 2 && input[1] == 1) else {
      throw .limitation(
        "ConvBook's TextVectorization takes one string per sample (shape (None,) or (None, 1)), not \(input)"
      )
    }
    let keras3 = common.kerasVersion == .keras3
    switch outputMode {
    case .int:
      if !splits, !keras3 {
        // tf-keras pads nothing that was not split: the texts' own shape, ragged.
        return input.rank == 1 ? TensorShape([input.batch]) : TensorShape([input.batch, nil])
      }
      return TensorShape([input.batch, sequenceLength])
    case .multiHot, .count, .tfIdf:
      if depth == nil, !keras3 {
        throw .limitation(
          "ConvBook does not support a TextVectorization layer with output_mode='\(outputMode.rawValue)' in a model before it has a vocabulary (adapt or vocabulary=) yet"
        )
      }
      if keras3, input.rank == 2, splits {
        // Keras 3's lookup keeps the text axis: `(batch, 1) + (None,)` counted on the last one.
        return TensorShape([input.batch, 1, depth])
      }
      return TensorShape([input.batch, depth])
    }
  }
}

extension TextVectorization: TypedOutputLayer {
  /// Token ids are int64; the counting modes give Keras' float type.
  public var outputDTypeName: String { outputMode == .int ? "int64" : "float32" }
}

/// A layer whose output is not float32 (Keras' default): what `KerasTensor.dtypeName` reports.
public protocol TypedOutputLayer: Layer {
  var outputDTypeName: String { get }
}

// MARK: Forward pass

extension TextVectorization {
  /// ConvBook vectorizes text in the interpreter (`KerasDataLayer`), not in the forward pass
  /// of a model.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    throw preparation.unsupported()
  }
}

// MARK: Training

extension TextVectorization {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension TextVectorization {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
