/// Python indexing of a Keras tensor (`x[:, 0]`, `x[..., :3]`, `x[:, 1:3, ::2]`,
/// `x[..., ::-1]`, `x[:, None]`): TensorFlow's `strided_slice` with Python's rules for each axis.
public struct TensorSlice: Sendable, Equatable, CustomStringConvertible {
  public enum Item: Sendable, Equatable {
    case index(Int)
    case range(start: Int?, stop: Int?, step: Int?)
    case ellipsis
    case newAxis
  }

  public let items: [Item]

  public init(_ items: [Item]) { self.items = items }

  /// `x[..., ::-1]`: the last axis reversed (RGB to BGR in `preprocess_input`).
  public static let reverseLastAxis = TensorSlice([
    .ellipsis, .range(start: nil, stop: nil, step: -1),
  ])

  public var description: String {
    func bound(_ value: Int?) -> String { value.map(String.init) ?? "" }
    let parts = items.map { item -> String in
      switch item {
      case .index(let value): return String(value)
      case .ellipsis: return "..."
      case .newAxis: return "None"
      case .range(let start, let stop, let step):
        return bound(start) + ":" + bound(stop) + (step.map { ":" + String($0) } ?? "")
      }
    }
    return "[" + parts.joined(separator: ", ") + "]"
  }

  /// What each input axis becomes: kept with a range, or dropped at an index; and where new axes go.
  public enum Step: Sendable, Equatable {
    /// Input axis `axis` read at `start`, `start + step`, ... (`count` positions); nil count when the
    /// axis is unknown (its bounds are resolved on the concrete size a forward pass slices).
    case keep(axis: Int, start: Int, step: Int, count: Int?)
    case drop(axis: Int, index: Int)
    case insert
  }

  /// The slice applied axis by axis to an input of `shape` (sizes may be unknown).
  public func steps(for shape: TensorShape, name: String) throws(KerasError) -> [Step] {
    let ellipses = items.filter { $0 == .ellipsis }.count
    guard ellipses <= 1 else {
      throw .value("an index can only have a single ellipsis ('...')")
    }
    let consuming = items.filter {
      if case .newAxis = $0 { return false }
      if case .ellipsis = $0 { return false }
      return true
    }.count
    guard consuming <= shape.rank else {
      throw .value(
        "Exception encountered when calling layer \"\(name)\" (type SlicingOpLambda): Index out of range using input dim \(shape.rank); input has only \(shape.rank) dims"
      )
    }
    var expanded: [Item] = []
    for item in items {
      if item == .ellipsis {
        expanded += Array(
          repeating: .range(start: nil, stop: nil, step: nil), count: shape.rank - consuming)
      } else {
        expanded.append(item)
      }
    }
    var steps: [Step] = []
    var axis = 0
    for item in expanded {
      switch item {
      case .newAxis: steps.append(.insert)
      case .ellipsis: break
      case .index(let value):
        let size = shape.dimensions[axis]
        var resolved = value
        if let size {
          resolved = value < 0 ? value + size : value
          guard (0..<size).contains(resolved) else {
            throw .value(
              "Exception encountered when calling layer \"\(name)\" (type SlicingOpLambda): slice index \(value) of dimension \(axis) out of bounds."
            )
          }
        }
        steps.append(.drop(axis: axis, index: resolved))
        axis += 1
      case .range(let start, let stop, let step):
        let stride = step ?? 1
        guard stride != 0 else {
          throw .value("slice step cannot be zero")
        }
        guard let size = shape.dimensions[axis] else {
          // TensorFlow's `strided_slice` infers an unknown size for any range of an unknown axis
          // (`y_pred[:, 2:, :]` in a CTC Lambda); the pass slices the concrete size it gets.
          steps.append(.keep(axis: axis, start: 0, step: stride, count: nil))
          axis += 1
          continue
        }
        // Python's slice.indices(size).
        func clamp(_ value: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
          guard let value else { return fallback }
          let shifted = value < 0 ? value + size : value
          return Swift.min(Swift.max(shifted, low), high)
        }
        let first: Int
        let end: Int
        if stride > 0 {
          first = clamp(start, 0, low: 0, high: size)
          end = clamp(stop, size, low: 0, high: size)
        } else {
          first = clamp(start, size - 1, low: -1, high: size - 1)
          end = clamp(stop, -1, low: -1, high: size - 1)
        }
        let count: Int
        // Distances stay within -1...size, so only the step can be large.
        if stride > 0 {
          count = end > first ? Int(UInt(end - first - 1) / stride.magnitude) + 1 : 0
        } else {
          count = first > end ? Int(UInt(first - end - 1) / stride.magnitude) + 1 : 0
        }
        steps.append(.keep(axis: axis, start: first, step: stride, count: count))
        axis += 1
      }
    }
    while axis < shape.rank {
      steps.append(.keep(axis: axis, start: 0, step: 1, count: shape.dimensions[axis]))
      axis += 1
    }
    return steps
  }

  public func outputShape(_ input: TensorShape, name: String) throws(KerasError) -> TensorShape {
    var dimensions: [Int?] = []
    for step in try steps(for: input, name: name) {
      switch step {
      case .keep(_, _, _, let count): dimensions.append(count)
      case .drop: break
      case .insert: dimensions.append(1)
      }
    }
    return TensorShape(dimensions)
  }
}
