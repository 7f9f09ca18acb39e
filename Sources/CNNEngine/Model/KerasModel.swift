/// A Keras model: `keras.Sequential` (its `sequential` kind) or `keras.Model(inputs, outputs)` (its
/// `functional` kind), in Keras both a graph of layer calls (`Functional`).
///
/// A model whose graph is a single chain keeps the chain as a stack of layers: tf-keras'
/// `Sequential.add`, where an `InputLayer` (or `keras.Input` tensor) first sets the input; a first
/// layer declaring `input_shape=` creates a hidden input layer (named by `NameScope`); later layers
/// are called on the running output shape, so a shape error surfaces at the layer that causes it.
/// Without an input shape, layers wait until `build(batchInputShape:)`. Any other graph (merges,
/// several inputs or outputs, shared layers) keeps its `ModelGraph` (`KerasModel+Graph`).
///
/// A functional model over a chain differs from a Sequential one only in listing its input layer
/// among `layers` (and in the summary) and in having no `add`, `pop` or `build`.
public final class KerasModel {
  public enum Kind: Sendable {
    case sequential
    case functional
  }

  /// Keras 3 lets code rename a model (`model.name = "..."`, `rename`).
  public private(set) var name: String
  public let kind: Kind
  public private(set) var inputLayer: InputLayer?
  /// The layers after the input layer.
  private var stack: [LayerInstance] = []
  /// Keras 3 only: the position in `stack` of a layer whose call failed when it was added. Keras 3
  /// keeps such a layer (and every layer added after it) and leaves the model unbuilt; tf-keras
  /// leaves the model as it was.
  private var failedFrom: Int?
  /// The names in `stack`, so that `add` checks a new name in constant time (a loop of `add`s
  /// stays linear).
  private var stackNames: Set<String> = []
  /// The checked sums of the counts of `stack`'s layers: a model whose totals would overflow is
  /// refused at the layer that overflows them.
  public private(set) var totals = LayerCounts()
  /// `totals` before each layer of `stack` was added, which `pop` restores.
  private var totalsBefore: [LayerCounts] = []
  private var keepsFailingLayers: Bool { names?.kerasVersion == .keras3 }
  /// Keras 3: the input shape of the model that is this Sequential model's only layer, which
  /// builds the Sequential model when a second layer is added.
  private var keras3FirstModelInput: TensorShape?
  /// A functional model's input layer as one of its layers.
  private var inputInstance: LayerInstance?
  /// The `keras.Input` tensor a Sequential model was given, which is its `model.inputs[0]`.
  private var givenInput: KerasTensor?
  /// Keras 3: the shape of the mask the chain's last layer passes on (`KerasMask`), nil for none.
  private var keras3ChainMask: TensorShape?
  /// Keras 3: the position and output shapes of the last layer when it returns several tensors
  /// (`LSTM(return_state=True)`), which the next layer is called on (`Keras3SequentialOutputs`).
  var keras3MultipleOutputs: (position: Int, shapes: [TensorShape])?
  /// `tensors`, kept so that a tensor read twice is the same object (as `keras.Model` needs).
  private var cachedTensors: [KerasTensor]?
  /// Keras 3: the layers `add` or `build` called since the last rebuild (`rebuildChain`).
  private var callsSinceRebuild: Set<ObjectIdentifier> = []
  /// Keras 3: the first `keras_tensor` number of each rebuild, and for each layer the rebuild it
  /// joined and its node there (see `rebuildChain`).
  private var rebuildBases: [Int] = []
  private var rebuildNodes: [ObjectIdentifier: (rebuild: Int, node: Int)] = [:]
  /// Keras 3: the `keras_tensor` names a nested model took when this model's `build` built it,
  /// by stack position (its input and layers' tensors, between the chain's tensors before it and
  /// its own output), and how many of the chain's names `build` took before it; `rebuildChain`
  /// numbers the chain around them. Per rebuild in `rebuildNestedNames`.
  private var nestedBuildNames: (reserved: Int, taken: [Int: Int])?
  private var rebuildNestedNames: [Int: [Int: Int]] = [:]
  /// Keras 3: the input tensor every rebuild calls the first layer on.
  private var chainInput: KerasTensor?
  /// Keras 3: counts this model's rebuilds as calls of its layers (`NodeShapes`); the layers that
  /// follow another model's clock are called again one by one.
  private let rebuildClock = RebuildClock()
  private var unclockedLayers: [ObjectIdentifier: LayerInstance] = [:]
  /// `model.trainable`: the model's own flag. Setting it in a cell also sets every layer's (see
  /// `setTrainable`); a model used as a layer of another model with the flag off freezes all its
  /// weights.
  public var trainable = true
  /// Keras 3: the name of the hidden functional model of the latest (re)build (`noteRebuilt`),
  /// which Keras 3's errors name.
  public private(set) var hiddenFunctionalName: String?
  /// A functional model whose `outputs=` was a dict of tensors: its keys in the order given.
  public var outputKeys: [String]?
  /// The graph of a custom layer whose `call` returned a tuple of tensors: a call of it hands
  /// Python a tuple (and the summary prints one), not a functional model's list.
  public var returnsTuple = false
  /// A functional model whose graph is not a single chain: its layers and calls (see
  /// `KerasModel+Graph`); nil for chains, which the stack above describes.
  public internal(set) var graph: ModelGraph?
  /// See `calledInstance`.
  public internal(set) var calledAsLayer: LayerInstance?
  /// The arguments of the last `model.compile(...)`; nil until the model is compiled.
  public var compileArguments: CompileArguments?
  /// The pretrained weights this application model was built to load (`weights="imagenet"` or a
  /// file): a forward pass reads them from an exported `.npz` or refuses. Nil otherwise.
  public var pretrainedWeights: PretrainedWeightsRequest?
  /// The session's names, for the hidden input layer `input_shape=` or `build` creates (without
  /// one, tf-keras' `<first layer>_input`).
  let names: NameScope?
  /// The Keras version of the session that made the model (tf-keras for a model made without one).
  public var kerasVersion: KerasVersion {
    if let names { return names.kerasVersion }
    // A functional model has no names of its own: its layers were made in its version.
    guard let first = stack.first else { return .keras2 }
    return first.model?.kerasVersion ?? first.layer.common.kerasVersion
  }
  /// Whether a Keras 3 session made this model (a functional model keeps no names of its own).
  public var madeByKeras3 = false
  /// Keras 3's `trainable`: one flag per variable, set when a layer's or model's flag changes (see
  /// `setTrainable`), rather than tf-keras' (a frozen model freezes every weight inside it).
  public var usesKeras3Trainable: Bool { madeByKeras3 || kerasVersion == .keras3 }

