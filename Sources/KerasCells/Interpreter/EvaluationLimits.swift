import CNNEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How much time and memory one session's evaluations may use: everything a lesson's cells, a
/// student's file or an answer expression run counts against one budget, so that no input can hang
/// or exhaust the process. The defaults are far beyond anything model code needs.
public struct EvaluationLimits: Sendable, Equatable {
  /// Seconds of processor time of evaluation, summed over every cell and expression the session
  /// runs. Processor time, not wall-clock time, so that whether a run fits does not depend on how
  /// busy the machine is (a class graded on a loaded machine gets the same verdicts).
  public var timeBudget: Double
  /// Bytes of values the evaluations may build. Values are counted as they are built (a string of
  /// n characters n bytes, each item of a list, tuple or dictionary 16 bytes, an instance of a
  /// class, a function or a class `EvaluationBudget.objectBytes` and each attribute an instance
  /// gets two items; layer objects,
  /// layer calls and Keras tensors as `GraphMemory` counts them), and never uncounted, so the
  /// budget bounds the memory a run can ever hold.
  public var memoryBudget: Int
  /// Bytes one forward pass, training run or set of weights of a model may hold (its weights,
  /// their packed copies and its activations, as the engine estimates them before allocating:
  /// `MemoryEstimate`, `Trainer`). Apart from `memoryBudget`, because a model's weights are not
  /// values a cell builds one by one and what TensorFlow runs on a laptop must run here: a VGG
  /// at 224x224 holds 0.5 GB of weights, which ConvBook holds twice while a pass runs (the
  /// session's values and the packed copies), and TensorFlow itself peaked at 1.9 GB on d2l's
  /// VGG-11. The default is the engine's (`ForwardPass.defaultMemoryBudget`, 2 GiB), as for
  /// `convbook predict` and `bench`.
  public var modelMemoryBudget: Int

  public init(
    timeBudget: Double = 10, memoryBudget: Int = 512 << 20,
    modelMemoryBudget: Int = ForwardPass.defaultMemoryBudget
  ) {
    self.timeBudget = timeBudget
    self.memoryBudget = memoryBudget
    self.modelMemoryBudget = modelMemoryBudget
  }

  /// A lesson's: a time budget that only stops a runaway lesson. Processor time still depends on
  /// the machine (a debug build, another process on the other core taking the kernels' helper
  /// thread, so that the calling thread does more of the work), so a lesson near the budget would
  /// be stopped on one build and not on the next; a stopped lesson fails as a whole instead of
  /// getting a page (`KerasSession.ranOutOfTime`, `LessonJob`), and the budget is far above what a
  /// lesson that trains "in seconds" takes (lesson 14 used 15 s of processor time in a debug build).
  public static let lesson = EvaluationLimits(timeBudget: 60)

  /// `10 s`, `0.5 s`.
  var timeText: String {
    timeBudget == timeBudget.rounded() && timeBudget < 1e15
      ? "\(Int(timeBudget)) s" : "\(timeBudget) s"
  }

  /// `512 MiB`, `64 KiB`, `1000 bytes`.
  var memoryText: String {
    if memoryBudget >= 1 << 20 && memoryBudget % (1 << 20) == 0 {
      return "\(memoryBudget >> 20) MiB"
    }
    if memoryBudget >= 1 << 10 && memoryBudget % (1 << 10) == 0 {
      return "\(memoryBudget >> 10) KiB"
    }
    return "\(memoryBudget) bytes"
  }
}

/// The running account of a session's `EvaluationLimits`.
final class EvaluationBudget {
  var limits: EvaluationLimits
  /// Bytes of values built so far.
  private(set) var bytesUsed = 0
  /// Seconds spent in finished evaluations.
  private var secondsSpent = 0.0
  private var started: Double?
  private var ticks = 0
  /// Set once an evaluation was stopped by the time budget: what the session did up to there
  /// depends on how fast the machine ran it.
  private(set) var ranOutOfTime = false

  /// The bytes one item of a list, tuple or dictionary is counted as.
  static let slotBytes = 16
  /// The bytes an instance of a class defined in a cell (without its attributes), a function or
  /// a class is counted as (measured in a debug build: 100,000 instances of one attribute took
  /// 355 bytes each, with the list that held them).
  static let objectBytes = 320
  /// `GraphMemory.bytesOnThisThread` when the graph objects were last charged.
  private var graphBytesCharged = 0

  init(limits: EvaluationLimits) { self.limits = limits }

