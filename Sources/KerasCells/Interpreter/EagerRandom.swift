import CNNEngine

/// TensorFlow's stateful random ops (`tf.random.normal`, `tf.random.uniform`, ...), run eagerly or
/// in a `tf.function`: the seed pair each op gets and how far each kernel's generator has gone, so
/// that a seeded script prints TensorFlow's own numbers.
///
/// As `random_seed.get_seed` pairs them: with a global seed g, `(g, op)` where `op` is the call's
/// `seed=` or else, run eagerly, the next `randint(0, 2**31 - 1)` of `random.Random(g)`, and in a
/// `tf.function`'s graph the count of unseeded random ops its trace made before (0, 1, ...); with
/// only `seed=op`, `(87654321, op)`; both modulo 2**31 - 1, and `(0, 0)` becomes
/// `(0, 2**31 - 1)`. Without either TensorFlow draws fresh entropy (nil here). The pair seeds
/// Philox directly (`GuardedPhiloxRandom`); each call reserves 256 blocks per value.
///
/// Eager TensorFlow keeps one kernel per op and seed pair, so a call repeating an explicit seed
/// continues where the last one stopped. A `tf.function` keeps one graph per trace (its function
/// and the arguments' Python values, or tensors' dtypes and shapes), traced under the global seed
/// of its first call, and each random op of the graph is a kernel of its own, which every call
/// continues. `set_seed` starts every kernel over and forgets the eager ones (measured with
/// TensorFlow 2.21's `tf.random.set_seed` docstring examples).
final class EagerRandom {
  /// `random_seed._MAXINT32`.
  static let seedModulus = 2_147_483_647
  /// `random_seed.DEFAULT_GRAPH_SEED`: the global half of a pair when only `seed=` is given.
  static let defaultGlobalSeed = 87_654_321

  /// A random op's seed pair and the kernel that draws it.
  struct Draw {
    let seeds: (UInt64, UInt64)
    fileprivate let kernel: String
  }

  /// A traced `tf.function`'s graph: the global seed of its trace and its random ops in order.
  private final class Graph {
    let key: String
    let seed: Int?
    /// The arguments of its trace with their Python types (`5` and `5.0` share a graph).
    let exact: String?
    /// Each op's call site and seed pair (nil: TensorFlow's numbers differ from run to run).
    var nodes: [(site: String, seeds: (UInt64, UInt64)?)] = []
    var unseeded = 0
    /// Whether a call has finished: the graph is complete, later calls run the same ops.
    var traced = false

    init(key: String, seed: Int?, exact: String?) {
      self.key = key
      self.seed = seed
      self.exact = exact
    }
  }

  private var globalSeed: Int?
  /// `random.Random(global seed)`: the seeds of eager calls that give none.
  private var operationSeeds: PythonRandom?
  /// Philox blocks each kernel has reserved.
  private var reserved: [String: UInt64] = [:]
  private var graphs: [String: Graph] = [:]
  /// The `tf.function` calls running (innermost last): the graph (nil when ConvBook cannot tell
  /// which trace TensorFlow runs) and how many of its random ops this call has run.
  private var running: [(graph: Graph?, next: Int)] = []

  /// `tf.random.set_seed(seed)`.
  func setGlobalSeed(_ seed: Int) {
    globalSeed = seed
    let generator = PythonRandom()
    generator.seed(integer: seed.magnitude)
    operationSeeds = generator
    reserved = [:]
  }

  /// A call of a `tf.function` starts: `trace` names the graph TensorFlow runs (nil when not
  /// known), traced now under the global seed if it is new. False when the graph was traced
  /// with Python values equal to these but of other types (`exact`).
  func enterFunction(trace: String?, exact: String?) -> Bool {
    guard let trace else {
      running.append((nil, 0))
      return true
    }
    let graph = graphs[trace] ?? Graph(key: trace, seed: globalSeed, exact: exact)
    graphs[trace] = graph
    running.append((graph, 0))
    return graph.exact == exact
  }

