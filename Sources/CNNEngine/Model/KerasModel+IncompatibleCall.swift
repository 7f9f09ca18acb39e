/// A built model called on inputs that do not fit the shapes it was built for (a feature extractor
/// made for RGB images called on grayscale ones). The two Keras versions part ways here:
/// - tf-keras runs the model's layers on the new shape, and the first layer whose `InputSpec`
///   pins a size (a convolution's or a `Dense`'s input channels, a `BatchNormalization`'s axis)
///   raises, wrapped in the model's "Exception encountered when calling layer" text;
/// - Keras 3 checks the model's own input spec (its input shapes without the batch size, a last
///   axis of 1 squeezed on either side, only the axes both still have), then infers the output
///   with each layer's `compute_output_shape`, which checks no weights.
/// Where a version accepts what ConvBook does not model (layers run on two shapes with the same
/// weights), ConvBook refuses it as its limitation.
extension KerasModel {
  /// The output shapes Keras infers for this model called on `shapes`, which do not fit its input
  /// shapes, or Keras' error. `onData`: called on data rather than on Keras tensors, where
  /// tf-keras quotes the model's name in single quotes (its `__call__`, not the functional
  /// construction call).
  func incompatibleCall(on shapes: [TensorShape], onData: Bool = false) throws(KerasError)
    -> [TensorShape]
  {
    let built = graph.map { $0.inputs.map(\.shape) } ?? inputShape.map { [$0] } ?? []
    if kerasVersion == .keras3 {
      try checkKeras3InputSpec(shapes, built: built)
      return try outputShapesWithoutWeights(on: shapes)
    }
    guard shapes.count == 1, built.count == 1 else { throw refusal(shapes, built: built) }
    do {
      try checkLayersAsTFKeras(on: shapes[0], onData: onData)
    } catch {
      guard error.type != nil else { throw error }
      let quoted = onData ? "'\(name)'" : "\"\(name)\""
      throw .value(
        "Exception encountered when calling layer \(quoted) (type \(className)).\n\n\(error.message)\n\nCall arguments received by layer \(quoted) (type \(className)):\n  • inputs=tf.Tensor(shape=\(shapes[0]), dtype=float32)\n  • training=None\n  • mask=None"
      )
    }
    // tf-keras runs the layers on the new shape (with a warning): one layer on two shapes, which
    // ConvBook does not model.
    throw refusal(shapes, built: built)
  }

  /// Keras 3's `Sequential.call()` or `Functional.call()` of a chain on a batch of data its input
  /// does not fit (`predict`, or the model called on an array), the batch already made the input's
  /// rank: the layers run one after another on the batch, and the first whose input spec pins a
  /// size the batch lacks raises (`Input 0 with name 'None' of layer 'dense' ... expected axis -1
  /// of input shape to have value 4, but received input with shape (32, 5)`; a batch axis of None
  /// for a step traced for any batch size). That inner message; nil when no layer's spec fails
  /// before one ConvBook cannot follow.
  public func keras3BatchError(on batch: [Int?]) -> String? {
    guard graph == nil else { return nil }
    var current = TensorShape(batch)
    for instance in layers where !instance.isInputLayer {
      guard instance.model == nil else { return nil }
      do {
        try Self.checkInputSpec(instance, input: current, keras3: true)
      } catch {
        return error.message
      }
      guard let output = try? instance.layer.outputShape(for: current),
        instance.layer.weights(for: current).map(\.shape) == instance.weights.map(\.shape)
      else { return nil }
      current = output
    }
    return nil
  }

  private func refusal(_ shapes: [TensorShape], built: [TensorShape]) -> KerasError {
    func list(_ shapes: [TensorShape]) -> String {
      shapes.map(\.description).joined(separator: ", ")
    }
    return .limitation(
      "ConvBook does not run the model \"\(name)\", built for inputs of shape \(built.isEmpty ? "None" : list(built)), on inputs of shape \(list(shapes)); give it the input shape of the model it is used in"
    )
  }

  /// Keras 3's `InputSpec(shape=..., allow_last_axis_squeeze=True)` of a functional model (a
  /// Sequential model's hidden one, whose error Keras 3 wraps in `Sequential.call()`'s).
  private func checkKeras3InputSpec(_ shapes: [TensorShape], built: [TensorShape])
    throws(KerasError)
  {
    let inputNames =
      graph.map { $0.inputs.map(\.producer.name) } ?? [inputLayer?.name ?? "input_layer"]
    guard shapes.count == built.count else {
      let keys = inputNames.map { "'\($0)'" }
      throw .value(
        "Layer \"\(name)\" expects \(built.count) named input(s) with keys [\(keys.joined(separator: ", "))], but it received \(shapes.count) input tensors. Pass inputs as a dict, e.g. `layer({\(keys.map { "\($0): ..." }.joined(separator: ", "))})`."
      )
    }
    for (index, (shape, spec)) in zip(shapes, built).enumerated() {
      var given = shape.dimensions
      var expected: [Int?] = [nil] + spec.dimensions.dropFirst()
      if given.last == .some(1) { given.removeLast() }
      if expected.last == .some(1) { expected.removeLast() }
      let differs = zip(expected, given).contains { want, got in
        want != nil && got != nil && want != got
      }
      guard differs else { continue }
      let specShape = TensorShape([nil] + spec.dimensions.dropFirst())
      let sequential = kind == .sequential
      let inner =
        "Input \(index) with name '\(inputNames[index])' of layer '\(sequential ? hiddenFunctionalName ?? "functional" : name)' is incompatible with the layer: expected shape=\(specShape), found shape=\(TensorShape(given))"
      guard sequential else { throw .value(inner) }
      throw .value(
        "Exception encountered when calling Sequential.call().\n\n\u{1B}[1m\(inner)\u{1B}[0m")
    }
  }

