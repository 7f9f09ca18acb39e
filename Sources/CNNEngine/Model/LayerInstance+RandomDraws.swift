extension TensorFunction {
  /// `tf.random.normal` / `tf.random.uniform` (and the mask of `tf.nn.dropout`) on a shape taken
  /// from Keras tensors: an operation that draws new numbers each time it runs.
  public var drawsRandomNumbers: Bool {
    if case .randomNormal = self { return true }
    if case .randomUniform = self { return true }
    return false
  }
}

extension LayerInstance {
  /// Whether running this layer draws random numbers on every call, whatever the training flag:
  /// a random operation of a Lambda's function or of a custom layer's traced `call()`, or one
  /// called on Keras tensors in a model's graph. TensorFlow draws them anew with its own
  /// generator each time; ConvBook's draws are its own.
  public var drawsRandomNumbers: Bool {
    if let model { return model.drawsRandomNumbers }
    if let operation = layer as? TensorFunctionLayer {
      return operation.function.drawsRandomNumbers
    }
    if let lambda = layer as? Lambda {
      return lambda.trace.program?.operations.contains { operation in
        (operation.layer as? TensorFunctionLayer)?.function.drawsRandomNumbers ?? false
      } ?? false
    }
    return false
  }
}

extension KerasModel {
  /// Whether a forward pass of the model draws random numbers on every call
  /// (`LayerInstance.drawsRandomNumbers`), at any depth; Keras 3's operations included.
  public var drawsRandomNumbers: Bool {
    (graph?.layers ?? layers).contains { $0.drawsRandomNumbers }
  }
}
