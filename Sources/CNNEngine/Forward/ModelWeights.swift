import CNNKernels
import Foundation

/// The weight values of a built model, by Keras variable name (`conv2d/kernel:0`), in Keras'
/// layouts: convolution kernels (K..., C_in/groups, F), dense kernels (C_in, units), transposed
/// kernels (K..., F, C_in), depthwise (K..., C, M), BatchNormalization vectors (C).
///
/// Either drawn from Keras' initializers with a seed (`initialized`), so that a lesson renders the
/// same numbers every time, or read from an `.npz` whose keys are those names (`init(archive:)`).
public struct ModelWeights: Sendable {
  /// One expected weight of a model: the layer and variable names and the shape.
  public struct Entry: Sendable, Equatable {
    public var layerName: String
    public var spec: WeightSpec
    /// The custom layer whose `add_weight` made the weight (`CustomWeight.scope`), nil otherwise.
    public var scope: String? = nil
    /// `layer/weight:0`, the name `model.weights` reports in tf-keras.
    public var kerasName: String { "\(layerName)/\(spec.name):0" }
    /// The name tf-keras' `w.name` gives a custom layer's weight (`my_layer/kernel:0`, where
    /// ConvBook's node of it is `my_layer/kernel`), which an archive of `w.name` keys holds.
    public var scopedName: String? {
      guard let scope else { return nil }
      return scope.isEmpty ? "\(spec.name):0" : "\(scope)/\(spec.name):0"
    }
  }

  /// Names in `model.weights` order.
  public private(set) var names: [String]
  private var tensors: [String: Tensor]

  /// A weight by Keras name, with or without the `:0` suffix.
  public subscript(name: String) -> Tensor? {
    tensors[name] ?? tensors[name + ":0"]
  }

  /// A weight by layer and variable name (`conv2d`, `kernel`).
  public func tensor(layer: String, weight: String) -> Tensor? { tensors["\(layer)/\(weight):0"] }

  /// Bytes of float32 values held.
  public var byteCount: Int { tensors.values.reduce(0) { $0 + $1.count * 4 } }

  /// Number of values held.
  public var parameterCount: Int { tensors.values.reduce(0) { $0 + $1.count } }

  /// Every weight the model's layers created, in `model.weights` order (per layer, trainable first).
  public static func expected(for model: KerasModel) throws(ForwardError) -> [Entry] {
    guard model.isBuilt else {
      throw ForwardError(
        .model,
        "This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data."
      )
    }
    var entries: [Entry] = []
    for instance in model.flattenedLayers {
      let specs = instance.weights
      for spec in specs.filter(\.trainable) + specs.filter({ !$0.trainable }) {
        entries.append(
          Entry(
            layerName: instance.weightsName, spec: spec,
            scope: (instance.layer as? CustomWeight)?.scope))
      }
    }
    return entries
  }

