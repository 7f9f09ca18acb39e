import CNNEngine

/// A model of one layer of another model, built for a given input, to run that layer alone.
enum SingleLayerModel {
  static func make(instance: LayerInstance, inputShape: [Int]) throws -> KerasModel {
    let model = KerasModel(name: "single_\(instance.name)")
    try model.add(LayerInstance(instance.layer))
    try model.build(
      batchInputShape: TensorShape([nil] + inputShape.dropFirst().map { Optional($0) }))
    return model
  }
}
