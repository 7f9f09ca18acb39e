import CNNEngine
import Foundation

/// NumPy's array-building and element functions that model and data code uses beyond the basics
/// of `NumPyFunctions`: `linspace`, `eye`, `identity`, `where`, `stack` / `vstack` / `hstack`,
/// `*_like`, `bincount`, `cumsum`, `sort` / `argsort`, `transpose` / `swapaxes` / `flip`, `abs`,
/// `square`, `maximum` / `minimum`, `isnan` / `isinf` / `isfinite`, `allclose` / `isclose`, `dot` / `matmul`, `outer`,
/// `tile`, `repeat`, `diff`, `diag`, `logical_and` / `logical_or` / `logical_xor` / `logical_not`. Values are computed in double precision and stored by dtype
/// (`NDArray(dtype:shape:doubles:)`), which is exact for every dtype ConvBook has.
enum NumPyArrayFunctions {
  typealias Arguments = NumPyFunctions.Arguments
  typealias DType = NDArray.DType

  static let functionNames: Set<String> = [
    "linspace", "eye", "identity", "where", "stack", "vstack", "hstack", "zeros_like", "ones_like",
    "full_like", "bincount", "cumsum", "sort", "argsort", "transpose", "swapaxes", "flip", "abs",
    "absolute", "square", "maximum", "minimum", "isnan", "isinf", "isfinite", "allclose", "isclose",
    "array_equal",
    "dot", "matmul",
    "outer", "tile", "repeat", "diff", "nonzero", "count_nonzero", "pad", "meshgrid", "diag",
    "atleast_1d", "atleast_2d", "atleast_3d", "insert", "triu", "tril", "logical_and",
    "logical_or", "logical_xor", "logical_not",
  ]

