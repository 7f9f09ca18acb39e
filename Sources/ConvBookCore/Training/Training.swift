import CNNEngine
import Foundation

/// `convbook fit`: trains the compiled model of a lesson or script on `.npy` / `.npz` data as
/// `model.fit` would, and writes the trained weights (moving statistics included) as an `.npz`
/// under Keras' weight names, atomically.
///
/// Inputs and targets are given as `predict` takes inputs: one `.npy` (a model with one input or
/// output), one `.npz` keyed by the model's input (output) layers' names, or one `NAME=FILE.npy`
/// per input (output). They reach the trainer in `model.inputs` / `model.outputs` order.
public struct Training {
  /// `--x` values: `FILE.npy`, `FILE.npz` or `NAME=FILE.npy` (repeated, one per input).
  public var inputSources: [String]
  /// `--y` values, the same forms for the model's outputs.
  public var targetSources: [String]
  public var weightsPath: String?
  public var outputPath: String
  public var modelName: String?
  public var options: Trainer.Options
  public var memoryBudget: Int
  public var threads: Int

  /// Keras' defaults: 1 epoch, batches of 32, shuffled, no validation split.
  public init(
    x: [String], y: [String], weightsPath: String? = nil, outputPath: String,
    modelName: String? = nil, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
    validationSplit: Double = 0, seed: UInt64 = 0, memoryBudget: Int = Training.defaultMemoryBudget,
    threads: Int = Training.defaultThreadCount
  ) {
    inputSources = x
    targetSources = y
    self.weightsPath = weightsPath
    self.outputPath = outputPath
    self.modelName = modelName
    options = Trainer.Options(
      epochs: epochs, batchSize: batchSize, shuffle: shuffle, validationSplit: validationSplit,
      seed: seed)
    self.memoryBudget = memoryBudget
    self.threads = threads
  }

  /// One `.npy` of inputs and one of targets.
  public init(
    xPath: String, yPath: String, weightsPath: String? = nil, outputPath: String,
    modelName: String? = nil, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
    validationSplit: Double = 0, seed: UInt64 = 0, memoryBudget: Int = Training.defaultMemoryBudget,
    threads: Int = Training.defaultThreadCount
  ) {
    self.init(
      x: [xPath], y: [yPath], weightsPath: weightsPath, outputPath: outputPath,
      modelName: modelName, epochs: epochs, batchSize: batchSize, shuffle: shuffle,
      validationSplit: validationSplit, seed: seed, memoryBudget: memoryBudget, threads: threads)
  }

  /// The same budget as `predict`.
  public static var defaultMemoryBudget: Int { ForwardPass.defaultMemoryBudget }
  public static var defaultThreadCount: Int { KernelParallelism.defaultThreadCount }

  public struct Result: Sendable {
    public var modelName: String
    public var history: TrainingHistory
    /// The Keras the file ran under.
    public var kerasVersion: KerasVersion = .default

    /// `{"keras_version": 3, "history": {"loss": [...], ...}}` with each value as Python prints
    /// the float32 Keras stores (`float(np.float32(v))`).
    public var json: String {
      let entries = zip(history.names, history.values).map { name, values in
        "\(JSONValue.string(name).serialized()): ["
          + values.map { "\(Double($0))" }.joined(separator: ", ")
          + "]"
      }
      return "{\"keras_version\": \(kerasVersion.rawValue), \"history\": {"
        + entries.joined(separator: ", ") + "}}"
    }
  }

