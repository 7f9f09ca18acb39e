import CNNEngine
import KerasCells
import Testing

/// `np.empty`: NumPy leaves the values as its memory held them, so an array whose every element
/// the script writes is printed, and one read before that is refused (script 1351 covers the
/// written ones against NumPy).
@Suite struct NumPyEmptyTests {
  static let refusal =
    "printing these values would show elements of a numpy.empty array that nothing has written (NumPy leaves them as its memory held them); write every element first, or use np.zeros"

  @Test(arguments: ["print(a)", "print(a[0])", "print(a.sum())", "print(a.copy())"])
  func readingBeforeEveryElementIsWrittenIsRefused(_ reading: String) {
    let source = """
      import numpy as np
      a = np.empty((2, 3))
      a[0] = 1.0
      print(a.shape)
      \(reading)

      """
    let result = KerasSession(kerasVersion: .keras2).run(source)
    #expect(result.printed() == "(2, 3)\n")
    #expect(result.error?.type == nil)
    #expect(result.error?.message.hasPrefix("printing these values would show") == true)
    if reading == "print(a)" { #expect(result.error?.message == Self.refusal) }
  }

  @Test func everyElementWrittenPrints() {
    let source = """
      import numpy as np
      a = np.empty((2, 2), dtype=int)
      a[:, 0] = 3
      a[0, 1] = 4
      a[1, 1] = 5
      print(a, a.sum())

      """
    let result = KerasSession(kerasVersion: .keras2).run(source)
    #expect(result.error == nil)
    #expect(result.printed() == "[[3 4]\n [3 5]] 15\n")
  }
}