  static func call(_ name: String, _ arguments: Arguments, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    let range = arguments.site.range
    func made(_ array: NDArray) throws(CellError) -> Value {
      try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
      return array.rank == 0 ? ArrayOperations.element(array, at: 0) : .array(array)
    }
    func requestedDType(_ index: Int) throws(CellError) -> DType? {
      guard let given = arguments.value(index, "dtype"), !given.isNone else { return nil }
      return try ArrayOperations.dtype(given, range: range)
    }
    switch name {
    case "linspace":
      try arguments.check(allowed: ["start", "stop", "num", "endpoint", "dtype"])
      return try made(try linspace(arguments, budget: budget))
    case "eye", "identity":
      try arguments.check(allowed: name == "eye" ? ["N", "M", "k", "dtype"] : ["n", "dtype"])
      guard let rows = try arguments.integer(0, name == "eye" ? "N" : "n") else {
        throw CellError(
          type: "TypeError",
          message: "\(name)() missing required argument '\(name == "eye" ? "N" : "n")' (pos 1)",
          range: range)
      }
      let columns = name == "eye" ? try arguments.integer(1, "M") ?? rows : rows
      let diagonal = name == "eye" ? try arguments.integer(2, "k") ?? 0 : 0
      let dtype = try requestedDType(name == "eye" ? 3 : 1) ?? .float64
      let count = try ArrayOperations.elementCount([rows, columns], dtype: dtype, range: range)
      try budget.allocate(count: count, size: dtype.storedSize, at: range)
      var values = [Double](repeating: 0, count: count)
      for row in 0..<rows
      where diagonal.addingReportingOverflow(row).overflow == false
        && (0..<columns).contains(row + diagonal)
      {
        values[row * columns + row + diagonal] = 1
      }
      return .array(NDArray(dtype: dtype, shape: [rows, columns], doubles: values))
    case "atleast_1d", "atleast_2d", "atleast_3d":
      // Each array with ones added (`atleast_2d`: a vector becomes one row; `atleast_3d`: a
      // matrix gets a last axis of one); several arrays give a list, as NumPy's tuple-free form.
      guard arguments.keywords.isEmpty else {
        throw .unsupported(
          "ConvBook does not support `numpy.\(name)` with keyword arguments yet", at: range)
      }
      var results: [Value] = []
      for index in arguments.positional.indices {
        var array = try arguments.array(index, "arys", budget: budget)
        switch (name, array.rank) {
        case (_, 0):
          array.shape = Array(
            repeating: 1, count: name == "atleast_1d" ? 1 : name == "atleast_2d" ? 2 : 3)
        case ("atleast_2d", 1), ("atleast_3d", 1):
          array.shape = [1] + array.shape + (name == "atleast_3d" ? [1] : [])
        case ("atleast_3d", 2): array.shape = array.shape + [1]
        default: break
        }
        results.append(.array(array))
      }
      return results.count == 1 ? results[0] : .list(PythonList(results))
    case "insert":
      try arguments.check(allowed: ["arr", "obj", "values", "axis"])
      return try made(try insert(arguments, budget: budget))
    case "triu", "tril":
      try arguments.check(allowed: ["m", "k"])
      return try made(
        try triangle(
          try arguments.array(0, "m", budget: budget), upper: name == "triu",
          offset: try arguments.integer(1, "k") ?? 0, range: range, budget: budget))
    case "diag":
      try arguments.check(allowed: ["v", "k"])
      return try made(
        try diagonal(
          try arguments.array(0, "v", budget: budget), offset: try arguments.integer(1, "k") ?? 0,
          range: range, budget: budget))
    case "zeros_like", "ones_like", "full_like":
      let full = name == "full_like"
      try arguments.check(allowed: full ? ["a", "fill_value", "dtype"] : ["a", "dtype"])
      let model = try arguments.array(0, "a", budget: budget)
      var fill = name == "ones_like" ? 1.0 : 0.0
      if full {
        guard let given = arguments.value(1, "fill_value") else {
          throw CellError(
            type: "TypeError",
            message: "full_like() missing required argument 'fill_value' (pos 2)", range: range)
        }
        fill = try number(given, range: range)
      }
      let dtype = try requestedDType(full ? 2 : 1) ?? model.dtype
      let filled = NDArray(
        dtype: .float64, shape: model.shape,
        doubles: [Double](repeating: fill, count: model.count))
      return try made(try ArrayOperations.convert(filled, to: dtype, range: range))
    case "where":
      try arguments.check(allowed: ["condition", "x", "y"])
      let condition = try arguments.array(0, "condition", budget: budget)
      guard let x = arguments.value(1, "x"), let y = arguments.value(2, "y") else {
        if arguments.value(1, "x") != nil || arguments.value(2, "y") != nil {
          throw CellError(
            type: "ValueError", message: "either both or neither of x and y should be given",
            range: range)
        }
        return nonzero(condition)
      }
      return try made(try select(condition, x, y, range: range, budget: budget))
    case "nonzero":
      try arguments.check(allowed: ["a"])
      return nonzero(try arguments.array(0, "a", budget: budget))
    case "count_nonzero":
      try arguments.check(allowed: ["a"])
      let array = try arguments.array(0, "a", budget: budget)
      let count = (0..<array.count).reduce(0) { $0 + (array.value(at: $1) != 0 ? 1 : 0) }
      return .int(count)
    case "stack", "vstack", "hstack":
      try arguments.check(allowed: name == "stack" ? ["arrays", "axis"] : ["tup"])
      let given = arguments.value(0, name == "stack" ? "arrays" : "tup")
      var sequence = given?.sequenceItems
      // An array is a sequence of its rows for NumPy's stack functions (`np.hstack(images)`
      // joins a batch of images side by side); a 0-d array is not iterable.
      if sequence == nil, case .array(let array)? = given {
        guard array.rank > 0 else {
          throw CellError(type: "TypeError", message: "iteration over a 0-d array", range: range)
        }
        sequence = NumPyFunctions.rows(array).sequenceItems
      }
      guard let items = sequence else {
        throw CellError(
          type: "TypeError",
          message: "arrays to stack must be passed as a \"sequence\" type such as list or tuple.",
          range: range)
      }
      guard !items.isEmpty else {
        throw CellError(
          type: "ValueError",
          message: "need at least one array to \(name == "stack" ? "stack" : "concatenate")",
          range: range)
      }
      var arrays: [NDArray] = []
      for item in items {
        arrays.append(
          try ArrayOperations.array(from: item, dtype: nil, range: range, budget: budget))
      }
      var axis = 0
      switch name {
      case "stack":
        let shape = arrays[0].shape
        guard arrays.allSatisfy({ $0.shape == shape }) else {
          throw CellError(
            type: "ValueError", message: "all input arrays must have the same shape",
            range: range)
        }
        try ArrayOperations.checkAxesFitCInt(arguments.value(1, "axis"), .normalized, range: range)
        let given = try arguments.integer(1, "axis") ?? 0
        axis = try ArrayOperations.resolveAxis(given, rank: shape.count + 1, range: range)
        arrays = try arrays.map { array throws(CellError) in
          try ArrayOperations.expandDims(array, axis: axis, range: range)
        }
      case "vstack":
        arrays = arrays.map { array in
          var row = array
          if array.rank == 0 {
            row.shape = [1, 1]
          } else if array.rank == 1 {
            row.shape = [1, array.count]
          }
          return row
        }
      default:
        arrays = arrays.map { array in
          var flat = array
          if array.rank == 0 { flat.shape = [1] }
          return flat
        }
        axis = arrays[0].rank == 1 ? 0 : 1
      }
      return try made(try ArrayOperations.concatenate(arrays, axis: axis, range: range))
    case "bincount":
      try arguments.check(allowed: ["x", "weights", "minlength"])
      if let weights = arguments.value(1, "weights"), !weights.isNone {
        throw .unsupported(
          "ConvBook does not support `numpy.bincount` with `weights=` yet", at: range)
      }
      let array = try arguments.array(0, "x", budget: budget)
      guard array.rank == 1 else {
        throw CellError(
          type: "ValueError", message: "object too deep for desired array", range: range)
      }
      guard array.dtype.isInteger || array.dtype == .bool || array.count == 0 else {
        throw CellError(
          type: "TypeError",
          message:
            "Cannot cast array data from dtype('\(array.dtype.rawValue)') to dtype('int64') according to the rule 'safe'",
          range: range)
      }
      let minimum = try arguments.integer(2, "minlength") ?? 0
      guard minimum >= 0 else {
        throw CellError(
          type: "ValueError", message: "'minlength' must not be negative", range: range)
      }
      var largest = -1
      for offset in 0..<array.count {
        let value = Int(array.value(at: offset))
        guard value >= 0 else {
          throw CellError(
            type: "ValueError", message: "'list' argument must have no negative elements",
            range: range)
        }
        largest = max(largest, value)
      }
      let count = max(largest + 1, minimum)
      try budget.allocate(count: count, size: 8, at: range)
      var counts = [Double](repeating: 0, count: count)
      for offset in 0..<array.count { counts[Int(array.value(at: offset))] += 1 }
      return .array(NDArray(dtype: .int64, shape: [count], doubles: counts))
    case "cumsum":
      try arguments.check(allowed: ["a", "axis", "dtype"])
      try ArrayOperations.checkAxesFitCInt(arguments.value(1, "axis"), .cFunction, range: range)
      return try made(
        try cumsum(
          try arguments.array(0, "a", budget: budget), axis: try arguments.integer(1, "axis"),
          range: range))
    case "sort", "argsort":
      try arguments.check(allowed: ["a", "axis", "kind"])
      var array = try arguments.array(0, "a", budget: budget)
      try ArrayOperations.checkAxesFitCInt(
        arguments.value(1, "axis"), name == "sort" ? .normalized : .cFunction, range: range)
      var axis = try arguments.integer(1, "axis") ?? -1
      if let given = arguments.value(1, "axis"), given.isNone {
        array.shape = [array.count]
        axis = 0
      }
      return try made(try sort(array, axis: axis, indices: name == "argsort", range: range))
    case "transpose":
      try arguments.check(allowed: ["a", "axes"])
      let array = try arguments.array(0, "a", budget: budget)
      var axes: [Int]?
      if let given = arguments.value(1, "axes"), !given.isNone {
        axes = try arguments.shape(1, "axes")
      }
      return try made(try transpose(array, axes: axes, range: range))
    case "swapaxes":
      try arguments.check(allowed: ["a", "axis1", "axis2"])
      let array = try arguments.array(0, "a", budget: budget)
      // `swapaxes` reads both axes as C ints with Python's own range check.
      for (position, label) in [(1, "axis1"), (2, "axis2")] {
        switch arguments.value(position, label) {
        case .bigInt?:
          throw CellError(
            type: "OverflowError", message: "Python int too large to convert to C long",
            range: range)
        case .int(let axis)? where Int32(exactly: axis) == nil:
          throw CellError(
            type: "OverflowError",
            message: "signed integer is \(axis > 0 ? "greater than maximum" : "less than minimum")",
            range: range)
        default: break
        }
      }
      guard let first = try arguments.integer(1, "axis1"),
        let second = try arguments.integer(2, "axis2")
      else {
        throw CellError(
          type: "TypeError", message: "swapaxes() missing required argument 'axis1' (pos 2)",
          range: range)
      }
      var axes = Array(0..<array.rank)
      axes.swapAt(
        try ArrayOperations.resolveAxis(first, rank: array.rank, range: range),
        try ArrayOperations.resolveAxis(second, rank: array.rank, range: range))
      return try made(try transpose(array, axes: axes, range: range))
    case "flip":
      try arguments.check(allowed: ["m", "axis"])
      let array = try arguments.array(0, "m", budget: budget)
      try ArrayOperations.checkAxesFitCInt(
        arguments.value(1, "axis"), rank: array.rank, .normalized, range: range)
      let axes = try ArrayOperations.axes(arguments.value(1, "axis"), range: range)
      return try made(try flip(array, axes: axes, range: range))
    case "abs", "absolute", "square", "isnan", "isinf", "isfinite":
      try arguments.check(allowed: ["x"])
      let array = try arguments.array(0, "x", budget: budget)
      let values = (0..<array.count).map { array.value(at: $0) }
      switch name {
      case "isnan", "isinf", "isfinite":
        let test: (Double) -> Bool =
          name == "isnan" ? \.isNaN : name == "isinf" ? \.isInfinite : \.isFinite
        return try made(
          NDArray(dtype: .bool, shape: array.shape, doubles: values.map { test($0) ? 1 : 0 }))
      case "square":
        let dtype = array.dtype == .bool ? DType.bool : array.dtype
        let squares: [Double]
        if dtype == .float32 {
          squares = values.map { Double(Float($0) * Float($0)) }
        } else {
          squares = values.map { $0 * $0 }
        }
        return try made(
          NDArray(
            dtype: dtype, shape: array.shape,
            storage: try NumPyIntegers.fit(dtype, .double(squares), range: range)))
      default:
        return try made(
          NDArray(
            dtype: array.dtype, shape: array.shape,
            storage: try NumPyIntegers.fit(
              array.dtype, .double(values.map { $0.magnitude }), range: range)))
      }
    case "logical_and", "logical_or", "logical_xor":
      // A bool for each pair of elements, by their truth (a NaN is true, as in NumPy).
      try arguments.check(allowed: ["x1", "x2"])
      let (left, right) = try arguments.ufuncOperands()
      let truth = try elementwise(left, right, range: range, budget: budget) { a, b in
        let (p, q) = (a != 0, b != 0)
        switch name {
        case "logical_and": return p && q ? 1 : 0
        case "logical_or": return p || q ? 1 : 0
        default: return p != q ? 1 : 0
        }
      }
      return try made(
        NDArray(
          dtype: .bool, shape: truth.shape, doubles: (0..<truth.count).map { truth.value(at: $0) }))
    case "logical_not":
      try arguments.check(allowed: ["x"])
      let array = try arguments.array(0, "x", budget: budget)
      return try made(
        NDArray(
          dtype: .bool, shape: array.shape,
          doubles: (0..<array.count).map { array.value(at: $0) == 0 ? 1 : 0 }))
    case "maximum", "minimum":
      try arguments.check(allowed: ["x1", "x2"])
      let (left, right) = try arguments.ufuncOperands()
      let larger = name == "maximum"
      return try made(
        try elementwise(left, right, range: range, budget: budget) { a, b in
          if a.isNaN || b.isNaN { return .nan }
          return larger ? Swift.max(a, b) : Swift.min(a, b)
        })
    case "isclose", "allclose":
      try arguments.check(allowed: ["a", "b", "rtol", "atol", "equal_nan"])
      guard let left = arguments.value(0, "a"), let right = arguments.value(1, "b") else {
        throw CellError(
          type: "TypeError", message: "\(name)() missing required argument 'b' (pos 2)",
          range: range)
      }
      let relative =
        try arguments.value(2, "rtol").map { v throws(CellError) in try number(v, range: range) }
        ?? 1e-5
      let absolute =
        try arguments.value(3, "atol").map { v throws(CellError) in try number(v, range: range) }
        ?? 1e-8
      let equalNaN = arguments.value(4, "equal_nan")?.isTruthy ?? false
      var close = try elementwise(left, right, range: range, budget: budget) { a, b in
        if a.isNaN || b.isNaN { return equalNaN && a.isNaN && b.isNaN ? 1 : 0 }
        if a.isInfinite || b.isInfinite { return a == b ? 1 : 0 }
        return (a - b).magnitude <= absolute + relative * b.magnitude ? 1 : 0
      }
      close = NDArray(dtype: .bool, shape: close.shape, storage: close.storage)
      if name == "allclose" {
        return .bool((0..<close.count).allSatisfy { close.value(at: $0) != 0 })
      }
      return try made(close)
    case "array_equal":
      // NumPy 2: a Python bool, False for different shapes (no broadcasting), values compared as
      // numbers (`[1, 2]` equals `[1.0, 2.0]`).
      try arguments.check(allowed: ["a1", "a2", "equal_nan"])
      guard let left = arguments.value(0, "a1"), let right = arguments.value(1, "a2") else {
        throw CellError(
          type: "TypeError",
          message: arguments.value(0, "a1") == nil
            ? "array_equal() missing 2 required positional arguments: 'a1' and 'a2'"
            : "array_equal() missing 1 required positional argument: 'a2'", range: range)
      }
      guard
        let (a, _) = ArrayOperations.operand(try asOperand(left, range: range, budget: budget)),
        let (b, _) = ArrayOperations.operand(try asOperand(right, range: range, budget: budget)),
        a.shape == b.shape
      else { return .bool(false) }
      let equalNaN = arguments.value(2, "equal_nan")?.isTruthy ?? false
      let ai = broadcastOffsets(a.shape, to: a.shape)
      let bi = broadcastOffsets(b.shape, to: b.shape)
      return .bool(
        (0..<a.count).allSatisfy { index in
          let (x, y) = (a.value(at: ai[index]), b.value(at: bi[index]))
          return x == y || (equalNaN && x.isNaN && y.isNaN)
        })
    case "dot", "matmul", "outer":
      try arguments.check(allowed: name == "outer" ? ["a", "b"] : ["a", "b"])
      let a = try arguments.array(0, name == "matmul" ? "x1" : "a", budget: budget)
      let b = try arguments.array(1, name == "matmul" ? "x2" : "b", budget: budget)
      if name == "outer" {
        var column = a
        column.shape = [a.count, 1]
        var row = b
        row.shape = [1, b.count]
        return try ArrayOperations.elementwise(
          .multiply, .array(column), .array(row), range: range, budget: budget)
      }
      return try made(try matmul(a, b, name: name, range: range))
    case "tile":
      try arguments.check(allowed: ["A", "reps"])
      let array = try arguments.array(0, "A", budget: budget)
      let reps = try arguments.shape(1, "reps")
      return try made(try tile(array, reps, range: range, budget: budget))
    case "repeat":
      try arguments.check(allowed: ["a", "repeats", "axis"])
      var array = try arguments.array(0, "a", budget: budget)
      guard let times = try arguments.integer(1, "repeats"), times >= 0 else {
        throw .unsupported(
          "ConvBook supports `numpy.repeat` with one non-negative count of repeats", at: range)
      }
      var axis = 0
      try ArrayOperations.checkAxesFitCInt(arguments.value(2, "axis"), .cFunction, range: range)
      if let given = try arguments.integer(2, "axis") {
        axis = try ArrayOperations.resolveAxis(given, rank: array.rank, range: range)
      } else {
        array.shape = [array.count]
      }
      let outer = array.shape[..<axis].reduce(1, *)
      let inner = array.shape[(axis + 1)...].reduce(1, *)
      var sizes = array.shape.map { (partialValue: $0, overflow: false) }
      sizes[axis] = array.shape[axis].multipliedReportingOverflow(by: times)
      let total = try Self.checkedCount(sizes, budget: budget, range: range) ?? 0
      let shape = sizes.map(\.partialValue)
      var values: [Double] = []
      values.reserveCapacity(total)
      for o in 0..<outer {
        for k in 0..<array.shape[axis] {
          for _ in 0..<times {
            for i in 0..<inner {
              values.append(array.value(at: (o * array.shape[axis] + k) * inner + i))
            }
          }
        }
      }
      return .array(NDArray(dtype: array.dtype, shape: shape, doubles: values))
    case "diff":
      try arguments.check(allowed: ["a", "n", "axis"])
      let array = try arguments.array(0, "a", budget: budget)
      guard (try arguments.integer(1, "n") ?? 1) == 1, array.rank == 1 else {
        throw .unsupported("ConvBook supports `numpy.diff` of a vector, once (n=1)", at: range)
      }
      let values = (0..<array.count).map { array.value(at: $0) }
      let dtype = array.dtype == .bool ? DType.bool : array.dtype
      var differences = zip(values.dropFirst(), values).map { $0 - $1 }
      if dtype == .float32 {
        differences = zip(values.dropFirst(), values).map { Double(Float($0) - Float($1)) }
      } else if dtype == .bool {
        differences = zip(values.dropFirst(), values).map { $0 != $1 ? 1 : 0 }
      }
      return try made(
        NDArray(
          dtype: dtype, shape: [max(0, array.count - 1)],
          storage: try NumPyIntegers.fit(dtype, .double(differences), range: range)))
    case "pad":
      try arguments.check(allowed: ["array", "pad_width", "mode", "constant_values"])
      let array = try arguments.array(0, "array", budget: budget)
      if let mode = arguments.value(2, "mode"), PythonText.str(mode) != "constant" {
        throw .unsupported(
          "ConvBook supports `numpy.pad` with mode='constant' only, not \(PythonText.repr(mode))",
          at: range)
      }
      guard let widths = arguments.value(1, "pad_width") else {
        throw CellError(
          type: "TypeError", message: "pad() missing 1 required positional argument: 'pad_width'",
          range: range)
      }
      let fills = try padValues(
        arguments.value(3, "constant_values") ?? .int(0), rank: array.rank, range: range)
      return try made(try pad(array, widths: widths, fills: fills, range: range, budget: budget))
    case "meshgrid":
      let indexing = arguments.keywords.first { $0.0 == "indexing" }?.1
      let ij = indexing.map { PythonText.str($0) == "ij" } ?? false
      for (label, _) in arguments.keywords where label != "indexing" {
        throw .unsupported(
          "ConvBook does not support `numpy.meshgrid` with `\(label)=` yet", at: range)
      }
      var vectors: [NDArray] = []
      for item in arguments.positional {
        var vector = try ArrayOperations.array(from: item, dtype: nil, range: range, budget: budget)
        vector.shape = [vector.count]
        vectors.append(vector)
      }
      var shape = vectors.map(\.count)
      if !ij, shape.count > 1 { shape.swapAt(0, 1) }
      let count =
        try Self.checkedCount(
          shape.map { (partialValue: $0, overflow: false) }, budget: budget, range: range) ?? 0
      try budget.allocate(
        count: count.multipliedReportingOverflow(by: vectors.count).overflow
          ? Int.max : count * vectors.count, size: 8, at: range)
      var grids: [Value] = []
      for (axis, vector) in vectors.enumerated() {
        // The grid axis the vector runs along: `xy` swaps the first two.
        let along = !ij && vectors.count > 1 && axis < 2 ? 1 - axis : axis
        var source = shape.map { _ in 1 }
        source[along] = vector.count
        var lined = vector
        lined.shape = source
        let offsets = broadcastOffsets(source, to: shape)
        grids.append(
          .array(
            NDArray(
              dtype: vector.dtype, shape: shape,
              doubles: offsets.map { lined.value(at: $0) })))
      }
      return .tuple(grids)
    default:
      throw .unsupported("ConvBook does not support numpy.\(name) yet", at: range)
    }
  }

