/// Copies an axis-aligned box of one row-major tensor into another, one contiguous run of the last
/// axis at a time (padding and cropping are both such a copy).
enum BoxCopy {
  /// source box `region` (one range per axis) -> destination starting at `origin` (same rank)
  static func copy(
    from source: Tensor, region: [Range<Int>], into destination: inout Tensor, at origin: [Int]
  ) {
    let rank = source.rank
    guard region.allSatisfy({ !$0.isEmpty }) else { return }
    let run = region[rank - 1].count
    let sourceShape = source.shape
    let destinationShape = destination.shape
    source.scalars.withUnsafeBufferPointer { from in
      destination.withUnsafeMutableBufferPointer { to in
        var index = region.map(\.lowerBound)
        while true {
          var sourceOffset = 0
          var destinationOffset = 0
          for axis in 0..<rank {
            sourceOffset = sourceOffset * sourceShape[axis] + index[axis]
            destinationOffset =
              destinationOffset * destinationShape[axis] + index[axis] - region[axis].lowerBound
              + origin[axis]
          }
          (to.baseAddress! + destinationOffset).update(
            from: from.baseAddress! + sourceOffset, count: run)
          // Odometer over every axis but the last.
          var axis = rank - 2
          while axis >= 0 {
            index[axis] += 1
            if index[axis] < region[axis].upperBound { break }
            index[axis] = region[axis].lowerBound
            axis -= 1
          }
          if axis < 0 { return }
        }
      }
    }
  }
}
