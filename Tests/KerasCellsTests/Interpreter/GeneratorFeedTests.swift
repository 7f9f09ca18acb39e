import KerasCells
import Testing

/// A Python generator fed to fit/evaluate/predict is read through Keras' prefetching pipeline:
/// what that makes depend on the thread's timing is refused as ConvBook's limitation
/// (`GeneratorFeed`); script 1137 has what matches.
@Suite struct GeneratorFeedTests {
  static let model = """
    import numpy as np
    from tensorflow import keras
    keras.utils.set_random_seed(1)
    x = np.ones((8, 2), dtype="float32")
    y = np.zeros((8, 1), dtype="float32")
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")

    """

  static func error(_ source: String, keras3: Bool = false) -> CellError? {
    KerasSession(kerasVersion: keras3 ? .keras3 : .keras2).run(model + source).error
  }

  @Test(arguments: [false, true])
  func aGeneratorKerasReadCannotBeReadOn(keras3: Bool) {
    let error = Self.error(
      "def gen():\n    while True:\n        yield x, y\ng = gen()\nmodel.fit(g, steps_per_epoch=2, verbose=0)\nnext(g)",
      keras3: keras3)
    #expect(error?.type == nil)
    #expect(error?.message.contains("read this generator ahead") == true)
  }

  @Test func aGeneratorThatPrintsWhileKerasReadsItIsRefused() {
    let error = Self.error(
      "def gen():\n    while True:\n        print('batch')\n        yield x, y\nmodel.evaluate(gen(), steps=2, verbose=0)"
    )
    #expect(error?.type == nil)
    #expect(error?.message.contains("printed while Keras' evaluate read it") == true)
  }

  @Test func stepsAreNeeded() {
    let error = Self.error(
      "def gen():\n    for _ in range(3):\n        yield x, y\nmodel.fit(gen(), verbose=0)")
    #expect(error?.type == nil)
    #expect(error?.message.contains("needs `steps_per_epoch=`") == true)
  }

  @Test func aGeneratorDrawingFromARandomStateObjectIsRefused() {
    let error = Self.error(
      "rng = np.random.RandomState(0)\ndef gen():\n    while True:\n        yield rng.rand(8, 2), y\nmodel.fit(gen(), steps_per_epoch=2, verbose=0)"
    )
    #expect(error?.type == nil)
    #expect(error?.message.contains("NumPy random generator object") == true)
  }

  @Test func numpysSeedIsLostAfterAGeneratorDrewFromIt() {
    let result = KerasSession().run(
      Self.model
        + "np.random.seed(0)\ndef gen():\n    while True:\n        yield np.random.rand(8, 2), y\nmodel.fit(gen(), steps_per_epoch=2, verbose=0)\nprint(np.random.rand())"
    )
    #expect(result.error?.type == nil)
    #expect(result.error != nil)
  }

  @Test(arguments: [false, true])
  func targetsBesideAGeneratorAreKerasValueError(keras3: Bool) {
    let error = Self.error(
      "def gen():\n    while True:\n        yield x, y\nmodel.fit(gen(), y, steps_per_epoch=2, verbose=0)",
      keras3: keras3)
    #expect(error?.type == "ValueError")
    #expect(
      error?.message
        == (keras3
          ? "When providing `x` as a generator, `y` should not be passed. Instead, the targets should be included as part of the generator."
          : "`y` argument is not supported when using python generator as input."))
  }
}
