/// A dense Float32 tensor, batch first, channels last (NWC, NHWC, NDHWC), row-major.
///
/// Storage is a plain `[Float]`: copy-on-write gives value semantics for free, `reshaped` shares the
/// buffer instead of copying, and kernels reach the memory through `withUnsafe...` without ARC
/// traffic in their inner loops. Kernels allocate results uninitialized so no time goes into zeroing.
public struct Tensor: Sendable, Equatable, CustomStringConvertible {
  /// Dimensions, batch first.
  public private(set) var shape: [Int]
  /// The values in row-major order (the last axis varies fastest).
  public private(set) var scalars: [Float]

  /// A tensor over `scalars`; the element count must match the shape.
  public init(shape: [Int], scalars: [Float]) throws(KernelError) {
    let count = try Tensor.elementCount(of: shape)
    guard count == scalars.count else {
      throw KernelError("shape \(shape) holds \(count) values but \(scalars.count) were given")
    }
    self.shape = shape
    self.scalars = scalars
  }

  /// A tensor of `shape` with every element set to `value`.
  public init(shape: [Int], repeating value: Float = 0) throws(KernelError) {
    let count = try Tensor.elementCount(of: shape)
    self.shape = shape
    self.scalars = [Float](repeating: value, count: count)
  }

  /// A rank-1 tensor.
  public init(_ vector: [Float]) {
    self.shape = [vector.count]
    self.scalars = vector
  }

  /// Internal: trusted shape, trusted count.
  package init(validShape shape: [Int], scalars: [Float]) {
    self.shape = shape
    self.scalars = scalars
  }

  /// Internal: an uninitialized tensor whose every element `body` must write.
  init(uninitializedShape shape: [Int], _ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
    let count = shape.reduce(1, *)
    self.shape = shape
    self.scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      body(buffer)
      initialized = count
    }
  }

  /// A rank-1 tensor with no elements, handy as the initial value of an `into:` output.
  public static let empty = Tensor(validShape: [0], scalars: [])

  /// Internal: gives the tensor `shape`, keeping the storage when its size already fits (the caller
  /// overwrites every element), so kernels with `into:` outputs reuse memory across calls.
  mutating func prepareForOverwrite(shape newShape: [Int]) {
    let count = newShape.reduce(1, *)
    if scalars.count != count {
      scalars = [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count
      }
    }
    shape = newShape
  }

  /// Internal: gives the tensor `shape` keeping its storage whenever its capacity suffices
  /// (shrinking is free, growing zero-fills only the new tail), so a forward pass' two ping-pong
  /// buffers serve layers of every size without new allocations or page faults. The caller
  /// overwrites every element.
  package mutating func resizeKeepingCapacity(shape newShape: [Int]) {
    let count = newShape.reduce(1, *)
    if scalars.count > count {
      scalars.removeLast(scalars.count - count)
    } else if scalars.count < count {
      if scalars.capacity >= count {
        scalars.append(contentsOf: repeatElement(0, count: count - scalars.count))
      } else {
        scalars = [Float](unsafeUninitializedCapacity: count) { _, initialized in
          initialized = count
        }
      }
    }
    shape = newShape
  }

  /// Internal: the same storage under another shape of the same size (no copy, no check).
  package mutating func reinterpret(shape newShape: [Int]) {
    shape = newShape
  }

  /// Elements the storage can hold without reallocating.
  package var capacity: Int { scalars.capacity }

  public var rank: Int { shape.count }
  public var count: Int { scalars.count }

  /// The element at a full index (one entry per axis); out-of-range indices trap, as arrays do.
  public subscript(index: Int...) -> Float {
    get { scalars[offset(of: index)] }
    set { scalars[offset(of: index)] = newValue }
  }

  /// Row-major offset of a full index.
  public func offset(of index: [Int]) -> Int {
    precondition(index.count == shape.count, "index \(index) does not match shape \(shape)")
    var offset = 0
    for axis in 0..<shape.count {
      precondition(
        index[axis] >= 0 && index[axis] < shape[axis], "index \(index) out of shape \(shape)")
      offset = offset * shape[axis] + index[axis]
    }
    return offset
  }

  /// The same values under another shape; no copy (the storage is shared until one side writes).
  /// One dimension may be -1 and is then inferred, like `numpy.reshape`.
  public func reshaped(_ newShape: [Int]) throws(KernelError) -> Tensor {
    var resolved = newShape
    let unknown = newShape.indices.filter { newShape[$0] == -1 }
    guard unknown.count <= 1 else {
      throw KernelError("can only infer one dimension of \(newShape)")
    }
    if let axis = unknown.first {
      let known = newShape.enumerated().filter { $0.offset != axis }.map(\.element)
      guard known.allSatisfy({ $0 >= 0 }) else { throw KernelError("invalid shape \(newShape)") }
      let product = known.reduce(1, *)
      guard product > 0, count % product == 0 else {
        throw KernelError("cannot reshape \(count) values of \(shape) into \(newShape)")
      }
      resolved[axis] = count / product
    }
    guard try Tensor.elementCount(of: resolved) == count else {
      throw KernelError("cannot reshape \(count) values of \(shape) into \(newShape)")
    }
    return Tensor(validShape: resolved, scalars: scalars)
  }

  /// Keras `Reshape(target_shape)`: the batch axis stays, the rest takes `sampleShape` (one entry
  /// may be -1). No copy.
  public func reshaped(keepingBatch sampleShape: [Int]) throws(KernelError) -> Tensor {
    guard rank >= 1 else { throw KernelError("cannot keep the batch axis of a scalar") }
    return try reshaped([shape[0]] + sampleShape)
  }

  /// Keras `Flatten`: (N, d1, ..., dk) -> (N, d1*...*dk), channels-last order kept, no copy.
  public func flattened() throws(KernelError) -> Tensor {
    guard rank >= 1 else { throw KernelError("cannot flatten a scalar") }
    return Tensor(validShape: [shape[0], shape.dropFirst().reduce(1, *)], scalars: scalars)
  }

  /// Read access to the contiguous storage.
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows
    -> R
  {
    try scalars.withUnsafeBufferPointer(body)
  }

  /// Write access to the contiguous storage (copies first if the storage is shared).
  public mutating func withUnsafeMutableBufferPointer<R>(
    _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    try scalars.withUnsafeMutableBufferPointer(body)
  }

  /// Largest absolute elementwise difference; infinity when the shapes differ.
  public func maxAbsoluteDifference(to other: Tensor) -> Float {
    guard shape == other.shape else { return .infinity }
    var worst: Float = 0
    for index in scalars.indices {
      let difference = abs(scalars[index] - other.scalars[index])
      if difference.isNaN { return .nan }
      worst = max(worst, difference)
    }
    return worst
  }

  public var description: String {
    let preview = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
    return "Tensor(shape: \(shape), [\(preview)\(count > 8 ? ", ..." : "")])"
  }

  /// Product of the dimensions; negative dimensions are an error, overflow too.
  static func elementCount(of shape: [Int]) throws(KernelError) -> Int {
    var count = 1
    for dimension in shape {
      guard dimension >= 0 else { throw KernelError("negative dimension in shape \(shape)") }
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      guard !overflow else { throw KernelError("shape \(shape) is too large") }
      count = product
    }
    return count
  }
}
