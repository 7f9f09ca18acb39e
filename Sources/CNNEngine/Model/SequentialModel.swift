/// `keras.Sequential`: a stack of layers, built as soon as its input shape is known; and, as its
/// `functional` kind, the model `keras.Model(inputs, outputs)` makes of a single chain of layers.
///
/// Mirrors tf-keras' `Sequential.add`: an `InputLayer` (or `keras.Input` tensor) first sets the input;
/// a first layer declaring `input_shape=` creates a hidden input layer named `<layer>_input`; later
/// layers are called on the running output shape, so a shape error surfaces at the layer that
/// causes it. Without an input shape, layers wait until `build(batchInputShape:)`.
///
/// In Keras, `Sequential` is a `Functional` model whose graph is a chain; a functional model over a
/// chain differs only in listing its input layer among `layers` (and in the summary) and in having no
/// `add`, `pop` or `build`.
public final class SequentialModel {
  public enum Kind: Sendable {
    case sequential
    case functional
  }

  public let name: String
  public let kind: Kind
  public private(set) var inputLayer: InputLayer?
  /// The layers after the input layer.
  private var stack: [LayerInstance] = []
  /// A functional model's input layer as one of its layers.
  private var inputInstance: LayerInstance?
  /// The `keras.Input` tensor a Sequential model was given, which is its `model.inputs[0]`.
  private var givenInput: KerasTensor?
  /// `tensors`, kept so that a tensor read twice is the same object (as `keras.Model` needs).
  private var cachedTensors: [KerasTensor]?
  /// `model.trainable`: the model's own flag. Setting it in a cell also sets every layer's (see
  /// `setTrainable`); a model used as a layer of another model with the flag off freezes all its
  /// weights.
  public var trainable = true
  /// The arguments of the last `model.compile(...)`; nil until the model is compiled.
  public var compileArguments: CompileArguments?

  public init(name: String) {
    self.name = name
    kind = .sequential
  }

  private init(name: String, tensors: [KerasTensor]) {
    self.name = name
    kind = .functional
    inputLayer = tensors[0].producer.layer as? InputLayer
    inputInstance = tensors[0].producer
    stack = tensors.dropFirst().map(\.producer)
    cachedTensors = tensors
  }

  /// The model's symbolic tensors, from `model.inputs[0]` to `model.outputs[0]`; nil while unbuilt.
  public var tensors: [KerasTensor]? {
    if let cachedTensors { return cachedTensors }
    guard let inputLayer else { return nil }
    var chain = [givenInput ?? KerasTensor(input: inputLayer)]
    for instance in stack {
      guard let output = instance.outputShape else { return nil }
      chain.append(KerasTensor(shape: output, producer: instance, input: chain.last))
    }
    cachedTensors = chain
    return chain
  }

  /// `model.layers`: a functional model lists its input layer first, a Sequential one does not.
  public var layers: [LayerInstance] { (inputInstance.map { [$0] } ?? []) + stack }

  public var isBuilt: Bool { inputLayer != nil }
  /// Keras' class name: `Sequential`, or `Functional` for what `keras.Model(inputs, outputs)` returns.
  public var className: String { kind == .sequential ? "Sequential" : "Functional" }

  /// `model.input_shape`.
  public var inputShape: TensorShape? { inputLayer?.batchInputShape }

  /// `model.output_shape`.
  public var outputShape: TensorShape? {
    guard let inputLayer else { return nil }
    return stack.last?.outputShape ?? inputLayer.batchInputShape
  }

  /// The layer whose output is the model's output (the input layer of a model without layers).
  public var outputLayerName: String? {
    guard let inputLayer else { return nil }
    return stack.last?.name ?? inputLayer.name
  }

  /// `keras.Model(inputs=input, outputs=output)` for a chain of layers from `input` to `output`, each
  /// called on the previous one's output. Keras' own refusals: a chain that starts at another input
  /// ("Graph disconnected") and layer names used twice.
  public static func functional(name: String, input: KerasTensor, output: KerasTensor)
    throws(KerasError)
    -> SequentialModel
  {
    var chain: [KerasTensor] = []
    var tensor = output
    while tensor !== input, let previous = tensor.input {
      chain.append(tensor)
      tensor = previous
    }
    guard tensor === input else {
      let consumer = chain.last?.producer.name ?? output.producer.name
      throw .value(
        "Graph disconnected: cannot obtain value for tensor \(tensor.inputDescription ?? tensor.reprDescription) at layer \"\(consumer)\". The following previous layers were accessed without issue: []"
      )
    }
    let tensors = [input] + chain.reversed()
    let names = tensors.map(\.producer.name)
    for layerName in names where names.filter({ $0 == layerName }).count > 1 {
      throw .value(
        "The name \"\(layerName)\" is used \(names.filter { $0 == layerName }.count) times in the model. All layer names should be unique."
      )
    }
    return SequentialModel(name: name, tensors: tensors)
  }

  /// `model.add(keras.Input(...))`: the tensor's input layer becomes the model's.
  public func add(input tensor: KerasTensor) throws(KerasError) {
    try add(tensor.producer)
    givenInput = tensor
    cachedTensors = nil
  }

