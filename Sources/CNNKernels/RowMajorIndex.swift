/// The odometer over the positions of a row-major shape (the last axis fastest) that copies,
/// gathers, paddings and broadcasts walk, in one place.
public enum RowMajorIndex {
  /// Moves `index` on to the next position of `shape`; false, with `index` back at zero, after
  /// the last position.
  @inlinable @discardableResult
  public static func advance(_ index: inout [Int], in shape: [Int]) -> Bool {
    var axis = shape.count - 1
    while axis >= 0 {
      index[axis] += 1
      if index[axis] < shape[axis] { return true }
      index[axis] = 0
      axis -= 1
    }
    return false
  }

  /// Moves `index` on to the next position of `shape` and `offset` with it, by `strides` (the
  /// offset of a strided walk: a broadcast source, a padded target); both back at the start after
  /// the last position.
  @inlinable
  public static func advance(
    _ index: inout [Int], offset: inout Int, strides: [Int], in shape: [Int]
  ) {
    var axis = shape.count - 1
    while axis >= 0 {
      index[axis] += 1
      offset += strides[axis]
      if index[axis] < shape[axis] { return }
      offset -= strides[axis] * shape[axis]
      index[axis] = 0
      axis -= 1
    }
  }

  /// For each position of `shape` in row-major order, the offset of the value of a row-major
  /// array of shape `source` that NumPy broadcasting puts there (shapes aligned on the right,
  /// axes of size 1 repeated).
  public static func broadcastOffsets(_ source: [Int], to shape: [Int]) -> [Int] {
    let rank = shape.count
    let padded = [Int](repeating: 1, count: max(0, rank - source.count)) + source
    var strides = [Int](repeating: 0, count: rank)
    var step = 1
    for axis in stride(from: rank - 1, through: 0, by: -1) {
      strides[axis] = padded[axis] == 1 ? 0 : step
      step *= padded[axis]
    }
    let count = shape.reduce(1, *)
    var offsets = [Int](repeating: 0, count: count)
    var index = [Int](repeating: 0, count: rank)
    var offset = 0
    for position in 0..<count {
      offsets[position] = offset
      advance(&index, offset: &offset, strides: strides, in: shape)
    }
    return offsets
  }
}
