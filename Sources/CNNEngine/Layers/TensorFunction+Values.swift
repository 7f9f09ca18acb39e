/// Shapes that depend on values: TensorFlow infers the static shape of `tf.reshape(x, [b, -1, 48])`
/// with `b = tf.shape(x)[0]` from what it knows of `b`'s value (its constant folding of shape
/// arithmetic). ConvBook does the same with *known values*: the value of a small integer tensor
/// computed from shapes (`tf.shape(x)`, its elements, their products, ...), element by element, nil
/// for an element that is unknown (the batch size while the model is built; every size is known
/// in the forward pass, where the same rules run on concrete shapes).
extension TensorFunction.ShapeEntry {
  static func tensorCount(_ entries: [Self]) -> Int {
    entries.reduce(0) { count, entry in
      switch entry {
      case .size: return count
      case .scalar, .vector: return count + 1
      }
    }
  }
}

extension TensorFunction {
  /// Known values of shape tensors longer than this are not tracked (a shape has at most a few
  /// axes).
  public static let largestKnownValue = 64

  /// The sizes `entries` name, from the known values of the call's tensor inputs (`values[k]` for
  /// input k; nil where a size is unknown); nil when a vector's length is unknown.
  static func sizes(_ entries: [ShapeEntry], values: [[Int?]?]) -> [Int?]? {
    var sizes: [Int?] = []
    for entry in entries {
      switch entry {
      case .size(let size): sizes.append(size)
      case .scalar(let input):
        sizes.append(values.indices.contains(input) ? values[input]?.first ?? nil : nil)
      case .vector(let input):
        guard values.indices.contains(input), let vector = values[input] else { return nil }
        sizes += vector
      }
    }
    return sizes
  }

