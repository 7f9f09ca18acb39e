import Testing

@testable import KerasCells

/// A subclass of a built-in convolution that overrides `convolution_op` (which Keras' own `call`
/// runs) is refused as ConvBook's limitation wherever the layer is used, never run as the plain
/// layer; a `call` of its own still runs as before.
@Suite struct BuiltinSubclassOverrideTests {
  static let classes = """
    class Standardized(layers.Conv2D):
        def convolution_op(self, inputs, kernel):
            return inputs

    class Plain(layers.Conv2D):
        pass

    """

  @Test func convolutionOpOverrideIsRefusedInSequentialModels() {
    let cells = CellRunner()
    cells.run(CellRunner.header + Self.classes)
    let refused = cells.run(
      "m = keras.Sequential([keras.Input((8, 8, 1)), Standardized(2, 3)])"
    ).error
    #expect(refused?.type == nil)
    #expect(
      refused?.message
        == "ConvBook does not run convolution_op() of a subclass of a convolution layer yet (Standardized overrides it)"
    )
    #expect(cells.run("m = keras.Sequential([keras.Input((8, 8, 1)), Plain(2, 3)])").error == nil)
  }

  @Test func convolutionOpOverrideIsRefusedInGraphs() {
    let cells = CellRunner()
    cells.run(CellRunner.header + Self.classes)
    let refused = cells.run("y = Standardized(2, 3)(keras.Input((8, 8, 1)))").error
    #expect(refused?.message.hasPrefix("ConvBook does not run convolution_op()") == true)
  }

  /// Loss, metric and initializer objects are callable in both Keras versions; optimizers are not.
  @Test func kerasObjectsAreCallableAsInKeras() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    let printed = cells.run(
      """
      print(callable(keras.losses.MeanSquaredError()), callable(keras.metrics.AUC()))
      print(callable(keras.initializers.HeNormal()), callable(keras.optimizers.Adam()))
      """
    ).printed
    #expect(printed == "True True\nTrue False\n")
  }
}
