import CNNEngine
import Foundation

/// `convbook predict`: runs one model of a lesson or script on input batches and writes its
/// outputs as float32 `.npy` (or one `.npz`).
///
/// Weights come from an `.npz` with Keras' weight names or, without one, from Keras' initializers
/// drawn with `seed`. Inputs come from an `.npy` (a model with one input), an `.npz` keyed by the
/// model's input names, `NAME=FILE.npy` pairs (`--x`), or, without any, from `SeededInput` at
/// `batch`. One output goes to an `.npy`; several go to an `.npz` keyed by the output layers'
/// names, or to a folder as one `NAME.npy` each. The memory estimate is checked against the budget
/// before any weight or activation is allocated; every file is written atomically, and nothing is
/// written when anything fails before the writing.
public struct Prediction {
  public var weightsPath: String?
  public var inputPath: String?
  /// `NAME=FILE.npy`, one per model input (`--x`).
  public var namedInputs: [String]
  public var outputPath: String
  public var modelName: String?
  public var seed: UInt64
  /// Samples of the seeded input; nil for the default (1), or to take the input's own batch.
  public var batch: Int?
  public var memoryBudget: Int
  public var threads: Int

  public init(
    weightsPath: String? = nil, inputPath: String? = nil, namedInputs: [String] = [],
    outputPath: String, modelName: String? = nil, seed: UInt64 = 0, batch: Int? = nil,
    memoryBudget: Int = ForwardPass.defaultMemoryBudget,
    threads: Int = KernelParallelism.defaultThreadCount
  ) {
    self.weightsPath = weightsPath
    self.inputPath = inputPath
    self.namedInputs = namedInputs
    self.outputPath = outputPath
    self.modelName = modelName
    self.seed = seed
    self.batch = batch
    self.memoryBudget = memoryBudget
    self.threads = threads
  }

  /// One input or output of the run: its name in the model, its shape, and where it came from or
  /// went.
  public struct NamedArray: Sendable, Equatable {
    public var name: String
    public var shape: [Int]
    public var file: String
  }

  /// What was run and written.
  public struct Result: Sendable {
    public var modelName: String
    public var inputs: [NamedArray]
    public var outputs: [NamedArray]
    public var weightsDescription: String
    public var inputDescription: String
    public var kerasVersion: KerasVersion

    public var inputShape: [Int] { inputs.first?.shape ?? [] }
    public var outputShape: [Int] { outputs.first?.shape ?? [] }

    /// One line for the terminal.
    public var summary: String {
      func shapes(_ arrays: [NamedArray]) -> String {
        arrays.count == 1
          ? TensorShape.tuple(arrays[0].shape)
          : arrays.map { "\($0.name) \(TensorShape.tuple($0.shape))" }.joined(separator: ", ")
      }
      return
        "\(modelName): \(shapes(inputs)) -> \(shapes(outputs)) (weights: \(weightsDescription); input: \(inputDescription))"
    }

    /// `--json`: the model, its inputs and outputs with their names, shapes and files.
    public var json: JSONValue {
      func arrays(_ list: [NamedArray]) -> JSONValue {
        .array(
          list.map {
            .object([
              ("name", .string($0.name)), ("shape", .array($0.shape.map(JSONValue.int))),
              ("file", .string($0.file)),
            ])
          })
      }
      return .object([
        ("keras_version", .int(kerasVersion.rawValue)), ("model", .string(modelName)),
        ("inputs", arrays(inputs)), ("outputs", arrays(outputs)),
        ("weights", .string(weightsDescription)),
      ])
    }
  }

