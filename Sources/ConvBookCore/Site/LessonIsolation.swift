import Foundation

/// Runs each lesson of `build` and `verify` in a child process (the `convbook` executable with a
/// hidden subcommand that calls `LessonJob.execute`), so that whatever one lesson does, a crash,
/// a runaway loop or memory exhaustion included, only that lesson fails: it is reported with its
/// file and the reason, and the other lessons are built.
///
/// The child gets the job as JSON on standard input and answers with the result as JSON on
/// standard output. A child that is killed by a signal, exits without a result or runs past its
/// limits becomes a diagnostic of its lesson. The child runs as a ``ChildProcess``: processor
/// seconds, so that a busy machine does not fail honest lessons, address space, and a wall-clock
/// limit for a child that blocks without computing.
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

  public func run(_ job: LessonJob) -> LessonJob.Result {
    let title = ((job.path as NSString).lastPathComponent as NSString).deletingPathExtension
    func failed(_ message: String) -> LessonJob.Result {
      var result = job.failure(
        title: title, Diagnostic(file: job.sourceFile, line: 0, column: 0, message: message))
      result.failedOutsideTheLesson = true
      return result
    }
    let request: Data
    do {
      request = try JSONEncoder().encode(job)
    } catch {
      return failed("ConvBook could not hand this lesson to a child process: \(error)")
    }
    // A crash should end the child at once, not after a symbolicated backtrace.
    let child = ChildProcess(
      executable: executable, arguments: arguments, environment: ["SWIFT_BACKTRACE": "enable=no"])
    let limits = ChildProcess.Limits(
      processorSeconds: timeout, addressSpaceBytes: Self.addressSpaceLimit,
      wallClockSeconds: wallClockLimit)
    switch child.run(input: request, limits: limits) {
    case .couldNotStart(let message):
      return failed(message)
    case .wallClockExceeded:
      return failed(
        "this lesson did not finish within \(Self.seconds(wallClockLimit)) and was stopped (ConvBook's limit per lesson; raise it with --lesson-timeout)"
      )
    case .processorTimeExceeded:
      return failed(
        "this lesson used more than \(Self.seconds(timeout)) of processor time and was stopped (ConvBook's limit per lesson; raise it with --lesson-timeout)"
      )
    case .killed(let signalNumber, let errors):
      let name = String(cString: strsignal(signalNumber))
      return failed(
        "ConvBook crashed while running this lesson (signal \(signalNumber), \(name)"
          + (signalNumber == SIGKILL ? "; it may have run out of memory" : "") + ")"
          + Self.reason(errors)
          + "; this is a bug in ConvBook, please report it with this lesson. The other lessons are not affected."
      )
    case .finished(let status, let output, let errors):
      guard status == 0, let result = try? JSONDecoder().decode(LessonJob.Result.self, from: output)
      else {
        return failed(
          "ConvBook's process for this lesson ended without a result (exit status \(status))"
            + Self.reason(errors))
      }
      return result
    }
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

  /// `1 second`, `30 seconds`, `0.5 seconds`.
  static func seconds(_ value: Double) -> String {
    let number = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    return number + (number == "1" ? " second" : " seconds")
  }
}
