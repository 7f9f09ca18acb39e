import CNNEngine

/// What a session remembers about training: each model's current weights and its trainer (whose
/// optimizer state carries over from one `fit` to the next, as in Keras), the seed of
/// `keras.utils.set_random_seed`, and the files the host lets cells read and write.
public final class CellTraining {
  struct ModelState {
    /// Kept so that the identifier stays valid.
    let model: KerasModel
    var weights: ModelWeights
    var trainer: Trainer?
    /// How many epochs `fit` has run on this model, so that every epoch shuffles differently.
    var epochsRun = 0
    /// When its weights last changed (`CellTraining.clock`).
    var updated = 0
  }

  var states: [ObjectIdentifier: ModelState] = [:]
  /// The session's seed (`keras.utils.set_random_seed`, `tf.random.set_seed`, `np.random.seed`):
  /// seeds initial weights, shuffling and dropout.
  public internal(set) var seed: UInt64 = 0
  /// The lesson folder's files, when the host provides them (`model.save_weights`, data sets).
  public var files: CellFiles?
  /// The global dtype policy while it computes in another type than float32
  /// (`keras.mixed_precision.set_global_policy("mixed_float16")`): every layer made then, the
  /// script's own and the operations they trace included, computes in that type, which ConvBook
  /// does not (`runningWeights`).
  var otherPrecisionPolicy: String?
  /// The functions given to `keras.callbacks.LearningRateScheduler(schedule)`: the callback object
  /// keeps its schedule's index here (Keras objects hold arguments as data, not cell values).
  var schedules: [Value] = []
  /// The functions defined in cells that `compile` received, per model, by name: a loss among
  /// them is traced into tensor operations when the model's trainer is made.
  var compiledFunctions: [ObjectIdentifier: [String: Value]] = [:]
  /// The script's `keras.metrics.Metric` objects `compile` received, per model, by the identity
  /// of the object its compile arguments keep for each (`ScriptMetricTraining`).
  var metricObjects: [ObjectIdentifier: [ObjectIdentifier: PythonInstance]] = [:]
  /// The dtype a script's metric gets `y_true` in: float32, or the integer dtype the targets of
  /// the latest `fit` / `evaluate` were given in.
  var metricTargetDType = EagerDType.float32
  /// An error a script's metric raised inside the trainer, for the training call to raise.
  var metricError: CellError?

  /// Notes the dtype of the targets training is given, for the script's metrics' `y_true`.
  func noteMetricTargets(_ targets: [NDArray]) {
    let dtypes = targets.map { EagerDType(of: $0) }
    metricTargetDType = dtypes.first(where: { !$0.isFloat }) ?? .float32
  }
  /// What code assigned to a layer's `activation` (`ClassLayerSettings`), read back as given.
  var assignedActivations: [ObjectIdentifier: (layer: LayerInstance, value: Value)] = [:]
  /// The models whose `model.optimizer` cells read, by identity: an optimizer's learning rate
  /// is its model's (`LearningRateVariable`).
  var optimizerOwners: [ObjectIdentifier: KerasModel] = [:]
  /// The optimizer object `model.optimizer` answers for a model compiled with an optimizer's
  /// name, made at the first read and the same at every read until the next `compile`.
  var namedOptimizers: [ObjectIdentifier: KerasObject] = [:]
  /// The names of each model's logs in its latest `fit` or `evaluate` (tf-keras'
  /// `metrics_names` once training has built the metrics).
  var metricNames: [ObjectIdentifier: [String]] = [:]
  /// tf-keras' trainable flag of each weight when the model was compiled (by Keras name): its
  /// training keeps them until the next `compile`, whatever `trainable` says meanwhile (the GAN
  /// pattern: a discriminator compiled, then frozen inside the combined model, still trains on
  /// its own). Keras 3 reads the flags at each call instead.
  var compiledTrainable: [ObjectIdentifier: [String: Bool]] = [:]
  /// `model.stop_training`, per model (set by a callback to end `fit` after the epoch).
  var stopTraining: [ObjectIdentifier: Bool] = [:]
  /// The step functions Keras has traced for each model since its last `compile`
  /// (`TrainingCalls.checkRetrace`); the model is kept so that the identifier stays valid.
  private var tracedSteps: [ObjectIdentifier: (model: KerasModel, steps: Set<String>)] = [:]