  /// Whether the innermost `tf.function` call is tracing its graph (its first call with these
  /// arguments, which runs the Python function), nil when ConvBook cannot tell which graph it is.
  var tracing: Bool? {
    guard let (graph, _) = running.last, let graph else { return nil }
    return !graph.traced
  }

  /// The call of the innermost `tf.function` has returned.
  func exitFunction() {
    guard let (graph, _) = running.popLast() else { return }
    graph?.traced = true
  }

  /// The draw of a random op given `seed` at `site` (nil: TensorFlow's numbers differ from run
  /// to run).
  func seeds(operationSeed: Int?, site: SourceRange) throws(CellError) -> Draw? {
    guard let (graph, next) = running.last else {
      return eagerSeeds(operationSeed: operationSeed).map {
        Draw(seeds: $0, kernel: "\($0.0) \($0.1)")
      }
    }
    guard running.count == 1, let graph else {
      throw .unsupported(
        "ConvBook does not support random ops in a `tf.function` \(running.count > 1 ? "called from another one" : "called with arguments other than tensors, arrays, Python numbers, strings and None") yet (TensorFlow seeds them from the graph it traces)",
        at: site)
    }
    let place = "\(site)"
    if !graph.traced {
      guard !graph.nodes.contains(where: { $0.site == place }) else {
        throw .unsupported(
          "ConvBook does not support a random op that runs more than once in one call of a `tf.function` yet (TensorFlow's graph holds one op for a loop over a tensor, one per step of a Python loop)",
          at: site)
      }
      var pair: (Int, Int)?
      if let seed = graph.seed {
        if let operationSeed {
          pair = (seed, operationSeed)
        } else {
          pair = (seed, graph.unseeded)
          graph.unseeded += 1
        }
      } else if let operationSeed {
        pair = (Self.defaultGlobalSeed, operationSeed)
      }
      graph.nodes.append((place, pair.map(Self.truncated)))
    }
    guard next < graph.nodes.count, graph.nodes[next].site == place else {
      throw .unsupported(
        "ConvBook does not support a `tf.function` that runs other random ops than when it was traced yet (TensorFlow runs the graph it traced)",
        at: site)
    }
    running[running.count - 1].next += 1
    return graph.nodes[next].seeds.map { Draw(seeds: $0, kernel: "\(graph.key) op \(next)") }
  }

  /// An eager call's seed pair (nil: TensorFlow's numbers differ from run to run).
  private func eagerSeeds(operationSeed: Int?) -> (UInt64, UInt64)? {
    if let globalSeed, let operationSeeds {
      return Self.truncated(
        (globalSeed, operationSeed ?? operationSeeds.randomInteger(below: Self.seedModulus + 1)))
    }
    if let operationSeed { return Self.truncated((Self.defaultGlobalSeed, operationSeed)) }
    return nil
  }

  private static func truncated(_ pair: (Int, Int)) -> (UInt64, UInt64) {
    func truncated(_ seed: Int) -> Int {
      let remainder = seed % seedModulus
      return remainder < 0 ? remainder + seedModulus : remainder
    }
    var pair = (truncated(pair.0), truncated(pair.1))
    if pair == (0, 0) { pair = (0, seedModulus) }
    return (UInt64(pair.0), UInt64(pair.1))
  }

  /// ConvBook's own pair for an op TensorFlow draws afresh on every run, as an eager kernel.
  static func ownDraw(_ seeds: (UInt64, UInt64)) -> Draw {
    Draw(seeds: seeds, kernel: "\(seeds.0) \(seeds.1)")
  }

  /// The generator of the kernel of `operation` for `draw`, after reserving `count` values.
  func generator(_ operation: String, draw: Draw, count: Int) -> TensorFlowRandom {
    let kernel = "\(operation) \(draw.kernel)"
    let start = reserved[kernel] ?? 0
    // `ReserveRandomOutputs(count, 256)`: 256 blocks of four words per value.
    reserved[kernel] = start &+ UInt64(count) &* 256
    return TensorFlowRandom(philoxKey: draw.seeds.0, counter: draw.seeds.1, skipping: start)
  }
}
