/// How the statistics of a shape trace were measured, so that a caption can say what the numbers
/// mean (untrained weights on a random input are not what a trained model sees), or why a trace
/// has none.
public struct TraceMeasurement: Sendable, Equatable {
  /// Where the weights of the pass came from.
  public enum Weights: Sendable, Equatable {
    /// Keras' default initialisers drawn from a seeded generator: an untrained model.
    case initialized(seed: UInt64)
    /// Loaded from a NumPy archive, named as the lesson or the command line named it.
    case loaded(file: String)
  }

  /// The seed of the weights and of the input when nobody chooses one: fixed, so that every build
  /// of a lesson shows the same numbers.
  public static let defaultSeed: UInt64 = 0

  public var weights: Weights
  /// The seed of the uniform [0, 1) input; nil when the caller gave the input.
  public var inputSeed: UInt64?
  /// Samples in the pass; the statistics cover all of them.
  public var batch: Int
  /// Why there are no statistics (the pass was refused or failed); nil when they were measured.
  public var failure: String?
  /// Wall-clock seconds of the whole pass, weights excluded; only the terminal shows it.
  public var seconds: Double?

  public init(
    weights: Weights, inputSeed: UInt64?, batch: Int, failure: String? = nil,
    seconds: Double? = nil
  ) {
    self.weights = weights
    self.inputSeed = inputSeed
    self.batch = batch
    self.failure = failure
    self.seconds = seconds
  }

  /// Where the numbers come from, in one sentence for a caption or a terminal header.
  public var provenance: String {
    var samples: String
    if let inputSeed {
      samples = batch == 1 ? "one random input" : "\(batch) random inputs"
      samples += " (uniform in [0, 1), seed \(inputSeed))"
    } else {
      samples = batch == 1 ? "the given input" : "the given \(batch) inputs"
    }
    switch weights {
    case .initialized(let seed):
      return
        "One forward pass of \(samples) through untrained weights, drawn with Keras' default initialisers (seed \(seed))"
    case .loaded(let file):
      return "One forward pass of \(samples) through the weights in \(file)"
    }
  }
}
