import BigInt
import CNNEngine
import Foundation

/// Python's `random`: the module's functions on one shared generator (the session's) and
/// `random.Random(seed)` instances, each CPython 3.11's algorithm on the Mersenne Twister seeded as
/// CPython seeds it (`init_by_array` of the seed's 32-bit words), so a seeded script draws
/// CPython's own numbers: `random()`, `randint`/`randrange` (rejection sampling on
/// `getrandbits`), `choice`, `shuffle`, `sample`, `uniform`, `gauss` (with its cached second
/// deviate) and `normalvariate`. Before any `random.seed` (and after `seed(None)`) CPython seeds
/// from the machine; ConvBook then draws from `seed(0)`, and what it draws is its own (`OwnDraws`):
/// printed, it is refused.
enum StandardRandom {
  /// The functions ConvBook implements, module-level and as methods of `Random`.
  static let functionNames: Set<String> = [
    "seed", "random", "randint", "randrange", "choice", "shuffle", "sample", "uniform", "gauss",
    "normalvariate", "getrandbits",
  ]

  static func attribute(_ name: String) -> Value? {
    if name == "Random" || functionNames.contains(name) {
      return StandardLibrary.function("random", name)
    }
    return nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    if name == "Random" {
      // `Random(x=None)` is a class: CPython counts `self` in its message.
      guard arguments.positional.count <= 1 else {
        throw arguments.typeError(
          "Random.__init__() takes from 1 to 2 positional arguments but \(arguments.positional.count + 1) were given"
        )
      }
      let (values, _) = try arguments.bind([("x", Value.none)])
      let generator = PythonRandom()
      try generator.seed(values["x"]!, arguments)
      return .standard(generator)
    }
    return try arguments.interpreter.session.pythonRandom.drawing(name, arguments)
  }
}

/// A `random.Random` generator: the twister's state and `gauss`' cached deviate.
final class PythonRandom: StandardObject {
  private var generator = MersenneTwister(key: [0])
  private var gaussNext: Double?
  /// Whether `seed(...)` was called: Keras draws its initializers' seeds from this generator,
  /// so they repeat from run to run only then.
  private(set) var isSeeded = false
  /// How many times it was drawn from (`GeneratorFeed`).
  private(set) var draws = 0

  /// Its state is no longer known: what it draws from here on is ConvBook's own.
  func forgetSeed() { isSeeded = false }

  override var typeName: String { "Random" }

