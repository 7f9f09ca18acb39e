/// The positions of a `np.empty` array not written yet (`NDArray.unwritten`): NumPy leaves their
/// values as its memory held them, so an array holding any of them shows nothing Keras would
/// print the same on every run.
struct UnwrittenElements: Sendable {
  private var pending: [Bool]
  private(set) var remaining: Int
  /// Whether a value written came from ConvBook's own draws (`OwnDraws`): the array keeps the
  /// marks once written through.
  var wroteOwnDraw = false

  init(count: Int) {
    pending = [Bool](repeating: true, count: count)
    remaining = count
  }

  /// Marks `offsets` written (offsets of an array of another size, a copy that changed its
  /// shape's count, are ignored).
  mutating func write(_ offsets: [Int]) {
    for offset in offsets where offset >= 0 && offset < pending.count && pending[offset] {
      pending[offset] = false
      remaining -= 1
    }
  }
}
