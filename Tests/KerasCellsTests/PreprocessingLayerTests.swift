import CNNEngine
import KerasCells
import Testing

/// Embedding and the preprocessing layers beyond what the corpus and forward fixtures cover:
/// the unadapted Normalization's weights, seeded initializers, and refused token ids.
@Suite struct PreprocessingLayerTests {
  static func model(_ source: String) throws -> KerasModel {
    let session = KerasSession(kerasVersion: .keras2)
    let result = session.run(source)
    #expect(result.error == nil, "\(String(describing: result.error))")
    return try #require(session.model(named: "model"))
  }

  @Test func unadaptedNormalizationIsIdentityWithSeededWeights() throws {
    let model = try Self.model(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential([keras.Input(shape=(2, 3)), layers.Normalization()])
      """)
    let weights = try ModelWeights.initialized(for: model, seed: 7)
    #expect(
      weights.names == [
        "normalization/mean:0", "normalization/variance:0", "normalization/count:0",
      ])
    let input = try Tensor(shape: [1, 2, 3], scalars: [1, -2, 3, 0.5, 0, -0.25])
    let output = try ForwardPass(model: model, weights: weights, threads: 1).run(input)
    #expect(output == input)
  }

  @Test func embeddingDrawsUniformWeightsAndRefusesUnknownIds() throws {
    let model = try Self.model(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential([layers.Embedding(4, 2, input_length=3)])
      """)
    #expect(model.inputLayer?.name == "embedding_input")
    let weights = try ModelWeights.initialized(for: model, seed: 1)
    let table = try #require(weights["embedding/embeddings"])
    #expect(table.shape == [4, 2])
    #expect(table.scalars.allSatisfy { abs($0) <= 0.05 })
    let pass = ForwardPass(model: model, weights: weights, threads: 1)
    let output = try pass.run(try Tensor(shape: [1, 3], scalars: [3, 0, 3]))
    #expect(output.shape == [1, 3, 2])
    #expect(Array(output.scalars[0..<2]) == Array(table.scalars[6..<8]))
    #expect(Array(output.scalars[4..<6]) == Array(table.scalars[6..<8]))
    #expect(throws: ForwardError.self) {
      try pass.run(try Tensor(shape: [1, 3], scalars: [0, 4, 1]))
    }
  }

  /// tf-keras averages only the steps the mask keeps (checked against tf-keras in
  /// `forward-recurrent/embedding_mask_average`); a Conv1D drops the mask.
  @Test func maskedAverageAveragesTheKeptStepsAndConvolutionsDropTheMask() throws {
    let masked = try Self.model(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential([
          layers.Embedding(5, 2, mask_zero=True, input_length=4),
          layers.Dense(3),
          layers.GlobalAveragePooling1D(),
      ])
      """)
    let ids = try Tensor(shape: [1, 4], scalars: [3, 1, 0, 0])
    let weights = try ModelWeights.initialized(for: masked, seed: 2)
    let averaged = try ForwardPass(model: masked, weights: weights, threads: 1).run(ids)
    let kept = try ForwardPass(model: masked, weights: weights, threads: 1).run(
      try Tensor(shape: [1, 4], scalars: [3, 1, 3, 1]))
    #expect(averaged.shape == [1, 3])
    #expect(averaged.maxAbsoluteDifference(to: kept) < 1e-6)
    let pooled = try Self.model(
      """
      from tensorflow import keras
      from tensorflow.keras import layers
      model = keras.Sequential([
          layers.Embedding(5, 2, mask_zero=True, input_length=4),
          layers.Conv1D(3, 2),
          layers.GlobalAveragePooling1D(),
      ])
      """)
    let pass = ForwardPass(
      model: pooled, weights: try ModelWeights.initialized(for: pooled, seed: 2), threads: 1)
    #expect(try pass.run(ids).shape == [1, 3])
  }
}
