/// The values of a NumPy view (`NDArray.viewBase`) in its base's row-major storage: the offset of
/// its first value and, per axis of the view, its length and its step there. Basic indexing of a
/// base makes one from the selection (`ArrayOperations.basicSelection`); basic indexing of a view
/// composes the selection with the view's own window.
struct ViewWindow: Sendable {
  var base: Int
  var dimensions: [(count: Int, stride: Int)]

  /// How many values the window holds.
  var count: Int { dimensions.reduce(1) { $0 * $1.count } }

  /// The base offset of the view's value at `position` (row-major in the window's axes).
  func offset(ofPosition position: Int) -> Int {
    var rest = position
    var offset = base
    for dimension in dimensions.reversed() where dimension.count > 0 {
      offset += (rest % dimension.count) * dimension.stride
      rest /= dimension.count
    }
    return offset
  }

  /// The window of a basic selection made from a view with this window, the selection given as
  /// its first position and (length, step) per axis in the view's row-major positions. Each axis
  /// of a basic selection moves along one axis of the view without carrying into another, so its
  /// step in the base is the distance between its first two values there.
  func composed(base start: Int, dimensions selection: [(count: Int, stride: Int)]) -> ViewWindow {
    let first = offset(ofPosition: start)
    return ViewWindow(
      base: first,
      dimensions: selection.map { dimension in
        (
          dimension.count,
          dimension.count > 1 ? offset(ofPosition: start + dimension.stride) - first : 0
        )
      })
  }
}
