#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The memory of the graph objects (layer objects, layer calls, Keras tensors) the calling thread
/// has made. The cell language charges what a cell builds to its memory budget; layers and
/// tensors are made in many places of the engine (a layer call, a nested model replayed, a
/// tensor function, a Keras 3 mask, a Sequential model rebuilding its chain), so the engine
/// counts them where they are made and the interpreter reads the count (`EvaluationBudget`)
/// instead of each call site charging its own. Per thread, like `DeferredRelease`: sessions run
/// their cells on threads of their own.
///
/// The sizes are what a debug build measured per object with everything an object brings along
/// (`/usr/bin/time -v` over 100,000 of each: a `Dense` object about 1,070 bytes; a call of one
/// on a tensor, with its node record and output, about 620; `x + 1`, a layer and a call, about
/// 1,310), rounded up so that the charge bounds what is held.
public enum GraphMemory {
  /// A layer object (`LayerInstance` and its layer's configuration).
  static let layerBytes = 1024
  /// One layer call (`LayerNode`, and the layer's `NodeRecord` of it).
  static let nodeBytes = 512
  /// One output tensor of a call (`KerasTensor`).
  static let tensorBytes = 128

  /// Bytes of graph objects made on this thread so far (never decreases).
  public static var bytesOnThisThread: Int { counter.bytes }

  @inline(__always)
  static func add(_ bytes: Int) {
    counter.bytes &+= bytes
  }

  private final class Counter {
    var bytes = 0
  }

  private static var counter: Counter {
    if let pointer = pthread_getspecific(key) {
      return Unmanaged<Counter>.fromOpaque(pointer).takeUnretainedValue()
    }
    let counter = Counter()
    pthread_setspecific(key, Unmanaged.passRetained(counter).toOpaque())
    return counter
  }

  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    #if os(Linux)
      pthread_key_create(&key) { pointer in
        if let pointer { Unmanaged<Counter>.fromOpaque(pointer).release() }
      }
    #else
      pthread_key_create(&key) { pointer in
        Unmanaged<Counter>.fromOpaque(pointer).release()
      }
    #endif
    return key
  }()
}