  public init(name: String, names: NameScope? = nil) {
    self.name = name
    self.names = names
    kind = .sequential
  }

  private func hiddenInputName(firstLayer: String) -> String {
    names?.hiddenInputName(firstLayer: firstLayer) ?? firstLayer + "_input"
  }

  /// The hidden input layer `input_shape=` or `build` creates, with its tensor's name in Keras 3.
  private func hiddenInput(name: String, shape: TensorShape, tensorName: String?) -> InputLayer {
    var input = InputLayer(
      name: name, batchInputShape: shape,
      arguments: LayerArguments(className: "InputLayer", values: [:]))
    input.tensorName = tensorName
    return input
  }

  private init(name: String, tensors: [KerasTensor], totals: LayerCounts) {
    self.name = name
    self.names = nil
    kind = .functional
    inputLayer = tensors[0].producer.layer as? InputLayer
    inputInstance = tensors[0].producer
    stack = tensors.dropFirst().map(\.producer)
    stackNames = Set(stack.map(\.name))
    self.totals = totals
    totalsBefore = []
    cachedTensors = tensors
  }

  init(name: String, graph: ModelGraph, totals: LayerCounts) {
    self.name = name
    self.names = nil
    kind = .functional
    self.graph = graph
    self.totals = totals
    inputLayer = graph.inputs[0].producer.layer as? InputLayer
    inputInstance = graph.inputs[0].producer
    stack = graph.layers.filter { !$0.isInputLayer }
    cachedTensors = [graph.inputs[0], graph.outputs[0]]
  }

  /// Puts `graph` in place of the model's graph or chain (`addLoss`), with its checked totals.
  func replaceGraph(_ graph: ModelGraph, totals: LayerCounts) {
    self.graph = graph
    self.totals = totals
    stack = graph.layers.filter { !$0.isInputLayer }
    stackNames = Set(stack.map(\.name))
    cachedTensors = [graph.inputs[0], graph.outputs[0]]
  }

  /// The model's symbolic tensors, from `model.inputs[0]` to `model.outputs[0]`; nil while unbuilt.
  /// A Sequential model makes the tensor of each layer when it calls it (`add`, `build`), as
  /// Keras does, so that `layer.output` finds it; the chain is extended, never made again.
  public var tensors: [KerasTensor]? {
    if holdsOnlyItsInput { return nil }
    guard let inputLayer, failedFrom == nil else { return nil }
    if kind == .functional, let cachedTensors { return cachedTensors }
    if cachedTensors == nil, let last = rebuildBases.indices.last {
      // Keras 3: the last rebuild's tensors (`rebuildChain`), then any layer added since.
      cachedTensors = chainTensors(rebuild: last, through: stack.count - 1)
    }
    var chain = cachedTensors ?? [givenInput ?? KerasTensor(input: inputLayer)]
    // `chain` holds the only reference while it grows: an append then never copies the array
    // (a copy per `add` made a loop of `add`s quadratic). What it made is kept on every exit.
    cachedTensors = nil
    defer { cachedTensors = chain }
    // `pop` dropped layers: keep the part of the chain that is still the stack.
    while chain.count > stack.count + 1
      || (chain.count > 1 && chain[chain.count - 1].producer !== stack[chain.count - 2])
    {
      chain.removeLast()
    }
    for instance in stack[(chain.count - 1)...] {
      guard let output = instance.outputShape else { return nil }
      // The call this model just made of the layer is its newest node.
      chain.append(
        KerasTensor(
          shape: output, producer: instance, inputs: [chain[chain.count - 1]],
          nodeIndex: max(instance.nodeCount - 1, 0)))
    }
    return chain
  }

