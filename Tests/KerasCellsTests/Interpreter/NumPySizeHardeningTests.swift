import KerasCells
import Testing

/// Sizes a cell asks NumPy for are checked before anything is allocated: results too large for
/// the memory budget (or for 64-bit sizes) stop the cell with ConvBook's memory refusal, where
/// these inputs crashed (an allocation of terabytes, an overflow trap); a population beyond 2**53
/// is refused where its indices would have been rounded.
@Suite struct NumPySizeHardeningTests {
  static func refusal(_ expression: String) -> CellError? {
    KerasSession(kerasVersion: .keras2).run("import numpy as np\nx = " + expression).error
  }

  @Test(arguments: [
    "np.linspace(0, 1, 2**40)",
    "np.tile(np.ones(3), 2**40)",
    "np.pad(np.ones(3), 2**62)",
    "np.pad(np.ones((2, 2)), 2**40)",
    "np.repeat(np.ones((1000, 1000)), 2**50, axis=0)",
    "np.meshgrid(*[np.arange(1000)] * 7)",
    "np.random.choice(10**12, 3, replace=False)",
  ])
  func hugeResultsAreRefusedBeforeAllocating(_ expression: String) {
    let error = Self.refusal(expression)
    #expect(error?.type == nil)
    #expect(error?.message.contains("memory budget") == true)
  }

  /// `np.eye(2**33)` multiplied its sizes unchecked and trapped; NumPy's ValueError (recorded
  /// with NumPy 2.4.6) comes before the budget, as NumPy raises it before allocating.
  @Test(arguments: [
    "np.eye(2**33)", "np.eye(2**40, 2**40, dtype='uint8')", "np.zeros((2**40, 2**40))",
    "np.ones((0, 2**62))", "np.full((2**61, 0, 4), 1.0)", "np.diag(np.ones(2), k=2**62)",
  ])
  func sizesBeyondTheAddressSpaceAreNumPysValueError(_ expression: String) {
    let error = Self.refusal(expression)
    #expect(error?.type == "ValueError")
    #expect(
      error?.message
        == "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
    )
  }

  @Test func aDiagonalBeyond64BitsIsNumPysDimensionError() {
    let error = Self.refusal("np.diag(np.ones(2), k=-2**63)")
    #expect(error?.type == "ValueError")
    #expect(error?.message == "Maximum allowed dimension exceeded")
  }

  @Test func populationsBeyondExactIntegersAreRefused() {
    for expression in [
      "np.random.default_rng(0).choice(2**62, size=3)", "np.random.choice(2**62, size=3)",
      "np.ones(2) + 2**62", "np.ones(2, dtype='int64') < 2**70", "2**62 * np.arange(3)",
    ] {
      let error = Self.refusal(expression)
      #expect(error?.type == nil)
      #expect(error?.message.contains("up to 2**53") == true)
    }
  }

  @Test func smallAndEmptyResultsStillWork() {
    let result = KerasSession(kerasVersion: .keras2).run(
      """
      import numpy as np
      print(np.tile(np.ones((2, 0)), 3).shape, np.pad(np.ones((0,)), 2), np.tile(np.arange(3), (2, 2)))
      print(np.repeat(np.arange(3), 2), np.linspace(0, 1, 3), np.random.default_rng(0).normal(0, 0.0))
      """)
    #expect(result.error == nil)
    // Recorded with NumPy 2.4.6.
    #expect(
      result.printed()
        == "(2, 0) [0. 0. 0. 0.] [[0 1 2 0 1 2]\n [0 1 2 0 1 2]]\n[0 0 1 1 2 2] [0.  0.5 1. ] 0.0\n"
    )
  }
}