  /// TensorFlow's static shape of the result, given what is known of the tensor inputs' values.
  public func outputShape(_ inputs: [TensorShape], values: [[Int?]?], name: String)
    throws(KerasError) -> TensorShape
  {
    func error(_ message: String) -> KerasError {
      .value("Exception encountered when calling layer \"\(name)\" (type TFOpLambda): \(message)")
    }
    switch self {
    case .depthToSpace(let block), .spaceToDepth(let block):
      let input = inputs[0]
      guard input.rank == 4 else {
        throw error("input rank should be 4 instead of \(input.rank)")
      }
      guard block >= 2 else {
        let op = self == .depthToSpace(blockSize: block) ? "DepthToSpace" : "SpaceToDepth"
        throw error("Attr 'block_size' of '\(op)' Op passed \(block) less than minimum 2.")
      }
      let d = input.dimensions
      // Sizes come from the cell: products are checked.
      func times(_ size: Int?, _ factor: Int) throws(KerasError) -> Int? {
        guard let size else { return nil }
        let (product, overflow) = size.multipliedReportingOverflow(by: factor)
        guard !overflow else {
          throw .limitation("ConvBook cannot move more than 2^63 values onto one axis")
        }
        return product
      }
      let square = try times(block, block)!
      if case .depthToSpace = self {
        if let channels = d[3], channels % square != 0 {
          throw error(
            "Dimension size must be evenly divisible by \(square) but is \(channels) for '{{node \(name)/DepthToSpace}} = DepthToSpace[T=DT_FLOAT, block_size=\(block), data_format=\"NHWC\"](Placeholder)' with input shapes: \(Self.bracketed(input))."
          )
        }
        return TensorShape([
          d[0], try times(d[1], block), try times(d[2], block), d[3].map { $0 / square },
        ])
      }
      for axis in 1...2 {
        if let size = d[axis], size % block != 0 {
          throw error(
            "Dimension size must be evenly divisible by \(block) but is \(size) for '{{node \(name)/SpaceToDepth}} = SpaceToDepth[T=DT_FLOAT, block_size=\(block), data_format=\"NHWC\"](Placeholder)' with input shapes: \(Self.bracketed(input))."
          )
        }
      }
      return TensorShape([
        d[0], d[1].map { $0 / block }, d[2].map { $0 / block }, try times(d[3], square),
      ])
    case .pool(_, let size, let strides, let same):
      let input = inputs[0]
      guard input.rank == 4 else {
        throw .limitation(
          "ConvBook pools images (4-D tensors, NHWC) with TensorFlow's pooling functions; \(name) got a tensor of shape \(input)"
        )
      }
      let d = input.dimensions
      var dimensions: [Int?] = [d[0]]
      for axis in 0..<2 {
        // TensorFlow's windowed output size: VALID (n - k) / s + 1, SAME ceil(n / s).
        guard let input = d[axis + 1] else {
          dimensions.append(nil)
          continue
        }
        let (window, stride) = (size[axis], strides[axis])
        if !same, input < window {
          throw error(
            "Negative dimension size caused by subtracting \(window) from \(input) for '{{node \(name)/MaxPool2d}}'"
          )
        }
        dimensions.append(same ? (input - 1) / stride + 1 : (input - window) / stride + 1)
      }
      return TensorShape(dimensions + [d[3]])
    case .extractPatches(let size, let strides, let rates, let same):
      let input = inputs[0]
      guard input.rank == 4 else {
        throw error("input must be 4-dimensional\(Self.bracketed(input))")
      }
      let d = input.dimensions
      var dimensions: [Int?] = [d[0]]
      for axis in 0..<2 {
        // TensorFlow's windowed output size: VALID (n - e + s) / s truncated, an error only below
        // 0 (a window larger than the image gives 0 patches); SAME ceil(n / s).
        guard let input = d[axis + 1] else {
          dimensions.append(nil)
          continue
        }
        let extent = size[axis].multipliedReportingOverflow(by: rates[axis])
        guard !extent.overflow, extent.partialValue <= Int.max / 2, input <= Int.max / 2 else {
          throw .limitation("ConvBook cannot extract patches beyond 2^62 pixels")
        }
        let effective = extent.partialValue - rates[axis] + 1
        let stride = strides[axis]
        let length = same ? (input + stride - 1) / stride : (input - effective + stride) / stride
        if length < 0 {
          throw error(
            "Computed output size would be negative: \(length) [input_size: \(input), effective_filter_size: \(effective), stride: \(stride)]"
          )
        }
        dimensions.append(length)
      }
      let area = size[0].multipliedReportingOverflow(by: size[1])
      let depth = d[3].map { area.partialValue.multipliedReportingOverflow(by: $0) }
      guard !area.overflow, depth?.overflow != true else {
        throw .limitation("ConvBook cannot extract patches of more than 2^63 values")
      }
      dimensions.append(depth?.partialValue)
      return TensorShape(dimensions)
    case .shape:
      return TensorShape([inputs[0].rank])
    case .dynamicReshape(let entries):
      guard var target = Self.sizes(entries, values: Array(values)) else {
        // A shape tensor of unknown length: a tensor of unknown rank, which ConvBook lacks.
        throw .limitation(
          "ConvBook does not support tf.reshape to a shape tensor of unknown length")
      }
      if let bad = target.first(where: { ($0 ?? 0) < -1 }) {
        throw error("Dimension size must be >= -1, but got \(bad!)")
      }
      let inferred = target.indices.filter { target[$0] == -1 }
      guard inferred.count <= 1 else {
        throw error("Only one input size may be -1, not both \(inferred[0]) and \(inferred[1])")
      }
      // -1 is inferred only when the input's size and every other target size are known.
      if let slot = inferred.first {
        let known = inputs[0].dimensions.allSatisfy { $0 != nil }
        let others = target.enumerated().filter { $0.offset != slot }.map(\.element)
        if known, others.allSatisfy({ $0 != nil }) {
          let total = try Self.product(inputs[0].dimensions.map { $0! })
          let fixed = try Self.product(others.map { $0! })
          guard fixed > 0, total % fixed == 0 else {
            throw error(
              "Cannot reshape a tensor with \(total) elements to shape \(Self.bracketed(TensorShape(target)))"
            )
          }
          target[slot] = total / fixed
        } else {
          target[slot] = nil
        }
      } else if inputs[0].dimensions.allSatisfy({ $0 != nil }), target.allSatisfy({ $0 != nil }) {
        let total = try Self.product(inputs[0].dimensions.map { $0! })
        let wanted = try Self.product(target.map { $0! })
        guard total == wanted else {
          throw error(
            "Cannot reshape a tensor with \(total) elements to shape \(Self.bracketed(TensorShape(target)))"
          )
        }
      }
      return TensorShape(target)
    case .broadcastTo(let entries):
      guard let target = Self.sizes(entries, values: Array(values)) else {
        throw .limitation(
          "ConvBook does not support broadcast_to a shape tensor of unknown length")
      }
      if let bad = target.first(where: { ($0 ?? 0) < 0 }) {
        throw error("Dimension \(bad!) must be >= 0")
      }
      // NumPy's rule, from the last axis: each of x's sizes is 1 or the target's.
      let source = inputs[0].dimensions
      guard source.count <= target.count else {
        throw error(
          "Unable to broadcast tensor of shape \(Self.bracketed(inputs[0])) to tensor of shape \(Self.bracketed(TensorShape(target)))"
        )
      }
      for (size, wanted) in zip(source.reversed(), target.reversed()) {
        guard let size, let wanted, size != 1, size != wanted else { continue }
        throw error(
          "Unable to broadcast tensor of shape \(Self.bracketed(inputs[0])) to tensor of shape \(Self.bracketed(TensorShape(target)))"
        )
      }
      return TensorShape(target)
    case .tile(let entries):
      let rank = inputs[0].rank
      guard let multiples = Self.sizes(entries, values: Array(values)), multiples.count == rank
      else {
        throw error(
          "Expected multiples argument to be a vector of length \(rank) but got length \(Self.sizes(entries, values: Array(values))?.count ?? entries.count)"
        )
      }
      if let bad = multiples.first(where: { ($0 ?? 0) < 0 }) {
        throw error(
          "Expected multiples[\(multiples.firstIndex(of: bad) ?? 0)] >= 0, but got \(bad!)")
      }
      var dimensions: [Int?] = []
      for (size, multiple) in zip(inputs[0].dimensions, multiples) {
        // TensorFlow knows a tiled size of 0 whatever the multiple.
        guard let size, let multiple else {
          dimensions.append(size == 0 || multiple == 0 ? 0 : nil)
          continue
        }
        let (product, overflow) = size.multipliedReportingOverflow(by: multiple)
        guard !overflow else {
          throw .limitation("ConvBook cannot tile to more than 2^63 elements on one axis")
        }
        dimensions.append(product)
      }
      return TensorShape(dimensions)
    case .dynamicResize(let entries, _):
      guard inputs[0].rank == 4 else {
        throw error("'images' must have either 3 or 4 dimensions.")
      }
      guard let sizes = Self.sizes(entries, values: values), sizes.count == 2 else {
        throw .limitation("ConvBook resizes images to a size of two numbers only")
      }
      if let bad = sizes.first(where: { ($0 ?? 1) <= 0 }) {
        throw error("The size must be positive, got \(bad!)")
      }
      let d = inputs[0].dimensions
      return TensorShape([d[0], sizes[0], sizes[1], d[3]])
    case .randomNormal(let entries, _, _, _), .randomUniform(let entries, _, _, _):
      guard let sizes = Self.sizes(entries, values: values) else {
        throw .limitation(
          "ConvBook does not support random tensors of a shape tensor of unknown length")
      }
      if let bad = sizes.first(where: { ($0 ?? 0) < 0 }) {
        throw error("Dimension \(bad!) must be >= 0")
      }
      return TensorShape(sizes)
    default:
      return try outputShape(inputs, name: name)
    }
  }

