import CNNEngine

/// `model.compute_output_shape(input_shape)`: the shape a Sequential model's layers give an input
/// of `input_shape`, batch size included, layer after layer as both Keras versions compute it
/// (without building the model); a built functional model replays its graph. tf-keras returns a
/// TensorShape, Keras 3 a tuple; both print as `(16, 7, 7, 64)`.
enum ModelShapes {
  static func computeOutputShape(
    _ model: KerasModel, positional: [Value], keywords: [(String, Value)], site: CallSite,
    kerasVersion: KerasVersion
  ) throws(CellError) -> Value {
    guard positional.count + keywords.count == 1,
      let shapeValue = positional.first
        ?? keywords.first(where: { $0.0 == "input_shape" })?.1
    else {
      throw CellError(
        type: "TypeError",
        message: "compute_output_shape() missing 1 required positional argument: 'input_shape'",
        range: site.range)
    }
    let argument = try ArgumentConversion.argument(shapeValue, range: site.range)
    let dimensions: [Int?]
    do {
      dimensions = try InputLayer.shapeDimensions(argument, argument: "input_shape")
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    var shape = TensorShape(dimensions)
    if model.graph != nil {
      // A functional model replays its graph, node by node, on the new shape.
      let output: TensorShape?
      do {
        output = model.isBuilt ? try model.replayedOutputShape(on: shape) : nil
      } catch {
        throw Calls.keras(error, at: site.range)
      }
      guard let output else {
        throw .unsupported(
          "ConvBook computes `compute_output_shape` of a functional model only for one input and one output, on a shape that fits its input \(model.inputShape.map(\.description) ?? "None")",
          at: site.range)
      }
      shape = output
    } else {
      for instance in model.layers where !instance.isInputLayer {
        do {
          shape = try instance.layer.outputShape(for: shape)
        } catch {
          throw Calls.keras(error, at: site.range)
        }
      }
    }
    if kerasVersion == .keras3 { return Attributes.shapeValue(shape) }
    return .tensorShape(shape.dimensions)
  }
}
