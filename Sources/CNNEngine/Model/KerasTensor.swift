/// A symbolic tensor of Keras' functional API: what `keras.Input(...)` returns, or what calling a
/// layer on such a tensor returns. It remembers the layer that produced it and the tensor that layer
/// was called on, so that `keras.Model(inputs, outputs)` can walk the chain of layers back to its input.
public final class KerasTensor {
  public let shape: TensorShape
  /// The layer whose output this is; an `InputLayer` for the tensors `keras.Input` returns.
  public let producer: LayerInstance
  /// The tensor `producer` was called on; nil for an input tensor.
  public let input: KerasTensor?

  init(shape: TensorShape, producer: LayerInstance, input: KerasTensor?) {
    self.shape = shape
    self.producer = producer
    self.input = input
  }

  /// The tensor of an input layer, which is built as soon as it exists.
  public convenience init(input layer: InputLayer) {
    let instance = LayerInstance(layer)
    instance.markBuilt(input: layer.batchInputShape, output: layer.batchInputShape)
    self.init(shape: layer.batchInputShape, producer: instance, input: nil)
  }

  public var isInput: Bool { input == nil }

  /// Calls `instance` on this tensor, building it as a model would; its errors are Keras' own.
  public func apply(_ instance: LayerInstance) throws(KerasError) -> KerasTensor {
    let output = try instance.call(on: shape)
    return KerasTensor(shape: output, producer: instance, input: self)
  }

  /// Keras' `repr`, as lists show it: `<KerasTensor: shape=(None, 3) dtype=float32 (created by layer 'dense')>`.
  public var reprDescription: String {
    "<KerasTensor: shape=\(shape) dtype=float32 (created by layer '\(producer.name)')>"
  }

  /// Keras' `str` of an input tensor. For other tensors it would name the TensorFlow op computing
  /// them (`dense/BiasAdd:0`), which ConvBook does not model; nil then.
  public var inputDescription: String? {
    guard isInput else { return nil }
    let name = producer.name
    return
      "KerasTensor(type_spec=TensorSpec(shape=\(shape), dtype=tf.float32, name='\(name)'), name='\(name)', description=\"created by layer '\(name)'\")"
  }
}
