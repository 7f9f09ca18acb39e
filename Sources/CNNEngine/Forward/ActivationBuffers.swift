/// The activations of a forward pass in flight: the current layer output and a spare buffer that
/// the next layer writes into, after which the two swap (ping-pong). Layers whose kernels write a
/// fresh tensor replace the current one and hand the old buffer over as the spare when it is the
/// larger, so a pass holds about two buffers of the largest activation, not one per layer.
struct ActivationBuffers {
  var current: Tensor
  var spare: Tensor
  /// A second kept buffer, used when the first write leaves the caller's input in the spare slot.
  private var reserve: Tensor
  /// False while `current` is the caller's input: its storage is shared, so it is never adopted as
  /// a spare (writing into it would copy it anyway).
  private(set) var ownsCurrent: Bool

  init(input: Tensor, spare: Tensor, reserve: Tensor = .empty) {
    current = input
    self.spare = spare
    self.reserve = reserve
    ownsCurrent = false
  }

  /// The buffers worth keeping for the next run (at most two, the largest).
  func keptBuffers() -> [Tensor] {
    var kept = [spare, reserve]
    if ownsCurrent { kept.append(current) }
    return Array(kept.filter { $0.capacity > 0 }.sorted { $0.capacity > $1.capacity }.prefix(2))
  }

  /// Runs a kernel that writes into an output buffer: it gets the spare, sized for `shape`, then
  /// the spare becomes current.
  /// input `current` -> output of `shape` in the (former) spare.
  mutating func write(
    shape: [Int], _ kernel: (Tensor, inout Tensor) throws(KernelError) -> Void
  ) throws(ForwardError) {
    let input = current
    spare.resizeKeepingCapacity(shape: shape)
    do {
      try kernel(input, &spare)
    } catch {
      throw ForwardError(.kernel, error.message)
    }
    swap(&current, &spare)
    if !ownsCurrent {
      // The spare now holds the caller's input; drop it rather than keep it alive.
      spare = reserve
      reserve = .empty
      ownsCurrent = true
    }
  }

  /// Runs a kernel that returns a fresh tensor; the old buffer is kept as the spare when it holds
  /// more than the spare does.
  mutating func replace(with output: Tensor) {
    let old = current
    current = output
    if ownsCurrent && old.capacity > spare.capacity {
      spare = old
    }
    if !ownsCurrent && reserve.capacity > spare.capacity {
      swap(&spare, &reserve)
    }
    ownsCurrent = true
  }

  /// Runs a kernel in place on the current buffer (copied first when it is the caller's input).
  mutating func update(_ kernel: (inout Tensor) throws(KernelError) -> Void) throws(ForwardError) {
    do {
      try kernel(&current)
    } catch {
      throw ForwardError(.kernel, error.message)
    }
    ownsCurrent = true
  }

  /// The same values under another shape (Reshape, Flatten): no copy.
  mutating func reshape(_ shape: [Int]) {
    current.reinterpret(shape: shape)
  }
}
