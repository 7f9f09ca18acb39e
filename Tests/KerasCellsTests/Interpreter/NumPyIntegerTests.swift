import KerasCells
import Testing

/// Integer arrays are exact up to 2**53 and wrap where NumPy's wrap; what ConvBook cannot hold
/// exactly, or what NumPy leaves undefined, is refused as ConvBook's limitation (the cases NumPy
/// computes are replayed against NumPy itself in `numpy_scalars.cases` and scripts 480-483).
@Suite struct NumPyIntegerTests {
  @Test func holdsIntegersBeyondFloat32() {
    let (printed, error) = CellRunner().run(
      """
      import numpy as np
      x = np.array([2**40 + 1, 3])
      print(x.dtype, (x * 2).tolist(), x.sum().item(), np.prod(np.array([2**20, 2**20])).item())
      """)
    #expect(error == nil)
    #expect(printed == "int64 [2199023255554, 6] 1099511627780 1099511627776\n")
  }

  @Test func refusesWhatItCannotHoldExactly() {
    let (_, product) = CellRunner().run(
      "import numpy as np\nx = np.array([2**40]) * np.array([2**20])")
    #expect(product?.type == nil)
    #expect(product?.message.contains("exactly up to 2**53") == true)
    let (_, literal) = CellRunner().run("import numpy as np\nx = np.array([2**60])")
    #expect(literal?.message.contains("integers up to 2**53 exactly") == true)
    let (_, prod) = CellRunner().run("import numpy as np\nn = np.prod([2**40, 2**20])")
    #expect(prod?.type == nil)
    #expect(prod?.message.contains("np.prod() is") == true)
  }

  @Test func refusesUndefinedCasts() {
    let (_, cast) = CellRunner().run(
      "import numpy as np\nx = np.array([1.5e10]).astype(np.int32)")
    #expect(cast?.type == nil)
    #expect(cast?.message.contains("does not fit int32") == true)
    let (_, nan) = CellRunner().run("import numpy as np\nx = np.array([np.nan]).astype('int64')")
    #expect(nan?.type == nil)
    let (_, modulo) = CellRunner().run("import numpy as np\nx = np.arange(3) % 0")
    #expect(modulo?.message.contains("modulo by zero") == true)
  }

  @Test func wrapsNarrowIntegersAsNumPyDoes() {
    let (printed, error) = CellRunner().run(
      """
      import numpy as np
      a = np.array([2**31 - 1, -2**31], dtype=np.int32)
      b = np.array([200, 100], dtype=np.uint8)
      print((a + 1).tolist(), (a - 1).tolist(), (b * 2).tolist(), (-b).tolist())
      print(np.array([2**32 + 5, -1]).astype(np.int32).tolist(), np.array([256 + 7]).astype('uint8').tolist())
      """)
    #expect(error == nil)
    #expect(
      printed
        == "[-2147483648, -2147483647] [2147483646, 2147483647] [144, 200] [56, 156]\n[5, -1] [7]\n"
    )
  }
}