  /// `model.add(layer)`. On failure the model is left as it was, as in Keras.
  public func add(_ instance: LayerInstance) throws(KerasError) {
    cachedTensors = nil
    if let input = instance.layer as? InputLayer {
      guard stack.isEmpty && inputLayer == nil else {
        throw .value(
          "An `InputLayer` can only be the first layer of a Sequential model; this model already has layers."
        )
      }
      inputLayer = input
      return
    }
    if stack.contains(where: { $0.name == instance.name }) {
      throw KerasError(
        "ValueError",
        "All layers added to a Sequential model should have unique names. Name \"\(instance.name)\" is already the name of a layer in this model. Update the `name` argument to pass a unique name.",
        layerIndex: stack.count)
    }
    if inputLayer == nil, stack.isEmpty, let nested = instance.model, nested.layers.isEmpty {
      throw .value("An empty Model cannot be used as a Layer.")
    }
    if inputLayer == nil, stack.isEmpty,
      let declared = instance.declaredBatchInputShape
    {
      do {
        try instance.call(on: declared)
      } catch var error {
        error.layerIndex = 0
        throw error
      }
      inputLayer = InputLayer(
        name: instance.name + "_input", batchInputShape: declared,
        arguments: LayerArguments(className: "InputLayer", values: [:]))
      stack.append(instance)
      return
    }
    if let current = outputShape {
      do {
        try instance.call(on: current)
      } catch var error {
        error.layerIndex = stack.count
        throw error
      }
    }
    stack.append(instance)
  }

  /// `model.build(input_shape)` for a model whose layers were added without an input shape.
  public func build(batchInputShape: TensorShape) throws(KerasError) {
    guard !isBuilt else { return }
    cachedTensors = nil
    var shape = batchInputShape
    for (index, instance) in stack.enumerated() {
      do {
        shape = try instance.call(on: shape)
      } catch var error {
        error.layerIndex = index
        throw error
      }
    }
    inputLayer = InputLayer(
      name: (stack.first?.name ?? name) + "_input", batchInputShape: batchInputShape,
      arguments: LayerArguments(className: "InputLayer", values: [:]))
  }

  /// `model.get_layer(name)`.
  public func layer(named layerName: String) throws(KerasError) -> LayerInstance {
    guard let found = layers.first(where: { $0.name == layerName }) else {
      let existing = "[" + layers.map { PythonFormat.quoted($0.name) }.joined(separator: ", ") + "]"
      throw .value("No such layer: \(layerName). Existing layers are: \(existing).")
    }
    return found
  }

  /// `model.count_params()`.
  public func countParams() throws(KerasError) -> Int {
    guard isBuilt else {
      throw .value(
        "You tried to call `count_params` on layer \(name), but the layer isn't built. You can build it manually via: `\(name).build(batch_input_shape)`."
      )
    }
    return stack.reduce(0) { $0 + $1.parameterCount }
  }

  /// `model.weights`: each layer's `weights` in layer order (so, unlike a layer's own list, not all
  /// trainable weights first).
  public var variables: [WeightVariable] { stack.flatMap(\.variables) }
  public var trainableVariables: [WeightVariable] { stack.flatMap(\.trainableVariables) }
  public var nonTrainableVariables: [WeightVariable] { stack.flatMap(\.nonTrainableVariables) }

  /// The data behind `model.summary()`; Keras refuses it for a model without an input shape.
  public func summary() throws(KerasError) -> ModelSummary {
    guard let inputLayer else {
      throw .value(
        "This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data."
      )
    }
    var rows: [ModelSummary.Row] = []
    if kind == .functional {
      rows.append(
        ModelSummary.Row(
          name: inputLayer.name, className: inputLayer.className,
          inputShape: inputLayer.batchInputShape,
          outputShape: inputLayer.batchInputShape, weights: [], multiplyAccumulates: 0,
          isInputLayer: true))
    }
    for instance in stack {
      guard let input = instance.inputShape, let output = instance.outputShape else { continue }
      rows.append(
        ModelSummary.Row(
          name: instance.name, className: instance.className, inputShape: input,
          outputShape: output,
          weights: instance.weights,
          multiplyAccumulates: instance.multiplyAccumulates))
    }
    return ModelSummary(
      name: name, inputLayerName: inputLayer.name, inputShape: inputLayer.batchInputShape,
      rows: rows)
  }
}

extension SequentialModel {
  /// The layers with every nested model replaced by its own layers (after its input layer), in
  /// order: the layers a forward pass runs, whose weights `model.weights` lists.
  public var flattenedLayers: [LayerInstance] {
    layers.flatMap { instance -> [LayerInstance] in
      guard let nested = instance.model else { return [instance] }
      return nested.flattenedLayers.filter { !$0.isInputLayer }
    }
  }

  /// Whether `other` is this model or is nested in it, at any depth.
  public func contains(_ other: SequentialModel) -> Bool {
    other === self || layers.contains { $0.model?.contains(other) ?? false }
  }

  /// `model.trainable = flag`: Keras sets the flag of the model and of every layer inside it.
  public func setTrainable(_ flag: Bool) {
    trainable = flag
    for instance in layers {
      if let nested = instance.model {
        nested.setTrainable(flag)
      } else {
        instance.trainable = flag
      }
    }
  }

  /// `model.pop()`: removes the last layer.
  public func pop() throws(KerasError) {
    guard !stack.isEmpty else { throw .typeError("There are no layers in the model.") }
    stack.removeLast()
    cachedTensors = nil
  }
}
