import KerasCells
import Testing

/// Keras' automatic names count per session: from cell to cell, and also for objects whose
/// creation failed after they took their name.
@Suite struct NameCounterTests {
  @Test func countersContinueAcrossCells() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    cells.run("a = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2), layers.Dense(3)])")
    let (printed, error) = cells.run(
      "b = keras.Sequential([layers.Dense(2, input_shape=(4,))])\nprint(a.name, [l.name for l in a.layers], b.name, b.layers[0].name)"
    )
    #expect(error == nil)
    #expect(printed == "sequential ['dense', 'dense_1'] sequential_1 dense_2\n")
  }

  @Test func failingCellsStillUseNames() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    // conv2d_1 fails on the 2x2 map; the model, both convolutions and the Flatten were named.
    let failing = cells.run(
      """
      model = keras.Sequential([
          keras.Input(shape=(6, 6, 1)),
          layers.Conv2D(16, 3),
          layers.MaxPooling2D(2),
          layers.Conv2D(32, 3),
          layers.Flatten(),
      ])
      """)
    #expect(failing.error?.type == "ValueError")
    let (printed, error) = cells.run(
      "m = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])\nprint(m.name, m.layers[0].name, layers.Flatten().name, layers.Conv2D(1, 1).name)"
    )
    #expect(error == nil)
    #expect(printed == "sequential_1 dense flatten_1 conv2d_2\n")
  }

  @Test func constructorErrorsAfterNamingUseTheName() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    // A Keras ValueError in the constructor comes after the name was taken; a Python TypeError
    // while binding arguments comes before.
    #expect(cells.run("layers.Dense(-1)").error?.type == "ValueError")
    #expect(cells.run("layers.Dense(2, activaton='relu')").error?.type == "TypeError")
    #expect(cells.run("print(layers.Dense(1).name)").printed == "dense_1\n")
  }

  @Test func inputsCountFromOneAndClearSessionResets() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    cells.run("a = keras.Input(shape=(3,))\nb = layers.InputLayer(input_shape=(3,))")
    #expect(
      cells.run("print(a.name, b.name, keras.Input(shape=(1,)).name)").printed
        == "input_1 input_2 input_3\n")
    cells.run("keras.backend.clear_session()")
    #expect(
      cells.run("print(keras.Input(shape=(1,)).name, layers.Dense(1).name)").printed
        == "input_1 dense\n")
  }

  @Test func functionalModelsCountAsModel() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    let (printed, error) = cells.run(
      """
      x = keras.Input(shape=(3,))
      m1 = keras.Model(x, layers.Dense(1)(x))
      y = keras.Input(shape=(3,))
      m2 = keras.Model(inputs=[y], outputs=[layers.Dense(1)(y)])
      s = keras.Sequential()
      print(m1.name, m2.name, s.name)
      """)
    #expect(error == nil)
    #expect(printed == "model model_1 sequential\n")
  }
}
