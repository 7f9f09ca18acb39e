import BigInt
import CNNEngine

/// `np.random.default_rng(seed)`: NumPy's `Generator` on a `PCG64` seeded through its
/// `SeedSequence`, drawing as NumPy 2 draws: `random` (53-bit doubles, or 24-bit floats for
/// float32), `integers` (Lemire's bounded integers), `normal` / `standard_normal` (the 256-layer
/// ziggurat), `uniform`, `choice` (integers, the cumulative `p` searched with uniform draws, or a
/// tail shuffle / Floyd's sampling without replacement), `permutation` and `shuffle` (Fisher-Yates
/// from the end with masked draws). A seeded script therefore draws NumPy's own numbers. Without
/// a seed NumPy reads the machine's entropy; ConvBook then seeds with 0, and what it draws is its
/// own (`OwnDraws`): printed, it is refused.
final class NumPyGenerator: StandardObject {
  private var bits: PCG64
  /// Whether `default_rng` was given a seed.
  private var seeded = true

  static let methodNames: Set<String> = [
    "random", "integers", "normal", "standard_normal", "uniform", "choice", "permutation",
    "shuffle",
  ]

  private init(bits: PCG64) { self.bits = bits }

  override var typeName: String { "Generator" }

  // NumPy adds the address (`at 0x7F...`), which would make pages differ run to run.
  override func repr(_ item: (Value) -> String) -> String { "Generator(PCG64)" }

  /// `np.random.default_rng(seed=None)`.
  static func make(_ positional: [Value], _ keywords: [(String, Value)], site: CallSite)
    throws(CellError) -> Value
  {
    let arguments = NumPyFunctions.Arguments(
      positional: positional, keywords: keywords, site: site, function: "default_rng",
      path: "numpy.random.default_rng")
    try arguments.check(allowed: ["seed"])
    let seed = arguments.value(0, "seed") ?? .none
    if case .standard(let generator as NumPyGenerator) = seed { return .standard(generator) }
    let entropy = try words(of: seed, range: site.range)
    let generator = NumPyGenerator(bits: PCG64(seed: NumPySeedSequence(entropy: entropy)))
    generator.seeded = !seed.isNone
    return .standard(generator)
  }

  /// The seed as `SeedSequence` reads it: an integer's little-endian 32-bit words (0 is one
  /// word), a sequence's integers' words one after another.
  private static func words(of seed: Value, range: SourceRange) throws(CellError) -> [UInt32] {
    func integer(_ value: Value) throws(CellError) -> [UInt32] {
      let number: BigInt
      switch NumPyScalar.integer(value) {
      case .int(let small): number = BigInt(small)
      case .bigInt(let big): number = big
      case .bool(let flag): number = flag ? 1 : 0
      default:
        throw CellError(
          type: "TypeError",
          message:
            "SeedSequence expects int or sequence of ints for entropy not \(PythonText.str(value))",
          range: range)
      }
      guard number.sign == .plus || number.isZero else {
        throw CellError(type: "ValueError", message: "expected non-negative integer", range: range)
      }
      guard number.magnitude.bitWidth <= 1 << 16 else {
        throw .unsupported(
          "ConvBook seeds a Generator with integers of at most 65536 bits", at: range)
      }
      var words: [UInt32] = [UInt32(truncatingIfNeeded: number.magnitude.words.first ?? 0)]
      var rest = number.magnitude >> 32
      while !rest.isZero {
        words.append(UInt32(truncatingIfNeeded: rest.words.first ?? 0))
        rest >>= 32
      }
      return words
    }
    switch seed {
    case .none: return [0]
    case .list, .tuple:
      var words: [UInt32] = []
      for item in seed.sequenceItems ?? [] { words += try integer(item) }
      return words
    default: return try integer(seed)
    }
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    Self.methodNames.contains(name) ? .method(receiver: .standard(self), name: name) : nil
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard Self.methodNames.contains(name) else { return nil }
    interpreter.session.randomObjectCalls += 1
    let parameters: [String]
    switch name {
    case "random", "standard_normal": parameters = ["size", "dtype"]
    case "integers": parameters = ["low", "high", "size", "dtype", "endpoint"]
    case "normal": parameters = ["loc", "scale", "size"]
    case "uniform": parameters = ["low", "high", "size"]
    case "choice": parameters = ["a", "size", "replace", "p", "axis", "shuffle"]
    default: parameters = ["x", "axis"]
    }
    let arguments = NumPyFunctions.Arguments(
      positional: positional, keywords: keywords, site: site, function: name,
      path: "Generator." + name)
    try arguments.check(allowed: parameters)
    let budget = interpreter.budget
    let result: Value
    switch name {
    case "random", "standard_normal", "normal", "uniform":
      result = try floats(name, arguments, budget: budget)
    case "integers": result = try integers(arguments, budget: budget)
    case "choice": result = try choice(arguments, budget: budget)
    case "permutation": result = try permutation(arguments, budget: budget)
    default:
      // In place: the array cannot take the mark afterwards.
      guard seeded else {
        throw .unsupported(
          "ConvBook does not shuffle with an unseeded Generator yet (NumPy seeds it anew from the machine on every run); give default_rng a seed",
          at: site.range)
      }
      return try shuffle(arguments)
    }
    guard !seeded else { return result }
    return try OwnDraws.mark(
      result, refusingText: true, range: site.range, training: interpreter.session.training)
  }

