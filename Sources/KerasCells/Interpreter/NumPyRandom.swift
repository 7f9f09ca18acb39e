import CNNEngine
import Foundation

/// NumPy's legacy global generator (`np.random.seed`, `np.random.rand`, ...): the Mersenne Twister
/// MT19937 seeded as `RandomState.seed(n)` seeds it, doubles as its `random_sample` makes them (53
/// bits from two draws) and normal deviates by its polar method with one cached deviate, so a
/// seeded script draws NumPy's own numbers. Before any `np.random.seed` NumPy seeds from the
/// machine; ConvBook then uses the fixed seed 0 so that its output is the same on every run.
struct NumPyRandomState {
  private var generator: MersenneTwister
  private var cachedGauss: Double?
  /// False for the generator NumPy seeds from the machine: its draws are ConvBook's own
  /// (`OwnDraws`), different in every run of NumPy.
  private(set) var seeded: Bool
  /// How many times it was drawn from (a Python generator Keras read ahead drew for batches it
  /// never used: `GeneratorFeed`).
  private(set) var draws = 0

  init(seed: UInt32, seeded: Bool = true) {
    generator = MersenneTwister(seed: seed)
    self.seeded = seeded
  }

  /// Its state is no longer known (draws made a number of times that changes from run to run):
  /// what it draws from here on is ConvBook's own.
  mutating func forgetSeed() { seeded = false }

  /// `random_sample()`: a double in [0, 1).
  mutating func uniform() -> Double {
    draws += 1
    return generator.nextDouble()
  }

  /// A value in 0...range, by NumPy's masked rejection (`randint`, `shuffle`).
  mutating func bounded(_ range: UInt64) -> UInt64 {
    draws += 1
    return generator.bounded(range)
  }

  /// `count` values `low + bounded(span)` as doubles (`randint` with a size).
  mutating func boundedIntegers(count: Int, low: Int, span: UInt64) -> [Double] {
    draws += 1
    return generator.boundedIntegers(count: count, low: low, span: span)
  }

  /// `standard_normal()`: the polar method, keeping its second deviate for the next call.
  mutating func gauss() -> Double {
    draws += 1
    return generator.gauss(cached: &cachedGauss)
  }

  /// `count` draws of `low + width * uniform()`.
  mutating func uniforms(count: Int, low: Double, width: Double) -> [Double] {
    draws += 1
    return generator.uniforms(count: count, low: low, width: width)
  }

  /// `count` draws of `loc + scale * gauss()`.
  mutating func gaussians(count: Int, loc: Double, scale: Double) -> [Double] {
    draws += 1
    return generator.gaussians(count: count, loc: loc, scale: scale, cached: &cachedGauss)
  }
}

/// `np.random.rand`, `randn`, `random` / `random_sample`, `uniform`, `normal`, `standard_normal` on
/// the session's `NumPyRandomState`: float64 arrays (or a float for no size), as NumPy returns.
enum NumPyRandom {
  static let functionNames: Set<String> = [
    "rand", "randn", "random", "random_sample", "uniform", "normal", "standard_normal",
  ]

