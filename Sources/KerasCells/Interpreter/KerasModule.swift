import CNNEngine
import Foundation

/// The modules a cell can import, and what their attributes resolve to. Every import style of the
/// tutorials (`from tensorflow import keras`, `import tf_keras as keras`, `tf.keras.layers.X`, ...)
/// lands in the same few namespaces, so all of them share one Keras session.
public enum KerasModule: Equatable {
  case tensorflow
  case keras
  case layers
  /// `keras.layers.experimental` and its `preprocessing`, where tf-keras 2.x still exports the
  /// preprocessing layers (`layers.experimental.preprocessing.Rescaling`).
  case layersExperimental
  case layersPreprocessing
  case models
  case regularizers
  case initializers
  /// `keras.constraints` (`MaxNorm(3)`, `NonNeg()`): objects a layer keeps as arguments.
  case constraints
  case activations
  case optimizers
  /// `keras.optimizers.legacy` (tf-keras' optimizers before 2.11, which take `lr=` and `decay=`);
  /// Keras 3 keeps the names but refuses to make one.
  case optimizersLegacy
  /// `keras.optimizers.schedules`: the learning-rate schedules, made as the optimizers are.
  case optimizerSchedules
  /// `keras.preprocessing` (`""`) and its `image`, `sequence` and `text`: data preparation, whose
  /// names can be imported where Keras has them and are refused when used
  /// (`KerasModule.preprocessingAttribute`).
  case preprocessing(String)
  case losses
  case metrics
  case callbacks
  case backend
  case utils
  /// `keras.datasets` and its data sets (`mnist`, `cifar10`, ...): importable so that tutorial imports
  /// run, but loading data is refused.
  case datasets
  case dataset(String)
  /// `tf.nn`, for activations written as `tf.nn.relu`.
  case tensorflowNN
  /// A module a tutorial imports by habit (`numpy`, `matplotlib.pyplot`): importing works, using it
  /// does not.
  case inert(String)
  /// NumPy, for the array operations of data code (`NumPyFunctions`).
  case numpy
  /// ConvBook's own module: `convbook.datasets` holds the procedural data sets of the lessons.
  case convbook
  case convbookDatasets
  /// Python's `math`, the functions model code computes sizes with.
  case math
  /// Python's `functools`: `partial`, and `reduce`, `wraps`, `update_wrapper`
  /// (`StandardFunctools`).
  case functools
  /// Python's `os`: `environ` (a copy private to the session), `getenv` and `getcwd` (ConvBook's
  /// fixed placeholder, `PosixPath.workingDirectory`).
  case os
  /// `os.path`, as string functions (`join`, `basename`, `dirname`, `splitext`); no file access.
  case osPath
  /// `keras.applications`, and one of its modules (`mobilenet_v2`, `resnet50`, `imagenet_utils`, ...):
  /// see `KerasModule+Applications`.
  case applications
  case applicationModule(String)
  /// A namespace of functions on tensors (`tensorflow.math`, `tensorflow.image`, `keras.ops`, ...):
  /// see `TensorFunctions`.
  case tensorFunctions(String)
  /// A module of the tf-keras package (`tf_keras`, `tf_keras.layers`, ...): the names of the module
  /// it wraps, but what they make is tf-keras' also in a Keras 3 session, where `keras` and
  /// `tf.keras` are Keras 3 (`KerasPackages`).
  indirect case tfKeras(KerasModule)
  /// A module of Keras 3's own `keras` package in a Keras 3 session (`import keras`, `from keras
  /// import layers`): the names of the module it wraps, which `tf.keras` reaches as another module
  /// object with another Python name (`keras.layers` is not `keras._tf_keras.keras.layers`).
  /// `KerasModule.reached(_:throughKerasIn:)` makes both wrappers.
  indirect case keras3Package(KerasModule)
  /// A module of `tf.keras` read after an import statement named its path (`tf.keras` after `from
  /// tensorflow.keras import layers`): TensorFlow then hands out a module registered under that
  /// path, with the names of the module it wraps but named by the path (`tensorflow.keras`); a
  /// module read before keeps its own name.
  indirect case tensorflowKerasImported(KerasModule)
  /// Keras 3's own `keras.backend` (`from keras import backend as K`): a handful of names
  /// (`keras3BackendNames`), where `tf.keras.backend` keeps tf-keras' functions (`K.int_shape`,
  /// `K.sum`), which `backend` models.
  case keras3Backend
  /// A standard-library module ConvBook implements (`itertools`, `collections`, `argparse`, ...):
  /// see `StandardLibrary`.
  case standard(String)
  /// TensorFlow's own frozen copy of Keras, by its module's full name (`tensorflow.python`,
  /// `tensorflow.python.keras`, `tensorflow.python.keras.layers`, `...backend`): see `LegacyKeras`.
  case legacyKeras(String)
  /// A module reached through a Keras package's private `src` tree (`keras.src.applications
  /// .imagenet_utils`): the names of the public module it mirrors, any other name ConvBook's
  /// limitation (`KerasSourceModules`).
  indirect case kerasSource(KerasModule)

