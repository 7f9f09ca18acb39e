import CNNEngine
import KerasCells
import Testing

/// Weights after a seeded fit print as Keras' own only for models whose training ConvBook follows
/// to TensorFlow's last bit (`CellTraining.trainsAsTensorFlow`; script fixture 1340 compares them
/// with Keras); a Conv1D's, an LSTM's or an ELU's end a few ulps away and stay refused, and an
/// unseeded model's stay ConvBook's own draw.
@Suite struct TrainedWeightsKnownTests {
  static func fit(_ layer: String, seeded: Bool = true) -> String {
    """
    import numpy as np
    from tensorflow import keras
    \(seeded ? "keras.utils.set_random_seed(3)" : "")
    x = np.linspace(-1, 1, 48, dtype="float32").reshape(6, 8, 1)
    y = np.arange(6, dtype="float32").reshape(6, 1)
    model = keras.Sequential(
        [keras.Input((8, 1)), \(layer), keras.layers.Flatten(), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=2, batch_size=3, verbose=0, shuffle=False)
    print(model.get_weights()[0].shape)
    print(model.get_weights()[0])

    """
  }

  static func texts(_ result: CellResult) -> [String] {
    result.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func measuredModelsPrintTheirTrainedWeights(_ version: KerasVersion) {
    let result = KerasSession(kerasVersion: version).run(
      Self.fit("keras.layers.Dense(4, activation='tanh')"))
    #expect(result.error == nil)
    #expect(Self.texts(result).joined().hasPrefix("(1, 4)\n[[") == true)
  }

  @Test(arguments: [
    "keras.layers.Conv1D(2, 3, activation='relu')", "keras.layers.LSTM(3, return_sequences=True)",
    "keras.layers.Dense(4, activation='elu')",
  ])
  func otherModelsKeepThemRefused(_ layer: String) {
    for version in [KerasVersion.keras2, .keras3] {
      let result = KerasSession(kerasVersion: version).run(Self.fit(layer))
      #expect(result.error?.message.contains("does not hold exactly as TensorFlow does") == true)
    }
  }

  @Test func unseededWeightsStayOwnDraws() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.fit("keras.layers.Dense(4, activation='tanh')", seeded: false))
    #expect(result.error?.message.contains("ConvBook's own random draw") == true)
  }
}
