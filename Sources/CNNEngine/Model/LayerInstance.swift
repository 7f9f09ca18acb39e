/// A layer object as Python sees it: one identity that models share, plus the shapes it was built
/// with once a model with a known input has called it.
public final class LayerInstance {
  /// Replaced only when code changes a setting Keras lets it change (`LayerInstance+Settings`).
  public internal(set) var layer: any Layer
  /// The model this instance stands for when a model is a layer of another model (its `layer` is
  /// then a `NestedModel`); nil for other layers.
  public let model: KerasModel?
  public internal(set) var inputShape: TensorShape? {
    didSet {
      if oldValue == nil, inputShape != nil, let action = whenFirstBuilt {
        whenFirstBuilt = nil
        action(self)
      }
    }
  }
  /// Runs once, when the layer is first built: tf-keras' initializers draw their seeds then, in
  /// the order layers are built, not made (`TensorFlowSeeds` in KerasCells).
  public var whenFirstBuilt: ((LayerInstance) -> Void)?
  public internal(set) var outputShape: TensorShape?
  /// The output shape of each call (Keras' inbound nodes), in call order; see `LayerInstance+Graph`.
  var nodeOutputShapes = NodeShapes()
  /// The tensors of the calls that made one, by node index; see `LayerInstance+Nodes`.
  var nodeRecords: [Int: NodeRecord] = [:]
  /// Calls whose tensors are made when first read (Keras 3's rebuilds of a Sequential model, see
  /// `KerasModel.rebuildChain`), by node index: each makes and registers the node's tensors.
  var pendingNodes: [Int: () -> Void] = [:]
  /// A merge layer's input shapes (its first call's list), which Keras reports as `input_shape`.
  public internal(set) var listInputShapes: [TensorShape]?
  /// A multi-input layer's first call's input shapes, which attention layers size weights from.
  public internal(set) var callInputShapes: [TensorShape]?
  /// An attention layer's `use_causal_mask`, the same for all its calls (see `noteCausalMask`).
  public private(set) var usesCausalMask: Bool?
  /// A `MultiHeadAttention`'s `return_attention_scores`, the same for all its calls.
  public private(set) var returnsAttentionScores: Bool?
  /// The shapes of the outputs of a layer whose first call returned several tensors (Keras'
  /// `output_shape` is then their list); nil for layers that return one.
  public internal(set) var outputShapeList: [TensorShape]?

  /// Records a `MultiHeadAttention` call's `return_attention_scores`; ConvBook keeps one setting
  /// per layer.
  public func noteAttentionScores(_ flag: Bool) throws(KerasError) {
    if let returnsAttentionScores, returnsAttentionScores != flag {
      throw .limitation(
        "ConvBook does not support calling the layer \"\(name)\" both with and without return_attention_scores yet"
      )
    }
    returnsAttentionScores = flag
  }

  /// A `MultiHeadAttention` called with `attention_mask=`: where the mask is among the tensors
  /// of each call (Keras' order: after query, value and a positional key, before a key given by
  /// keyword in Keras 3), the same for all its calls (see `noteAttentionMask`); -1 without one.
  public private(set) var attentionMaskPosition: Int?

  /// Records where a `MultiHeadAttention` call passes `attention_mask=` (nil: none); ConvBook
  /// keeps one setting per layer.
  public func noteAttentionMask(at position: Int?) throws(KerasError) {
    let given = position ?? -1
    if let attentionMaskPosition, attentionMaskPosition != given {
      throw .limitation(
        "ConvBook does not support calling the layer \"\(name)\" with attention_mask= in some calls and not in others (or at other places) yet"
      )
    }
    attentionMaskPosition = given
  }

  /// An `Attention`/`AdditiveAttention` called with `mask=[query_mask, value_mask]`: where each
  /// given mask is among the tensors of each call (after the query, value and key; nil for a
  /// `None` entry), the same for all its calls (see `noteCallMasks`); empty without `mask=`.
  public private(set) var callMaskPositions: [Int?]?

  /// Records the `mask=` positions of an `Attention` call; ConvBook keeps one setting per layer.
  public func noteCallMasks(_ positions: [Int?]) throws(KerasError) {
    if let callMaskPositions, callMaskPositions != positions {
      throw .limitation(
        "ConvBook does not support calling the layer \"\(name)\" with mask= in some calls and not in others (or with other masks) yet"
      )
    }
    callMaskPositions = positions
  }

