import Foundation
import Testing

@testable import CNNEngine
@testable import CNNKernels

/// Training through `Embedding`: the table's gradient is the scatter-add of the output gradient's
/// rows by id (Keras' IndexedSlices, applied by every optimizer as the dense gradient with zero
/// rows); the values against tf-keras live in the training fixtures (`embedding_*`).
@Suite("Embedding training: scatter-add gradient, refusals, determinism")
struct EmbeddingTrainingTests {
  @Test("a repeated id adds its rows up; ids not looked up get zero rows")
  func scatterAdd() throws {
    // ids (2, 3): 1 appears three times, 3 once, 0 and 2 never.
    let ids: [Float] = [1, 3, 1, 1, 3.0, 1]
    let gradient: [Float] = [
      1, 2, 10, 20, 100, 200,
      1000, 2000, 0.5, 0.25, 4, 8,
    ]
    let table = try EmbeddingGradient.tableGradient(
      ids: ids, outputGradient: gradient, vocabulary: 4, depth: 2)
    let expected: [Float] = [0, 0, 1105, 2210, 0, 0, 10.5, 20.25]
    #expect(table == expected)
  }

  @Test("an id outside the table and a mismatched gradient are kernel errors, not crashes")
  func badIds() {
    #expect(throws: KernelError("an embedding id 4.0 is not in [0, 4)")) {
      try EmbeddingGradient.tableGradient(
        ids: [4], outputGradient: [0, 0], vocabulary: 4, depth: 2)
    }
    #expect(throws: KernelError.self) {
      try EmbeddingGradient.tableGradient(ids: [1], outputGradient: [0], vocabulary: 4, depth: 2)
    }
  }

  static func textCNN(maskZero: Bool = false) throws -> KerasModel {
    try TrainerTests.model([
      (
        "Embedding", [.int(50), .int(8)],
        [("input_shape", .tuple([.int(40)])), ("mask_zero", .bool(maskZero))]
      ),
      ("Conv1D", [.int(32), .int(5)], [("activation", .string("relu"))]),
      ("GlobalMaxPooling1D", [], []),
      ("Dense", [.int(1)], [("activation", .string("sigmoid"))]),
    ])
  }

  /// Training carries masks as the forward pass does (the recurrent layers and
  /// GlobalAveragePooling1D read them; values against tf-keras: the `rnntrain_mask*` fixtures);
  /// a model whose output still carries one is refused, since Keras would weight the loss by it.
  @Test("a model whose output carries the mask of Embedding(mask_zero=True) is refused by name")
  func refusesMaskedOutput() throws {
    let model = try TrainerTests.model([
      (
        "Embedding", [.int(50), .int(8)],
        [("input_shape", .tuple([.int(40)])), ("mask_zero", .bool(true))]
      ),
      ("Dense", [.int(1)], [("activation", .string("sigmoid"))]),
    ])
    let weights = try ModelWeights.initialized(for: model, seed: 0)
    let configuration = try TrainingConfiguration(
      CompileArguments(optimizer: .string("adam"), loss: .string("binary_crossentropy")))
    #expect(
      throws: TrainingError(
        .model,
        "ConvBook cannot train a model whose output carries a Keras mask (from Embedding(mask_zero=True) or Masking) yet: Keras masks the loss with it (layer \"dense\")"
      )
    ) {
      try Trainer(model: model, weights: weights, configuration: configuration)
    }
    // The text CNN's Conv1D drops the mask: it trains.
    let cnn = try Self.textCNN(maskZero: true)
    _ = try Trainer(
      model: cnn, weights: try ModelWeights.initialized(for: cnn, seed: 0),
      configuration: configuration)
  }

  @Test("a text CNN trains bitwise identically on 1 and 2 threads, and its table moves")
  func threadCountDoesNotChangeATextCNN() throws {
    let model = try Self.textCNN()
    var generator = SeededGenerator(seed: 5)
    // Ids from a small range so that tokens repeat within every batch.
    let x = Tensor(
      validShape: [24, 40],
      scalars: (0..<(24 * 40)).map { _ in Float(Int(generator.uniform(0, 12))) })
    let y = Tensor(validShape: [24, 1], scalars: (0..<24).map { Float($0 % 2) })
    let initial = try ModelWeights.initialized(for: model, seed: 4)
    func train(threads: Int) throws -> (ModelWeights, TrainingHistory) {
      let trainer = try Trainer(
        model: model, weights: initial,
        configuration: try TrainingConfiguration(
          CompileArguments(
            optimizer: .string("adam"), loss: .string("binary_crossentropy"),
            metrics: .list([.string("accuracy")]))), threads: threads)
      let history = try trainer.fit(
        x: x, y: y, options: Trainer.Options(epochs: 2, batchSize: 10, seed: 3))
      return (trainer.weights, history)
    }
    let (one, historyOne) = try train(threads: 1)
    let (two, historyTwo) = try train(threads: 2)
    #expect(historyOne == historyTwo)
    for name in one.names { #expect(one[name] == two[name], "\(name)") }
    let name = "embedding/embeddings:0"
    let before = try #require(initial[name]).scalars
    let after = try #require(one[name]).scalars
    // Rows of ids 0..<12 move; rows 12..<50 were never looked up and Adam's moments stay zero.
    #expect(before[0..<(12 * 8)] != after[0..<(12 * 8)])
    #expect(before[(12 * 8)...] == after[(12 * 8)...])
  }
}
