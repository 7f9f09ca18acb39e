import CNNEngine
import Foundation

/// The NumPy that model code computes sizes and seeds with: `np.prod`, `np.sqrt`, `np.floor`,
/// `np.ceil`, `np.log2`, `np.pi`, `np.e`, `np.random.seed`; and TensorFlow's `tf.random.set_seed`
/// (and its TensorFlow 1 name, `tf.compat.v1.set_random_seed`).
/// Results are NumPy scalars (`np.int64`, `np.float64`), as NumPy returns them. The seeds seed ConvBook's own
/// weight initialisation (`KerasSession.randomSeed`), so traces follow them.
enum NumPyScalars {
  static let functionNames: Set<String> = ["prod", "sqrt", "floor", "ceil", "log2"]
  /// TensorFlow 1's name of `tf.random.set_seed`.
  static let tensorflowV1SeedPaths: Set<String> = [
    "tensorflow.compat.v1.set_random_seed", "tensorflow.compat.v1.random.set_random_seed",
  ]

  /// `np.NAME` (`module` is `numpy`) or `np.random.NAME` (`numpy.random`).
  static func attribute(_ name: String, module: String) -> Value? {
    switch (module, name) {
    case ("numpy", "pi"): return .float(Double.pi)
    case ("numpy", "e"): return .float(M_E)
    case ("numpy", "inf"): return .float(.infinity)
    case ("numpy", "nan"): return .float(.nan)
    case ("numpy", "True_"), ("numpy", "False_"):
      return .standard(
        NumPyScalar(NDArray(dtype: .bool, shape: [], scalars: [name == "True_" ? 1 : 0])))
    case ("numpy", "random"): return .module(.inert("numpy.random"))
    case ("numpy", "testing"): return .module(.inert("numpy.testing"))
    case ("numpy", "errstate"): return ContextManagers.attribute(name, module: module)
    case ("numpy.testing", let function): return NumPyTesting.attribute(function)
    case ("numpy.random", "default_rng"), ("numpy.random", "RandomState"):
      return .function(Callable(.builtin("nprandom " + name), path: "numpy.random." + name))
    case ("numpy.random", let function)
    where NumPyRandom.functionNames.contains(function)
      || NumPyRandomIntegers.functionNames.contains(function):
      let path = module + "." + function
      return .function(Callable(.builtin("nprandom " + function), path: path))
    case ("numpy", let function) where functionNames.contains(function),
      ("numpy.random", let function) where function == "seed",
      ("tensorflow.random", let function) where function == "set_seed",
      ("tensorflow.compat.v1", let function) where function == "set_random_seed",
      ("tensorflow.compat.v1.random", let function) where function == "set_random_seed":
      let path = module + "." + function
      return .function(Callable(.builtin("scalar " + path), path: path))
    default: return nil
    }
  }

