/// Convolution (or dense) weights re-laid once per layer for the SIMD8 implicit-GEMM kernel.
///
/// Keras kernel (KD, KH, KW, C/groups, F) -> packed [group][block][kd][kh][kw][c][16]: each block holds
/// 16 consecutive filters of one group, zero-padded past the group's last filter, so the inner loop
/// reads two SIMD8 weight vectors per input value from one sequential stream.
public struct PackedConvolutionWeights: Sendable {
  /// Filters per packed block: two SIMD8 vectors, the width of the register tile.
  static let blockWidth = 16

  /// Spatial kernel size as given (1, 2 or 3 axes).
  public let kernelSize: [Int]
  public let inputChannelsPerGroup: Int
  public let filters: Int
  public let groups: Int

  let filtersPerGroup: Int
  let blocksPerGroup: Int
  /// Kernel size padded to three axes (depth, height, width), leading axes 1.
  let kernel3: [Int]
  /// Values per block: KD*KH*KW*Cg*16.
  let blockStride: Int
  let packed: [Float]
  /// Bias per block, zero past the group's last filter (and everywhere when there is no bias).
  let packedBias: [Float]

  /// Packs a Keras kernel of shape (K..., C/groups, F) and an optional bias of shape (F).
  public init(kernel: Tensor, bias: Tensor? = nil, groups: Int = 1) throws(KernelError) {
    let spatialRank = kernel.rank - 2
    guard (1...3).contains(spatialRank) else {
      throw KernelError("a convolution kernel has rank 3, 4 or 5, got shape \(kernel.shape)")
    }
    guard groups >= 1 else { throw KernelError("groups must be at least 1, got \(groups)") }
    let filters = kernel.shape[kernel.rank - 1]
    let channelsPerGroup = kernel.shape[kernel.rank - 2]
    guard filters % groups == 0 else {
      throw KernelError("filters (\(filters)) must be divisible by groups (\(groups))")
    }
    if let bias, bias.shape != [filters] {
      throw KernelError("bias shape \(bias.shape) does not match \(filters) filters")
    }
    let kernelSize = Array(kernel.shape.prefix(spatialRank))
    let kernel3 = Array(repeating: 1, count: 3 - spatialRank) + kernelSize
    let filtersPerGroup = filters / groups
    let width = PackedConvolutionWeights.blockWidth
    let blocksPerGroup = (filtersPerGroup + width - 1) / width
    let taps = kernel3.reduce(1, *) * channelsPerGroup
    let blockStride = taps * width

    var packed = [Float](repeating: 0, count: groups * blocksPerGroup * blockStride)
    var packedBias = [Float](repeating: 0, count: groups * blocksPerGroup * width)
    // Through buffer pointers: training packs every step, and array subscripts in this loop
    // cost more than the copy.
    kernel.scalars.withUnsafeBufferPointer { source in
      packed.withUnsafeMutableBufferPointer { packed in
        let (source, target) = (source.baseAddress!, packed.baseAddress!)
        for group in 0..<groups {
          for block in 0..<blocksPerGroup {
            let lanes = min(width, filtersPerGroup - block * width)
            let firstFilter = group * filtersPerGroup + block * width
            var to = target + (group * blocksPerGroup + block) * blockStride
            var from = source + firstFilter
            for _ in 0..<taps {
              if lanes == width {
                SIMDMemory.store(SIMDMemory.load(from), to)
                SIMDMemory.store(SIMDMemory.load(from + 8), to + 8)
              } else {
                to.update(from: from, count: lanes)
              }
              to += width
              from += filters
            }
          }
        }
      }
    }
    if let bias {
      for group in 0..<groups {
        for block in 0..<blocksPerGroup {
          let lanes = min(width, filtersPerGroup - block * width)
          let firstFilter = group * filtersPerGroup + block * width
          for lane in 0..<lanes {
            packedBias[(group * blocksPerGroup + block) * width + lane] =
              bias.scalars[firstFilter + lane]
          }
        }
      }
    }
    self.kernelSize = kernelSize
    self.inputChannelsPerGroup = channelsPerGroup
    self.filters = filters
    self.groups = groups
    self.filtersPerGroup = filtersPerGroup
    self.blocksPerGroup = blocksPerGroup
    self.kernel3 = kernel3
    self.blockStride = blockStride
    self.packed = packed
    self.packedBias = packedBias
  }

  /// A (1, `inputUnits`, `units`) kernel already packed (`PackedDenseWeights.init(packedBlocks:)`).
  init(packedDense packed: [Float], inputUnits: Int, units: Int) {
    let width = Self.blockWidth
    let blocks = (units + width - 1) / width
    precondition(packed.count == blocks * inputUnits * width, "packed blocks do not fit")
    kernelSize = [1]
    inputChannelsPerGroup = inputUnits
    filters = units
    groups = 1
    filtersPerGroup = units
    blocksPerGroup = blocks
    kernel3 = [1, 1, 1]
    blockStride = inputUnits * width
    self.packed = packed
    packedBias = [Float](repeating: 0, count: blocks * width)
  }

  /// Spatial rank the weights were made for.
  public var spatialRank: Int { kernelSize.count }
}
