import CNNEngine

/// TensorFlow's stateful random ops run eagerly (`tf.random.normal`, `tf.random.uniform`): the
/// seed pair each call gets and how far each kernel's generator has gone, so that a seeded script
/// prints TensorFlow's own numbers.
///
/// As `random_seed.get_seed` pairs them: with a global seed (`tf.random.set_seed(g)`), `(g, op)`
/// where `op` is the call's `seed=` or else the next `randint(0, 2**31 - 1)` of
/// `random.Random(g)`; with only `seed=op`, `(87654321, op)`; both modulo 2**31 - 1, and `(0, 0)`
/// becomes `(0, 2**31 - 1)`. Without either TensorFlow draws fresh entropy (nil here). The pair
/// seeds Philox directly (`GuardedPhiloxRandom`); eager TensorFlow keeps one kernel per op and
/// seed pair, so a call repeating an explicit seed continues where the last one stopped (each
/// call reserves 256 samples per value). `set_seed` starts over and forgets the kernels.
final class EagerRandom {
  /// `random_seed._MAXINT32`.
  static let seedModulus = 2_147_483_647
  /// `random_seed.DEFAULT_GRAPH_SEED`: the global half of a pair when only `seed=` is given.
  static let defaultGlobalSeed = 87_654_321

  private var globalSeed: Int?
  /// `random.Random(global seed)`: the seeds of calls that give none.
  private var operationSeeds: PythonRandom?
  /// Philox blocks each kernel (op, dtype and seed pair) has reserved.
  private var reserved: [String: UInt64] = [:]

  /// `tf.random.set_seed(seed)`.
  func setGlobalSeed(_ seed: Int) {
    globalSeed = seed
    let generator = PythonRandom()
    generator.seed(integer: seed.magnitude)
    operationSeeds = generator
    reserved = [:]
  }

  /// The seed pair of a call given `seed` (nil: TensorFlow's numbers differ from run to run).
  func seeds(operationSeed: Int?) -> (UInt64, UInt64)? {
    func truncated(_ seed: Int) -> Int {
      let remainder = seed % Self.seedModulus
      return remainder < 0 ? remainder + Self.seedModulus : remainder
    }
    var pair: (Int, Int)
    if let globalSeed, let operationSeeds {
      pair = (
        truncated(globalSeed),
        truncated(operationSeed ?? operationSeeds.randomInteger(below: Self.seedModulus + 1))
      )
    } else if let operationSeed {
      pair = (Self.defaultGlobalSeed, truncated(operationSeed))
    } else {
      return nil
    }
    if pair == (0, 0) { pair = (0, Self.seedModulus) }
    return (UInt64(pair.0), UInt64(pair.1))
  }

  /// The generator of the kernel `operation` with `seeds`, after reserving `count` values.
  func generator(_ operation: String, seeds: (UInt64, UInt64), count: Int) -> TensorFlowRandom {
    let kernel = "\(operation) \(seeds.0) \(seeds.1)"
    let start = reserved[kernel] ?? 0
    // `ReserveRandomOutputs(count, 256)`: (count * 256 + 3) / 4 blocks of four words.
    reserved[kernel] = start &+ (UInt64(count) &* 256 &+ 3) / 4
    return TensorFlowRandom(philoxKey: seeds.0, counter: seeds.1, skipping: start)
  }
}
