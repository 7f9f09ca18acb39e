import CNNKernels

/// `RNN(StackedRNNCells([...]))` (or `RNN([cell, cell])`): the cells run one after another at
/// each step. That is each cell run over the whole sequence in turn, every one but the last
/// returning its sequence: a masked step keeps every cell's state in both, and what a lower cell
/// writes at a masked step reaches only the masked step of the one above. So each cell is the
/// `Recurrent` `RNN` would make of it alone, named under the stack
/// (`rnn/stacked_rnn_cells/lstm_cell/kernel:0`), and the forward pass runs their
/// `RecurrentForward` directions in turn.
///
/// `return_state=True` (Keras' nested list of each cell's states), `initial_state=`,
/// `go_backwards=True`, `Bidirectional` around it and training are refused as ConvBook's
/// limitations.
public struct StackedRecurrent: Layer {
  public let common: LayerCommon
  /// The cells' layers, lowest first.
  public let layers: [Recurrent]

  public var className: String { "RNN" }

  init(_ common: LayerCommon, cells: StackedRNNCells) throws(KerasError) {
    self.common = common
    guard !cells.cells.isEmpty else {
      throw .limitation("ConvBook does not support StackedRNNCells without cells yet")
    }
    for refused in ["return_state", "go_backwards"] where try common.arguments.bool(refused) {
      throw .limitation(
        "ConvBook does not support \(refused)=True with StackedRNNCells yet")
    }
    var layers: [Recurrent] = []
    for (index, cell) in cells.cells.enumerated() {
      var own = common
      if index < cells.cells.count - 1 {
        own.arguments = common.arguments.replacing("return_sequences", with: .bool(true))
      }
      var layer = try cell.recurrent(in: own)
      layer.weightPrefix = cells.name + "/"
      layers.append(layer)
    }
    self.layers = layers
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    var shape = input
    for layer in layers { shape = try layer.outputShape(for: shape) }
    return shape
  }

  /// Each cell's input shape, lowest first (the input checked by `outputShape`).
  func inputShapes(for input: TensorShape) -> [TensorShape] {
    var shapes: [TensorShape] = []
    var shape = input
    for layer in layers {
      shapes.append(shape)
      shape = TensorShape([input[0], input[1], layer.units])
    }
    return shapes
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    zip(layers, inputShapes(for: input)).flatMap { $0.weights(for: $1) }
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    var total = 0
    for (layer, shape) in zip(layers, inputShapes(for: input)) {
      total = try Exact.add(total, layer.multiplyAccumulates(input: shape, output: output))
    }
    return total
  }
}

// MARK: Forward pass

extension StackedRecurrent {
  public var maskEffect: MaskEffect { .own }
  public var symbolicMasking: SymbolicMasking {
    SymbolicMasking(takes: true, carries: layers.last?.returnSequences ?? false)
  }

  /// Each stacked layer's packed weights.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  {
    var total = 0
    for (layer, shape) in zip(layers, inputShapes(for: input)) {
      total = try Exact.add(total, layer.packedWeightValues(input: shape))
    }
    return total
  }

  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(
      .recurrent(
        try RecurrentForward(
          self, weight: preparation.weight, name: preparation.instance.name,
          engine: preparation.engine)))
  }
}

// MARK: Training

extension StackedRecurrent {
  /// Not trained by ConvBook yet.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension StackedRecurrent {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
