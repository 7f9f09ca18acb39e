import Foundation
import Testing

@testable import CNNEngine

@Suite("Trainer: configuration, refusals, dropout, weights out")
struct TrainerTests {
  typealias Models = AnalysisModels

  static func model(_ layers: [(String, [ArgumentValue], [(String, ArgumentValue)])]) throws
    -> KerasModel
  {
    let names = NameScope()
    return try Models.model(
      "sequential",
      try layers.map { try Models.layer($0.0, $0.1, $0.2, names: names) })
  }

  static func data(samples: Int, features: Int, classes: Int) -> (Tensor, Tensor) {
    var generator = SeededGenerator(seed: 3)
    let x = Tensor(
      validShape: [samples, features],
      scalars: (0..<(samples * features)).map { _ in Float(generator.uniform(-1, 1)) })
    let y = Tensor(
      validShape: [samples], scalars: (0..<samples).map { Float($0 % classes) })
    return (x, y)
  }

  @Test("a layer without a backward pass is refused by name")
  func refusesUnknownLayers() throws {
    let model = try Self.model([
      ("Dense", [.int(4)], [("input_shape", .tuple([.int(3)]))]),
      ("Reshape", [.tuple([.int(2), .int(2)])], []),
      ("Permute", [.tuple([.int(2), .int(1)])], []),
    ])
    let weights = try ModelWeights.initialized(for: model, seed: 0)
    let configuration = try TrainingConfiguration(
      CompileArguments(optimizer: .string("adam"), loss: .string("mse")))
    #expect(
      throws: TrainingError(
        .model,
        "ConvBook cannot train a model with Permute yet (layer \"permute\")")
    ) {
      try Trainer(model: model, weights: weights, configuration: configuration)
    }
  }

  @Test("metric names: objects' name=, weighted_ prefixes, repeated names per Keras version")
  func metricNames() throws {
    var arguments = CompileArguments(
      loss: .string("mse"),
      metrics: .list([
        .string("acc"),
        .object(
          KerasObject(
            typeName: "SparseCategoricalAccuracy", arguments: [("name", .string("acc"))])),
        .object(KerasObject(typeName: "MeanAbsoluteError", arguments: [("arg0", .string("m"))])),
      ]))
    arguments.weightedMetrics = .list([.string("acc")])
    var keras3 = try TrainingConfiguration(arguments)
    keras3.keras3 = true
    #expect(
      try keras3.outputs(names: ["dense"])[0].reportedNames
        == ["acc", "acc_1", "m", "weighted_acc"])
    let tfKeras = try TrainingConfiguration(arguments)
    #expect(throws: TrainingError.self) { try tfKeras.outputs(names: ["dense"]) }
    arguments.metrics = .list([.string("accuracy")])
    #expect(
      try TrainingConfiguration(arguments).outputs(names: ["dense"])[0].reportedNames
        == ["accuracy", "acc"])
    #expect(
      try TrainingConfiguration(arguments).outputs(names: ["a", "b"]).map(\.reportedNames)
        == [["a_accuracy", "a_acc"], ["b_accuracy", "b_acc"]])
    arguments.metrics = .list([
      .object(KerasObject(typeName: "BinaryAccuracy", arguments: [("threshold", .float(0.7))]))
    ])
    #expect(
      throws: TrainingError(
        .configuration, "ConvBook cannot report the metric BinaryAccuracy(threshold=0.7) yet")
    ) { try TrainingConfiguration(arguments) }
  }

  @Test("compile arguments resolve as tf-keras resolves them")
  func configuration() throws {
    let adam = try TrainingConfiguration(
      CompileArguments(
        optimizer: .object(
          KerasObject(typeName: "Adam", arguments: [("learning_rate", .float(0.01))])),
        loss: .object(
          KerasObject(
            typeName: "SparseCategoricalCrossentropy", arguments: [("from_logits", .bool(true))])),
        metrics: .list([.string("accuracy")])))
    #expect(adam.optimizer.kind == .adam)
    #expect(adam.optimizer.learningRate == 0.01)
    #expect(adam.optimizer.epsilon == 1e-7)
    #expect(adam.loss == Loss(.sparseCategoricalCrossentropy, fromLogits: true))
    #expect(
      adam.metrics(targetShape: [8], outputShape: [8, 3])
        == [Metric(name: "accuracy", kind: .sparseCategoricalAccuracy)])
    #expect(
      adam.metrics(targetShape: [8, 3], outputShape: [8, 3])
        == [Metric(name: "accuracy", kind: .categoricalAccuracy)])
    #expect(
      adam.metrics(targetShape: [8, 1], outputShape: [8, 1])
        == [Metric(name: "accuracy", kind: .binaryAccuracy)])
    let defaults = try TrainingConfiguration(CompileArguments(loss: .string("mse")))
    #expect(defaults.optimizer == Optimizer(.rmsprop))
    let adamW = try TrainingConfiguration(
      CompileArguments(optimizer: .string("AdamW"), loss: .string("mae")))
    #expect(adamW.optimizer.weightDecay == 0.004)
    #expect(throws: TrainingError.self) {
      try TrainingConfiguration(
        CompileArguments(optimizer: .string("adagrad"), loss: .string("mse")))
    }
    #expect(throws: TrainingError.self) {
      try TrainingConfiguration(CompileArguments(optimizer: .string("sgd")))
    }
  }

  @Test("dropout is seeded, scales kept units, and training is deterministic for a seed")
  func dropout() throws {
    var a = SeededGenerator(seed: 7)
    var b = SeededGenerator(seed: 7)
    let first = DropoutMask.draw(shape: [4, 100], rate: 0.25, spatial: false, generator: &a)
    let second = DropoutMask.draw(shape: [4, 100], rate: 0.25, spatial: false, generator: &b)
    #expect(first == second)
    #expect(Set(first) == [0, Float(1) / 0.75])
    let kept = first.filter { $0 > 0 }.count
    #expect(kept > 250 && kept < 350)
    var c = SeededGenerator(seed: 7)
    let spatial = DropoutMask.draw(shape: [2, 3, 3, 4], rate: 0.5, spatial: true, generator: &c)
    for n in 0..<2 {
      for channel in 0..<4 {
        let values = (0..<9).map { spatial[(n * 9 + $0) * 4 + channel] }
        #expect(Set(values).count == 1)
      }
    }

    let model = try Self.model([
      ("Dense", [.int(8)], [("input_shape", .tuple([.int(5)])), ("activation", .string("relu"))]),
      ("Dropout", [.float(0.3)], []),
      ("Dense", [.int(3)], [("activation", .string("softmax"))]),
    ])
    let (x, y) = Self.data(samples: 40, features: 5, classes: 3)
    func train(threads: Int) throws -> (ModelWeights, TrainingHistory) {
      let trainer = try Trainer(
        model: model, weights: try ModelWeights.initialized(for: model, seed: 1),
        configuration: try TrainingConfiguration(
          CompileArguments(
            optimizer: .string("adam"), loss: .string("sparse_categorical_crossentropy"),
            metrics: .list([.string("accuracy")]))), threads: threads)
      let history = try trainer.fit(
        x: x, y: y, options: Trainer.Options(epochs: 3, batchSize: 16, seed: 5))
      return (trainer.weights, history)
    }
    let (one, historyOne) = try train(threads: 1)
    let (two, historyTwo) = try train(threads: 2)
    #expect(historyOne == historyTwo)
    for name in one.names { #expect(one[name] == two[name]) }
    #expect(historyOne.names == ["loss", "accuracy"])
    #expect(historyOne["loss"]!.count == 3)
  }

  @Test("a CNN large enough to split every kernel across threads trains bitwise identically")
  func threadCountDoesNotChangeACNN() throws {
    // Large enough that the forward, weight-gradient (both paths: few channels, and 6+ channels
    // with unit strides), input-gradient and pooling kernels all hand work to a second thread
    // (the fixtures are below their thresholds); a depthwise convolution and a partial last
    // batch on the way.
    let model = try Self.model([
      (
        "Conv2D", [.int(16), .int(3)],
        [("input_shape", .tuple([.int(16), .int(16), .int(3)])), ("activation", .string("relu"))]
      ),
      ("MaxPooling2D", [], []),
      (
        "DepthwiseConv2D", [.int(3)], [("padding", .string("same")), ("depth_multiplier", .int(2))]
      ),
      ("Conv2D", [.int(24), .int(3)], [("activation", .string("relu"))]),
      ("Flatten", [], []),
      ("Dense", [.int(10)], [("activation", .string("softmax"))]),
    ])
    let (flat, y) = Self.data(samples: 40, features: 16 * 16 * 3, classes: 10)
    let x = Tensor(validShape: [40, 16, 16, 3], scalars: flat.scalars)
    func train(threads: Int) throws -> (ModelWeights, TrainingHistory) {
      let trainer = try Trainer(
        model: model, weights: try ModelWeights.initialized(for: model, seed: 2),
        configuration: try TrainingConfiguration(
          CompileArguments(
            optimizer: .string("adam"), loss: .string("sparse_categorical_crossentropy"),
            metrics: .list([.string("accuracy")]))), threads: threads)
      let history = try trainer.fit(
        x: x, y: y, options: Trainer.Options(epochs: 2, batchSize: 16, seed: 3))
      return (trainer.weights, history)
    }
    let (one, historyOne) = try train(threads: 1)
    let (two, historyTwo) = try train(threads: 2)
    #expect(historyOne == historyTwo)
    for name in one.names { #expect(one[name] == two[name], "\(name)") }
    // It trains: the loss moves.
    let losses = try #require(historyOne["loss"])
    #expect(losses[1] != losses[0])
  }

  @Test("validation_split takes the last samples and refuses an empty side")
  func validationSplit() throws {
    let model = try Self.model([("Dense", [.int(2)], [("input_shape", .tuple([.int(3)]))])])
    let trainer = try Trainer(
      model: model, weights: try ModelWeights.initialized(for: model, seed: 1),
      configuration: try TrainingConfiguration(
        CompileArguments(optimizer: .string("sgd"), loss: .string("mse"))))
    let x = Tensor(validShape: [3, 3], scalars: (0..<9).map { Float($0) })
    let y = Tensor(validShape: [3, 2], scalars: (0..<6).map { Float($0) })
    #expect(throws: TrainingError.self) {
      try trainer.fit(x: x, y: y, options: Trainer.Options(validationSplit: 0.9))
    }
    let history = try trainer.fit(x: x, y: y, options: Trainer.Options(validationSplit: 0.5))
    #expect(history.names == ["loss", "val_loss"])
    #expect(throws: TrainingError.self) {
      try trainer.fit(
        x: x, y: Tensor(validShape: [2, 2], scalars: [0, 0, 0, 0]), options: Trainer.Options())
    }
  }

  @Test("progress lines are tf-keras' verbose=2 lines")
  func progressLine() {
    let report = Trainer.EpochReport(
      epoch: 1, epochs: 3, steps: 32, values: [("loss", 1.25296), ("accuracy", 0.0004)],
      seconds: 0.4935)
    #expect(
      TrainingHistory.progressLine(report)
        == "32/32 - 0s - loss: 1.2530 - accuracy: 4.0000e-04 - 494ms/epoch - 15ms/step")
    // Keras 3.15.1: `4/4 - 1s - 257ms/step - accuracy: 0.9000 - loss: 0.4121`.
    #expect(
      TrainingHistory.keras3ProgressLine(report)
        == "32/32 - 0s - 15ms/step - accuracy: 4.0000e-04 - loss: 1.2530")
    #expect(TrainingHistory.formatTime(2.5, unit: "epoch") == " 2s/epoch")
    #expect(TrainingHistory.formatTime(0.0009, unit: "step") == " 900us/step")
  }

  @Test("the npz writer round-trips through the reader")
  func npzRoundTrip() throws {
    let entries = [
      ("dense/kernel:0", Tensor(validShape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])),
      ("dense/bias:0", Tensor([0.5, -1, 2])),
    ]
    let archive = try NPZArchive(bytes: try NPZWriter.encode(entries))
    #expect(archive.names == entries.map(\.0))
    for (name, tensor) in entries { #expect(archive[name] == tensor) }
  }
}