  /// The `size=` argument: nil for one value, else the shape (whose values are charged).
  private func shape(_ arguments: NumPyFunctions.Arguments, _ index: Int, budget: EvaluationBudget)
    throws(CellError) -> [Int]?
  {
    let range = arguments.site.range
    guard let given = arguments.value(index, "size"), !given.isNone else { return nil }
    let shape = try arguments.shape(index, "size")
    guard shape.allSatisfy({ $0 >= 0 }) else {
      throw CellError(
        type: "ValueError", message: "negative dimensions are not allowed", range: range)
    }
    var count = 1
    for size in shape {
      let (next, overflow) = count.multipliedReportingOverflow(by: size)
      guard !overflow, next <= 1 << 26 else {
        throw .unsupported("ConvBook draws at most 2^26 random numbers at once", at: range)
      }
      count = next
    }
    try budget.allocate(count: count, size: 8, at: range)
    return shape
  }

  private func real(_ arguments: NumPyFunctions.Arguments, _ index: Int, _ name: String)
    throws(CellError) -> Double?
  {
    guard let given = arguments.value(index, name) else { return nil }
    guard let number = Operators.Number(given) else {
      throw .unsupported(
        "ConvBook's Generator.\(arguments.function)() takes a number for \(name), not \(given.typeName)",
        at: arguments.site.range)
    }
    return try number.double(arguments.site.range)
  }

  private func float32(_ arguments: NumPyFunctions.Arguments) throws(CellError) -> Bool {
    guard let given = arguments.value(1, "dtype"), !given.isNone else { return false }
    let dtype = try ArrayOperations.dtype(given, range: arguments.site.range)
    guard dtype == .float64 || (dtype == .float32 && arguments.function == "random") else {
      throw .unsupported(
        "ConvBook's Generator.\(arguments.function)() draws float64\(arguments.function == "random" ? " or float32" : "") values, not \(dtype.rawValue)",
        at: arguments.site.range)
    }
    return dtype == .float32
  }