  /// Keras' initializers for every weight, drawn from `SeededGenerator` streams named after the
  /// weights and seeded with `seed`; the weights of an application built with
  /// `weights="imagenet"` (or a file) come from its exported `.npz` instead (`PretrainedWeights`),
  /// refused when there is none. Refused before drawing when the values alone would exceed
  /// `memoryBudget` bytes.
  public static func initialized(
    for model: KerasModel, seed: UInt64, memoryBudget: Int = ForwardPass.defaultMemoryBudget,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(ForwardError) -> ModelWeights {
    let entries = try expected(for: model)
    let bytes = entries.reduce(0) { $0 + $1.spec.count * 4 }
    if bytes > memoryBudget {
      throw ForwardError(
        .memory,
        "the weights of model \"\(model.name)\" need \(MemoryEstimate.format(bytes)) (\(bytes) bytes), more than the memory budget of \(MemoryEstimate.format(memoryBudget)); no weights were created"
      )
    }
    // A layer keeping its weights in float16 or float64 (`dtype="float16"`) draws them in that
    // type; a mixed policy keeps them in float32.
    for instance in model.flattenedLayers where !instance.weights.isEmpty {
      guard let name = LayerPrecision.name(of: instance.layer.common.arguments["dtype"]) else {
        continue
      }
      let variable = LayerPrecision.variableDType(of: name)
      if LayerPrecision.isOtherFloat(variable) {
        throw ForwardError(
          .weights,
          "ConvBook does not support the weights of the layer \"\(instance.name)\" in \(variable) (dtype=\"\(name)\") yet: it draws them in float32"
        )
      }
    }
    var tensors: [String: Tensor] = [:]
    for pretrained in model.pretrainedModels {
      guard let request = pretrained.pretrainedWeights else { continue }
      let loaded = try request.load(for: pretrained, environment: environment)
      tensors.merge(loaded) { first, _ in first }
    }
    for instance in model.flattenedLayers {
      for (weight, tensor) in instance.initialValues {
        let key = "\(instance.weightsName)/\(weight):0"
        tensors[key] = tensors[key] ?? tensor
      }
      for spec in instance.weights where !instance.tensorflowSeeds.isEmpty {
        // Under the name the model's entries look weights up by (a layer held by a custom
        // layer is `outer/dense/kernel:0`).
        let name = "\(instance.weightsName)/\(spec.name):0"
        guard tensors[name] == nil, instance.tensorflowSeed(of: spec) != nil else { continue }
        do {
          tensors[name] = try WeightInitializer.initialValue(
            of: spec, in: instance, seed: seed, stream: name)
        } catch {
          throw ForwardError(.weights, "\(name): \(error.message)")
        }
      }
    }
    for entry in entries where tensors[entry.kerasName] == nil {
      let initializer: WeightInitializer
      do {
        initializer = try WeightInitializer(entry.spec.initializer)
      } catch {
        throw ForwardError(.weights, "\(entry.kerasName): \(error.message)")
      }
      var generator = SeededGenerator(seed: seed, stream: entry.kerasName)
      tensors[entry.kerasName] = try initializer.tensor(
        shape: entry.spec.shape, generator: &generator)
    }
    return ModelWeights(names: entries.map(\.kerasName), tensors: tensors)
  }

  /// Weights from an `.npz` file written by `np.savez(path, **{w.name: w.numpy() for w in
  /// model.weights})`.
  public static func load(npz path: String, for model: KerasModel) throws(ForwardError)
    -> ModelWeights
  {
    let archive: NPZArchive
    do {
      archive = try NPZArchive(contentsOf: path)
    } catch {
      throw ForwardError(.weights, "cannot read weights from \(path): \(error.message)")
    }
    return try ModelWeights(archive: archive, for: model, source: path)
  }

  /// A long list cut to its first `limit` items and a count of the rest, so that an archive with
  /// 100,000 stray keys gives a message of a few lines.
  public static func cut(_ items: [String], limit: Int = 20) -> [String] {
    guard items.count > limit else { return items }
    return Array(items.prefix(limit)) + [
      "... and \(PythonFormat.grouped(items.count - limit)) more"
    ]
  }

  /// Weights from an archive whose keys are Keras weight names, with or without `:0`. Every weight
  /// of the model must be there with its exact shape, and nothing else: a file for another model
  /// is refused with the names and shapes that do not fit.
  public init(archive: NPZArchive, for model: KerasModel, source: String = "the .npz file")
    throws(ForwardError)
  {
    let entries = try Self.expected(for: model)
    var byName: [String: String] = [:]  // normalized name -> archive key
    var duplicates: [String] = []
    for key in archive.names {
      let normalized = key.hasSuffix(":0") ? key : key + ":0"
      if byName[normalized] != nil { duplicates.append(key) }
      byName[normalized] = key
    }
    // Keras 3 names weights by path (`sequential/conv2d/kernel`): its last two components are the
    // tf-keras name. Used only for weights no key names exactly.
    var byPath: [String: String] = [:]
    for (normalized, key) in byName {
      let parts = normalized.split(separator: "/")
      if parts.count > 2 { byPath[parts.suffix(2).joined(separator: "/")] = key }
    }
    var problems: [String] = []
    if !duplicates.isEmpty {
      problems.append(
        "keys given twice (with and without ':0'): "
          + Self.cut(duplicates.sorted()).joined(separator: ", "))
    }
    var tensors: [String: Tensor] = [:]
    var missing: [String] = []
    var used = Set<String>()
    for entry in entries {
      guard
        let key = byName[entry.kerasName].flatMap({ used.contains($0) ? nil : $0 })
          ?? entry.scopedName.flatMap({ byName[$0] }).flatMap({ used.contains($0) ? nil : $0 })
          ?? byPath[entry.kerasName].flatMap({ used.contains($0) ? nil : $0 }),
        let tensor = archive[key]
      else {
        missing.append("\(entry.kerasName) \(TensorShape.tuple(entry.spec.shape))")
        continue
      }
      used.insert(key)
      // Only the exact Keras shape is unambiguous: a transposed kernel or a flattened vector
      // would silently compute something else.
      if tensor.shape != entry.spec.shape {
        problems.append(
          "'\(key)' has shape \(TensorShape.tuple(tensor.shape)) but the model expects \(TensorShape.tuple(entry.spec.shape))"
        )
        continue
      }
      tensors[entry.kerasName] = tensor
    }
    let unused = archive.names.filter { !used.contains($0) && !duplicates.contains($0) }
    if !missing.isEmpty {
      problems.append("missing weights: " + Self.cut(missing).joined(separator: ", "))
    }
    if !unused.isEmpty {
      let extra = Self.cut(unused.sorted()).map { key in
        "\(key) \(archive[key].map { TensorShape.tuple($0.shape) } ?? "")"
      }
      problems.append("keys the model has no weight for: " + extra.joined(separator: ", "))
    }
    if !problems.isEmpty {
      throw ForwardError(
        .weights,
        "\(source) does not fit model \"\(model.name)\": "
          + Self.cut(problems).joined(separator: "; ")
          + (missing.isEmpty
            ? "" : ". Export with np.savez(path, **{w.name: w.numpy() for w in model.weights})"))
    }
    self.init(names: entries.map(\.kerasName), tensors: tensors)
  }

  /// Weights given directly, by Keras name (`:0` optional); shapes are checked when a forward pass
  /// is prepared.
  public init(names: [String], tensors: [String: Tensor]) {
    var normalized: [String: Tensor] = [:]
    for (key, value) in tensors { normalized[key.hasSuffix(":0") ? key : key + ":0"] = value }
    self.names = names.map { $0.hasSuffix(":0") ? $0 : $0 + ":0" }
    self.tensors = normalized
  }

  /// Drops weights once a forward pass has packed them (the pass that owns these values holds
  /// them no longer than it needs: a model's raw and packed weights are never all alive at once).
  mutating func remove(weightsOf instance: LayerInstance) {
    for spec in instance.weights { tensors["\(instance.weightsName)/\(spec.name):0"] = nil }
  }

  /// The archive `np.savez` would write: every weight under its Keras name.
  public func npzEntries() -> [(String, Tensor)] {
    names.compactMap { name in tensors[name].map { (name, $0) } }
  }
}