  /// The module a dotted import path names, or nil when the cell language has no such module.
  public static func resolve(path: [String]) -> KerasModule? {
    guard let root = path.first else { return nil }
    var module: KerasModule
    // Keras' private source tree mirrors the public modules, with more names.
    if ["keras", "tf_keras"].contains(root), path.count > 1, path[1] == "src",
      let mirrored = resolve(path: [root] + path.dropFirst(2))
    {
      return .kerasSource(mirrored)
    }
    if let legacy = LegacyKeras.module(path: path) { return legacy }
    // The TensorFlow internals course scripts import classes from (`TensorFlowClasses`).
    if TensorFlowClasses.modules.contains(path.joined(separator: ".")) {
      return .standard(path.joined(separator: "."))
    }
    switch root {
    case "tensorflow": module = .tensorflow
    case "keras": module = .keras
    case "tf_keras": module = .tfKeras(.keras)
    case "math" where path.count == 1: return .math
    case "functools" where path.count == 1: return .functools
    case "os" where path.count == 1: return .os
    case "os" where path == ["os", "path"]: return .osPath
    case "numpy" where path.count == 1: return .numpy
    case _ where StandardLibrary.modules.contains(path.joined(separator: ".")):
      return .standard(path.joined(separator: "."))
    case "convbook":
      switch path.dropFirst().first {
      case nil: return .convbook
      case "datasets"?:
        if path.count == 2 { return .convbookDatasets }
        return path.count == 3
          ? KerasModule.convbookDatasets.attribute(path[2]).flatMap {
            if case .module(let module) = $0 { return module } else { return nil }
          } : nil
      default: return nil
      }
    case "numpy", "matplotlib", "pandas", "sklearn", "os", "datetime",
      "time", "warnings", "__future__":
      return .inert(path.joined(separator: "."))
    case _ where StandardLibrary.importableOnly.contains(root):
      return .inert(path.joined(separator: "."))
    default: return nil
    }
    for (index, component) in path.enumerated().dropFirst() {
      // `keras.src` and `tensorflow.python.keras` mirror the public modules closely enough here,
      // and so does tf-keras' API tree (`tf_keras.api._v2.keras`); the `api` package holds only
      // `_v1` and `_v2` (`keras.api.models` is no module).
      if component == "_v2" { continue }
      if component == "api" {
        guard index + 1 == path.count || ["_v1", "_v2"].contains(path[index + 1]) else {
          return nil
        }
        continue
      }
      // A submodule of a module imported by habit is one too (`keras.preprocessing.sequence`).
      if case .inert(let name) = module {
        // Keras 3's settings and the dtype policy functions have no submodules.
        if name == "keras.config" || name == "keras.mixed_precision" { return nil }
        module = .inert(name + "." + component)
        continue
      }
      guard case .module(let next) = module.attribute(component) else { return nil }
      module = next
    }
    return module
  }

  /// The module's name as Python reports it in an `AttributeError`.
  public var pythonName: String {
    switch self {
    // The tf-keras package's own modules (`tf_keras.layers`, reached by `import tf_keras` or, under
    // tf-keras, `import keras`), where `tf.keras` reaches its API modules (`tf_keras.api._v2.keras`).
    case .tfKeras(let module):
      let name = module.pythonName
      let api = "tf_keras.api._v2.keras"
      return name.hasPrefix(api) ? "tf_keras" + name.dropFirst(api.count) : name
    case .keras3Package(let module): return module.pythonName
    case .kerasSource(let module):
      var root = "keras"
      if case .tfKeras = module { root = "tf_keras" }
      return ([root, "src"] + (module.kerasSubpath ?? [])).joined(separator: ".")
    case .tensorflowKerasImported(let module):
      return (["tensorflow", "keras"] + (module.kerasSubpath ?? [])).joined(separator: ".")
    case .tensorflow: return "tensorflow"
    case .keras: return "tf_keras.api._v2.keras"
    case .keras3Backend: return "keras.backend"
    case .tensorflowNN: return "tensorflow._api.v2.nn"
    case .inert(let name): return name
    case .standard(let name) where TensorFlowClasses.modules.contains(name): return name
    // TensorFlow's own API modules (`TensorFlowEnvironment`) live under `tensorflow._api.v2`.
    case .standard(let name) where name.hasPrefix("tensorflow."):
      return "tensorflow._api.v2." + name.dropFirst("tensorflow.".count)
    case .standard(let name): return name
    case .legacyKeras(let name): return name
    case .numpy: return "numpy"
    case .convbook: return "convbook"
    case .convbookDatasets: return "convbook.datasets"
    case .dataset(let name) where ShapesDatasetLoader.names.contains(name):
      return "convbook.datasets.\(name)"
    case .math: return "math"
    case .functools: return "functools"
    case .os: return "os"
    case .osPath: return "posixpath"
    case .dataset(let name): return "tf_keras.api._v2.keras.datasets.\(name)"
    case .applicationModule(let name): return "tf_keras.api._v2.keras.applications.\(name)"
    case .tensorFunctions(let path) where path.hasPrefix("tensorflow."):
      return "tensorflow._api.v2." + path.dropFirst("tensorflow.".count)
    case .tensorFunctions(let path): return path
    default: return "tf_keras.api._v2.keras.\(self.componentName)"
    }
  }

