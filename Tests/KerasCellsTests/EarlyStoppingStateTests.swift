import CNNEngine
import KerasCells
import Testing

/// `EarlyStopping` keeps what the fit left (`stopped_epoch`, `wait`, `best`, `best_epoch`; script
/// fixture 980 compares a seeded fit with Keras). After a fit on unseeded weights those values
/// follow ConvBook's own draw, where Keras stops at another epoch on every run: printing them is
/// refused, as the losses are.
@Suite struct EarlyStoppingStateTests {
  static func fit(seeded: Bool) -> String {
    """
    import numpy as np
    from tensorflow import keras
    \(seeded ? "keras.utils.set_random_seed(3)" : "")
    x = np.linspace(0.0, 1.0, 40, dtype="float32").reshape(20, 2)
    y = x.sum(axis=1)
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    stopper = keras.callbacks.EarlyStopping(monitor="loss", patience=1, min_delta=0.5)
    print(stopper.stopped_epoch, stopper.wait)
    history = model.fit(x, y, epochs=5, verbose=0, callbacks=[stopper])

    """
  }

  static func texts(_ result: CellResult) -> [String] {
    result.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func unseededStateIsRefusedWhenPrinted(_ version: KerasVersion) {
    let result = KerasSession(kerasVersion: version).run(
      Self.fit(seeded: false) + "print(stopper.stopped_epoch)\n")
    #expect(Self.texts(result).joined() == "0 0\n")
    #expect(result.error?.type == nil)
    #expect(result.error?.message.contains("ConvBook's own random draw") == true)
  }

  @Test func seededStateReadsAfterFit() {
    let result = KerasSession(kerasVersion: .keras2).run(
      Self.fit(seeded: true)
        + "print(type(stopper.stopped_epoch).__name__, stopper.stopped_epoch <= 4)\n")
    #expect(result.error == nil)
    #expect(Self.texts(result).joined() == "0 0\nint True\n")
  }
}
