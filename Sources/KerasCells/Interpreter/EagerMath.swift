import CNNEngine
import CNNKernels
import Foundation

/// The computations behind eager functions: matrix products, reductions, elementwise math,
/// joining, padding and selecting, on values in double precision rounded to the result's dtype.
enum EagerMath {
  /// The permutation that swaps the last two axes.
  static func swapLast(_ rank: Int) -> [Int] {
    var permutation = Array(0..<rank)
    permutation.swapAt(rank - 1, rank - 2)
    return permutation
  }

  /// `tf.transpose`: TensorFlow's kernel takes an axis from the end as negative, then refuses an
  /// axis out of range and an axis missing, in that order and in its words, which name no op
  /// (fixture 958).
  static func transpose(_ x: NDArray, _ given: [Int], range: SourceRange) throws(CellError)
    -> NDArray
  {
    func failure(_ message: String) -> CellError {
      EagerArithmetic.kernelError("Transpose", message, named: false, range: range)
    }
    guard given.count == x.rank else {
      throw failure(
        "transpose expects a vector of size \(x.rank). But input(1) is a vector of size \(given.count)"
      )
    }
    var seen = [Bool](repeating: false, count: x.rank)
    var permutation: [Int] = []
    for axis in given {
      let resolved = axis < 0 ? axis + x.rank : axis
      guard resolved >= 0 && resolved < x.rank else {
        throw failure("\(axis) is out of range [0 .. \(x.rank))")
      }
      seen[resolved] = true
      permutation.append(resolved)
    }
    if let missing = seen.firstIndex(of: false) {
      throw failure(
        "\(missing) is missing from {\(given.map(String.init).joined(separator: ","))}.")
    }
    let shape = permutation.map { x.shape[$0] }
    var strides = [Int](repeating: 1, count: x.rank)
    var step = 1
    for axis in (0..<x.rank).reversed() {
      strides[axis] = step
      step *= x.shape[axis]
    }
    let values = EagerTensors.doubles(x)
    var result: [Double] = []
    result.reserveCapacity(x.count)
    var index = [Int](repeating: 0, count: x.rank)
    for _ in 0..<x.count {
      var offset = 0
      for (axis, source) in permutation.enumerated() { offset += index[axis] * strides[source] }
      result.append(values[offset])
      RowMajorIndex.advance(&index, in: shape)
    }
    return try EagerTensors.make(EagerDType(of: x), shape: shape, values: result, range: range)
  }

