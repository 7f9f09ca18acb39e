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
      "normalisation_ops", "padding_ops", "shape_functions", "patch_functions", "select_functions",
    ])
  func matchesKerasWithin1e5(_ name: String) throws {
    #expect(KerasGraphForwardFixtureTests.caseNames.contains(name))
    let (outputs, expected) = try KerasGraphForwardFixtureTests.run(name, threads: 2)
    KerasForwardFixtureTests.expectOutputs(
      outputs, equal: expected, case: name, tolerance: 1e-5)
  }
}
