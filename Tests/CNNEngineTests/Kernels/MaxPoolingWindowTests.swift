import Testing

@testable import CNNEngine
@testable import CNNKernels

/// Max pooling's forward pass, whose whole windows (channels a multiple of 8) keep the maximum in
/// a register, against a direct scan-order reference: the first tap, then every later tap that is
/// larger (so a NaN first tap stays, a later NaN is skipped), bit for bit, with 'valid' and
/// 'same' padding (partial windows take the general path), overlapping windows and any channels.
@Suite("Max pooling over whole windows")
struct MaxPoolingWindowTests {
  static let cases: [([Int], [Int], [Int], Bool)] = [
    ([3, 26, 26, 32], [2, 2], [2, 2], false),  // the benchmark's first pooling
    ([2, 11, 11, 64], [2, 2], [2, 2], true),
    ([2, 9, 7, 16], [3, 3], [2, 1], true),  // overlapping windows
    ([2, 9, 7, 12], [3, 2], [3, 2], false),  // channels not a multiple of 8
    ([2, 10, 8], [3], [2], true),  // 1D
    ([1, 5, 4, 6, 8], [2, 2, 3], [2, 2, 3], false),  // 3D
  ]

  @Test("matches the scan-order reference", arguments: cases.indices)
  func matchesReference(_ index: Int) throws {
    let (shape, pool, strides, same) = Self.cases[index]
    var generator = SeededGenerator(seed: UInt64(40 + index))
    var values = (0..<shape.reduce(1, *)).map { _ in Float(Int(generator.uniform(-3, 3))) }
    values[3] = .nan
    values[values.count / 2] = .nan
    let input = Tensor(validShape: shape, scalars: values)
    let rank = pool.count
    let padding = PoolingKernel.padding(
      inputShape: shape, poolSize: pool, strides: strides, same: same)
    let actual = try PoolingKernel.pool(
      input, mode: .max, poolSize: pool, strides: strides, padding: padding, threads: 2)

    let lead = 3 - rank
    let size = Array(repeating: 1, count: lead) + Array(shape[1...rank])
    let k = Array(repeating: 1, count: lead) + pool
    let s = Array(repeating: 1, count: lead) + strides
    let before = Array(repeating: 0, count: lead) + padding.before
    let out = Array(repeating: 1, count: lead) + Array(actual.shape[1...rank])
    let channels = shape.last!
    var expected: [Float] = []
    for n in 0..<shape[0] {
      for od in 0..<out[0] {
        for oh in 0..<out[1] {
          for ow in 0..<out[2] {
            for c in 0..<channels {
              var best: Float?
              for kd in 0..<k[0] {
                for kh in 0..<k[1] {
                  for kw in 0..<k[2] {
                    let (d, h, w) = (
                      od * s[0] + kd - before[0], oh * s[1] + kh - before[1],
                      ow * s[2] + kw - before[2]
                    )
                    guard d >= 0, d < size[0], h >= 0, h < size[1], w >= 0, w < size[2] else {
                      continue
                    }
                    let value = values[
                      (((n * size[0] + d) * size[1] + h) * size[2] + w) * channels + c]
                    if let current = best {
                      if value > current { best = value }
                    } else {
                      best = value
                    }
                  }
                }
              }
              expected.append(best ?? -.infinity)
            }
          }
        }
      }
    }
    #expect(KernelTestSupport.bits(actual) == expected.map(\.bitPattern))
  }
}
