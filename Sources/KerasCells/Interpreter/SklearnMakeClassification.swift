import CNNEngine
import Foundation

/// scikit-learn's `make_classification(n_samples=100, n_features=20, *, n_informative=2,
/// n_redundant=2, n_repeated=0, n_classes=2, n_clusters_per_class=2, weights=None, flip_y=0.01,
/// class_sep=1.0, hypercube=True, shift=0.0, scale=1.0, shuffle=True, random_state=None,
/// return_X_y=True)`, drawn as scikit-learn 1.9 draws it from `check_random_state(random_state)`:
/// the clusters' vertices of the hypercube (`sample_without_replacement` of 2**n_informative, its
/// bits; beyond 30 dimensions `randint(2)` columns first), the informative features as standard
/// normals, each cluster times `2 * uniform((k, k)) - 1` (`np.dot`, `OpenBLASDoubleProduct`) and
/// moved to its vertex, the redundant features as products of the informative ones, repeated ones
/// copied, the rest standard normals, labels flipped where `uniform() < flip_y`, then shifted,
/// scaled and the rows and features shuffled. `(X, y)`: float64 features and int64 labels. A
/// `weights` list, `hypercube=False`, array shifts or scales, a Bunch (`return_X_y=False`) and
/// products whose order NumPy's BLAS does not fix for ConvBook (more than 256 informative
/// features, a cluster of one row) are ConvBook's limitation.
enum SklearnMakeClassification {
  static let path = "sklearn.datasets.make_classification"

  static let signature = SklearnArguments.Signature(
    function: "make_classification", leading: ["n_samples", "n_features"],
    keywordOnly: [
      "n_informative", "n_redundant", "n_repeated", "n_classes", "n_clusters_per_class",
      "weights", "flip_y", "class_sep", "hypercube", "shift", "scale", "shuffle",
      "random_state", "return_X_y",
    ])

  static func call(_ arguments: SklearnArguments, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    let range = site.range
    let samples = try arguments.integer("n_samples", default: 100, minimum: 1)
    let features = try arguments.integer("n_features", default: 20, minimum: 1)
    let informative = try arguments.integer("n_informative", default: 2, minimum: 1)
    let redundant = try arguments.integer("n_redundant", default: 2, minimum: 0)
    let repeated = try arguments.integer("n_repeated", default: 0, minimum: 0)
    let classes = try arguments.integer("n_classes", default: 2, minimum: 1)
    let perClass = try arguments.integer("n_clusters_per_class", default: 2, minimum: 1)
    if let weights = arguments.value("weights"), !weights.isNone {
      throw arguments.limitation("weights", weights)
    }
    guard let flip = try arguments.real("flip_y", default: 0.01), (0...1).contains(flip) else {
      throw arguments.limitation("flip_y", arguments.value("flip_y")!)
    }
    guard let separation = try arguments.real("class_sep", default: 1), separation > 0 else {
      throw arguments.limitation("class_sep", arguments.value("class_sep")!)
    }
    guard arguments.flag("hypercube", default: true) else {
      throw arguments.limitation("hypercube", arguments.value("hypercube")!)
    }
    guard arguments.flag("return_X_y", default: true) else {
      throw arguments.limitation("return_X_y", arguments.value("return_X_y")!)
    }
    let shift = try arguments.real("shift", default: 0)
    let scale = try arguments.real("scale", default: 1)
    if let scale, scale <= 0 { throw arguments.limitation("scale", arguments.value("scale")!) }
    let shuffle = arguments.flag("shuffle", default: true)
    var random = try SklearnRandomState(arguments, interpreter: interpreter)

    // scikit-learn's own checks, in its words.
    guard informative + redundant + repeated <= features else {
      throw CellError(
        type: "ValueError",
        message:
          "Number of informative, redundant and repeated features must sum to less than the number of total features",
        range: range)
    }
    let (clusters, clusterOverflow) = classes.multipliedReportingOverflow(by: perClass)
    guard !clusterOverflow else { throw arguments.limitation("n_classes", .int(classes)) }
    if Double(informative) < log2(Double(clusters)) {
      let power = informative < 63 ? String(1 << informative) : "2**\(informative)"
      throw CellError(
        type: "ValueError",
        message:
          "n_classes(\(classes)) * n_clusters_per_class(\(perClass)) must be smaller or equal 2**n_informative(\(informative))=\(power)",
        range: range)
    }
    guard informative <= 256 else {
      throw arguments.limitation("n_informative", arguments.value("n_informative")!)
    }
    let (values, overflow) = features.multipliedReportingOverflow(by: samples)
    guard !overflow else { throw arguments.limitation("n_features", .int(features)) }
    try interpreter.budget.allocate(count: values, size: 8 * 3, at: range)

    // Samples per cluster: `int(n_samples * (1 / n_classes) / n_clusters_per_class)`, the rest
    // one by one from the first cluster.
    let weight = 1.0 / Double(classes)
    var perCluster = [Int](
      repeating: Int(Double(samples) * weight / Double(perClass)), count: clusters)
    for index in 0..<(samples - perCluster.reduce(0, +)) { perCluster[index % clusters] += 1 }

    let vertices = try hypercube(
      clusters, informative, &random.state, arguments: arguments, interpreter: interpreter)
    let centroids = vertices.map { $0 * (2 * separation) - separation }

    var informativeValues = random.state.gaussians(
      count: samples * informative, loc: 0, scale: 1)
    var labels = [Double](repeating: 0, count: samples)
    var stop = 0
    for cluster in 0..<clusters {
      let start = stop
      stop += perCluster[cluster]
      for row in start..<stop { labels[row] = Double(cluster % classes) }
      let covariance = random.state.uniforms(
        count: informative * informative, low: 0, width: 1
      ).map { 2 * $0 - 1 }
      let rows = stop - start
      let block = Array(informativeValues[(start * informative)..<(stop * informative)])
      guard
        let moved = OpenBLASDoubleProduct.product(
          block, rows: rows, shared: informative, covariance, columns: informative)
      else {
        throw .unsupported(
          "ConvBook does not support make_classification with a cluster of one sample yet (NumPy multiplies a single row in another order); pass more n_samples",
          at: range)
      }
      for row in 0..<rows {
        for column in 0..<informative {
          informativeValues[(start + row) * informative + column] =
            moved[row * informative + column] + centroids[cluster * informative + column]
        }
      }
    }

    var blocks: [(values: [Double], width: Int)] = [(informativeValues, informative)]
    if redundant > 0 {
      let mixing = random.state.uniforms(count: informative * redundant, low: 0, width: 1).map {
        2 * $0 - 1
      }
      guard
        let values = OpenBLASDoubleProduct.product(
          informativeValues, rows: samples, shared: informative, mixing, columns: redundant)
      else {
        throw arguments.limitation("n_samples", .int(samples))
      }
      blocks.append((values, redundant))
    }
    if repeated > 0 {
      let known = informative + redundant
      let picks = random.state.uniforms(count: repeated, low: 0, width: 1).map {
        Int(Double(known - 1) * $0 + 0.5)
      }
      let joined = SampleColumns.join(blocks, rows: samples)
      blocks.append((SampleColumns.pick(joined, columns: known, rows: samples, picks), repeated))
    }
    let useless = features - informative - redundant - repeated
    if useless > 0 {
      blocks.append(
        (random.state.gaussians(count: samples * useless, loc: 0, scale: 1), useless))
    }

    // `flip_y >= 0` always holds: the flips are drawn even for 0.
    let flips = random.state.uniforms(count: samples, low: 0, width: 1)
    let flipped = flips.indices.filter { flips[$0] < flip }
    let drawn = random.state.boundedIntegers(
      count: flipped.count, low: 0, span: UInt64(classes - 1))
    for (row, label) in zip(flipped, drawn) { labels[row] = label }
    let shifts =
      shift.map { [Double](repeating: $0, count: features) }
      ?? random.state.uniforms(count: features, low: 0, width: 1).map {
        (2 * $0 - 1) * separation
      }
    let scales =
      scale.map { [Double](repeating: $0, count: features) }
      ?? random.state.uniforms(count: features, low: 0, width: 1).map { 1 + 100 * $0 }

    let (rowOrder, columnOrder) = random.orders(rows: samples, columns: features, shuffle)
    let arranged = SampleColumns.arrange(
      SampleColumns.join(blocks, rows: samples), rows: samples, columns: features,
      shift: shifts, scale: scales, rowOrder: rowOrder, columnOrder: columnOrder)
    return try random.finish(
      [
        .array(NDArray(dtype: .float64, shape: [samples, features], doubles: arranged)),
        .array(NDArray(dtype: .int64, shape: [samples], doubles: rowOrder.map { labels[$0] })),
      ], drew: true, interpreter: interpreter, range: range)
  }

