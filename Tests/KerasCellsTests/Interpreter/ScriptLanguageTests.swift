import KerasCells
import Testing

/// The language around model code that the CPython differential cases cannot show: ConvBook's own
/// notes and refusals.
@Suite struct ScriptLanguageTests {
  @Test func followOnErrorsPointBackToTheCellThatFailed() {
    let runner = CellRunner()
    runner.run(CellRunner.header)
    let failed = runner.run("model = keras.Sequential([layers.Dense(-1)])\nsize = 3")
    #expect(failed.error != nil)
    let followOn = runner.run("model.summary()").error
    #expect(followOn?.description == "NameError: name 'model' is not defined")
    #expect(
      followOn?.note
        == "`model` would have been defined by cell 2, which stopped earlier with \(failed.error!.description)"
    )
    // Figures and exercises that name the model get the same note.
    #expect(runner.session.failureNote(forMissing: "model") == followOn?.note)
    #expect(runner.session.failureNote(forMissing: "size") != nil)
    // A name nobody meant to define gets no note.
    #expect(runner.run("print(other)").error?.note == nil)
    #expect(runner.session.failureNote(forMissing: "other") == nil)
  }

  @Test func misspelledNamesGetCPythonsSuggestion() {
    let runner = CellRunner()
    runner.run(CellRunner.header)
    let layer = runner.run("x = layers.Conv2d(3, 3)").error
    #expect(layer?.suggestion == "Conv2D")
    #expect(
      layer?.tracebackLine
        == "AttributeError: module 'tf_keras.api._v2.keras.layers' has no attribute 'Conv2d'. Did you mean: 'Conv2D'?"
    )
    let keyword = runner.run("x = layers.Conv2D(3, 3, activaton='relu')").error
    #expect(keyword?.description == "TypeError: ('Keyword argument not understood:', 'activaton')")
    #expect(keyword?.hint == "did you mean `activation`?")
    // CPython adds nothing to a TypeError's last line.
    #expect(keyword?.tracebackLine == keyword?.description)
    #expect(runner.run("y = Dense").error?.suggestion == nil)
  }

  @Test func starImportsBindKerasNamesAndRefuseWhatConvBookLacks() {
    let runner = CellRunner()
    #expect(runner.run("from tensorflow.keras.layers import *\nx = Conv2D(8, 3)").error == nil)
    let missing = runner.run("y = AbstractRNNCell()").error
    #expect(missing?.type == nil)
    #expect(missing?.message == "ConvBook does not support `keras.layers.AbstractRNNCell` yet")
    #expect(runner.run("z = NoSuchLayer(4)").error?.type == "NameError")
    let inFunction = runner.run("def f():\n    from keras.layers import *\n").error
    #expect(inFunction?.message == "import * only allowed at module level")
  }

  @Test func aListThatWouldHoldItselfIsRefused() {
    let runner = CellRunner()
    let error = runner.run("a = [1]\nb = [a]\na.append(b)").error
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook does not support a list that contains itself")
    let dictionary = runner.run("d = {}\nd['self'] = d").error
    #expect(dictionary?.message == "ConvBook does not support a dict that contains itself")
  }

  @Test func summaryPrintedHalfwayShowsTheHalfBuiltModel() {
    let runner = CellRunner()
    runner.run(CellRunner.header)
    let printed = runner.run(
      """
      model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])
      model.summary()
      model.add(layers.Dense(3))
      model.summary()
      """
    ).printed
    #expect(printed.components(separatedBy: "Total params: 10 (40.00 Byte)").count == 2)
    #expect(printed.components(separatedBy: "Total params: 19 (76.00 Byte)").count == 2)
  }
}
