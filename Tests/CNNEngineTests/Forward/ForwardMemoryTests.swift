import Testing

@testable import CNNEngine

/// What a forward pass holds (`MemoryEstimate`), and the Winograd choice that decides the size of
/// the packed 3x3 kernels (measured in `Benchmarks/forward_memory.md`).
@Suite struct ForwardMemoryTests {
  @Test("weights freed as they are packed: the packing peak, then packed copies and activations")
  func packingPeak() throws {
    // Three layers of (weights, packed) values; the big last one is packed while its own weights
    // are still alive: 10 + (1 + 1 + 10) = 22 values beside the input's 5.
    var estimate = try ForwardPass.estimate(
      layers: [(1, 1), (1, 1), (10, 10)], input: 5, activations: 7)
    #expect(estimate.weightBytes == 48)
    #expect(estimate.packedWeightBytes == 48)
    #expect(estimate.activationBytes == 28)
    #expect(estimate.packingPeakBytes == 4 * (22 + 5))
    #expect(estimate.totalBytes == 48 + 48 + 28)
    estimate.weightsReleased = true
    #expect(estimate.totalBytes == 4 * 27)
    #expect(estimate.description.contains("freed as they are packed"))
    // Small weights before a large activation: the pass after packing is the peak.
    var late = try ForwardPass.estimate(layers: [(2, 2)], input: 1, activations: 100)
    late.weightsReleased = true
    #expect(late.totalBytes == 4 * 102)
  }

  @Test("3x3 convolutions run as Winograd on maps larger than 16x16 only")
  func winogradOnLargeMapsOnly() throws {
    let names = NameScope()
    func uses(_ size: Int?) throws -> Bool {
      let conv = try #require(
        try LayerCatalog.make(
          className: "Conv2D", positional: [.int(16), .int(3)],
          keywords: [("padding", .string("same"))], names: names) as? Conv)
      return conv.usesWinograd(inputChannels: 16, input: TensorShape([nil, size, size, 16]))
    }
    #expect(try uses(17))
    #expect(try uses(nil))
    #expect(try !uses(16))
    #expect(try !uses(7))
  }
}
