/// A symbolic tensor of Keras' functional API: what `keras.Input(...)` returns, or one output of
/// calling a layer on such tensors. It is a reference to one output of one call (`node`,
/// `outputIndex`), so that `keras.Model(inputs, outputs)` can walk the graph back to its inputs
/// and summaries can name it (`lstm[0][1]`).
/// The tensors of one call are made once, when the layer is called, so that Python's identity
/// of a tensor is the object's.
public final class KerasTensor {
  /// The call that made this tensor.
  public let node: LayerNode
  /// Which of the call's outputs this is (0 for calls that return one tensor).
  public let outputIndex: Int
  /// The Keras 3 mask this tensor carries (`Embedding(mask_zero=True)`, `Masking`, and the
  /// layers after them that pass it on), a tensor of the graph; nil in tf-keras.
  public internal(set) var keras3Mask: KerasTensor?
  /// What is known of the value of a small integer tensor computed from shapes (`tf.shape(x)[0]`;
  /// see `TensorFunction.outputValue`); nil for every other tensor.
  public private(set) var knownValue: [Int?]?

  init(node: LayerNode, outputIndex: Int) {
    self.node = node
    self.outputIndex = outputIndex
    node.producer.register(self)
    GraphMemory.add(GraphMemory.tensorBytes)
  }

  /// A tensor that is the only output of a new call of `producer` on `inputs`.
  convenience init(
    shape: TensorShape, producer: LayerInstance, inputs: [KerasTensor], nodeIndex: Int = 0,
    keras3Name: String? = nil
  ) {
    let node = LayerNode(
      producer: producer, inputs: inputs, nodeIndex: nodeIndex, outputShapes: [shape],
      keras3Names: keras3Name.map { [$0] })
    self.init(node: node, outputIndex: 0)
  }

  convenience init(shape: TensorShape, producer: LayerInstance, input: KerasTensor?) {
    self.init(shape: shape, producer: producer, inputs: input.map { [$0] } ?? [])
  }

  public var shape: TensorShape { node.outputShapes[outputIndex] }
  /// The layer whose output this is; an `InputLayer` for the tensors `keras.Input` returns.
  public var producer: LayerInstance { node.producer }
  /// The tensors `producer` was called on, in call order; empty for an input tensor.
  public var inputs: [KerasTensor] { node.inputs }
  /// Which call of `producer` made this tensor: Keras' node index.
  public var nodeIndex: Int { node.nodeIndex }

  /// The first tensor `producer` was called on; nil for an input tensor.
  public var input: KerasTensor? { inputs.first }

  /// The tensor of an input layer, which is built as soon as it exists.
  public convenience init(input layer: InputLayer) {
    let instance = LayerInstance(layer)
    instance.markBuilt(input: layer.batchInputShape, output: layer.batchInputShape)
    self.init(shape: layer.batchInputShape, producer: instance, input: nil)
  }

  public var isInput: Bool { inputs.isEmpty }

  /// `get_source_inputs(tensor)`: the input tensors this tensor was computed from, in the order
  /// Keras' depth-first walk over each call's inputs first meets them.
  public var sourceInputs: [KerasTensor] {
    var seen = Set<ObjectIdentifier>()
    var sources: [KerasTensor] = []
    var pending = [self]
    while let next = pending.popLast() {
      guard seen.insert(ObjectIdentifier(next)).inserted else { continue }
      if next.isInput {
        sources.append(next)
      } else {
        pending += next.inputs.reversed()
      }
    }
    return sources
  }

  /// Calls `instance` on this tensor, building it as a model would; its errors are Keras' own.
  public func apply(_ instance: LayerInstance, names: NameScope? = nil) throws(KerasError)
    -> KerasTensor
  {
    try KerasTensor.apply(instance, to: [self], asList: false, names: names)
  }

  /// Calls `instance` on `tensors` (a merge layer on a list, other layers on one tensor): the
  /// layer's first call builds it, later calls share its weights and make new nodes. For a call
  /// that returns several tensors, the first; `call` gives them all.
  public static func apply(
    _ instance: LayerInstance, to tensors: [KerasTensor], asList: Bool, names: NameScope? = nil
  ) throws(KerasError) -> KerasTensor {
    try call(instance, on: tensors, asList: asList, names: names)[0]
  }

