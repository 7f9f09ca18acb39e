import Testing

@testable import CNNEngine
@testable import CNNKernels

/// The max-pooling gradient's path for windows that tile the input (pool size = strides, no
/// padding, channels a multiple of 8) against a direct reference: each window's gradient goes to
/// the first largest value in scan order, everything else is zero, bit for bit.
@Suite("Max pooling gradient when windows tile the input")
struct TiledPoolingGradientTests {
  static let cases: [([Int], [Int])] = [
    ([3, 26, 26, 32], [2, 2]),  // the benchmark's first pooling
    ([2, 11, 11, 64], [2, 2]),  // odd sizes: the last row and column belong to no window
    ([2, 9, 7, 16], [3, 2]),
    ([2, 10, 8], [3]),  // 1D
    ([1, 5, 4, 6, 8], [2, 2, 3]),  // 3D
  ]

  @Test("matches the first-maximum reference", arguments: cases.indices)
  func matchesReference(_ index: Int) throws {
    let (shape, pool) = Self.cases[index]
    var generator = SeededGenerator(seed: UInt64(index))
    // Few distinct values, so that windows hold ties.
    var values = (0..<shape.reduce(1, *)).map { _ in Float(Int(generator.uniform(0, 4))) }
    values[5] = .nan
    let input = Tensor(validShape: shape, scalars: values)
    let rank = pool.count
    let padding = SpatialPadding.valid(rank: rank)
    let outputSpatial = (0..<rank).map { shape[1 + $0] / pool[$0] }
    let channels = shape.last!
    let outputShape = [shape[0]] + outputSpatial + [channels]
    let gradient = Tensor(
      validShape: outputShape,
      scalars: (0..<outputShape.reduce(1, *)).map { _ in Float(generator.uniform(-1, 1)) })
    let actual = try PoolingGradient.backward(
      input: input, mode: .max, poolSize: pool, strides: pool, padding: padding,
      outputGradient: gradient, threads: 2)

    // Reference: 3 spatial axes with leading ones.
    let lead = 3 - rank
    let inSize = Array(repeating: 1, count: lead) + Array(shape[1...rank])
    let outSize = Array(repeating: 1, count: lead) + outputSpatial
    let k = Array(repeating: 1, count: lead) + pool
    var expected = [Float](repeating: 0, count: values.count)
    func at(_ n: Int, _ d: Int, _ h: Int, _ w: Int, _ c: Int) -> Int {
      (((n * inSize[0] + d) * inSize[1] + h) * inSize[2] + w) * channels + c
    }
    var o = 0
    for n in 0..<shape[0] {
      for od in 0..<outSize[0] {
        for oh in 0..<outSize[1] {
          for ow in 0..<outSize[2] {
            for c in 0..<channels {
              var best: Int?
              for kd in 0..<k[0] {
                for kh in 0..<k[1] {
                  for kw in 0..<k[2] {
                    let i = at(n, od * k[0] + kd, oh * k[1] + kh, ow * k[2] + kw, c)
                    if best == nil || values[i] > values[best!] { best = i }
                  }
                }
              }
              // A NaN first value stays the "maximum"; any NaN makes the first tap take it
              // unless a later tap equals the maximum (NaN never equals).
              let first = at(n, od * k[0], oh * k[1], ow * k[2], c)
              let target = values[best!].isNaN ? first : best!
              expected[target] = gradient.scalars[o * channels + c]
            }
            o += 1
          }
        }
      }
    }
    #expect(actual.shape == input.shape)
    #expect(KernelTestSupport.bits(actual) == expected.map(\.bitPattern))
  }
}
