import CNNKernels
import Foundation
import Testing

/// `AttentionKernel` against a direct evaluation of its definition.
@Suite struct AttentionKernelTests {
  static func values(_ count: Int, seed: Int) -> [Float] {
    (0..<count).map { Float(sin(Double($0 * 7 + seed) * 0.37)) }
  }

  /// Attention over axis 1 of positions (2, 3): the rows of axis 0 are separate batches.
  @Test func attendsAlongTheChosenAxisOnly() throws {
    let (heads, depth, valueDepth) = (2, 3, 2)
    let positions = [2, 3]
    let query = try Tensor(shape: [1, 2, 3, heads * depth], scalars: Self.values(36, seed: 1))
    let key = try Tensor(shape: [1, 2, 3, heads * depth], scalars: Self.values(36, seed: 2))
    let value = try Tensor(shape: [1, 2, 3, heads * valueDepth], scalars: Self.values(24, seed: 3))
    let output = try AttentionKernel.multiHead(
      query: query, queryPositions: positions, key: key, value: value, keyPositions: positions,
      heads: heads, attentionAxes: [1])
    #expect(output.shape == [1, 2, 3, heads * valueDepth])
    for row in 0..<2 {
      for i in 0..<3 {
        for h in 0..<heads {
          var scores: [Double] = []
          for j in 0..<3 {
            var sum = 0.0
            for d in 0..<depth {
              sum += Double(query[0, row, i, h * depth + d]) * Double(key[0, row, j, h * depth + d])
            }
            scores.append(sum)
          }
          let largest = scores.max()!
          let exps = scores.map { exp($0 - largest) }
          let total = exps.reduce(0, +)
          for d in 0..<valueDepth {
            var expected = 0.0
            for j in 0..<3 {
              expected += exps[j] / total * Double(value[0, row, j, h * valueDepth + d])
            }
            #expect(abs(Double(output[0, row, i, h * valueDepth + d]) - expected) < 1e-5)
          }
        }
      }
    }
  }

  @Test func groupsKeepTheOtherAxesApart() {
    #expect(
      AttentionKernel.groups(positions: [2, 3], attentionAxes: [1]) == [[0, 1, 2], [3, 4, 5]])
    #expect(
      AttentionKernel.groups(positions: [2, 3], attentionAxes: [0]) == [[0, 3], [1, 4], [2, 5]])
    #expect(
      AttentionKernel.groups(positions: [2, 3], attentionAxes: [0, 1]) == [[0, 1, 2, 3, 4, 5]])
  }

  @Test func causalMaskHidesLaterKeys() throws {
    let query = try Tensor(shape: [1, 3, 2], scalars: Self.values(6, seed: 4))
    let key = try Tensor(shape: [1, 3, 2], scalars: Self.values(6, seed: 5))
    let value = try Tensor(shape: [1, 3, 1], scalars: [1, 10, 100])
    let output = try AttentionKernel.sequence(
      query: query, key: key, value: value, score: .dot(scale: nil), causal: true)
    #expect(output[0, 0, 0] == 1)
    #expect(output[0, 1, 0] < 10 && output[0, 1, 0] > 1)
  }
}
