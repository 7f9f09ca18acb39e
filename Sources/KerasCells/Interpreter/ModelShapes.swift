import CNNEngine

/// `model.compute_output_shape(input_shape)`: the shape a Sequential model's layers give an input
/// of `input_shape`, batch size included, layer after layer as both Keras versions compute it
/// (without building the model). tf-keras returns a TensorShape, Keras 3 a tuple; both print as
/// `(16, 7, 7, 64)`.
enum ModelShapes {
  static func computeOutputShape(
    _ model: SequentialModel, positional: [Value], keywords: [(String, Value)], site: CallSite
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
    guard model.graph == nil else {
      throw .unsupported(
        "ConvBook does not support `compute_output_shape` of a functional model yet; read `model.output_shape`",
        at: site.range)
    }
    let argument = try ArgumentConversion.argument(shapeValue, range: site.range)
    let dimensions: [Int?]
    do {
      dimensions = try InputLayer.shapeDimensions(argument, argument: "input_shape")
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    var shape = TensorShape(dimensions)
    for instance in model.layers where !instance.isInputLayer {
      do {
        shape = try instance.layer.outputShape(for: shape)
      } catch {
        throw Calls.keras(error, at: site.range)
      }
    }
    return .tensorShape(shape.dimensions)
  }
}
