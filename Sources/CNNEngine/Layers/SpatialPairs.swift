/// Keras' reading of `padding=` / `cropping=` arguments for `ZeroPadding` and `Cropping` layers:
/// an int, a tuple of one int per axis (symmetric), or a tuple of (before, after) pairs.
enum SpatialPairs {
  /// A negative int for a 2-D or 3-D layer: both Kerases check only the tuple forms
  /// (`normalize_tuple` / `standardize_tuple(..., allow_zero=True)`). Keras 3 refuses a negative
  /// `cropping` in so many words and keeps a negative `padding` (`ZeroPadding.outputShape`);
  /// tf-keras keeps both: its `tf.pad` refuses the padding when the layer is called, and its
  /// Cropping crops with Python's slice semantics, which ConvBook does not (a limitation).
  static func parse(
    _ value: ArgumentValue, rank: Int, argument: String, layer: String, version: KerasVersion
  ) throws(KerasError) -> [(Int, Int)] {
    if rank == 1 {
      let pair = try LayerArguments.normalizeTuple(value, count: 2, name: argument, allowZero: true)
      return [(pair[0], pair[1])]
    }
    if case .int(let amount) = value {
      if amount < 0 && argument == "cropping" {
        guard version == .keras2 else {
          throw .value("`\(argument)` cannot be negative. Received: \(amount)")
        }
        throw .limitation(
          "ConvBook does not support a negative `cropping` of tf-keras' \(layer) (tf-keras crops with Python's slice semantics there, inputs[:, \(amount):\(-amount)])"
        )
      }
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
