import CNNKernels

/// The activations of a forward pass in flight: the current layer output plus idle buffers the
/// next layer can write into (ping-pong). A layer whose kernel writes a fresh tensor retires the
/// old buffer to the idle ones; only the largest `idleLimit` are kept, so a pass holds about two
/// buffers of the largest activation besides the current one, not one per layer, and a new run
/// reuses them all without allocating (fresh pages cost as much as a small layer).
struct ActivationBuffers {
  static let idleLimit = 2

  var current: Tensor
  /// The Keras mask of `current`, one value per step of its first two axes (N * T), set by
  /// `Embedding(mask_zero=True)` and `Masking` and carried as `MaskEffect` says.
  var mask: [Bool]?
  private var idle: [Tensor]
  /// False while `current` is the caller's input: its storage is shared, so it is never retired
  /// into the idle buffers (writing into it would copy it anyway).
  private(set) var ownsCurrent: Bool

  /// `ownsInput` when the caller gives up `input` (a graph's value at its last reader): it may then
  /// be overwritten and retired like any buffer of the pass.
  init(input: Tensor, idle: [Tensor], ownsInput: Bool = false) {
    current = input
    self.idle = idle
    ownsCurrent = ownsInput
  }

  /// The idle buffers alone (`current` is the caller's to keep).
  var idleBuffers: [Tensor] { idle }

  /// The buffers worth keeping for the next run (the largest, current included).
  func keptBuffers() -> [Tensor] {
    let all = idle + (ownsCurrent ? [current] : [])
    return Array(all.sorted { $0.capacity > $1.capacity }.prefix(Self.idleLimit + 1))
  }

  /// The smallest idle buffer that holds `count` values, else the largest (which then grows).
  private mutating func takeIdle(fitting count: Int) -> Tensor {
    guard !idle.isEmpty else { return .empty }
    var best: Int?
    for index in idle.indices where idle[index].capacity >= count {
      if best.map({ idle[index].capacity < idle[$0].capacity }) ?? true { best = index }
    }
    let index = best ?? idle.indices.max { idle[$0].capacity < idle[$1].capacity }!
    return idle.remove(at: index)
  }

  /// Keeps a buffer no longer current, dropping the smallest when more than `idleLimit` are idle.
  private mutating func retire(_ buffer: Tensor) {
    idle.append(buffer)
    if idle.count > Self.idleLimit,
      let smallest = idle.indices.min(by: { idle[$0].capacity < idle[$1].capacity })
    {
      idle.remove(at: smallest)
    }
  }

  /// Makes `output` current, retiring the old current buffer when it is ours.
  private mutating func adopt(_ output: Tensor) {
    let old = current
    current = output
    if ownsCurrent { retire(old) }
    ownsCurrent = true
  }

  /// Runs a kernel that writes into an output buffer: it gets an idle buffer sized for `shape`,
  /// which then becomes current.
  /// input `current` -> output of `shape`
  mutating func write(
    shape: [Int], _ kernel: (Tensor, inout Tensor) throws(KernelError) -> Void
  ) throws(ForwardError) {
    var output = takeIdle(fitting: shape.reduce(1, *))
    output.resizeKeepingCapacity(shape: shape)
    do {
      try kernel(current, &output)
    } catch {
      retire(output)
      throw ForwardError(.kernel, error.message)
    }
    adopt(output)
  }

  /// Makes a fresh tensor (from a kernel that allocates its result) current.
  mutating func replace(with output: Tensor) {
    adopt(output)
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
