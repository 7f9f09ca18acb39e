import CNNEngine
import Foundation

/// The NumPy functions and array methods of tutorial data code, and `keras.utils.to_categorical`.
/// Callables are `.builtin("numpy.NAME")`; `call` runs them.
enum NumPyFunctions {
  /// `np.NAME` for the array functions ConvBook has.
  static let functionNames: Set<String> = [
    "array", "asarray", "expand_dims", "argmax", "argmin", "mean", "sum", "max", "min", "amax",
    "amin", "roll", "concatenate", "zeros", "ones", "arange", "reshape", "squeeze", "round",
    "around", "full", "log", "exp", "sqrt", "set_printoptions", "std", "var", "clip", "unique",
    "ravel", "all", "any", "empty", "append", "place",
  ]

  /// Dtype names usable as `np.float32` (also callable on a number).
  static let dtypeNames: Set<String> = ["float32", "float64", "uint8", "int32", "int64", "bool_"]

  /// NumPy's submodules, which `from numpy import NAME` binds as modules (imported by habit, as
  /// `numpy.random` is); NumPy's other names are its functions, types and constants.
  static let submoduleNames: Set<String> = [
    "char", "core", "ctypeslib", "dtypes", "emath", "exceptions", "f2py", "fft", "lib", "linalg",
    "ma",
    "polynomial", "random", "rec", "strings", "testing", "typing",
  ]

  /// NumPy 2's AttributeError for the builtin aliases it removed (`np.float`, `np.int`, ...),
  /// in its own words (its `__former_attrs__`).
  static func formerAliasMessage(_ name: String) -> String? {
    let extended: String
    switch name {
    case "object": extended = ""
    case "float", "complex", "str":
      let scalar = ["float": "float64", "complex": "complex128", "str": "str_"][name]!
      extended = "If you specifically wanted the numpy scalar type, use `np.\(scalar)` here."
    case "int":
      extended =
        "When replacing `np.int`, you may wish to use e.g. `np.int64` or `np.int32` to specify the precision. If you wish to review your current use, check the release note link for additional information."
    default: return nil
    }
    return
      "module 'numpy' has no attribute '\(name)'.\n`np.\(name)` was a deprecated alias for the builtin `\(name)`. To avoid this error in existing code, use `\(name)` by itself. Doing this will not modify any behavior and is safe. \(extended)\nThe aliases was originally deprecated in NumPy 1.20; for more details and guidance see the original release note at:\n    https://numpy.org/devdocs/release/1.20.0-notes.html#deprecations"
  }

  /// `repr(np.float32)`: NumPy's scalar types are classes (`<class 'numpy.float32'>`; `np.bool_`
  /// is `numpy.bool` in NumPy 2).
  static func scalarTypeRepr(_ callable: Callable) -> String? {
    guard case .builtin(let name) = callable.kind, name.hasPrefix("numpy."),
      dtypeNames.contains(String(name.dropFirst(6)))
    else { return nil }
    return "<class '\(name == "numpy.bool_" ? "numpy.bool" : name)'>"
  }

  static func attribute(_ name: String) -> Value? {
    if name == "newaxis" { return Value.none }
    if name == "dtype" { return .standard(NumPyDTypeClass()) }
    // NumPy 2 names its boolean scalar type `np.bool` again (`np.bool is np.bool_`).
    if name == "bool" { return attribute("bool_") }
    if name == "r_" || name == "c_" {
      return .standard(NumPyIndexConcatenator(columns: name == "c_"))
    }
    if let ufunc = NumPyUfunc(named: name) { return .standard(ufunc) }
    // `np.load` reads a file: a missing one is Python's error (`MissingFiles`), else refused.
    if functionNames.contains(name) || dtypeNames.contains(name) || name == "load"
      || NumPyArrayFunctions.functionNames.contains(name) || NumPyMath.names.contains(name)
      || NumPySplit.names.contains(name) || name == "convolve"
    {
      return .function(Callable(.builtin("numpy." + name), path: "numpy." + name))
    }
    return nil
  }

