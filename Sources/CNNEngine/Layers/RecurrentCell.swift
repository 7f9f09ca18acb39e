/// `SimpleRNNCell`, `LSTMCell` and `GRUCell`: one step of a recurrent layer, made to be run over a
/// sequence by `keras.layers.RNN(cell)` (or several by `StackedRNNCells`).
///
/// A cell is a layer of its own in Keras: it takes a name when it is made (`lstm_cell`,
/// `lstm_cell_1`, ...), which names the weights of the `RNN` that runs it
/// (`rnn/lstm_cell_1/kernel:0`). Its arguments are those of the matching `Recurrent` kind without
/// the sequence-level ones (`return_sequences`, `go_backwards`, ...), which `RNN` takes; the
/// `Recurrent` that `RNN` makes from the two is the one layer that computes shapes, weights and
/// the forward pass. A cell called on tensors by itself (on `(inputs, states)`) is refused.
public struct RecurrentCell: Layer {
  public let common: LayerCommon
  public let kind: Recurrent.Kind

  public var className: String { kind.rawValue + "Cell" }

  /// The sequence-level arguments of `Recurrent`'s signature that belong to `RNN`, not the cell
  /// (and `activity_regularizer`, which cells take only through the base layer's `**kwargs`).
  static let layerParameters: Set<String> = [
    "activity_regularizer", "return_sequences", "return_state", "go_backwards", "stateful",
    "unroll", "time_major", "use_cudnn", "zero_output_for_mask",
  ]

  public static func signature(kind: Recurrent.Kind) -> LayerSignature {
    var parameters = Recurrent.signature(kind: kind).parameters.filter {
      !layerParameters.contains($0.name)
    }
    // The cells put `reset_after` before Keras 3's `seed`.
    if let reset = parameters.firstIndex(where: { $0.name == "reset_after" }),
      let seed = parameters.firstIndex(where: { $0.name == "seed" })
    {
      parameters.insert(parameters.remove(at: reset), at: seed)
    }
    return LayerSignature(kind.rawValue + "Cell", parameters)
  }

  public init(kind: Recurrent.Kind, _ common: LayerCommon) throws(KerasError) {
    self.common = common
    self.kind = kind
    // The cell's own checks (`units`, the activations) are the layer's.
    _ = try recurrent(in: RNNArguments.defaults(common: common))
  }

  /// The `Recurrent` that runs this cell inside `RNN`, whose own arguments (`return_sequences`,
  /// ...) and name are in `layer`.
  func recurrent(in layer: LayerCommon) throws(KerasError) -> Recurrent {
    var values = common.arguments.values
    for (key, value) in layer.arguments.values where key != "cell" { values[key] = value }
    var merged = layer
    merged.arguments = LayerArguments(
      className: layer.arguments.className, values: values,
      baseKeywords: layer.arguments.baseKeywords)
    var recurrent = try Recurrent(kind: kind, merged)
    recurrent.cellName = common.name
    recurrent.wrapsCell = true
    return recurrent
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    throw .limitation(
      "ConvBook does not support calling a \(className) on its own yet: it runs cells inside keras.layers.RNN"
    )
  }
}

// MARK: Weights and cost

extension RecurrentCell {
  /// None of its own: a cell's weights and products belong to the `RNN` layer that runs it.
  public func weights(for input: TensorShape) -> [WeightSpec] { [] }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension RecurrentCell {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  /// A cell runs inside its `RNN` layer (`Recurrent`), never on its own.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    throw preparation.unsupported()
  }
}

// MARK: Training

extension RecurrentCell {
  /// A cell trains inside its `RNN` layer.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension RecurrentCell {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
