/// The shape of a Keras tensor, batch dimension first; `nil` is Python's `None` (unknown size).
public struct TensorShape: Hashable, Sendable, CustomStringConvertible {
  public var dimensions: [Int?]

  public init(_ dimensions: [Int?]) { self.dimensions = dimensions }

  /// A shape with an unknown batch size in front of `sample`.
  public init(batch: Int? = nil, sample: [Int?]) { self.dimensions = [batch] + sample }

  public var rank: Int { dimensions.count }
  public var batch: Int? { dimensions.first ?? nil }
  /// Every dimension but the batch.
  public var sample: [Int?] { Array(dimensions.dropFirst()) }
  public subscript(index: Int) -> Int? {
    dimensions[index >= 0 ? index : dimensions.count + index]
  }

  /// Number of values in one sample, or nil when a dimension is unknown. Only for shapes whose
  /// sizes were checked (every layer output and input of a built model is: `LayerCounts`); other
  /// shapes go through `exactValuesPerSample()`.
  public var valuesPerSample: Int? {
    do {
      return try exactValuesPerSample()
    } catch {
      preconditionFailure("the size of \(self) was never checked")
    }
  }

  /// Number of values in one sample, or nil when a dimension is unknown; refused beyond 64 bits.
  public func exactValuesPerSample() throws(Exact.Overflow) -> Int? {
    var known: [Int] = []
    for dimension in sample {
      guard let dimension else { return nil }
      known.append(dimension)
    }
    return try Exact.product(known)
  }

  /// Python's `repr` of the shape tuple, as Keras prints it: `(None, 222, 222, 32)`.
  public var description: String { Self.tuple(dimensions) }

  /// Python's repr of a list, as TensorFlow writes shapes in some messages: `[None, 2, 2, 32]`.
  public var listDescription: String {
    "[" + dimensions.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + "]"
  }

  /// TensorFlow's graph notation, with `?` for unknown sizes: `[?,2,2,32]`.
  public var graphDescription: String {
    "[" + dimensions.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + "]"
  }

  public static func tuple(_ values: [Int?]) -> String {
    let items = values.map { $0.map(String.init) ?? "None" }
    return items.count == 1 ? "(\(items[0]),)" : "(" + items.joined(separator: ", ") + ")"
  }
}

extension TensorShape {
  /// TensorFlow's static broadcasting of two full shapes (batch axis included), aligned at the
  /// last axis: a 1 takes the other's size, an unknown size the other's; nil when two known sizes
  /// other than 1 differ.
  public func broadcast(with other: TensorShape) -> TensorShape? {
    let rank = max(self.rank, other.rank)
    let first = Array(repeating: 1, count: rank - self.rank) + dimensions
    let second = Array(repeating: 1, count: rank - other.rank) + other.dimensions
    var result: [Int?] = []
    for (i, j) in zip(first, second) {
      switch (i, j) {
      case (1, _): result.append(j)
      case (_, 1): result.append(i)
      case (nil, _): result.append(j)
      case (_, nil): result.append(i)
      case (let i?, let j?) where i == j: result.append(i)
      default: return nil
      }
    }
    return TensorShape(result)
  }
}