  /// Calls `instance` on `tensors` and, after them, `states` (a recurrent layer's
  /// `initial_state=`): one tensor per output of the call, in the call's order (their node says
  /// whether Python sees one tensor, a list or a tuple). `mask`: the mask Keras 3 passes to the
  /// call (`KerasMask.takesMask`), the node's last input.
  /// `names`: the session's names, from which Keras 3 names each output (`keras_tensor_N`) after
  /// using up `namesBefore` names for the tensors Keras 3 makes on the way (a Lambda's traced
  /// inputs and outputs, the layers of a model replayed on another shape); nil for calls Keras
  /// makes no tensors for (inside a traced Lambda) and in tf-keras (a Sequential model built by
  /// this call names its own tensors first, in `LayerInstance.call(on:)`).
  public static func call(
    _ instance: LayerInstance, on tensors: [KerasTensor], asList: Bool,
    states: [KerasTensor] = [], mask: KerasTensor? = nil, names: NameScope? = nil,
    namesBefore: Int = 0, training: Bool? = nil
  ) throws(KerasError) -> [KerasTensor] {
    let modelInputs = instance.model?.graph?.inputs.count ?? 1
    if tensors.count != 1, !(instance.layer is any MultiInputLayer), modelInputs == 1 {
      let received = tensors.map(\.reprDescription).joined(separator: ", ")
      throw .value(
        "Layer \"\(instance.name)\" expects 1 input(s), but it received \(tensors.count) input tensors. Inputs received: [\(received)]"
      )
    }
    let nodeIndex = instance.nodeCount
    let inputShapes = tensors.map(\.shape)
    let values = tensors.map(\.knownValue)
    let (shapes, structure) = try instance.call(
      onInputs: inputShapes, asList: asList, states: states.map(\.shape), values: values)
    if let mask, nodeIndex == 0 {
      // Keras 3 reports the call's tensors, the mask included, as the layer's input.
      instance.listInputShapes = tensors.map(\.shape) + states.map(\.shape) + [mask.shape]
    }
    var keras3Names: [String]?
    if let names, names.kerasVersion == .keras3 {
      names.skipKerasTensorNames(namesBefore)
      keras3Names = shapes.map { _ in names.uniqueName("keras_tensor") }
    }
    let node = LayerNode(
      producer: instance, inputs: tensors + states + (mask.map { [$0] } ?? []),
      nodeIndex: nodeIndex, outputShapes: shapes, structure: structure, takesMask: mask != nil,
      keras3Names: keras3Names, training: training)
    let outputs = shapes.indices.map { KerasTensor(node: node, outputIndex: $0) }
    if outputs.count == 1 {
      outputs[0].knownValue = (instance.layer as? any TensorOperationLayer)?.outputValue(
        forInputs: inputShapes, values: values)
    }
    return outputs
  }

  /// Keras 3's mask after a call of `instance` on `input` (the first of its tensors) returned
  /// `outputs`: the mask operations the layer records on the input (named by `name(_:)`, which
  /// takes a session name for each) or on the input's mask (`convertsFirstMask`), or the input's
  /// mask passed on. Sets `keras3Mask` of the call's first output.
  public static func propagateKeras3Mask(
    from input: KerasTensor, through instance: LayerInstance, to outputs: [KerasTensor],
    names: NameScope
  ) throws(KerasError) {
    var operations = KerasMask.operations(of: instance.layer)
    var current = input
    let converting = instance.layer.symbolicMasking.convertsFirstMask
    if operations.isEmpty, !converting.isEmpty, let mask = input.keras3Mask {
      (operations, current) = (converting, mask)
    }
    if operations.isEmpty {
      if KerasMask.carries(instance.layer) { outputs[0].keras3Mask = input.keras3Mask }
      return
    }
    for kind in operations {
      let operation = LayerInstance(
        MaskOperation(kind, name: names.uniqueName(kind.operationName)))
      current = try KerasTensor.apply(operation, to: [current], asList: true, names: names)
    }
    outputs[0].keras3Mask = current
  }

  /// Keras 3's name of the tensor (`keras_tensor_4`, or the `name=` of `keras.Input`); nil for a
  /// tensor tf-keras made.
  public var keras3Name: String? {
    if let names = node.keras3Names { return names[outputIndex] }
    return (producer.layer as? InputLayer)?.tensorName
  }

  /// The tensor's dtype: an input's own (`keras.Input(..., dtype="int32")`); layers compute in
  /// float32, except those that say otherwise (`TypedOutputLayer`) and those made with another
  /// float dtype or policy (`dtype="float16"`, under `mixed_float16`), which compute in it.
  public var dtypeName: String {
    if let typed = producer.layer as? any TypedOutputLayer { return typed.outputDTypeName }
    guard isInput else { return producer.layer.common.arguments.otherComputeDType ?? "float32" }
    switch producer.layer.common.arguments["dtype"] {
    case .string(let given): return given
    case .object(let object) where object.typeName == "DType":
      if case .string(let given)? = object.arguments.first?.1 { return given }
    default: break
    }
    return "float32"
  }

  /// Keras' `repr`, as lists and messages show it. tf-keras: `<KerasTensor: shape=(None, 3)
  /// dtype=float32 (created by layer 'dense')>`; Keras 3 (its `str` too): `<KerasTensor
  /// shape=(None, 3), dtype=float32, sparse=False, ragged=False, name=keras_tensor_4>`.
  public var reprDescription: String { reprDescription(showing: shape) }

  /// `reprDescription` with `shown` for its shape (the batch size of the call on data that built
  /// the model whose tensor it is).
  public func reprDescription(showing shown: TensorShape) -> String {
    if let name = keras3Name {
      return
        "<KerasTensor shape=\(shown), dtype=\(dtypeName), sparse=False, ragged=False, name=\(name)>"
    }
    return "<KerasTensor: shape=\(shown) dtype=\(dtypeName) (created by layer '\(producer.name)')>"
  }

  /// tf-keras' `str` of an input tensor. For other tensors it would name the TensorFlow op
  /// computing them (`dense/BiasAdd:0`), which ConvBook does not model; nil then, and for Keras 3
  /// tensors (whose `str` is their `repr`).
  public var inputDescription: String? {
    guard isInput, keras3Name == nil else { return nil }
    let name = producer.name
    return
      "KerasTensor(type_spec=TensorSpec(shape=\(shape), dtype=tf.\(dtypeName), name='\(name)'), name='\(name)', description=\"created by layer '\(name)'\")"
  }
}