  /// The tensors of a call that the layer computes on: all but its masks (`attention_mask`,
  /// `mask=[...]`).
  public func layerInputs<T>(_ inputs: [T]) -> [T] {
    var masks = (callMaskPositions ?? []).compactMap { $0 }
    if let position = attentionMaskPosition, position >= 0 { masks.append(position) }
    guard !masks.isEmpty else { return inputs }
    return inputs.enumerated().filter { !masks.contains($0.offset) }.map(\.element)
  }

  /// The call's `attention_mask` among its tensors, if it has one.
  public func attentionMask<T>(in inputs: [T]) -> T? {
    guard let position = attentionMaskPosition, position >= 0, position < inputs.count else {
      return nil
    }
    return inputs[position]
  }

  /// Records an attention layer call's `use_causal_mask`; ConvBook keeps one setting per layer.
  public func noteCausalMask(_ flag: Bool) throws(KerasError) {
    if let usesCausalMask, usesCausalMask != flag {
      throw .limitation(
        "ConvBook does not support calling the layer \"\(name)\" both with and without use_causal_mask yet"
      )
    }
    usesCausalMask = flag
  }
  /// The checked counts of the layer as built (zero until then).
  var ownCounts = LayerCounts()
  private var ownTrainable: Bool
  /// `layer.trainable`, which a cell may change after construction; frozen weights count as
  /// non-trainable. A nested model's flag is the model's own.
  public var trainable: Bool {
    get { model?.trainable ?? ownTrainable }
    set {
      if let model { model.trainable = newValue } else { ownTrainable = newValue }
    }
  }

  public init(_ layer: any Layer) {
    self.layer = layer
    model = nil
    ownTrainable = layer.common.trainable
    GraphMemory.add(GraphMemory.layerBytes)
  }

  /// A model used as a layer of another model; shapes are those of the model once it is built.
  public init(model: KerasModel) {
    layer = NestedModel(model)
    self.model = model
    ownTrainable = true
    inputShape = model.inputShape
    outputShape = model.outputShape
    GraphMemory.add(GraphMemory.layerBytes)
  }

  /// The batch input shape a Sequential model takes from this layer when it is added first: the
  /// declared one, or for a model the one of its first layer, the deepest one of nested models
  /// (Keras' `get_input_shape_and_dtype`; a Sequential model's `layers` omit its input layer).
  /// Keras 3 takes a nested model's `input_shape`, which only a built model has.
  var declaredBatchInputShape: TensorShape? {
    guard let model else {
      return (layer as? InputLayer)?.batchInputShape ?? layer.common.declaredBatchInputShape
    }
    if model.kerasVersion == .keras3 { return model.isBuilt ? model.inputShape : nil }
    return model.layers.first?.declaredBatchInputShape
  }

  public var name: String { assignedName ?? layer.name }
  /// tf-keras' `layer._name = "new"` (its `name` property reads `_name`): the name the layer shows
  /// from then on, in summaries, in the nodes that name it and in the check for unique names.
  public private(set) var assignedName: String?
  /// The name the layer's weights were made with when it was renamed after they were: tf-keras
  /// keeps their names (`dense_1/kernel:0` of a layer renamed `late`), and ConvBook their values.
  private var nameOfBuiltWeights: String?

  /// tf-keras' `layer._name = newName`.
  public func rename(_ newName: String) {
    if isBuilt, nameOfBuiltWeights == nil { nameOfBuiltWeights = name }
    assignedName = newName
  }
  /// The name scopes the layer's weights were made in, where it was first built inside custom
  /// layers' calls (`outer/inner`; nil at the top level): Keras names those weights
  /// `outer/inner/conv2d/kernel:0`. Weight values are stored under `weightsName`, so a layer that
  /// tf-keras' scratch graph names `conv2d` again keeps weights of its own.
  public var weightScope: String?
  /// The layer's name as its weights are stored and named: `outer/conv2d`, or its name.
  public var weightsName: String {
    let own = nameOfBuiltWeights ?? name
    return weightScope.map { "\($0)/\(own)" } ?? own
  }
  /// The Python class of a subclass of a built-in layer (`class MCDropout(keras.layers.Dropout)`):
  /// the layer is the built-in one, named and classed as the subclass.
  public var subclassName: String?
  public var className: String { subclassName ?? layer.className }
  public var isBuilt: Bool { inputShape != nil }
  /// The first values of weights whose initializer is the script's own (a subclass of Keras'
  /// `Initializer`, called by the interpreter when the layer was built), by weight name
  /// (`kernel`): the forward pass starts from them instead of drawing.
  public var initialValues: [String: Tensor] = [:]
  /// The seeds Keras' initializers of this layer draw with, by the weight name's last part
  /// (`kernel`, `recurrent_kernel` of `lstm_cell/recurrent_kernel`), where they are known
  /// (`keras.utils.set_random_seed`, an initializer's `seed=`): the weights then start from
  /// TensorFlow's own values (`WeightInitializer.tensorflowTensor`).
  public var tensorflowSeeds: [String: UInt64] = [:]