  /// `random`, `standard_normal`, `normal(loc, scale)`, `uniform(low, high)`.
  private func floats(
    _ name: String, _ arguments: NumPyFunctions.Arguments, budget: EvaluationBudget
  ) throws(CellError) -> Value {
    let range = arguments.site.range
    var single = false
    var draw: (inout PCG64) -> Double
    let sizeIndex: Int
    switch name {
    case "random":
      single = try float32(arguments)
      draw = single ? { Double($0.nextFloat()) } : { $0.nextDouble() }
      sizeIndex = 0
    case "standard_normal":
      _ = try float32(arguments)
      draw = { $0.standardNormal() }
      sizeIndex = 0
    case "normal":
      let loc = try real(arguments, 0, "loc") ?? 0
      let scale = try real(arguments, 1, "scale") ?? 1
      // NumPy checks the sign bit: -0.0 is refused, NaN passes.
      guard scale.sign == .plus else {
        throw CellError(type: "ValueError", message: "scale < 0", range: range)
      }
      draw = { loc + scale * $0.standardNormal() }
      sizeIndex = 2
    default:
      let low = try real(arguments, 0, "low") ?? 0
      let high = try real(arguments, 1, "high") ?? 1
      let width = high - low
      guard width.isFinite else {
        throw CellError(
          type: "OverflowError", message: "high - low range exceeds valid bounds", range: range)
      }
      draw = { low + width * $0.nextDouble() }
      sizeIndex = 2
    }
    guard let shape = try shape(arguments, sizeIndex, budget: budget) else {
      return .float(draw(&bits))
    }
    let values = (0..<shape.reduce(1, *)).map { _ in draw(&bits) }
    return .array(NDArray(dtype: single ? .float32 : .float64, shape: shape, doubles: values))
  }

  /// `integers(low, high=None, size=None, dtype=np.int64, endpoint=False)`.
  private func integers(_ arguments: NumPyFunctions.Arguments, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    let range = arguments.site.range
    let dtype =
      try arguments.value(3, "dtype").map { value throws(CellError) in
        try ArrayOperations.dtype(value, range: range)
      } ?? .int64
    guard dtype == .int64 || dtype == .int32 else {
      throw .unsupported(
        "ConvBook's Generator.integers draws int64 or int32 values, not \(dtype.rawValue)",
        at: range)
    }
    let limits: ClosedRange<BigInt> =
      dtype == .int64
      ? BigInt(Int64.min)...BigInt(Int64.max) : BigInt(Int32.min)...BigInt(Int32.max)
    func bound(_ index: Int, _ name: String) throws(CellError) -> BigInt? {
      guard let given = arguments.value(index, name), !given.isNone else { return nil }
      switch NumPyScalar.integer(given) {
      case .int(let number): return BigInt(number)
      case .bigInt(let number): return number
      case .bool(let flag): return flag ? 1 : 0
      default:
        throw .unsupported(
          "ConvBook's Generator.integers takes whole numbers for \(name), not \(given.typeName)",
          at: range)
      }
    }
    guard var low = try bound(0, "low") else {
      throw CellError(
        type: "TypeError", message: "integers() missing required argument 'low' (pos 1)",
        range: range)
    }
    let endpoint = arguments.value(4, "endpoint")?.isTruthy ?? false
    var high: BigInt
    if let given = try bound(1, "high") {
      high = given
    } else {
      high = low
      low = 0
      if !endpoint && high <= 0 {
        throw CellError(type: "ValueError", message: "high <= 0", range: range)
      }
    }
    guard limits.contains(low) else {
      throw CellError(
        type: "ValueError", message: "low is out of bounds for \(dtype.rawValue)", range: range)
    }
    if !endpoint { high -= 1 }
    guard limits.contains(high) else {
      throw CellError(
        type: "ValueError", message: "high is out of bounds for \(dtype.rawValue)", range: range)
    }
    guard low <= high else {
      throw CellError(
        type: "ValueError", message: endpoint ? "low > high" : "low >= high", range: range)
    }
    let span = UInt64(high - low)
    let start = Int64(low)
    let shape = try shape(arguments, 2, budget: budget)
    let count = shape?.reduce(1, *) ?? 1
    let values = (0..<count).map { _ in
      Double(start &+ Int64(bitPattern: bits.bounded(span)))
    }
    let array = NDArray(
      dtype: dtype, shape: shape ?? [],
      storage: try NumPyIntegers.fit(dtype, .double(values), range: range))
    return shape == nil ? .standard(NumPyScalar(array)) : .array(array)
  }

