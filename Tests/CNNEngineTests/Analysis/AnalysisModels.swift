import CNNEngine

/// Small models for the analysis tests, built through the engine's Swift API as a cell would.
enum AnalysisModels {
  static func layer(
    _ className: String, _ positional: [ArgumentValue] = [],
    _ keywords: [(String, ArgumentValue)] = [],
    names: NameScope
  ) throws -> LayerInstance {
    LayerInstance(
      try LayerCatalog.make(
        className: className, positional: positional, keywords: keywords, names: names))
  }

  static func input(_ sample: [Int], names: NameScope) throws -> LayerInstance {
    LayerInstance(
      try LayerCatalog.makeInput(
        positional: [], keywords: [("shape", .tuple(sample.map { .int($0) }))], names: names))
  }

  static func model(_ name: String, _ instances: [LayerInstance]) throws -> KerasModel {
    let model = KerasModel(name: name)
    for instance in instances { try model.add(instance) }
    return model
  }

  /// The seed article's 224x224x3 model with a Flatten head (or a global-average-pooling head);
  /// smaller sides, filters and units give the same recipe at a size a debug build runs quickly
  /// (`side: 18, filters: [4, 8], units: [16, 8]` is the `seed_small` tf-keras fixture).
  static func seed(
    flatten: Bool, side: Int = 224, filters: [Int] = [32, 64], units: [Int] = [64, 32],
    names: NameScope = NameScope(kerasVersion: .keras2)
  ) throws -> KerasModel {
    let pair: ArgumentValue = .tuple([.int(2), .int(2)])
    let kernel: ArgumentValue = .tuple([.int(3), .int(3)])
    let relu: [(String, ArgumentValue)] = [("activation", .string("relu"))]
    var instances = [try input([side, side, 3], names: names)]
    for filters in filters {
      instances.append(try layer("Conv2D", [.int(filters), kernel], relu, names: names))
      instances.append(try layer("Conv2D", [.int(filters), kernel], relu, names: names))
      instances.append(try layer("MaxPooling2D", [pair, pair], names: names))
      instances.append(try layer("BatchNormalization", names: names))
    }
    if flatten {
      instances.append(try layer("Flatten", names: names))
      instances.append(try layer("Dropout", [.float(0.3)], names: names))
      for count in units { instances.append(try layer("Dense", [.int(count)], relu, names: names)) }
    } else {
      instances.append(try layer("GlobalAveragePooling2D", names: names))
      instances.append(try layer("Dropout", [.float(0.3)], names: names))
    }
    instances.append(
      try layer("Dense", [.int(10)], [("activation", .string("softmax"))], names: names))
    return try model(flatten ? "flatten_head" : "pooling_head", instances)
  }

  /// A non-square input, (60, 90, 3): after a 3x3 convolution the map is 58 high and 88 wide.
  static func nonSquare(names: NameScope = NameScope(kerasVersion: .keras2)) throws
    -> KerasModel
  {
    try model(
      "wide",
      [
        try input([60, 90, 3], names: names),
        try layer("Conv2D", [.int(8), .int(3)], names: names),
        try layer("Flatten", names: names),
        try layer("Dense", [.int(10)], names: names),
      ])
  }

  /// (3, 64, 48) channels-first: a 'same' convolution gives (16, 64, 48), C=16, H=64, W=48.
  static func channelsFirst(
    flattenFormat: String?, names: NameScope = NameScope(kerasVersion: .keras2)
  ) throws
    -> KerasModel
  {
    let format: [(String, ArgumentValue)] = [("data_format", .string("channels_first"))]
    return try model(
      "nchw",
      [
        try input([3, 64, 48], names: names),
        try layer(
          "Conv2D", [.int(16), .int(3)], [("padding", .string("same"))] + format, names: names),
        try layer(
          "Flatten", [], flattenFormat.map { [("data_format", .string($0))] } ?? [], names: names),
        try layer("Dense", [.int(5)], names: names),
      ])
  }
}