  /// The key of the module's names in `KerasAPINames`, for the modules ConvBook models.
  var apiKey: String? {
    switch self {
    case .tfKeras(let module), .keras3Package(let module): return module.apiKey
    case .tensorflowKerasImported(let module): return module.apiKey
    case .tensorflow: return "tensorflow"
    case .tensorflowNN: return "tensorflow.nn"
    case .keras: return "keras"
    case .numpy: return "numpy"
    case .inert, .math, .functools, .os, .osPath, .dataset, .convbook, .convbookDatasets,
      .tensorFunctions, .standard, .legacyKeras:
      return nil
    case .applicationModule(let name): return "keras.applications." + name
    default: return "keras." + componentName
    }
  }

  /// The refusal for a name that tf-keras or TensorFlow define in this module but ConvBook lacks,
  /// or nil when the name is not theirs either (then Keras' own AttributeError applies).
  func unsupportedName(_ name: String, at range: SourceRange) -> CellError? {
    switch self {
    case .standard(let module): return StandardLibrary.unsupportedName(name, of: module, at: range)
    case .legacyKeras(let module):
      return LegacyKeras.unsupportedName(name, of: module, at: range)
    case .os, .osPath:
      // The rest of `os` reaches files, processes or the machine (`os.makedirs`, `os.listdir`).
      let module = self == .os ? "os" : "os.path"
      guard StandardLibrary.pythonNames[module]?.contains(name) == true else { return nil }
      return .unsupported(
        "`\(module).\(name)` reaches files, processes or the machine, which ConvBook cells do not do",
        at: range)
    case .tensorFunctions(let path) where path.hasPrefix("tensorflow.compat"):
      // TensorFlow's compatibility modules mirror its whole API, which ConvBook has only in part.
      guard !name.hasPrefix("_") else { return nil }
      return .unsupported(
        "ConvBook does not support `tf\(path.dropFirst("tensorflow".count)).\(name)` yet",
        at: range)
    case .inert("keras.mixed_precision"):
      // The module's other names (`LossScaleOptimizer`), in either Keras (`MixedPrecision`).
      guard MixedPrecision.moduleNames.contains(name) else { return nil }
      return .unsupported(
        "ConvBook does not support `keras.mixed_precision.\(name)` yet", at: range)
    case .functools, .math:
      // Python's own modules that ConvBook has in part (`functools.reduce`): what it lacks is
      // its limitation, not an error Python would raise.
      guard !name.hasPrefix("_") else { return nil }
      let module = self == .functools ? "functools" : "math"
      return .unsupported("ConvBook does not support `\(module).\(name)` yet", at: range)
    default: break
    }
    guard let apiKey, KerasAPINames.names[apiKey]?.contains(name) == true else { return nil }
    return .unsupported("ConvBook does not support `\(apiKey).\(name)` yet", at: range)
  }

  var componentName: String {
    switch self {
    case .layers: return "layers"
    case .layersExperimental: return "layers.experimental"
    case .layersPreprocessing: return "layers.experimental.preprocessing"
    case .models: return "models"
    case .regularizers: return "regularizers"
    case .initializers: return "initializers"
    case .constraints: return "constraints"
    case .activations: return "activations"
    case .optimizers: return "optimizers"
    case .optimizersLegacy: return "optimizers.legacy"
    case .optimizerSchedules: return "optimizers.schedules"
    case .preprocessing(let module):
      return module.isEmpty ? "preprocessing" : "preprocessing." + module
    case .losses: return "losses"
    case .metrics: return "metrics"
    case .callbacks: return "callbacks"
    case .backend: return "backend"
    case .utils: return "utils"
    case .datasets: return "datasets"
    case .applications: return "applications"
    default: return ""
    }
  }

  /// `dir(keras.backend)` in Keras 3.15.1.
  static let keras3BackendNames: Set<String> = [
    "backend", "clear_session", "epsilon", "floatx", "get_uid", "image_data_format",
    "is_float_dtype", "is_int_dtype", "is_keras_tensor", "result_type", "set_epsilon",
    "set_floatx", "set_image_data_format", "standardize_dtype",
  ]

  static let activationNames: Set<String> = [
    "linear", "relu", "relu6", "leaky_relu", "sigmoid", "tanh", "softmax", "elu", "selu", "gelu",
    "swish", "silu", "softplus", "softsign", "hard_sigmoid", "exponential", "mish", "log_softmax",
  ]

  static let initializerNames: Set<String> = [
    "Constant", "GlorotNormal", "GlorotUniform", "HeNormal", "HeUniform", "Identity", "LecunNormal",
    "LecunUniform", "Ones", "Orthogonal", "RandomNormal", "RandomUniform", "TruncatedNormal",
    "VarianceScaling", "Zeros", "constant", "glorot_normal", "glorot_uniform", "he_normal",
    "he_uniform", "identity", "lecun_normal", "lecun_uniform", "ones", "orthogonal",
    "random_normal", "random_uniform", "truncated_normal", "variance_scaling", "zeros",
  ]

