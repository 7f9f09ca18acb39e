import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// The forward-graph fixtures of TensorFlow functions on Keras tensors (`siamese_euclidean`,
/// `tensor_functions`, `slicing`, recorded by `make_forward_fixtures.py --graphs`) to the tighter
/// bar of 1e-5 of the largest magnitude.
@Suite("Forward pass of tensor functions against tf-keras")
struct TensorFunctionForwardTests {
  @Test(
    arguments: [
      "siamese_euclidean", "tensor_functions", "slicing", "attention_ops", "elementwise_functions",
    ])
  func matchesKerasWithin1e5(_ name: String) throws {
    #expect(KerasGraphForwardFixtureTests.caseNames.contains(name))
    let (outputs, expected) = try KerasGraphForwardFixtureTests.run(name, threads: 2)
    #expect(outputs.count == expected.count)
    for (output, reference) in zip(outputs, expected) {
      #expect(output.shape == reference.shape, "\(name): \(output.shape) vs \(reference.shape)")
      let error = KerasForwardFixtureTests.relativeError(output, reference)
      #expect(error <= 1e-5, "\(name): relative error \(error)")
    }
  }
}