  /// The known value of the result when it is a small integer tensor computed from shapes
  /// (`tf.shape(x)`, an element of it, a product or stack of those); nil otherwise.
  public func outputValue(_ inputs: [TensorShape], values: [[Int?]?]) -> [Int?]? {
    switch self {
    case .shape:
      return inputs[0].dimensions
    case .constant(let constant)
    where constant.shape.isEmpty && constant.values.count == 1
      && constant.values[0] == constant.values[0].rounded() && abs(constant.values[0]) < 16_777_216:
      // A whole number among sizes (`K.stack([tf.shape(x)[0], 4, -1])`).
      return [Int(constant.values[0])]
    case .constant(let constant) where constant.shape.count == 1 && constant.values.count <= 64:
      // A small vector of whole numbers (`tf.range(n)`): its values are known.
      let limit: Float = 16_777_216
      guard constant.values.allSatisfy({ $0 == $0.rounded() && abs($0) < limit }) else {
        return nil
      }
      return constant.values.map { value -> Int? in Int(value) }
    case .binary(let binary, let constant, let constantFirst):
      if let constant {
        guard let x = values.first ?? nil, constant == constant.rounded(), abs(constant) < 1e15
        else { return nil }
        let c = Int(constant)
        return x.map { value in
          value.flatMap { constantFirst ? binary.integer(c, $0) : binary.integer($0, c) }
        }
      }
      guard values.count == 2, let a = values[0], let b = values[1] else { return nil }
      return Self.elementwise(a, b) { binary.integer($0, $1) }
    case .unary(.identity), .unary(.stopGradient):
      return values.first ?? nil
    case .stack(let axis):
      // A vector of scalars: `tf.stack([batch, height * width, channels])`.
      guard axis == 0 || axis == -1, inputs.allSatisfy({ $0.rank == 0 }) else { return nil }
      var result: [Int?] = []
      for value in values {
        guard let value, value.count == 1 else { return nil }
        result.append(value[0])
      }
      return result.count <= Self.largestKnownValue ? result : nil
    case .concat:
      guard inputs.allSatisfy({ $0.rank == 1 }) else { return nil }
      var result: [Int?] = []
      for value in values {
        guard let value else { return nil }
        result += value
      }
      return result.count <= Self.largestKnownValue ? result : nil
    case .reduce(let reduction, let axes, _):
      guard inputs[0].rank == 1, axes == nil || axes == [0] || axes == [-1],
        let vector = values[0], reduction == .prod || reduction == .sum
      else { return nil }
      var total = reduction == .prod ? 1 : 0
      for element in vector {
        guard let element else { return [nil] }
        let (next, overflow) =
          reduction == .prod
          ? total.multipliedReportingOverflow(by: element)
          : total.addingReportingOverflow(element)
        guard !overflow else { return [nil] }
        total = next
      }
      return [total]
    case .slice(let slice):
      return Self.sliceValue(slice, inputs[0], values[0])
    default:
      return nil
    }
  }

