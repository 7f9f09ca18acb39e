import KerasCells
import Testing

/// A module ConvBook lacks is Python's ModuleNotFoundError to an `except ImportError:` that guards
/// its import, and ConvBook's limitation when nothing catches it.
@Suite struct OptionalImportTests {
  @Test func guardedImportTakesTheFallback() {
    let result = KerasSession().run(
      """
      try:
          import tensorflow_addons as tfa
      except ImportError as error:
          print(type(error).__name__, error)
          tfa = None
      print(tfa)
      """)
    #expect(result.error == nil)
    #expect(
      result.printed(footer: .modern)
        == "ModuleNotFoundError No module named 'tensorflow_addons'\nNone\n")
  }

  @Test func unguardedImportIsConvBooksLimitation() throws {
    let error = try #require(KerasSession().run("import tensorflow_addons.layers").error)
    #expect(error.type == nil)
    #expect(
      error.message
        == "ConvBook cells can import tensorflow and keras (and tf_keras); 'tensorflow_addons.layers' is not available here"
    )
  }

  @Test func subclassedModelRunsItsOwnTrainStep() throws {
    // Keras calls the model's own train_step per batch; its logs (here none) are the history's.
    let result = KerasSession(kerasVersion: .keras2).run(
      """
      import numpy as np
      from tensorflow import keras
      class MyModel(keras.Model):
          def train_step(self, data):
              return {}
      model = MyModel()
      model.compile(optimizer="adam", loss="mse")
      print(model.fit(np.ones((2, 3)), np.ones((2, 1)), verbose=0).history)
      """)
    #expect(result.error == nil, "\(String(describing: result.error))")
    #expect(result.printed(footer: .modern) == "{}\n")
  }

  @Test func globImportsButReadsNoFiles() throws {
    let session = KerasSession()
    let imported = session.run(
      "from glob import glob\nimport glob as g\nprint(callable(glob), callable(g.iglob))")
    #expect(imported.error == nil)
    #expect(imported.printed(footer: .modern) == "True True\n")
    let error = try #require(session.run("images = sorted(glob('./data/*.png'))").error)
    #expect(error.type == nil)
    #expect(
      error.message
        == "`glob.glob` reaches files, processes or the machine, which ConvBook cells do not do")
    #expect(session.run("g.escape").error?.message == "ConvBook does not support `glob.escape` yet")
  }
}
