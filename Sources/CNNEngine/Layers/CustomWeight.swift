/// A weight a custom layer made for itself (`self.w = self.add_weight(shape=..., initializer=...)`
/// in its `build`), as one node of the graph its traced `call` became: the node reads the custom
/// layer's input only to be part of the graph and returns the weight's value, whatever the input
/// (so `tf.matmul(inputs, self.w) + self.b` is a graph of tensor functions over the input and two
/// such nodes). Not a Keras layer: Keras counts the weight as the custom layer's, and so does the
/// summary, which shows the custom layer as one row.
public struct CustomWeight: Layer {
  public let common: LayerCommon
  public let spec: WeightSpec
  /// The custom layer's name: Keras names the variable `scope/spec.name:0` (`my_layer/kernel:0`),
  /// not after this node.
  public let scope: String?

  public var className: String { "CustomWeight" }

  /// `name`: unique within the custom layer's graph; `spec.name` is the weight's own name.
  /// `regularizer` and `constraint`: `add_weight`'s (training adds the penalty of an L1/L2
  /// regularizer and refuses a constraint, as for built-in layers' weights); `scope`: the custom
  /// layer's name.
  public init(
    name: String, spec: WeightSpec, regularizer: ArgumentValue = .none,
    constraint: ArgumentValue = .none, scope: String? = nil
  ) {
    self.scope = scope
    common = LayerCommon(
      name: name,
      arguments: LayerArguments(
        className: "CustomWeight",
        values: ["regularizer": regularizer, "weight_constraint": constraint]))
    self.spec = spec
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape {
    TensorShape(spec.shape.map { Optional($0) })
  }

  public func weights(for input: TensorShape) -> [WeightSpec] { [spec] }
}

// MARK: Cost

extension CustomWeight {
  /// None: the layer returns its weight.
  public func multiplyAccumulates(input: TensorShape, output: TensorShape) throws(Exact.Overflow)
    -> Int
  { 0 }
}

// MARK: Forward pass

extension CustomWeight {
  /// None: the forward pass reads the weights as they are.
  public func packedWeightValues(input: TensorShape, weights: [WeightSpec]) throws(Exact.Overflow)
    -> Int
  { 0 }

  /// The layer's own weight, whatever the input.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .step(.weightValue(try preparation.weight(spec.name)))
  }
}

// MARK: Training

extension CustomWeight {
  public func trainingPlan(_ preparation: TrainingPreparation) throws(TrainingError) -> TrainingPlan
  {
    .step(.weightValue)
  }
}

// MARK: Settings

extension CustomWeight {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
