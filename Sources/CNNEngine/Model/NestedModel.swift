/// A model used as a layer of another model, as in
/// `keras.Sequential([data_augmentation, layers.Rescaling(1./255), ...])`: its layers as values, so
/// that code replaying layers on other shapes sees the nested model as one layer.
///
/// The model itself (its name, built shapes and trainability) is the `LayerInstance.model` this
/// layer wraps; this value is a snapshot of its layers taken when it was added.
public struct NestedModel: Layer {
  public let common: LayerCommon
  /// `Sequential` or `Functional`.
  public let className: String
  /// The nested model's layers after its input layer, in order.
  public let layers: [any Layer]
  /// For a graph (not a chain): its input and output shapes and weights as built. ConvBook does
  /// not replay a graph on other shapes.
  let graphShapes: (input: TensorShape, output: TensorShape, weights: [WeightSpec], macs: Int)?

  init(_ model: KerasModel) {
    common = LayerCommon(
      name: model.name, arguments: LayerArguments(className: model.className, values: [:]))
    className = model.className
    layers = model.layers.filter { !$0.isInputLayer }.map(\.layer)
    if model.graph != nil, let input = model.inputShape, let output = model.outputShape {
      graphShapes = (
        input, output, model.layers.flatMap(\.weights), model.totals.multiplyAccumulates
      )
    } else {
      graphShapes = nil
    }
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    if let graphShapes {
      guard input == graphShapes.input else {
        throw KerasError.limitation(
          "ConvBook does not run the model \"\(name)\", built for inputs of shape \(graphShapes.input), on inputs of shape \(input)"
        )
      }
      return graphShapes.output
    }
    var shape = input
    for layer in layers { shape = try layer.outputShape(for: shape) }
    return shape
  }

  public func weights(for input: TensorShape) -> [WeightSpec] {
    if let graphShapes { return graphShapes.weights }
    var shape = input
    var specs: [WeightSpec] = []
    for layer in layers {
      specs += layer.weights(for: shape)
      guard let next = try? layer.outputShape(for: shape) else { break }
      shape = next
    }
    return specs
  }

  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  {
    if let graphShapes { return graphShapes.macs }
    var shape = input
    var total = 0
    for layer in layers {
      guard let next = try? layer.outputShape(for: shape) else { break }
      total = try Exact.add(total, layer.multiplyAccumulates(input: shape, output: next))
      shape = next
    }
    return total
  }
}

// MARK: Forward pass

extension NestedModel {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  /// None of its own: the forward pass runs a nested model's layers in the outer graph
  /// (`ForwardGraph`); a model nested where that is not done is ConvBook's limitation.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    throw preparation.unsupported()
  }
}

// MARK: Training

extension NestedModel {
  /// None of its own: training runs a nested model's layers in the outer graph.
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    throw preparation.unsupported()
  }
}

// MARK: Settings

extension NestedModel {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
