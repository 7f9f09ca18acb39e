import CNNEngine
import Foundation

/// The NumPy that model code computes sizes and seeds with: `np.prod`, `np.sqrt`, `np.floor`,
/// `np.ceil`, `np.log2`, `np.pi`, `np.e`, `np.random.seed`; and TensorFlow's `tf.random.set_seed`.
/// Numbers come back as Python's (NumPy's scalars print the same); NumPy's silent int64 wrap-around
/// is refused instead, as every size computation in ConvBook is exact. The seeds seed ConvBook's own
/// weight initialisation (`KerasSession.randomSeed`), so traces follow them.
enum NumPyScalars {
  static let functionNames: Set<String> = ["prod", "sqrt", "floor", "ceil", "log2"]

  /// `np.NAME` (`module` is `numpy`) or `np.random.NAME` (`numpy.random`).
  static func attribute(_ name: String, module: String) -> Value? {
    switch (module, name) {
    case ("numpy", "pi"): return .float(Double.pi)
    case ("numpy", "e"): return .float(M_E)
    case ("numpy", "inf"): return .float(.infinity)
    case ("numpy", "nan"): return .float(.nan)
    case ("numpy", "random"): return .module(.inert("numpy.random"))
    case ("numpy.random", let function) where NumPyRandom.functionNames.contains(function):
      let path = module + "." + function
      return .function(Callable(.builtin("nprandom " + function), path: path))
    case ("numpy", let function) where functionNames.contains(function),
      ("numpy.random", let function) where function == "seed",
      ("tensorflow.random", let function) where function == "set_seed":
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
    let argument = positional[0]
    switch path {
    case "numpy.random.seed", "tensorflow.random.set_seed", "keras.utils.set_random_seed":
      // `keras.utils.set_random_seed` seeds NumPy too, so NumPy's 32-bit range applies.
      guard case .int(let seed) = argument, seed >= 0,
        seed <= (path == "tensorflow.random.set_seed" ? Int.max : 0xFFFF_FFFF)
      else {
        if case .int = argument {
          throw CellError(
            type: "ValueError", message: "Seed must be between 0 and 2**32 - 1", range: range)
        }
        throw .unsupported("ConvBook supports \(path)() with an integer seed", at: range)
      }
      // One seed for everything a script draws: initial weights (traces, forward passes) and
      // training's weights, shuffling and dropout.
      interpreter.session.randomSeed = UInt64(seed)
      interpreter.session.training.seed = UInt64(seed)
      if path != "tensorflow.random.set_seed" {
        interpreter.session.numpyRandom = NumPyRandomState(seed: UInt32(seed))
      }
      return .none
    case "numpy.prod":
      var product = Value.int(1)
      var sawFloat = false
      try interpreter.forEach(argument, range: range) { item throws(CellError) in
        try interpreter.step(at: range)
        switch item {
        case .int, .bool: break
        case .float: sawFloat = true
        default:
          throw .unsupported(
            "ConvBook's np.prod() multiplies numbers (a shape), not \(item.typeName) items",
            at: range)
        }
        product = try Operators.binary(
          .multiply, product, item, range: range, budget: interpreter.budget)
        return true
      }
      if case .bigInt = product {
        throw .unsupported(
          "np.prod() overflows 64-bit integers here, where NumPy would wrap around; ConvBook keeps sizes exact",
          at: range)
      }
      if sawFloat, case .int(let whole) = product { return .float(Double(whole)) }
      return product
    default:
      // sqrt, floor, ceil, log2: NumPy returns a float for every real argument, nan or inf where
      // `math` raises.
      guard let number = Operators.Number(argument) else {
        throw .unsupported(
          "ConvBook's \(path)() takes a number, not a \(argument.typeName)", at: range)
      }
      let x = try number.double(range)
      switch function {
      case "sqrt": return .float(x < 0 ? .nan : x.squareRoot())
      case "floor": return .float(x.rounded(.down))
      case "ceil": return .float(x.rounded(.up))
      default: return .float(x < 0 ? .nan : Foundation.log2(x))
      }
    }
  }
}