@Suite("Trainer: frozen layers")
struct FrozenLayerTests {
  @Test("a frozen BatchNormalization runs in inference mode and still passes gradients back")
  func frozenBatchNormalization() throws {
    let names = NameScope()
    let dense = try AnalysisModels.layer(
      "Dense", [.int(4)], [("input_shape", .tuple([.int(3)]))], names: names)
    let normalization = try AnalysisModels.layer("BatchNormalization", names: names)
    normalization.trainable = false
    let head = try AnalysisModels.layer("Dense", [.int(2)], names: names)
    let model = try AnalysisModels.model("sequential", [dense, normalization, head])
    let initial = try ModelWeights.initialized(for: model, seed: 2)
    let trainer = try Trainer(
      model: model, weights: initial,
      configuration: try TrainingConfiguration(
        CompileArguments(optimizer: .string("sgd"), loss: .string("mse"))))
    var generator = SeededGenerator(seed: 9)
    let x = Tensor(
      validShape: [8, 3], scalars: (0..<24).map { _ in Float(generator.uniform(-1, 1)) })
    let y = Tensor(
      validShape: [8, 2], scalars: (0..<16).map { _ in Float(generator.uniform(-1, 1)) })
    _ = try trainer.fit(x: x, y: y, options: Trainer.Options(epochs: 1, batchSize: 8))
    let trained = trainer.weights
    // The frozen layer's weights and statistics stay; the first Dense layer still learns.
    for name in initial.names where name.hasPrefix("batch_normalization/") {
      #expect(trained[name] == initial[name], "\(name)")
    }
    #expect(trained["dense/kernel:0"] != initial["dense/kernel:0"])
  }
}