  /// `tf.random_normal_initializer` and its kin (TensorFlow's own classes, with the arguments and
  /// defaults of Keras' ones): the Keras initializer each one draws as.
  static let tensorflowInitializers: [String: String] = [
    "random_normal_initializer": "RandomNormal", "random_uniform_initializer": "RandomUniform",
    "constant_initializer": "Constant", "zeros_initializer": "Zeros", "ones_initializer": "Ones",
  ]

  /// The constraint classes of both Keras versions (tf-keras' `RadialConstraint` is not among them).
  static let constraintNames: Set<String> = [
    "MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm", "max_norm", "min_max_norm", "non_neg",
    "unit_norm",
  ]

  /// The layers `keras.layers.experimental.preprocessing` exports that ConvBook knows.
  static let preprocessingNames: Set<String> = [
    "CenterCrop", "Normalization", "RandomContrast", "RandomCrop", "RandomFlip", "RandomRotation",
    "RandomTranslation", "RandomZoom", "Rescaling", "Resizing",
  ]

  /// The tensorflow and tf-keras release whose behaviour ConvBook reproduces.
  public static let version = "2.21.0"
  /// The NumPy release whose printing and errors ConvBook reproduces (the reference's,
  /// `Tools/keras-reference/requirements.txt`): `np.__version__`.
  static let numpyVersion = "2.4.6"
  /// The scikit-learn release of the reference (`Tools/keras-reference/requirements.txt`):
  /// `sklearn.__version__`.
  static let scikitLearnVersion = "1.9.1"
  /// `keras.__version__` under Keras 3 (tf-keras' `tf.keras` has none: see `Attributes.get`).
  static let keras3Version = "3.15.1"

  static let datasetNames: Set<String> = [
    "mnist", "fashion_mnist", "cifar10", "cifar100", "imdb", "reuters", "boston_housing",
  ]

  /// Keras 3's `keras.config`: the settings ConvBook runs with (the TensorFlow backend,
  /// channels_last images, float32, epsilon 1e-7; setting the image format to its default), and
  /// the calls that change only tracebacks or model loading, accepted with no effect. Its other
  /// names (dtype policies, logging, flash attention) are refused by name.
  static func kerasConfigAttribute(_ name: String) -> Value? {
    let path = "keras.config." + name
    switch name {
    case "image_data_format", "floatx", "backend", "set_image_data_format":
      return .function(Callable(.builtin("keras.backend." + name), path: path))
    case "epsilon": return TensorFunctions.attribute(name, namespace: "keras.backend")
    case "disable_traceback_filtering", "enable_traceback_filtering",
      "enable_unsafe_deserialization":
      return .function(Callable(.builtin("no effect"), path: path))
    default: return nil
    }
  }

  /// The modules of `tf.compat.v1` and `tf.compat.v2` (TensorFlow 2.21, both lists joined).
  static let compatModules: Set<String> = [
    "app", "audio", "autodiff", "autograph", "bitwise", "compat", "config", "data", "debugging",
    "distribute", "distributions", "dtypes", "errors", "experimental", "feature_column", "flags",
    "gfile", "graph_util", "image", "initializers", "io", "keras", "layers", "linalg", "lite",
    "logging", "lookup", "losses", "manip", "math", "metrics", "mixed_precision", "mlir", "nest",
    "nn", "optimizers", "profiler", "python_io", "quantization", "queue", "ragged", "random",
    "raw_ops", "resource_loader", "saved_model", "sets", "signal", "sparse", "spectral", "strings",
    "summary", "sysconfig", "test", "tpu", "train", "types", "user_ops", "version", "xla",
  ]
  /// The ones the compatibility modules answer themselves (below).
  private static let compatOwnModules: Set<String> = [
    "keras", "version", "logging", "image", "math", "nn", "linalg", "random", "signal",
  ]