  /// `model.layers`: a functional model lists its input layer first, a Sequential one does not;
  /// Keras 3's operations (`x + y`) are nodes of the graph but not layers.
  public var layers: [LayerInstance] {
    if let graph { return graph.layers.filter { !$0.isKeras3Operation } }
    return (inputInstance.map { [$0] } ?? []) + stack
  }

  public var isBuilt: Bool { inputLayer != nil && failedFrom == nil && !holdsOnlyItsInput }

  /// Keras 3's `Sequential.build` of a model without layers (not even an `Input`): its call,
  /// `build`, `fit` and `predict` stop there, where tf-keras passes the data through.
  public func requireKeras3Layers() throws(KerasError) {
    guard kind == .sequential, kerasVersion == .keras3, graph == nil, stack.isEmpty,
      inputLayer == nil
    else { return }
    throw .value(
      "Sequential model \(name) cannot be built because it has no layers. Call `model.add(layer)`."
    )
  }

  /// Keras 3 builds a Sequential model's functional graph only once it has a layer besides its
  /// `Input`: until then it has no input or output shape, and `count_params` refuses.
  var holdsOnlyItsInput: Bool {
    kind == .sequential && graph == nil && stack.isEmpty && kerasVersion == .keras3
  }
  /// The class name of a layer subclass whose `call` this functional graph is (`ConvBNReLU`): what
  /// Keras shows for the layer; nil for models.
  public var subclassName: String?
  /// tf-keras' op names of the outputs of the custom layer's or subclassed model's `call` traced
  /// into this graph (`mul_1`: `call` ran its TensorFlow ops in a scratch graph), one per output,
  /// nil where ConvBook does not know it; nil for other graphs.
  public var tracedOutputOperations: [String?]?
  /// Keras' class name: `Sequential`, or `Functional` for what `keras.Model(inputs, outputs)` returns.
  public var className: String {
    subclassName ?? (kind == .sequential ? "Sequential" : "Functional")
  }

  /// `model.input_shape`.
  public var inputShape: TensorShape? { holdsOnlyItsInput ? nil : inputLayer?.batchInputShape }

  /// `model.output_shape`.
  public var outputShape: TensorShape? { holdsOnlyItsInput ? nil : nextLayerInputShape }

  /// The shape a layer added next is called on: the last layer's output, or the input's while
  /// there is no layer (whether or not Keras counts that model as built).
  public var nextLayerInputShape: TensorShape? {
    if inputLayer == nil, keras3FirstModelInput != nil, let first = stack.first?.model {
      // Adding the next layer builds the model (`keras3FirstModelInput`) on the first's output.
      return first.outputShape
    }
    guard let inputLayer, failedFrom == nil else { return nil }
    if let graph { return graph.outputs[0].shape }
    guard let last = stack.last else { return inputLayer.batchInputShape }
    // A nested model run on a shape that fits its own input (sizes it leaves unknown) reports
    // its own output shape, but the next layer gets what the call returned.
    if last.model != nil, let called = last.nodeOutputShapes.last { return called }
    return last.outputShape
  }

  /// The layer whose output is the model's output (the input layer of a model without layers).
  public var outputLayerName: String? {
    guard let inputLayer else { return nil }
    if let graph { return graph.outputs[0].producer.name }
    return stack.last?.name ?? inputLayer.name
  }

