import CNNEngine
import Testing

/// The kernels of merges, tensor arithmetic and `Dot`, on values worked out by hand.
@Suite struct MergeKernelTests {
  @Test func elementwiseBroadcastsLikeNumPy() throws {
    // (2, 1, 3) op= (3,): the row repeats along the middle axis.
    var output = try Tensor(shape: [2, 2, 3], scalars: (0..<12).map(Float.init))
    let row = try Tensor(shape: [3], scalars: [10, 20, 30])
    try ElementwiseKernel.combine(&output, with: row, .add)
    #expect(output.scalars == [10, 21, 32, 13, 24, 35, 16, 27, 38, 19, 30, 41])
    // A per-sample, per-channel gate (N, 1, 1, C) times a map (N, H, W, C).
    let gate = try Tensor(shape: [1, 1, 1, 2], scalars: [2, -1])
    var map = try Tensor(shape: [1, 2, 1, 2], scalars: [1, 2, 3, 4])
    try ElementwiseKernel.combine(&map, with: gate, .multiply)
    #expect(map.scalars == [2, -2, 6, -4])
    var reversed = try Tensor(shape: [2], scalars: [1, 4])
    try ElementwiseKernel.combine(
      &reversed, with: try Tensor(shape: [2], scalars: [8, 8]), .divide, otherFirst: true)
    #expect(reversed.scalars == [8, 2])
    #expect(ElementwiseKernel.broadcastShape([2, 1, 3], [4, 1]) == [2, 4, 3])
    #expect(ElementwiseKernel.broadcastShape([2, 3], [4]) == nil)
    #expect(throws: KernelError.self) { try ElementwiseKernel.combine(&map, with: row, .add) }
  }

  @Test func maximumAndMinimumPropagateNaN() throws {
    var values = try Tensor(shape: [3], scalars: [1, .nan, 5])
    try ElementwiseKernel.combine(
      &values, with: try Tensor(shape: [3], scalars: [.nan, 2, 4]), .maximum)
    #expect(values.scalars[0].isNaN && values.scalars[1].isNaN && values.scalars[2] == 5)
  }

  @Test func concatenateJoinsAlongAnyAxis() throws {
    let a = try Tensor(shape: [2, 1, 2], scalars: [1, 2, 3, 4])
    let b = try Tensor(shape: [2, 2, 2], scalars: [5, 6, 7, 8, 9, 10, 11, 12])
    let joined = try ConcatenateKernel.concatenate([a, b], axis: 1)
    #expect(joined.shape == [2, 3, 2])
    #expect(joined.scalars == [1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12])
    let last = try ConcatenateKernel.concatenate([a, a], axis: 2)
    #expect(last.scalars == [1, 2, 1, 2, 3, 4, 3, 4])
    #expect(throws: KernelError.self) { try ConcatenateKernel.concatenate([a, b], axis: 2) }
  }

  @Test func dotContractsOneAxisPerSample() throws {
    // Keras' docstring example: x (1, 5, 2), y (1, 2, 5), axes (1, 2) -> [[260, 360], [320, 445]].
    let x = try Tensor(shape: [1, 5, 2], scalars: (0..<10).map(Float.init))
    let y = try Tensor(shape: [1, 2, 5], scalars: (10..<20).map(Float.init))
    let product = try DotKernel.dot(x, y, axes: (1, 2), normalize: false)
    #expect(product.shape == [1, 2, 2])
    #expect(product.scalars == [260, 360, 320, 445])
    // Rank 2: one value per sample, shaped (N, 1); normalized it is the cosine.
    let a = try Tensor(shape: [2, 2], scalars: [3, 4, 1, 0])
    let b = try Tensor(shape: [2, 2], scalars: [6, 8, 0, 2])
    #expect(try DotKernel.dot(a, b, axes: (1, 1), normalize: false).scalars == [50, 0])
    let cosine = try DotKernel.dot(a, b, axes: (1, 1), normalize: true)
    #expect(cosine.shape == [2, 1])
    #expect(abs(cosine.scalars[0] - 1) < 1e-6 && cosine.scalars[1] == 0)
  }
}
