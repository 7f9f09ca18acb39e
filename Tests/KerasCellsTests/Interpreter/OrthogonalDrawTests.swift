import Testing

@testable import KerasCells

/// An orthogonal matrix with 48 rows and columns or more (a recurrent kernel of 48 units) is QR'd
/// by TensorFlow with Eigen's blocked Householder reflectors, which ConvBook does not follow: its
/// values are ConvBook's own and printing them is refused; below 48 they are TensorFlow's draw.
struct OrthogonalDrawTests {
  @Test func blockedOrthogonalKernelsAreConvBooksOwnDraw() {
    func printing(units: Int) -> CellError? {
      CellRunner().run(
        CellRunner.header + """
          keras.utils.set_random_seed(48)
          rnn = layers.SimpleRNN(\(units))
          model = keras.Sequential([keras.Input((3, 8)), rnn])
          print(rnn.get_weights()[1][0, :2])
          """
      ).error
    }
    #expect(printing(units: 47) == nil)
    let refusal = printing(units: 48)
    #expect(refusal?.type == nil)
    #expect(refusal?.message.contains("own random draw") == true)
  }
}
