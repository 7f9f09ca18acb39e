import KerasCells
import Testing

/// Item and slice assignment into NumPy arrays: values written where the array lives, and the
/// cases where NumPy would show the change through another value refused as ConvBook's limitation.
@Suite struct ArrayAssignmentTests {
  @Test func writesIntoNamedAttributeAndListArrays() {
    let runner = CellRunner()
    let (printed, error) = runner.run(
      """
      import numpy as np
      x = np.zeros((2, 3))
      x[0, 1] = 1
      x[:, 2] = [4, 5]
      x[1][0] = 7
      class Box:
          def __init__(self):
              self.a = np.zeros(2, dtype=np.int32)
      box = Box()
      box.a[1] = 3.9
      arrays = [np.ones(2)]
      arrays[0][0] = -1
      def fill():
          x[0, 0] = 9
      fill()
      print(x.tolist(), box.a.tolist(), arrays[0].tolist())
      """)
    #expect(error == nil)
    #expect(printed == "[[9.0, 1.0, 4.0], [7.0, 0.0, 5.0]] [0, 3] [-1.0, 1.0]\n")
  }

  @Test func pairedIndexArraysAndMasks() {
    let (printed, error) = CellRunner().run(
      """
      import numpy as np
      y = np.zeros((3, 3), dtype=np.float32)
      y[np.arange(3), [2, 0, 1]] = 1.0
      m = np.arange(4.0)
      m[m > 1] = 0
      print(y.tolist(), m.tolist())
      """)
    #expect(error == nil)
    #expect(printed == "[[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]] [0.0, 1.0, 0.0, 0.0]\n")
  }

  @Test func sharedArraysAndViewsAreRefused() {
    let aliased = CellRunner().run("import numpy as np\nx = np.zeros(3)\ny = x\nx[0] = 1").error
    #expect(aliased?.type == nil)
    #expect(aliased?.message.contains("another name or container also holds") == true)
    // A second view (or a second name) of the base: NumPy would change it too.
    let view = CellRunner().run(
      "import numpy as np\nx = np.zeros((2, 2))\nrow = x[0]\nother = x[1]\nrow[1] = 5"
    ).error
    #expect(view?.type == nil)
    #expect(view?.message.contains("a view of an array that is still in use") == true)
    let inPlace = CellRunner().run(
      "import numpy as np\nx = np.zeros((2, 2))\nkept = (x,)\nrow = x[0]\nrow += 5"
    ).error
    #expect(inPlace?.message.contains("a view of an array that is still in use") == true)
    let base = CellRunner().run("import numpy as np\nx = np.zeros((2, 2))\nrow = x[0]\nx[0, 0] = 5")
      .error
    #expect(base?.message.contains("another name or container also holds") == true)
    // A copy shares nothing; a view whose base is gone can be written.
    let (printed, error) = CellRunner().run(
      """
      import numpy as np
      x = np.zeros(3)
      y = x.copy()
      y[0] = 1
      z = np.zeros((2, 2))[0]
      z[1] = 2
      print(x.tolist(), y.tolist(), z.tolist())
      """)
    #expect(error == nil)
    #expect(printed == "[0.0, 0.0, 0.0] [1.0, 0.0, 0.0] [0.0, 2.0]\n")
  }

  @Test func writesThroughAViewIntoTheBaseOneNameHolds() {
    // `da_prev_pad = dA_prev_pad[i]` in a function, windows added into the view; at the top
    // level a view of a view, and `+=` on a view.
    let (printed, error) = CellRunner().run(
      """
      import numpy as np
      def spread(n):
          padded = np.zeros((2, n + 2))
          for i in range(2):
              one = padded[i]
              for j in range(n):
                  one[j:j + 3] += i + 1
          return padded
      print(spread(2).tolist())
      x = np.arange(6.0).reshape(2, 3)
      cell = x[1][::-1][:2]
      cell[0] = -1
      cell += 10
      print(x.tolist(), cell.tolist())
      """)
    #expect(error == nil)
    #expect(
      printed
        == "[[1.0, 2.0, 2.0, 1.0], [2.0, 4.0, 4.0, 2.0]]\n[[0.0, 1.0, 2.0], [3.0, 14.0, 9.0]] [9.0, 14.0]\n"
    )
  }

  @Test func numpyErrorsInNumPysWords() {
    let runner = CellRunner()
    runner.run("import numpy as np\nx = np.zeros((2, 3))")
    let shape = runner.run("x[0] = [1, 2]").error
    #expect(shape?.type == "ValueError")
    #expect(shape?.message == "could not broadcast input array from shape (2,) into shape (3,)")
    let bounds = runner.run("x[2, 0] = 1").error
    #expect(bounds?.type == "IndexError")
    #expect(bounds?.message == "index 2 is out of bounds for axis 0 with size 2")
    let nan = runner.run("i = np.zeros(2, dtype=np.int32)\ni[0] = float('nan')").error
    #expect(nan?.type == "ValueError")
    #expect(nan?.message == "cannot convert float NaN to integer")
  }
}