  /// Trains and writes; nothing is written when anything fails. `progress` receives Keras'
  /// lines for each finished epoch (`verbose=2`) in the file's Keras version: `Epoch 1/3`, then
  /// the epoch's line (tf-keras `3/3 - 1s - loss: ... - 1s/epoch - 493ms/step`, Keras 3
  /// `3/3 - 1s - 493ms/step - accuracy: ... - loss: ...`).
  public func run(_ file: ModelFile, progress: (String) -> Void = { _ in })
    throws(ForwardCommandError) -> Result
  {
    if !file.diagnostics.isEmpty {
      throw .input("\(file.path) has errors; fix them before training a model")
    }
    let model = try ForwardModelChoice.choose(file, name: modelName)
    guard let compiled = model.compileArguments else {
      throw .input(
        "You must compile your model before training/testing. Use `model.compile(optimizer, loss)`. (model \"\(model.name)\" in \(file.path))"
      )
    }
    let xSource = try DataSource(
      inputSources, option: "--x", role: "input", names: ForwardPass.inputNames(of: model),
      model: model.name)
    let ySource = try DataSource(
      targetSources, option: "--y", role: "output",
      names: Prediction.uniqueNames(ForwardPass.outputNames(of: model)), model: model.name)
    // The output is checked before any work: not a folder or device, not one of the inputs.
    let inputs = [file.path] + xSource.paths + ySource.paths + [weightsPath].compactMap { $0 }
    do throws(AtomicFileWriter.OutputError) {
      try AtomicFileWriter.checkTarget(outputPath, inputs: inputs)
    } catch {
      throw ForwardCommandError(message: error.message, isUsageError: error.isUsageError)
    }
    do {
      var configuration = try TrainingConfiguration(compiled)
      configuration.optimizer.squaresSlices = file.session.kerasVersion == .keras3
      configuration.optimizer.nadamProduct =
        file.session.kerasVersion == .keras3 ? .keras3 : .tfKerasTraced
      configuration.keras3 = file.session.kerasVersion == .keras3
      configuration.keras3Losses = file.session.kerasVersion == .keras3
      // A last axis of size 1 added or dropped as Keras does (`KerasModel.conformedInputs`).
      let x = model.conformedInputs(try xSource.read(limit: memoryBudget))
      let y = try ySource.read(limit: memoryBudget)
      let weights: ModelWeights
      if let weightsPath {
        let bytes = try Prediction.readArrayFile(weightsPath, limit: memoryBudget)
        let archive: NPZArchive
        do throws(NumPyError) {
          archive = try NPZArchive(bytes: bytes)
        } catch {
          throw ForwardCommandError.input(
            "cannot read weights from \(weightsPath): \(error.message)")
        }
        weights = try ModelWeights(archive: archive, for: model, source: weightsPath)
      } else {
        weights = try ModelWeights.initialized(
          for: model, seed: options.seed, memoryBudget: memoryBudget)
      }
      let trainer = try Trainer(
        model: model, weights: weights, configuration: configuration, threads: threads,
        memoryBudget: memoryBudget)
      try checkHistory(trainer: trainer, x: x, y: y)
      let keras3 = file.session.kerasVersion == .keras3
      let history = try trainer.fit(inputs: x, targets: y, options: options) { report in
        // Keras' ProgbarLogger names the epoch only when there are several.
        if report.epochs > 1 { progress("Epoch \(report.epoch)/\(report.epochs)") }
        progress(
          keras3
            ? TrainingHistory.keras3ProgressLine(report) : TrainingHistory.progressLine(report))
      }
      let bytes: [UInt8]
      do {
        bytes = try NPZWriter.encode(trainer.weights.npzEntries())
      } catch {
        throw ForwardCommandError.input("cannot write \(outputPath): \(error.message)")
      }
      try AtomicFileWriter.write(bytes, to: outputPath, inputs: inputs)
      return Result(
        modelName: model.name, history: history, kerasVersion: file.session.kerasVersion)
    } catch {
      throw ForwardCommandError.wrapping(error)
    }
  }

  /// Bytes one value of the history takes: the float32 Keras keeps, and its text in `--json`
  /// (`-1.2345678901234567e-05, `).
  static let historyValueBytes = 4 + 26

  /// Keras keeps every epoch's loss and metrics in the history, and so does ConvBook, which
  /// prints them all with `--json` at the end. Keras would start 2^63 - 1 epochs and run until
  /// it is killed; ConvBook refuses, before any work, an epoch count whose history could not fit
  /// the memory budget (`--epochs 9223372036854775807` used to run until killed).
  func checkHistory(trainer: Trainer, x: [Tensor], y: [Tensor]) throws(ForwardCommandError) {
    guard options.epochs > 0 else { return }
    let names: [String]
    do throws(TrainingError) {
      names = try trainer.historyNames(inputs: x, targets: y)
    } catch {
      throw .input(error.message)
    }
    let values = names.count * (options.validationSplit > 0 ? 2 : 1)
    let perEpoch = max(values, 1) * Self.historyValueBytes
    guard options.epochs > memoryBudget / perEpoch else { return }
    throw .input(
      "keeping the history of \(options.epochs) epochs (\(values) values each) would need more than the memory budget of \(MemoryEstimate.format(memoryBudget)); refused before training. Train fewer epochs or raise the budget (--memory-budget BYTES)"
    )
  }
}

