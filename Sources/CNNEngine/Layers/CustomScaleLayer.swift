/// `CustomScaleLayer` of `keras.applications.inception_resnet_v2` (not a public Keras layer): the
/// residual connection of an Inception-ResNet block, `inputs[0] + inputs[1] * scale`, without
/// weights.
public struct CustomScaleLayer: MultiInputLayer, WeightlessLayer {
  public let common: LayerCommon
  public let scale: Double

  public var className: String { "CustomScaleLayer" }

  public init(scale: Double, name: String) {
    common = LayerCommon(
      name: name, arguments: LayerArguments(className: "CustomScaleLayer", values: [:]))
    self.scale = scale
  }

  public func outputShape(for input: TensorShape) throws(KerasError) -> TensorShape { input }

  /// The two tensors have the same shape in the application; anything else is refused.
  public func outputShape(forInputs inputs: [TensorShape]) throws(KerasError) -> TensorShape {
    guard inputs.count == 2, inputs[0] == inputs[1] else {
      throw KerasError.limitation(
        "ConvBook runs CustomScaleLayer on two tensors of one shape; got \(inputs.map(\.description).joined(separator: " and "))"
      )
    }
    return inputs[0]
  }
}

// MARK: Forward pass

extension CustomScaleLayer {
  /// `inputs[0] + inputs[1] * scale`. Keras multiplies a float32 tensor by the Python float: the
  /// scale is rounded to float32.
  public func forwardPlan(_ preparation: ForwardPreparation) throws(ForwardError) -> ForwardPlan {
    .merge(.scaledAdd(Float(scale)))
  }
}

// MARK: Settings

extension CustomScaleLayer {
  /// None that code reads back through ConvBook yet.
  public func setting(_ name: String) -> LayerSetting? {
    nil
  }
}
