import KerasCells
import Testing

/// A model used as a layer of a Sequential model: what ConvBook refuses instead of guessing.
@Suite struct NestedModelCellTests {
  @Test func refusesAModelCalledOnAnotherShape() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    cells.run("base = keras.Sequential([layers.Conv2D(4, 3, input_shape=(8, 8, 3))])")
    let source = "model = keras.Sequential([keras.Input(shape=(10, 10, 3)), base])"
    let error = cells.run(source).error
    #expect(error?.type == nil)
    #expect(error?.message.contains("built for inputs of shape (None, 8, 8, 3)") == true)
    #expect(CellRunner.text(of: error, in: source) == "base")
  }

  @Test func refusesAModelInsideItself() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    cells.run("model = keras.Sequential([layers.Dense(4, input_shape=(3,))])")
    let error = cells.run("model.add(model)").error
    #expect(error?.type == nil)
    #expect(error?.message.contains("adding a model to itself") == true)
  }

  @Test func freezingTheModelFreezesItsLayers() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    let (printed, error) = cells.run(
      """
      base = keras.Sequential([layers.Dense(4, input_shape=(3,)), layers.Dense(2)])
      model = keras.Sequential([base, layers.Dense(1)])
      base.trainable = False
      print(model.trainable, base.trainable, [l.trainable for l in base.layers])
      print([w.name for w in model.trainable_weights])
      model.trainable = True
      print([l.trainable for l in base.layers], model.layers[0] is base)
      """)
    #expect(error == nil, "\(String(describing: error))")
    #expect(
      printed == """
        True False [False, False]
        ['dense_2/kernel:0', 'dense_2/bias:0']
        [True, True] True

        """)
  }
}
