import KerasCells
import Testing

/// Printing a layer or a model: Keras 3's `Layer.__repr__` (`<Dense name=dense, built=True>`), as
/// Keras 3.15.1 printed this script; tf-keras' objects keep Python's default repr, which names a
/// memory address that changes from run to run, so ConvBook refuses to print them.
@Suite struct LayerReprTests {
  static let script = """
    import keras
    from keras import layers
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3), layers.Dropout(0.1)])
    print(model.layers)
    print(model, repr(model.layers[0]), f"{model.layers[1]}")
    loose = layers.Dense(2, name="head")
    print(loose, str(loose))
    inputs = keras.Input(shape=(8,))
    outputs = layers.Dense(1)(inputs)
    functional = keras.Model(inputs, outputs, name="f")
    print(functional, functional.layers)
    lazy = keras.Sequential([layers.Dense(2)])
    print(lazy, lazy.layers)
    print("%s and %r" % (loose, model))
    """

  /// What Keras 3.15.1 printed.
  static let keras3Printed = """
    [<Dense name=dense, built=True>, <Dropout name=dropout, built=True>]
    <Sequential name=sequential, built=True> <Dense name=dense, built=True> <Dropout name=dropout, built=True>
    <Dense name=head, built=False> <Dense name=head, built=False>
    <Functional name=f, built=True> [<InputLayer name=input_layer_1, built=True>, <Dense name=dense_1, built=True>]
    <Sequential name=sequential_1, built=False> [<Dense name=dense_2, built=False>]
    <Dense name=head, built=False> and <Sequential name=sequential, built=True>

    """

  @Test func keras3NamesTheLayer() {
    let result = KerasSession(kerasVersion: .keras3).run(Self.script)
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern) == Self.keras3Printed)
  }

  @Test func tfKerasObjectsAreRefused() {
    let result = KerasSession(kerasVersion: .keras2).run(Self.script)
    #expect(result.printed(footer: .modern).isEmpty)
    #expect(result.error?.type == nil)
    #expect(result.error?.message.hasPrefix("ConvBook does not print a tf-keras layer") == true)
    #expect(result.error?.range.start.line == 4)
  }
}
