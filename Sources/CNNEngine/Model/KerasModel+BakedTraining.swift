/// `training=True` or `training=False` given to a layer's call while a graph is defined
/// (`BatchNormalization()(x, training=True)`, `base(x, training=False)`): Keras keeps the value with
/// the node (`LayerNode.training`) and runs that layer, or every layer of that nested model, in
/// that mode whenever the graph runs. tf-keras always does; Keras 3 only where the model itself is
/// called without a `training` of its own (`model(x)`; `predict`, `evaluate` and `fit` pass
/// theirs).
extension KerasModel {
  /// A layer that a run of this model would run in training mode `mode` because a call fixed it
  /// (its own node's `training`, or the node of a nested model holding it), and whose computation
  /// depends on the mode: a trainable BatchNormalization (batch statistics, moving statistics
  /// moved) or a layer that draws in training (Dropout, GaussianNoise, ...). Nil where none is.
  public func layerFixed(inTraining mode: Bool) -> LayerInstance? {
    layerFixed(inTraining: mode, inherited: nil, depth: 0)
  }

  private func layerFixed(inTraining mode: Bool, inherited: Bool?, depth: Int) -> LayerInstance? {
    // Nesting deeper than this is refused where models are built; stop rather than recurse.
    guard depth < 64 else { return nil }
    func check(_ instance: LayerInstance, _ effective: Bool?) -> LayerInstance? {
      if let inner = instance.model, inner !== self {
        return inner.layerFixed(inTraining: mode, inherited: effective, depth: depth + 1)
      }
      return effective == mode && Self.dependsOnTraining(instance) ? instance : nil
    }
    if let graph {
      for node in graph.nodes {
        if let found = check(node.producer, node.training ?? inherited) { return found }
      }
      return nil
    }
    // A chain: the calls that made its tensors (a functional chain's may carry `training`).
    if let tensors {
      for tensor in tensors where !tensor.producer.isInputLayer {
        if let found = check(tensor.producer, tensor.node.training ?? inherited) { return found }
      }
      return nil
    }
    for instance in layers {
      if let found = check(instance, inherited) { return found }
    }
    return nil
  }

  /// Whether `instance` computes otherwise in training mode than in inference mode.
  static func dependsOnTraining(_ instance: LayerInstance) -> Bool {
    if instance.layer is BatchNormalization { return instance.trainable }
    return instance.drawsInTraining
  }

  /// ConvBook's refusal of a run in mode `mode` (training or inference) that would run a layer in
  /// the other mode because its call fixed it (`layerFixed(inTraining:)`); nil where none would.
  public func fixedTrainingRefusal(runningInTraining mode: Bool) -> String? {
    guard let layer = layerFixed(inTraining: !mode) else { return nil }
    let fixed = mode ? "False" : "True"
    return
      "ConvBook does not yet run a layer in the mode its call fixed: \(layer.className) \"\(layer.name)\" was called with training=\(fixed) in the model \"\(name)\", which Keras keeps for every run of the model"
  }
}

extension LayerInstance {
  /// Whether the layer draws random values when it runs in training mode (Dropout's mask,
  /// GaussianNoise's noise), which TensorFlow draws with its own generators.
  public var drawsInTraining: Bool {
    if let dropout = layer as? Dropout { return dropout.rate > 0 }
    return ["GaussianNoise", "GaussianDropout", "AlphaDropout"].contains(className)
  }
}
