import CNNEngine

/// Which weights hold exactly the values Keras would hold in the same script, so that printing
/// one (`print(layer.kernel)`, `print(model.variables)`) can show them: those first drawn by an
/// initializer without randomness (zeros, ones, constant, identity) or from the seed Keras gives
/// it (`TensorFlowSeeds`), and those set since from values that are known themselves
/// (`set_weights`, `assign`). Unseeded random weights differ from run to run in Keras and are
/// ConvBook's own here; so is everything `fit` or a `GradientTape` step trains (ConvBook's
/// shuffling and dropout, and gradient sums in an order other than TensorFlow's) or a file loads.
extension CellTraining {
  /// The layer that holds the weight `name` of `instance`: the layer itself, or for a custom
  /// layer's traced graph or a model used as a layer, the inner layer that has it (nil if none).
  private func holder(of name: String, in instance: LayerInstance) -> LayerInstance? {
    guard let model = instance.model else { return instance }
    guard
      let inner = model.flattenedLayers.first(where: { layer in
        layer !== instance && layer.variables.contains { $0.name == name }
      })
    else { return nil }
    return holder(of: name, in: inner)
  }

  /// Whether the weight `name` (ConvBook's name, `dense/kernel:0`) of `instance` holds Keras'
  /// values.
  func knownValues(of name: String, in instance: LayerInstance) -> Bool {
    guard let instance = holder(of: name, in: instance) else { return false }
    if let known = knownAfterChange[ObjectIdentifier(instance)]?.known[name] { return known }
    guard let variable = instance.variables.first(where: { $0.name == name }) else { return false }
    return Self.drawnAsKeras(variable.spec, in: instance)
  }

  /// Whether every weight of `model` holds Keras' values.
  func allKnown(in model: KerasModel) -> Bool {
    model.flattenedLayers.allSatisfy { instance in
      instance.variables.allSatisfy { knownValues(of: $0.name, in: instance) }
    }
  }

  /// Records that the weights `names` of `instance` changed, to values Keras' own (`known`) or
  /// not, and deriving from ConvBook's own random draws (`own`) or not.
  func mark(_ instance: LayerInstance, _ names: [String], known: Bool, own: Bool) {
    guard !names.isEmpty else { return }
    if let model = instance.model {
      for layer in model.flattenedLayers where layer !== instance {
        let its = layer.variables.map(\.name).filter(names.contains)
        mark(layer, its, known: known, own: own)
      }
      return
    }
    var entry = knownAfterChange[ObjectIdentifier(instance)] ?? (instance, [:])
    for name in names { entry.known[name] = known }
    knownAfterChange[ObjectIdentifier(instance)] = entry
    var ownEntry = ownAfterChange[ObjectIdentifier(instance)] ?? (instance, [:])
    for name in names { ownEntry.own[name] = own }
    ownAfterChange[ObjectIdentifier(instance)] = ownEntry
    if own { ownDrawsSeen = true }
  }

  /// Whether the weight `name` of `instance` holds values that derive from ConvBook's own random
  /// draws, where Keras draws others on every run: an unseeded random initial value (or a seeded
  /// one ConvBook does not reproduce), or values set, trained or loaded from such. Values a
  /// seeded model trained are Keras' up to the last bits (`knownValues` says whether exactly).
  func ownDraw(of name: String, in instance: LayerInstance) -> Bool {
    guard let instance = holder(of: name, in: instance) else { return false }
    let own: Bool
    if let changed = ownAfterChange[ObjectIdentifier(instance)]?.own[name] {
      own = changed
    } else if let variable = instance.variables.first(where: { $0.name == name }) {
      own = !Self.drawnAsKeras(variable.spec, in: instance)
    } else {
      own = false
    }
    if own { ownDrawsSeen = true }
    return own
  }

  /// Whether any weight of `instance` (a nested model's layers included) derives from
  /// ConvBook's own draws.
  func ownDrawn(_ instance: LayerInstance) -> Bool {
    if let model = instance.model { return ownDrawn(model) }
    if instance.drawsRandomNumbers {
      ownDrawsSeen = true
      return true
    }
    return instance.variables.contains { ownDraw(of: $0.name, in: instance) }
  }

