import CNNEngine

/// `layer.build(input_shape)` on a Keras layer (`rnn.build(input_shape=(None, None, 5))` before
/// reading `rnn.weights`; `self.conv.build(input_shape)` in a custom layer's `build`): the
/// layer's weights are made for that shape (`LayerInstance.build(for:)`).
enum LayerBuildCalls {
  static func build(
    _ instance: LayerInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    version: KerasVersion
  ) throws(CellError) {
    // Keras 3's recurrent layers name the parameter `sequences_shape` (`RNN.build`).
    if version == .keras3, instance.layer is Recurrent,
      let label = keywords.first(where: { $0.0 != "sequences_shape" })?.0
    {
      throw CellError(
        type: "TypeError",
        message: "RNN.build() got an unexpected keyword argument '\(label)'", range: site.range)
    }
    var given: Value?
    if positional.count == 1, keywords.isEmpty {
      given = positional[0]
    } else if positional.isEmpty, keywords.count == 1,
      keywords[0].0
        == (version == .keras3 && instance.layer is Recurrent
          ? "sequences_shape" : "input_shape")
    {
      given = keywords[0].1
    }
    guard let given, let shape = shape(given) else {
      throw .unsupported(
        "ConvBook supports layer.build(input_shape) with one shape tuple (sizes and None) only",
        at: site.range)
    }
    do {
      try instance.build(for: shape)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
  }

  /// A shape as code gives it: a tuple or list of sizes and `None`, or a `TensorShape`.
  private static func shape(_ value: Value) -> TensorShape? {
    guard let items = value.sequenceItems ?? value.tensorShapeAsTuple.sequenceItems,
      !items.isEmpty
    else { return nil }
    var dimensions: [Int?] = []
    for item in items {
      switch item {
      case .none: dimensions.append(nil)
      case .int(let size) where size > 0: dimensions.append(size)
      default: return nil
      }
    }
    return TensorShape(dimensions)
  }
}
