#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether the running thread's own stack is nearly used up. The interpreter walks the syntax
/// tree recursively, so a Python call or a level of expression costs native stack (about 0.5 MB a
/// call in a debug build). `DeepStack`'s thread holds CPython's whole recursion limit, but a
/// generator's body runs on a smaller thread of its own (`PythonGenerator.stackSize`), where
/// nesting that CPython runs would overflow the stack and crash the process: the interpreter asks
/// `isLow` before each expression and call and refuses the work as ConvBook's limitation instead.
enum NativeStack {
  /// Bytes kept free below the point where deeper work is refused: what one more level of the
  /// interpreter and the work it may start without asking again (a `repr` or comparison of a
  /// deeply nested value, bounded by its own depth limit) can take.
  static func reserve(forStackOf size: Int) -> Int { min(24 << 20, size / 4) }

  /// The lowest address each thread's stack may reach before work is refused.
  private static let floorKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// Notes the running thread's stack: called first thing on a thread ConvBook starts with a
  /// stack of `size` bytes (`DeepStack`), whose top is about here. Threads it did not start are
  /// not checked.
  static func enter(stackSize size: Int) {
    var marker: UInt8 = 0
    let top = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    let floor = top - UInt(size) + UInt(reserve(forStackOf: size))
    pthread_setspecific(floorKey, UnsafeRawPointer(bitPattern: floor))
  }

  /// Whether the running thread's stack is nearly used up.
  static var isLow: Bool {
    guard let floor = pthread_getspecific(floorKey) else { return false }
    var marker: UInt8 = 0
    let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    return here < UInt(bitPattern: floor)
  }
}
