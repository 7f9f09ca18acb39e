import CNNEngine

/// What a session remembers about training: each model's current weights and its trainer (whose
/// optimizer state carries over from one `fit` to the next, as in Keras), the seed of
/// `keras.utils.set_random_seed`, and the files the host lets cells read and write.
public final class CellTraining {
  struct ModelState {
    /// Kept so that the identifier stays valid.
    let model: SequentialModel
    var weights: ModelWeights
    var trainer: Trainer?
    /// How many epochs `fit` has run on this model, so that every epoch shuffles differently.
    var epochsRun = 0
  }

  var states: [ObjectIdentifier: ModelState] = [:]
  /// The session's seed (`keras.utils.set_random_seed`, `tf.random.set_seed`, `np.random.seed`):
  /// seeds initial weights, shuffling and dropout.
  public internal(set) var seed: UInt64 = 0
  /// The lesson folder's files, when the host provides them (`model.save_weights`, data sets).
  public var files: CellFiles?
  /// The functions given to `keras.callbacks.LearningRateScheduler(schedule)`: the callback object
  /// keeps its schedule's index here (Keras objects hold arguments as data, not cell values).
  var schedules: [Value] = []
  /// The functions defined in cells that `compile` received, per model, by name: a loss among
  /// them is traced into tensor operations when the model's trainer is made.
  var compiledFunctions: [ObjectIdentifier: [String: Value]] = [:]

  init() {}

  /// The model's current weights: trained, loaded, or freshly initialized from the seed.
  func weights(of model: SequentialModel, memoryBudget: Int) throws(ForwardError) -> ModelWeights {
    if let state = states[ObjectIdentifier(model)] {
      return state.trainer?.weights ?? state.weights
    }
    let weights = try ModelWeights.initialized(
      for: model, seed: seed, memoryBudget: memoryBudget)
    states[ObjectIdentifier(model)] = ModelState(model: model, weights: weights)
    return weights
  }

  /// Weights of a model trained in this session, for figures and exercises.
  public func trainedWeights(of model: SequentialModel) -> ModelWeights? {
    guard let state = states[ObjectIdentifier(model)] else { return nil }
    return state.trainer?.weights ?? state.weights
  }
}

/// Files a session may use, supplied by the host (ConvBookCore gives the lesson's folder). Names
/// are relative to the folder and already checked (`CellFiles.check`) when these are called.
public struct CellFiles {
  /// The bytes of a file in the folder; throws a message when it cannot be read.
  public var read: (String) throws -> [UInt8]
  /// Writes a file in the folder, atomically.
  public var write: (String, [UInt8]) throws -> Void
  /// Keras' own data set cache (`~/.keras/datasets/NAME`): the bytes, or nil when absent.
  public var kerasDataset: (String) -> [UInt8]?

  public init(
    read: @escaping (String) throws -> [UInt8], write: @escaping (String, [UInt8]) throws -> Void,
    kerasDataset: @escaping (String) -> [UInt8]?
  ) {
    self.read = read
    self.write = write
    self.kerasDataset = kerasDataset
  }

  /// Why a file name a cell gave is refused, or nil: cells reach only files inside the lesson's
  /// folder, by relative names without `..`.
  static func problem(with name: String) -> String? {
    if name.isEmpty { return "the file name is empty" }
    if name.hasPrefix("/") || name.hasPrefix("~") {
      return
        "ConvBook cells write and read files in the lesson's folder only; \(PythonFormat.quoted(name)) is outside it (use a name relative to the lesson)"
    }
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    if parts.contains("..") || parts.contains("") {
      return
        "ConvBook cells write and read files in the lesson's folder only; \(PythonFormat.quoted(name)) leaves it or is not a plain relative name"
    }
    return nil
  }
}
