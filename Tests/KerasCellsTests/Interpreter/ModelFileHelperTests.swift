import KerasCells
import Testing

/// The helpers old model files import beside their layers (`get_file`, `get_source_inputs`,
/// `K.is_keras_tensor`): what ConvBook cannot do with them is refused when it is asked for, not
/// when the name is imported. What Keras prints is held by script fixture 360.
@Suite struct ModelFileHelperTests {
  @Test func getFileImportsAndIsRefusedWhenCalled() {
    let runner = CellRunner()
    #expect(runner.run("from tensorflow.keras.utils import get_file").error == nil)
    let call = runner.run("path = get_file('w.h5', 'https://example.org/w.h5')").error
    #expect(call?.type == nil)
    #expect(
      call?.message
        == "ConvBook does not support `keras.utils.get_file`: cells do not download files")
  }

  @Test func getSourceInputsWalksBackToTheInputs() {
    let runner = CellRunner()
    runner.run(CellRunner.header)
    let source = """
      a = keras.Input((4,))
      b = keras.Input((4,))
      c = layers.add([layers.Dense(4)(b), a])
      found = keras.utils.get_source_inputs(c)
      """
    #expect(runner.run(source).error == nil)
    #expect(runner.run("assert found[0] is b and found[1] is a and len(found) == 2").error == nil)
    let keywords = runner.run("keras.utils.get_source_inputs(c, layer=None)").error
    #expect(keywords?.type == nil)
    #expect(
      keywords?.message
        == "ConvBook's keras.utils.get_source_inputs() takes one tensor (no layer or node_index)")
  }

  @Test func isKerasTensorRefusesWhatItCannotName() {
    let runner = CellRunner()
    runner.run(CellRunner.header)
    #expect(
      runner.run("x = keras.Input((3,))\nflag = keras.backend.is_keras_tensor(x)").error == nil)
    let layer = runner.run("keras.backend.is_keras_tensor(layers.Dense(2))").error
    #expect(layer?.type == nil)
    #expect(layer?.message.hasPrefix("ConvBook's keras.backend.is_keras_tensor() takes") == true)
    let number = runner.run("keras.backend.is_keras_tensor(3)").error
    #expect(
      number?.description
        == "ValueError: Unexpectedly found an instance of type `<class 'int'>`. Expected a symbolic tensor instance."
    )
  }
}