  /// `keras.Model(inputs=input, outputs=output)` for a chain of layers from `input` to `output`, each
  /// called on the previous one's output. Keras' own refusals: a chain that starts at another input
  /// ("Graph disconnected") and layer names used twice.
  public static func functional(name: String, input: KerasTensor, output: KerasTensor)
    throws(KerasError)
    -> KerasModel
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
    var uses: [String: Int] = [:]
    for layerName in names { uses[layerName, default: 0] += 1 }
    if let layerName = names.first(where: { uses[$0]! > 1 }) {
      throw .value(
        "The name \"\(layerName)\" is used \(uses[layerName]!) times in the model. All layer names should be unique."
      )
    }
    var totals = try inputTotals(input.shape, owner: input.producer.name)
    for (index, tensor) in tensors.dropFirst().enumerated() {
      totals = try adding(tensor.producer, to: totals, model: name, layerIndex: index + 1)
    }
    return KerasModel(name: name, tensors: tensors, totals: totals)
  }

  /// Keras 3's `model.name = new`: the model's own name (its summary's title, `model.name`);
  /// false, leaving it as it was, for a model already called as a layer of another, whose node
  /// keeps the name it was called with.
  public func rename(_ newName: String) -> Bool {
    guard calledAsLayer == nil else { return false }
    name = newName
    return true
  }

  /// Whether the model was built from an `Input` when it was made (a functional model, a
  /// Sequential model given `keras.Input(...)`), not on the shape of its first call.
  public var startsFromInput: Bool { kind == .functional || givenInput != nil }

  /// tf-keras: a Sequential model without layers or an `Input`, which a call passes its data
  /// through unchanged without building a graph: it has no `output_shape` (its summary row
  /// reads `multiple`).
  public var passesCallsThrough: Bool {
    kind == .sequential && graph == nil && stack.isEmpty && givenInput == nil
      && kerasVersion != .keras3
  }

  /// The symbolic tensor the next added layer is called on: the chain's last tensor, or the input
  /// alone of a Keras 3 model that holds nothing else yet.
  public var symbolicOutput: KerasTensor? {
    if let last = tensors?.last { return last }
    guard holdsOnlyItsInput, let inputLayer else { return nil }
    return givenInput ?? KerasTensor(input: inputLayer)
  }

  /// `model.add(keras.Input(...))`: the tensor's input layer becomes the model's.
  public func add(input tensor: KerasTensor) throws(KerasError) {
    try addLayer(tensor.producer)
    givenInput = tensor
    cachedTensors = nil
    _ = tensors
  }

  /// `model.add(layer)`. On failure the model is left as it was, as in tf-keras; Keras 3 keeps the
  /// layer and the model becomes unbuilt (`failedFrom`), and every later `add` fails the same way.
  public func add(_ instance: LayerInstance) throws(KerasError) {
    let calls = instance.nodeCount
    try addLayer(instance)
    if keepsFailingLayers {
      // Keras 3 calls the layer when it rebuilds the model (`noteRebuilt`).
      if instance.nodeCount > calls { callsSinceRebuild.insert(ObjectIdentifier(instance)) }
      return
    }
    // tf-keras calls the layer on the model's output tensor: its tensor exists from now on.
    _ = tensors
  }

  private func addLayer(_ instance: LayerInstance) throws(KerasError) {
    if let failedFrom, let inputLayer {
      // Keras 3 rebuilds the whole model, which fails again at the same layer.
      let before = failedFrom == 0 ? inputLayer.batchInputShape : stack[failedFrom - 1].outputShape
      append(instance, totals: totals)
      if let before {
        do {
          try stack[failedFrom].call(on: before)
        } catch var error {
          error.layerIndex = failedFrom
          throw error
        }
      }
      return
    }
    if inputLayer == nil, let declared = keras3FirstModelInput {
      // The second layer: Keras 3 builds the model from its first layer's input shape.
      keras3FirstModelInput = nil
      try build(batchInputShape: declared)
    }
    if let input = instance.layer as? InputLayer {
      guard stack.isEmpty && inputLayer == nil else {
        throw .value(
          "An `InputLayer` can only be the first layer of a Sequential model; this model already has layers."
        )
      }
      totals = try Self.inputTotals(input.batchInputShape, owner: input.name)
      inputLayer = input
      return
    }
    if stack.contains(where: { $0 === instance }) {
      // Both Kerases call the layer again on the chain's output, sharing its weights (tf-keras
      // lists it once, Keras 3 twice).
      throw KerasError(
        nil,
        "ConvBook does not support adding the same layer (\"\(instance.name)\") to a Sequential model twice yet: Keras calls it again on the model's output, sharing its weights",
        layerIndex: stack.count)
    }
    if stackNames.contains(instance.name) {
      throw KerasError(
        "ValueError",
        "All layers added to a Sequential model should have unique names. Name \"\(instance.name)\" is already the name of a layer in this model. Update the `name` argument to pass a unique name.",
        layerIndex: stack.count)
    }
    // tf-keras refuses an empty model as the first layer; Keras 3 keeps it as an unbuilt layer.
    if inputLayer == nil, stack.isEmpty, let nested = instance.model, nested.layers.isEmpty,
      names?.kerasVersion != .keras3
    {
      throw .value("An empty Model cannot be used as a Layer.")
    }
    if let refusal = keras3CallOnMultipleOutputs(instance, layerIndex: stack.count) {
      failedFrom = stack.count
      append(instance, totals: totals)
      throw refusal
    }
    if inputLayer == nil, stack.isEmpty, instance.model == nil,
      let error = instance.layer.common.declaredShapeError
    {
      throw error
    }
    if inputLayer == nil, stack.isEmpty, kerasVersion == .keras3, instance.model != nil,
      let declared = instance.declaredBatchInputShape
    {
      // Keras 3 builds a Sequential model from its first layer's `input_shape` (a model's) only
      // once it holds a second layer (`_maybe_rebuild`): alone, the model stays unbuilt.
      append(instance, totals: totals)
      keras3FirstModelInput = declared
      return
    }
    if inputLayer == nil, stack.isEmpty,
      let declared = instance.declaredBatchInputShape
    {
      // Keras 3 creates (and names) the input layer before it calls the first layer on it.
      let inputName = hiddenInputName(firstLayer: instance.name)
      let tensorName = names?.kerasTensorName()
      if keras3ReturnsMultipleOutputs(instance, on: declared) {
        inputLayer = hiddenInput(name: inputName, shape: declared, tensorName: tensorName)
        append(instance, totals: try Self.inputTotals(declared, owner: inputName))
        return
      }
      let start = try Self.inputTotals(declared, owner: inputName)
      do {
        try instance.call(on: declared)
      } catch var error {
        error.layerIndex = 0
        if keepsFailingLayers {
          inputLayer = hiddenInput(name: inputName, shape: declared, tensorName: tensorName)
          totals = start
          append(instance, totals: start)
          failedFrom = 0
        }
        throw error
      }
      let newTotals = try Self.adding(instance, to: start, model: name, layerIndex: 0)
      noteKeras3Mask(of: instance, input: declared)
      inputLayer = hiddenInput(name: inputName, shape: declared, tensorName: tensorName)
      totals = start
      append(instance, totals: newTotals)
      return
    }
    var newTotals = totals
    if let current = nextLayerInputShape, keras3ReturnsMultipleOutputs(instance, on: current) {
      append(instance, totals: totals)
      return
    }
    if let current = nextLayerInputShape {
      do {
        try instance.call(on: current)
      } catch var error {
        error.layerIndex = stack.count
        keras3SymbolicArguments(&error, of: instance, input: current, layerIndex: stack.count)
        keras3FailedRebuildNames()
        if keepsFailingLayers {
          failedFrom = stack.count
          append(instance, totals: totals)
        }
        throw error
      }
      newTotals = try Self.adding(instance, to: totals, model: name, layerIndex: stack.count)
      noteKeras3Mask(of: instance, input: current)
    }
    append(instance, totals: newTotals)
  }

  /// Keras 3 passes the chain's mask to a layer whose `call` takes one: the layer's input is then
  /// `[x, mask]`. Records that and the mask the layer passes on.
  private func noteKeras3Mask(of instance: LayerInstance, input: TensorShape) {
    guard kerasVersion == .keras3, instance.model == nil else {
      keras3ChainMask = nil
      return
    }
    let incoming = keras3ChainMask
    if let incoming, KerasMask.takesMask(instance.layer), instance.listInputShapes == nil {
      instance.listInputShapes = [input, incoming]
    }
    keras3ChainMask = KerasMask.outputMaskShape(of: instance.layer, input: input, mask: incoming)
  }

  private func append(_ instance: LayerInstance, totals newTotals: LayerCounts) {
    stack.append(instance)
    stackNames.insert(instance.name)
    totalsBefore.append(totals)
    totals = newTotals
  }

  /// `totals` plus the counts of the built `instance`, refused (at `layerIndex`) when a total of
  /// the model overflows.
  private static func adding(
    _ instance: LayerInstance, to totals: LayerCounts, model: String, layerIndex: Int
  ) throws(KerasError) -> LayerCounts {
    do {
      return try totals.adding(instance.counts, owner: model)
    } catch var error {
      error.layerIndex = layerIndex
      throw error
    }
  }

  /// The totals of a model with only its input: the input's bytes per sample, refused when one
  /// sample has more float32 bytes than 64-bit integers count.
  private static func inputTotals(_ shape: TensorShape, owner: String) throws(KerasError)
    -> LayerCounts
  {
    var totals = LayerCounts()
    do {
      totals.activationBytes = try LayerCounts.activationBytes(
        of: shape, owner: owner, quantity: "input size")
    } catch var error {
      error.layerIndex = 0
      throw error
    }
    return totals
  }

  /// Keras 3 runs a built Sequential model through a hidden functional model, made again each time
  /// the model is (re)built (after its constructor, each `add`, `build`), which takes the next
  /// `functional` name of the session. Call after each of these.
  public func noteRebuilt() {
    guard let names, names.kerasVersion == .keras3, isBuilt, !stack.isEmpty else { return }
    rebuildChain(names: names)
    hiddenFunctionalName = names.functionalModelName()
  }

  /// Keras 3's rebuild calls every layer again on the model's input: each layer gets a new node
  /// (`layer.output` stays its first), and the model's tensors are the new ones, named from the
  /// session's `keras_tensor` counter in layer order. The calls `add` and `build` just made are
  /// this rebuild's (`callsSinceRebuild`). A loop of `add`s rebuilds after each one, so the
  /// tensors are not made here: each layer gets its new node's shape (one array append), the
  /// rebuild its first tensor number (`rebuildBases`), and the tensors are made when read — the
  /// last rebuild's chain by `tensors`, a new layer's first node (`layer.output`) by its
  /// `pendingNodes` — so such a loop makes O(layers) objects, not O(layers²).
  private func rebuildChain(names: NameScope) {
    guard inputLayer != nil else {
      names.skipKerasTensorNames(stack.count)
      return
    }
    let rebuild = rebuildBases.count
    if let nested = nestedBuildNames {
      // `build` already took the nested models' names and the chain's before them.
      nestedBuildNames = nil
      let taken = nested.taken.values.reduce(0, +)
      rebuildBases.append(names.kerasTensorCount - nested.reserved - taken)
      rebuildNestedNames[rebuild] = nested.taken
      names.skipKerasTensorNames(
        stack.count + keras3MaskTensors(names: names) - nested.reserved)
    } else {
      rebuildBases.append(names.kerasTensorCount)
      names.skipKerasTensorNames(stack.count + keras3MaskTensors(names: names))
    }
    // The layers `add` or `build` just called: that call is their node of this rebuild.
    var newLayers: [(position: Int, instance: LayerInstance)] = []
    var position = stack.count - 1
    while newLayers.count < callsSinceRebuild.count, position >= 0 {
      let instance = stack[position]
      if callsSinceRebuild.contains(ObjectIdentifier(instance)) {
        newLayers.append((position, instance))
        instance.leaveRebuilds(of: rebuildClock)
      }
      position -= 1
    }
    // Every other layer is called again on the shapes of its previous call.
    rebuildClock.tick()
    for instance in unclockedLayers.values { instance.repeatLastCall() }
    for (position, instance) in newLayers {
      let key = ObjectIdentifier(instance)
      if instance.followRebuilds(of: rebuildClock) {
        unclockedLayers[key] = nil
      } else {
        unclockedLayers[key] = instance
      }
      let node = instance.nodeCount - 1
      rebuildNodes[key] = (rebuild: rebuild, node: node)
      instance.pendingNodes[node] = { [weak self, weak instance] in
        guard let self, let instance, position < self.stack.count,
          self.stack[position] === instance
        else { return }
        _ = self.chainTensors(rebuild: rebuild, through: position)
      }
    }
    callsSinceRebuild.removeAll()
    chainInput = chainInput ?? cachedTensors?.first ?? givenInput
    cachedTensors = nil
  }

  /// The tensors of rebuild `rebuild` for the layers `0...position` of the stack (after the input),
  /// made where they were not yet: layer j's node in that rebuild is the node it joined with plus
  /// the rebuilds since, its name `keras_tensor_<base + j>`.
  private func chainTensors(rebuild: Int, through position: Int) -> [KerasTensor] {
    guard let inputLayer, position >= 0 else { return [] }
    let input = chainInput ?? KerasTensor(input: inputLayer)
    chainInput = input
    var chain = [input]
    // The mask operations of the layers before (`not_equal` after a masking Embedding) take
    // their tensors' numbers in between.
    var maskTensors = 0
    var nestedTensors = 0
    let nestedNames = rebuildNestedNames[rebuild] ?? [:]
    for (index, instance) in stack[...position].enumerated() {
      defer { maskTensors += KerasMask.operations(of: instance.layer).count }
      nestedTensors += nestedNames[index] ?? 0
      guard let joined = rebuildNodes[ObjectIdentifier(instance)], joined.rebuild <= rebuild else {
        break
      }
      let node = joined.node + (rebuild - joined.rebuild)
      guard node < instance.nodeCount else { break }
      if let made = instance.madeOutputTensor(node: node) {
        chain.append(made)
        continue
      }
      instance.pendingNodes[node] = nil
      chain.append(
        KerasTensor(
          shape: instance.nodeOutputShapes[node], producer: instance,
          inputs: [chain[chain.count - 1]], nodeIndex: node,
          keras3Name: NameScope.kerasTensorName(
            number: rebuildBases[rebuild] + chain.count - 1 + maskTensors + nestedTensors)))
    }
    return chain
  }

  /// `model.build(input_shape)` for a model whose layers were added without an input shape.
  public func build(batchInputShape: TensorShape) throws(KerasError) {
    try requireKeras3Layers()
    guard !isBuilt, !holdsOnlyItsInput else { return }
    cachedTensors = nil
    let inputName = hiddenInputName(firstLayer: stack.first?.name ?? name)
    let tensorName = names?.kerasTensorName()
    var shape = batchInputShape
    var newTotals = try Self.inputTotals(batchInputShape, owner: inputName)
    var before: [LayerCounts] = []
    // Keras 3 calls the layers on its tensors in order: a nested model built by its call names
    // its own tensors after the chain's tensors before it (`nestedBuildNames`).
    let keras3Names = kind == .sequential && kerasVersion == .keras3 ? names : nil
    var reserved = 0
    var taken: [Int: Int] = [:]
    var maskTensors = 0
    for (index, instance) in stack.enumerated() {
      let buildsNested = keras3Names != nil && instance.model.map { !$0.isBuilt } ?? false
      if let keras3Names, buildsNested {
        let pending = index + maskTensors - reserved
        keras3Names.skipKerasTensorNames(pending)
        reserved += pending
      }
      let count = keras3Names?.kerasTensorCount ?? 0
      defer {
        if let keras3Names, buildsNested { taken[index] = keras3Names.kerasTensorCount - count }
        if instance.model == nil { maskTensors += KerasMask.operations(of: instance.layer).count }
      }
      do {
        shape = try instance.call(on: shape)
      } catch var error {
        error.layerIndex = index
        throw error
      }
      before.append(newTotals)
      newTotals = try Self.adding(instance, to: newTotals, model: name, layerIndex: index)
    }
    totals = newTotals
    totalsBefore = before
    if !taken.isEmpty { nestedBuildNames = (reserved, taken) }
    inputLayer = hiddenInput(name: inputName, shape: batchInputShape, tensorName: tensorName)
    cachedTensors = nil
    if keepsFailingLayers {
      callsSinceRebuild = Set(stack.map(ObjectIdentifier.init))
      return
    }
    _ = tensors
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
    return totals.parameters
  }

  /// `model.weights`: each layer's `weights` in layer order (so, unlike a layer's own list, not all
  /// trainable weights first).
  public var variables: [WeightVariable] { unique(stack.flatMap(\.variables)) }
  /// A frozen model has no trainable weights, whatever its layers' flags (both Kerases); otherwise
  /// Keras 3 counts each variable's own flag.
  public var trainableVariables: [WeightVariable] {
    guard trainable else { return [] }
    if usesKeras3Trainable {
      return unique(stack.flatMap(\.flaggedVariables).filter(\.trainable))
    }
    return unique(stack.flatMap(\.trainableVariables))
  }
  public var nonTrainableVariables: [WeightVariable] {
    guard trainable else { return variables }
    if usesKeras3Trainable {
      return unique(stack.flatMap(\.flaggedVariables).filter { !$0.trainable })
    }
    return unique(stack.flatMap(\.nonTrainableVariables))
  }

  /// Each variable once: a layer used inside a nested model and in this model too
  /// (`RepeatedWeights`) shows its variables in both places, which Keras lists once.
  private func unique(_ variables: [WeightVariable]) -> [WeightVariable] {
    guard graph != nil, !RepeatedWeights.repeated(in: stack).isEmpty else { return variables }
    var seen: Set<String> = []
    return variables.filter { seen.insert($0.name).inserted }
  }

  /// The Keras 3 layers that are built when made: their `__init__` calls `_build_at_init()`
  /// (pooling, activations, the dropouts and noises, SpatialDropout through Dropout, a few others
  /// without state) or sets `built` (Reshape, InputLayer). `layer.built` is True before any call,
  /// and an unbuilt model's summary shows them with `0`; every other layer there is `0 (unbuilt)`.
  public static let builtAtConstruction: Set<String> = [
    "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "AveragePooling1D", "AveragePooling2D",
    "AveragePooling3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
    "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D", "ReLU",
    "LeakyReLU", "ELU", "Softmax", "Activation", "Dropout", "AlphaDropout", "GaussianDropout",
    "GaussianNoise", "ActivityRegularization", "SpatialDropout1D", "SpatialDropout2D",
    "SpatialDropout3D", "Identity", "Masking", "UnitNormalization", "Reshape", "InputLayer",
  ]

  /// What Keras 3's `summary()` lists for a model that was never built: every layer without shapes
  /// (an empty shape) or weights, marked unbuilt unless Keras 3 builds it in its constructor.
  public func unbuiltSummary() -> ModelSummary {
    let rows = stack.enumerated().map { index, instance in
      // Layers called before a failing `add` keep their shapes and weights.
      if inputLayer != nil, index < (failedFrom ?? stack.count),
        let input = instance.inputShape, let output = instance.outputShape
      {
        return ModelSummary.Row(
          name: instance.name, className: instance.className, inputShape: input,
          outputShape: output, weights: instance.weights,
          multiplyAccumulates: instance.multiplyAccumulates)
      }
      // A built model (Keras 3 keeps `Sequential([model])` unbuilt) shows its own shapes and weights.
      if let model = instance.model, model.isBuilt, let input = model.inputShape,
        let output = model.outputShape
      {
        return ModelSummary.Row(
          name: instance.name, className: instance.className, inputShape: input,
          outputShape: output, weights: instance.weights,
          multiplyAccumulates: instance.multiplyAccumulates)
      }
      return ModelSummary.Row(
        name: instance.name, className: instance.className, inputShape: TensorShape([]),
        outputShape: TensorShape([]), weights: [], multiplyAccumulates: 0,
        isBuilt: Self.builtAtConstruction.contains(instance.className))
    }
    return ModelSummary(name: name, inputLayerName: "", inputShape: TensorShape([]), rows: rows)
  }

  public func summary() throws(KerasError) -> ModelSummary {
    guard let inputLayer else {
      throw .value(
        "This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data."
      )
    }
    if let graph { return frozen(graphSummary(graph)) }
    var rows: [ModelSummary.Row] = []
    if kind == .functional {
      rows.append(
        ModelSummary.Row(
          name: inputLayer.name, className: inputLayer.className,
          inputShape: inputLayer.batchInputShape,
          outputShape: inputLayer.batchInputShape, weights: [], multiplyAccumulates: 0,
          isInputLayer: true))
    }
    if kind == .functional, let inputInstance { rows[0].trainable = inputInstance.trainable }
    for instance in stack {
      guard let input = instance.inputShape, let output = instance.outputShape else { continue }
      var row = ModelSummary.Row(
        name: instance.name, className: instance.className, inputShape: input,
        outputShape: output,
        weights: instance.weights,
        multiplyAccumulates: instance.multiplyAccumulates)
      row.describeLayer(instance)
      rows.append(row)
    }
    return frozen(
      ModelSummary(
        name: name, inputLayerName: inputLayer.name, inputShape: inputLayer.batchInputShape,
        rows: rows))
  }

  /// A frozen model's summary counts all its weights as non-trainable, whatever the flags of its
  /// layers (a layer made trainable again inside it keeps its own flag).
  private func frozen(_ summary: ModelSummary) -> ModelSummary {
    guard !trainable else { return summary }
    var summary = summary
    for index in summary.rows.indices {
      for weight in summary.rows[index].weights.indices {
        summary.rows[index].weights[weight].trainable = false
      }
    }
    return summary
  }
}