  static func call(
    _ path: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let function = String(path.split(separator: ".").last ?? "")
    guard positional.count == 1, keywords.isEmpty else {
      throw .unsupported(
        "ConvBook supports \(path)() with one argument only (the model code form)", at: range)
    }
    var argument = positional[0]
    // `tf.compat.v1.set_random_seed` sets the same global seed in eager TensorFlow 2
    // (`random_seed.set_seed` calls it).
    let path = tensorflowV1SeedPaths.contains(path) ? "tensorflow.random.set_seed" : path
    if path == "tensorflow.random.set_seed", case .float(let seed) = argument,
      seed.rounded() == seed, seed >= 0, seed < 2_147_483_647
    {
      // TensorFlow keeps a float seed as given: a whole one seeds as that integer does (its
      // generator of operation seeds is `random.Random(1.0)`, which hashes to 1, and the ops'
      // seeds are `seed % (2**31 - 1)`).
      argument = .int(Int(seed))
    }
    switch path {
    case "numpy.random.seed", "tensorflow.random.set_seed", "keras.utils.set_random_seed":
      // `keras.utils.set_random_seed` seeds NumPy too, so NumPy's 32-bit range applies.
      guard case .int(let seed) = argument, seed >= 0,
        seed <= (path == "tensorflow.random.set_seed" ? Int.max : 0xFFFF_FFFF)
      else {
        if case .int(let seed) = argument {
          // TensorFlow takes any int64 seed; ConvBook's streams start from seeds of 0 or more.
          guard path != "tensorflow.random.set_seed" else {
            throw .unsupported(
              "ConvBook supports tensorflow.random.set_seed() with a seed of 0 or more, not \(seed)",
              at: range)
          }
          throw CellError(
            type: "ValueError", message: "Seed must be between 0 and 2**32 - 1", range: range)
        }
        throw .unsupported("ConvBook supports \(path)() with an integer seed", at: range)
      }
      // One seed for everything a script draws: initial weights (traces, forward passes) and
      // training's weights, shuffling and dropout.
      interpreter.session.randomSeed = UInt64(seed)
      interpreter.session.training.seed = UInt64(seed)
      if path != "numpy.random.seed" { interpreter.session.tensorflowGlobalSeed = UInt64(seed) }
      if path != "tensorflow.random.set_seed" {
        interpreter.session.numpyRandom = NumPyRandomState(seed: UInt32(seed))
      }
      if path != "numpy.random.seed" { interpreter.session.eagerRandom.setGlobalSeed(seed) }
      if path == "keras.utils.set_random_seed" {
        // Keras seeds Python's `random` too (`random.seed(seed)`): the order in which `fit`
        // shuffles a Sequence's batches.
        let arguments = StandardArguments(
          function: "seed", positional: [argument], keywords: [], site: site,
          interpreter: interpreter)
        try interpreter.session.pythonRandom.seed(argument, arguments)
        if interpreter.kerasVersion == .keras2 {
          let generator = PythonRandom()
          try generator.seed(argument, arguments)
          interpreter.session.kerasSeedGenerator = generator
        }
        interpreter.session.tensorflowSeedsLost = false
      }
      return .none
    case "numpy.prod":
      let array = try ArrayOperations.array(
        from: argument, dtype: nil, range: range, budget: interpreter.budget)
      try interpreter.step(at: range)
      return try product(array, range: range)
    default:
      // sqrt, floor, ceil, log2: NumPy returns a float for every real argument, nan or inf where
      // `math` raises.
      guard let number = Operators.Number(argument) else {
        throw .unsupported(
          "ConvBook's \(path)() takes a number, not a \(argument.typeName)", at: range)
      }
      let x = try number.double(range)
      let y: Double
      switch function {
      case "sqrt": y = x < 0 ? .nan : x.squareRoot()
      case "floor": y = x.rounded(.down)
      case "ceil": y = x.rounded(.up)
      default: y = x < 0 ? .nan : Foundation.log2(x)
      }
      // NumPy's result is an np.float64 (np.float32 for a float32 scalar argument).
      if case .standard(let scalar as NumPyScalar) = argument, scalar.dtype == .float32 {
        return .standard(
          NumPyScalar(NDArray(dtype: .float32, shape: [], scalars: [Float(y)])))
      }
      return .standard(NumPyScalar(NDArray(dtype: .float64, shape: [], doubles: [y])))
    }
  }

  /// `np.prod(a)` / `a.prod()`: NumPy multiplies in the array's dtype: int64 for bools and
  /// integers (wrapping silently at 2**64, done here with wrapping arithmetic), float32 or
  /// float64.
  static func product(_ array: NDArray, range: SourceRange) throws(CellError) -> Value {
    let result: NDArray
    switch array.dtype {
    case .float32:
      var product: Float = 1
      for offset in 0..<array.count { product *= Float(array.value(at: offset)) }
      result = NDArray(dtype: .float32, shape: [], scalars: [product])
    case .float64:
      var product = 1.0
      for offset in 0..<array.count { product *= array.value(at: offset) }
      result = NDArray(dtype: .float64, shape: [], doubles: [product])
    default:
      var product: Int64 = 1
      for offset in 0..<array.count { product = product &* Int64(array.value(at: offset)) }
      guard Double(product.magnitude) <= NumPyIntegers.exactLimit else {
        throw .unsupported(
          "np.prod() is \(product) here (after NumPy's int64 wrap-around); ConvBook's int64 values are exact up to 2**53 only",
          at: range)
      }
      result = NDArray(dtype: .int64, shape: [], doubles: [Double(product)])
    }
    return .standard(NumPyScalar(result))
  }
}
