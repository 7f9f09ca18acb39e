import CNNEngine

/// The seeded weights of the application forward fixtures, drawn bit for bit as
/// `Tools/keras-reference/portable_weights.py` draws them (the scheme is described there and in
/// that folder's README): a `SeededGenerator` stream per Keras weight name, uniform values whose
/// range follows the variable (He-uniform kernels over the fan-in, LeCun-uniform depthwise
/// kernels, small shifts, scales near 1).
/// A fixture then holds only the seed and the outputs, however many weights the model has.
enum PortableWeights {
  static let scheme = "scaled-uniform-2"

  struct UnknownWeight: Error, CustomStringConvertible {
    let name: String
    var description: String { "the \(PortableWeights.scheme) scheme has no rule for \(name)" }
  }

  /// float32 values uniform in [lower, upper) of `shape` (row-major) from the named stream:
  /// `lower + (upper - lower) * unit()` in Double, rounded to Float once.
  static func uniform(seed: UInt64, stream: String, shape: [Int], lower: Double, upper: Double)
    -> Tensor
  {
    var generator = SeededGenerator(seed: seed, stream: stream)
    let count = shape.reduce(1, *)
    var values = [Float](repeating: 0, count: count)
    for index in 0..<count { values[index] = Float(generator.uniform(lower, upper)) }
    return Tensor(validShape: shape, scalars: values)
  }

  /// The range of a weight, by its variable name (`conv1_conv/kernel:0` -> `kernel`).
  static func range(of name: String, shape: [Int]) throws -> (lower: Double, upper: Double) {
    let variable = name.split(separator: "/").last.map { $0.split(separator: ":")[0] } ?? ""
    let (gain, fanIn): (Double, Int)
    switch variable {
    case "kernel", "pointwise_kernel": (gain, fanIn) = (2, shape.dropLast().reduce(1, *))
    case "depthwise_kernel": (gain, fanIn) = (1, shape.dropLast(2).reduce(1, *))
    case "bias", "beta", "moving_mean", "mean": return (-0.1, 0.1)
    case "gamma", "moving_variance", "variance": return (0.8, 1.2)
    default: throw UnknownWeight(name: name)
    }
    let limit = (3 * gain / Double(max(1, fanIn))).squareRoot()
    return (-limit, limit)
  }

  /// Every weight of `model`; integer weights (Normalization's `count`) are 0.
  static func weights(for model: KerasModel, seed: UInt64) throws -> ModelWeights {
    var tensors: [String: Tensor] = [:]
    let entries = try ModelWeights.expected(for: model)
    for entry in entries {
      let shape = entry.spec.shape
      if entry.spec.bytesPerValue != 4 {
        tensors[entry.kerasName] = Tensor(
          validShape: shape, scalars: [Float](repeating: 0, count: shape.reduce(1, *)))
        continue
      }
      let (lower, upper) = try range(of: entry.kerasName, shape: shape)
      tensors[entry.kerasName] = uniform(
        seed: seed, stream: entry.kerasName, shape: shape, lower: lower, upper: upper)
    }
    return ModelWeights(names: entries.map(\.kerasName), tensors: tensors)
  }
}
