/// Weights a model reaches through more than one of its layers: a layer used inside a nested model
/// and again in the outer graph (or in two nested models). Each such row of the summary shows the
/// weights, but Keras counts a model's weights once each (`count_params` and the summary's totals
/// go over `model.weights`, which holds every variable once).
enum RepeatedWeights {
  /// The weights of the layers of `layers` (in order, nested models walked through) that an earlier
  /// layer of the list already holds, with the flags of the later row.
  static func repeated(in layers: [LayerInstance]) -> [WeightSpec] {
    var seen: Set<ObjectIdentifier> = []
    var repeated: [WeightSpec] = []
    func visit(_ instance: LayerInstance, frozen: Bool) {
      if let model = instance.model {
        let inner = frozen || !instance.trainable
        for layer in model.layers where !layer.isInputLayer { visit(layer, frozen: inner) }
        return
      }
      guard !seen.insert(ObjectIdentifier(instance)).inserted else { return }
      repeated += instance.weights.map { spec in
        var spec = spec
        if frozen { spec.trainable = false }
        return spec
      }
    }
    for layer in layers where !layer.isInputLayer { visit(layer, frozen: false) }
    return repeated
  }
}