  /// `constant_values` as NumPy broadcasts it: one number, one `(before, after)` pair, or a pair
  /// per axis; the (before, after) values of each axis.
  private static func padValues(_ given: Value, rank: Int, range: SourceRange)
    throws(CellError) -> [(Double, Double)]
  {
    func broadcastError(_ shape: String) -> CellError {
      CellError(
        type: "ValueError",
        message:
          "operands could not be broadcast together with remapped shapes [original->remapped]: \(shape)  and requested shape (\(rank),2)",
        range: range)
    }
    guard let outer = given.sequenceItems else {
      let value = try number(given, range: range)
      return Array(repeating: (value, value), count: rank)
    }
    if outer.count == 1 || outer.allSatisfy({ $0.sequenceItems == nil }) {
      let flat = outer.count == 1 ? (outer[0].sequenceItems ?? [outer[0]]) : outer
      guard (1...2).contains(flat.count) else { throw broadcastError("(\(flat.count),)") }
      let before = try number(flat[0], range: range)
      let after = flat.count > 1 ? try number(flat[1], range: range) : before
      return Array(repeating: (before, after), count: rank)
    }
    guard outer.count == rank else { throw broadcastError("(\(outer.count),2)") }
    var pairs: [(Double, Double)] = []
    for item in outer {
      let pair = item.sequenceItems ?? [item]
      guard (1...2).contains(pair.count) else { throw broadcastError("(\(outer.count),2)") }
      let before = try number(pair[0], range: range)
      pairs.append((before, pair.count > 1 ? try number(pair[1], range: range) : before))
    }
    return pairs
  }

