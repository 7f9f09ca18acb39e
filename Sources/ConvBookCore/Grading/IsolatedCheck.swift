import Foundation

/// Runs one student's `convbook check LESSON --answers FILE --json` in a child process under a
/// time and memory budget, so that one hostile submission (an endless loop, a model that wants
/// all the memory) costs the class at most its budget and never stops the grading.
///
/// The budget is enforced from outside, as the kernel's limits on the child: processor seconds
/// (`ulimit -t`, so that a busy machine does not fail an honest submission and the verdicts do not
/// depend on the load) and address space (`ulimit -v`); a wall-clock limit of four times the
/// processor time plus 30 s catches a child that blocks without computing. (Evaluation budgets inside the cell interpreter,
/// when they exist, make the same submissions fail earlier and with a better message; this outer
/// guard stays, since it also covers whatever the interpreter does not count.)
public struct IsolatedCheck {
  public struct Budget: Sendable, Equatable {
    /// Processor seconds.
    public var seconds: Double
    public var memoryMegabytes: Int

    public init(seconds: Double = 20, memoryMegabytes: Int = 4096) {
      self.seconds = seconds
      self.memoryMegabytes = memoryMegabytes
    }
  }

  public enum Outcome {
    /// The child finished: its exit status, standard output and standard error.
    case finished(status: Int32, output: Data, errors: Data)
    case timedOut
    /// Killed by a signal (e.g. out of memory).
    case killed(signal: Int32, errors: Data)
    case couldNotStart(String)
  }

  /// The `convbook` executable to run.
  public var executable: String
  public var budget: Budget

  /// Real seconds before the child is killed whatever it is doing.
  public var wallClockLimit: Double

  public init(executable: String, budget: Budget, wallClockLimit: Double? = nil) {
    self.executable = executable
    self.budget = budget
    self.wallClockLimit = wallClockLimit ?? budget.seconds * 4 + 30
  }

  public func run(arguments: [String], in directory: String) -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    let kilobytes = budget.memoryMegabytes * 1024
    let cpuSeconds = Int(max(1, budget.seconds.rounded(.up)))
    process.arguments =
      [
        "-c", "ulimit -v \(kilobytes) 2>/dev/null; ulimit -t \(cpuSeconds); exec \"$0\" \"$@\"",
        executable,
      ] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    // Read both pipes while the child runs, so that a chatty child never blocks on a full pipe.
    let outputData = PipeReader(output.fileHandleForReading)
    let errorData = PipeReader(errors.fileHandleForReading)
    do {
      try process.run()
    } catch {
      return .couldNotStart("cannot run \(executable): \(error.localizedDescription)")
    }
    if finished.wait(timeout: .now() + wallClockLimit) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
      _ = outputData.wait()
      _ = errorData.wait()
      return .timedOut
    }
    let out = outputData.wait()
    let err = errorData.wait()
    if process.terminationReason == .uncaughtSignal {
      // SIGXCPU: the processor-time limit (SIGKILL follows it if the child ignores it).
      if process.terminationStatus == SIGXCPU
        || process.terminationStatus == SIGKILL
          && err.isEmpty
      {
        return .timedOut
      }
      return .killed(signal: process.terminationStatus, errors: err)
    }
    return .finished(status: process.terminationStatus, output: out, errors: err)
  }

  /// Reads a pipe to its end on a background thread.
  private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      DispatchQueue.global().async {
        self.data = handle.readDataToEndOfFile()
        self.done.signal()
      }
    }

    func wait() -> Data {
      done.wait()
      return data
    }
  }
}