  /// Keras 3's `SeedGenerator` of a layer that draws in training (`Dropout`), when its seed is
  /// known (`keras.utils.set_random_seed`, `seed=`): training then draws TensorFlow's masks.
  public var seedGenerator: KerasSeedGenerator?

  /// The seed of the weight `spec`, if known.
  public func tensorflowSeed(of spec: WeightSpec) -> UInt64? {
    guard !tensorflowSeeds.isEmpty else { return nil }
    return tensorflowSeeds[String(spec.name.split(separator: "/").last ?? "")]
  }

  /// The weights this layer created; empty until it is built.
  public var weights: [WeightSpec] {
    if let model {
      // Keras 3 keeps a flag per variable: a frozen model's weights are the flags its layers have
      // (`KerasModel.setTrainable`); tf-keras freezes every weight of a frozen model.
      if model.usesKeras3Trainable { return model.layers.flatMap(\.weights) }
      return model.layers.flatMap(\.weights).map { spec in
        var spec = spec
        if !trainable { spec.trainable = false }
        return spec
      }
    }
    guard let inputShape else { return [] }
    let specs =
      callInputShapes.flatMap { (layer as? any MultiInputLayer)?.weights(forInputs: $0) }
      ?? layer.weights(for: inputShape)
    return specs.map { spec in
      var spec = spec
      if !trainable { spec.trainable = false }
      spec.bytesPerValue = weightBytes(of: layer, spec: spec)
      return spec
    }
  }

  /// `layer.weights`: trainable weights first, then the others, each group in creation order.
  /// A nested model's are its own `weights`: its layers' in layer order.
  public var variables: [WeightVariable] {
    guard let model else { return trainableVariables + nonTrainableVariables }
    let traced = model.layers.flatMap(\.variables).map { variable in
      var variable = variable
      if !trainable { variable.spec.trainable = false }
      return variable
    }
    return weightOrder?.ordered(traced) ?? traced
  }

  /// Keras' order of a custom layer's weights, which is not its traced graph's: set by whoever
  /// traced it (nil: the graph's order).
  public var weightOrder: CustomLayerWeightOrder?
  /// The variables with the flags the outer model counts: a nested Keras 3 model's are its layers'
  /// own (not masked by its flag, see `weights`); otherwise `variables`.
  public var flaggedVariables: [WeightVariable] {
    guard let model, model.usesKeras3Trainable else { return variables }
    return model.layers.flatMap(\.flaggedVariables)
  }
  public var trainableVariables: [WeightVariable] {
    guard model == nil else { return variables.filter(\.trainable) }
    return weights.filter(\.trainable).map {
      WeightVariable(layerName: weightsName, spec: $0, scope: variableScope, owner: self)
    }
  }
  public var nonTrainableVariables: [WeightVariable] {
    guard model == nil else { return variables.filter { !$0.trainable } }
    return weights.filter { !$0.trainable }.map {
      WeightVariable(layerName: weightsName, spec: $0, scope: variableScope, owner: self)
    }
  }
  /// The name scope Keras shows for the layer's variables where it is not the layer's name: a
  /// custom layer's for the weight node its `add_weight` made, or `builtInScope`.
  private var variableScope: String? { (layer as? CustomWeight)?.scope ?? builtInScope }
  /// tf-keras' name scope of the weights of a layer that a custom layer's `build` built by
  /// calling its `build(input_shape)` directly, which opens no scope of the layer's own: its
  /// weights are `res/kernel:0`, not `res/conv1d/kernel:0` (they are still stored under
  /// `weightsName`, as two such layers' `res/kernel:0` are two variables).
  public var builtInScope: String?

  /// Parameters, multiply-accumulates and sizes once built, checked (a nested model's: the totals
  /// of its layers).
  public var counts: LayerCounts { model?.totals ?? ownCounts }

