import KerasCells
import Testing

/// `Dot`, `Lambda` and the arguments of `summary(...)`: the refusals and edge cases that the tf-keras
/// corpus (files 215-227) does not cover.
@Suite struct GraphLayerTests {
  @Test func dotChecksItsAxesAsKerasDoes() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    let (printed, error) = cells.run(
      """
      a = keras.Input(shape=(3, 5))
      b = keras.Input(shape=(4, 5))
      print(layers.Dot(axes=-1)([a, b]).shape, layers.dot([a, b], axes=(2, 2)).shape)
      print(layers.Dot(axes=1, normalize=True)([keras.Input(shape=(7,)), keras.Input(shape=(7,))]).shape)
      """)
    #expect(error == nil, "\(String(describing: error))")
    #expect(printed == "(None, 3, 4) (None, 3, 4)\n(None, 1)\n")
    let mismatch = cells.run("layers.Dot(axes=1)([a, b])").error
    #expect(mismatch?.type == "ValueError")
    #expect(
      mismatch?.message
        == "Incompatible input shapes: axis values 3 (at axis 1) != 4 (at axis 1). Full input shapes: (None, 3, 5), (None, 4, 5)"
    )
    let single = cells.run("layers.Dot(axes=1)(a)").error
    #expect(
      single?.message
        == "A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=(None, 3, 5)"
    )
    let three = cells.run("layers.Dot(axes=(1, 2, 3))").error
    #expect(
      three?.message
        == "Invalid format for argument `axes`: it should contain two elements. Received: axes=(1, 2, 3)"
    )
    let batch = cells.run("layers.Dot(axes=0)([a, a])").error
    #expect(
      batch?.message.hasPrefix("ConvBook does not support `Dot` along the batch axis") == true)
  }

  @Test func lambdaTracesTensorArithmeticOnly() {
    let cells = CellRunner()
    cells.run(CellRunner.header + "import tensorflow as tf\n")
    let (printed, error) = cells.run(
      """
      x = keras.Input(shape=(4, 4, 2))
      y = layers.Lambda(lambda t: 1.0 - t * 0.5)(x)
      z = x * 2.0
      print(y.shape)
      """)
    #expect(error == nil, "\(String(describing: error))")
    #expect(printed == "(None, 4, 4, 2)\n")
    // Tracing took no names: the next operator outside a Lambda is the session's first.
    let names = cells.run(
      "m = keras.Model(x, [y, z])\nprint([l.name for l in m.layers])")
    #expect(names.printed == "['input_1', 'lambda', 'tf.math.multiply']\n")
    let refused = cells.run("layers.Lambda(lambda t: tf.signal.rfft(t))(x)").error
    #expect(refused?.message == "ConvBook does not support `tf.signal.rfft` in a Lambda yet")
    let failing = cells.run("layers.Lambda(lambda t: t.foo)(x)").error
    #expect(
      failing?.message.hasPrefix(
        "ConvBook runs a Lambda layer's function on symbolic tensors to know its output") == true)
    let constant = cells.run("layers.Lambda(lambda t: 3)(x)").error
    #expect(
      constant?.message.hasPrefix("ConvBook runs Lambda functions made of tensor arithmetic")
        == true)
  }

  @Test func summaryArgumentsAreCheckedBeforePrinting() {
    let cells = CellRunner()
    cells.run(CellRunner.header)
    cells.run("m = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2)])")
    let narrow = cells.run("m.summary(positions=[10, 11, 40])").error
    #expect(narrow?.message.hasPrefix("ConvBook does not print a summary whose column 2") == true)
    let unknown = cells.run("m.summary(colour=True)").error
    #expect(unknown?.type == "TypeError")
    #expect(unknown?.message == "Model.summary() got an unexpected keyword argument 'colour'")
    let layerRange = cells.run("m.summary(layer_range=['dense', 'nothing'])").error
    #expect(layerRange?.type == "ValueError")
    #expect(
      layerRange?.message
        == "Passed layer_names do not match the layer names in the model. Received: ['dense', 'nothing']"
    )
    #expect(cells.run("m.summary(layer_range=['dense', 'dense'])").error == nil)
    // tf-keras hands `print_fn` one line at a time; `print` prints them as Keras would.
    let viaPrint = cells.run("m.summary(print_fn=print)")
    #expect(viaPrint.error == nil)
    #expect(viaPrint.printed == cells.run("m.summary()").printed)
    let lines = cells.run("lines = []\nm.summary(print_fn=lines.append)\nprint(len(lines))")
    #expect(lines.printed == "11\n")
    let keras3 = KerasSession(kerasVersion: .keras3)
    keras3.run(
      CellRunner.header + "m = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2)])")
    // Keras 3 prints the arguments too (its text: Keras3CorpusTests' 215-226).
    let printed = keras3.run("m.summary(show_trainable=True)")
    #expect(printed.error == nil)
    #expect(printed.printed(format: .keras3()).contains("┃ Trai… ┃"))
  }
}