  /// The shuffled order of `count` items (`shuffle`'s swaps from the end).
  private func shuffledOrder(_ count: Int) -> [Int] {
    var order = Array(0..<count)
    if count > 1 {
      for i in stride(from: count - 1, through: 1, by: -1) {
        order.swapAt(i, Int(bits.interval(UInt64(i))))
      }
    }
    return order
  }

  /// `permutation(x)`: `arange(x)` for an integer, else the rows of the array in shuffled order.
  private func permutation(_ arguments: NumPyFunctions.Arguments, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    let range = arguments.site.range
    try axisZero(arguments)
    guard let given = arguments.value(0, "x") else {
      throw CellError(
        type: "TypeError", message: "permutation() missing required argument 'x' (pos 1)",
        range: range)
    }
    if case .int(let count) = NumPyScalar.integer(given) {
      let size = max(count, 0)
      try budget.allocate(count: size, size: 8, at: range)
      return .array(
        NDArray(dtype: .int64, shape: [size], doubles: shuffledOrder(size).map(Double.init)))
    }
    let array = try ArrayOperations.array(from: given, dtype: nil, range: range, budget: budget)
    guard array.rank >= 1 else {
      throw CellError(
        type: "AxisError",
        message: "axis 0 is out of bounds for array of dimension 0", range: range)
    }
    let order = shuffledOrder(array.shape[0])
    return .array(
      NDArray(
        dtype: array.dtype, shape: array.shape,
        storage: NumPyKernel.rows(
          array.storage, order, rowSize: array.count / max(1, array.shape[0]))))
  }

  private func axisZero(_ arguments: NumPyFunctions.Arguments) throws(CellError) {
    guard let axis = arguments.value(arguments.function == "choice" ? 4 : 1, "axis") else {
      return
    }
    if case .int(0) = NumPyScalar.integer(axis) { return }
    throw .unsupported(
      "ConvBook's Generator.\(arguments.function)() works along axis 0 only",
      at: arguments.site.range)
  }

  /// `shuffle(x)`: a list in place; an array would change in place, which ConvBook's arrays
  /// (values) cannot: `x = rng.permutation(x)` draws the same order.
  private func shuffle(_ arguments: NumPyFunctions.Arguments) throws(CellError) -> Value {
    let range = arguments.site.range
    try axisZero(arguments)
    guard let given = arguments.value(0, "x") else {
      throw CellError(
        type: "TypeError", message: "shuffle() missing required argument 'x' (pos 1)",
        range: range)
    }
    guard case .list(let list) = given else {
      throw .unsupported(
        "ConvBook's Generator.shuffle shuffles lists in place; for an array write x = rng.permutation(x) (the same draws)",
        at: range)
    }
    let count = list.items.count
    if count > 1 {
      for i in stride(from: count - 1, through: 1, by: -1) {
        list.items.swapAt(i, Int(bits.interval(UInt64(i))))
      }
    }
    return .none
  }

