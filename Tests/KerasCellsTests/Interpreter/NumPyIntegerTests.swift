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
    #expect(
      cast?.message.contains("ConvBook does not cast the value 15000000000.0 to int32") == true)
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

  /// NumPy's integer scalars warn where they wrap (once per line, from the script's line); arrays
  /// and `**` wrap silently (recorded from NumPy 2.4.6).
  @Test func warnsWhereIntegerScalarsWrap() {
    let result = KerasSession().run(
      """
      import numpy as np
      a = np.int32(2**31 - 1)
      for _ in range(2):
          b = a + 1
      c = np.uint8(3) - np.uint8(5)
      d = np.array([2**31 - 1], dtype=np.int32) + 1
      e = np.int32(2) ** 40
      f = np.int32(-2**31) // np.int32(-1)
      print(b, c, d, e, f, np.int32(7) * 3)
      """)
    #expect(result.error == nil)
    #expect(result.printed(footer: .modern) == "-2147483648 254 [-2147483648] 0 -2147483648 21\n")
    #expect(
      result.warnings.map { $0.pythonText(orAt: "s.py:\($0.range.start.line)") }
        == [
          "s.py:4: RuntimeWarning: overflow encountered in scalar add\n  b = a + 1\n",
          "s.py:5: RuntimeWarning: overflow encountered in scalar subtract\n  c = np.uint8(3) - np.uint8(5)\n",
          "s.py:8: RuntimeWarning: overflow encountered in scalar floor_divide\n  f = np.int32(-2**31) // np.int32(-1)\n",
        ])
  }

  /// A float within int64's range but beyond 2**53 is ConvBook's limitation, not an undefined
  /// cast; `np.array(range(...))` is an int64 array, an int beyond 64 bits a refusal in ConvBook's
  /// words.
  @Test func castsAndRangesBeyondExactIntegers() {
    let (_, cast) = CellRunner().run("import numpy as np\nx = np.array([1.5e16]).astype(int)")
    #expect(cast?.type == nil)
    #expect(cast?.message.contains("hold integers exactly up to 2**53") == true)
    let (_, huge) = CellRunner().run("import numpy as np\nx = np.array([2**70])")
    #expect(huge?.type == nil)
    #expect(huge?.message.contains("1180591620717411303424 is larger") == true)
    let (printed, error) = CellRunner().run(
      "import numpy as np\nprint(np.array(range(2, 11, 4)), np.array(range(0)).dtype)")
    #expect(error == nil)
    #expect(printed == "[ 2  6 10] float64\n")
  }
}
