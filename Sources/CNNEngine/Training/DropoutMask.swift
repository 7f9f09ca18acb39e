/// `Dropout` / `SpatialDropout1D/2D/3D` in training mode: each unit is kept with probability
/// 1 - rate and scaled by 1 / (1 - rate), as Keras does. The mask comes from a `SeededGenerator`
/// (tf-keras' stateful random ops cannot be reproduced), so a training run is deterministic for
/// its seed; spatial dropout draws one decision per (sample, channel) for every position. A
/// Keras 3 layer whose `SeedGenerator` seed is known draws TensorFlow's own mask instead
/// (`KerasSeedGenerator`).
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

/// A Keras 3 layer's `SeedGenerator` (`Dropout`, `SpatialDropoutND`) when its seed is known: the
/// state `[seed, draws]`, which every training call reads and then advances by `[0, 1]`, so it
/// carries over from one `fit` to the next as the layer's variable does. Keras 3's TensorFlow
/// dropout is `tf.nn.experimental.stateless_dropout` with that state as the seed:
/// `stateless_uniform(noise_shape) >= rate` keeps a value, which becomes x * float32(1 / (1 -
/// rate)) (the scale computed in double precision), and the others exactly 0. Measured against
/// Keras 3.15.1 (layer calls with `training=True`, one draw per call).
public final class KerasSeedGenerator: @unchecked Sendable {
  public let seed: UInt64
  /// Calls drawn so far: the state's second word. Training runs its steps one at a time.
  public private(set) var draws: UInt64 = 0

  public init(seed: UInt64) { self.seed = seed }

  /// The values of `input` (N, ..., C) after one training call of a dropout of `rate`; `mask`
  /// receives the gradient's factor of each value (the scale or 0). `spatial`: one decision per
  /// (sample, channel), as the noise shape (N, 1, ..., 1, C) draws them.
  func drop(_ input: [Float], shape: [Int], rate: Double, spatial: Bool, mask: inout [Float])
    -> [Float]
  {
    // `_cast_seed`: int64 state words modulo 2^31 - 2, then int32.
    let modulus: UInt64 = 2_147_483_646
    let random = TensorFlowRandom(seed0: seed % modulus, seed1: draws % modulus)
    draws += 1
    let batch = shape.first ?? 1
    let channels = shape.last ?? 1
    let spatialNoise = spatial && shape.count > 2
    let noise = random.uniform(count: spatialNoise ? batch * channels : input.count)
    let threshold = Float(rate)
    let scale = Float(1 / (1 - rate))
    let positions = spatialNoise ? input.count / max(1, batch * channels) : 1
    mask = [Float](repeating: 0, count: input.count)
    var output = [Float](repeating: 0, count: input.count)
    for index in input.indices {
      let draw =
        spatialNoise
        ? noise[(index / (positions * channels)) * channels + index % channels] : noise[index]
      guard draw >= threshold else { continue }
      mask[index] = scale
      output[index] = input[index] * scale
    }
    return output
  }
}

extension LayerInstance {
  /// Whether the layer's training draws are TensorFlow's own: a Keras 3 `Dropout` /
  /// `SpatialDropoutND` whose `SeedGenerator` seed is known, without a `noise_shape` of its own.
  public var drawsAsTensorFlow: Bool {
    guard seedGenerator != nil, let dropout = layer as? Dropout else { return false }
    if case .none = dropout.common.arguments["noise_shape"] { return true }
    return false
  }
}