  /// `np.pad(array, pad_width, constant_values=c)`: `pad_width` as NumPy broadcasts it (one
  /// number, one `(before, after)` pair, or a pair per axis); each axis' padding takes its own
  /// (before, after) values, axis by axis across the whole padded array (a corner takes the last
  /// axis' value, as NumPy's `_set_pad_area` leaves it).
  private static func pad(
    _ array: NDArray, widths: Value, fills: [(Double, Double)], range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    func integer(_ value: Value) throws(CellError) -> Int {
      guard case .int(let number) = NumPyScalar.integer(value) else {
        throw CellError(
          type: "TypeError", message: "`pad_width` must be of integral type.", range: range)
      }
      guard number >= 0 else {
        throw CellError(
          type: "ValueError", message: "index can't contain negative values", range: range)
      }
      return number
    }
    var pairs: [(Int, Int)]
    if let outer = widths.sequenceItems {
      if outer.count == 1 || outer.allSatisfy({ $0.sequenceItems == nil }) {
        let flat = outer.count == 1 ? (outer[0].sequenceItems ?? [outer[0]]) : outer
        guard flat.count <= 2 else {
          throw CellError(
            type: "ValueError",
            message:
              "operands could not be broadcast together with remapped shapes [original->remapped]: (\(flat.count),)  and requested shape (\(array.rank),2)",
            range: range)
        }
        let before = try integer(flat[0])
        let after = flat.count > 1 ? try integer(flat[1]) : before
        pairs = Array(repeating: (before, after), count: array.rank)
      } else {
        guard outer.count == array.rank else {
          throw CellError(
            type: "ValueError",
            message:
              "operands could not be broadcast together with remapped shapes [original->remapped]: (\(outer.count),2)  and requested shape (\(array.rank),2)",
            range: range)
        }
        pairs = []
        for item in outer {
          let pair = item.sequenceItems ?? [item]
          let before = try integer(pair[0])
          pairs.append((before, pair.count > 1 ? try integer(pair[1]) : before))
        }
      }
    } else {
      let width = try integer(widths)
      pairs = Array(repeating: (width, width), count: array.rank)
    }
    let sizes = zip(array.shape, pairs).map { size, pair in
      let (first, overflow) = size.addingReportingOverflow(pair.0)
      let (total, more) = first.addingReportingOverflow(pair.1)
      return (partialValue: total, overflow: overflow || more)
    }
    let shape = sizes.map(\.partialValue)
    let count = try Self.checkedCount(sizes, budget: budget, range: range) ?? 0
    let strides = rowMajorStrides(shape)
    var values = [Double](repeating: 0, count: count)
    for axis in 0..<array.rank where pairs[axis].0 > 0 || pairs[axis].1 > 0 {
      let (before, after) = fills[axis]
      let end = pairs[axis].0 + array.shape[axis]
      for offset in 0..<count {
        let coordinate = offset / strides[axis] % shape[axis]
        if coordinate < pairs[axis].0 {
          values[offset] = before
        } else if coordinate >= end {
          values[offset] = after
        }
      }
    }
    let sourceStrides = array.strides
    for offset in 0..<array.count {
      var target = 0
      for axis in 0..<array.rank {
        target += (offset / sourceStrides[axis] % array.shape[axis] + pairs[axis].0) * strides[axis]
      }
      values[target] = array.value(at: offset)
    }
    return try ArrayOperations.convert(
      NDArray(dtype: .float64, shape: shape, doubles: values), to: array.dtype, range: range)
  }

