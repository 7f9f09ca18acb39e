import ConvBookCore
import Foundation
import Testing

/// The one runner of untrusted work: limits hold whatever the child does, and what it wrote comes
/// back.
@Suite struct ChildProcessTests {
  static func shell(_ script: String) -> ChildProcess {
    ChildProcess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script])
  }

  static let roomy = ChildProcess.Limits(processorSeconds: 30, addressSpaceBytes: 4 << 30)

  @Test func aChildGetsItsInputAndGivesBackItsOutput() {
    let child = ChildProcess(
      executable: URL(fileURLWithPath: "/bin/sh"),
      arguments: ["-c", "tr a-z A-Z; echo \"$GREETING\" >&2; pwd >&2; exit 3"],
      directory: URL(fileURLWithPath: "/tmp"), environment: ["GREETING": "hello"])
    guard
      case .finished(let status, let output, let errors) = child.run(
        input: Data("abc".utf8), limits: Self.roomy)
    else {
      Issue.record("the child did not finish")
      return
    }
    #expect(status == 3)
    #expect(String(decoding: output, as: UTF8.self) == "ABC")
    #expect(String(decoding: errors, as: UTF8.self) == "hello\n/tmp\n")
  }

  @Test func aChildThatBlocksIsStoppedByTheWallClock() {
    let started = Date()
    let limits = ChildProcess.Limits(
      processorSeconds: 1, addressSpaceBytes: 4 << 30, wallClockSeconds: 0.5)
    guard case .wallClockExceeded = Self.shell("exec sleep 30").run(limits: limits) else {
      Issue.record("the child was not stopped")
      return
    }
    #expect(Date().timeIntervalSince(started) < 10)
  }

  @Test func aChildThatComputesPastItsProcessorTimeIsStopped() {
    let limits = ChildProcess.Limits(
      processorSeconds: 1, addressSpaceBytes: 4 << 30, wallClockSeconds: 120)
    let outcome = Self.shell("while :; do :; done").run(limits: limits)
    guard case .processorTimeExceeded = outcome else {
      Issue.record("the child was not stopped by its processor-time limit: \(outcome)")
      return
    }
  }

  @Test func theChildRunsUnderItsLimits() {
    let limits = ChildProcess.Limits(processorSeconds: 9.5, addressSpaceBytes: 64 << 20)
    let outcome = Self.shell("ulimit -v; ulimit -S -t; ulimit -H -t").run(limits: limits)
    guard case .finished(0, let output, _) = outcome else {
      Issue.record("unexpected outcome \(outcome)")
      return
    }
    // Kilobytes of address space; processor seconds rounded up, the hard limit 5 s later.
    #expect(String(decoding: output, as: UTF8.self) == "65536\n10\n15\n")
  }

  @Test func aChildThatCrashesIsKilledBySignal() {
    guard
      case .killed(let signal, let errors) = Self.shell("echo boom >&2; kill -SEGV $$")
        .run(limits: Self.roomy)
    else {
      Issue.record("the crash was not reported")
      return
    }
    #expect(signal == SIGSEGV)
    #expect(String(decoding: errors, as: UTF8.self) == "boom\n")
  }

  @Test func aMissingProgramCannotStartOrFails() {
    let child = ChildProcess(
      executable: URL(fileURLWithPath: "/nonexistent/convbook"), arguments: [])
    switch child.run(limits: Self.roomy) {
    case .finished(let status, _, _): #expect(status == 127)
    case .couldNotStart: break
    default: Issue.record("a missing program must not look like a limit")
    }
  }
}
