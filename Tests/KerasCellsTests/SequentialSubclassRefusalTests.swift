import CNNEngine
import KerasCells
import Testing

/// A subclass of keras.Sequential is a Sequential model classed as the subclass (script 1242);
/// one that defines its own `call` or `build` runs code ConvBook's Sequential model would not:
/// refused as ConvBook's limitation.
@Suite struct SequentialSubclassRefusalTests {
  @Test(arguments: [KerasVersion.keras2, .keras3])
  func ownCallIsRefused(_ version: KerasVersion) {
    let error = KerasSession(kerasVersion: version).run(
      """
      import keras
      class Doubled(keras.Sequential):
          def __init__(self):
              super().__init__([keras.layers.Dense(2)])
          def call(self, inputs):
              return 2 * super().call(inputs)
      model = Doubled()

      """
    ).error
    #expect(error?.type == nil)
    #expect(
      error?.message
        == "ConvBook does not support a subclass of keras.Sequential that defines its own call() yet (Doubled)"
    )
  }
}