  /// Multiply-accumulates of one sample once built (a nested model's: its layers').
  public var multiplyAccumulates: Int { counts.multiplyAccumulates }

  /// Whether this is an input layer, whose shapes Keras reports as one-element lists.
  public var isInputLayer: Bool { layer is InputLayer }

  public var parameterCount: Int { counts.parameters }
  public var trainableParameterCount: Int {
    guard trainable else { return 0 }
    return weights.filter(\.trainable).reduce(0) { $0 + $1.count }
  }

  /// `layer.count_params()`, which Keras refuses before the layer is built.
  public func countParams() throws(KerasError) -> Int {
    if let model { return try model.countParams() }
    guard isBuilt else {
      throw .value(
        "You tried to call `count_params` on layer \(name), but the layer isn't built. You can build it manually via: `\(name).build(batch_input_shape)`."
      )
    }
    return parameterCount
  }

  /// Runs the layer on a symbolic input of `shape`, as calling it inside a model does.
  @discardableResult
  func call(on shape: TensorShape) throws(KerasError) -> TensorShape {
    if let model {
      if !model.isBuilt {
        try model.build(batchInputShape: shape)
        // Keras 3's `Sequential.build` makes its hidden functional model, which takes the next
        // `functional` name, after the nested models its layer calls built took theirs.
        model.noteRebuilt()
      } else if model.inputShape != shape {
        // Where the shape fits the model's (sizes it leaves unknown), Keras runs the built layers
        // on it while the model keeps reporting its own shapes (tf-keras' row; Keras 3's row
        // shows what the call returned: `describeLayer`).
        if let replayed = try model.replayedOutputShape(on: shape) {
          inputShape = model.inputShape
          outputShape = model.outputShape
          nodeOutputShapes.append(replayed)
          return replayed
        }
        // Otherwise Keras' own error, or the shape Keras 3 infers without checking weights.
        let output = try model.incompatibleCall(on: [shape])[0]
        inputShape = model.inputShape
        outputShape = model.outputShape
        nodeOutputShapes.append(output)
        return output
      }
      inputShape = model.inputShape
      outputShape = model.outputShape
      nodeOutputShapes.append(model.outputShape ?? shape)
      return model.outputShape ?? shape
    }
    if let multi = layer as? any MultiOutputLayer,
      try multi.outputShapes(for: shape, states: []).count > 1
    {
      // tf-keras' `Sequential.add` (SINGLE_LAYER_OUTPUT_ERROR_MSG).
      throw .value(
        "All layers in a Sequential model should have a single output tensor. For multi-output layers, use the functional API."
      )
    }
    if isBuilt, let built = inputShape, layer.weights(for: shape) != layer.weights(for: built) {
      // A built layer taken into another model keeps its weights: on inputs they do not fit,
      // Keras 3's input spec raises; tf-keras runs its ops on them: TensorFlow's shape check
      // of the first one fails (`tfKerasOperationError`), or ConvBook does not model the call.
      if layer.common.kerasVersion == .keras3 {
        try KerasModel.checkInputSpec(self, input: shape, keras3: true)
      }
      if let error = tfKerasOperationError(built: built, given: shape) { throw error }
      throw rebuildRefusal(built: built, given: shape)
    }
    let output = try layer.outputShape(for: shape)
    ownCounts = try LayerCounts.measure(layer, input: shape, output: output)
    inputShape = shape
    outputShape = output
    nodeOutputShapes.append(output)
    return output
  }

  /// Records the shapes of a layer that is built without being called: an input layer.
  func markBuilt(input: TensorShape, output: TensorShape) {
    inputShape = input
    outputShape = output
    nodeOutputShapes.append(output)
  }

  /// `layer.output_shape`, which Keras refuses for a layer never called.
  public func requireOutputShape() throws(KerasError) -> TensorShape {
    guard let outputShape else {
      throw .attribute(
        "The layer \"\(name)\" has never been called and thus has no defined output shape.")
    }
    return outputShape
  }

  /// `layer.input_shape`, which Keras refuses for a layer never called.
  public func requireInputShape() throws(KerasError) -> TensorShape {
    guard let inputShape else {
      throw .attribute(
        "The layer \"\(name)\" has never been called and thus has no defined input shape. Note that the `input_shape` property is only available for Functional and Sequential models."
      )
    }
    return inputShape
  }
}
