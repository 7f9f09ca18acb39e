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

  /// CPython closes a generator when the last reference goes: a function's local one when the
  /// function returns (before the caller goes on), the script's own at exit in the order their
  /// names were bound (`python` 3.11.7's output).
  @Test func generatorsCloseWhenTheirFrameGoesAndInOrderAtTheEnd() {
    let (printed, error) = CellRunner().run(
      """
      def g(tag):
          try:
              yield 1
              yield 2
          finally:
              print("cleanup", tag)
      a = g("a")
      next(a)
      b = g("b")
      next(b)
      b = None
      print("after b")
      c = g("c")
      print(next(c), [v for v in g("d")])
      def use():
          local = g("local")
          return next(local)
      print(use(), "after use")
      e = g("e")
      next(e)
      print("end")
      """)
    #expect(error == nil)
    #expect(
      printed
        == "cleanup b\nafter b\ncleanup d\n1 [1, 2]\ncleanup local\n1 after use\nend\ncleanup a\ncleanup c\ncleanup e\n"
    )
  }

  /// `send`, `throw` (delegated through `yield from`), `StopIteration.value` and PEP 479's
  /// cause, as `python` 3.11.7 prints them.
  @Test func sendThrowAndTheirDelegation() {
    let (printed, error) = CellRunner().run(
      """
      def counter():
          n = 0
          while True:
              got = yield n
              n += 1 if got is None else got
      c = counter()
      try:
          c.send(5)
      except TypeError as e:
          print("TypeError:", e)
      print(next(c), c.send(10), next(c))
      def g():
          try:
              yield 1
          except ValueError as err:
              print("caught", err)
              yield "recovered"
          yield "last"
      x = g()
      print(next(x), x.throw(ValueError("v")), next(x))
      try:
          x.throw(KeyError("k"))
      except KeyError as err:
          print("KeyError out", err)
      def inner():
          try:
              got = yield "inner"
              print("inner got", got)
              yield "again"
          except IndexError:
              yield "inner caught"
          return 7
      def outer():
          result = yield from inner()
          yield result
      o = outer()
      print(next(o), o.send("s"), o.throw(IndexError), next(o))
      def returns():
          yield 1
          return "done"
      r = returns()
      next(r)
      try:
          next(r)
      except StopIteration as e:
          print("value", e.value, e.args)
      def raises_stop():
          yield 1
          raise StopIteration("inner")
      try:
          list(raises_stop())
      except RuntimeError as e:
          print(e, "|", repr(e.__cause__))
      """)
    #expect(error == nil)
    #expect(
      printed == """
        TypeError: can't send non-None value to a just-started generator
        0 10 11
        caught v
        1 recovered last
        KeyError out 'k'
        inner got s
        inner again inner caught 7
        value done ('done',)
        generator raised StopIteration | StopIteration('inner')

        """)
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

  /// A body runs on a thread with less stack than the cell's: calls and expressions nested
  /// deeper than it holds are ConvBook's refusal, never a crash (CPython runs both: a recursion
  /// 900 deep inside the body, a 2,000-term sum written out); a recursion 150 deep still runs.
  @Test func deepWorkInsideABodyIsRefusedNotACrash() {
    let recursion = """
      def depth(n):
          return 0 if n == 0 else 1 + depth(n - 1)
      def g(n):
          yield depth(n)

      """
    let refused = CellRunner().run(recursion + "print(next(g(900)))").error
    #expect(refused?.type == nil)
    #expect(
      refused?.message.hasPrefix(
        "ConvBook does not support calls and expressions nested this deep inside a generator's body yet"
      ) == true)
    #expect(CellRunner().run(recursion + "print(next(g(150)))").printed == "150\n")
    let sum = CellRunner().run(
      "def g():\n    yield " + Array(repeating: "1", count: 2000).joined(separator: "+")
        + "\nprint(next(g()))"
    ).error
    #expect(sum?.type == nil)
    #expect(sum?.message.contains("inside a generator's body") == true)
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

  /// A generator without `steps_per_epoch=`: Keras reads it until it ends, which an endless one
  /// never does; ConvBook asks for the steps (`GeneratorFeed`).
  @Test func trainingOnAnEndlessGeneratorNeedsSteps() {
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
    #expect(
      error?.message.hasPrefix("ConvBook needs `steps_per_epoch=` to fit on a Python generator")
        == true)
  }
}
