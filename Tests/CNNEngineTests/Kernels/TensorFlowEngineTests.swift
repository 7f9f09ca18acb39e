import Testing

@testable import CNNEngine
@testable import CNNKernels

/// TensorFlow's own rule for oneDNN (`IsMklEnabled` in tensorflow/core/util/port.cc), which
/// `convbook` follows on the machine it runs on.
@Suite struct TensorFlowEngineTests {
  @Test func environmentDecidesWhenItSaysZeroOneTrueOrFalse() {
    for (value, engine) in [
      ("1", TensorFlowEngine.oneDNN), ("true", .oneDNN), ("TRUE", .oneDNN), ("True", .oneDNN),
      ("0", .eigen), ("false", .eigen), ("FALSE", .eigen),
    ] {
      for onByDefault in [false, true] {
        #expect(
          TensorFlowEngine.resolve(environmentValue: value, onByDefault: onByDefault) == engine)
      }
    }
  }

  /// Unset, empty or other text (TensorFlow warns about it): the processor's default.
  @Test func otherwiseTheProcessorDecides() {
    for value in [nil, "", "yes", "on", " 1", "2"] {
      #expect(TensorFlowEngine.resolve(environmentValue: value, onByDefault: false) == .eigen)
      #expect(TensorFlowEngine.resolve(environmentValue: value, onByDefault: true) == .oneDNN)
    }
  }

  /// Rows of 1 to 9 classes over 1 to 17 rows, the same values through both kernels: Eigen's sum
  /// exactly 1 within float32 rounding and differ from oneDNN's in the last few bits only.
  @Test func eigenSoftmaxRowsAreProbabilities() {
    var generator = SeededGenerator(seed: 3)
    for classes in 1...9 {
      for rows in [1, 7, 8, 9, 17] {
        let values = (0..<(rows * classes)).map { _ in Float.random(in: -6...6, using: &generator) }
        let eigen = EigenSoftmax.rows(values, rowLength: classes)
        let oneDNN = OneDNNSoftmax.rows(values, rowLength: classes)
        for row in 0..<rows {
          let slice = eigen[(row * classes)..<((row + 1) * classes)]
          #expect(abs(slice.reduce(0, +) - 1) < 1e-5)
        }
        for (a, b) in zip(eigen, oneDNN) { #expect(abs(a - b) <= 8 * b.ulp) }
      }
    }
  }
}