  /// Runs `body` as one evaluation, adding its processor time to the account. `body` runs on the
  /// calling thread, whose processor time is what `checkTime` reads.
  func measure<T>(_ body: () throws(CellError) -> T) throws(CellError) -> T {
    started = Self.threadProcessorSeconds()
    graphBytesCharged = GraphMemory.bytesOnThisThread
    // The engine's loops (training batches, a forward pass' layers) stop at the budget too.
    let previousCheck = WorkBudget.install { self.timeExceeded() }
    defer {
      WorkBudget.install(previousCheck)
      // `started` is this thread's, unless a generator's turn handed the clock over and back.
      if let started { secondsSpent += Self.threadProcessorSeconds() - started }
      started = nil
      // What the last steps built is counted even when nothing checks the budget after them.
      countGraph()
    }
    return try body()
  }

  /// Stops this thread's clock and graph count for another thread's turn (a generator's body,
  /// `PythonGenerator`): returns whether an evaluation was being measured.
  func handOff() -> Bool {
    guard let started else { return false }
    secondsSpent += Self.threadProcessorSeconds() - started
    self.started = nil
    countGraph()
    WorkBudget.install(nil)
    return true
  }

  /// Starts the clock and graph count on the calling thread, whose turn it is now.
  func takeOver(_ running: Bool) {
    graphBytesCharged = GraphMemory.bytesOnThisThread
    if running {
      started = Self.threadProcessorSeconds()
      WorkBudget.install { self.timeExceeded() }
    }
  }

  /// Counts the graph objects made since the last charge (they exist: counted even when they
  /// pass the budget) and refuses to go on when the total passes it.
  func chargeGraph(at range: SourceRange) throws(CellError) {
    countGraph()
    if bytesUsed > limits.memoryBudget { throw memoryExceeded(at: range) }
  }

  private func countGraph() {
    let (total, overflow) = bytesUsed.addingReportingOverflow(newGraphBytes())
    bytesUsed = overflow ? Int.max : total
  }

  /// The bytes of layers, calls and Keras tensors made on this thread since the last charge.
  private func newGraphBytes() -> Int {
    let now = GraphMemory.bytesOnThisThread
    defer { graphBytesCharged = now }
    return max(now &- graphBytesCharged, 0)
  }

  /// The processor time the calling thread has used, in seconds.
  static func threadProcessorSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Counts one step of work and, every few hundred steps, compares the clock with the budget and
  /// charges the graph objects (layers, calls, Keras tensors) made since the last charge: a loop
  /// making a million layers stops at the memory budget, at its line.
  @inline(__always)
  func tick(at range: SourceRange) throws(CellError) {
    ticks &+= 1
    if ticks & 255 == 0 {
      try checkTime(at: range)
      try chargeGraph(at: range)
    }
  }

  func checkTime(at range: SourceRange) throws(CellError) {
    if let message = timeExceeded() { throw .unsupported(message, at: range) }
  }

  /// The time budget's refusal once this evaluation has spent it (the session then counts as
  /// stopped by it, `ranOutOfTime`), else nil; the check the engine's loops make (`WorkBudget`).
  func timeExceeded() -> String? {
    guard let started else { return nil }
    let seconds = Self.threadProcessorSeconds() - started
    guard secondsSpent + seconds > limits.timeBudget else { return nil }
    ranOutOfTime = true
    return "ConvBook stopped this cell: it ran longer than the \(limits.timeText) time budget"
  }

  /// Accounts for a value of `bytes` about to be built; refuses before anything is allocated when
  /// the budget would be exceeded. `count` and `size` multiply with overflow checking.
  func allocate(count: Int, size: Int, at range: SourceRange) throws(CellError) {
    let (bytes, overflow) = max(count, 0).multipliedReportingOverflow(by: size)
    try allocate(bytes: overflow ? Int.max : bytes, at: range)
  }

  func allocate(bytes: Int, at range: SourceRange) throws(CellError) {
    let (total, overflow) = bytesUsed.addingReportingOverflow(max(bytes, 0))
    if overflow || total > limits.memoryBudget { throw memoryExceeded(at: range) }
    bytesUsed = total
  }

  private func memoryExceeded(at range: SourceRange) -> CellError {
    .unsupported(
      "ConvBook stopped this cell: its values would take more than the \(limits.memoryText) memory budget",
      at: range)
  }

  /// Accounts for `items` new slots of a list, tuple or dictionary.
  func allocate(slots items: Int, at range: SourceRange) throws(CellError) {
    try allocate(count: items, size: Self.slotBytes, at: range)
  }

  /// Refuses an integer result wider than `PythonInteger.maximumBits`.
  static func integerTooLarge(at range: SourceRange) -> CellError {
    .unsupported(
      "ConvBook stopped this cell: the integer would have more than \(PythonInteger.maximumBits) bits (about 315,000 digits), ConvBook's limit on integers",
      at: range)
  }
}
