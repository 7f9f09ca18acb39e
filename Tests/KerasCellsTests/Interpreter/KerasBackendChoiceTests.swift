import CNNEngine
import Testing

@testable import KerasCells

/// Keras 3 chooses its backend from `os.environ["KERAS_BACKEND"]` when its package is first
/// imported: a name it does not know is its ValueError, another backend than TensorFlow is
/// ConvBook's limitation, and a change after the import changes nothing.
struct KerasBackendChoiceTests {
  private func run(_ source: String, version: KerasVersion = .keras3) -> (String, CellError?) {
    let result = KerasSession(kerasVersion: version).run(source)
    return (result.printed(footer: .modern), result.error)
  }

  @Test func unknownBackendIsKerasValueError() {
    let (_, error) = run("import os\nos.environ['KERAS_BACKEND'] = 'theano'\nimport keras")
    #expect(error?.type == "ValueError")
    #expect(error?.message == "Unable to import backend : theano")
  }

  @Test func otherBackendsAreConvBooksLimitation() {
    for backend in ["jax", "torch", "numpy", "openvino"] {
      let (_, error) = run(
        "import os\nos.environ['KERAS_BACKEND'] = '\(backend)'\nfrom tensorflow import keras")
      #expect(error != nil && error?.type == nil, "\(backend)")
    }
  }

  @Test func tensorflowOrLaterChangesOrTFKerasRunOn() {
    for (source, version) in [
      ("import os\nos.environ.setdefault('KERAS_BACKEND', 'tensorflow')\nimport keras", .keras3),
      ("import keras\nimport os\nos.environ['KERAS_BACKEND'] = 'jax'\nimport keras", .keras3),
      ("import os\nos.environ['KERAS_BACKEND'] = 'theano'\nimport keras", .keras2),
    ] as [(String, KerasVersion)] {
      let (_, error) = run(source + "\nprint(keras.layers.Dense(2).units)", version: version)
      #expect(error == nil, "\(source)")
    }
  }
}