  /// `a @ b` / `tf.matmul(a, b)` of matrices (and batches of them with equal batch shapes).
  /// `aTransposed`: `a` is the transpose of TensorFlow's operand (`transpose_a=True`, a gradient
  /// A^T dC), which TensorFlow sums as Eigen's matrix-vector product for a single column.
  static func matmul(
    _ a: NDArray, _ b: NDArray, engine: TensorFlowEngine, range: SourceRange,
    budget: EvaluationBudget, aTransposed: Bool = false
  ) throws(CellError) -> NDArray {
    guard EagerDType(of: a) == EagerDType(of: b) else {
      throw EagerArithmetic.dtypeMismatch(
        "MatMul", EagerDType(of: a), EagerDType(of: b), range: range)
    }
    guard a.rank >= 2, b.rank >= 2 else {
      throw EagerArithmetic.kernelError(
        "MatMul", "In[0] and In[1] ndims must be == 2: \(min(a.rank, b.rank))", range: range)
    }
    let (n, k) = (a.shape[a.rank - 2], a.shape[a.rank - 1])
    let (k2, m) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
    let batch = Array(a.shape.dropLast(2))
    guard k == k2, batch == Array(b.shape.dropLast(2)) else {
      throw EagerArithmetic.kernelError(
        "MatMul",
        "Matrix size-incompatible: In[0]: [\(a.shape.map(String.init).joined(separator: ","))], In[1]: [\(b.shape.map(String.init).joined(separator: ","))]",
        range: range)
    }
    let batches = batch.reduce(1, *)
    try budget.allocate(count: batches * n * m, size: 8, at: range)
    let (x, y) = (EagerTensors.doubles(a), EagerTensors.doubles(b))
    var result = [Double](repeating: 0, count: batches * n * m)
    let float32 = EagerDType(of: a) == .float32
    // Float32 operands once, for `TensorFlowContraction` (one spare element: never empty).
    let (x32, y32) =
      float32 ? (x.map { Float($0) } + [0], y.map { Float($0) } + [0]) : ([Float](), [Float]())
    // A single product of two rows or more by two columns or more is Eigen's contraction, which
    // cuts a long inner dimension in pieces (`ContractionPlan`); batches keep one sgemm's blocks.
    let plan =
      float32 && engine == .eigen && batches == 1 && n >= 2 && m >= 2
        && k > TensorFlowContraction.blockDepth
      ? TensorFlowContraction.plan(rows: n, columns: m, depth: k) : nil
    // Which sgemm call computes each row (`RowBlocking`), for the same single products.
    let blocking =
      float32 && engine == .eigen && batches == 1 && n >= 2 && m >= 2 && k > 0
      ? RowBlocking.of(rows: n, columns: m, depth: k) : nil
    for item in 0..<batches {
      for row in 0..<n {
        for column in 0..<m {
          let left = item * n * k + row * k
          let right = item * k * m + column
          if float32, m == 1, n >= 2, k > 0, !aTransposed {
            // One column over several rows: the matrix-vector product a `Dense(1)` layer runs
            // (`EigenMatrixVector` with TensorFlow's own kernels, else `TensorFlowDot`), whose
            // rows depend on each other (the last of an odd number is summed alone): the whole
            // column at its first row.
            guard row == 0 else { continue }
            let values = x32.withUnsafeBufferPointer { a in
              y32.withUnsafeBufferPointer { b in
                [Float](unsafeUninitializedCapacity: n) { out, initialized in
                  let (first, column) = (a.baseAddress! + left, b.baseAddress! + right)
                  if engine == .eigen {
                    EigenMatrixVector.product(
                      first, rows: n, depth: k, column, into: out.baseAddress!)
                  } else {
                    for r in 0..<n {
                      out[r] = TensorFlowDot.dot(count: k, first + r * k, column)
                    }
                  }
                  initialized = n
                }
              }
            }
            for r in 0..<n { result[item * n + r] = Double(values[r]) }
          } else if float32, engine == .eigen, n == 1, m == 1, k > 0, !aTransposed {
            // One row by one column: each product rounded, added in turn from the first.
            var sum = Float(x[left]) * Float(y[right])
            for inner in 1..<k { sum = sum + Float(x[left + inner]) * Float(y[right + inner]) }
            result[item] = Double(sum)
          } else if float32, k >= 2, (n == 1 && m >= 2) || (aTransposed && m == 1) {
            // One row, or a transposed first operand with one column (a gradient x^T @ dy):
            // Eigen's matrix-vector product without FMA, each product rounded, then added in
            // order, in blocks of 16 from 128 terms on (as `EigenRowProduct`).
            let block = k < 128 ? k : (max(n, m) * 4 < 32768 ? 16 : 4)
            var sum: Float = 0
            var start = 0
            while start < k {
              var partial: Float = 0
              for inner in start..<min(start + block, k) {
                let term = Float(x[left + inner]) * Float(y[right + inner * m])
                partial = partial + term
              }
              sum = sum + partial
              start += block
            }
            result[item * n * m + row * m + column] = Double(sum)
          } else if float32 {
            // TensorFlow's float32 MatMul is oneDNN's sgemm: one FMA chain per value, or with its
            // AVX2 kernels two (even and odd terms, with or without FMA) where
            // `TensorFlowContraction` says. (The oneDNN engine's recordings come from an AVX-512
            // processor: one chain.)
            let order: TensorFlowContraction.ValueOrder =
              engine == .eigen
              ? blocking?.order(row: row, column: column, columns: m, shard: 0)
                ?? TensorFlowContraction.order(row: row, rows: n, column: column, columns: m)
              : .chain
            let sum = x32.withUnsafeBufferPointer { a in
              y32.withUnsafeBufferPointer { b in
                if let plan, let blocking {
                  return TensorFlowContraction.plannedSum(
                    orders: { blocking.order(row: row, column: column, columns: m, shard: $0) },
                    plan: plan, a.baseAddress! + left, b.baseAddress! + right, strideB: m)
                }
                return engine == .eigen
                  ? TensorFlowContraction.blockedSum(
                    order, count: k, a.baseAddress! + left, b.baseAddress! + right, strideB: m)
                  : TensorFlowContraction.sum(
                    order, count: k, a.baseAddress! + left, b.baseAddress! + right, strideB: m)
              }
            }
            result[item * n * m + row * m + column] = Double(sum)
          } else {
            var sum = 0.0
            for inner in 0..<k { sum += x[left + inner] * y[right + inner * m] }
            result[item * n * m + row * m + column] = sum
          }
        }
      }
    }
    return try EagerTensors.make(
      EagerDType(of: a), shape: batch + [n, m], values: result, range: range)
  }

  /// TensorFlow's kernel of `tf.reduce_<reduction>`: `Sum`, `Mean`, `Max`, `Min`, `Prod`, `Any`,
  /// `All`.
  static func reductionKernel(_ reduction: String) -> String {
    reduction.prefix(1).uppercased() + reduction.dropFirst()
  }