  /// Runs `body` with the weights of `model` that derive from ConvBook's own draws moved to other
  /// values (`w * 1.5 + 0.25`), then gives them back: what `body` computes the same either way
  /// does not depend on the draw (a zero kernel after them, an input of zeros into a kernel).
  func withOwnDrawsMoved<T>(
    in model: KerasModel, _ body: () throws(CellError) -> T
  ) throws(CellError) -> T? {
    let key = ObjectIdentifier(model)
    guard let state = states[key] else { return nil }
    let current = state.trainer?.weights ?? state.weights
    var tensors: [String: Tensor] = [:]
    for name in current.names { tensors[name] = current[name] }
    var moved = false
    for instance in model.flattenedLayers where instance.model == nil {
      for variable in instance.variables where ownDraw(of: variable.name, in: instance) {
        guard let tensor = tensors[variable.name] else { continue }
        tensors[variable.name] = ElementwiseKernel.affine(tensor, scale: 1.5, shift: 0.25)
        moved = true
      }
    }
    guard moved else { return nil }
    func put(_ weights: ModelWeights) {
      if let trainer = states[key]?.trainer {
        trainer.restore(weights)
      } else {
        states[key]?.weights = weights
      }
    }
    put(ModelWeights(names: current.names, tensors: tensors))
    defer { put(current) }
    return try body()
  }

  /// Whether any weight of `model` derives from ConvBook's own draws, or its forward pass draws
  /// random numbers (`KerasModel.drawsRandomNumbers`: TensorFlow draws those anew with its
  /// own generator on every call): then what it computes does.
  func ownDrawn(_ model: KerasModel) -> Bool {
    if model.drawsRandomNumbers {
      ownDrawsSeen = true
      return true
    }
    return model.flattenedLayers.contains { instance in
      instance.variables.contains { ownDraw(of: $0.name, in: instance) }
    }
  }

  /// Whether ConvBook's training of `model` (`fit`, `train_on_batch`) is measured to leave the very
  /// values TensorFlow's leaves, from the same start and data: layers whose forward and backward
  /// passes follow TensorFlow's kernels' orders (`Dense` and a 2-D convolution of one group, no
  /// dilation, with a plain ReLU, tanh, sigmoid, softmax or none; max pooling, flattening,
  /// rescaling). Seeded fits of such models matched bit for bit in both Kerases with SGD
  /// (momentum), Adam and RMSprop on MSE and crossentropies; a Conv1D, a recurrent layer, an
  /// Embedding (tf-keras), BatchNormalization or an ELU end a few ulps away, so the values of
  /// other models stay ConvBook's.
  static func trainsAsTensorFlow(_ model: KerasModel) -> Bool {
    let activations: [ActivationFunction] = [.linear, .relu(), .sigmoid, .tanh, .softmax()]
    func measured(_ activation: ActivationFunction) -> Bool { activations.contains(activation) }
    return model.flattenedLayers.allSatisfy { instance in
      if instance.isInputLayer { return true }
      if let dense = instance.layer as? Dense { return measured(dense.activation) }
      if let conv = instance.layer as? Conv {
        return conv.rank == 2 && conv.groups == 1 && conv.settings.dataFormat == .channelsLast
          && conv.settings.dilationRate.allSatisfy { $0 == 1 } && measured(conv.settings.activation)
      }
      return ["MaxPooling2D", "Flatten", "Rescaling"].contains(instance.className)
    }
  }

  /// Whether the first value of `spec` is the one Keras draws: an initializer without randomness,
  /// or one whose seed ConvBook knows and whose draw it reproduces, or what the script's own
  /// initializer class returned (`ScriptInitializers` marks those that drew random numbers).
  static func drawnAsKeras(_ spec: WeightSpec, in instance: LayerInstance) -> Bool {
    if instance.initialValues[spec.name] != nil { return true }
    guard let initializer = try? WeightInitializer(spec.initializer) else { return false }
    guard initializer.isRandom else { return true }
    return instance.tensorflowSeed(of: spec) != nil
      && initializer.drawsAsTensorFlow(shape: spec.shape)
  }
}
