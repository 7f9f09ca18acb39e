/// `StackedRNNCells(cells)`: several cells run one after another at each time step, the output
/// of one the input of the next. It takes a name of its own (`stacked_rnn_cells`), which sits
/// between the `RNN`'s name and each cell's in the weight names
/// (`rnn/stacked_rnn_cells/lstm_cell/kernel:0`). Like a cell, it runs only inside `RNN`
/// (`StackedRecurrent`).
public struct StackedRNNCells: Layer {
  public let common: LayerCommon
  public let cells: [RecurrentCell]

  public var className: String { "StackedRNNCells" }

  public static let signature = LayerSignature("StackedRNNCells", [.required("cells")])

  public init(_ common: LayerCommon) throws(KerasError) {
    self.common = common
    switch common.arguments["cells"] {
    case .list(let items), .tuple(let items): cells = try Self.cells(items)
    default: cells = try Self.cells([common.arguments["cells"]])
    }
  }

  /// The stack `RNN` makes of a list of cells, named `name`.
  init(cells: [RecurrentCell], name: String) {
    common = LayerCommon(
      name: name, arguments: LayerArguments(className: "StackedRNNCells", values: [:]))
    self.cells = cells
  }

  /// The built-in cells of a list; anything else is refused by name.
  static func cells(_ items: [ArgumentValue]) throws(KerasError) -> [RecurrentCell] {
    var cells: [RecurrentCell] = []
    for item in items {
      guard case .object(let object) = item, let cell = object.layer as? RecurrentCell else {
        throw .limitation(
          "ConvBook does not support StackedRNNCells of \(item.plainDescription) yet: it stacks SimpleRNNCell, LSTMCell and GRUCell"
        )
      }
      cells.append(cell)
    }
    return cells
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    throw .limitation(
      "ConvBook does not support calling StackedRNNCells on its own yet: it runs cells inside keras.layers.RNN"
    )
  }
}

// MARK: Weights and cost

extension StackedRNNCells {
  /// None of its own: a cell's weights and products belong to the `RNN` layer that runs it.
  public func weights(for input: TensorShape) -> [WeightSpec] { [] }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension StackedRNNCells {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  /// A cell runs inside its `RNN` layer (`StackedRecurrent`), never on its own.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    throw preparation.unsupported()
  }
}

// MARK: Training

extension StackedRNNCells {
  /// A cell trains inside its `RNN` layer.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension StackedRNNCells {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
