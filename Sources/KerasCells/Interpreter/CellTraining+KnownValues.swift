import CNNEngine

/// Which weights hold exactly the values Keras would hold in the same script, so that printing
/// one (`print(layer.kernel)`, `print(model.variables)`) can show them: those first drawn by an
/// initializer without randomness (zeros, ones, constant, identity) or from the seed Keras gives
/// it (`TensorFlowSeeds`), and those set since from values that are known themselves
/// (`set_weights`, `assign`). Unseeded random weights differ from run to run in Keras and are
/// ConvBook's own here; so is everything `fit` or a `GradientTape` step trains (ConvBook's
/// shuffling and dropout, and gradient sums in an order other than TensorFlow's) or a file loads.
extension CellTraining {
  /// Whether the weight `name` (ConvBook's name, `dense/kernel:0`) of `instance` holds Keras'
  /// values.
  func knownValues(of name: String, in instance: LayerInstance) -> Bool {
    if let model = instance.model {
      // A custom layer's traced graph or a model used as a layer: its layers hold the values.
      for layer in model.flattenedLayers where layer !== instance {
        if layer.variables.contains(where: { $0.name == name }) {
          return knownValues(of: name, in: layer)
        }
      }
      return false
    }
    if let known = knownAfterChange[ObjectIdentifier(instance)]?.known[name] { return known }
    guard let variable = instance.variables.first(where: { $0.name == name }) else { return false }
    return Self.drawnAsKeras(variable.spec, in: instance)
  }

  /// Whether every weight of `model` holds Keras' values.
  func allKnown(in model: SequentialModel) -> Bool {
    model.flattenedLayers.allSatisfy { instance in
      instance.variables.allSatisfy { knownValues(of: $0.name, in: instance) }
    }
  }

  /// Records that the weights `names` of `instance` changed, to values Keras' own (`known`) or not.
  func mark(_ instance: LayerInstance, _ names: [String], known: Bool) {
    guard !names.isEmpty else { return }
    if let model = instance.model {
      for layer in model.flattenedLayers where layer !== instance {
        let own = layer.variables.map(\.name).filter(names.contains)
        mark(layer, own, known: known)
      }
      return
    }
    var entry = knownAfterChange[ObjectIdentifier(instance)] ?? (instance, [:])
    for name in names { entry.known[name] = known }
    knownAfterChange[ObjectIdentifier(instance)] = entry
  }

  /// Whether the first value of `spec` is the one Keras draws: an initializer without randomness,
  /// or one whose seed ConvBook knows and whose draw it reproduces, or what the script's own
  /// initializer class returned (`ScriptInitializers` marks those that drew random numbers).
  static func drawnAsKeras(_ spec: WeightSpec, in instance: LayerInstance) -> Bool {
    if instance.initialValues[spec.name] != nil { return true }
    guard let initializer = try? WeightInitializer(spec.initializer) else { return false }
    guard initializer.isRandom else { return true }
    return instance.tensorflowSeed(of: spec) != nil && initializer.drawsAsTensorFlow
  }
}