extension KerasModel {
  /// The layers with every nested model replaced by its own layers (after its input layer), in
  /// order: the layers a forward pass runs, whose weights `model.weights` lists.
  public var flattenedLayers: [LayerInstance] {
    layers.flatMap { instance -> [LayerInstance] in
      guard let nested = instance.model else { return [instance] }
      return nested.flattenedLayers.filter { !$0.isInputLayer }
    }
  }

  /// Why TensorFlow cannot run this model on data on the CPU: its first layer whose kernel refuses
  /// the channels_first layout (`LayoutLayer.channelsFirstFailsOnCPU`), as ConvBook's limitation
  /// (TensorFlow's error names the traced graph's node); nil when every layer runs.
  public var channelsFirstCPURefusal: String? {
    let keras3 = kerasVersion == .keras3
    for instance in flattenedLayers {
      guard let layout = instance.layer as? any LayoutLayer, layout.dataFormat == .channelsFirst,
        layout.channelsFirstFailsOnCPU(keras3: keras3)
      else { continue }
      return
        "ConvBook does not run the model \"\(name)\" on data: TensorFlow's CPU kernel for its layer \"\(instance.name)\" (\(instance.className), data_format=\"channels_first\") takes channels_last only, and fails in words that name the traced graph's node, which ConvBook does not reproduce"
    }
    return nil
  }

