/// 3x3 convolution weights transformed once per layer for `WinogradConvolutionKernel`.
///
/// Keras kernel g (3, 3, C, F) -> U = G g G^T (an a x a matrix per channel and filter, a = 4 for
/// F(2x2, 3x3), 6 for F(4x4, 3x3)), computed in Double and rounded once, stored as a^2 matrices
/// (C, F) each packed like a 1x1 convolution: blocks of 16 filters, [k][block][c][16], zero past the
/// last filter.
public struct PackedWinogradWeights: Sendable {
  /// Output tile side m: 2 or 4.
  public let tile: Int
  public let inputChannels: Int
  public let filters: Int
  let blocks: Int
  /// Values per transformed matrix U_k: blocks * C * 16.
  let matrixStride: Int
  let packed: [Float]
  /// Bias padded to whole blocks of 16 (zero without a bias).
  let bias: [Float]

  /// Input tile side a = m + 2.
  var alpha: Int { tile + 2 }

  /// G of F(m x m, 3 x 3) (Lavin & Gray): rows are the a interpolation points.
  static func filterTransform(tile: Int) -> [[Double]] {
    if tile == 2 {
      return [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]]
    }
    return [
      [1.0 / 4, 0, 0], [-1.0 / 6, -1.0 / 6, -1.0 / 6], [-1.0 / 6, 1.0 / 6, -1.0 / 6],
      [1.0 / 24, 1.0 / 12, 1.0 / 6], [1.0 / 24, -1.0 / 12, 1.0 / 6], [0, 0, 1],
    ]
  }

  /// kernel (3, 3, C, F), bias (F); `tile` 2 or 4.
  public init(kernel: Tensor, bias: Tensor? = nil, tile: Int = 4) throws(KernelError) {
    guard kernel.rank == 4, kernel.shape[0] == 3, kernel.shape[1] == 3 else {
      throw KernelError("a Winograd 3x3 kernel has shape (3, 3, C, F), got \(kernel.shape)")
    }
    guard tile == 2 || tile == 4 else {
      throw KernelError("Winograd output tiles are 2x2 or 4x4, not \(tile)x\(tile)")
    }
    let channels = kernel.shape[2]
    let filters = kernel.shape[3]
    if let bias, bias.shape != [filters] {
      throw KernelError("bias shape \(bias.shape) does not match \(filters) filters")
    }
    let alpha = tile + 2
    let width = PackedConvolutionWeights.blockWidth
    let blocks = (filters + width - 1) / width
    let matrixStride = blocks * channels * width
    var packed = [Float](repeating: 0, count: alpha * alpha * matrixStride)
    let g = Self.filterTransform(tile: tile)
    var w = [[Double]](repeating: [0, 0, 0], count: 3)
    var left = [[Double]](repeating: [0, 0, 0], count: alpha)  // G w: a x 3
    for c in 0..<channels {
      for f in 0..<filters {
        for kh in 0..<3 {
          for kw in 0..<3 {
            w[kh][kw] = Double(kernel.scalars[((kh * 3 + kw) * channels + c) * filters + f])
          }
        }
        for i in 0..<alpha {
          for j in 0..<3 {
            left[i][j] = g[i][0] * w[0][j] + g[i][1] * w[1][j] + g[i][2] * w[2][j]
          }
        }
        let block = f / width
        let lane = f % width
        for i in 0..<alpha {
          for j in 0..<alpha {
            let u = left[i][0] * g[j][0] + left[i][1] * g[j][1] + left[i][2] * g[j][2]
            let k = i * alpha + j
            packed[k * matrixStride + (block * channels + c) * width + lane] = Float(u)
          }
        }
      }
    }
    var paddedBias = [Float](repeating: 0, count: blocks * width)
    if let bias {
      for f in 0..<filters { paddedBias[f] = bias.scalars[f] }
    }
    self.tile = tile
    inputChannels = channels
    self.filters = filters
    self.blocks = blocks
    self.matrixStride = matrixStride
    self.packed = packed
    self.bias = paddedBias
  }
}