  /// Row-major strides (in values) of `shape`.
  static func rowMajorStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in shape.indices.reversed() {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }

  /// A Python number or NumPy scalar as a double.
  /// `np.diag(v, k)`: a vector's square matrix with the vector on diagonal `k`, or a matrix's
  /// diagonal `k` as a vector.
  /// `np.triu(m, k=0)` / `np.tril(m, k=0)`: `m` with the elements below (above) the k-th
  /// diagonal of its last two axes set to zero, in `m`'s dtype. A 1-D `m` is NumPy's too: its
  /// mask is N x N, so the result repeats `m` in N rows.
  private static func triangle(
    _ m: NDArray, upper: Bool, offset: Int, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    guard m.rank >= 1 else {
      throw .unsupported(
        "ConvBook's np.\(upper ? "triu" : "tril") takes an array of one or more dimensions",
        at: range)
    }
    let source = m.rank == 1 ? [m.shape[0], m.shape[0]] : m.shape
    let rows = source[source.count - 2]
    let columns = source[source.count - 1]
    let count = try ArrayOperations.elementCount(source, dtype: m.dtype, range: range)
    try budget.allocate(count: count, size: m.dtype.storedSize, at: range)
    let given = m.storage.doubles
    var values = [Double](repeating: 0, count: count)
    let plane = rows * columns
    guard plane > 0 else { return NDArray(dtype: m.dtype, shape: source, doubles: values) }
    for index in 0..<count {
      let within = index % plane
      let (row, column) = (within / columns, within % columns)
      let difference = Int64(column) - Int64(row)
      let kept = upper ? difference >= Int64(offset) : difference <= Int64(offset)
      guard kept else { continue }
      values[index] = m.rank == 1 ? given[column] : given[index]
    }
    return NDArray(dtype: m.dtype, shape: source, doubles: values)
  }

  private static func diagonal(
    _ array: NDArray, offset: Int, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    switch array.rank {
    case 1:
      // NumPy's `np.zeros((n, n))` of a Python int n beyond 64 bits.
      guard let distance = Int(exactly: offset.magnitude),
        case (let size, false) = array.count.addingReportingOverflow(distance)
      else {
        throw CellError(
          type: "ValueError", message: "Maximum allowed dimension exceeded", range: range)
      }
      let cells = try ArrayOperations.elementCount([size, size], dtype: array.dtype, range: range)
      try budget.allocate(count: cells, size: array.dtype.storedSize, at: range)
      var values = [Double](repeating: 0, count: cells)
      let (row, column) = offset >= 0 ? (0, offset) : (size - array.count, 0)
      for index in 0..<array.count {
        values[(row + index) * size + column + index] = array.value(at: index)
      }
      return NDArray(dtype: array.dtype, shape: [size, size], doubles: values)
    case 2:
      let (rows, columns) = (array.shape[0], array.shape[1])
      // The diagonal's first cell, and how many cells it has inside the matrix.
      let (row, column) = offset >= 0 ? (0, offset) : (Int(exactly: offset.magnitude) ?? rows, 0)
      let count = Swift.max(
        0, Swift.min(rows - Swift.min(row, rows), columns - Swift.min(column, columns)))
      let values = (0..<count).map { array.value(at: (row + $0) * columns + column + $0) }
      return NDArray(dtype: array.dtype, shape: [count], doubles: values)
    default:
      throw CellError(type: "ValueError", message: "Input must be 1- or 2-d.", range: range)
    }
  }

  static func number(_ value: Value, range: SourceRange) throws(CellError) -> Double {
    guard let number = Operators.Number(value) else {
      throw CellError(
        type: "TypeError",
        message: "must be real number, not \(value.typeName)", range: range)
    }
    return try number.double(range)
  }