  /// `vector[slice]` of a known vector value: an element or a sub-vector.
  static func sliceValue(_ slice: TensorSlice, _ shape: TensorShape, _ value: [Int?]?) -> [Int?]? {
    guard let value, shape.rank == 1, let steps = try? slice.steps(for: shape, name: "slice"),
      steps.count == 1
    else { return nil }
    switch steps[0] {
    case .drop(_, let index):
      return value.indices.contains(index) ? [value[index]] : nil
    case .keep(_, let start, let step, let count?):
      return (0..<count).map { value[start + $0 * step] }
    default:
      return nil
    }
  }

  /// Two known values combined element by element (one of them may be a scalar).
  static func elementwise(_ a: [Int?], _ b: [Int?], _ combine: (Int, Int) -> Int?) -> [Int?]? {
    guard a.count == b.count || a.count == 1 || b.count == 1 else { return nil }
    let count = max(a.count, b.count)
    return (0..<count).map { index in
      guard let x = a[a.count == 1 ? 0 : index], let y = b[b.count == 1 ? 0 : index] else {
        return nil
      }
      return combine(x, y)
    }
  }

  static func product(_ sizes: [Int]) throws(KerasError) -> Int {
    var result = 1
    for size in sizes {
      let (next, overflow) = result.multipliedReportingOverflow(by: size)
      guard !overflow else {
        throw KerasError.limitation(
          "ConvBook cannot hold a tensor of more than 2^63 elements")
      }
      result = next
    }
    return result
  }

  /// TensorFlow's `[?,4,4,9]` notation of a shape in its error messages.
  static func bracketed(_ shape: TensorShape) -> String {
    "[" + shape.dimensions.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + "]"
  }
}

extension TensorFunction.Binary {
  /// The operation on whole numbers as TensorFlow computes it on int32 shape values (checked:
  /// nil when the result does not fit, or for what has no integer result here).
  func integer(_ a: Int, _ b: Int) -> Int? {
    switch self {
    case .add: return a.addingReportingOverflow(b).overflow ? nil : a + b
    case .subtract: return a.subtractingReportingOverflow(b).overflow ? nil : a - b
    case .multiply: return a.multipliedReportingOverflow(by: b).overflow ? nil : a * b
    case .maximum: return Swift.max(a, b)
    case .minimum: return Swift.min(a, b)
    // TensorFlow's FloorDiv of int32 rounds toward negative infinity, as Python does.
    case .floorDivide:
      guard b != 0, !(a == Int.min && b == -1) else { return nil }
      let (q, r) = (a / b, a % b)
      return r != 0 && (r < 0) != (b < 0) ? q - 1 : q
    case .divide, .power, .squaredDifference, .binaryCrossentropy, .binaryCrossentropyFromLogits:
      return nil
    case .greater: return a > b ? 1 : 0
    case .less: return a < b ? 1 : 0
    case .greaterEqual: return a >= b ? 1 : 0
    case .lessEqual: return a <= b ? 1 : 0
    case .equal: return a == b ? 1 : 0
    case .notEqual: return a != b ? 1 : 0
    }
  }
}
