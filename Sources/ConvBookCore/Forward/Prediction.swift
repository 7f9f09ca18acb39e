import CNNEngine
import Foundation

/// `convbook predict`: runs one model of a lesson or script on an input batch and writes the
/// output as a float32 `.npy`.
///
/// Weights come from an `.npz` with Keras' weight names or, without one, from Keras' initializers
/// drawn with `seed`; the input comes from an `.npy` or, without one, from `SeededInput` at
/// `batch`. The memory estimate is checked against the budget before any weight or activation is
/// allocated.
public struct Prediction {
  public var weightsPath: String?
  public var inputPath: String?
  public var outputPath: String
  public var modelName: String?
  public var seed: UInt64
  /// Samples of the seeded input; nil for the default (1), or to take the input's own batch.
  public var batch: Int?
  public var memoryBudget: Int
  public var threads: Int

  public init(
    weightsPath: String? = nil, inputPath: String? = nil, outputPath: String,
    modelName: String? = nil, seed: UInt64 = 0, batch: Int? = nil,
    memoryBudget: Int = ForwardPass.defaultMemoryBudget,
    threads: Int = KernelParallelism.defaultThreadCount
  ) {
    self.weightsPath = weightsPath
    self.inputPath = inputPath
    self.outputPath = outputPath
    self.modelName = modelName
    self.seed = seed
    self.batch = batch
    self.memoryBudget = memoryBudget
    self.threads = threads
  }

  /// What was run and written.
  public struct Result: Sendable {
    public var modelName: String
    public var inputShape: [Int]
    public var outputShape: [Int]
    public var weightsDescription: String
    public var inputDescription: String

    /// One line for the terminal.
    public var summary: String {
      "\(modelName): \(TensorShape.tuple(inputShape)) -> \(TensorShape.tuple(outputShape)) (weights: \(weightsDescription); input: \(inputDescription))"
    }
  }

  /// Runs the model in `file` and writes the output; nothing is written when anything fails.
  public func run(_ file: ModelFile) throws(ForwardCommandError) -> Result {
    if !file.diagnostics.isEmpty {
      throw .input("\(file.path) has errors; fix them before running a model")
    }
    let model = try ForwardModelChoice.choose(file, name: modelName)
    guard let declared = model.inputShape else {
      throw .input(
        "model \"\(model.name)\" has no input shape; give it keras.Input(shape=...) or input_shape="
      )
    }
    if let batch, batch < 1 { throw .usage("--batch must be at least 1, got \(batch)") }
    let inputs = [file.path] + [weightsPath, inputPath].compactMap { $0 }
    do throws(AtomicFileWriter.OutputError) {
      try AtomicFileWriter.checkTarget(outputPath, inputs: inputs)
    } catch {
      throw ForwardCommandError(message: error.message, isUsageError: error.isUsageError)
    }
    do {
      // The input first: its shape decides the memory estimate.
      let input: Tensor
      let inputDescription: String
      if let inputPath {
        input = try NPYFormat.decode(Self.readArrayFile(inputPath, limit: memoryBudget))
        if let batch, input.shape.first != batch {
          throw ForwardCommandError.usage(
            "--batch \(batch) contradicts the input \(inputPath), whose batch is \(input.shape.first ?? 0)"
          )
        }
        inputDescription = inputPath
      } else {
        let size = batch ?? 1
        if declared.sample.contains(where: { $0 == nil }) {
          throw ForwardCommandError.input(
            "model \"\(model.name)\" takes inputs of shape \(declared), whose size is not fixed: give --input X.npy"
          )
        }
        let estimate = try ForwardPass.estimate(model: model, batch: size)
        try ForwardPass.check(estimate, budget: memoryBudget, model: model, batch: size)
        input = SeededInput.batch(for: model, batch: size, seed: seed)
        inputDescription = "seeded uniform [0, 1), seed \(seed)"
      }
      // Checked before the weights exist, so a model too large for the budget allocates nothing.
      let estimate = try ForwardPass.estimate(model: model, inputShape: input.shape)
      try ForwardPass.check(
        estimate, budget: memoryBudget, model: model, batch: input.shape.first ?? 0)
      let weights: ModelWeights
      let weightsDescription: String
      if let weightsPath {
        let bytes = try Self.readArrayFile(weightsPath, limit: memoryBudget)
        let archive: NPZArchive
        do throws(NumPyError) {
          archive = try NPZArchive(bytes: bytes)
        } catch {
          throw ForwardCommandError.input(
            "cannot read weights from \(weightsPath): \(error.message)")
        }
        weights = try ModelWeights(archive: archive, for: model, source: weightsPath)
        weightsDescription = weightsPath
      } else {
        weights = try ModelWeights.initialized(for: model, seed: seed, memoryBudget: memoryBudget)
        weightsDescription = "Keras initializers, seed \(seed)"
      }
      let output = try ForwardPass(
        model: model, weights: weights, threads: threads, memoryBudget: memoryBudget
      ).run(input)
      try AtomicFileWriter.write(NPYFormat.encode(output), to: outputPath, inputs: inputs)
      return Result(
        modelName: model.name, inputShape: input.shape, outputShape: output.shape,
        weightsDescription: weightsDescription, inputDescription: inputDescription)
    } catch let error as NumPyError {
      throw ForwardCommandError.input("cannot read the input \(inputPath ?? ""): \(error.message)")
    } catch {
      throw ForwardCommandError.wrapping(error)
    }
  }

  /// An `.npy` or `.npz` file's bytes, only from a regular file (a pipe or a device such as
  /// /dev/zero would never end) and never more than the memory budget.
  static func readArrayFile(_ path: String, limit: Int) throws(TextFile.ReadError) -> [UInt8] {
    try TextFile.readBytes(path, limit: limit)
  }
}