  /// `tf.reduce_sum` / `mean` / `max` / `min` / `prod` / `any` / `all` over `axes` (all when nil).
  /// The mean of whole numbers is a whole number, as TensorFlow's is.
  static func reduce(
    _ x: NDArray, _ reduction: String, axes given: [Int]?, keepDims: Bool, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    let dtype = EagerDType(of: x)
    let logical = reduction == "any" || reduction == "all"
    if logical != (dtype == .bool) {
      throw .unsupported(
        "ConvBook does not support `tf.reduce_\(reduction)` on \(dtype.rawValue) eager tensors",
        at: range)
    }
    var axes = Set<Int>()
    for axis in given ?? Array(0..<x.rank) {
      let normalized = axis < 0 ? axis + x.rank : axis
      guard normalized >= 0, normalized < max(x.rank, 1) else {
        throw EagerArithmetic.kernelError(
          reductionKernel(reduction),
          "Invalid reduction dimension (\(axis) for input with \(x.rank) dimension(s)", range: range
        )
      }
      axes.insert(normalized)
    }
    if x.rank == 0 { return x }
    let kept = (0..<x.rank).filter { !axes.contains($0) }
    let outShape = kept.map { x.shape[$0] }
    let outCount = outShape.reduce(1, *)
    if reduction == "max" || reduction == "min", dtype.isInteger, outCount > 0,
      axes.contains(where: { x.shape[$0] == 0 })
    {
      // TensorFlow gives the dtype's lowest (highest) value, which eager integers cannot hold.
      throw .unsupported(
        "ConvBook does not support `tf.reduce_\(reduction)` over an empty axis of a \(dtype.rawValue) tensor yet",
        at: range)
    }
    try budget.allocate(count: outCount, size: 8, at: range)
    var groups = [[Double]](repeating: [], count: outCount)
    let values = EagerTensors.doubles(x)
    var index = [Int](repeating: 0, count: x.rank)
    for value in values {
      var out = 0
      for axis in kept { out = out * x.shape[axis] + index[axis] }
      groups[out].append(value)
      RowMajorIndex.advance(&index, in: x.shape)
    }
    let float32 = dtype == .float32
    let sums: [Double]? =
      (reduction == "sum" || reduction == "mean") && dtype.isFloat
      ? eigenSums(values, shape: x.shape, axes: axes, float32: float32) : nil
    func total(_ group: [Double]) -> Double {
      group.reduce(0) { float32 ? Double(Float($0 + $1)) : $0 + $1 }
    }
    let result = groups.enumerated().map { output, group -> Double in
      switch reduction {
      case "sum":
        return sums?[output] ?? total(group)
      case "mean":
        let sum = sums?[output] ?? total(group)
        if group.isEmpty { return dtype.isFloat ? .nan : 0 }
        if float32 { return Double(Float(sum) / Float(group.count)) }
        return dtype.isFloat
          ? sum / Double(group.count) : (sum / Double(group.count)).rounded(.towardZero)
      // A NaN anywhere makes TensorFlow's max and min NaN (Swift's max() skips it by position),
      // and of equal values the last one wins (`reduce_max([-0.0, 0.0])` is 0.0, of
      // `[0.0, -0.0]` it is -0.0).
      case "max":
        if group.contains(where: \.isNaN) { return .nan }
        return group.reduce(-.infinity) { $1 >= $0 ? $1 : $0 }
      case "min":
        if group.contains(where: \.isNaN) { return .nan }
        return group.reduce(.infinity) { $1 <= $0 ? $1 : $0 }
      case "prod": return group.reduce(1) { float32 ? Double(Float($0 * $1)) : $0 * $1 }
      case "any": return group.contains { $0 != 0 } ? 1 : 0
      default: return group.allSatisfy { $0 != 0 } ? 1 : 0
      }
    }
    let shape = keepDims ? (0..<x.rank).map { axes.contains($0) ? 1 : x.shape[$0] } : outShape
    return try EagerTensors.make(dtype, shape: shape, values: result, range: range)
  }

