#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work that recurses over the syntax tree on a thread of its own with a large stack.
///
/// The parser, the interpreter and the printers recurse once per level of nesting, and a level
/// costs a few kilobytes of stack in a debug build. The parser refuses nesting beyond CPython's own
/// limits (200 brackets, about 3,000 levels of expression), which bounds the depth; this thread makes
/// sure that bound fits whatever thread the caller runs on (test runners and dispatch queues have
/// stacks of 512 KiB to 8 MiB). The stack is reserved address space: only the pages a deep input
/// touches are ever committed.
public enum DeepStack {
  /// Bytes of stack for the work thread: 1 GiB. A Python call nested in an expression
  /// (`return 0 if n == 0 else 1 + f(n - 1)`) passes through several of the interpreter's
  /// `evaluate` frames, about 0.5 MB a call in a debug build, so CPython's 999 nested calls need
  /// about 500 MB there (512 MiB ran out at a depth of 995).
  public static let stackSize = 1 << 30

  /// Runs `body` on a thread with a stack of `stackSize` bytes and waits for it; falls back to the
  /// calling thread if no such thread can be created.
  public static func run<T>(_ body: () -> T) -> T {
    withoutActuallyEscaping(body) { escapable in
      let box = Box(escapable)
      let unmanaged = Unmanaged.passRetained(box)
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      defer { pthread_attr_destroy(&attributes) }
      pthread_attr_setstacksize(&attributes, stackSize)
      #if canImport(Glibc)
        var thread = pthread_t()
      #else
        var thread: pthread_t?
      #endif
      let created = pthread_create(
        &thread, &attributes,
        { pointer in
          #if canImport(Glibc)
            let box = Unmanaged<AnyObject>.fromOpaque(pointer!).takeUnretainedValue()
          #else
            let box = Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue()
          #endif
          NativeStack.enter(stackSize: DeepStack.stackSize)
          (box as! Runnable).runBody()
          return nil
        }, unmanaged.toOpaque())
      defer { unmanaged.release() }
      guard created == 0 else {
        box.runBody()
        return box.result!
      }
      #if canImport(Glibc)
        pthread_join(thread, nil)
      #else
        pthread_join(thread!, nil)
      #endif
      return box.result!
    }
  }

  private protocol Runnable: AnyObject { func runBody() }

  /// Starts `body` on a detached thread with a stack of `stackSize` bytes (a generator's body,
  /// which runs in turns with its consumer); false when no such thread can be made.
  static func detach(stackSize: Int, _ body: @escaping () -> Void) -> Bool {
    let box = Unmanaged.passRetained(Detached(body, stackSize: stackSize))
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let created = pthread_create(
      &thread, &attributes,
      { pointer in
        #if canImport(Glibc)
          let box = Unmanaged<Detached>.fromOpaque(pointer!).takeRetainedValue()
        #else
          let box = Unmanaged<Detached>.fromOpaque(pointer).takeRetainedValue()
        #endif
        NativeStack.enter(stackSize: box.stackSize)
        box.body()
        return nil
      }, box.toOpaque())
    guard created == 0 else {
      box.release()
      return false
    }
    return true
  }

  private final class Detached {
    let body: () -> Void
    let stackSize: Int
    init(_ body: @escaping () -> Void, stackSize: Int) {
      self.body = body
      self.stackSize = stackSize
    }
  }

  private final class Box<T>: Runnable {
    let body: () -> T
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    func runBody() { result = body() }
  }
}
