import CNNEngine

/// Custom layers whose `call` returns several tensors: a tuple or a list of Keras tensors (`return
/// output, kernel`, FPN's `return d2, d3, d4, d5`). The traced graph gets one output per tensor,
/// in the order returned; a call hands Python the same kind of sequence (a tuple is a tuple in the
/// summary too, `((None, 32, 32, 3), (None, 32, 32, 9, 1, 1))` as tf-keras prints it), and a call
/// on data runs the graph into one eager tensor per output.
enum CustomLayerOutputs {
  /// The tensors of what `call` returned, when it is a tuple or list of two or more Keras
  /// tensors none of which is the traced input; whether it was a tuple.
  static func outputs(of result: Value, input: KerasTensor) -> (
    tensors: [KerasTensor], tuple: Bool
  )? {
    let tuple: Bool
    switch result {
    case .tuple: tuple = true
    case .list: tuple = false
    default: return nil
    }
    guard let items = result.sequenceItems, items.count >= 2 else { return nil }
    var tensors: [KerasTensor] = []
    for item in items {
      guard case .kerasTensor(let tensor) = item, tensor !== input else { return nil }
      tensors.append(tensor)
    }
    return (tensors, tuple)
  }

  /// A custom layer's traced graph of several outputs run on data: one eager tensor per output,
  /// in the tuple or list its `call` returned.
  static func run(
    _ model: KerasModel, on arrays: [NDArray], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let outputs = try EagerCalls.forward(
      model, named: model.name, on: arrays, site: site, interpreter)
    var values: [Value] = []
    for output in outputs {
      try interpreter.budget.allocate(count: output.count, size: 4, at: site.range)
      values.append(EagerTensors.value(output))
    }
    return model.returnsTuple ? .tuple(values) : .list(PythonList(values))
  }
}

extension KerasSession {
  /// Runs `body` (the first, tracing call of a custom layer on Keras tensors) with tf-keras'
  /// scratch-graph counters: tf-keras builds and calls the layer inside a new `FuncGraph`
  /// (`_infer_output_signature`), and layer names are unique per graph, so the layers its
  /// `build` and `call` make count from zero there (`re_lu`, `conv2d`) and leave the script's
  /// counters as they were. Keras 3 has one counter; a call on data runs eagerly, in the
  /// script's graph.
  func withScratchNames<T>(
    version: KerasVersion, _ body: () throws(CellError) -> T
  ) throws(CellError) -> T {
    guard version == .keras2 else { return try body() }
    let scratch = NameScope(kerasVersion: .keras2)
    if kerasVersion == .keras2 {
      let saved = names
      names = scratch
      defer { names = saved }
      return try body()
    }
    let saved = tfKerasNames
    tfKerasNames = scratch
    defer { tfKerasNames = saved }
    return try body()
  }
}
