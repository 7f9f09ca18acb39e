/// A symbolic tensor of Keras' functional API: what `keras.Input(...)` returns, or what calling a
/// layer on such tensors returns. It remembers the layer that produced it, which call of that layer
/// it came from (Keras' node index) and the tensors that call took, so that
/// `keras.Model(inputs, outputs)` can walk the graph back to its inputs.
public final class KerasTensor {
  public let shape: TensorShape
  /// The layer whose output this is; an `InputLayer` for the tensors `keras.Input` returns.
  public let producer: LayerInstance
  /// The tensors `producer` was called on, in call order; empty for an input tensor.
  public let inputs: [KerasTensor]
  /// Which call of `producer` made this tensor: Keras' node index, `conv2d[1][0]` in summaries.
  public let nodeIndex: Int
  /// What is known of the value of a small integer tensor computed from shapes (`tf.shape(x)[0]`;
  /// see `TensorFunction.outputValue`); nil for every other tensor.
  public private(set) var knownValue: [Int?]?

  init(shape: TensorShape, producer: LayerInstance, inputs: [KerasTensor], nodeIndex: Int = 0) {
    self.shape = shape
    self.producer = producer
    self.inputs = inputs
    self.nodeIndex = nodeIndex
    producer.register(self)
  }

  convenience init(shape: TensorShape, producer: LayerInstance, input: KerasTensor?) {
    self.init(shape: shape, producer: producer, inputs: input.map { [$0] } ?? [])
  }

  /// The first tensor `producer` was called on; nil for an input tensor.
  public var input: KerasTensor? { inputs.first }

  /// The tensor of an input layer, which is built as soon as it exists.
  public convenience init(input layer: InputLayer) {
    let instance = LayerInstance(layer)
    instance.markBuilt(input: layer.batchInputShape, output: layer.batchInputShape)
    self.init(shape: layer.batchInputShape, producer: instance, input: nil)
  }

  public var isInput: Bool { inputs.isEmpty }

  /// Calls `instance` on this tensor, building it as a model would; its errors are Keras' own.
  public func apply(_ instance: LayerInstance) throws(KerasError) -> KerasTensor {
    try KerasTensor.apply(instance, to: [self], asList: false)
  }

  /// Calls `instance` on `tensors` (a merge layer on a list, other layers on one tensor): the
  /// layer's first call builds it, later calls share its weights and make new nodes.
  public static func apply(_ instance: LayerInstance, to tensors: [KerasTensor], asList: Bool)
    throws(KerasError) -> KerasTensor
  {
    if tensors.count != 1, !(instance.layer is any MultiInputLayer) {
      let received = tensors.map(\.reprDescription).joined(separator: ", ")
      throw .value(
        "Layer \"\(instance.name)\" expects 1 input(s), but it received \(tensors.count) input tensors. Inputs received: [\(received)]"
      )
    }
    let nodeIndex = instance.nodeCount
    let shapes = tensors.map(\.shape)
    let values = tensors.map(\.knownValue)
    let output = try instance.call(onInputs: shapes, asList: asList, values: values)
    let tensor = KerasTensor(
      shape: output, producer: instance, inputs: tensors, nodeIndex: nodeIndex)
    tensor.knownValue = (instance.layer as? any TensorOperationLayer)?.outputValue(
      forInputs: shapes, values: values)
    return tensor
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
