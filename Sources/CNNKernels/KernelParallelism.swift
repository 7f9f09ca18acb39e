import Dispatch
import Foundation
import Synchronization

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
    if let pool = SpinningPool.shared, pool.workers == usable - 1,
      pool.run(count: count, pieces: pieces, body)
    {
      return
    }
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

  /// Helper threads that stay awake for a moment after each parallel region, so that the next
  /// region (a training step runs a dozen short ones) starts on both cores at once instead of
  /// waiting for a sleeping dispatch worker to be woken. Slices are claimed from one atomic word
  /// (region number in the high half, next slice in the low half), so a helper that arrives late
  /// never runs a slice of a finished region. Used only for its own thread count and by one caller
  /// at a time; otherwise (nested or concurrent regions) `forEachSlice` takes the dispatch path.
  final class SpinningPool: @unchecked Sendable {
    /// One pool per process with a helper for every other core; nil on a single core.
    static let shared: SpinningPool? = {
      let helpers = KernelParallelism.defaultThreadCount - 1
      return helpers >= 1 ? SpinningPool(workers: helpers) : nil
    }()

    let workers: Int
    private let busy = Atomic<Bool>(false)
    /// Region number << 32 | next slice.
    private let word = Atomic<Int>(0)
    private let count = Atomic<Int>(0)
    private let pieces = Atomic<Int>(0)
    private let body = Atomic<Int>(0)
    private let completed = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    /// Helpers between reading a region's fields and leaving its claim loop.
    private let inside = Atomic<Int>(0)
    private let condition = NSCondition()
    /// Polls of the region word before a helper sleeps (a few milliseconds, most of them yielding).
    private static let spinLimit = 20_000

    private final class Body {
      let run: (Range<Int>) -> Void
      init(_ run: @escaping (Range<Int>) -> Void) { self.run = run }
    }

    private init(workers: Int) {
      self.workers = workers
      for _ in 0..<workers {
        let thread = Thread { [unowned self] in self.help() }
        thread.name = "convbook.kernels"
        thread.start()
      }
    }

    /// Runs the region on the caller and the helpers; false (nothing ran) when the pool is taken.
    func run(count total: Int, pieces slices: Int, _ run: (Range<Int>) -> Void) -> Bool {
      guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
      else { return false }
      withoutActuallyEscaping(run) { run in
        let box = Body(run)
        withExtendedLifetime(box) {
          count.store(total, ordering: .sequentiallyConsistent)
          pieces.store(slices, ordering: .sequentiallyConsistent)
          body.store(
            Int(bitPattern: Unmanaged.passUnretained(box).toOpaque()),
            ordering: .sequentiallyConsistent)
          completed.store(0, ordering: .relaxed)
          // Masked to 31 bits: the region stays positive once shifted.
          let region = ((word.load(ordering: .relaxed) >> 32) + 1) & 0x7FFF_FFFF
          word.store(region << 32, ordering: .sequentiallyConsistent)
          if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            condition.lock()
            condition.broadcast()
            condition.unlock()
          }
          work(region: region, count: total, pieces: slices, box: box)
          var polls = 0
          while completed.load(ordering: .acquiring) < slices {
            polls += 1
            if polls > 1000 { sched_yield() }
          }
          // Seal the region before the next one's fields are written: a helper still holding this
          // region's number can then claim nothing, whatever fields it read.
          word.store(region << 32 | 0xFFFF_FFFF, ordering: .sequentiallyConsistent)
          // A helper that claimed a slice entered before the seal; wait until it dropped the body.
          while inside.load(ordering: .sequentiallyConsistent) > 0 { sched_yield() }
        }
      }
      busy.store(false, ordering: .releasing)
      return true
    }

    /// Claims and runs slices of `region` until none is left or the region is over.
    private func work(region: Int, count: Int, pieces: Int, box: Body) {
      while true {
        let current = word.load(ordering: .acquiring)
        guard current >> 32 == region else { return }
        let piece = current & 0xFFFF_FFFF
        guard piece < pieces else { return }
        guard
          word.compareExchange(
            expected: current, desired: current + 1, ordering: .sequentiallyConsistent
          )
          .exchanged
        else { continue }
        box.run(count * piece / pieces..<count * (piece + 1) / pieces)
        completed.add(1, ordering: .releasing)
      }
    }

    /// A helper's turn in a region; kept out of line so that every reference it took to the
    /// caller's body is released before the helper leaves `inside`.
    @inline(never)
    private func claim(
      region: Int, count total: Int, pieces slices: Int, body pointer: UnsafeRawPointer
    ) {
      // A claim succeeds only while the region runs, and the caller keeps the body alive until
      // every slice completed and no helper is inside.
      while true {
        let now = word.load(ordering: .acquiring)
        guard now >> 32 == region, now & 0xFFFF_FFFF < slices else { return }
        guard
          word.compareExchange(expected: now, desired: now + 1, ordering: .sequentiallyConsistent)
            .exchanged
        else { continue }
        let piece = now & 0xFFFF_FFFF
        Unmanaged<Body>.fromOpaque(pointer)._withUnsafeGuaranteedRef {
          $0.run(total * piece / slices..<total * (piece + 1) / slices)
        }
        completed.add(1, ordering: .releasing)
      }
    }

    private func help() {
      var seen = 0
      while true {
        var spins = 0
        var current = word.load(ordering: .acquiring)
        while current >> 32 == seen {
          spins += 1
          // Past the first polls, give the core away between polls: on a loaded machine another
          // process (or the caller's thread) may be waiting for it.
          if spins > 1000 { sched_yield() }
          if spins > Self.spinLimit {
            condition.lock()
            sleepers.add(1, ordering: .sequentiallyConsistent)
            while word.load(ordering: .sequentiallyConsistent) >> 32 == seen { condition.wait() }
            sleepers.subtract(1, ordering: .sequentiallyConsistent)
            condition.unlock()
            spins = 0
          }
          current = word.load(ordering: .acquiring)
        }
        let region = current >> 32
        seen = region
        // These may already describe a later region: the caller sealed this one (no slice left to
        // claim) before writing them, so every claim below fails and the loop reads them again.
        let total = count.load(ordering: .sequentiallyConsistent)
        let slices = pieces.load(ordering: .sequentiallyConsistent)
        let address = body.load(ordering: .sequentiallyConsistent)
        guard let pointer = UnsafeRawPointer(bitPattern: address) else { continue }
        inside.add(1, ordering: .sequentiallyConsistent)
        claim(region: region, count: total, pieces: slices, body: pointer)
        inside.subtract(1, ordering: .sequentiallyConsistent)
      }
    }
  }
}
