/// Keras' reading of `padding=` / `cropping=` arguments for `ZeroPadding` and `Cropping` layers:
/// an int, a tuple of one int per axis (symmetric), or a tuple of (before, after) pairs.
enum SpatialPairs {
  static func parse(
    _ value: ArgumentValue, rank: Int, argument: String, layer: String
  ) throws(KerasError) -> [(Int, Int)] {
    if rank == 1 {
      let pair = try LayerArguments.normalizeTuple(value, count: 2, name: argument, allowZero: true)
      return [(pair[0], pair[1])]
    }
    if case .int(let amount) = value {
      if amount < 0 { throw .value("`\(argument)` cannot be negative. Received: \(amount)") }
      return Array(repeating: (amount, amount), count: rank)
    }
    guard let items = value.sequenceItems else {
      throw invalid(value, rank: rank, argument: argument)
    }
    if items.count != rank {
      throw .value(
        "`\(argument)` should have \(rank == 2 ? "two" : "three") elements. Received: \(value)."
      )
    }
    let ordinals = ["1st", "2nd", "3rd"]
    var pairs: [(Int, Int)] = []
    for (index, item) in items.enumerated() {
      let pair = try LayerArguments.normalizeTuple(
        item, count: 2, name: "\(ordinals[index]) entry of \(argument)", allowZero: true)
      pairs.append((pair[0], pair[1]))
    }
    return pairs
  }

  private static func invalid(_ value: ArgumentValue, rank: Int, argument: String) -> KerasError {
    .value(
      "`\(argument)` should be either an int, a tuple of \(rank) ints, or a tuple of \(rank) tuples of 2 ints. Received: \(value)."
    )
  }
}