  /// `tf.math.reduce_variance` (`reduce_std` when `std`) as TensorFlow computes it: the mean
  /// over `axes` kept as axes of 1, the squared deviations from it, their mean, and its square
  /// root for the deviation; each step rounded to the tensor's dtype as TensorFlow's kernels do.
  /// TensorFlow refuses whole numbers ("Input must be either real or complex").
  static func variance(
    _ x: NDArray, axes: [Int]?, keepDims: Bool, std: Bool, path: String, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    let dtype = EagerDType(of: x)
    guard dtype.isFloat else {
      throw .unsupported(
        "ConvBook does not support `\(path)` on \(dtype.rawValue) eager tensors yet", at: range)
    }
    let means = try reduce(x, "mean", axes: axes, keepDims: true, range: range, budget: budget)
    let squares = try EagerArithmetic.elementwise(
      x, means, kernel: "Sub", dtype: dtype, range: range, budget: budget
    ) { a, b in
      let difference = dtype == .float32 ? Double(Float(a - b)) : a - b
      return difference * difference
    }
    let variance = try reduce(
      squares, "mean", axes: axes, keepDims: keepDims, range: range, budget: budget)
    guard std else { return variance }
    return try EagerTensors.make(
      dtype, shape: variance.shape, values: EagerTensors.doubles(variance).map { $0.squareRoot() },
      range: range)
  }

  /// The sums of a float tensor's values over `axes`, in the order of the kept axes, added as
  /// TensorFlow's kernel adds them: its dimensions of size 1 dropped and neighbours of the same
  /// kind merged, a reduction of the innermost dimensions sums each output's contiguous values
  /// (`EigenSum.contiguous`), one of a middle or first dimension keeps the inner ones in packets
  /// (`EigenSum.preservingInner`); nil for the other patterns (one value after another).
  static func eigenSums(_ values: [Double], shape: [Int], axes: Set<Int>, float32: Bool)
    -> [Double]?
  {
    guard !values.isEmpty else { return nil }
    var groups: [(size: Int, reduced: Bool)] = []
    for (axis, size) in shape.enumerated() where size != 1 {
      let reduced = axes.contains(axis)
      if let last = groups.last, last.reduced == reduced {
        groups[groups.count - 1].size *= size
      } else {
        groups.append((size, reduced))
      }
    }
    let singles = float32 ? values.map { Float($0) } : nil
    func contiguous(first: Int, count: Int) -> Double {
      if let singles { return Double(EigenSum.contiguous(singles, first: first, count: count)) }
      return EigenSum.contiguous(values, first: first, count: count)
    }
    func preserving(outer: Int, size: Int, inner: Int) -> [Double] {
      if let singles {
        return EigenSum.preservingInner(singles, outer: outer, size: size, inner: inner).map(
          Double.init)
      }
      return EigenSum.preservingInner(values, outer: outer, size: size, inner: inner)
    }
    switch groups.map(\.reduced) {
    case []: return values
    case [true]: return [contiguous(first: 0, count: values.count)]
    case [false]: return values
    case [false, true]:
      let size = groups[1].size
      return (0..<groups[0].size).map { contiguous(first: $0 * size, count: size) }
    case [true, false]: return preserving(outer: 1, size: groups[0].size, inner: groups[1].size)
    case [false, true, false]:
      return preserving(outer: groups[0].size, size: groups[1].size, inner: groups[2].size)
    default: return nil
    }
  }