/// Where `fit`'s inputs or targets come from: one `.npy`, one `.npz` keyed by the model's input
/// (output) names, or one `NAME=FILE.npy` per input (output), in any order.
struct DataSource {
  enum Form {
    case array(String)
    case archive(String)
    case pairs([(name: String, path: String)])
  }

  var form: Form
  var option: String
  var role: String
  var names: [String]
  var model: String

  init(_ values: [String], option: String, role: String, names: [String], model: String)
    throws(ForwardCommandError)
  {
    self.option = option
    self.role = role
    self.names = names
    self.model = model
    let list = names.joined(separator: ", ")
    let plural = "model \"\(model)\" has \(names.count) \(role)s (\(list))"
    let pairs = values.filter { $0.contains("=") }
    if pairs.isEmpty {
      guard values.count == 1 else {
        throw .usage(
          "give one \(option) FILE (.npy or .npz) or one \(option) NAME=FILE.npy per \(role), got \(values.count) files"
        )
      }
      let path = values[0]
      if path.lowercased().hasSuffix(".npz") {
        form = .archive(path)
        return
      }
      guard names.count == 1 else {
        throw .usage(
          "\(plural): give \(option) NAME=FILE.npy for each, or \(option) FILE.npz keyed by those names"
        )
      }
      form = .array(path)
      return
    }
    guard pairs.count == values.count else {
      throw .usage("give \(option) either as one FILE or as NAME=FILE.npy pairs, not both")
    }
    var found: [(name: String, path: String)] = []
    for pair in pairs {
      let equals = pair.firstIndex(of: "=")!
      let name = String(pair[..<equals])
      let path = String(pair[pair.index(after: equals)...])
      guard names.contains(name) else {
        throw .usage(
          "model \"\(model)\" has no \(role) named '\(TerminalText.escaped(name))'; its \(role)s are: \(list)"
        )
      }
      guard !found.contains(where: { $0.name == name }) else {
        throw .usage("\(option) gives the \(role) '\(name)' twice")
      }
      found.append((name, path))
    }
    let missing = names.filter { name in !found.contains { $0.name == name } }
    if !missing.isEmpty {
      throw .usage(
        "model \"\(model)\" also needs the \(role)\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")): give \(option) \(missing[0])=FILE.npy"
      )
    }
    form = .pairs(found)
  }

  /// The files read, for the output's checks.
  var paths: [String] {
    switch form {
    case .array(let path), .archive(let path): return [path]
    case .pairs(let pairs): return pairs.map(\.path)
    }
  }

  /// The arrays in the model's order, each read only from a regular file within the budget.
  func read(limit: Int) throws(ForwardCommandError) -> [Tensor] {
    switch form {
    case .array(let path):
      return [try Self.array(path, what: "\(option) \(path)", limit: limit)]
    case .pairs(let pairs):
      return try names.map { name throws(ForwardCommandError) in
        let path = pairs.first { $0.name == name }!.path
        return try Self.array(path, what: "the \(role) \(name) (\(path))", limit: limit)
      }
    case .archive(let path):
      return try Prediction.arrays(
        inArchive: path, names: names, model: model, role: role, reading: option, limit: limit
      ).map(\.tensor)
    }
  }

  private static func array(_ path: String, what: String, limit: Int) throws(ForwardCommandError)
    -> Tensor
  {
    do {
      return try NPYFormat.decode(Prediction.readArrayFile(path, limit: limit))
    } catch let error as NumPyError {
      throw .input("cannot read \(what): \(error.message)")
    } catch {
      throw ForwardCommandError.wrapping(error)
    }
  }
}