  /// Whether `other` is this model or is nested in it, at any depth.
  public func contains(_ other: KerasModel) -> Bool {
    other === self || layers.contains { $0.model?.contains(other) ?? false }
  }

  /// `model.trainable = flag`: Keras sets the flag of the model and of every layer inside it.
  public func setTrainable(_ flag: Bool) {
    // Keras 3 (TensorFlow backend) ignores setting the value the model already has, so the layers
    // inside keep their own flags (one made trainable again inside a frozen model stays so).
    if usesKeras3Trainable && trainable == flag { return }
    trainable = flag
    // A Sequential model's input layer (from `input_shape=`, `keras.Input` or `build`) is one of
    // its layers to Keras, though `model.layers` leaves it out: a model made on `model.input`
    // lists it with the same flag.
    if kind != .functional, let input = tensors?.first { input.producer.trainable = flag }
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
    guard !stack.isEmpty else {
      // Keras 3 pops its tracked layer list, which indexes past its end.
      throw kerasVersion == .keras3
        ? KerasError("IndexError", "list index out of range")
        : .typeError("There are no layers in the model.")
    }
    let removed = stack.removeLast()
    removed.leaveRebuilds(of: rebuildClock)
    unclockedLayers[ObjectIdentifier(removed)] = nil
    stackNames.remove(removed.name)
    totals = totalsBefore.popLast() ?? LayerCounts()
    // Keras 3 rebuilds the model, which succeeds once the failing layer is gone.
    if let failedFrom, stack.count <= failedFrom { self.failedFrom = nil }
    if let chain = cachedTensors, chain.count > stack.count + 1 {
      cachedTensors = Array(chain.prefix(stack.count + 1))
    }
  }
}
