import KerasCells
import Testing

/// `x /= 255` and friends keep the array's dtype and shape, as NumPy's in-place ufuncs do, and
/// reductions take a tuple of axes.
@Suite struct ArrayInPlaceTests {
  @Test func keepsTheDtypeOfTheArray() {
    let (printed, error) = CellRunner().run(
      """
      import numpy as np
      x = np.arange(4, dtype="uint8").astype("float32")
      x /= 2
      x -= np.ones(4)
      n = np.arange(3, dtype="int32")
      n *= 2
      print(x.dtype, x.tolist(), n.dtype, n.tolist())
      """)
    #expect(error == nil)
    #expect(printed == "float32 [-1.0, -0.5, 0.0, 0.5] int32 [0, 2, 4]\n")
  }

  @Test func refusesCastsNumPyRefuses() {
    let (_, divide) = CellRunner().run("import numpy as np\nx = np.arange(4)\nx /= 2")
    #expect(divide?.type == "numpy._core._exceptions._UFuncOutputCastingError")
    #expect(
      divide?.message
        == "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'"
    )
    let (_, signed) = CellRunner().run(
      "import numpy as np\nx = np.zeros(2, dtype='uint8')\nx += np.ones(2, dtype='int32')")
    #expect(signed?.message.contains("from dtype('int32') to dtype('uint8')") == true)
    let (printed, caught) = CellRunner().run(
      """
      import numpy as np
      x = np.arange(4)
      try:
          x *= 0.5
      except TypeError as e:
          print("caught")
      """)
    #expect(caught == nil)
    #expect(printed == "caught\n")
    let (_, broadcast) = CellRunner().run(
      "import numpy as np\nx = np.ones(3)\nx += np.ones((2, 3))")
    #expect(
      broadcast?.message
        == "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)"
    )
  }

  @Test func reducesOverATupleOfAxes() {
    let (printed, error) = CellRunner().run(
      """
      import numpy as np
      x = np.arange(24).reshape(2, 3, 4)
      print(np.sum(x, axis=(0, 1)).tolist(), x.max(axis=(1, 2)).tolist(), np.mean(x, axis=(0, 1, 2)))
      """)
    #expect(error == nil)
    #expect(printed == "[60, 66, 72, 78] [11, 23] 11.5\n")
    let (_, gap) = CellRunner().run("import numpy as np\nnp.sum(np.ones((2, 3, 4)), axis=(0, 2))")
    #expect(gap?.message.hasPrefix("ConvBook reduces over adjacent axes only") == true)
    let (_, twice) = CellRunner().run("import numpy as np\nnp.sum(np.ones((2, 3)), axis=(1, -1))")
    #expect(twice?.message == "duplicate value in 'axis'")
  }

  @Test func clipKeepsNumPysDtype() {
    let (printed, error) = CellRunner().run(
      """
      import numpy as np
      x = np.clip(np.array([-0.5, 0.25, 1.5], dtype="float32"), 0., 1.)
      n = np.clip(np.arange(5), 1, 3)
      f = np.clip(np.arange(3), 0.5, None)
      print(x.dtype, x.tolist(), n.dtype, n.tolist(), f.dtype, f.tolist())
      """)
    #expect(error == nil)
    #expect(printed == "float32 [0.0, 0.25, 1.0] int64 [1, 1, 2, 3, 3] float64 [0.5, 1.0, 2.0]\n")
  }
}
