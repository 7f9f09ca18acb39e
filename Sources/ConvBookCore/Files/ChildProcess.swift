import Foundation

/// One program run in a child process under the kernel's limits: the one way ConvBook runs
/// anything it does not trust to finish — each lesson of `build` and `verify`
/// (``LessonIsolation``) and each student's check in `grade` (``ClassGrader``).
///
/// The limits are set on the child by `/bin/sh` before it `exec`s the program, so they hold for
/// any program, whatever it does: processor seconds (so that a busy machine does not fail an honest
/// child, and the outcome does not depend on the load; the hard limit five seconds later kills a
/// child that ignores SIGXCPU) and address space. The parent adds a wall-clock limit for a child
/// that blocks without computing. Both pipes are read while the child runs, so that a chatty child
/// never stalls on a full pipe, and a child that dies before reading its input never kills us.
public struct ChildProcess: Sendable {
  public struct Limits: Sendable, Equatable {
    public var processorSeconds: Double
    public var addressSpaceBytes: Int
    /// Real seconds before the child is killed whatever it is doing.
    public var wallClockSeconds: Double

    /// `wallClockSeconds` defaults to four times the processor time plus 30 s: generous, since
    /// processor time is what the limit is about.
    public init(processorSeconds: Double, addressSpaceBytes: Int, wallClockSeconds: Double? = nil) {
      self.processorSeconds = processorSeconds
      self.addressSpaceBytes = addressSpaceBytes
      self.wallClockSeconds = wallClockSeconds ?? processorSeconds * 4 + 30
    }
  }

  public enum Outcome {
    /// The child exited by itself: its status and what it wrote.
    case finished(status: Int32, output: Data, errors: Data)
    /// Stopped by the processor-time limit.
    case processorTimeExceeded
    /// Killed by the parent after `wallClockSeconds`.
    case wallClockExceeded
    /// Ended by a signal other than the limits' (a crash; SIGKILL often means out of memory).
    case killed(signal: Int32, errors: Data)
    case couldNotStart(String)
  }

  public var executable: URL
  public var arguments: [String]
  /// The child's working directory; the parent's when nil.
  public var directory: URL?
  /// Variables added to (or replacing those of) the parent's environment.
  public var environment: [String: String]

  public init(
    executable: URL, arguments: [String], directory: URL? = nil,
    environment: [String: String] = [:]
  ) {
    self.executable = executable
    self.arguments = arguments
    self.directory = directory
    self.environment = environment
  }

  /// The shell line that sets the limits and replaces itself with the program (`$0 "$@"`). The
  /// address-space limit may be refused where it cannot be lowered; the processor limit may not.
  static func limitScript(_ limits: Limits) -> String {
    let seconds = Int(max(1, min(limits.processorSeconds.rounded(.up), 1e9)))
    let kilobytes = max(1, limits.addressSpaceBytes / 1024)
    return
      "ulimit -v \(kilobytes) 2>/dev/null; ulimit -S -t \(seconds) && ulimit -H -t \(seconds + 5)"
      + " && exec \"$0\" \"$@\""
  }

  public func run(input: Data? = nil, limits: Limits) -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", Self.limitScript(limits), executable.path] + arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let standardInput = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
    process.standardOutput = output
    process.standardError = errors
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    // An ignored or blocked SIGXCPU is inherited through exec, and a shell cannot undo either:
    // whoever started us may ignore it and threads of Dispatch block it, but the processor limit
    // must be able to stop the child. So it is the default here, and unblocked on this thread
    // (which the child's mask is copied from) while the child starts.
    signal(SIGXCPU, SIG_DFL)
    var unblock = sigset_t()
    var previousMask = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGXCPU)
    pthread_sigmask(SIG_UNBLOCK, &unblock, &previousMask)
    defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
    do {
      try process.run()
    } catch {
      return .couldNotStart(
        "ConvBook could not start \(executable.path): \(error.localizedDescription)")
    }
    let outputData = PipeReader(output.fileHandleForReading)
    let errorData = PipeReader(errors.fileHandleForReading)
    if let input {
      // The child may exit before reading; a write to a closed pipe must not kill us. Only for
      // this write: elsewhere a closed standard output should end ConvBook as it always did.
      let previous = signal(SIGPIPE, SIG_IGN)
      try? standardInput.fileHandleForWriting.write(contentsOf: input)
      try? standardInput.fileHandleForWriting.close()
      signal(SIGPIPE, previous)
    }
    if finished.wait(timeout: .now() + limits.wallClockSeconds) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      // Foundation reports the end only once it has seen it; a grandchild may hold the pipes.
      _ = finished.wait(timeout: .now() + 5)
      return .wallClockExceeded
    }
    // A process the child started could keep the pipes open; what was read by then is enough.
    let out = outputData.wait(seconds: 5)
    let err = errorData.wait(seconds: 5)
    if process.terminationReason == .uncaughtSignal {
      let signalNumber = process.terminationStatus
      // SIGXCPU at the soft limit. (A child that ignores it meets SIGKILL at the hard limit five
      // seconds later, which reads as a kill: ConvBook's own children never ignore it.)
      if signalNumber == SIGXCPU { return .processorTimeExceeded }
      return .killed(signal: signalNumber, errors: err)
    }
    return .finished(status: process.terminationStatus, output: out, errors: err)
  }

  /// Reads a pipe to its end on a background thread.
  private final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      DispatchQueue.global().async {
        while true {
          let chunk = handle.availableData
          if chunk.isEmpty { break }
          self.lock.withLock { self.data.append(chunk) }
        }
        self.done.signal()
      }
    }

    func wait(seconds: Double) -> Data {
      _ = done.wait(timeout: .now() + seconds)
      return lock.withLock { data }
    }
  }
}