  /// `_generate_hypercube(samples, dimensions, rng)`: distinct vertices, each as its bits
  /// (0 or 1) from the highest, row-major.
  private static func hypercube(
    _ samples: Int, _ dimensions: Int, _ state: inout NumPyRandomState,
    arguments: SklearnArguments, interpreter: Interpreter
  ) throws(CellError) -> [Double] {
    if dimensions > 30 {
      let leading = state.boundedIntegers(count: samples * (dimensions - 30), low: 0, span: 1)
      let rest = try hypercube(
        samples, 30, &state, arguments: arguments, interpreter: interpreter)
      return SampleColumns.join([(leading, dimensions - 30), (rest, 30)], rows: samples)
    }
    let population = 1 << dimensions
    let picks = try sampleWithoutReplacement(
      population, samples, &state, arguments: arguments, interpreter: interpreter)
    var bits: [Double] = []
    bits.reserveCapacity(samples * dimensions)
    for pick in picks {
      for bit in stride(from: dimensions - 1, through: 0, by: -1) {
        bits.append(Double((pick >> bit) & 1))
      }
    }
    return bits
  }

  /// `sklearn.utils.random.sample_without_replacement(population, samples, method="auto")`:
  /// `permutation(population)[:samples]` for a ratio strictly between 0.01 and 0.99, tracking
  /// selection (`randint(population)` until unseen) below 0.2, reservoir sampling otherwise.
  private static func sampleWithoutReplacement(
    _ population: Int, _ samples: Int, _ state: inout NumPyRandomState,
    arguments: SklearnArguments, interpreter: Interpreter
  ) throws(CellError) -> [Int] {
    let ratio = population != 0 ? Double(samples) / Double(population) : 1
    if ratio > 0.01 && ratio < 0.99 {
      try interpreter.budget.allocate(count: population, size: 8, at: arguments.range)
      var order = Array(0..<population)
      NumPyRandomIntegers.shuffle(count: population, &state) { order.swapAt($0, $1) }
      return Array(order.prefix(samples))
    }
    if ratio < 0.2 {
      var selected = Set<Int>()
      var picks: [Int] = []
      for _ in 0..<samples {
        var pick = Int(state.bounded(UInt64(population - 1)))
        while selected.contains(pick) { pick = Int(state.bounded(UInt64(population - 1))) }
        selected.insert(pick)
        picks.append(pick)
      }
      return picks
    }
    var picks = Array(0..<samples)
    if samples < population {
      for index in samples..<population {
        let pick = Int(state.bounded(UInt64(index)))
        if pick < samples { picks[pick] = index }
      }
    }
    return picks
  }
}
