/// `keras.layers.RNN(cell, return_sequences=False, return_state=False, go_backwards=False,
/// stateful=False, unroll=False, ...)`: runs a cell over the time axis.
///
/// A built-in cell (`LSTMCell(4)`) makes the `Recurrent` of its kind, shown as `RNN` and naming
/// its weights after the cell (`rnn/lstm_cell/kernel:0`), so shapes, weights, the forward pass
/// and training are `LSTM`'s; `StackedRNNCells` (or a list of cells, which Keras stacks) makes a
/// `StackedRecurrent`. Other cells (a script's own class) are refused by the cell language.
public enum RNNArguments {
  /// tf-keras' `time_major` and both versions' `zero_output_for_mask` (tf-keras pops it from
  /// `**kwargs`).
  public static let signature = LayerSignature(
    "RNN",
    [
      .required("cell"), .init("return_sequences", .bool(false)),
      .init("return_state", .bool(false)), .init("go_backwards", .bool(false)),
      .init("stateful", .bool(false)), .init("unroll", .bool(false)),
      .init("time_major", .bool(false)), .init("zero_output_for_mask", .bool(false)),
    ])

  /// An `RNN`'s arguments at their defaults, for checking a cell as it is made.
  static func defaults(common: LayerCommon) -> LayerCommon {
    var values: [String: ArgumentValue] = [:]
    for parameter in signature.parameters {
      if let value = parameter.defaultValue { values[parameter.name] = value }
    }
    var defaults = common
    defaults.arguments = LayerArguments(className: "RNN", values: values)
    return defaults
  }

  /// `RNN([cell, ...])`: Keras stacks the list (`StackedRNNCells(cell)`, which takes its name
  /// before the `RNN` does).
  static func stackingList(_ arguments: LayerArguments, names: NameScope) throws(KerasError)
    -> LayerArguments
  {
    switch arguments["cell"] {
    case .list(let items), .tuple(let items):
      let cells = try StackedRNNCells.cells(items)
      let stacked = StackedRNNCells(
        cells: cells, name: names.uniqueName(forClass: "StackedRNNCells"))
      return arguments.replacing("cell", with: .object(KerasObject(layer: stacked)))
    default: return arguments
    }
  }

  /// The layer `RNN(cell, ...)` makes.
  static func make(_ common: LayerCommon) throws(KerasError) -> any Layer {
    let cell = common.arguments["cell"]
    switch cell {
    case .object(let object):
      switch object.layer {
      case let single as RecurrentCell: return try single.recurrent(in: common)
      case let stacked as StackedRNNCells: return try StackedRecurrent(common, cells: stacked)
      default: break
      }
    default: break
    }
    throw .limitation(
      "ConvBook does not support keras.layers.RNN around \(cell.plainDescription) yet: it runs SimpleRNNCell, LSTMCell, GRUCell and StackedRNNCells"
    )
  }
}
