/// Counts the Keras 3 rebuilds of one Sequential model: each rebuild calls every layer of the
/// model again, so each layer that follows the clock gains one node per tick.
final class RebuildClock {
  private(set) var rebuilds = 0

  func tick() { rebuilds += 1 }
}

/// The output shape of each call of a layer (Keras' inbound nodes), in call order, stored as runs
/// of equal shapes. The calls a Sequential model's Keras 3 rebuilds make (the last shape again)
/// are counted by the model's `RebuildClock` while the layer follows it, not stored one by one, so
/// a loop of `add`s costs each layer nothing per rebuild.
struct NodeShapes: RandomAccessCollection {
  /// Each run's shape and the number of calls up to and including it.
  private var runs: [(shape: TensorShape, end: Int)] = []
  private var clock: RebuildClock?
  private var clockStart = 0

  var startIndex: Int { 0 }
  var endIndex: Int { stored + pendingRepeats }

  private var stored: Int { runs.last?.end ?? 0 }
  private var pendingRepeats: Int { clock.map { $0.rebuilds - clockStart } ?? 0 }

  subscript(position: Int) -> TensorShape {
    precondition(position >= 0 && position < endIndex, "node index out of range")
    if position >= stored { return runs[runs.count - 1].shape }
    var low = 0
    var high = runs.count - 1
    while low < high {
      let middle = (low + high) / 2
      if runs[middle].end > position { high = middle } else { low = middle + 1 }
    }
    return runs[low].shape
  }

  /// The different shapes the calls gave.
  var distinctShapes: Set<TensorShape> { Set(runs.map(\.shape)) }

  mutating func append(_ shape: TensorShape) {
    settle()
    appendRun(shape, count: 1)
  }

  /// One more call with the last call's shape.
  mutating func repeatLast() {
    guard let last = runs.last else { return }
    settle()
    appendRun(last.shape, count: 1)
  }

  /// Counts one more call per tick of `clock` from now on; false when the layer already follows
  /// another model's clock (its rebuilds must then repeat the call themselves).
  mutating func follow(_ clock: RebuildClock) -> Bool {
    if self.clock === clock { return true }
    guard self.clock == nil else { return false }
    self.clock = clock
    clockStart = clock.rebuilds
    return true
  }

  /// Forgets the calls from the `count`th on (calls that made no node: tf-keras' calls on data).
  mutating func truncate(to count: Int) {
    settle()
    while let last = runs.last, last.end > count {
      let start = runs.count > 1 ? runs[runs.count - 2].end : 0
      if start >= count {
        runs.removeLast()
      } else {
        runs[runs.count - 1].end = count
      }
    }
  }

  /// Stops following `clock` (the layer left the model), keeping the calls it counted.
  mutating func leave(_ clock: RebuildClock) {
    guard self.clock === clock else { return }
    settle()
    self.clock = nil
  }

  /// Stores the calls the clock counted so far.
  private mutating func settle() {
    let repeats = pendingRepeats
    clockStart = clock?.rebuilds ?? 0
    if repeats > 0, let last = runs.last { appendRun(last.shape, count: repeats) }
  }

  private mutating func appendRun(_ shape: TensorShape, count: Int) {
    if let last = runs.last, last.shape == shape {
      runs[runs.count - 1].end += count
    } else {
      runs.append((shape, stored + count))
    }
  }
}
