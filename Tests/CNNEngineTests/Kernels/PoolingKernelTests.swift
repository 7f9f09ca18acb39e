import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Pooling kernels")
struct PoolingKernelTests {
  typealias Support = KernelTestSupport

  @Test("'same' average pooling divides by the valid elements only (worked out by hand)")
  func averageSameDivisor() throws {
    // 3x3 input 1...9, pool 2, stride 2, same: output 2x2, padding (0, 1) on each axis.
    let input = try Tensor(shape: [1, 3, 3, 1], scalars: (1...9).map(Float.init))
    let padding = PoolingKernel.padding(inputShape: input.shape, poolSize: [2, 2], same: true)
    #expect(padding == SpatialPadding(before: [0, 0], after: [1, 1]))
    let average = try PoolingKernel.pool(input, mode: .average, poolSize: [2, 2], padding: padding)
    // avg(1,2,4,5) = 3; avg(3,6) = 4.5 (2 valid, not 4); avg(7,8) = 7.5; avg(9) = 9.
    #expect(average.scalars == [3, 4.5, 7.5, 9])
    let maximum = try PoolingKernel.pool(input, mode: .max, poolSize: [2, 2], padding: padding)
    #expect(maximum.scalars == [5, 6, 8, 9])
    let valid = try PoolingKernel.pool(input, mode: .max, poolSize: [2, 2])
    #expect(valid.shape == [1, 1, 1, 1] && valid.scalars == [5])
  }

  /// (fixture, mode, pool size, strides, same)
  static let kerasCases: [(String, PoolingKernel.Mode, [Int], [Int]?, Bool)] = [
    ("maxpool2d_same", .max, [3, 3], [2, 2], true),
    ("avgpool2d_same", .average, [3, 3], [2, 2], true),
    ("avgpool2d_valid", .average, [2, 2], nil, false),
    ("maxpool1d_same", .max, [2], nil, true),
    ("avgpool3d_same", .average, [2, 2, 2], nil, true),
  ]

  @Test("matches tf-keras pooling layers", arguments: kerasCases.indices)
  func matchesKeras(_ index: Int) throws {
    let (name, mode, poolSize, strides, same) = Self.kerasCases[index]
    let input = try Support.fixture(name, "input")
    let padding = PoolingKernel.padding(
      inputShape: input.shape, poolSize: poolSize, strides: strides, same: same)
    for threads in [1, 2] {
      let output = try PoolingKernel.pool(
        input, mode: mode, poolSize: poolSize, strides: strides, padding: padding, threads: threads)
      Support.expectClose(
        output, try Support.fixture(name, "output"), tolerance: 1e-6, Comment(rawValue: name))
    }
  }

  @Test("global pooling matches tf-keras and keeps dims on request")
  func globalPooling() throws {
    for (name, mode) in [("global_avg2d", PoolingKernel.Mode.average), ("global_max2d", .max)] {
      let input = try Support.fixture(name, "input")
      let output = try GlobalPoolingKernel.pool(input, mode: mode)
      Support.expectClose(
        output, try Support.fixture(name, "output"), tolerance: 1e-6, Comment(rawValue: name))
      let kept = try GlobalPoolingKernel.pool(input, mode: mode, keepDims: true, threads: 1)
      #expect(kept.shape == [2, 1, 1, 11])
      #expect(kept.scalars == output.scalars)
    }
  }

  @Test("max pooling 2x2 is bitwise identical on 1 and 2 threads")
  func deterministic() throws {
    let input = try KernelBenchmark.randomTensor([2, 50, 47, 24], seed: 12)
    let one = try PoolingKernel.pool(
      input, mode: .average, poolSize: [3, 3], strides: [2, 2], threads: 1)
    let two = try PoolingKernel.pool(
      input, mode: .average, poolSize: [3, 3], strides: [2, 2], threads: 2)
    #expect(Support.bits(one) == Support.bits(two))
    var reused = try Tensor(shape: one.shape)
    try PoolingKernel.pool(
      input, mode: .average, poolSize: [3, 3], strides: [2, 2], into: &reused)
    #expect(Support.bits(reused) == Support.bits(one))
  }
}