  /// `np.set_printoptions(precision=, suppress=)`: the other options are ConvBook's limitation
  /// unless None (NumPy's "leave as it is").
  private static func setPrintOptions(_ arguments: Arguments) throws(CellError) -> Value {
    let range = arguments.site.range
    let names = [
      "precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr", "infstr",
      "formatter", "sign", "floatmode",
    ]
    guard arguments.positional.count <= names.count else {
      throw CellError(
        type: "TypeError",
        message:
          "set_printoptions() takes from 0 to \(names.count) positional arguments but \(arguments.positional.count) were given",
        range: range)
    }
    var given: [(String, Value)] = zip(names, arguments.positional).map { ($0, $1) }
    for (label, value) in arguments.keywords {
      guard names.contains(label) || label == "legacy" || label == "override_repr" else {
        throw CellError(
          type: "TypeError",
          message: "set_printoptions() got an unexpected keyword argument '\(label)'",
          range: range)
      }
      given.append((label, value))
    }
    let options = NumPyPrintOptions.current
    guard options !== NumPyPrintOptions.defaults else {
      throw .unsupported("np.set_printoptions() works in cells only", at: range)
    }
    var precision = options.precision
    var suppress = options.suppress
    for (label, value) in given where !value.isNone {
      switch label {
      case "precision":
        guard case .int(let digits) = NumPyScalar.number(value) else {
          throw CellError(type: "TypeError", message: "precision must be an integer", range: range)
        }
        guard (0...50).contains(digits) else {
          throw .unsupported("ConvBook prints arrays with a precision of 0 to 50 digits", at: range)
        }
        precision = digits
      case "suppress": suppress = value.isTruthy
      default:
        throw .unsupported(
          "ConvBook does not support `numpy.set_printoptions` with `\(label)=` yet", at: range)
      }
    }
    options.precision = precision
    options.suppress = suppress
    return .none
  }

  /// Array attributes: `shape`, `dtype`, `ndim`, `size`, and the methods.
  static func attribute(_ name: String, of array: NDArray) -> Value? {
    switch name {
    case "shape": return .tuple(array.shape.map(Value.int))
    case "dtype": return .standard(NumPyDType(array.dtype))
    case "ndim": return .int(array.rank)
    case "size": return .int(array.count)
    case "itemsize": return .int(array.dtype.itemSize)
    case "nbytes": return .int(array.count * array.dtype.itemSize)
    case "T":
      return .array(NumPyArrayFunctions.permuted(array, Array((0..<array.rank).reversed())))
    case "astype", "reshape", "mean", "sum", "max", "min", "argmax", "argmin", "copy", "flatten",
      "squeeze", "tolist", "item", "round", "std", "var", "transpose", "argsort", "cumsum", "prod",
      "ravel", "any", "all", "dot", "clip":
      return .method(receiver: .array(array), name: name)
    default: return nil
    }
  }

  /// The public attributes of NumPy 2's `ndarray` (`dir(np.ndarray)`): one ConvBook lacks is its
  /// limitation, any other name NumPy's AttributeError.
  static let arrayAttributeNames: Set<String> = [
    "T", "all", "any", "argmax", "argmin", "argpartition", "argsort", "astype", "base", "byteswap",
    "choose", "clip", "compress", "conj", "conjugate", "copy", "ctypes", "cumprod", "cumsum",
    "data", "device", "diagonal", "dot", "dtype", "dump", "dumps", "fill", "flags", "flat",
    "flatten", "getfield", "imag", "item", "itemsize", "mT", "max", "mean", "min", "nbytes", "ndim",
    "nonzero", "partition", "prod", "put", "ravel", "real", "repeat", "reshape", "resize", "round",
    "searchsorted", "setfield", "setflags", "shape", "size", "sort", "squeeze", "std", "strides",
    "sum", "swapaxes", "take", "to_device", "tobytes", "tofile", "tolist", "trace", "transpose",
    "var", "view",
  ]

  struct Arguments {
    var positional: [Value]
    var keywords: [(String, Value)]
    let site: CallSite
    let function: String
    /// The name a refusal shows: `numpy.arange`, `ndarray.astype`.
    var path: String

    /// The argument at `index` or called `name`, or nil.
    func value(_ index: Int, _ name: String) -> Value? {
      if let found = keywords.first(where: { $0.0 == name }) { return found.1 }
      return index < positional.count ? positional[index] : nil
    }

    /// A binary ufunc's two operands (`x1`, `x2`), or NumPy's TypeError for a missing one ("1 was
    /// given", "0 were given").
    func ufuncOperands() throws(CellError) -> (Value, Value) {
      guard let left = value(0, "x1"), let right = value(1, "x2") else {
        throw CellError(
          type: "TypeError",
          message:
            "\(function)() takes from 2 to 3 positional arguments but \(positional.count) \(positional.count == 1 ? "was" : "were") given",
          range: site.range)
      }
      return (left, right)
    }

    func check(allowed: [String]) throws(CellError) {
      // NumPy's functions take more arguments than ConvBook models (`order=`, `like=`, ...), and
      // its own wording for a wrong one varies by function: what ConvBook lacks is its limitation.
      for (label, _) in keywords where !allowed.contains(label) {
        throw .unsupported(
          "ConvBook does not support `\(path)` with `\(label)=` yet", at: site.range)
      }
      if positional.count > allowed.count {
        throw .unsupported(
          "ConvBook supports `\(path)` with at most \(allowed.count) positional arguments",
          at: site.range)
      }
    }

