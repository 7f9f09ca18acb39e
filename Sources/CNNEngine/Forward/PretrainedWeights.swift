import CNNKernels
import Foundation

/// What a `keras.applications` model built with `weights="imagenet"` (or `weights="FILE.npz"`)
/// asks its forward pass for. ConvBook ships no pretrained weights: it reads them from an `.npz`
/// exported from Keras (`Tools/keras-reference/export_application_weights.py`), with Keras'
/// weight names as keys, in `model.weights` order.
public struct PretrainedWeightsRequest: Sendable, Equatable {
  /// The application function (`ResNet50`).
  public var application: String
  /// Whether the model has the classifier on top (Keras keeps separate `_notop` files).
  public var includeTop: Bool
  /// The file `weights=` named; nil for `"imagenet"`, which ConvBook looks up by the model's name.
  public var path: String?

  public init(application: String, includeTop: Bool, path: String? = nil) {
    self.application = application
    self.includeTop = includeTop
    self.path = path
  }

  /// The environment variable naming the folder of exported ImageNet weights.
  public static let folderVariable = "CONVBOOK_WEIGHTS_DIR"

  /// `resnet50.npz`, `mobilenetv2_1.00_224_notop.npz`: the model's Keras name (which holds the
  /// family's `alpha` and input size where Keras keeps separate weights for them).
  public static func fileName(model: String, includeTop: Bool) -> String {
    model + (includeTop ? "" : "_notop") + ".npz"
  }

  /// Where `"imagenet"` weights are looked for, in order: `$CONVBOOK_WEIGHTS_DIR`, then
  /// `~/.keras/models` (beside the `.h5` files Keras itself downloads).
  public static func folders(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> [String]
  {
    var folders: [String] = []
    if let folder = environment[folderVariable], !folder.isEmpty { folders.append(folder) }
    if let home = environment["HOME"], !home.isEmpty { folders.append(home + "/.keras/models") }
    return folders
  }

  /// The weights of `model` (the application itself) from the file it asked for, matched to the
  /// model's weights in order as Keras' `load_weights` matches an `.h5` file (layer names depend on
  /// what the session built before; the order and shapes do not). Refused, as ConvBook's
  /// limitation, when no file is found, with where to put one and how to make it.
  func load(for model: KerasModel, environment: [String: String]) throws(ForwardError)
    -> [String: Tensor]
  {
    let name = Self.fileName(model: model.name, includeTop: includeTop)
    let path: String
    if let given = self.path {
      path = given
    } else {
      let folders = Self.folders(environment: environment)
      guard
        let found = folders.map({ $0 + "/" + name }).first(where: {
          FileManager.default.fileExists(atPath: $0)
        })
      else {
        let looked =
          folders.isEmpty
          ? "(no folder: neither \(Self.folderVariable) nor HOME is set)"
          : folders.joined(separator: " and ")
        let top = includeTop ? "" : " --no-top"
        let sample = model.inputShape?.sample.compactMap { $0 } ?? []
        let size =
          sample.count == (model.inputShape?.rank ?? 1) - 1 && !sample.isEmpty
          ? " --input-shape " + sample.map(String.init).joined(separator: ",") : ""
        throw ForwardError(
          .weights,
          "model \"\(model.name)\" was built with weights=\"imagenet\", and ConvBook does not ship pretrained weights: it reads them from an .npz exported from Keras, \(name), which is not in \(looked). Make it on a machine with TensorFlow: TF_USE_LEGACY_KERAS=1 python Tools/keras-reference/export_application_weights.py \(application)\(top)\(size) --out \(folders.first ?? "FOLDER")/\(name) (set \(Self.folderVariable) to use another folder), or build the model with weights=None"
        )
      }
      path = found
    }
    let archive: NPZArchive
    do {
      archive = try NPZArchive(contentsOf: path)
    } catch {
      throw ForwardError(
        .weights,
        "cannot read the weights of model \"\(model.name)\" from \(path): \(error.message)")
    }
    let entries = try ModelWeights.expected(for: model)
    guard archive.names.count == entries.count else {
      throw ForwardError(
        .weights,
        "\(path) holds \(archive.names.count) weights, but model \"\(model.name)\" (\(application), include_top=\(includeTop ? "True" : "False")) has \(entries.count); export the weights of the same model with Tools/keras-reference/export_application_weights.py"
      )
    }
    var tensors: [String: Tensor] = [:]
    for (key, entry) in zip(archive.names, entries) {
      // The layer part of a name may differ (`conv2d_7` in a session that built other layers
      // first); the variable must not (a `gamma` read as a `beta` would compute silently wrong).
      let variable = key.split(separator: "/").last.map { $0.split(separator: ":")[0] } ?? ""
      guard variable == entry.spec.name else {
        throw ForwardError(
          .weights,
          "\(path) does not fit model \"\(model.name)\": its weight '\(key)' stands where the model has \(entry.kerasName); export the weights of the same model with Tools/keras-reference/export_application_weights.py"
        )
      }
      guard let tensor = archive[key], tensor.shape == entry.spec.shape else {
        let found = archive[key].map { TensorShape.tuple($0.shape) } ?? "?"
        throw ForwardError(
          .weights,
          "\(path) does not fit model \"\(model.name)\": its weight '\(key)' has shape \(found) where the model's \(entry.kerasName) has \(TensorShape.tuple(entry.spec.shape)); export the weights of the same model (the same alpha, input size and include_top)"
        )
      }
      tensors[entry.kerasName] = tensor
    }
    return tensors
  }
}
