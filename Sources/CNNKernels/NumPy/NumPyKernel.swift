import Foundation

/// The element loops of NumPy arrays in cells: arithmetic and comparisons with broadcasting,
/// casts, reductions, copies of slices and rows, one-hot rows. The cell language decides dtypes,
/// shapes and errors (NumPy's rules); these functions only run over values whose sizes it has
/// checked.
public enum NumPyKernel {
  public enum Operation: Sendable {
    case add, subtract, multiply, divide, floorDivide, power
  }

  public enum Comparison: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
  }

  public enum Reduction: Sendable {
    case sum, mean, max, min, argmax, argmin
  }

  /// The precision of a computation or of stored values.
  public enum Precision: Sendable {
    case float32, float64
  }

  // MARK: Conversions

  public static func floats(_ values: [Double]) -> [Float] {
    [Float](unsafeUninitializedCapacity: values.count) { buffer, count in
      for i in 0..<values.count { buffer[i] = Float(values[i]) }
      count = values.count
    }
  }

  /// Bytes (uint8 data) as float32 values.
  public static func floats(bytes: ArraySlice<UInt8>) -> [Float] {
    bytes.withUnsafeBufferPointer { source in
      [Float](unsafeUninitializedCapacity: source.count) { buffer, count in
        for i in 0..<source.count { buffer[i] = Float(source[i]) }
        count = source.count
      }
    }
  }

  public static func doubles(_ values: [Float]) -> [Double] {
    [Double](unsafeUninitializedCapacity: values.count) { buffer, count in
      for i in 0..<values.count { buffer[i] = Double(values[i]) }
      count = values.count
    }
  }

  /// `astype` to an integer dtype: every value truncated toward zero, as float32 storage.
  public static func truncated(_ storage: NumPyStorage) -> [Float] {
    switch storage {
    case .float(let values): return values.map { $0.rounded(.towardZero) }
    case .double(let values): return values.map { Float($0.rounded(.towardZero)) }
    }
  }

  /// `astype(bool)`: 1 for every nonzero value (NaN included), else 0.
  public static func booleans(_ storage: NumPyStorage) -> [Float] {
    switch storage {
    case .float(let values): return values.map { $0 != 0 ? 1 : 0 }
    case .double(let values): return values.map { $0 != 0 ? 1 : 0 }
    }
  }

  /// The offset of the first value outside `lower...upper` (or NaN), or nil.
  public static func firstOutside(_ storage: NumPyStorage, lower: Double, upper: Double) -> Int? {
    switch storage {
    case .float(let values):
      let (low, high) = (Float(lower), Float(upper))
      return values.firstIndex { !($0 >= low && $0 <= high) }
    case .double(let values):
      return values.firstIndex { !($0 >= lower && $0 <= upper) }
    }
  }

  /// Whether some value equals `value`.
  public static func contains(_ storage: NumPyStorage, _ value: Double) -> Bool {
    switch storage {
    case .float(let values): return values.contains(Float(value))
    case .double(let values): return values.contains(value)
    }
  }

  public static func negated(_ storage: NumPyStorage) -> NumPyStorage {
    switch storage {
    case .float(let values): return .float(values.map { -$0 })
    case .double(let values): return .double(values.map { -$0 })
    }
  }

  /// `np.round(x, decimals)` as NumPy computes it: multiply by 10**decimals in the values' own
  /// precision, round half to even, divide back (negative decimals: divide, round, multiply).
  public static func rounded(_ storage: NumPyStorage, decimals: Int, in precision: Precision)
    -> NumPyStorage
  {
    let factor = Foundation.pow(10.0, Double(Swift.abs(decimals)))
    let up = decimals >= 0
    switch (storage, precision) {
    case (.float(let values), .float32):
      let scale = Float(factor)
      return .float(
        values.map {
          up
            ? ($0 * scale).rounded(.toNearestOrEven) / scale
            : ($0 / scale).rounded(.toNearestOrEven) * scale
        })
    default:
      let values = storage.doubles
      let result = values.map {
        up
          ? ($0 * factor).rounded(.toNearestOrEven) / factor
          : ($0 / factor).rounded(.toNearestOrEven) * factor
      }
      return storage.sameKind(result)
    }
  }

  // MARK: Broadcasting

  /// The loops that visit the broadcast shape: dimensions (size, stride in a, stride in b),
  /// outermost first, with neighbours that step alike merged so the innermost loop is long.
  private static func loops(_ aShape: [Int], _ bShape: [Int], _ shape: [Int]) -> [(
    count: Int, a: Int, b: Int
  )] {
    let rank = shape.count
    func strides(_ operand: [Int]) -> [Int] {
      let padded = [Int](repeating: 1, count: rank - operand.count) + operand
      var result = [Int](repeating: 0, count: rank)
      var step = 1
      for axis in stride(from: rank - 1, through: 0, by: -1) {
        result[axis] = padded[axis] == 1 ? 0 : step
        step *= padded[axis]
      }
      return result
    }
    let a = strides(aShape)
    let b = strides(bShape)
    var merged: [(count: Int, a: Int, b: Int)] = []
    for axis in 0..<rank where shape[axis] != 1 {
      if let last = merged.last, last.a == a[axis] * shape[axis], last.b == b[axis] * shape[axis] {
        merged[merged.count - 1] = (last.count * shape[axis], a[axis], b[axis])
      } else {
        merged.append((shape[axis], a[axis], b[axis]))
      }
    }
    return merged.isEmpty ? [(1, 0, 0)] : merged
  }

  /// `out[i] = f(a[..], b[..])` over the broadcast shape.
  @inline(__always)
  private static func combine<A, B, R>(
    _ a: UnsafeBufferPointer<A>, _ aShape: [Int], _ b: UnsafeBufferPointer<B>, _ bShape: [Int],
    shape: [Int], _ f: (A, B) -> R
  ) -> [R] {
    let dimensions = loops(aShape, bShape, shape)
    let total = shape.reduce(1, *)
    return [R](unsafeUninitializedCapacity: total) { out, written in
      guard total > 0 else { return }
      let inner = dimensions[dimensions.count - 1]
      let outer = Array(dimensions.dropLast())
      var index = [Int](repeating: 0, count: outer.count)
      var aOffset = 0
      var bOffset = 0
      var position = 0
      while position < total {
        let o = out.baseAddress! + position
        let x = a.baseAddress! + aOffset
        let y = b.baseAddress! + bOffset
        switch (inner.a, inner.b) {
        case (1, 1): for k in 0..<inner.count { (o + k).initialize(to: f(x[k], y[k])) }
        case (1, 0):
          let yv = y[0]
          for k in 0..<inner.count { (o + k).initialize(to: f(x[k], yv)) }
        case (0, 1):
          let xv = x[0]
          for k in 0..<inner.count { (o + k).initialize(to: f(xv, y[k])) }
        default:
          for k in 0..<inner.count {
            (o + k).initialize(to: f(x[k * inner.a], y[k * inner.b]))
          }
        }
        position += inner.count
        var axis = outer.count - 1
        while axis >= 0 {
          index[axis] += 1
          aOffset += outer[axis].a
          bOffset += outer[axis].b
          if index[axis] < outer[axis].count { break }
          aOffset -= outer[axis].a * outer[axis].count
          bOffset -= outer[axis].b * outer[axis].count
          index[axis] = 0
          axis -= 1
        }
      }
      written = total
    }
  }

  // MARK: Arithmetic

  /// `a OP b` with NumPy broadcasting to `shape` (which the caller computed), computed in
  /// `precision` (float32: both operands rounded to float32 first, as NumPy casts a weak
  /// Python scalar) and stored as `output` (float32 storage for every dtype but float64).
  public static func binary(
    _ operation: Operation, _ a: NumPyStorage, _ aShape: [Int], _ b: NumPyStorage,
    _ bShape: [Int], shape: [Int], in precision: Precision, output: Precision
  ) -> NumPyStorage {
    if precision == .float32 {
      let x = a.floats
      let y = b.floats
      return .float(
        x.withUnsafeBufferPointer { x in
          y.withUnsafeBufferPointer { y in
            float32(operation, x, aShape, y, bShape, shape)
          }
        })
    }
    let result: [Double]
    switch (a, b) {
    case (.float(let x), .float(let y)):
      result = x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in float64(operation, x, aShape, y, bShape, shape) }
      }
    case (.float(let x), .double(let y)):
      result = x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in float64(operation, x, aShape, y, bShape, shape) }
      }
    case (.double(let x), .float(let y)):
      result = x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in float64(operation, x, aShape, y, bShape, shape) }
      }
    case (.double(let x), .double(let y)):
      result = x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in float64(operation, x, aShape, y, bShape, shape) }
      }
    }
    return output == .float64 ? .double(result) : .float(floats(result))
  }

  private static func float32(
    _ operation: Operation, _ a: UnsafeBufferPointer<Float>, _ aShape: [Int],
    _ b: UnsafeBufferPointer<Float>, _ bShape: [Int], _ shape: [Int]
  ) -> [Float] {
    switch operation {
    case .add: return combine(a, aShape, b, bShape, shape: shape) { $0 + $1 }
    case .subtract: return combine(a, aShape, b, bShape, shape: shape) { $0 - $1 }
    case .multiply: return combine(a, aShape, b, bShape, shape: shape) { $0 * $1 }
    case .divide: return combine(a, aShape, b, bShape, shape: shape) { $0 / $1 }
    case .floorDivide:
      return combine(a, aShape, b, bShape, shape: shape) { floorDivide($0, $1) }
    case .power: return combine(a, aShape, b, bShape, shape: shape) { Foundation.powf($0, $1) }
    }
  }

  private static func float64<A: BinaryFloatingPoint, B: BinaryFloatingPoint>(
    _ operation: Operation, _ a: UnsafeBufferPointer<A>, _ aShape: [Int],
    _ b: UnsafeBufferPointer<B>, _ bShape: [Int], _ shape: [Int]
  ) -> [Double] {
    switch operation {
    case .add: return combine(a, aShape, b, bShape, shape: shape) { Double($0) + Double($1) }
    case .subtract: return combine(a, aShape, b, bShape, shape: shape) { Double($0) - Double($1) }
    case .multiply: return combine(a, aShape, b, bShape, shape: shape) { Double($0) * Double($1) }
    case .divide: return combine(a, aShape, b, bShape, shape: shape) { Double($0) / Double($1) }
    case .floorDivide:
      return combine(a, aShape, b, bShape, shape: shape) { floorDivide(Double($0), Double($1)) }
    case .power:
      return combine(a, aShape, b, bShape, shape: shape) { Foundation.pow(Double($0), Double($1)) }
    }
  }

  /// NumPy's `npy_divmod` quotient: floor of the true quotient, corrected by the remainder, so
  /// `7.0 // 0.1` is 69 as in Python.
  @inline(__always)
  static func floorDivide<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> T {
    guard b != 0 else { return a / b }
    let remainder = a.truncatingRemainder(dividingBy: b)
    var division = (a - remainder) / b
    if remainder != 0 && ((b < 0) != (remainder < 0)) { division -= 1 }
    guard division != 0 else { return T(signOf: a / b, magnitudeOf: 0) }
    var floored = division.rounded(.down)
    if division - floored > 0.5 { floored += 1 }
    return floored
  }

  /// `a OP b` element by element: 1 where it holds, else 0.
  public static func compare(
    _ comparison: Comparison, _ a: NumPyStorage, _ aShape: [Int], _ b: NumPyStorage,
    _ bShape: [Int], shape: [Int], in precision: Precision
  ) -> [Float] {
    if precision == .float32 {
      let x = a.floats
      let y = b.floats
      return x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in test(comparison, x, aShape, y, bShape, shape) }
      }
    }
    let x = a.doubles
    let y = b.doubles
    return x.withUnsafeBufferPointer { x in
      y.withUnsafeBufferPointer { y in test(comparison, x, aShape, y, bShape, shape) }
    }
  }

  private static func test<T: BinaryFloatingPoint>(
    _ comparison: Comparison, _ a: UnsafeBufferPointer<T>, _ aShape: [Int],
    _ b: UnsafeBufferPointer<T>, _ bShape: [Int], _ shape: [Int]
  ) -> [Float] {
    switch comparison {
    case .equal: return combine(a, aShape, b, bShape, shape: shape) { $0 == $1 ? 1 : 0 }
    case .notEqual: return combine(a, aShape, b, bShape, shape: shape) { $0 != $1 ? 1 : 0 }
    case .less: return combine(a, aShape, b, bShape, shape: shape) { $0 < $1 ? 1 : 0 }
    case .lessOrEqual: return combine(a, aShape, b, bShape, shape: shape) { $0 <= $1 ? 1 : 0 }
    case .greater: return combine(a, aShape, b, bShape, shape: shape) { $0 > $1 ? 1 : 0 }
    case .greaterOrEqual: return combine(a, aShape, b, bShape, shape: shape) { $0 >= $1 ? 1 : 0 }
    }
  }

  // MARK: Reductions

  /// Reduces `size` values `inner` apart, for each of `outer * inner` places, accumulating in
  /// `precision` as NumPy does for the dtype: float32 sums in float32, others in float64;
  /// pairwise along a contiguous run (`inner == 1`), in order otherwise. Max and min propagate
  /// NaN; argmax and argmin give the first NaN, else the first extreme. `size` > 0 except for
  /// sum and mean.
  public static func reduce(
    _ reduction: Reduction, _ storage: NumPyStorage, outer: Int, size: Int, inner: Int,
    in precision: Precision
  ) -> [Double] {
    switch storage {
    case .float(let values):
      return values.withUnsafeBufferPointer {
        reduce(reduction, $0, outer: outer, size: size, inner: inner, precision: precision)
      }
    case .double(let values):
      return values.withUnsafeBufferPointer {
        reduce(reduction, $0, outer: outer, size: size, inner: inner, precision: precision)
      }
    }
  }

  private static func reduce<T: BinaryFloatingPoint>(
    _ reduction: Reduction, _ values: UnsafeBufferPointer<T>, outer: Int, size: Int, inner: Int,
    precision: Precision
  ) -> [Double] {
    var result = [Double](repeating: 0, count: outer * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        let base = values.baseAddress! + (o * size * inner + i)
        var value: Double
        switch reduction {
        case .sum where size == 0, .mean where size == 0:
          value = reduction == .mean ? .nan : 0
        case .sum, .mean:
          if precision == .float32 {
            var total: Float = -0.0
            if inner == 1, T.self == Float.self {
              total = base.withMemoryRebound(to: Float.self, capacity: size) {
                pairwiseSum($0, count: size)
              }
            } else {
              for k in 0..<size { total += Float(base[k * inner]) }
            }
            value = Double(reduction == .mean ? total / Float(size) : total)
          } else {
            var total = -0.0
            if inner == 1, T.self == Double.self {
              total = base.withMemoryRebound(to: Double.self, capacity: size) {
                pairwiseSum($0, count: size)
              }
            } else {
              for k in 0..<size { total += Double(base[k * inner]) }
            }
            value = reduction == .mean ? total / Double(size) : total
          }
        case .max, .min:
          var best = base[0]
          for k in 1..<Swift.max(1, size) {
            let x = base[k * inner]
            if x.isNaN {
              best = x
              break
            }
            if reduction == .max ? x > best : x < best { best = x }
          }
          value = Double(best)
        case .argmax, .argmin:
          var best = 0
          if !base[0].isNaN {
            for k in 1..<Swift.max(1, size) {
              let x = base[k * inner]
              if x.isNaN {
                best = k
                break
              }
              let current = base[best * inner]
              if reduction == .argmax ? x > current : x < current { best = k }
            }
          }
          value = Double(best)
        }
        result[o * inner + i] = value
      }
    }
    return result
  }

  /// NumPy's `pairwise_sum`: below 8 values in order, up to 128 in eight running sums combined
  /// as a tree, above that the two halves (split at a multiple of 8) recursively.
  public static func pairwiseSum<T: BinaryFloatingPoint>(_ values: UnsafePointer<T>, count: Int)
    -> T
  {
    if count < 8 {
      var result: T = -0.0
      for i in 0..<count { result += values[i] }
      return result
    }
    if count <= 128 {
      var r0 = values[0]
      var r1 = values[1]
      var r2 = values[2]
      var r3 = values[3]
      var r4 = values[4]
      var r5 = values[5]
      var r6 = values[6]
      var r7 = values[7]
      var i = 8
      while i < count - count % 8 {
        r0 += values[i]
        r1 += values[i + 1]
        r2 += values[i + 2]
        r3 += values[i + 3]
        r4 += values[i + 4]
        r5 += values[i + 5]
        r6 += values[i + 6]
        r7 += values[i + 7]
        i += 8
      }
      var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
      while i < count {
        result += values[i]
        i += 1
      }
      return result
    }
    var half = count / 2
    half -= half % 8
    return pairwiseSum(values, count: half) + pairwiseSum(values + half, count: count - half)
  }

  // MARK: Copies

  /// The values a view visits: from `base`, each dimension (count, stride) outermost first.
  public static func gather(
    _ storage: NumPyStorage, base: Int, dimensions: [(count: Int, stride: Int)]
  )
    -> NumPyStorage
  {
    switch storage {
    case .float(let values): return .float(gather(values, base: base, dimensions: dimensions))
    case .double(let values): return .double(gather(values, base: base, dimensions: dimensions))
    }
  }

  private static func gather<T>(_ source: [T], base: Int, dimensions: [(count: Int, stride: Int)])
    -> [T]
  {
    let count = dimensions.reduce(1) { $0 * $1.count }
    // The trailing dimensions that are whole and contiguous are copied as blocks.
    var block = 1
    var blockDimensions = 0
    for dimension in dimensions.reversed() {
      if dimension.count == 1 {
        blockDimensions += 1
        continue
      }
      guard dimension.stride == block else { break }
      block *= dimension.count
      blockDimensions += 1
    }
    let outer = Array(dimensions.dropLast(blockDimensions))
    return [T](unsafeUninitializedCapacity: count) { target, written in
      source.withUnsafeBufferPointer { source in
        var index = [Int](repeating: 0, count: outer.count)
        var offset = base
        var position = 0
        while position < count {
          (target.baseAddress! + position).initialize(
            from: source.baseAddress! + offset, count: block)
          position += block
          var axis = outer.count - 1
          while axis >= 0 {
            index[axis] += 1
            offset += outer[axis].stride
            if index[axis] < outer[axis].count { break }
            offset -= outer[axis].stride * outer[axis].count
            index[axis] = 0
            axis -= 1
          }
          if axis < 0 { break }
        }
      }
      written = count
    }
  }

  /// Rows `rows` (each `rowSize` values) in that order.
  public static func rows(_ storage: NumPyStorage, _ rows: [Int], rowSize: Int) -> NumPyStorage {
    func take<T>(_ source: [T]) -> [T] {
      [T](unsafeUninitializedCapacity: rows.count * rowSize) { target, written in
        source.withUnsafeBufferPointer { source in
          for (i, row) in rows.enumerated() {
            (target.baseAddress! + i * rowSize).initialize(
              from: source.baseAddress! + row * rowSize, count: rowSize)
          }
        }
        written = rows.count * rowSize
      }
    }
    switch storage {
    case .float(let values): return .float(take(values))
    case .double(let values): return .double(take(values))
    }
  }

  /// The offsets of the nonzero values (a boolean mask's true places).
  public static func nonzero(_ storage: NumPyStorage) -> [Int] {
    var result: [Int] = []
    for i in 0..<storage.count where storage.double(at: i) != 0 { result.append(i) }
    return result
  }

  /// `np.concatenate`: for each of `outer` places, each part's chunk in turn; stored as float64
  /// when `precision` says so.
  public static func concatenate(_ parts: [NumPyStorage], outer: Int, as precision: Precision)
    -> NumPyStorage
  {
    if precision == .float64 {
      let sources = parts.map(\.doubles)
      return .double(concatenate(sources, outer: outer))
    }
    return .float(concatenate(parts.map(\.floats), outer: outer))
  }

  private static func concatenate<T>(_ parts: [[T]], outer: Int) -> [T] {
    var values: [T] = []
    values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for o in 0..<outer {
      for part in parts {
        let chunk = part.count / Swift.max(1, outer)
        values += part[(o * chunk)..<((o + 1) * chunk)]
      }
    }
    return values
  }

  /// `np.roll` along an axis of `size` between `outer` and `inner` values.
  public static func roll(
    _ storage: NumPyStorage, outer: Int, size: Int, inner: Int, amount: Int
  ) -> NumPyStorage {
    func roll<T>(_ source: [T]) -> [T] {
      var values = source
      for o in 0..<outer {
        for i in 0..<size {
          let target = o * size * inner + ((i + amount) % size) * inner
          let start = o * size * inner + i * inner
          for k in 0..<inner { values[target + k] = source[start + k] }
        }
      }
      return values
    }
    switch storage {
    case .float(let values): return .float(roll(values))
    case .double(let values): return .double(roll(values))
    }
  }

  /// `np.arange`'s values `start + i * step`, as NumPy fills them.
  public static func arange(_ start: Double, step: Double, count: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: count) { buffer, written in
      for i in 0..<count { buffer[i] = start + Double(i) * step }
      written = count
    }
  }

  /// `to_categorical`: a row of `classes` zeros with a 1 at each label (labels checked by the
  /// caller to be whole numbers below `classes`).
  public static func oneHot(_ labels: NumPyStorage, classes: Int) -> [Float] {
    var values = [Float](repeating: 0, count: labels.count * classes)
    for row in 0..<labels.count { values[row * classes + Int(labels.double(at: row))] = 1 }
    return values
  }

  /// The largest label, or -1; nil (with the offending value) when a value is not a whole
  /// number >= 0.
  public static func largestLabel(_ labels: NumPyStorage) -> (largest: Int, bad: Double?) {
    var largest = -1
    for i in 0..<labels.count {
      let value = labels.double(at: i)
      guard value >= 0, value == value.rounded(), value < 9.0e15 else { return (largest, value) }
      largest = Swift.max(largest, Int(value))
    }
    return (largest, nil)
  }
}