    func array(_ index: Int, _ name: String, budget: EvaluationBudget) throws(CellError) -> NDArray
    {
      guard let given = value(index, name) else {
        throw CellError(
          type: "TypeError",
          message: "\(function)() missing required argument '\(name)' (pos \(index + 1))",
          range: site.range)
      }
      return try ArrayOperations.array(from: given, dtype: nil, range: site.range, budget: budget)
    }

    /// A keyword argument's truth (`keepdims=True`); false when it is not given.
    func flag(_ name: String) -> Bool {
      keywords.first(where: { $0.0 == name })?.1.isTruthy ?? false
    }

    /// Refuses positional arguments beyond the first `count` when `name`, the next parameter
    /// ConvBook models, is keyword-only in NumPy (or follows parameters ConvBook does not model).
    func keywordOnly(_ name: String, after count: Int) throws(CellError) {
      guard positional.count > count else { return }
      throw .unsupported(
        "ConvBook supports `\(path)` with at most \(count) positional arguments (`\(name)=` by keyword)",
        at: site.range)
    }

    func integer(_ index: Int, _ name: String) throws(CellError) -> Int? {
      guard let given = value(index, name), !given.isNone else { return nil }
      switch NumPyScalar.integer(given) {
      case .int(let number): return number
      case .array(let array) where array.rank == 0 && array.dtype.isInteger:
        return Int(array.value(at: 0))
      case .bigInt:
        throw .unsupported(
          "ConvBook supports `\(path)` with `\(name)=` of 64 bits at most", at: site.range)
      default:
        throw CellError(
          type: "TypeError",
          message: "'\(given.typeName)' object cannot be interpreted as an integer",
          range: site.range)
      }
    }

    func shape(_ index: Int, _ name: String) throws(CellError) -> [Int] {
      var items: [Value]
      var single = false
      switch value(index, name) {
      case let given? where given.sequenceItems != nil: items = given.sequenceItems!
      // A TensorShape is a sequence of its sizes (`np.zeros(layer.kernel.shape)`).
      case .tensorShape(let dimensions)?: items = TensorShapeValue.items(dimensions)
      case let given?:
        items = [given]
        single = true
      case nil: items = []
      }
      var shape: [Int] = []
      for item in items {
        let integer = NumPyScalar.integer(item)
        if single, case .float = NumPyScalar.number(item) {
          // NumPy's `PyArray_IntpConverter` on one number that is no integer.
          throw CellError(
            type: "TypeError",
            message:
              "expected a sequence of integers or a single integer, got '\(PythonText.repr(item))'",
            range: site.range)
        }
        if case .bigInt = integer {
          // NumPy's `PyArray_IntpConverter`: a dimension beyond 64 bits.
          throw CellError(
            type: "ValueError", message: "Maximum allowed dimension exceeded", range: site.range)
        }
        guard case .int(let dimension) = integer else {
          throw CellError(
            type: "TypeError",
            message: "'\(item.typeName)' object cannot be interpreted as an integer",
            range: site.range)
        }
        shape.append(dimension)
      }
      return shape
    }
  }