  /// Elementwise math (`tf.exp`, `tf.nn.relu`, ...), named by TensorFlow's kernel.
  static func unary(_ kernel: String, _ x: NDArray, range: SourceRange) throws(CellError)
    -> NDArray
  {
    let dtype = EagerDType(of: x)
    let wholeNumbersAllowed = ["Abs", "Neg", "Sign", "Square", "Relu"].contains(kernel)
    guard dtype.isFloat || (wholeNumbersAllowed && dtype != .bool) else {
      throw .unsupported(
        "ConvBook does not support `\(kernel)` on \(dtype.rawValue) eager tensors (TensorFlow's kernel takes floating-point values)",
        at: range)
    }
    // TensorFlow's float32 Acos, Asin and Atan compute whole packets of 4 values with Eigen's
    // vectorised approximations and only the values after the last packet with the C library's.
    if dtype == .float32, ["Acos", "Asin", "Atan"].contains(kernel), x.count >= 4 {
      throw .unsupported(
        "ConvBook does not support `\(kernel)` on float32 eager tensors of 4 or more values yet (TensorFlow computes them with Eigen's vectorised approximation)",
        at: range)
    }
    let f: (Double) -> Double
    switch kernel {
    case "Abs": f = { $0.magnitude }
    case "Exp": f = { Foundation.exp($0) }
    case "Log": f = { Foundation.log($0) }
    case "Sqrt": f = { $0.squareRoot() }
    case "Square": f = { $0 * $0 }
    case "Neg": f = { -$0 }
    case "Sign": f = { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 }
    case "Floor": f = { $0.rounded(.down) }
    case "Ceil": f = { $0.rounded(.up) }
    case "Round": f = { $0.rounded(.toNearestOrEven) }
    case "Sigmoid": f = { 1 / (1 + Foundation.exp(-$0)) }
    case "Tanh": f = { Foundation.tanh($0) }
    case "Sin": f = { Foundation.sin($0) }
    case "Cos": f = { Foundation.cos($0) }
    // float32 values outside whole packets: the C library's float functions (`asinf`, not the
    // double function rounded).
    case "Acos":
      f = dtype == .float32 ? { Double(Foundation.acos(Float($0))) } : { Foundation.acos($0) }
    case "Asin":
      f = dtype == .float32 ? { Double(Foundation.asin(Float($0))) } : { Foundation.asin($0) }
    case "Atan":
      f = dtype == .float32 ? { Double(Foundation.atan(Float($0))) } : { Foundation.atan($0) }
    case "Rsqrt": f = { 1 / $0.squareRoot() }
    case "Reciprocal": f = { 1 / $0 }
    case "Log1p": f = { Foundation.log1p($0) }
    case "Softplus":
      f = {
        $0 > 0 ? $0 + Foundation.log1p(Foundation.exp(-$0)) : Foundation.log1p(Foundation.exp($0))
      }
    case "Relu", "Relu6":
      // TensorFlow keeps NaN; -0.0 keeps its sign only after the last whole packet (8 floats,
      // 4 doubles), where Eigen takes the scalar max (`ActivationKernel.tensorFlowRelu`).
      if dtype.isFloat {
        let values = ActivationKernel.tensorFlowRelu(
          EagerTensors.doubles(x), lanes: dtype == .float64 ? 4 : 8,
          maxValue: kernel == "Relu6" ? 6 : nil)
        return try EagerTensors.make(dtype, shape: x.shape, values: values, range: range)
      }
      f = { $0 > 0 ? $0 : 0 }
    case "Softsign": f = { $0 / ($0.magnitude + 1) }
    case "Silu": f = { $0 / (1 + Foundation.exp(-$0)) }
    case "Elu": f = { $0 < 0 ? Foundation.expm1($0) : $0 }
    case "Selu":
      f = {
        $0 < 0
          ? 1.7580993408473768599402175208123 * Foundation.expm1($0)
          : 1.0507009873554804934193349852946 * $0
      }
    default:
      throw .unsupported("ConvBook does not support `\(kernel)` on eager tensors yet", at: range)
    }
    // float32 tanh, sigmoid, exp, log, softplus, elu and selu are Eigen's approximations, as TensorFlow computes them.
    if dtype == .float32, let eigen = eigenFunction(kernel) {
      let singles = EagerTensors.doubles(x).map { Float($0) }
      return try EagerTensors.make(
        dtype, shape: x.shape, values: eigen(singles).map(Double.init), range: range)
    }
    // float32 math reads float32 inputs and rounds its result to float32.
    return try EagerTensors.make(
      dtype, shape: x.shape, values: EagerTensors.doubles(x).map(f), range: range)
  }

  /// TensorFlow's float32 kernels that are Eigen's own approximations rather than the C library's.
  private static func eigenFunction(_ kernel: String) -> (([Float]) -> [Float])? {
    switch kernel {
    case "Tanh": return EigenMath.tanh
    case "Sigmoid": return EigenMath.logistic
    case "Exp": return EigenMath.exp
    case "Log": return EigenMath.log
    case "Sin": return EigenMath.sin
    case "Cos": return EigenMath.cos
    case "Softplus": return EigenMath.softplus
    case "Log1p": return EigenMath.log1p
    case "Elu": return { EigenMath.exponentialLinear($0, positive: 1, negative: 1) }
    case "Selu":
      return {
        EigenMath.exponentialLinear(
          $0, positive: 1.0507009873554804934193349852946,
          negative: 1.7580993408473768599402175208123)
      }
    case "Softsign": return { $0.map { $0 / ($0.magnitude + 1) } }
    // `tf.nn.silu`: x * sigmoid(1.0 * x), two kernels.
    case "Silu": return { x in zip(x, EigenMath.logistic(x)).map { $0 * $1 } }
    default: return nil
    }
  }

