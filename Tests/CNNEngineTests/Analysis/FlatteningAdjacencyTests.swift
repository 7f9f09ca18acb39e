import CNNEngine
import Testing

@Suite struct FlatteningAdjacencyTests {
  @Test func seedModelNumbers() throws {
    let adjacency = try FlatteningAdjacency(model: AnalysisModels.seed(flatten: true))
    #expect(adjacency.flattenLayer == "flatten")
    #expect((adjacency.map.height, adjacency.map.width, adjacency.map.channels) == (53, 53, 64))
    #expect(adjacency.order == .channelsLast)
    #expect(adjacency.length == 179_776)
    #expect(adjacency.horizontalDistance == 64)
    #expect(adjacency.verticalDistance == 3_392)
    #expect(adjacency.channelDistance == 1)
    #expect(adjacency.index(h: 1, w: 1, c: 0) == 3_456)
    #expect(adjacency.index(h: 2, w: 1, c: 0) - adjacency.index(h: 1, w: 1, c: 0) == 3_392)
    #expect(adjacency.index(h: 52, w: 52, c: 63) == 179_775)
    #expect(adjacency.reader?.name == "dense")
    #expect(adjacency.reader?.weights == 11_505_664)
    #expect(adjacency.reader?.biases == 64)
    #expect(adjacency.pooling.values == 64)
    #expect(adjacency.pooling.readerParameters == 4_160)
  }

  /// H and W differ, so a swapped W would show: (58, 88, 8) has vertical neighbours 88*8 apart.
  @Test func nonSquareMapKeepsHeightAndWidthApart() throws {
    let adjacency = try FlatteningAdjacency(model: AnalysisModels.nonSquare())
    #expect((adjacency.map.height, adjacency.map.width, adjacency.map.channels) == (58, 88, 8))
    #expect(adjacency.verticalDistance == 704)
    #expect(adjacency.horizontalDistance == 8)
    #expect(adjacency.length == 40_832)
    #expect(adjacency.index(h: 57, w: 87, c: 7) == adjacency.length - 1)
    #expect(adjacency.index(h: 1, w: 0, c: 0) == 704)
    #expect(adjacency.reader?.weights == 408_320)
    #expect(adjacency.neighbourBelow == .init(h: 2, w: 1))
    #expect(adjacency.rightNeighbour == .init(h: 1, w: 2))
  }

  /// Flatten reading a (C, H, W) tensor as it is: channel by channel, vertical neighbours W apart.
  @Test func channelsFirstTensorFlattenedAsItIs() throws {
    let adjacency = try FlatteningAdjacency(model: AnalysisModels.channelsFirst(flattenFormat: nil))
    #expect(adjacency.map.layout == .channelsFirst)
    #expect((adjacency.map.height, adjacency.map.width, adjacency.map.channels) == (64, 48, 16))
    #expect(adjacency.order == .channelsFirst)
    #expect(adjacency.verticalDistance == 48)
    #expect(adjacency.horizontalDistance == 1)
    #expect(adjacency.channelDistance == 64 * 48)
    #expect(adjacency.length == 49_152)
    #expect(adjacency.formula == "(c*H + h)*W + w")
  }

  /// `Flatten(data_format='channels_first')` transposes to channels-last first, as tf-keras does.
  @Test func channelsFirstFlattenTransposesFirst() throws {
    let adjacency = try FlatteningAdjacency(
      model: AnalysisModels.channelsFirst(flattenFormat: "channels_first"))
    #expect(adjacency.order == .channelsLast)
    #expect(adjacency.verticalDistance == 48 * 16)
    #expect(adjacency.horizontalDistance == 16)
  }

  @Test func modelWithoutFlattenSaysSoAndNamesItsPooling() throws {
    #expect(throws: AnalysisError.self) {
      try FlatteningAdjacency(model: AnalysisModels.seed(flatten: false))
    }
    let model = try AnalysisModels.seed(flatten: false)
    do {
      _ = try FlatteningAdjacency(model: model)
    } catch {
      #expect(error.description.contains("has no Flatten layer"))
      #expect(error.description.contains("turns (53, 53, 64) into 64 values"))
    }
    let pooling = try GlobalPoolingPath(model: AnalysisModels.seed(flatten: false))
    #expect(pooling.layer == "global_average_pooling2d")
    #expect(pooling.values == 64)
  }

  /// A map with an empty axis has no positions or channels to draw (hostile batch8).
  @Test func aMapWithAnEmptyAxisIsNoImageMap() throws {
    let names = NameScope(kerasVersion: .keras3)
    let model = try AnalysisModels.model(
      "empty_channels",
      [
        try AnalysisModels.input([4, 4, 0], names: names),
        try AnalysisModels.layer("Flatten", names: names),
      ])
    #expect(
      throws: AnalysisError.notAnImageMap(layer: "flatten", shape: TensorShape([nil, 4, 4, 0]))
    ) {
      try FlatteningAdjacency(model: model)
    }
  }

  @Test func unbuiltModelIsAnError() throws {
    let names = NameScope(kerasVersion: .keras2)
    let model = try AnalysisModels.model(
      "empty", [try AnalysisModels.layer("Flatten", names: names)])
    #expect(throws: AnalysisError.notBuilt(model: "empty")) {
      try FlatteningAdjacency(model: model)
    }
  }
}
