import Dispatch
import Foundation

/// Splits kernel work across threads with a static partition.
///
/// Every kernel computes each output element on exactly one thread, with a reduction order that does
/// not depend on how the work was split, so results are bitwise identical for any thread count.
public enum KernelParallelism {
  /// The thread count kernels use when the caller does not pass one: every active core.
  public static var defaultThreadCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Runs `body` over contiguous slices of `0..<count`, one slice per thread; with one thread (or
  /// too little work to pay for a thread hand-off) it runs inline.
  static func forEachSlice(
    count: Int, threads: Int, minimumPerThread: Int = 1, _ body: (Range<Int>) -> Void
  ) {
    guard count > 0 else { return }
    let usable = min(max(1, threads), max(1, count / max(1, minimumPerThread)), count)
    if usable == 1 {
      body(0..<count)
      return
    }
    // concurrentPerform returns only after every slice ran, so `body` never outlives this call and
    // the slices write disjoint outputs: sharing it across threads is safe though not `Sendable`.
    withoutActuallyEscaping(body) { body in
      let shared = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: usable) { slice in
        shared.value(count * slice / usable..<count * (slice + 1) / usable)
      }
    }
  }

  private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }
}