  /// Keras 3's `compute_output_spec` through the layers: shapes only, no weights checked.
  private func outputShapesWithoutWeights(on shapes: [TensorShape]) throws(KerasError)
    -> [TensorShape]
  {
    guard let graph else {
      var current = shapes[0]
      for instance in layers where !instance.isInputLayer {
        current = try Self.shapeWithoutWeights(instance, on: [current])
      }
      return [current]
    }
    var known: [ObjectIdentifier: TensorShape] = [:]
    for (tensor, shape) in zip(graph.inputs, shapes) {
      known[ObjectIdentifier(tensor.node)] = shape
    }
    for node in graph.nodes where known[ObjectIdentifier(node)] == nil {
      let inputs = node.dataInputs.compactMap { known[ObjectIdentifier($0.node)] }
      guard !node.hasSeveralOutputs, inputs.count == node.dataInputs.count, !inputs.isEmpty else {
        throw refusal(shapes, built: graph.inputs.map(\.shape))
      }
      known[ObjectIdentifier(node)] = try Self.shapeWithoutWeights(node.producer, on: inputs)
    }
    var outputs: [TensorShape] = []
    for tensor in graph.outputs {
      guard let shape = known[ObjectIdentifier(tensor.node)] else {
        throw refusal(shapes, built: graph.inputs.map(\.shape))
      }
      outputs.append(shape)
    }
    return outputs
  }

  private static func shapeWithoutWeights(_ instance: LayerInstance, on inputs: [TensorShape])
    throws(KerasError) -> TensorShape
  {
    if let nested = instance.model {
      guard let outputs = try nested.replayedOutputShapes(on: inputs) else {
        let shapes = try nested.incompatibleCall(on: inputs)
        guard shapes.count == 1 else { throw nested.refusal(inputs, built: []) }
        return shapes[0]
      }
      guard outputs.count == 1 else { throw nested.refusal(inputs, built: []) }
      return outputs[0]
    }
    if let merge = instance.layer as? any MultiInputLayer, instance.listInputShapes != nil {
      return try merge.outputShape(forInputs: instance.layerInputs(inputs))
    }
    return try instance.layer.outputShape(for: inputs[0])
  }

  /// tf-keras' call of the layers on `shape`: each layer's input spec, then its output shape. A
  /// layer whose weights would change without an input spec saying so is ConvBook's limitation.
  /// On data (`onData`) tf-keras runs each layer's TensorFlow kernels eagerly: the input specs
  /// still raise in Keras' words, but a convolution window larger than the image fails in
  /// TensorFlow's kernel, in words ConvBook does not reproduce: its limitation.
  private func checkLayersAsTFKeras(on shape: TensorShape, onData: Bool) throws(KerasError) {
    func check(_ instance: LayerInstance, _ inputs: [TensorShape]) throws(KerasError)
      -> TensorShape
    {
      if instance.model != nil || inputs.count != 1 {
        throw refusal([shape], built: inputShape.map { [$0] } ?? [])
      }
      try Self.checkInputSpec(instance, input: inputs[0])
      let output: TensorShape
      do {
        output = try instance.layer.outputShape(for: inputs[0])
      } catch  where onData && error.message.hasPrefix(ShapeErrors.negativeOutputOpening) {
        throw .limitation(
          "ConvBook does not run the model \"\(name)\" eagerly on inputs of shape \(shape): its layer \"\(instance.name)\" would fail in TensorFlow's kernel on shape \(inputs[0]), in words ConvBook does not reproduce (Keras' own check says: \(error.message))"
        )
      }
      if instance.layer.weights(for: inputs[0]).map(\.shape) != instance.weights.map(\.shape) {
        throw refusal([shape], built: inputShape.map { [$0] } ?? [])
      }
      return output
    }
    guard let graph else {
      var current = shape
      for instance in layers where !instance.isInputLayer {
        current = try check(instance, [current])
      }
      return
    }
    var known: [ObjectIdentifier: TensorShape] = [ObjectIdentifier(graph.inputs[0].node): shape]
    for node in graph.nodes where known[ObjectIdentifier(node)] == nil {
      let inputs = node.inputs.compactMap { known[ObjectIdentifier($0.node)] }
      guard !node.hasSeveralOutputs, inputs.count == node.inputs.count else {
        throw refusal([shape], built: [graph.inputs[0].shape])
      }
      known[ObjectIdentifier(node)] = try check(node.producer, inputs)
    }
  }

  /// The `InputSpec(axes={axis: size})` of a built layer, in its Keras' words: the axes its
  /// `InputSpecLayer` conformance says, each as the layer stores it. Keras 3 names the spec's
  /// (unset) name.
  static func checkInputSpec(_ instance: LayerInstance, input: TensorShape, keras3: Bool = false)
    throws(KerasError)
  {
    guard let built = instance.inputShape, built.rank == input.rank,
      let spec = instance.layer as? any InputSpecLayer
    else { return }
    for axis in spec.inputSpecAxes(rank: built.rank, keras3: keras3) {
      guard let value = built[axis.index], input[axis.index] != value else { continue }
      let layer =
        keras3 ? "with name 'None' of layer '\(instance.name)'" : "of layer \"\(instance.name)\""
      throw .value(
        "Input 0 \(layer) is incompatible with the layer: expected axis \(axis.reported) of input shape to have value \(value), but received input with shape \(input)"
      )
    }
  }
}