  /// `tf.concat(values, axis)` / `tf.stack(values, axis)`, checked as TensorFlow's `ConcatV2` and
  /// `Pack` kernels check: input by input, its rank then each dimension off the axis, in the
  /// kernel's words (the kernel runs as `ConcatV2_N_3` for three values; the Python functions
  /// name their ops `concat` and `stack`). One value is concatenated as itself, unchecked.
  static func join(
    _ parts: [NDArray], axis given: Int, stack: Bool, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    guard let first = parts.first else {
      throw .unsupported("ConvBook does not support joining no tensors", at: range)
    }
    if !stack && parts.count == 1 { return first }
    let dtype = EagerDType(of: first)
    let kernel = stack ? "Pack" : "ConcatV2"
    let name = stack ? "stack" : "concat"
    for part in parts where EagerDType(of: part) != dtype {
      throw EagerArithmetic.dtypeMismatch(
        kernel, dtype, EagerDType(of: part), range: range, name: name)
    }
    func failure(_ message: String) -> CellError {
      CellError(
        type: EagerArithmetic.invalidArgument,
        message:
          "{{function_node __wrapped__\(kernel)_N_\(parts.count)_device_/job:localhost/replica:0/task:0/device:CPU:0}} \(message) [Op:\(kernel)] name: \(name)",
        range: range)
    }
    func shapeText(_ array: NDArray) -> String {
      "[" + array.shape.map(String.init).joined(separator: ",") + "]"
    }
    if !stack && parts.contains(where: { $0.rank == 0 }) {
      throw failure("ConcatOp : Can't concatenate scalars (use tf.stack instead)")
    }
    let rank = stack ? first.rank + 1 : first.rank
    let axis = given < 0 ? given + rank : given
    guard axis >= 0, axis < rank else {
      throw failure(
        stack
          ? "Expected axis in the range [\(-rank), \(rank)), but got \(given)"
          : "ConcatOp : Expected concatenating dimensions in the range [\(-rank), \(rank)), but got \(given)"
      )
    }
    for (index, part) in parts.enumerated().dropFirst() {
      if stack {
        guard part.shape == first.shape else {
          throw failure(
            "Shapes of all inputs must match: values[0].shape = \(shapeText(first)) != values[\(index)].shape = \(shapeText(part))"
          )
        }
        continue
      }
      guard part.rank == first.rank else {
        throw failure(
          "ConcatOp : Ranks of all input tensors should match: shape[0] = \(shapeText(first)) vs. shape[\(index)] = \(shapeText(part))"
        )
      }
      if let dimension = first.shape.indices.first(where: {
        $0 != axis && part.shape[$0] != first.shape[$0]
      }) {
        throw failure(
          "ConcatOp : Dimension \(dimension) in both shapes must be equal: shape[0] = \(shapeText(first)) vs. shape[\(index)] = \(shapeText(part))"
        )
      }
    }
    let inputs =
      stack
      ? parts.map { part -> NDArray in
        var lifted = part
        lifted.shape.insert(1, at: min(axis, part.rank))
        return lifted
      } : parts
    var moved: [NDArray] = []
    for input in inputs {
      var permutation = Array(0..<rank)
      permutation.remove(at: axis)
      permutation.insert(axis, at: 0)
      moved.append(try transpose(input, permutation, range: range))
    }
    let rest = Array(moved[0].shape.dropFirst())
    let total = moved.reduce(0) { $0 + $1.shape[0] }
    try budget.allocate(count: total * rest.reduce(1, *), size: 8, at: range)
    let joined = try EagerTensors.make(
      dtype, shape: [total] + rest, values: moved.flatMap(EagerTensors.doubles), range: range)
    var back = Array(1..<rank)
    back.insert(0, at: axis)
    return try transpose(joined, back, range: range)
  }

  /// `tf.pad(x, paddings, constant_values=value)`.
  static func pad(
    _ x: NDArray, _ paddings: [(Int, Int)], value: Double, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    guard paddings.allSatisfy({ $0.0 >= 0 && $0.1 >= 0 }) else {
      throw .unsupported("ConvBook does not support negative paddings", at: range)
    }
    guard paddings.allSatisfy({ $0.0 <= 1 << 26 && $0.1 <= 1 << 26 }) else {
      throw .unsupported("ConvBook does not support padding to more than 2^26 values", at: range)
    }
    let shape = zip(x.shape, paddings).map { $0 + $1.0 + $1.1 }
    let count = shape.reduce(1) {
      $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1
    }
    guard count <= 1 << 26 else {
      throw .unsupported("ConvBook does not support padding to more than 2^26 values", at: range)
    }
    try budget.allocate(count: count, size: 8, at: range)
    var result = [Double](repeating: value, count: count)
    let values = EagerTensors.doubles(x)
    var index = [Int](repeating: 0, count: x.rank)
    for source in values {
      var offset = 0
      for axis in 0..<x.rank { offset = offset * shape[axis] + index[axis] + paddings[axis].0 }
      result[offset] = source
      RowMajorIndex.advance(&index, in: x.shape)
    }
    return try EagerTensors.make(EagerDType(of: x), shape: shape, values: result, range: range)
  }

