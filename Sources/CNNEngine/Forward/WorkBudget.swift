#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The caller's processor-time budget, as the engine's long loops see it: a training run checks
/// it before each batch and between the calls of a batch's forward and backward passes, a
/// forward pass between its layers, so that one `fit`, `evaluate`, `predict` or model call stops
/// near the budget instead of running its whole work first (an unseeded 77M-weight Dense fit took
/// 22 s of processor time before the cell's next check). The cell language installs its session's
/// check on the thread that runs a cell (`EvaluationBudget.measure`); without one (the CLI's
/// `predict`, `fit` and `bench`, tests) nothing stops. Per thread, like `GraphMemory`.
public enum WorkBudget {
  /// Returns nil while the budget lasts, else the refusal to stop with (its own words).
  public typealias Check = () -> String?

  /// Installs `check` on the calling thread (nil removes it); returns the one it replaces, to be
  /// put back when the caller's evaluation ends.
  @discardableResult
  public static func install(_ check: Check?) -> Check? {
    let holder = self.holder
    let previous = holder.check
    holder.check = check
    return previous
  }

  /// The refusal when the calling thread's budget is spent, else nil.
  public static func exceeded() -> String? {
    guard let pointer = pthread_getspecific(key) else { return nil }
    return Unmanaged<Holder>.fromOpaque(pointer).takeUnretainedValue().check?()
  }

  private final class Holder {
    var check: Check?
  }

  private static var holder: Holder {
    if let pointer = pthread_getspecific(key) {
      return Unmanaged<Holder>.fromOpaque(pointer).takeUnretainedValue()
    }
    let holder = Holder()
    pthread_setspecific(key, Unmanaged.passRetained(holder).toOpaque())
    return holder
  }

  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    #if os(Linux)
      pthread_key_create(&key) { pointer in
        if let pointer { Unmanaged<Holder>.fromOpaque(pointer).release() }
      }
    #else
      pthread_key_create(&key) { pointer in
        Unmanaged<Holder>.fromOpaque(pointer).release()
      }
    #endif
    return key
  }()
}