  /// `np.linspace(start, stop, num=50, endpoint=True)`: NumPy's arithmetic, `start + i * step`
  /// with `step = (stop - start) / div`, and the last value set to `stop` exactly.
  private static func linspace(_ arguments: Arguments, budget: EvaluationBudget) throws(CellError)
    -> NDArray
  {
    let range = arguments.site.range
    guard let startValue = arguments.value(0, "start"), let stopValue = arguments.value(1, "stop")
    else {
      throw CellError(
        type: "TypeError", message: "linspace() missing required argument 'stop' (pos 2)",
        range: range)
    }
    let start = try number(startValue, range: range)
    let stop = try number(stopValue, range: range)
    let count = try arguments.integer(2, "num") ?? 50
    guard count >= 0 else {
      throw CellError(
        type: "ValueError", message: "Number of samples, \(count), must be non-negative.",
        range: range)
    }
    try budget.allocate(count: count, size: 8, at: range)
    let endpoint = arguments.value(3, "endpoint")?.isTruthy ?? true
    let divisions = Double(endpoint ? count - 1 : count)
    let delta = stop - start
    var values = (0..<count).map { Double($0) }
    if divisions > 0 {
      let step = delta / divisions
      values =
        step == 0 ? values.map { $0 / divisions * delta + start } : values.map { $0 * step + start }
    } else {
      values = values.map { $0 * delta + start }
    }
    if endpoint && count > 1 { values[count - 1] = stop }
    var dtype = DType.float64
    if let given = arguments.value(4, "dtype"), !given.isNone {
      dtype = try ArrayOperations.dtype(given, range: range)
      if dtype.isInteger { values = values.map { $0.rounded(.down) } }
    }
    return try ArrayOperations.convert(
      NDArray(dtype: .float64, shape: [count], doubles: values), to: dtype, range: range)
  }

  /// `np.where(condition)` / `np.nonzero(a)`: a tuple of int64 index arrays, one per dimension.
  private static func nonzero(_ array: NDArray) -> Value {
    let shape = array.rank == 0 ? [1] : array.shape
    let strides = rowMajorStrides(shape)
    var columns = [[Double]](repeating: [], count: shape.count)
    for offset in 0..<array.count where array.value(at: offset) != 0 {
      for axis in shape.indices {
        columns[axis].append(Double(offset / strides[axis] % shape[axis]))
      }
    }
    return .tuple(
      columns.map { .array(NDArray(dtype: .int64, shape: [$0.count], doubles: $0)) })
  }

  /// `np.where(condition, x, y)`: broadcast, in the dtype x and y promote to (Python numbers weak).
  private static func select(
    _ condition: NDArray, _ x: Value, _ y: Value, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    guard let (a, aWeak) = ArrayOperations.operand(try asOperand(x, range: range, budget: budget)),
      let (b, bWeak) = ArrayOperations.operand(try asOperand(y, range: range, budget: budget))
    else {
      throw .unsupported("ConvBook's np.where chooses between numbers and arrays", at: range)
    }
    var dtype = ArrayOperations.resultType(a, aWeak, b, bWeak)
    if aWeak && bWeak { dtype = ArrayOperations.promote(a.dtype, b.dtype) }
    guard let first = ElementwiseKernel.broadcastShape(condition.shape, a.shape),
      let shape = ElementwiseKernel.broadcastShape(first, b.shape)
    else {
      throw CellError(
        type: "ValueError",
        message:
          "operands could not be broadcast together with shapes \(ArrayOperations.shapeText(condition.shape)) \(ArrayOperations.shapeText(a.shape)) \(ArrayOperations.shapeText(b.shape)) ",
        range: range)
    }
    let count = shape.reduce(1, *)
    try budget.allocate(count: count, size: dtype.storedSize, at: range)
    let c = broadcastOffsets(condition.shape, to: shape)
    let ai = broadcastOffsets(a.shape, to: shape)
    let bi = broadcastOffsets(b.shape, to: shape)
    let values = (0..<count).map { i in
      condition.value(at: c[i]) != 0 ? a.value(at: ai[i]) : b.value(at: bi[i])
    }
    return NDArray(dtype: dtype, shape: shape, doubles: values)
  }

  private static func asOperand(_ value: Value, range: SourceRange, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    switch value {
    case .list, .tuple:
      return .array(
        try ArrayOperations.array(from: value, dtype: nil, range: range, budget: budget))
    default: return value
    }
  }

  /// For each place of `shape`, the offset of the value of an array of `source` shape that
  /// broadcasting puts there.
  static func broadcastOffsets(_ source: [Int], to shape: [Int]) -> [Int] {
    RowMajorIndex.broadcastOffsets(source, to: shape)
  }

  /// `a % b` (Python's sign rule: the result takes the divisor's sign, as `np.remainder`), and
  /// `&`, `|`, `^` on bool and integer arrays.
  static func remainder(
    _ operation: BinaryOperator, _ left: Value, _ right: Value, range: SourceRange,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    guard
      let (a, aWeak) = ArrayOperations.operand(try asOperand(left, range: range, budget: budget)),
      let (b, bWeak) = ArrayOperations.operand(try asOperand(right, range: range, budget: budget))
    else {
      if let refusal = WeightValues.variableOperandRefusal(
        [left, right], operation.symbol, range: range)
      {
        throw refusal
      }
      throw CellError(
        type: "TypeError",
        message:
          "unsupported operand type(s) for \(operation.symbol): '\(left.typeName)' and '\(right.typeName)'",
        range: range)
    }
    let dtype = ArrayOperations.resultType(a, aWeak, b, bWeak)
    if operation != .modulo {
      guard dtype == .bool || dtype.isInteger else {
        throw CellError(
          type: "TypeError",
          message:
            "ufunc 'bitwise_\(operation == .bitwiseAnd ? "and" : operation == .bitwiseOr ? "or" : "xor")' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
          range: range)
      }
    } else if dtype == .bool {
      throw .unsupported(
        "ConvBook does not support % between bools in arrays (NumPy gives int8)", at: range)
    }
    let float32 = dtype == .float32
    let integer = dtype.isInteger
    var zeroDivisor = false
    let values = try elementwise(left, right, range: range, budget: budget) { a, b in
      switch operation {
      case .bitwiseAnd: return Double(Int64(a) & Int64(b))
      case .bitwiseOr: return Double(Int64(a) | Int64(b))
      case .bitwiseXor: return Double(Int64(a) ^ Int64(b))
      default:
        if integer {
          if b == 0 {
            zeroDivisor = true
            return 0
          }
          let rest = a.truncatingRemainder(dividingBy: b)
          return rest != 0 && (rest < 0) != (b < 0) ? rest + b : rest
        }
        if float32 {
          let (x, y) = (Float(a), Float(b))
          var rest = x.truncatingRemainder(dividingBy: y)
          if rest != 0 {
            if (rest < 0) != (y < 0) { rest += y }
          } else {
            rest = Float(signOf: y, magnitudeOf: 0)
          }
          return Double(rest)
        }
        var rest = a.truncatingRemainder(dividingBy: b)
        if rest != 0 {
          if (rest < 0) != (b < 0) { rest += b }
        } else {
          rest = Double(signOf: b, magnitudeOf: 0)
        }
        return rest
      }
    }
    if zeroDivisor {
      throw .unsupported(
        "integer modulo by zero in an array (NumPy warns and gives 0); ConvBook refuses it",
        at: range)
    }
    let array = NDArray(dtype: dtype, shape: values.shape, storage: values.storage)
    return array.rank == 0 ? ArrayOperations.element(array, at: 0) : .array(array)
  }