  // CPython adds the address (`at 0x7f...`), which would make pages differ run to run.
  override func repr(_ item: (Value) -> String) -> String { "<random.Random object>" }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    StandardRandom.functionNames.contains(name)
      ? .method(receiver: .standard(self), name: name) : nil
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard StandardRandom.functionNames.contains(name) else { return nil }
    return try drawing(
      name,
      StandardArguments(
        function: name, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter))
  }

  /// A script's call of `name`: what an unseeded generator draws is ConvBook's own, where CPython
  /// draws anew on every run (the shuffled list's items, the chosen items, the numbers).
  func drawing(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value {
    let result = try run(name, arguments)
    guard !isSeeded, name != "seed" else { return result }
    var drawn = result
    if name == "shuffle", let list = arguments.positional.first ?? arguments.keywords.first?.1 {
      drawn = list
    }
    let marked = try OwnDraws.markDrawn(
      drawn, by: "random.\(name)()", range: arguments.range,
      training: arguments.interpreter.session.training)
    return name == "shuffle" ? result : marked
  }

  /// `seed(a)`: an integer's absolute value as little-endian 32-bit words (`None` is ConvBook's
  /// fixed seed 0, where CPython would read the machine's entropy: the generator then stays
  /// unseeded).
  func seed(_ value: Value, _ arguments: StandardArguments) throws(CellError) {
    let magnitude: BigInt
    switch value {
    case .none:
      seed(words: [])
      isSeeded = false
      return
    case .bool(let flag): magnitude = flag ? 1 : 0
    case .int(let number): magnitude = BigInt(number.magnitude)
    case .bigInt(let number): magnitude = BigInt(number.magnitude)
    case .float, .string:
      throw .unsupported(
        "ConvBook seeds Python's random with an integer only, not a \(value.typeName)",
        at: arguments.range)
    default:
      throw arguments.typeError(
        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
    }
    var words: [UInt32] = []
    var rest = magnitude
    while rest > 0 {
      words.append(UInt32(rest & 0xFFFF_FFFF))
      rest >>= 32
    }
    seed(words: words)
  }

  /// `seed(n)` of a non-negative integer.
  func seed(integer: UInt) {
    var words: [UInt32] = []
    var rest = integer
    while rest > 0 {
      words.append(UInt32(truncatingIfNeeded: rest))
      rest >>= 32
    }
    seed(words: words)
  }

  private func seed(words: [UInt32]) {
    generator = MersenneTwister(key: words)
    gaussNext = nil
    isSeeded = true
  }

  /// `randrange(bound)` (`randint(0, bound - 1)`) for 0 < bound.
  func randomInteger(below bound: Int) -> Int { below(bound) }

  /// `randint(1, int(1e9))`: the seed Keras gives an unseeded initializer (tf-keras'
  /// `RandomGenerator._create_seed`, Keras 3's `make_default_seed`).
  func kerasDefaultSeed() -> UInt64 { UInt64(1 + below(1_000_000_000)) }

  /// `getrandbits(k)` for k up to 64: the words little-endian, the last one cut to its top bits.
  private func bits(_ count: Int) -> UInt64 {
    if count == 0 { return 0 }
    draws += 1
    if count <= 32 { return UInt64(generator.nextWord() >> (32 - count)) }
    let low = UInt64(generator.nextWord())
    let high = UInt64(generator.nextWord() >> (64 - count))
    return high << 32 | low
  }

  /// `_randbelow(n)` for 0 < n: `getrandbits(n.bit_length())` until the value is below n.
  private func below(_ bound: Int) -> Int {
    let width = Int.bitWidth - bound.leadingZeroBitCount
    var value = bits(width)
    while value >= UInt64(bound) { value = bits(width) }
    return Int(value)
  }

  private func random() -> Double {
    draws += 1
    return generator.nextDouble()
  }

  func run(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value {
    let range = arguments.range
    func real(_ value: Value, _ parameter: String) throws(CellError) -> Double {
      switch NumPyScalar.number(value) {
      case .int(let number): return Double(number)
      case .bool(let flag): return flag ? 1 : 0
      case .float(let number): return number
      case .bigInt(let number):
        guard let double = PythonInteger.double(number) else {
          throw CellError(
            type: "OverflowError", message: "int too large to convert to float", range: range)
        }
        return double
      default:
        throw .unsupported(
          "ConvBook's random.\(name)() takes numbers for \(parameter), not \(value.typeName)",
          at: range)
      }
    }
    func index(_ value: Value) throws(CellError) -> Int {
      switch NumPyScalar.number(value) {
      case .int(let number): return number
      case .bool(let flag): return flag ? 1 : 0
      case .bigInt:
        throw .unsupported(
          "ConvBook draws random integers within 64 bits only", at: range)
      case .float(let number) where number == number.rounded() && abs(number) < 1e18:
        throw .unsupported(
          "ConvBook's random.\(name)() takes integers (CPython 3.11 deprecates floats here)",
          at: range)
      case .float:
        throw CellError(
          type: "ValueError", message: "non-integer arg 1 for randrange()", range: range)
      default:
        throw arguments.typeError(
          "'\(value.typeName)' object cannot be interpreted as an integer")
      }
    }
    switch name {
    case "seed":
      let (values, _) = try arguments.bind([("a", Value.none), ("version", .int(2))])
      try seed(values["a"]!, arguments)
      return .none
    case "random":
      try arguments.bind([])
      return .float(random())
    case "getrandbits":
      let (values, _) = try arguments.bind([("k", nil)])
      let count = try index(values["k"]!)
      guard count >= 0 else {
        throw CellError(
          type: "ValueError", message: "number of bits must be non-negative", range: range)
      }
      guard count <= 63 else {
        throw .unsupported("ConvBook draws at most 63 random bits at once", at: range)
      }
      return .int(Int(bits(count)))
    case "randint", "randrange":
      var start: Int
      var stop: Int?
      var step = 1
      if name == "randint" {
        let (values, _) = try arguments.bind([("a", nil), ("b", nil)])
        start = try index(values["a"]!)
        let (end, overflow) = try index(values["b"]!).addingReportingOverflow(1)
        guard !overflow else {
          throw .unsupported("ConvBook draws random integers within 64 bits only", at: range)
        }
        stop = end
      } else {
        let (values, _) = try arguments.bind([
          ("start", nil), ("stop", Value.none), ("step", .int(1)),
        ])
        start = try index(values["start"]!)
        if case .none = values["stop"]! {
          if case .int(1) = values["step"]! {
          } else {
            throw arguments.typeError("Missing a non-None stop argument")
          }
        } else {
          stop = try index(values["stop"]!)
        }
        step = try index(values["step"]!)
      }
      guard let stop else {
        guard start > 0 else {
          throw CellError(type: "ValueError", message: "empty range for randrange()", range: range)
        }
        return .int(below(start))
      }
      let (width, overflow) = stop.subtractingReportingOverflow(start)
      guard !overflow else {
        throw .unsupported("ConvBook draws random integers within 64 bits only", at: range)
      }
      if step == 1 {
        guard width > 0 else {
          throw CellError(
            type: "ValueError",
            message: "empty range for randrange() (\(start), \(stop), \(width))", range: range)
        }
        return .int(start + below(width))
      }
      guard step != 0 else {
        throw CellError(type: "ValueError", message: "zero step for randrange()", range: range)
      }
      // n = ceil(width / step) towards the step's direction, with Python's floor division.
      let numerator = width + (step > 0 ? step - 1 : step + 1)
      var count = numerator / step
      if (numerator % step != 0) && ((numerator < 0) != (step < 0)) { count -= 1 }
      guard count > 0 else {
        throw CellError(type: "ValueError", message: "empty range for randrange()", range: range)
      }
      return .int(start + step * below(count))
    case "choice":
      let (values, _) = try arguments.bind([("seq", nil)])
      let sequence = values["seq"]!
      let count = try length(sequence, name, range)
      guard count > 0 else {
        throw CellError(
          type: "IndexError", message: "Cannot choose from an empty sequence", range: range)
      }
      if case .array(let array) = sequence {
        return try ArrayOperations.subscriptValue(
          array, .int(below(count)), range: range, budget: arguments.interpreter.budget)
      }
      return try item(sequence, below(count), range)
    case "shuffle":
      let (values, _) = try arguments.bind([("x", nil)])
      guard case .list(let list) = values["x"]! else {
        if case .tuple = values["x"]! {
          throw arguments.typeError("'tuple' object does not support item assignment")
        }
        throw .unsupported(
          "ConvBook's random.shuffle() shuffles lists, not \(values["x"]!.typeName) objects",
          at: range)
      }
      var items = list.items
      var position = items.count - 1
      while position >= 1 {
        try arguments.interpreter.step(at: range)
        items.swapAt(position, below(position + 1))
        position -= 1
      }
      list.items = items
      return .none
    case "sample":
      let (values, _) = try arguments.bind([("population", nil), ("k", nil)])
      let population = values["population"]!
      switch population {
      case .set, .dictionary:
        throw arguments.typeError(
          "Population must be a sequence.  For dicts or sets, use sorted(d).")
      default: break
      }
      let count = try length(population, name, range)
      let wanted = try index(values["k"]!)
      guard 0 <= wanted, wanted <= count else {
        throw CellError(
          type: "ValueError", message: "Sample larger than population or is negative",
          range: range)
      }
      try arguments.interpreter.budget.allocate(slots: wanted, at: range)
      var setSize = 21
      if wanted > 5 {
        let power = Foundation.ceil(Foundation.log(Double(wanted * 3)) / Foundation.log(4.0))
        setSize += Int(Foundation.pow(4.0, power))
      }
      var result: [Value] = []
      if count <= setSize {
        var pool = try (0..<count).map { position throws(CellError) in
          try item(population, position, range)
        }
        for drawn in 0..<wanted {
          try arguments.interpreter.step(at: range)
          let chosen = below(count - drawn)
          result.append(pool[chosen])
          pool[chosen] = pool[count - drawn - 1]
        }
      } else {
        var selected: Set<Int> = []
        for _ in 0..<wanted {
          try arguments.interpreter.step(at: range)
          var chosen = below(count)
          while selected.contains(chosen) { chosen = below(count) }
          selected.insert(chosen)
          result.append(try item(population, chosen, range))
        }
      }
      return .list(PythonList(result))
    case "uniform":
      let (values, _) = try arguments.bind([("a", nil), ("b", nil)])
      let low = try real(values["a"]!, "a")
      let high = try real(values["b"]!, "b")
      return .float(low + (high - low) * random())
    case "gauss", "normalvariate":
      let (values, _) = try arguments.bind([("mu", .float(0)), ("sigma", .float(1))])
      let mu = try real(values["mu"]!, "mu")
      let sigma = try real(values["sigma"]!, "sigma")
      if name == "normalvariate" {
        // Kinderman and Monahan's ratio of uniforms.
        let magic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()
        while true {
          let u1 = random()
          let u2 = 1.0 - random()
          let z = magic * (u1 - 0.5) / u2
          if z * z / 4.0 <= -Foundation.log(u2) { return .float(mu + z * sigma) }
        }
      }
      var z: Double
      if let cached = gaussNext {
        z = cached
        gaussNext = nil
      } else {
        let angle = random() * 2 * Double.pi
        let radius = (-2.0 * Foundation.log(1.0 - random())).squareRoot()
        z = Foundation.cos(angle) * radius
        gaussNext = Foundation.sin(angle) * radius
      }
      return .float(mu + z * sigma)
    default:
      throw .unsupported("ConvBook does not support `random.\(name)` yet", at: range)
    }
  }

  /// `len(seq)` of a sequence `choice` and `sample` index into.
  private func length(_ sequence: Value, _ name: String, _ range: SourceRange) throws(CellError)
    -> Int
  {
    switch sequence {
    case .list(let list): return list.count
    case .tuple(let items): return items.count
    case .string(let text): return PythonCodePoints.count(text)
    case .range(let start, let stop, let step): return Value.rangeCount(start, stop, step)
    // A NumPy array is a sequence of its rows (`random.choice(pairs)` picks one).
    case .array(let array) where array.rank >= 1 && name == "choice": return array.shape[0]
    default:
      throw .unsupported(
        "ConvBook's random.\(name)() takes a list, tuple, string or range, not a \(sequence.typeName)",
        at: range)
    }
  }

  /// `seq[position]` for a position within `length`.
  private func item(_ sequence: Value, _ position: Int, _ range: SourceRange) throws(CellError)
    -> Value
  {
    if case .range(let start, _, let step) = sequence { return .int(start + position * step) }
    return try Operators.subscriptValue(sequence, .int(position), range: range)
  }
}