  /// `choice(a, size=None, replace=True, p=None, axis=0, shuffle=True)`.
  private func choice(_ arguments: NumPyFunctions.Arguments, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    let range = arguments.site.range
    try axisZero(arguments)
    guard let given = arguments.value(0, "a") else {
      throw CellError(
        type: "TypeError", message: "choice() missing required argument 'a' (pos 1)",
        range: range)
    }
    let shape = try shape(arguments, 1, budget: budget)
    let total = shape?.reduce(1, *) ?? 1
    var population: NDArray?
    let count: Int
    if case .int(let number) = NumPyScalar.integer(given) {
      count = number
      guard count > 0 || (count == 0 && total == 0) else {
        throw CellError(
          type: "ValueError", message: "a must be a positive integer unless no samples are taken",
          range: range)
      }
    } else {
      let array = try ArrayOperations.array(from: given, dtype: nil, range: range, budget: budget)
      guard array.rank >= 1 else {
        throw CellError(
          type: "ValueError", message: "a must be a sequence or an integer, not 0-d", range: range)
      }
      count = array.shape[0]
      guard count > 0 || total == 0 else {
        throw CellError(
          type: "ValueError", message: "a cannot be empty unless no samples are taken",
          range: range)
      }
      population = array
    }
    let replace = arguments.value(2, "replace")?.isTruthy ?? true
    var indices: [Int]
    if let weights = arguments.value(3, "p"), !weights.isNone {
      guard replace else {
        throw .unsupported("ConvBook's Generator.choice takes p= with replace=True only", at: range)
      }
      let p = try ArrayOperations.array(
        from: weights, dtype: .float64, range: range, budget: budget)
      guard p.rank == 1 else {
        throw CellError(type: "ValueError", message: "p must be 1-dimensional", range: range)
      }
      guard p.count == count else {
        throw CellError(type: "ValueError", message: "a and p must have same size", range: range)
      }
      let cdf = try NumPyRandomIntegers.cumulativeProbabilities(
        (0..<count).map { p.value(at: $0) }, negative: "Probabilities are not non-negative",
        notOne:
          "Probabilities do not sum to 1. See Notes section of docstring for more information.",
        range: range)
      indices = (0..<total).map { _ in
        let u = bits.nextDouble()
        return cdf.firstIndex { $0 > u } ?? count
      }
    } else if replace {
      indices = (0..<total).map { _ in Int(bits.bounded(UInt64(count - 1))) }
    } else {
      guard total <= count else {
        throw CellError(
          type: "ValueError",
          message: "Cannot take a larger sample than population when replace is False",
          range: range)
      }
      indices = try sample(
        total, of: count, shuffled: arguments.value(5, "shuffle")?.isTruthy ?? true,
        budget: budget, range: range)
    }
    guard let population else {
      let values = indices.map(Double.init)
      guard let shape else { return .int(indices[0]) }
      return .array(
        NDArray(
          dtype: .int64, shape: shape,
          storage: try NumPyIntegers.fit(.int64, .double(values), range: range)))
    }
    let row = population.count / max(1, population.shape[0])
    let picked = NDArray(
      dtype: population.dtype, shape: (shape ?? []) + population.shape.dropFirst(),
      storage: NumPyKernel.rows(population.storage, indices, rowSize: row))
    if shape == nil && population.rank == 1 { return ArrayOperations.element(picked, at: 0) }
    return .array(picked)
  }

  /// `size` distinct indices below `count`: a tail shuffle when the sample is a large part of a
  /// large population, else Floyd's algorithm on a hash set (then shuffled), as NumPy chooses.
  private func sample(
    _ size: Int, of count: Int, shuffled: Bool, budget: EvaluationBudget, range: SourceRange
  ) throws(CellError) -> [Int] {
    if count > 10_000 && size > count / (shuffled ? 50 : 20) {
      // The whole population is shuffled at its tail: it costs memory as NumPy's `arange` does.
      try budget.allocate(count: count, size: 8, at: range)
      var order = Array(0..<count)
      let first = max(count - size, 1)
      if count > first {
        for i in stride(from: count - 1, through: first, by: -1) {
          order.swapAt(i, Int(bits.bounded(UInt64(i))))
        }
      }
      return Array(order[(count - size)...])
    }
    var mask = UInt64(Double(size) * 1.2)
    for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
    let empty = UInt64.max
    var table = [UInt64](repeating: empty, count: Int(mask) + 1)
    var result: [Int] = []
    result.reserveCapacity(size)
    for j in (count - size)..<count {
      let value = bits.bounded(UInt64(j))
      var slot = Int(value & mask)
      while table[slot] != empty && table[slot] != value { slot = (slot + 1) & Int(mask) }
      if table[slot] == empty {
        table[slot] = value
        result.append(Int(value))
      } else {
        slot = j & Int(mask)
        while table[slot] != empty { slot = (slot + 1) & Int(mask) }
        table[slot] = UInt64(j)
        result.append(j)
      }
    }
    if shuffled && size > 1 {
      for i in stride(from: size - 1, through: 1, by: -1) {
        result.swapAt(i, Int(bits.bounded(UInt64(i))))
      }
    }
    return result
  }
}