  /// `module.name`, or nil when the module has no such attribute.
  public func attribute(_ name: String) -> Value? {
    let path = pythonName + "." + name
    switch self {
    case .tfKeras(let module):
      switch name {
      case "__version__" where module == .keras: return .string(Self.version)
      default: return module.attribute(name).map(KerasPackages.inTFKeras)
      }
    case .tensorflowKerasImported(let module): return module.attribute(name)
    case .kerasSource(let module):
      guard let value = module.attribute(name) else { return nil }
      if case .module(let found) = value { return .module(.kerasSource(found)) }
      return value
    case .keras3Package(let module):
      // Keras 3's `keras.backend` is its own small package (`tf.keras.backend` keeps tf-keras'
      // legacy functions).
      if module == .keras, name == "backend" { return .module(.keras3Backend) }
      guard let value = module.attribute(name) else { return nil }
      if case .module(let found) = value {
        return .module(.reached(found, throughKerasIn: .keras3))
      }
      return value
    case .tensorflow:
      switch name {
      case "keras": return .module(.keras)
      case "nn": return .module(.tensorflowNN)
      // Only `tf.random.set_seed` (NumPyScalars).
      case "random": return .module(.inert("tensorflow.random"))
      // `tf.data.Dataset` and its constants (`TFDataModule`).
      case "data": return .module(.inert("tensorflow.data"))
      // For `except tf.errors.InvalidArgumentError:` around eager arithmetic (`EagerArithmetic`).
      case "errors": return .module(.inert("tensorflow.errors"))
      // `tf.dtypes.float32`: the same `tf.DType`s as `tf.float32`.
      case "dtypes": return .module(.inert("tensorflow.dtypes"))
      // TensorFlow's aliases of Keras' modules (`tf.initializers.zeros()`, `tf.metrics.AUC()`).
      case "optimizers": return .module(.optimizers)
      case "initializers": return .module(.initializers)
      case "losses": return .module(.losses)
      case "metrics": return .module(.metrics)
      case "__version__": return .string(Self.version)
      case "math", "image", "linalg", "signal":
        return .module(.tensorFunctions("tensorflow." + name))
      // `tf.compat.v1` and its submodules import (`from tensorflow.compat.v1 import image`, at
      // the top of real model code); their functions are refused where used (`unsupportedName`).
      case "compat": return .module(.tensorFunctions("tensorflow.compat"))
      case "newaxis": return Value.none
      case "Tensor": return TensorFlowClasses.classValue(TensorFlowClasses.tensorPath)
      case "TensorShape":
        return .function(Callable(.builtin("tf.TensorShape"), path: "tf.TensorShape"))
      case "IndexedSlices":
        return .function(Callable(.builtin("tf.IndexedSlices"), path: "tf.IndexedSlices"))
      case "device", "name_scope", "function", "distribute":
        return ContextManagers.attribute(name, module: "tensorflow")
      case _ where TensorFlowDType.attribute(name) != nil: return TensorFlowDType.attribute(name)
      case _ where TensorFlowEnvironment.tensorflowAttribute(name) != nil:
        return TensorFlowEnvironment.tensorflowAttribute(name)
      default:
        if let initializer = Self.tensorflowInitializers[name] {
          return .function(Callable(.objectFactory(initializer), path: "tf." + name))
        }
        return TensorFunctions.attribute(name, namespace: "tensorflow")
      }
    case .keras:
      switch name {
      case "datasets": return .module(.datasets)
      // Data preparation (`preprocessing.sequence.pad_sequences`, `ImageDataGenerator`): importable,
      // refused when used, as data loading is.
      case "preprocessing": return .module(.preprocessing(""))
      case "applications": return .module(.applications)
      // The global dtype policy (`MixedPrecision`).
      case "mixed_precision": return .module(.inert("keras.mixed_precision"))
      case "layers": return .module(.layers)
      case "models": return .module(.models)
      case "regularizers": return .module(.regularizers)
      case "initializers": return .module(.initializers)
      case "constraints": return .module(.constraints)
      case "activations": return .module(.activations)
      case "optimizers": return .module(.optimizers)
      case "losses": return .module(.losses)
      case "metrics": return .module(.metrics)
      case "callbacks": return .module(.callbacks)
      case "backend": return .module(.backend)
      case "utils": return .module(.utils)
      case "Sequential": return .function(Callable(.sequentialClass, path: "keras.Sequential"))
      case "Input": return .function(Callable(.inputFunction, path: "keras.Input"))
      case "Model": return .function(Callable(.modelClass, path: "keras.Model"))
      // Keras 3 only, like `ops`.
      case "Variable":
        return .function(Callable(.builtin("keras.Variable"), path: "keras.Variable"))
      // Keras 3's `keras.Layer` is `keras.layers.Layer` (tf-keras has none: `TensorFunctions.missingAttribute`).
      case "Layer":
        return .function(Callable(.unsupportedModelClass("Layer"), path: "keras.layers.Layer"))
      // Keras 3's `keras.InputSpec` is `keras.layers.InputSpec` (tf-keras has none either).
      case "InputSpec":
        return .function(
          Callable(.builtin("keras.layers.InputSpec"), path: "keras.layers.InputSpec"))
      // Keras 3 only (`Attributes.get` refuses it under tf-keras).
      case "ops": return .module(.tensorFunctions("keras.ops"))
      // Keras 3 only, like `ops`: its functions are refused by name when called.
      case "random": return .module(.tensorFunctions("keras.random"))
      case "saving": return .module(.inert("keras.saving"))
      // Keras 3 only, like `ops` (`kerasConfigAttribute`).
      case "config": return .module(.inert("keras.config"))
      default: return nil
      }
    case .layersExperimental:
      switch name {
      case "preprocessing": return .module(.layersPreprocessing)
      case "SyncBatchNormalization":
        return .function(Callable(.layerClass(name), path: "keras.layers.experimental." + name))
      default: return nil
      }
    case .layersPreprocessing:
      if ["TextVectorization", "StringLookup", "IntegerLookup", "Hashing"].contains(name) {
        return .function(Callable(.builtin("keras.layers." + name), path: path))
      }
      guard Self.preprocessingNames.contains(name) else { return nil }
      return .function(
        Callable(.layerClass(name), path: "keras.layers.experimental.preprocessing." + name))
    case .layers:
      if name == "experimental" { return .module(.layersExperimental) }
      if name == "Input" { return .function(Callable(.inputFunction, path: "keras.layers.Input")) }
      if name == "Layer" {
        return .function(Callable(.unsupportedModelClass("Layer"), path: "keras.layers.Layer"))
      }
      if name == "InputSpec" {
        return .function(Callable(.builtin("keras.layers.InputSpec"), path: path))
      }
      if name == "serialize" || name == "deserialize" {
        return .function(Callable(.builtin("keras.layers." + name), path: path))
      }
      if let kind = Merge.Kind.allCases.first(where: { $0.functionName == name }) {
        return .function(Callable(.mergeFunction(kind.rawValue), path: "keras.layers." + name))
      }
      if name == "dot" {
        return .function(Callable(.mergeFunction("Dot"), path: "keras.layers.dot"))
      }
      // Run on data (`TextVectorizationLayer`, `IndexLookupLayer`); in models they make the
      // engine's layers.
      if ["TextVectorization", "StringLookup", "IntegerLookup", "Hashing"].contains(name) {
        return .function(Callable(.builtin("keras.layers." + name), path: path))
      }
      guard let canonical = LayerCatalog.canonicalName(name) else { return nil }
      return .function(Callable(.layerClass(canonical), path: "keras.layers." + name))
    case .models:
      switch name {
      case "Sequential":
        return .function(Callable(.sequentialClass, path: "keras.models.Sequential"))
      case "Model": return .function(Callable(.modelClass, path: "keras.models.Model"))
      case "load_model", "clone_model", "model_from_json":
        return .function(Callable(.unsupportedModelClass(name), path: "keras.models." + name))
      default: return nil
      }
    case .regularizers:
      // `Regularizer`, like `initializers.Initializer` and `constraints.Constraint`: the base
      // classes scripts subclass (`KerasClassBase`).
      let known = [
        "l1", "l2", "l1_l2", "L1", "L2", "L1L2", "OrthogonalRegularizer", "Regularizer",
      ]
      if ["get", "serialize", "deserialize"].contains(name) {
        return .function(Callable(.builtin("keras.regularizers." + name), path: path))
      }
      return known.contains(name) ? .function(Callable(.objectFactory(name), path: path)) : nil
    case .initializers:
      if ["get", "serialize", "deserialize"].contains(name) {
        return .function(Callable(.builtin("keras.initializers." + name), path: path))
      }
      return Self.initializerNames.contains(name) || name == "Initializer"
        ? .function(Callable(.objectFactory(name), path: path)) : nil
    case .constraints:
      if ["get", "serialize", "deserialize"].contains(name) {
        return .function(Callable(.builtin("keras.constraints." + name), path: path))
      }
      return Self.constraintNames.contains(name) || name == "Constraint"
        ? .function(Callable(.objectFactory(name), path: path)) : nil
    case .activations:
      if ActivationLookup.functions.contains(name) {
        return .function(Callable(.builtin("keras.activations." + name), path: path))
      }
      return Self.activationNames.contains(name)
        ? .function(Callable(.activation(name == "silu" ? "swish" : name), path: path)) : nil
    case .tensorflowNN:
      let known = [
        "relu", "relu6", "sigmoid", "tanh", "softmax", "elu", "selu", "gelu", "swish",
        "silu", "softplus", "softsign", "leaky_relu", "log_softmax",
      ]
      if known.contains(name) {
        return .function(
          Callable(.activation(name == "silu" ? "swish" : name), path: "tf.nn." + name))
      }
      return TensorFunctions.attribute(name, namespace: "tensorflow.nn")
    case .keras3Backend:
      // The legacy functions stay reachable while ConvBook traces a Lambda's function or a custom
      // layer's `call`, which Keras 3 skips when given the output shape (`Attributes.get`).
      return KerasModule.backend.attribute(name)
    case .optimizersLegacy:
      let legacy = [
        "Adadelta", "Adagrad", "Adam", "Adamax", "Ftrl", "Nadam", "Optimizer", "RMSprop", "SGD",
      ]
      return legacy.contains(name) ? .function(Callable(.objectFactory(name), path: path)) : nil
    case .optimizers, .optimizerSchedules, .losses, .metrics, .callbacks:
      // `keras.optimizers.schedules.ExponentialDecay(...)`: an object for an optimizer's
      // learning rate, made as the optimizers are.
      if self == .optimizers, name == "schedules" { return .module(.optimizerSchedules) }
      // A name neither Keras has (Keras 1's lower-case aliases `optimizers.rmsprop`,
      // `optimizers.adam`): Python's AttributeError, with its suggestion of the class.
      let keras3Names = KerasLayerAttributeNames.keras3Modules[componentName]
      if let known = KerasAPINames.names["keras." + componentName] ?? keras3Names,
        !known.contains(name), keras3Names?.contains(name) != true
      {
        return nil
      }
      if self == .optimizers, name == "legacy" { return .module(.optimizersLegacy) }
      if self == .losses, name == "Reduction" { return .standard(LossReductionClass()) }
      if ["get", "serialize", "deserialize"].contains(name) {
        // `keras.optimizers.get("adam")`, `serialize(optimizer)`: `OptimizerConfig`; the losses'
        // and metrics' lookups are ConvBook's limitation (`Builtins`).
        return .function(Callable(.builtin("keras.\(componentName).\(name)"), path: path))
      }
      // `mse` is `mean_squared_error` itself (its `__name__`, a metric's name in `fit`'s logs).
      if self == .losses || self == .metrics, let function = Self.functionAliases[name] {
        return .function(Callable(.objectFactory(function), path: pythonName + "." + function))
      }
      // Only `compile` and training use these; creating one is harmless and shape-free.
      if name.first?.isLetter == true {
        return .function(Callable(.objectFactory(name), path: path))
      }
      return nil
    case .backend:
      if name == "clear_session" { return .function(Callable(.clearSession, path: path)) }
      if [
        "image_data_format", "set_image_data_format", "floatx", "int_shape", "count_params",
        "is_keras_tensor", "backend", "get_value", "set_value", "get_uid", "cast_to_floatx",
      ]
      .contains(name) {
        return .function(Callable(.builtin("keras.backend." + name), path: "keras.backend." + name))
      }
      if let value = ContextManagers.attribute(name, module: "keras.backend") { return value }
      return TensorFunctions.attribute(name, namespace: "keras.backend")
    case .utils:
      if name == "plot_model" { return .function(Callable(.builtin("plot_model"), path: path)) }
      // Model files import `get_file` for their pretrained weights and call it only when asked
      // for them (`weights='imagenet'`): the import works, the download is refused when called.
      if name == "get_file" || name == "get_source_inputs" {
        return .function(Callable(.builtin("keras.utils." + name), path: "keras.utils." + name))
      }
      // The base class of data generators (`class Batches(keras.utils.Sequence)`).
      if name == "Sequence" || name == "PyDataset" {
        return .function(Callable(.objectFactory(name), path: "keras.utils." + name))
      }
      if name == "serialize_keras_object" || name == "deserialize_keras_object" {
        return .function(Callable(.builtin("keras.utils." + name), path: path))
      }
      if name == "to_categorical" || name == "pad_sequences" {
        return .function(Callable(.builtin("keras.utils." + name), path: "keras.utils." + name))
      }
      // Reads an image: refused when called, but for one that is not there (`MissingFiles`).
      if name == "load_img" { return .module(.inert("keras.utils.load_img")) }
      // Converts an image (`img_to_array(load_img(path))`): imported with `load_img` by scripts
      // that may never call it; refused when called.
      if name == "img_to_array" { return .module(.inert("keras.utils.img_to_array")) }
      // Reads a folder of images: refused when called, but for one that is not there.
      if name == "image_dataset_from_directory" {
        return .module(.inert("keras.utils.image_dataset_from_directory"))
      }
      if let value = ContextManagers.attribute(name, module: "keras.utils") { return value }
      if name == "set_random_seed" {
        // Seeds Python's, NumPy's and TensorFlow's generators: one seed, as `tf.random.set_seed`.
        return .function(Callable(.builtin("scalar keras.utils.set_random_seed"), path: path))
      }
      return nil
    case .datasets:
      return Self.datasetNames.contains(name) ? .module(.dataset(name)) : nil
    case .dataset(let dataset):
      let prefix = ShapesDatasetLoader.names.contains(dataset) ? "convbook" : "keras"
      return name == "load_data"
        ? .function(Callable(.dataLoader, path: "\(prefix).datasets.\(dataset).load_data")) : nil
    case .numpy:
      if name == "__version__" { return .string(Self.numpyVersion) }
      if name == "ndarray" { return TensorFlowClasses.classValue(TensorFlowClasses.ndarrayPath) }
      return NumPyFunctions.attribute(name) ?? NumPyScalars.attribute(name, module: "numpy")
    case .convbook: return name == "datasets" ? .module(.convbookDatasets) : nil
    case .convbookDatasets:
      return ShapesDatasetLoader.names.contains(name) ? .module(.dataset(name)) : nil
    case .inert(let module):
      // `warnings.warn` and the filters, which change only what a script prints on standard error.
      let path = module + "." + name
      if StandardWarnings.functions.contains(path) || path == "time.sleep" {
        return .function(Callable(.builtin(path), path: path))
      }
      if path == "tensorflow.errors.InvalidArgumentError" {
        let type = EagerArithmetic.invalidArgument
        return .function(Callable(.builtin(type), path: type))
      }
      if module == "keras.config" { return Self.kerasConfigAttribute(name) }
      if module == "tensorflow.dtypes", let dtype = TensorFlowDType.attribute(name) {
        return dtype
      }
      if let value = ContextManagers.attribute(name, module: module) { return value }
      if let scalar = NumPyScalars.attribute(name, module: module) { return scalar }
      if module == "tensorflow.data" || module == "tensorflow.data.experimental",
        let value = TFDataModule.attribute(name, module: module)
      {
        return value
      }
      // `tf.random.normal` on a shape holding Keras tensors (VAE sampling).
      return module == "tensorflow.random"
        ? TensorFunctions.attribute(name, namespace: module) : nil
    case .applications, .applicationModule: return applicationAttribute(name)
    case .preprocessing(let module): return preprocessingAttribute(name, of: module)
    case .tensorFunctions(let namespace):
      if namespace == "keras.ops", name == "image" || name == "nn" {
        return .module(.tensorFunctions("keras.ops." + name))
      }
      if namespace == "tensorflow.compat", name == "v1" || name == "v2" {
        return .module(.tensorFunctions("tensorflow.compat." + name))
      }
      // TensorFlow 1's seed, which eager TensorFlow 2 takes as `tf.random.set_seed` (NumPyScalars).
      if namespace == "tensorflow.compat.v1" || namespace == "tensorflow.compat.v1.random",
        name == "set_random_seed"
      {
        return NumPyScalars.attribute(name, module: namespace)
      }
      // TensorFlow 1's session set-up (`TFCompatSessionObject`).
      if namespace == "tensorflow.compat.v1", TFCompatSessionObject.classNames.contains(name) {
        let path = "tf.compat.v1." + name
        return .function(Callable(.builtin(path), path: path))
      }
      // TensorFlow 1 code's first lines (`import tensorflow.compat.v1 as tf`,
      // `print(tf.version.VERSION)`, `tf.keras.Sequential()`): the compatibility modules hold the
      // same version, version module and Keras as `tensorflow` itself.
      if namespace == "tensorflow.compat.v1" || namespace == "tensorflow.compat.v2" {
        switch name {
        case "__version__", "keras": return KerasModule.tensorflow.attribute(name)
        case "version": return .module(.standard(namespace + ".version"))
        // Their other modules (`tf.compat.v1.train`): the functions in them are refused when
        // called (`TensorFunctions.attribute`), as TensorFlow's own modules ConvBook has no list of.
        case _ where Self.compatModules.contains(name) && !Self.compatOwnModules.contains(name):
          return .module(.tensorFunctions(namespace + "." + name))
        default: break
        }
      }
      // `tf.compat.v1.logging.set_verbosity(...)` quietens TensorFlow (`TensorFlowEnvironment`).
      if namespace == "tensorflow.compat.v1", name == "logging" {
        return .module(.standard("tensorflow.compat.v1.logging"))
      }
      if namespace.hasPrefix("tensorflow.compat.v"),
        namespace.count == "tensorflow.compat.v1".count,
        ["image", "math", "nn", "linalg", "random", "signal"].contains(name)
      {
        return .module(.tensorFunctions(namespace + "." + name))
      }
      return TensorFunctions.attribute(name, namespace: namespace)
    case .standard(let module): return StandardLibrary.attribute(name, of: module)
    case .legacyKeras(let module): return LegacyKeras.attribute(name, of: module)
    case .os:
      switch name {
      case "path": return .module(.osPath)
      case "sep": return .string("/")
      case "getenv": return .function(Callable(.builtin("os.getenv"), path: "os.getenv"))
      case "getcwd": return .function(Callable(.builtin("os.getcwd"), path: "os.getcwd"))
      // A script's folder that is not there fails as in Python (`MissingFiles`).
      case "listdir": return .function(Callable(.builtin("os.listdir"), path: "os.listdir"))
      case "walk": return .function(Callable(.builtin("os.walk"), path: "os.walk"))
      // Folders a script makes are remembered, not written (`MadeFolders`).
      case "makedirs", "mkdir":
        return .function(Callable(.builtin("os." + name), path: "os." + name))
      case "curdir": return .string(".")
      case "pardir": return .string("..")
      default: return nil
      }
    case .osPath:
      switch name {
      case "join", "basename", "dirname", "splitext", "split", "normpath", "abspath", "isabs",
        "exists", "isdir", "isfile":
        return .function(Callable(.builtin("os.path." + name), path: "os.path." + name))
      case "sep": return .string("/")
      default: return nil
      }
    case .functools:
      return name == "partial"
        ? .function(Callable(.builtin("functools.partial"), path: "functools.partial"))
        : StandardFunctools.value(name)
    case .math:
      switch name {
      case "pi": return .float(Double.pi)
      case "e": return .float(M_E)
      case "tau": return .float(2 * Double.pi)
      case "inf": return .float(.infinity)
      case "nan": return .float(.nan)
      case "sqrt", "floor", "ceil", "log", "log2", "log10", "exp", "prod", "isclose", "fabs",
        "trunc", "atan2", "hypot", "copysign", "isnan", "isinf", "isfinite", "fsum":
        return .function(Callable(.builtin("math." + name), path: "math." + name))
      case let function
      where Builtins.mathOfOneReal[function] != nil || PythonIntegerMath.names.contains(function):
        return .function(Callable(.builtin("math." + function), path: "math." + function))
      default: return nil
      }
    }
  }
}
