import CNNKernels

/// Where the neighbours of a feature map end up once `Flatten` has turned it into one vector.
///
/// In channels-last order position (h, w, c) lands at (h*W + w)*C + c: horizontal neighbours are C
/// entries apart, vertical neighbours a whole row, W*C. A channels-first tensor that Flatten reads
/// as it is (Flatten's own `data_format` left at channels_last) is laid out channel by channel,
/// (c*H + h)*W + w: horizontal neighbours 1 apart, vertical W. A `Flatten(data_format=
/// 'channels_first')` first transposes to channels-last, as tf-keras does, so the first rule holds.
public struct FlatteningAdjacency: Sendable, Equatable {
  /// A position of the map.
  public struct Position: Sendable, Equatable {
    public var h: Int
    public var w: Int

    public init(h: Int, w: Int) {
      self.h = h
      self.w = w
    }
  }

  /// The Dense layer that reads the flattened vector, and what it pays for it.
  public struct Reader: Sendable, Equatable {
    public var name: String
    public var units: Int
    /// Kernel entries: one per input value and unit.
    public var weights: Int
    public var biases: Int

    public var parameters: Int { weights + biases }
  }

  public var modelName: String
  public var flattenLayer: String
  /// The tensor entering Flatten.
  public var map: FeatureMap
  /// The order Flatten reads values in: `channelsLast` for (h*W + w)*C + c, `channelsFirst` for
  /// (c*H + h)*W + w.
  public var order: DataFormat
  public var reader: Reader?
  /// What global average pooling would make of the same map.
  public var pooling: GlobalPoolingPath

  public var length: Int { map.values }
  public var horizontalDistance: Int { order == .channelsLast ? map.channels : 1 }
  public var verticalDistance: Int { order == .channelsLast ? map.width * map.channels : map.width }
  /// Between two channels of one position.
  public var channelDistance: Int { order == .channelsLast ? 1 : map.height * map.width }

  /// The index of (h, w, c) in the flattened vector.
  public func index(h: Int, w: Int, c: Int) -> Int {
    switch order {
    case .channelsLast: return (h * map.width + w) * map.channels + c
    case .channelsFirst: return (c * map.height + h) * map.width + w
    }
  }

  /// The formula of `index`, written out: `(h*W + w)*C + c`.
  public var formula: String { order == .channelsLast ? "(h*W + w)*C + c" : "(c*H + h)*W + w" }

  /// The marked position: (1, 1) when the map is large enough, so that every neighbour is an
  /// interior one and its index is not its distance.
  public var anchor: Position {
    Position(h: map.height >= 3 ? 1 : 0, w: map.width >= 3 ? 1 : 0)
  }
  /// The anchor's right-hand neighbour, when the map has one.
  public var rightNeighbour: Position? {
    anchor.w + 1 < map.width ? Position(h: anchor.h, w: anchor.w + 1) : nil
  }
  /// The position below the anchor, when the map has one.
  public var neighbourBelow: Position? {
    anchor.h + 1 < map.height ? Position(h: anchor.h + 1, w: anchor.w) : nil
  }

  /// Analyses the first Flatten of a built model.
  public init(model: KerasModel) throws(AnalysisError) {
    guard model.isBuilt else { throw .notBuilt(model: model.name) }
    let layers = model.layers
    guard let flattenIndex = layers.firstIndex(where: { $0.layer is Flatten }),
      let flatten = layers[flattenIndex].layer as? Flatten
    else {
      let pooling = try? GlobalPoolingPath(model: model)
      throw .noFlatten(model: model.name, pooling: pooling.map(\.sentence))
    }
    let instance = layers[flattenIndex]
    guard let input = instance.inputShape else { throw .notBuilt(model: model.name) }
    let layout = LayerDataFormat.layoutEntering(
      flattenIndex, of: layers, fallback: flatten.dataFormat)
    let producer =
      flattenIndex > 0 ? layers[flattenIndex - 1].name : (model.inputLayer?.name ?? model.name)
    guard let map = FeatureMap(shape: input, layout: layout, producer: producer) else {
      throw .notAnImageMap(layer: instance.name, shape: input)
    }
    modelName = model.name
    flattenLayer = instance.name
    self.map = map
    // tf-keras' Flatten transposes a channels_first input to channels-last before reshaping.
    order = flatten.dataFormat == .channelsFirst ? .channelsLast : layout
    let length = map.values
    reader = Self.reader(after: flattenIndex, in: layers, length: length)
    pooling = GlobalPoolingPath(
      map: map, layer: nil, className: "GlobalAveragePooling2D", readerUnits: reader?.units)
  }

  /// The first Dense after Flatten that reads a vector of `length` values (Dropout and other
  /// shape-keeping layers may sit between them).
  static func reader(after index: Int, in layers: [LayerInstance], length: Int) -> Reader? {
    for instance in layers[(index + 1)...] {
      guard let input = instance.inputShape, input.rank == 2, input[1] == length else { return nil }
      if let dense = instance.layer as? Dense {
        return Reader(
          name: instance.name, units: dense.units, weights: length * dense.units,
          biases: dense.useBias ? dense.units : 0)
      }
    }
    return nil
  }
}
