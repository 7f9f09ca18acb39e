import CNNEngine

/// Keras 3 lists the state variable of each `SeedGenerator` a layer keeps (`seed_generator_state`,
/// int64 of shape (2,)) in `variables` and `non_trainable_variables`, though not in `weights`:
/// Dropout and the noise layers (with a positive rate), every recurrent layer (its cell keeps
/// one), the random preprocessing layers and a custom layer's own `keras.random.SeedGenerator`.
/// ConvBook does not list those states yet, so asking these two lists of an object that keeps one
/// is refused rather than answered without them.
enum Keras3SeedStates {
  /// Keras 3's built-in layers that keep a `SeedGenerator` (the dropout and noise layers only with
  /// a positive rate: ConvBook refuses a rate of 0 too, which Keras would answer).
  private static let layerClasses: Set<String> = [
    "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "AlphaDropout",
    "GaussianDropout", "GaussianNoise", "SimpleRNN", "LSTM", "GRU", "SimpleRNNCell", "LSTMCell",
    "GRUCell", "RNN", "Bidirectional", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "AugMix",
    "CutMix", "MixUp", "RandAugment", "Solarization",
  ]

  private static func keepsSeedGenerator(_ className: String) -> Bool {
    layerClasses.contains(className) || className.hasPrefix("Random")
  }

  /// Refuses `variables` / `non_trainable_variables` of a Keras 3 model or layer that keeps a
  /// seed generator (in itself or in a layer it holds).
  static func check(_ name: String, of base: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError)
  {
    guard interpreter.kerasVersion == .keras3,
      name == "variables" || name == "non_trainable_variables"
    else { return }
    var seen: Set<ObjectIdentifier> = []
    guard let holder = keeper(in: base, seen: &seen, depth: 0) else { return }
    throw .unsupported(
      "ConvBook does not list the seed generator state variables Keras 3 adds to `\(name)` yet (\(holder) keeps a SeedGenerator)",
      at: range)
  }

  /// What keeps a seed generator in `value` (a layer's description), or nil.
  private static func keeper(in value: Value, seen: inout Set<ObjectIdentifier>, depth: Int)
    -> String?
  {
    guard depth < 64 else { return nil }
    switch value {
    case .layer(let instance):
      return layerKeeper(instance, seen: &seen, depth: depth)
    case .model(let model):
      guard seen.insert(ObjectIdentifier(model)).inserted else { return nil }
      for layer in model.layers {
        if let found = layerKeeper(layer, seen: &seen, depth: depth + 1) { return found }
      }
      return nil
    case .kerasObject(let object) where object.typeName == KerasRandom.seedGeneratorType:
      return "a custom layer"
    case .instance(let instance):
      guard seen.insert(ObjectIdentifier(instance)).inserted else { return nil }
      for attribute in instance.attributeOrder {
        guard let item = instance.attributes[attribute],
          let found = keeper(in: item, seen: &seen, depth: depth + 1)
        else { continue }
        if case .kerasObject = item { return "the layer `\(instance.type.name)`" }
        return found
      }
      return nil
    case .list(let list):
      for item in list.items {
        if let found = keeper(in: item, seen: &seen, depth: depth + 1) { return found }
      }
      return nil
    case .tuple(let items):
      for item in items {
        if let found = keeper(in: item, seen: &seen, depth: depth + 1) { return found }
      }
      return nil
    case .dictionary(let dictionary):
      for (_, item) in dictionary.pairs {
        if let found = keeper(in: item, seen: &seen, depth: depth + 1) { return found }
      }
      return nil
    default: return nil
    }
  }

  private static func layerKeeper(
    _ instance: LayerInstance, seen: inout Set<ObjectIdentifier>, depth: Int
  ) -> String? {
    guard seen.insert(ObjectIdentifier(instance)).inserted else { return nil }
    if keepsSeedGenerator(instance.layer.className) {
      return "the \(instance.layer.className) layer `\(instance.name)`"
    }
    if let model = instance.model {
      return keeper(in: .model(model), seen: &seen, depth: depth + 1)
    }
    return nil
  }
}