  /// Notes that `step` (`train`, `test`, `predict`) of `model` was traced.
  func traced(_ step: String, of model: KerasModel) {
    tracedSteps[ObjectIdentifier(model), default: (model, [])].steps.insert(step)
  }

  /// Whether `step` of `model` was traced since its last `compile`.
  func hasTraced(_ step: String, of model: KerasModel) -> Bool {
    tracedSteps[ObjectIdentifier(model)]?.steps.contains(step) ?? false
  }

  /// `compile` drops the model's traced step functions.
  func forgetTracedSteps(of model: KerasModel) {
    tracedSteps[ObjectIdentifier(model)] = nil
  }

  /// Counts changes of weights, so that models sharing layers take the newest values.
  var clock = 0
  /// Values given to a layer by `layer.set_weights` (by Keras weight name) and when: the models
  /// holding the layer take them as they take a shared layer's (`synchronize`).
  var layerValues:
    [ObjectIdentifier: (instance: LayerInstance, tensors: [String: Tensor], updated: Int)] =
      [:]

  /// Whether ConvBook's own values of a weight (drawn without a seed TensorFlow would use,
  /// `knownValues`) have been read since the session began: values computed since may carry
  /// them, so a weight changed after that no longer shows Keras' exact values.
  var ownValuesRead = false
  /// Whether each weight's values are exactly Keras' after they changed (set, assigned, trained),
  /// by layer and ConvBook's weight name; weights not listed are as first drawn.
  var knownAfterChange: [ObjectIdentifier: (instance: LayerInstance, known: [String: Bool])] = [:]
  /// Whether each weight's values derive from ConvBook's own random draws after they changed
  /// (`ownDraw(of:in:)`), by layer and ConvBook's weight name; weights not listed are as first
  /// drawn.
  var ownAfterChange: [ObjectIdentifier: (instance: LayerInstance, own: [String: Bool])] = [:]
  /// Whether a value deriving from ConvBook's own draws may exist in the session: until then no
  /// value needs checking (`OwnDraws`).
  var ownDrawsSeen = false

  init() {}

  /// The model's current weights: trained, loaded, or freshly initialized from the seed; the
  /// layers it shares with other models hold the values those models last gave them.
  func weights(of model: KerasModel, memoryBudget: Int) throws(ForwardError) -> ModelWeights {
    if states[ObjectIdentifier(model)] == nil {
      let weights = try ModelWeights.initialized(
        for: model, seed: seed, memoryBudget: memoryBudget)
      states[ObjectIdentifier(model)] = ModelState(model: model, weights: weights)
    }
    synchronize(model)
    if !ownValuesRead, !allKnown(in: model) { ownValuesRead = true }
    let state = states[ObjectIdentifier(model)]!
    return state.trainer?.weights ?? state.weights
  }

  /// `weights(of:memoryBudget:)` for a forward pass or training, refused while the global dtype
  /// policy computes in another type (the weights themselves are float32 under a mixed policy).
  func runningWeights(of model: KerasModel, memoryBudget: Int) throws(ForwardError)
    -> ModelWeights
  {
    if let policy = otherPrecisionPolicy {
      throw ForwardError(
        .model,
        "ConvBook does not support running a model under the dtype policy \"\(policy)\" yet: it computes in float32"
      )
    }
    if let refusal = model.channelsFirstCPURefusal { throw ForwardError(.model, refusal) }
    return try weights(of: model, memoryBudget: memoryBudget)
  }

