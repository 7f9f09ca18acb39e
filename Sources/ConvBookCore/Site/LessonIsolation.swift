import Foundation

/// Runs each lesson of `build` and `verify` in a child process (the `convbook` executable with a
/// hidden subcommand that calls `LessonJob.execute`), so that whatever one lesson does, a crash,
/// a runaway loop or memory exhaustion included, only that lesson fails: it is reported with its
/// file and the reason, and the other lessons are built.
///
/// The child gets the job as JSON on standard input and answers with the result as JSON on
/// standard output. A child that is killed by a signal, exits without a result or runs past its
/// limits becomes a diagnostic of its lesson. The limits are the child's own (`applyLimits`):
/// processor seconds, so that a busy machine does not fail honest lessons, and address space;
/// the parent adds a wall-clock limit for a child that blocks without computing.
public struct LessonIsolation: Sendable {
  public var executable: URL
  /// The arguments that make the executable run one job (the hidden subcommand).
  public var arguments: [String]
  /// Processor seconds a lesson may use before its process is stopped.
  public var timeout: Double

  public static let defaultTimeout: Double = 30
  /// Address space of a lesson's process: far above the forward pass's 2 GiB budget, plus room for
  /// the allocator's per-thread arenas (reserved, not used) when the kernels run on every core.
  public static let addressSpaceLimit =
    (8 << 30) + ProcessInfo.processInfo.activeProcessorCount * (128 << 20)

  /// Called by the child before it runs its job: the kernel stops it (SIGXCPU) after `cpuSeconds`
  /// of processor time, and allocations beyond `addressSpaceLimit` fail.
  public static func applyLimits(cpuSeconds: Double) {
    // An ignored SIGXCPU is inherited from whoever started us; the limit must be able to stop us.
    signal(SIGXCPU, SIG_DFL)
    let seconds = rlim_t(max(1, cpuSeconds.rounded(.up)))
    var cpu = rlimit(rlim_cur: seconds, rlim_max: seconds + 5)
    setrlimit(Int32(RLIMIT_CPU.rawValue), &cpu)
    var memory = rlimit(rlim_cur: rlim_t(addressSpaceLimit), rlim_max: rlim_t(addressSpaceLimit))
    setrlimit(Int32(RLIMIT_AS.rawValue), &memory)
  }

  /// Seconds of real time before the child is killed: generous by default, since processor time
  /// is what `timeout` measures.
  public var wallClockLimit: Double

  public init(
    executable: URL, arguments: [String], timeout: Double = defaultTimeout,
    wallClockLimit: Double? = nil
  ) {
    self.executable = executable
    self.arguments = arguments
    self.timeout = timeout
    self.wallClockLimit = wallClockLimit ?? timeout * 4 + 30
  }

  /// Collects a pipe's bytes on another thread, so that neither pipe can fill up and stall the child.
  private final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ chunk: Data) { lock.withLock { data.append(chunk) } }
    var bytes: Data { lock.withLock { data } }
  }

  public func run(_ job: LessonJob) -> LessonJob.Result {
    let title = ((job.path as NSString).lastPathComponent as NSString).deletingPathExtension
    func failed(_ message: String) -> LessonJob.Result {
      job.failure(
        title: title, Diagnostic(file: job.sourceFile, line: 0, column: 0, message: message))
    }
    let request: Data
    do {
      request = try JSONEncoder().encode(job)
    } catch {
      return failed("ConvBook could not hand this lesson to a child process: \(error)")
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    // A crash should end the child at once, not after a symbolicated backtrace.
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
      try process.run()
    } catch {
      return failed(
        "ConvBook could not start a process for this lesson: \(error.localizedDescription)")
    }
    let stdout = Collector()
    let stderr = Collector()
    let readers = DispatchGroup()
    for (pipe, collector) in [(output, stdout), (errors, stderr)] {
      let handle = pipe.fileHandleForReading
      DispatchQueue.global().async(group: readers) {
        while true {
          let chunk = handle.availableData
          if chunk.isEmpty { break }
          collector.append(chunk)
        }
      }
    }
    // The child may die before reading its job; a write to a closed pipe must not kill us. Only
    // for this write: elsewhere a closed standard output should end ConvBook as it always did.
    let previous = signal(SIGPIPE, SIG_IGN)
    try? input.fileHandleForWriting.write(contentsOf: request)
    try? input.fileHandleForWriting.close()
    signal(SIGPIPE, previous)
    var timedOut = false
    if finished.wait(timeout: .now() + wallClockLimit) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      // Foundation reports the end only once the pipes close, which a grandchild can delay.
      _ = finished.wait(timeout: .now() + 5)
    }
    // A process the child started could keep the pipes open; what was read by then is enough.
    _ = readers.wait(timeout: .now() + 5)
    if timedOut {
      return failed(
        "this lesson did not finish within \(Self.seconds(wallClockLimit)) seconds and was stopped (ConvBook's limit per lesson; raise it with --lesson-timeout)"
      )
    }
    if process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGXCPU {
      return failed(
        "this lesson used more than \(Self.seconds(timeout)) seconds of processor time and was stopped (ConvBook's limit per lesson; raise it with --lesson-timeout)"
      )
    }
    if process.terminationReason == .uncaughtSignal {
      let signalNumber = process.terminationStatus
      let name = String(cString: strsignal(signalNumber))
      return failed(
        "ConvBook crashed while running this lesson (signal \(signalNumber), \(name)"
          + (signalNumber == SIGKILL ? "; it may have run out of memory" : "") + ")"
          + Self.reason(stderr.bytes)
          + "; this is a bug in ConvBook, please report it with this lesson. The other lessons are not affected."
      )
    }
    guard process.terminationStatus == 0,
      let result = try? JSONDecoder().decode(LessonJob.Result.self, from: stdout.bytes)
    else {
      return failed(
        "ConvBook's process for this lesson ended without a result (exit status \(process.terminationStatus))"
          + Self.reason(stderr.bytes))
    }
    return result
  }

  /// The runtime's own words about a crash (`Fatal error: ...`), when it printed any.
  static func reason(_ stderr: Data) -> String {
    let lines = String(decoding: stderr, as: UTF8.self).split(separator: "\n")
    guard
      let line = lines.first(where: { $0.contains("Fatal error") || $0.contains("error:") })
        ?? lines.last
    else { return "" }
    let text = TerminalText.escaped(String(line.prefix(300)))
    return ": \(text)"
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
