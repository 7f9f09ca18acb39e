import CNNKernels

/// A reproducible input batch for a model when none is given: uniform values in [0, 1), like
/// pixel intensities scaled by 1/255, from the `SeededGenerator` stream named "input".
public enum SeededInput {
  /// Unknown (None) sample dimensions get this size.
  public static let unknownDimension = 32

  /// input shape (batch, sample...) of `model`; a model without an input shape gets (batch, 32).
  public static func batch(for model: KerasModel, batch: Int, seed: UInt64) -> Tensor {
    let sample = model.inputShape?.sample.map { $0 ?? unknownDimension } ?? [unknownDimension]
    return tensor(shape: [max(0, batch)] + sample, seed: seed)
  }

  /// The shape of each input of `model` at `batch` (a graph may have several), unknown sizes as
  /// `batch(for:)` fills them.
  public static func shapes(for model: KerasModel, batch: Int) -> [[Int]] {
    let shapes = model.inputShapeList ?? [model.inputShape ?? TensorShape([nil, nil])]
    return shapes.map { [max(0, batch)] + $0.sample.map { $0 ?? unknownDimension } }
  }

  /// One seeded batch per input of `model`: the first as `batch(for:)` draws it, the others from
  /// streams "input_1", "input_2", ...
  public static func batches(for model: KerasModel, batch: Int, seed: UInt64) -> [Tensor] {
    shapes(for: model, batch: batch).enumerated().map { index, shape in
      tensor(shape: shape, seed: seed, stream: index == 0 ? "input" : "input_\(index)")
    }
  }

  /// Uniform [0, 1) values of `shape`.
  public static func tensor(shape: [Int], seed: UInt64, stream: String = "input") -> Tensor {
    var generator = SeededGenerator(seed: seed, stream: stream)
    let count = shape.reduce(1, *)
    var values = [Float](repeating: 0, count: count)
    // Float(unit()) may round up to 1.0; 24 bits keep every value below 1 exactly.
    for index in 0..<count { values[index] = Float(generator.next() >> 40) * 0x1p-24 }
    return Tensor(validShape: shape, scalars: values)
  }
}