  /// Notes that the model's weights changed (trained, loaded), to values that derive from
  /// ConvBook's own draws (`own`) or not, and that are Keras' own (`known`) or not: a training
  /// that started from Keras' values on Keras' data, every draw in it Keras' (no shuffle or
  /// dropout of ConvBook's own), computes them as TensorFlow does (the losses it prints and
  /// `predict` after it show them); a file's values are not followed.
  func touched(_ model: KerasModel, own: Bool, known: Bool = false) {
    clock += 1
    for instance in model.flattenedLayers {
      mark(instance, instance.variables.map(\.name), known: known && !own, own: own)
    }
    states[ObjectIdentifier(model)]?.updated = clock
  }

  /// Keras' layers hold their variables, so a layer in several models (an encoder inside an
  /// autoencoder, a siamese branch) has one set of values: copies into `model`'s weights the
  /// values of shared layers from models whose weights changed since, newest last.
  func synchronize(_ model: KerasModel) {
    let key = ObjectIdentifier(model)
    guard var state = states[key] else { return }
    let newer = states.filter { $0.key != key && $0.value.updated > state.updated }
      .map(\.value).sorted { $0.updated < $1.updated }
    let mine = Self.layers(of: model)
    let newerLayers = layerValues.values.filter {
      $0.updated > state.updated && mine[$0.instance.weightsName] == ObjectIdentifier($0.instance)
    }.sorted { $0.updated < $1.updated }
    guard !newer.isEmpty || !newerLayers.isEmpty else { return }
    var current = state.trainer?.weights ?? state.weights
    var tensors: [String: Tensor] = [:]
    for name in current.names { tensors[name] = current[name] }
    var changed = false
    // Models' values and layers' own (`set_weights`) in the order they were given.
    let sources: [(updated: Int, values: [(String, Tensor)])] =
      (newer.map { other in
        let theirs = Self.layers(of: other.model)
        let values = other.trainer?.weights ?? other.weights
        let shared = values.names.compactMap { name -> (String, Tensor)? in
          let layer = Self.layerName(of: name)
          guard let identity = mine[layer], theirs[layer] == identity, let value = values[name]
          else { return nil }
          return (name, value)
        }
        return (other.updated, shared)
      }
      + newerLayers.map { ($0.updated, $0.tensors.map { ($0.key, $0.value) }) })
      .sorted { $0.updated < $1.updated }
    for source in sources {
      for (name, value) in source.values where tensors[name] != nil {
        tensors[name] = value
        changed = true
      }
      state.updated = max(state.updated, source.updated)
    }
    if changed {
      current = ModelWeights(names: current.names, tensors: tensors)
      if let trainer = state.trainer { trainer.restore(current) } else { state.weights = current }
    }
    states[key] = state
  }

  /// The model's layers (nested models' included) by the name their weights are stored under.
  private static func layers(of model: KerasModel) -> [String: ObjectIdentifier] {
    var result: [String: ObjectIdentifier] = [:]
    for instance in model.flattenedLayers {
      result[instance.weightsName] = ObjectIdentifier(instance)
    }
    return result
  }

  /// `dense/kernel:0` -> `dense`.
  private static func layerName(of weight: String) -> String {
    guard let slash = weight.lastIndex(of: "/") else { return weight }
    return String(weight[..<slash])
  }

  /// Keras 3's `Optimizer params` of the model's summary: its optimizer's variables once a step
  /// has built it (`compile` makes a new optimizer, unbuilt until the next step).
  func keras3OptimizerParameters(of model: KerasModel) -> ModelSummary.OptimizerParameters? {
    guard let variables = states[ObjectIdentifier(model)]?.trainer?.keras3OptimizerVariables
    else { return nil }
    return .init(count: variables.count, bytes: variables.bytes)
  }

  /// Weights of a model trained in this session, for figures and exercises.
  public func trainedWeights(of model: KerasModel) -> ModelWeights? {
    synchronize(model)
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