  /// Runs the model in `file` and writes the outputs; nothing is written when anything fails.
  public func run(_ file: ModelFile) throws(ForwardCommandError) -> Result {
    if !file.diagnostics.isEmpty {
      throw .input("\(file.path) has errors; fix them before running a model")
    }
    let model = try ForwardModelChoice.choose(file, name: modelName)
    guard let declared = model.inputShapeList ?? model.inputShape.map({ [$0] }) else {
      throw .input(
        "model \"\(model.name)\" has no input shape; give it keras.Input(shape=...) or input_shape="
      )
    }
    if let batch, batch < 1 { throw .usage("--batch must be at least 1, got \(batch)") }
    let inputNames = ForwardPass.inputNames(of: model)
    let outputNames = Self.uniqueNames(ForwardPass.outputNames(of: model))
    let pairs = try Self.parsePairs(namedInputs, inputNames: inputNames, model: model.name)
    if !pairs.isEmpty, inputPath != nil {
      throw .usage("give the inputs either with --input or with --x NAME=FILE.npy, not both")
    }
    let targets = try Self.targets(outputPath, names: outputNames, model: model.name)
    let inputs =
      [file.path] + [weightsPath, inputPath].compactMap { $0 } + pairs.map(\.path)
    do throws(AtomicFileWriter.OutputError) {
      for target in targets.files { try AtomicFileWriter.checkTarget(target, inputs: inputs) }
    } catch {
      throw ForwardCommandError(message: error.message, isUsageError: error.isUsageError)
    }
    do {
      // The inputs first: their shapes decide the memory estimate.
      let tensors: [Tensor]
      let sources: [String]
      let inputDescription: String
      if !pairs.isEmpty || inputPath?.lowercased().hasSuffix(".npz") == true {
        let read =
          pairs.isEmpty
          ? try readArchive(inputPath!, names: inputNames, model: model.name)
          : try pairs.map { pair throws(ForwardCommandError) in
            (try readArray(pair.path, what: "the input \(pair.name) (\(pair.path))"), pair.path)
          }
        // --x pairs come in any order: the model takes them in its inputs' order.
        let ordered =
          pairs.isEmpty
          ? read
          : inputNames.map { name in read[pairs.firstIndex { $0.name == name }!] }
        // A last axis of size 1 added or dropped as Keras does (`KerasModel.conformedInputs`).
        let conformed = model.conformedInputs(ordered.map(\.0))
        try Self.checkShapes(conformed, names: inputNames, model: model)
        if let batch, let first = ordered.first?.0.shape.first, first != batch {
          throw ForwardCommandError.usage(
            "--batch \(batch) contradicts the inputs, whose batch is \(first)")
        }
        tensors = conformed
        sources = ordered.map(\.1)
        inputDescription = pairs.isEmpty ? inputPath! : sources.joined(separator: ", ")
      } else if let inputPath {
        guard inputNames.count == 1 else {
          throw ForwardCommandError.usage(
            "model \"\(model.name)\" has \(inputNames.count) inputs (\(inputNames.joined(separator: ", "))): give --x NAME=FILE.npy for each, or --input FILE.npz keyed by those names"
          )
        }
        let input = try readArray(inputPath, what: "the input \(inputPath)")
        if let batch, input.shape.first != batch {
          throw ForwardCommandError.usage(
            "--batch \(batch) contradicts the input \(inputPath), whose batch is \(input.shape.first ?? 0)"
          )
        }
        tensors = model.conformedInputs([input])
        sources = [inputPath]
        inputDescription = inputPath
      } else {
        let size = batch ?? 1
        if declared.contains(where: { $0.sample.contains(where: { $0 == nil }) }) {
          throw ForwardCommandError.input(
            "model \"\(model.name)\" takes inputs of shape \(declared.map(\.description).joined(separator: ", ")), whose size is not fixed: give \(inputNames.count == 1 ? "--input X.npy" : "--x NAME=FILE.npy for each input")"
          )
        }
        var estimate = try ForwardPass.estimate(
          model: model, inputShapes: SeededInput.shapes(for: model, batch: size))
        estimate.weightsReleased = true
        try ForwardPass.check(estimate, budget: memoryBudget, model: model, batch: size)
        tensors =
          inputNames.count == 1
          ? [SeededInput.batch(for: model, batch: size, seed: seed)]
          : SeededInput.batches(for: model, batch: size, seed: seed)
        sources = tensors.map { _ in "seeded" }
        inputDescription = "seeded uniform [0, 1), seed \(seed)"
      }
      // Checked before the weights exist, so a model too large for the budget allocates nothing.
      // The pass gets the only copy of the weights and frees them as it packs them.
      var estimate = try ForwardPass.estimate(model: model, inputShapes: tensors.map(\.shape))
      estimate.weightsReleased = true
      try ForwardPass.check(
        estimate, budget: memoryBudget, model: model, batch: tensors.first?.shape.first ?? 0)
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
        let pretrained = model.pretrainedModels.map { "\($0.name)'s exported .npz, " }.joined()
        weightsDescription = "\(pretrained)Keras initializers, seed \(seed)"
      }
      // `consume`: this function keeps no reference, so each layer's weights are freed once packed.
      let pass = ForwardPass(
        model: model, weights: consume weights, threads: threads, memoryBudget: memoryBudget,
        releasesWeights: true, inGraph: true, engine: file.session.engine)
      let outputs =
        tensors.count == 1 && outputNames.count == 1
        ? [try pass.run(tensors[0])] : try pass.run(inputs: tensors)
      try targets.write(outputs, names: outputNames, inputs: inputs)
      return Result(
        modelName: model.name,
        inputs: zip(inputNames, zip(tensors, sources)).map {
          NamedArray(name: $0.0, shape: $0.1.0.shape, file: $0.1.1)
        },
        outputs: zip(outputNames, zip(outputs, targets.names(for: outputNames))).map {
          NamedArray(name: $0.0, shape: $0.1.0.shape, file: $0.1.1)
        },
        weightsDescription: weightsDescription, inputDescription: inputDescription,
        kerasVersion: file.session.kerasVersion)
    } catch {
      throw ForwardCommandError.wrapping(error)
    }
  }

  /// Where the outputs go: one `.npy`, one `.npz`, or a folder with one `NAME.npy` per output.
  enum Targets {
    case npy(String)
    case npz(String)
    case folder(String)

    /// The files that will be written (a folder's, one per output).
    var files: [String] {
      switch self {
      case .npy(let path), .npz(let path): return [path]
      case .folder: return []
      }
    }

    func names(for outputs: [String]) -> [String] {
      switch self {
      case .npy(let path): return [path]
      case .npz(let path): return outputs.map { "\(path)[\($0)]" }
      case .folder(let folder):
        return outputs.map { (folder as NSString).appendingPathComponent($0 + ".npy") }
      }
    }

    func write(_ outputs: [Tensor], names: [String], inputs: [String]) throws {
      switch self {
      case .npy(let path):
        try AtomicFileWriter.write(NPYFormat.encode(outputs[0]), to: path, inputs: inputs)
      case .npz(let path):
        let bytes = try NPZWriter.encode(Swift.Array(zip(names, outputs)))
        try AtomicFileWriter.write(bytes, to: path, inputs: inputs)
      case .folder:
        let paths = self.names(for: names)
        // Every target is checked before the first is written.
        for path in paths { try AtomicFileWriter.checkTarget(path, inputs: inputs) }
        for (path, output) in zip(paths, outputs) {
          try AtomicFileWriter.write(NPYFormat.encode(output), to: path, inputs: inputs)
        }
      }
    }
  }

  static func targets(_ path: String, names: [String], model: String) throws(ForwardCommandError)
    -> Targets
  {
    // A folder takes the outputs of a model with several; one output goes to a file (a folder is
    // then refused as any other target that is no regular file).
    var isDirectory: ObjCBool = false
    if names.count > 1, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return .folder(path)
    }
    if path.lowercased().hasSuffix(".npz") { return .npz(path) }
    guard names.count == 1 else {
      throw .usage(
        "model \"\(model)\" has \(names.count) outputs (\(names.joined(separator: ", "))): give --out FILE.npz, or an existing folder for one NAME.npy per output"
      )
    }
    return .npy(path)
  }

  /// Output names as keys: a layer that makes two outputs gets `name`, `name_1`.
  static func uniqueNames(_ names: [String]) -> [String] {
    var seen: [String: Int] = [:]
    return names.map { name in
      let count = seen[name, default: 0]
      seen[name] = count + 1
      return count == 0 ? name : "\(name)_\(count)"
    }
  }

  /// `NAME=FILE.npy` pairs, each naming one input of the model once.
  static func parsePairs(_ pairs: [String], inputNames: [String], model: String)
    throws(ForwardCommandError) -> [(name: String, path: String)]
  {
    var result: [(name: String, path: String)] = []
    for pair in pairs {
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
        throw .usage("--x takes NAME=FILE.npy, got '\(TerminalText.escaped(pair))'")
      }
      let name = String(pair[..<equals])
      let path = String(pair[pair.index(after: equals)...])
      guard inputNames.contains(name) else {
        throw .usage(
          "model \"\(model)\" has no input named '\(TerminalText.escaped(name))'; its inputs are: \(inputNames.joined(separator: ", "))"
        )
      }
      guard !result.contains(where: { $0.name == name }) else {
        throw .usage("--x gives the input '\(name)' twice")
      }
      result.append((name, path))
    }
    if !result.isEmpty {
      let missing = inputNames.filter { name in !result.contains { $0.name == name } }
      if !missing.isEmpty {
        throw .usage(
          "model \"\(model)\" also needs the input\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")): give --x \(missing[0])=FILE.npy"
        )
      }
    }
    return result
  }

  /// The arrays of an `.npz` of inputs, in the model's inputs' order. A model with one input takes
  /// an archive of one array whatever its key.
  func readArchive(_ path: String, names: [String], model: String) throws(ForwardCommandError)
    -> [(Tensor, String)]
  {
    try Self.arrays(
      inArchive: path, names: names, model: model, role: "input", reading: "the inputs",
      limit: memoryBudget
    ).map { ($0.tensor, "\(path)[\($0.key)]") }
  }

  /// The arrays of an `.npz` archive in the order of `names` (a model's inputs, or its outputs'
  /// targets for `fit`), with the key each came from: a lone array serves a lone name whatever its
  /// key; otherwise every key must be one of the names and every name a key.
  static func arrays(
    inArchive path: String, names: [String], model: String, role: String, reading what: String,
    limit: Int
  ) throws(ForwardCommandError) -> [(tensor: Tensor, key: String)] {
    let archive: NPZArchive
    do {
      archive = try NPZArchive(bytes: try readArrayFile(path, limit: limit))
    } catch let error as NumPyError {
      throw .input("cannot read \(what) \(path): \(error.message)")
    } catch {
      throw ForwardCommandError.wrapping(error)
    }
    if names.count == 1, archive.names.count == 1, let only = archive.arrays[archive.names[0]] {
      return [(only, archive.names[0])]
    }
    let unknown = archive.names.filter { !names.contains($0) }
    if !unknown.isEmpty {
      throw .input(
        "\(path) has \(unknown.count == 1 ? "an array" : "arrays") named \(ModelWeights.cut(unknown.map { "'\(TerminalText.escaped($0))'" }).joined(separator: ", ")), which model \"\(model)\" has no \(role) for; its \(role)s are: \(names.joined(separator: ", "))"
      )
    }
    return try names.map { name throws(ForwardCommandError) in
      guard let array = archive.arrays[name] else {
        throw .input(
          "\(path) has no array named '\(name)'; model \"\(model)\" has the \(role)s \(names.joined(separator: ", "))"
        )
      }
      return (array, name)
    }
  }

  /// Each input against the shape its input layer declares, named, before the pass.
  static func checkShapes(_ tensors: [Tensor], names: [String], model: KerasModel)
    throws(ForwardCommandError)
  {
    for (index, tensor) in tensors.enumerated() {
      if let message = model.inputMismatch(tensor.shape, input: index) {
        throw .input("the input \(names[index]): \(message)")
      }
    }
  }

  /// An `.npy` array, with what it is for in the message when it cannot be read (a dtype NumPy
  /// has but ConvBook does not read, a truncated file).
  func readArray(_ path: String, what: String) throws(ForwardCommandError) -> Tensor {
    do {
      return try NPYFormat.decode(Self.readArrayFile(path, limit: memoryBudget))
    } catch let error as NumPyError {
      throw .input("cannot read \(what): \(error.message)")
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