  /// `tf.tile(x, multiples)`.
  static func tile(
    _ x: NDArray, _ multiples: [Int], range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    let shape = zip(x.shape, multiples).map {
      $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1
    }
    let count = shape.reduce(1) {
      $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1
    }
    guard count <= 1 << 26 else {
      throw .unsupported("ConvBook does not support tiling to more than 2^26 values", at: range)
    }
    try budget.allocate(count: count, size: 8, at: range)
    let values = EagerTensors.doubles(x)
    var result: [Double] = []
    result.reserveCapacity(count)
    var index = [Int](repeating: 0, count: shape.count)
    for _ in 0..<count {
      var offset = 0
      for axis in 0..<shape.count { offset = offset * x.shape[axis] + index[axis] % x.shape[axis] }
      result.append(values[offset])
      RowMajorIndex.advance(&index, in: shape)
    }
    return try EagerTensors.make(EagerDType(of: x), shape: shape, values: result, range: range)
  }

  /// `tf.argmax(x, axis)` / `tf.argmin`: the first position of the extreme value.
  static func argExtremum(
    _ x: NDArray, axis: Int, maximum: Bool, dtype: EagerDType, range: SourceRange
  ) throws(CellError) -> NDArray {
    var permutation = Array(0..<x.rank)
    permutation.remove(at: axis)
    permutation.append(axis)
    let moved = try transpose(x, permutation, range: range)
    let size = x.shape[axis]
    let values = EagerTensors.doubles(moved)
    let groups = size == 0 ? 0 : values.count / size
    var result: [Double] = []
    for group in 0..<groups {
      var best = 0
      for position in 1..<max(size, 1) {
        let value = values[group * size + position]
        let current = values[group * size + best]
        if maximum ? value > current : value < current { best = position }
      }
      result.append(Double(best))
    }
    return try EagerTensors.make(
      dtype, shape: Array(moved.shape.dropLast()), values: result, range: range)
  }

  /// `tf.where(condition, x, y)` with broadcasting.
  static func select(
    _ condition: NDArray, _ x: NDArray, _ y: NDArray, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    guard let pair = EagerArithmetic.broadcastShape(x.shape, y.shape),
      let shape = EagerArithmetic.broadcastShape(condition.shape, pair)
    else {
      throw EagerArithmetic.kernelError(
        "SelectV2", "condition, then and else must be broadcastable", range: range)
    }
    let count = shape.reduce(1, *)
    try budget.allocate(count: count, size: 8, at: range)
    let (c, a, b) = (
      EagerTensors.doubles(condition), EagerTensors.doubles(x), EagerTensors.doubles(y)
    )
    let cs = EagerArithmetic.broadcastOffsets(condition.shape, to: shape)
    let xs = EagerArithmetic.broadcastOffsets(x.shape, to: shape)
    let ys = EagerArithmetic.broadcastOffsets(y.shape, to: shape)
    let values = (0..<count).map { c[cs[$0]] != 0 ? a[xs[$0]] : b[ys[$0]] }
    return try EagerTensors.make(EagerDType(of: x), shape: shape, values: values, range: range)
  }

  /// `tf.nn.softmax(x, axis=-1)`.
  static func softmax(
    _ x: NDArray, axis given: Int, engine: TensorFlowEngine, range: SourceRange
  ) throws(CellError) -> NDArray {
    guard EagerDType(of: x).isFloat else {
      throw .unsupported(
        "ConvBook does not support softmax of \(EagerDType(of: x).rawValue) eager tensors (TensorFlow's kernel takes floating-point values)",
        at: range)
    }
    guard x.rank >= 1 else { return x }
    let axis = given < 0 ? given + x.rank : given
    guard axis >= 0, axis < x.rank else {
      // `tf.nn.softmax` (which Keras' softmax calls) checks an axis other than -1 in Python
      // (hostile batch4 f32).
      throw CellError(
        type: EagerArithmetic.invalidArgument,
        message:
          "`dim` must be in the range [\(-x.rank), \(x.rank)) where \(x.rank) is the number of dimensions in the input. Received: dim=\(given)",
        range: range)
    }
    var permutation = Array(0..<x.rank)
    permutation.remove(at: axis)
    permutation.append(axis)
    let moved = try transpose(x, permutation, range: range)
    let size = x.shape[axis]
    var values = EagerTensors.doubles(moved)
    if EagerDType(of: x) == .float32 {
      // TensorFlow's Softmax kernel: Eigen's, or with oneDNN on, oneDNN's (`TensorFlowEngine`).
      let rows = values.map { Float($0) }
      switch engine {
      case .eigen: values = EigenSoftmax.rows(rows, rowLength: size).map(Double.init)
      case .oneDNN: values = OneDNNSoftmax.rows(rows, rowLength: size).map(Double.init)
      }
    } else if size > 0 {
      // As TensorFlow's kernel: exp(x - max), then times the inverse of the row's sum.
      for start in stride(from: 0, to: values.count, by: size) {
        let row = values[start..<(start + size)]
        let top = row.max() ?? 0
        let exponentials = row.map { Foundation.exp($0 - top) }
        let inverse = 1 / EigenSum.contiguous(exponentials, count: exponentials.count)
        for (offset, value) in exponentials.enumerated() {
          values[start + offset] = value * inverse
        }
      }
    }
    let result = try EagerTensors.make(
      EagerDType(of: x), shape: moved.shape, values: values, range: range)
    var back = [Int](repeating: 0, count: x.rank)
    for (position, source) in permutation.enumerated() { back[source] = position }
    return try transpose(result, back, range: range)
  }
}

