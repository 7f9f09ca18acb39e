import CNNEngine
import Foundation

/// `convbook fit`: trains the compiled model of a lesson or script on x / y `.npy` files as
/// `model.fit` would, and writes the trained weights (moving statistics included) as an `.npz`
/// under Keras' weight names, atomically.
public struct Training {
  public var xPath: String
  public var yPath: String
  public var weightsPath: String?
  public var outputPath: String
  public var modelName: String?
  public var options: Trainer.Options
  public var memoryBudget: Int
  public var threads: Int

  /// Keras' defaults: 1 epoch, batches of 32, shuffled, no validation split.
  public init(
    xPath: String, yPath: String, weightsPath: String? = nil, outputPath: String,
    modelName: String? = nil, epochs: Int = 1, batchSize: Int = 32, shuffle: Bool = true,
    validationSplit: Double = 0, seed: UInt64 = 0, memoryBudget: Int = Training.defaultMemoryBudget,
    threads: Int = Training.defaultThreadCount
  ) {
    self.xPath = xPath
    self.yPath = yPath
    self.weightsPath = weightsPath
    self.outputPath = outputPath
    self.modelName = modelName
    options = Trainer.Options(
      epochs: epochs, batchSize: batchSize, shuffle: shuffle, validationSplit: validationSplit,
      seed: seed)
    self.memoryBudget = memoryBudget
    self.threads = threads
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
  /// lines for each finished epoch (`verbose=2`): `Epoch 1/3`, then the epoch's line.
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
    // The output is checked before any work: not a folder or device, not one of the inputs.
    let inputs = [file.path, xPath, yPath] + [weightsPath].compactMap { $0 }
    do throws(AtomicFileWriter.OutputError) {
      try AtomicFileWriter.checkTarget(outputPath, inputs: inputs)
    } catch {
      throw ForwardCommandError(message: error.message, isUsageError: error.isUsageError)
    }
    do {
      let configuration = try TrainingConfiguration(compiled)
      let x = try read(xPath, role: "--x")
      let y = try read(yPath, role: "--y")
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
      let history = try trainer.fit(x: x, y: y, options: options) { report in
        progress("Epoch \(report.epoch)/\(report.epochs)")
        progress(TrainingHistory.progressLine(report))
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

  /// An `.npy` array, read only from a regular file and within the memory budget.
  private func read(_ path: String, role: String) throws -> Tensor {
    let bytes = try Prediction.readArrayFile(path, limit: memoryBudget)
    do throws(NumPyError) {
      return try NPYFormat.decode(bytes)
    } catch {
      throw ForwardCommandError.input("cannot read \(role) \(path): \(error.message)")
    }
  }
}
