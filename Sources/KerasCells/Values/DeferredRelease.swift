#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Releases what a container gives up when it is freed without recursing once per level of a long
/// chain. A cell can build chains of any length in a loop (`x = [x]`, a dict holding the last
/// dict, a closure capturing the last closure); freeing the head of such a chain frees the next
/// link from inside the first one's deinit, and so on, so 100,000 links overflowed the stack
/// (found by hand-written hostile inputs, `Tests/Fixtures/fuzz/interpreter/deep-*.py`).
///
/// The containers' deinits hand their contents here: up to `maximumDepth` nested frees run as
/// usual, deeper ones are queued and the outermost free releases the queue in a loop. Each thread
/// has its own queue (sessions run on any thread; values are freed where they are dropped).
final class DeferredRelease {
  /// Nested frees that run directly; each costs a few stack frames.
  static let maximumDepth = 64

  private var depth = 0
  private var pending: [Any] = []

  /// Drops `contents` (replacing it by `empty`) now, or queues it when this thread is already
  /// `maximumDepth` frees deep. A deinit moves its property into a local first and passes that:
  /// an `inout` access to a class property stays open while the nested frees run, and each
  /// access is checked at run time against every one still open, which made freeing a chain
  /// quadratic in optimised builds.
  static func release<Contents>(_ contents: inout Contents, empty: Contents) {
    let state = current
    if state.depth >= maximumDepth {
      state.pending.append(contents)
      contents = empty
      return
    }
    state.depth += 1
    contents = empty
    state.depth -= 1
    guard state.depth == 0, !state.pending.isEmpty else { return }
    // The outermost free: what deeper ones queued is released here, one link at a time.
    state.depth = 1
    while !state.pending.isEmpty {
      // Freed at the end of this block, after the access to `pending` ended: its own frees may
      // queue more.
      let next = state.pending.removeLast()
      withExtendedLifetime(next) {}
    }
    state.depth = 0
  }

  /// The calling thread's state, made on first use and freed when the thread ends (sessions run
  /// their cells on threads of their own, `DeepStack`).
  private static var current: DeferredRelease {
    if let pointer = pthread_getspecific(key) {
      return Unmanaged<DeferredRelease>.fromOpaque(pointer).takeUnretainedValue()
    }
    let state = DeferredRelease()
    pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
    return state
  }

  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    #if os(Linux)
      pthread_key_create(&key) { pointer in
        if let pointer { Unmanaged<DeferredRelease>.fromOpaque(pointer).release() }
      }
    #else
      pthread_key_create(&key) { pointer in
        Unmanaged<DeferredRelease>.fromOpaque(pointer).release()
      }
    #endif
    return key
  }()
}
