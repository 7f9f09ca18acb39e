/// What global pooling does with a feature map: each of the C channel maps becomes one value, so
/// the classifier reads C numbers whatever H and W are.
public struct GlobalPoolingPath: Sendable, Equatable {
  public var map: FeatureMap
  /// The model's global pooling layer; nil when the path is a hypothetical alternative to Flatten.
  public var layer: String?
  public var className: String
  /// Units of the Dense layer that reads the pooled values, when there is one.
  public var readerUnits: Int?

  public init(map: FeatureMap, layer: String?, className: String, readerUnits: Int?) {
    self.map = map
    self.layer = layer
    self.className = className
    self.readerUnits = readerUnits
  }

  /// The path through a model's first 2D global pooling layer.
  public init(model: KerasModel) throws(AnalysisError) {
    guard model.isBuilt else { throw .notBuilt(model: model.name) }
    let layers = model.layers
    guard let index = layers.firstIndex(where: { ($0.layer as? GlobalPooling)?.rank == 2 }),
      let pooling = layers[index].layer as? GlobalPooling, let input = layers[index].inputShape
    else {
      throw .noFlatten(model: model.name, pooling: nil)
    }
    let producer = index > 0 ? layers[index - 1].name : (model.inputLayer?.name ?? model.name)
    guard let map = FeatureMap(shape: input, layout: pooling.dataFormat, producer: producer) else {
      throw .notAnImageMap(layer: layers[index].name, shape: input)
    }
    self.map = map
    layer = layers[index].name
    className = pooling.className
    readerUnits = layers[(index + 1)...].lazy.compactMap { ($0.layer as? Dense)?.units }.first
  }

  /// One value per channel.
  public var values: Int { map.channels }
  /// Weights plus biases of a Dense layer of `readerUnits` reading the pooled values.
  public var readerParameters: Int? { readerUnits.map { map.channels * $0 + $0 } }

  /// One sentence for messages: `its GlobalAveragePooling2D turns (53, 53, 64) into 64 values`.
  public var sentence: String {
    "its \(className) turns \(AnalysisFormat.sampleShape(map.shape)) into \(AnalysisFormat.grouped(values)) values, one per channel"
  }
}
