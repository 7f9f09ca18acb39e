import Dispatch
import Foundation

/// Splits kernel work across threads with a static partition.
///
/// Every kernel computes each output element on exactly one thread, with a reduction order that does
/// not depend on how the work was split, so results are bitwise identical for any thread count.
public enum KernelParallelism {
  /// The thread count kernels use when the caller does not pass one: every active core.
  public static var defaultThreadCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Pieces per thread when work is shared: enough that a thread slowed down by another process on
  /// its core hands most of the work to the others, few enough that per-piece setup stays cheap.
  static let piecesPerThread = 8

  /// Runs `body` over contiguous slices of `0..<count` on up to `threads` threads; with one thread
  /// (or too little work to pay for a thread hand-off) it runs inline.
  ///
  /// The slices are fixed (`piecesPerThread` per thread, in order) but handed out dynamically from
  /// a shared counter: on a machine other processes also load, a static split makes every kernel
  /// wait for its slowest thread. Which thread runs a slice never changes a value.
  package static func forEachSlice(
    count: Int, threads: Int, minimumPerThread: Int = 1, _ body: (Range<Int>) -> Void
  ) {
    guard count > 0 else { return }
    let usable = min(max(1, threads), max(1, count / max(1, minimumPerThread)), count)
    if usable == 1 {
      body(0..<count)
      return
    }
    let pieces = min(count, usable * piecesPerThread)
    let counter = PieceCounter()
    // concurrentPerform returns only after every slice ran, so `body` never outlives this call and
    // the slices write disjoint outputs: sharing it across threads is safe though not `Sendable`.
    withoutActuallyEscaping(body) { body in
      let shared = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: usable) { _ in
        while true {
          let piece = counter.next()
          if piece >= pieces { break }
          shared.value(count * piece / pieces..<count * (piece + 1) / pieces)
        }
      }
    }
  }

  /// Hands out piece numbers 0, 1, 2, ... to whichever thread asks first.
  private final class PieceCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      let piece = value
      value += 1
      return piece
    }
  }

  private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }
}