extension EagerMath {
  /// `tf.image.resize(images, size, method)` of one image (H, W, C) or a batch: the engine's
  /// resize kernel, TensorFlow's numerics; float32 results (nearest keeps the dtype).
  static func resize(
    _ images: NDArray, size: [Int], method: String, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    let batch = images.rank == 4 ? images.shape[0] : 1
    let channels = images.shape[images.rank - 1]
    try budget.allocate(count: batch * size[0] * size[1] * channels, size: 8, at: range)
    var input = images
    input.shape = [batch] + Array(images.shape.suffix(3))
    do {
      let output = try PreprocessingKernels.resize(
        input.tensor, size: size, method: method, threads: KernelParallelism.defaultThreadCount)
      let shape = images.rank == 4 ? output.shape : Array(output.shape.dropFirst())
      let dtype = method == "nearest" ? EagerDType(of: images) : .float32
      return try EagerTensors.make(
        dtype, shape: shape, values: output.scalars.map(Double.init), range: range)
    } catch {
      throw .unsupported("ConvBook cannot resize these images: \(error)", at: range)
    }
  }
}

extension EagerTensors {
  /// `keras.applications.*.preprocess_input` of an eager float tensor, as tf-keras computes it:
  /// "tf" divides by 127.5 and subtracts 1; "caffe" reverses the channels and adds the negated
  /// ImageNet means; "torch" divides by 255, adds the negated means and divides by the standard
  /// deviations (each step rounded to the tensor's dtype).
  static func preprocess(
    _ array: NDArray, mode: String, path: String, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let dtype = EagerDType(of: array)
    guard dtype.isFloat else {
      throw .unsupported(
        "ConvBook runs \(path) on floating-point eager tensors; this one is \(dtype.rawValue)",
        at: range)
    }
    func step(_ x: NDArray, _ operation: BinaryOperator, _ constants: [Double]) throws(CellError)
      -> NDArray
    {
      let operand = try make(
        dtype, shape: constants.count == 1 ? [] : [constants.count], values: constants,
        range: range)
      return try EagerArithmetic.compute(
        operation, x, operand, kernel: EagerArithmetic.kernel(operation) ?? "", dtype: dtype,
        range: range, budget: budget)
    }
    switch mode {
    case "tf":
      return .array(try step(try step(array, .divide, [127.5]), .subtract, [1]))
    case "caffe", "torch":
      guard array.shape.last == 3 else {
        throw .unsupported(
          "ConvBook runs \(path) on tensors of 3 channels (RGB images); this one has shape \(shapeText(array.shape))",
          at: range)
      }
      if mode == "torch" {
        let scaled = try step(array, .divide, [255])
        let centered = try step(scaled, .add, [-0.485, -0.456, -0.406])
        return .array(try step(centered, .divide, [0.229, 0.224, 0.225]))
      }
      var index = [Value](repeating: .slice(start: nil, stop: nil, step: nil), count: array.rank)
      index[array.rank - 1] = .slice(start: nil, stop: nil, step: -1)
      guard
        case .array(let reversed) = try EagerIndexing.subscriptValue(
          array, .tuple(index), range: range)
      else { return .array(array) }
      return .array(try step(reversed, .add, [-103.939, -116.779, -123.68]))
    default:
      throw CellError(
        type: "ValueError",
        message: "Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode=\(mode)",
        range: range)
    }
  }
}

/// The methods of eager tensors ConvBook has besides `numpy()`.
enum EagerMethods {
  static let names: Set<String> = ["get_shape"]

  static func call(
    _ name: String, on array: NDArray, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard positional.isEmpty, keywords.isEmpty else {
      throw EagerTensors.refusal("`\(name)()` with these arguments", range: site.range)
    }
    switch name {
    case "numpy": return EagerTensors.numpy(array)
    case "get_shape": return .tensorShape(array.shape.map { Optional($0) })
    default:
      throw .unsupported(
        "ConvBook does not support `tf.Tensor.\(name)` on TensorFlow's eager tensors yet",
        at: site.range)
    }
  }
}
