import KerasCells
import Testing

/// Generator functions: lazy bodies on threads of their own (`PythonGenerator`), closed when
/// dropped, and ConvBook's limits on them.
@Suite struct GeneratorTests {
  @Test func droppedGeneratorsAreClosed() {
    let (printed, error) = CellRunner().run(
      """
      def numbers():
          try:
              yield 1
              yield 2
          except GeneratorExit:
              print("closed")
              raise
      for _ in range(40):
          g = numbers()
          next(g)
      del g
      print("done")
      """)
    #expect(error == nil)
    #expect(printed == String(repeating: "closed\n", count: 40) + "done\n")
  }

  @Test func unfinishedGeneratorsAreLimited() {
    let error = CellRunner().run(
      """
      def forever():
          while True:
              yield 0
      held = []
      for _ in range(40):
          g = forever()
          next(g)
          held.append(g)
      """
    ).error
    #expect(error?.type == nil)
    #expect(error?.message == "ConvBook runs at most 32 unfinished generators at once")
  }

  @Test func runawayBodyStopsAtTheTimeBudget() {
    let session = KerasSession(kerasVersion: .keras2)
    session.limits = EvaluationLimits(timeBudget: 0.5)
    let error = session.run(
      """
      def spin():
          while True:
              pass
          yield 1
      next(spin())
      """
    ).error
    #expect(error?.message.contains("time budget") == true)
  }

  @Test func generatorsAreNotResumedInALaterCell() {
    let runner = CellRunner()
    runner.run("def g():\n    yield 1\n    yield 2\nit = g()\nfirst = next(it)")
    let error = runner.run("second = next(it)").error
    #expect(error?.type == nil)
    #expect(error?.message.contains("resuming a generator in a later cell") == true)
  }

  @Test func trainingOnAGeneratorIsRefused() {
    let error = CellRunner().run(
      """
      import numpy as np
      from tensorflow import keras
      def data():
          while True:
              yield np.zeros((2, 3)), np.zeros((2, 1))
      model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
      model.compile(optimizer="sgd", loss="mse")
      model.fit(data(), epochs=1, verbose=0)
      """
    ).error
    #expect(error?.type == nil)
    #expect(error?.message.hasPrefix("ConvBook does not support a generator where arrays") == true)
  }
}
