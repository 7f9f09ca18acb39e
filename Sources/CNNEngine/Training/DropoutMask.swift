/// `Dropout` / `SpatialDropout1D/2D/3D` in training mode: each unit is kept with probability
/// 1 - rate and scaled by 1 / (1 - rate), as Keras does. The mask comes from a `SeededGenerator`
/// (TensorFlow's own random stream cannot be reproduced), so a training run is deterministic for
/// its seed; spatial dropout draws one decision per (sample, channel) for every position.
enum DropoutMask {
  /// A mask of `shape` (N, ..., C) holding 0 or 1 / (1 - rate).
  static func draw(
    shape: [Int], rate: Float, spatial: Bool, generator: inout SeededGenerator
  ) -> [Float] {
    let count = shape.reduce(1, *)
    let keep = 1 - rate
    let scale = keep > 0 ? 1 / keep : 0
    guard spatial, shape.count > 2 else {
      return (0..<count).map { _ in generator.unit() < Double(keep) ? scale : 0 }
    }
    let batch = shape[0]
    let channels = shape[shape.count - 1]
    let positions = count / max(1, batch * channels)
    let decisions = (0..<(batch * channels)).map { _ in
      generator.unit() < Double(keep) ? scale : Float(0)
    }
    var mask = [Float](repeating: 0, count: count)
    for n in 0..<batch {
      for p in 0..<positions {
        for c in 0..<channels {
          mask[(n * positions + p) * channels + c] = decisions[n * channels + c]
        }
      }
    }
    return mask
  }
}