  /// `np.NAME(...)`.
  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = Arguments(
      positional: positional, keywords: keywords, site: site, function: name,
      path: "numpy." + name)
    if dtypeNames.contains(name) {
      // `np.float32(0.5)`: a scalar of that dtype, as the Python number it behaves like.
      try arguments.check(allowed: ["value"])
      let array = try ArrayOperations.convert(
        try arguments.array(0, "value", budget: budget),
        to: NDArray.DType(name: name) ?? .float64, range: range)
      if array.rank == 0 { return .standard(NumPyScalar(array)) }
      return .array(array)
    }
    switch name {
    case "set_printoptions": return try setPrintOptions(arguments)
    case "array", "asarray":
      try arguments.check(allowed: ["object", "dtype"])
      let dtype = try arguments.value(1, "dtype").flatMap { value throws(CellError) in
        value.isNone ? nil : try ArrayOperations.dtype(value, range: range)
      }
      guard var given = arguments.value(0, "object") else {
        throw CellError(
          type: "TypeError", message: "array() missing required argument 'object' (pos 0)",
          range: range)
      }
      // An eager tensor gives its NumPy value: an ndarray, no longer a `tf.Tensor`.
      if case .array(let tensor) = given, tensor.tensorFlowDType != nil {
        given = .array(EagerTensors.numpyArray(tensor))
      }
      if dtype == nil, let strings = NumPyStringArray.make(from: given) {
        try budget.allocate(count: strings.items.count, size: 16, at: range)
        return .standard(NumPyStringArray(items: strings.items, shape: strings.shape))
      }
      return .array(
        try ArrayOperations.array(from: given, dtype: dtype, range: range, budget: budget))
    case "unique":
      try arguments.check(allowed: ["ar", "return_index", "return_inverse", "return_counts"])
      return try NumPyUnique.unique(
        try arguments.array(0, "ar", budget: budget),
        returnIndex: arguments.value(1, "return_index")?.isTruthy ?? false,
        returnInverse: arguments.value(2, "return_inverse")?.isTruthy ?? false,
        returnCounts: arguments.value(3, "return_counts")?.isTruthy ?? false, range: range,
        budget: budget)
    case "clip":
      try arguments.check(allowed: ["a", "a_min", "a_max"])
      return try NumPyClip.clip(
        try arguments.array(0, "a", budget: budget), lower: arguments.value(1, "a_min"),
        upper: arguments.value(2, "a_max"), range: range, budget: budget)
    case "log", "exp", "sqrt":
      try arguments.check(allowed: ["x"])
      let array = try arguments.array(0, "x", budget: budget)
      // NumPy computes in the input's float type (float64 for integers and bools).
      let dtype: NDArray.DType = array.dtype == .float32 ? .float32 : .float64
      try budget.allocate(count: array.count, size: dtype.storedSize, at: range)
      let result: NDArray
      if dtype == .float32 {
        let function: (Float) -> Float
        switch name {
        case "log": function = NumPyMath.logarithm
        case "exp": function = NumPyMath.exponential
        default: function = { $0.squareRoot() }
        }
        result = NDArray(dtype: dtype, shape: array.shape, scalars: array.scalars.map(function))
      } else {
        let function: (Double) -> Double =
          name == "log"
          ? { Foundation.log($0) } : name == "exp" ? { Foundation.exp($0) } : { $0.squareRoot() }
        result = NDArray(
          dtype: dtype, shape: array.shape,
          doubles: (0..<array.count).map { function(array.value(at: $0)) })
      }
      return result.rank == 0 ? ArrayOperations.element(result, at: 0) : .array(result)
    case "round", "around":
      try arguments.check(allowed: ["a", "decimals"])
      let array = try arguments.array(0, "a", budget: budget)
      let decimals = try arguments.integer(1, "decimals") ?? 0
      let rounded = try NumPyFunctions.round(
        array, decimals: decimals, range: range, budget: budget)
      // A number rounds to a NumPy scalar (`np.round(2.5)` is `np.float64(2.0)`).
      return rounded.rank == 0 ? ArrayOperations.element(rounded, at: 0) : .array(rounded)
    case "expand_dims":
      try arguments.check(allowed: ["a", "axis"])
      let array = try arguments.array(0, "a", budget: budget)
      try ArrayOperations.checkAxesFitCInt(arguments.value(1, "axis"), .normalized, range: range)
      guard let axis = try arguments.integer(1, "axis") else {
        throw CellError(
          type: "TypeError", message: "expand_dims() missing required argument 'axis' (pos 1)",
          range: range)
      }
      return .array(try ArrayOperations.expandDims(array, axis: axis, range: range))
    case "argmax", "argmin", "mean", "sum", "max", "min", "amax", "amin":
      // `keepdims` is keyword-only in NumPy (argmax's third positional parameter is `out`).
      try arguments.check(allowed: ["a", "axis", "keepdims"])
      try arguments.keywordOnly("keepdims", after: 2)
      let array = try arguments.array(0, "a", budget: budget)
      let reduction = ArrayOperations.Reduction(
        rawValue: name == "amax" ? "max" : name == "amin" ? "min" : name)!
      try ArrayOperations.checkAxesFitCInt(
        arguments.value(1, "axis"), rank: array.rank, name == "mean" ? .normalized : .cFunction,
        range: range)
      return try ArrayOperations.reduce(
        reduction, array, axes: try ArrayOperations.axes(arguments.value(1, "axis"), range: range),
        keepDims: arguments.flag("keepdims"), range: range, budget: budget)
    case "std", "var":
      try arguments.check(allowed: ["a", "axis", "ddof", "keepdims"])
      try arguments.keywordOnly("keepdims", after: 2)
      return try ArrayOperations.spread(
        name, try arguments.array(0, "a", budget: budget), axis: arguments.value(1, "axis"),
        ddof: arguments.value(Int.max, "ddof"), keepDims: arguments.flag("keepdims"),
        range: range, budget: budget)
    case "roll":
      try arguments.check(allowed: ["a", "shift", "axis"])
      let array = try arguments.array(0, "a", budget: budget)
      guard let shift = try arguments.integer(1, "shift") else {
        throw CellError(
          type: "TypeError", message: "roll() missing required argument 'shift' (pos 1)",
          range: range)
      }
      try ArrayOperations.checkAxesFitCInt(arguments.value(2, "axis"), .normalized, range: range)
      guard let axis = try arguments.integer(2, "axis") else {
        throw .unsupported(
          "ConvBook's np.roll needs an axis (np.roll without one flattens the array first)",
          at: range)
      }
      try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
      return .array(try ArrayOperations.roll(array, shift: shift, axis: axis, range: range))
    case "concatenate":
      try arguments.check(allowed: ["arrays", "axis"])
      guard case let items?? = arguments.value(0, "arrays").map({ $0.sequenceItems }) else {
        throw CellError(
          type: "TypeError", message: "concatenate() needs a list or tuple of arrays",
          range: range)
      }
      var arrays: [NDArray] = []
      for item in items {
        arrays.append(
          try ArrayOperations.array(from: item, dtype: nil, range: range, budget: budget))
      }
      try ArrayOperations.checkAxesFitCInt(arguments.value(1, "axis"), .cFunction, range: range)
      let result = try ArrayOperations.concatenate(
        arrays, axis: try arguments.integer(1, "axis") ?? 0, range: range)
      try budget.allocate(count: result.count, size: result.dtype.storedSize, at: range)
      return .array(result)
    case "append":
      // `np.append(arr, values, axis=None)`: without an axis both are flattened and joined;
      // with one, it is `np.concatenate((arr, values), axis=axis)`.
      try arguments.check(allowed: ["arr", "values", "axis"])
      var array = try arguments.array(0, "arr", budget: budget)
      guard let given = arguments.value(1, "values") else {
        throw CellError(
          type: "TypeError",
          message: "append() missing 1 required positional argument: 'values'", range: range)
      }
      var values = try ArrayOperations.array(from: given, dtype: nil, range: range, budget: budget)
      var axis = 0
      if let requested = arguments.value(2, "axis"), !requested.isNone {
        try ArrayOperations.checkAxesFitCInt(requested, .cFunction, range: range)
        axis = try arguments.integer(2, "axis") ?? 0
      } else {
        array.shape = [array.count]
        values.shape = [values.count]
      }
      let result = try ArrayOperations.concatenate([array, values], axis: axis, range: range)
      try budget.allocate(count: result.count, size: result.dtype.storedSize, at: range)
      return .array(result)
    case "zeros", "ones", "empty":
      try arguments.check(allowed: ["shape", "dtype"])
      let shape = try arguments.shape(0, "shape")
      let requested = try arguments.value(1, "dtype").map { value throws(CellError) in
        try ArrayOperations.dtype(value, range: range)
      }
      let dtype = requested ?? .float64
      let count = try ArrayOperations.elementCount(shape, dtype: dtype, range: range)
      try budget.allocate(count: count, size: dtype.storedSize, at: range)
      let value: Double = name == "ones" ? 1 : 0
      var array =
        dtype.storesDoubles
        ? NDArray(dtype: dtype, shape: shape, doubles: [Double](repeating: value, count: count))
        : NDArray(
          dtype: dtype, shape: shape, scalars: [Float](repeating: Float(value), count: count))
      if name == "empty" && count > 0 {
        // NumPy leaves a new array's values as its memory held them: until every position is
        // written, the array is refused wherever its values would show (`NDArray.unwritten`).
        array.unwritten = UnwrittenElements(count: count)
        array.derivesFromOwnDraw = true
        array.holdsOwnRandomValues = true
      }
      return .array(array)
    case "arange":
      try arguments.check(allowed: ["start", "stop", "step", "dtype"])
      let values = try Self.arange(arguments, budget: budget, range: range)
      guard let given = arguments.value(3, "dtype"), !given.isNone else { return .array(values) }
      // NumPy computes `start + i * step` in the requested dtype; for the whole numbers and
      // float64 values ConvBook holds, converting the result gives the same elements.
      let dtype = try ArrayOperations.dtype(given, range: range)
      try budget.allocate(count: values.count, size: dtype.storedSize, at: range)
      return .array(try ArrayOperations.convert(values, to: dtype, range: range))
    case "full":
      try arguments.check(allowed: ["shape", "fill_value", "dtype"])
      let shape = try arguments.shape(0, "shape")
      guard let fill = arguments.value(1, "fill_value") else {
        throw CellError(
          type: "TypeError", message: "full() missing required argument 'fill_value' (pos 2)",
          range: range)
      }
      let filler = try ArrayOperations.array(from: fill, dtype: nil, range: range, budget: budget)
      guard filler.rank == 0 else {
        throw .unsupported(
          "ConvBook supports `numpy.full` with a single fill value only", at: range)
      }
      // NumPy's dtype for `np.full` is the fill value's own: int64 for an int, float64 for a float.
      let dtype =
        try arguments.value(2, "dtype").map { value throws(CellError) in
          try ArrayOperations.dtype(value, range: range)
        } ?? filler.dtype
      let count = try ArrayOperations.elementCount(shape, dtype: dtype, range: range)
      try budget.allocate(count: count, size: dtype.storedSize, at: range)
      let filled = NDArray(
        dtype: filler.dtype, shape: shape,
        doubles: [Double](repeating: filler.value(at: 0), count: count))
      return .array(try ArrayOperations.convert(filled, to: dtype, range: range))
    case "reshape":
      try arguments.check(allowed: ["a", "newshape"])
      let array = try arguments.array(0, "a", budget: budget)
      return .array(
        try ArrayOperations.reshape(array, try arguments.shape(1, "newshape"), range: range))
    case "squeeze":
      try arguments.check(allowed: ["a"])
      var array = try arguments.array(0, "a", budget: budget)
      array.shape = array.shape.filter { $0 != 1 }
      return .array(array)
    case "ravel", "all", "any":
      // `np.ravel(a)`, `np.all(a)`, `np.any(a)`: the array method of `a` made an array.
      try arguments.check(allowed: ["a"])
      let array = try arguments.array(0, "a", budget: budget)
      return try method(name, of: array, positional: [], keywords: [], site: site, budget: budget)
    case "place":
      // An array a name, attribute or item holds changes in place (`Interpreter.placeInPlace`).
      try arguments.check(allowed: ["arr", "mask", "vals"])
      if let given = arguments.value(0, "arr") {
        guard case .array = given else {
          throw CellError(
            type: "TypeError",
            message: "place() argument 1 must be numpy.ndarray, not \(given.typeName)",
            range: range)
        }
      }
      throw .unsupported(
        "ConvBook supports `numpy.place` of three positional arguments into an array that a name, attribute or item holds only",
        at: range)
    case "convolve":
      return try NumPyConvolve.convolve(arguments, budget: budget)
    default:
      if NumPyMath.names.contains(name) {
        return try NumPyMath.call(name, arguments, budget: budget)
      }
      if NumPySplit.names.contains(name) {
        return try NumPySplit.call(name, arguments, budget: budget)
      }
      return try NumPyArrayFunctions.call(name, arguments, budget: budget)
    }
  }

  /// `np.arange([start,] stop[, step])`: int64 for integer arguments, float64 when any is a float
  /// (values `start + i * step`, as NumPy fills them); the count is ceil((stop - start) / step).
  private static func arange(_ arguments: Arguments, budget: EvaluationBudget, range: SourceRange)
    throws(CellError) -> NDArray
  {
    func number(_ index: Int, _ name: String) throws(CellError) -> Double? {
      guard let given = arguments.value(index, name), !given.isNone else { return nil }
      switch NumPyScalar.number(given) {
      case .int(let value): return Double(value)
      case .bool(let value): return value ? 1 : 0
      case .float(let value): return value
      case .array(let array) where array.rank == 0: return array.value(at: 0)
      default:
        throw CellError(
          type: "TypeError",
          message: "unsupported operand type(s) for -: '\(given.typeName)' and 'int'", range: range)
      }
    }
    let isFloat = [(0, "start"), (1, "stop"), (2, "step")].contains { index, name in
      if case .float = arguments.value(index, name) { return true }
      if case .array(let array) = arguments.value(index, name) { return !array.dtype.isInteger }
      if case .standard(let scalar as NumPyScalar) = arguments.value(index, name) {
        return scalar.dtype.isFloat
      }
      return false
    }
    var first = try number(0, "start") ?? 0
    let stop: Double
    if let end = try number(1, "stop") {
      stop = end
    } else {
      stop = first
      first = 0
    }
    let step = try number(2, "step") ?? 1
    guard step != 0 else {
      throw CellError(type: "ZeroDivisionError", message: "division by zero", range: range)
    }
    let span = ((stop - first) / step).rounded(.up)
    // NumPy's `_arange_safe_ceil_to_intp`, then the array's byte size; a size that fits goes to
    // the memory budget.
    guard !span.isNaN else {
      throw CellError(type: "ValueError", message: "arange: cannot compute length", range: range)
    }
    guard span.magnitude < 0x1p63 else {
      throw CellError(type: "ValueError", message: "Maximum allowed size exceeded", range: range)
    }
    let count = max(0, Int(span))
    guard count <= Int.max / 8 else {
      throw CellError(
        type: "ValueError",
        message:
          "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
        range: range)
    }
    try budget.allocate(count: count, size: 8, at: range)
    if !isFloat, count > 0 {
      for end in [first, first + Double(count - 1) * step]
      where abs(end) > NumPyIntegers.exactLimit {
        throw .unsupported(
          "ConvBook arrays hold integers up to 2**53 exactly; \(String(format: "%.0f", end)) is larger",
          at: range)
      }
    }
    return NDArray(
      dtype: isFloat ? .float64 : .int64, shape: [count],
      doubles: NumPyKernel.arange(first, step: step, count: count))
  }

  /// `x.astype(...)`, `x.reshape(...)`, `x.mean()`, ...
  static func method(
    _ name: String, of array: NDArray, positional: [Value], keywords: [(String, Value)],
    site: CallSite, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = Arguments(
      positional: positional, keywords: keywords, site: site, function: name,
      path: "ndarray." + name)
    switch name {
    case "astype":
      try arguments.check(allowed: ["dtype"])
      guard let given = arguments.value(0, "dtype") else {
        throw CellError(
          type: "TypeError", message: "astype() missing required argument 'dtype' (pos 1)",
          range: range)
      }
      let dtype = try ArrayOperations.dtype(given, range: range)
      try budget.allocate(count: array.count, size: dtype.storedSize, at: range)
      let converted = try ArrayOperations.convert(array, to: dtype, range: range)
      return .array(converted)
    case "reshape":
      var shape: [Int] = []
      let items: [Value]
      if positional.count == 1, let inner = positional[0].sequenceItems {
        items = inner
      } else {
        items = positional
      }
      for item in items {
        guard case .int(let dimension) = NumPyScalar.integer(item) else {
          throw CellError(
            type: "TypeError",
            message: "'\(item.typeName)' object cannot be interpreted as an integer", range: range)
        }
        shape.append(dimension)
      }
      return .array(try ArrayOperations.reshape(array, shape, range: range))
    case "mean", "sum", "max", "min", "argmax", "argmin":
      try arguments.check(allowed: ["axis", "keepdims"])
      try arguments.keywordOnly("keepdims", after: 1)
      try ArrayOperations.checkAxesFitCInt(
        arguments.value(0, "axis"), rank: array.rank, name == "mean" ? .normalized : .cFunction,
        range: range)
      return try ArrayOperations.reduce(
        ArrayOperations.Reduction(rawValue: name)!, array,
        axes: try ArrayOperations.axes(arguments.value(0, "axis"), range: range),
        keepDims: arguments.flag("keepdims"), range: range, budget: budget)
    case "std", "var":
      try arguments.check(allowed: ["axis", "ddof", "keepdims"])
      try arguments.keywordOnly("keepdims", after: 1)
      return try ArrayOperations.spread(
        name, array, axis: arguments.value(0, "axis"), ddof: arguments.value(1, "ddof"),
        keepDims: arguments.flag("keepdims"),
        range: range, budget: budget)
    case "round":
      try arguments.check(allowed: ["decimals"])
      let decimals = try arguments.integer(0, "decimals") ?? 0
      return .array(
        try NumPyFunctions.round(array, decimals: decimals, range: range, budget: budget))
    case "copy":
      try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
      return .array(array.detached)
    case "transpose":
      var axes: [Int]?
      if positional.count == 1, positional[0].sequenceItems != nil || positional[0].isNone {
        axes = positional[0].isNone ? nil : try arguments.shape(0, "axes")
      } else if !positional.isEmpty {
        axes = []
        for item in positional {
          guard case .int(let axis) = NumPyScalar.integer(item) else {
            throw CellError(
              type: "TypeError",
              message: "'\(item.typeName)' object cannot be interpreted as an integer",
              range: range)
          }
          axes?.append(axis)
        }
      }
      try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
      return .array(try NumPyArrayFunctions.transpose(array, axes: axes, range: range))
    case "argsort", "cumsum":
      return try NumPyArrayFunctions.call(
        name,
        Arguments(
          positional: [.array(array)] + positional, keywords: keywords, site: site,
          function: name, path: "ndarray." + name), budget: budget)
    case "ravel":
      try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
      var flat = array.detached
      flat.shape = [array.count]
      return .array(flat)
    case "any", "all":
      try arguments.check(allowed: [])
      let any = name == "any"
      let found = (0..<array.count).contains { (array.value(at: $0) != 0) == any }
      return ArrayOperations.element(
        NDArray(dtype: .bool, shape: [], scalars: [found == any ? 1 : 0]), at: 0)
    case "prod":
      try arguments.check(allowed: [])
      return try NumPyScalars.product(array, range: range)
    case "flatten":
      try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
      var flat = array.detached
      flat.shape = [array.count]
      return .array(flat)
    case "squeeze":
      var squeezed = array
      squeezed.shape = array.shape.filter { $0 != 1 }
      return .array(squeezed)
    case "item":
      guard array.count == 1 else {
        throw CellError(
          type: "ValueError", message: "can only convert an array of size 1 to a Python scalar",
          range: range)
      }
      return ArrayOperations.scalar(array, at: 0)
    case "tolist":
      try budget.allocate(slots: array.count, at: range)
      return rows(array, asList: true)
    case "dot":
      try arguments.check(allowed: ["b"])
      let other = try arguments.array(0, "b", budget: budget)
      let product = try NumPyArrayFunctions.matmul(array, other, name: "dot", range: range)
      try budget.allocate(count: product.count, size: product.dtype.storedSize, at: range)
      return product.rank == 0 ? ArrayOperations.element(product, at: 0) : .array(product)
    case "clip":
      try arguments.check(allowed: ["min", "max"])
      return try NumPyClip.clip(
        array, lower: arguments.value(0, "min"), upper: arguments.value(1, "max"), range: range,
        budget: budget)
    default:
      throw CellError(
        type: "AttributeError", message: "'numpy.ndarray' object has no attribute '\(name)'",
        range: site.calleeRange)
    }
  }

  /// The items of iterating an array (rows, or numbers for a vector); `tolist()` nests lists.
  static func rows(_ array: NDArray, asList: Bool = false) -> Value {
    guard array.rank > 0 else {
      return asList ? ArrayOperations.scalar(array, at: 0) : ArrayOperations.element(array, at: 0)
    }
    if array.rank == 1 {
      return .list(
        (0..<array.count).map {
          asList ? ArrayOperations.scalar(array, at: $0) : ArrayOperations.element(array, at: $0)
        })
    }
    let size = array.count / max(1, array.shape[0])
    return .list(
      (0..<array.shape[0]).map { row in
        var inner = NDArray(
          dtype: array.dtype, shape: Array(array.shape.dropFirst()),
          storage: NumPyKernel.rows(array.storage, [row], rowSize: size))
        // A row of values ConvBook does not hold exactly (`OwnDraws`) is no more Keras' than
        // its array: iterating and unpacking (`for row in kernel`, `a, b = w`) keep the marks.
        inner.holdsOwnRandomValues = array.holdsOwnRandomValues
        inner.derivesFromOwnDraw = array.derivesFromOwnDraw
        return asList ? rows(inner, asList: true) : .array(inner)
      })
  }

  /// `keras.utils.to_categorical(y, num_classes=None)`: tf-keras' `dtype="float32"`; Keras 3
  /// has no `dtype` and gives NumPy input back as float64 (`np.eye`'s rows), a tensor as float32.
  static func toCategorical(
    positional: [Value], keywords: [(String, Value)], site: CallSite, version: KerasVersion,
    budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let keras3 = version == .keras3
    let arguments = Arguments(
      positional: positional, keywords: keywords, site: site, function: "to_categorical",
      path: "keras.utils.to_categorical")
    try arguments.check(allowed: keras3 ? ["x", "num_classes"] : ["y", "num_classes", "dtype"])
    let labels = try arguments.array(0, keras3 ? "x" : "y", budget: budget)
    let classes = try arguments.integer(1, "num_classes")
    if !keras3, let dtype = arguments.value(2, "dtype"), !dtype.isNone,
      PythonText.str(dtype) != "float32"
    {
      throw .unsupported(
        "ConvBook's to_categorical makes float32 arrays only", at: site.range)
    }
    let dtype: NDArray.DType = keras3 && labels.tensorFlowDType == nil ? .float64 : .float32
    // Keras 3 one-hot encodes a tensor with `ops.one_hot`, whose rows for a negative index are
    // zeros, where NumPy's indexing counts from the end.
    if keras3, labels.tensorFlowDType != nil,
      (0..<labels.count).contains(where: { labels.storage.double(at: $0) < 0 })
    {
      throw .unsupported(
        "ConvBook does not support Keras 3's to_categorical of a tensor with negative indices yet",
        at: site.range)
    }
    var result = try ArrayOperations.toCategorical(
      labels, classes: classes, dtype: dtype, range: site.range, budget: budget)
    if keras3 && labels.tensorFlowDType != nil { result.tensorFlowDType = "float32" }
    return .array(result)
  }

  /// `np.round(x, decimals)`: NumPy multiplies by 10**decimals in the array's dtype, rounds half
  /// to even and divides back (so `np.round(x, 2)` of float32 prints two decimals); integer arrays
  /// with decimals >= 0 are unchanged.
  static func round(
    _ array: NDArray, decimals: Int, range: SourceRange, budget: EvaluationBudget
  ) throws(CellError) -> NDArray {
    guard (-30...30).contains(decimals) else {
      throw .unsupported(
        "ConvBook rounds to between -30 and 30 decimals, not \(decimals)", at: range)
    }
    try budget.allocate(count: array.count, size: array.dtype.storedSize, at: range)
    guard array.dtype.isFloat || decimals < 0 else { return array }
    let rounded = NumPyKernel.rounded(
      array.storage, decimals: decimals, in: array.dtype == .float32 ? .float32 : .float64)
    try ArrayOperations.checkRange(array.dtype, rounded, range: range)
    return NDArray(dtype: array.dtype, shape: array.shape, storage: rounded)
  }
}

extension Value {
  public var isNone: Bool { if case .none = self { return true } else { return false } }
}