  static func call(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let result = try draw(
      name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    // Without a seed, NumPy draws other numbers on every run.
    guard !interpreter.session.numpyRandom.seeded, name != "default_rng", name != "RandomState"
    else { return result }
    if name == "shuffle", let list = positional.first ?? keywords.first?.1 {
      // In place: the list's items take the mark.
      _ = try OwnDraws.markDrawn(
        list, by: "np.random.shuffle()", range: site.range,
        training: interpreter.session.training)
      return result
    }
    return try OwnDraws.mark(
      result, refusingText: false, range: site.range, training: interpreter.session.training)
  }

  private static func draw(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    if name == "default_rng" { return try NumPyGenerator.make(positional, keywords, site: site) }
    if name == "RandomState" {
      return try NumPyRandomStateObject.make(positional, keywords, site: site)
    }
    if NumPyRandomIntegers.functionNames.contains(name) {
      return try NumPyRandomIntegers.call(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    }
    let range = site.range
    func number(_ value: Value) -> Double? {
      switch value {
      case .int(let n): return Double(n)
      case .float(let x): return x
      case .bool(let flag): return flag ? 1 : 0
      default: return nil
      }
    }
    // rand(d0, d1, ...) / randn(...): sizes as positional arguments.
    var shape: [Int]?
    var first = 0.0
    var second = 1.0
    var normal = false
    switch name {
    case "rand", "randn":
      guard keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: "\(name)() got an unexpected keyword argument '\(keywords[0].0)'",
          range: range)
      }
      normal = name == "randn"
      shape = positional.isEmpty ? nil : try sizes(.tuple(positional), name: name, range: range)
    default:
      let parameters: [String]
      switch name {
      case "uniform": parameters = ["low", "high", "size"]
      case "normal": parameters = ["loc", "scale", "size"]
      default: parameters = ["size"]
      }
      var bound: [String: Value] = [:]
      guard positional.count <= parameters.count else {
        throw .unsupported(
          "ConvBook supports np.random.\(name)() with the arguments \(parameters.joined(separator: ", ")) only",
          at: range)
      }
      for (index, value) in positional.enumerated() { bound[parameters[index]] = value }
      for (label, value) in keywords {
        guard parameters.contains(label) else {
          throw .unsupported(
            "ConvBook supports np.random.\(name)() with the arguments \(parameters.joined(separator: ", ")) only",
            at: range)
        }
        bound[label] = value
      }
      if let size = bound["size"] {
        if case .none = size {} else { shape = try sizes(size, name: name, range: range) }
      }
      normal = name == "normal" || name == "standard_normal"
      if name == "uniform" || name == "normal" {
        for (key, target) in [(parameters[0], 0), (parameters[1], 1)] {
          guard let value = bound[key] else { continue }
          guard let given = number(value) else {
            throw .unsupported(
              "ConvBook supports np.random.\(name)() with numbers for \(key), not \(value.typeName)",
              at: range)
          }
          if target == 0 { first = given } else { second = given }
        }
      }
    }
    let count = try shape.map { dims throws(CellError) -> Int in
      var product = 1
      for size in dims {
        let (next, overflow) = product.multipliedReportingOverflow(by: size)
        guard !overflow, next <= 1 << 26 else {
          throw .unsupported("ConvBook draws at most 2^26 random numbers at once", at: range)
        }
        product = next
      }
      return product
    }
    try interpreter.budget.allocate(count: count ?? 1, size: 8, at: range)
    var state = interpreter.session.numpyRandom
    func draw() -> Double {
      if normal { return first + second * state.gauss() }
      // `uniform(low, high)`: low + (high - low) * random_sample().
      return first + (second - first) * state.uniform()
    }
    let result: Value
    if let shape, let count {
      // Drawn by the kernels' generator in one call (`MersenneTwister`), in `draw()`'s order.
      let values =
        normal
        ? state.gaussians(count: count, loc: first, scale: second)
        : state.uniforms(count: count, low: first, width: second - first)
      result = .array(NDArray(dtype: .float64, shape: shape, doubles: values))
    } else {
      result = .float(draw())
    }
    interpreter.session.numpyRandom = state
    return result
  }

  private static func sizes(_ value: Value, name: String, range: SourceRange) throws(CellError)
    -> [Int]
  {
    if case .int(let size) = value {
      guard size >= 0 else {
        throw CellError(
          type: "ValueError", message: "negative dimensions are not allowed", range: range)
      }
      return [size]
    }
    guard let items = value.sequenceItems else {
      throw .unsupported(
        "ConvBook supports np.random.\(name)() with whole-number sizes, not \(value.typeName)",
        at: range)
    }
    var result: [Int] = []
    for item in items {
      if case .float = item {
        throw CellError(
          type: "TypeError", message: "'float' object cannot be interpreted as an integer",
          range: range)
      }
      guard case .int(let size) = item else {
        throw .unsupported(
          "ConvBook supports np.random.\(name)() with whole-number sizes, not \(item.typeName)",
          at: range)
      }
      guard size >= 0 else {
        throw CellError(
          type: "ValueError", message: "negative dimensions are not allowed", range: range)
      }
      result.append(size)
    }
    return result
  }
}