  /// A binary element function with broadcasting, in the dtype NumPy's rules give.
  private static func elementwise(
    _ left: Value, _ right: Value, range: SourceRange, budget: EvaluationBudget,
    _ function: (Double, Double) -> Double
  ) throws(CellError) -> NDArray {
    guard
      let (a, aWeak) = ArrayOperations.operand(try asOperand(left, range: range, budget: budget)),
      let (b, bWeak) = ArrayOperations.operand(try asOperand(right, range: range, budget: budget))
    else {
      throw CellError(
        type: "TypeError",
        message:
          "ufunc did not contain a loop with signature matching types (\(left.typeName), \(right.typeName))",
        range: range)
    }
    let dtype = ArrayOperations.resultType(a, aWeak, b, bWeak)
    let shape = try ArrayOperations.broadcastShape(a, b, range: range)
    let count = shape.reduce(1, *)
    try budget.allocate(count: count, size: dtype.storedSize, at: range)
    let ai = broadcastOffsets(a.shape, to: shape)
    let bi = broadcastOffsets(b.shape, to: shape)
    let values = (0..<count).map { function(a.value(at: ai[$0]), b.value(at: bi[$0])) }
    return NDArray(dtype: dtype, shape: shape, doubles: values)
  }

  /// `np.cumsum(a, axis=None)`: int64 for integers and bools, float32 accumulating in float32.
  private static func cumsum(_ array: NDArray, axis given: Int?, range: SourceRange)
    throws(CellError) -> NDArray
  {
    var source = array
    var axis = 0
    if let given {
      axis = try ArrayOperations.resolveAxis(given, rank: array.rank, range: range)
    } else {
      source.shape = [array.count]
    }
    let dtype: DType = array.dtype.isFloat ? array.dtype : .int64
    let outer = source.shape[..<axis].reduce(1, *)
    let size = source.shape[axis]
    let inner = source.shape[(axis + 1)...].reduce(1, *)
    var values = [Double](repeating: 0, count: source.count)
    for o in 0..<outer {
      for i in 0..<inner {
        var total = 0.0
        var total32: Float = 0
        for k in 0..<size {
          let offset = (o * size + k) * inner + i
          if dtype == .float32 {
            total32 += Float(source.value(at: offset))
            values[offset] = Double(total32)
          } else {
            total += source.value(at: offset)
            values[offset] = total
          }
        }
      }
    }
    return NDArray(
      dtype: dtype, shape: source.shape,
      storage: try NumPyIntegers.fit(dtype, .double(values), range: range))
  }

  /// `np.sort` / `np.argsort` along one axis (NaN last, as NumPy sorts; ties keep their order).
  private static func sort(_ array: NDArray, axis given: Int, indices: Bool, range: SourceRange)
    throws(CellError) -> NDArray
  {
    if array.rank == 0 {
      throw CellError(
        type: "AxisError", message: "axis \(given) is out of bounds for array of dimension 0",
        range: range)
    }
    let axis = try ArrayOperations.resolveAxis(given, rank: array.rank, range: range)
    let outer = array.shape[..<axis].reduce(1, *)
    let size = array.shape[axis]
    let inner = array.shape[(axis + 1)...].reduce(1, *)
    var values = [Double](repeating: 0, count: array.count)
    for o in 0..<outer {
      for i in 0..<inner {
        let offsets = (0..<size).map { (o * size + $0) * inner + i }
        let order = (0..<size).sorted { p, q in
          let a = array.value(at: offsets[p])
          let b = array.value(at: offsets[q])
          if a.isNaN || b.isNaN { return !a.isNaN && b.isNaN || (a.isNaN == b.isNaN && p < q) }
          return a < b || (a == b && p < q)
        }
        for (k, source) in order.enumerated() {
          values[offsets[k]] = indices ? Double(source) : array.value(at: offsets[source])
        }
      }
    }
    return NDArray(dtype: indices ? .int64 : array.dtype, shape: array.shape, doubles: values)
  }

  /// `np.transpose(a, axes)`: the axes permuted (reversed by default).
  static func transpose(_ array: NDArray, axes given: [Int]?, range: SourceRange)
    throws(CellError) -> NDArray
  {
    let rank = array.rank
    var axes: [Int] = Array((0..<rank).reversed())
    if let given {
      guard given.count == rank else {
        throw CellError(
          type: "ValueError", message: "axes don't match array", range: range)
      }
      axes = []
      for axis in given {
        // NumPy keeps each axis in a C int before checking it (`int axis = axes[i]` in
        // `PyArray_Transpose`): 2**62 is axis 0, 2**32 + 1 axis 1, 2**31 out of bounds as
        // -2147483648.
        let resolved = try ArrayOperations.resolveAxis(
          Int(Int32(truncatingIfNeeded: axis)), rank: rank, range: range)
        guard !axes.contains(resolved) else {
          throw CellError(
            type: "ValueError", message: "repeated axis in transpose", range: range)
        }
        axes.append(resolved)
      }
    }
    return permuted(array, axes)
  }

  /// The array with its axes in the order `axes` (a permutation of its axes).
  static func permuted(_ array: NDArray, _ axes: [Int]) -> NDArray {
    let strides = array.strides
    return NDArray(
      dtype: array.dtype, shape: axes.map { array.shape[$0] },
      storage: NumPyKernel.gather(
        array.storage, base: 0, dimensions: axes.map { (array.shape[$0], strides[$0]) }))
  }

  private static func flip(_ array: NDArray, axes given: [Int]?, range: SourceRange)
    throws(CellError) -> NDArray
  {
    var flipped = Set<Int>()
    for axis in given ?? Array(0..<array.rank) {
      flipped.insert(try ArrayOperations.resolveAxis(axis, rank: array.rank, range: range))
    }
    let strides = array.strides
    var base = 0
    var dimensions: [(count: Int, stride: Int)] = []
    for axis in 0..<array.rank {
      if flipped.contains(axis) && array.shape[axis] > 0 {
        base += (array.shape[axis] - 1) * strides[axis]
        dimensions.append((array.shape[axis], -strides[axis]))
      } else {
        dimensions.append((array.shape[axis], strides[axis]))
      }
    }
    return NDArray(
      dtype: array.dtype, shape: array.shape,
      storage: NumPyKernel.gather(array.storage, base: base, dimensions: dimensions))
  }

  /// `np.dot` / `np.matmul` / `@` for vectors and matrices (and `dot` with a scalar).
  static func matmul(_ a: NDArray, _ b: NDArray, name: String, range: SourceRange)
    throws(CellError) -> NDArray
  {
    // An array of more axes times a vector or a matrix (`np.dot(rgb, [0.299, 0.587, 0.114])`,
    // a batch of rows through weights) is its rows, the last axis, one by one: `dot` and `matmul`
    // agree there.
    guard a.rank >= 1, (1...2).contains(b.rank) else {
      throw .unsupported(
        "ConvBook's np.\(name) multiplies arrays by vectors and matrices only, not arrays of shapes \(ArrayOperations.shapeText(a.shape)) and \(ArrayOperations.shapeText(b.shape))",
        at: range)
    }
    let leading = a.rank > 2 ? Array(a.shape.dropLast()) : []
    let (rows, shared) =
      a.rank >= 2 ? (a.shape.dropLast().reduce(1, *), a.shape[a.rank - 1]) : (1, a.shape[0])
    let (inner, columns) = b.rank == 2 ? (b.shape[0], b.shape[1]) : (b.shape[0], 1)
    guard shared == inner else {
      let message =
        name == "dot"
        ? "shapes \(ArrayOperations.shapeText(a.shape)) and \(ArrayOperations.shapeText(b.shape)) not aligned: \(shared) (dim \(a.rank - 1)) != \(inner) (dim 0)"
        : "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(inner) is different from \(shared))"
      throw CellError(type: "ValueError", message: message, range: range)
    }
    var dtype = ArrayOperations.promote(a.dtype, b.dtype)
    if dtype == .bool { dtype = .bool }
    var values = [Double](repeating: 0, count: rows * columns)
    for r in 0..<rows {
      for c in 0..<columns {
        if dtype == .float32 {
          var total: Float = 0
          for k in 0..<shared {
            total += Float(a.value(at: r * shared + k)) * Float(b.value(at: k * columns + c))
          }
          values[r * columns + c] = Double(total)
        } else {
          var total = 0.0
          for k in 0..<shared {
            total += a.value(at: r * shared + k) * b.value(at: k * columns + c)
          }
          values[r * columns + c] = dtype == .bool ? (total != 0 ? 1 : 0) : total
        }
      }
    }
    var shape: [Int] = a.rank > 2 ? leading : []
    if a.rank == 2 { shape.append(rows) }
    if b.rank == 2 { shape.append(columns) }
    return NDArray(
      dtype: dtype, shape: shape,
      storage: try NumPyIntegers.fit(dtype, .double(values), range: range))
  }

  private static func tile(
    _ array: NDArray, _ reps: [Int], range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    guard reps.allSatisfy({ $0 >= 0 }) else {
      throw CellError(
        type: "ValueError", message: "negative dimensions are not allowed", range: range)
    }
    let rank = max(array.rank, reps.count)
    let shape = [Int](repeating: 1, count: rank - array.rank) + array.shape
    let counts = [Int](repeating: 1, count: rank - reps.count) + reps
    let result = zip(shape, counts).map { $0.multipliedReportingOverflow(by: $1) }
    guard let total = try Self.checkedCount(result, budget: budget, range: range) else {
      return NDArray(dtype: array.dtype, shape: result.map(\.partialValue), doubles: [])
    }
    let resultShape = result.map(\.partialValue)
    var source = array
    source.shape = shape
    let strides = source.strides
    var values = [Double](repeating: 0, count: total)
    var index = [Int](repeating: 0, count: rank)
    for position in 0..<total {
      var offset = 0
      for axis in 0..<rank { offset += (index[axis] % shape[axis]) * strides[axis] }
      values[position] = source.value(at: offset)
      RowMajorIndex.advance(&index, in: resultShape)
    }
    return NDArray(dtype: array.dtype, shape: resultShape, doubles: values)
  }

  /// The number of values of a shape whose sizes were computed with overflow reporting, charged
  /// to the budget as float64 values before anything is allocated: an overflow is refused as
  /// the memory budget is; nil for an empty shape's zero values.
  static func checkedCount(
    _ sizes: [(partialValue: Int, overflow: Bool)], budget: EvaluationBudget, range: SourceRange
  ) throws(CellError) -> Int? {
    if sizes.contains(where: { $0.partialValue == 0 && !$0.overflow }) { return nil }
    let count =
      sizes.contains(where: \.overflow)
      ? Int.max : ((try? Exact.product(sizes.map(\.partialValue))) ?? Int.max)
    try budget.allocate(count: count, size: 8, at: range)
    return count
  }

  /// `np.insert(arr, obj, values)` with one index `obj` and no axis (the flattened array) or
  /// axis 0 of a vector: `values` (cast to the array's dtype) as a block before position `obj`.
  private static func insert(_ arguments: Arguments, budget: EvaluationBudget)
    throws(CellError) -> NDArray
  {
    let range = arguments.site.range
    let array = try arguments.array(0, "arr", budget: budget)
    try ArrayOperations.checkAxesFitCInt(arguments.value(3, "axis"), .normalized, range: range)
    if let axis = try arguments.integer(3, "axis"), !(array.rank == 1 && (axis == 0 || axis == -1))
    {
      throw .unsupported(
        "ConvBook does not support `numpy.insert` along an axis of an array of rank \(array.rank) yet",
        at: range)
    }
    guard let given = arguments.value(1, "obj"), case .int(let index) = NumPyScalar.integer(given)
    else {
      throw .unsupported(
        "ConvBook does not support `numpy.insert` at indices other than one integer yet",
        at: range)
    }
    guard let values = arguments.value(2, "values") else {
      throw CellError(
        type: "TypeError",
        message: "insert() missing 1 required positional argument: 'values'", range: range)
    }
    let block = try ArrayOperations.convert(
      try ArrayOperations.array(from: values, dtype: nil, range: range, budget: budget),
      to: array.dtype, range: range)
    let count = array.count
    guard index >= -count && index <= count else {
      throw CellError(
        type: "IndexError",
        message: "index \(index) is out of bounds for axis 0 with size \(count)", range: range)
    }
    let position = index < 0 ? index + count : index
    let old = array.storage.doubles
    let inserted = block.storage.doubles
    try budget.allocate(count: count + inserted.count, size: 8, at: range)
    let result = Array(old[..<position]) + inserted + Array(old[position...])
    return NDArray(dtype: array.dtype, shape: [result.count], doubles: result)
  }

}
