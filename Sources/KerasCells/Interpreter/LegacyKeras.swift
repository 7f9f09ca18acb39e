import CNNEngine

/// `tensorflow.python.keras`: TensorFlow's own frozen copy of Keras, which TensorFlow 2.21 still
/// ships beside tf-keras (the engine of Keras 2.6, with its own name counters, its older summary
/// layout and a training loop whose `fit` / `predict` fail in 2.21). Older scripts import it by
/// habit into tf-keras models; measured with TensorFlow 2.21, two of its parts behave there as
/// tf-keras' own code does, and ConvBook runs those in tf-keras sessions:
///
/// - its `backend` functions (`K.sum`, `K.batch_dot`, `K.expand_dims`) are TensorFlow operations,
///   so on tf-keras tensors they make the same `TFOpLambda` layers as `tf.keras.backend`'s; the
///   functions that read or change the copy's own state (`clear_session`, the learning phase, the
///   image format, uids, `is_keras_tensor`, variables) differ from tf-keras' and are refused;
/// - a subclass of its `layers.Layer` called on tf-keras tensors: the copy does not recognise
///   tf-keras' tensors as its own, so its `__call__` runs `build(input_shape)` and `call` as plain
///   code, and the operations inside become tf-keras layers of the model (the layer itself has no
///   row). Weights it adds are left out of the model's (refused), as are its other methods.
///
/// Its other modules and classes (its layers, models, applications) are the copy's own engine,
/// refused by name; so is all of it under Keras 3, where `call` on Keras 3's tensors fails inside
/// TensorFlow.
enum LegacyKeras {
  /// The modules ConvBook models: `tensorflow.python` (for `from tensorflow.python import
  /// keras`), the package, `layers` and `backend`.
  static func module(path: [String]) -> KerasModule? {
    let name = path.joined(separator: ".")
    // TensorFlow's file helpers that training jobs import for cloud storage: importable, refused
    // where used.
    if fileModules.contains(name) { return .inert(name) }
    return modules.contains(name) ? .legacyKeras(name) : nil
  }

  /// `tensorflow.python.lib.io.file_io` and `tensorflow.python.platform.gfile` (TensorFlow 2.21's
  /// modules, and the packages above them).
  private static let fileModules: Set<String> = [
    "tensorflow.python.lib", "tensorflow.python.lib.io", "tensorflow.python.lib.io.file_io",
    "tensorflow.python.platform", "tensorflow.python.platform.gfile",
  ]

  private static let modules: Set<String> = [
    "tensorflow.python", "tensorflow.python.keras", "tensorflow.python.keras.layers",
    "tensorflow.python.keras.backend",
  ]

  /// `dir()` of the copy's package and of its `layers` in TensorFlow 2.21 (it lacks
  /// `BatchNormalization`, for one): other names are Python's ImportError / AttributeError.
  static let publicNames: [String: Set<String>] = [
    "tensorflow.python.keras": [
      "Input", "Model", "Sequential", "activations", "backend", "backend_config", "callbacks",
      "constraints", "distribute", "engine", "initializers", "layers", "legacy_tf_layers", "losses",
      "metrics", "mixed_precision", "models", "optimizer_v1", "optimizer_v2", "optimizers",
      "protobuf", "regularizers", "saving", "tf2", "utils",
    ],
    "tensorflow.python.keras.layers": [
      "AbstractRNNCell", "Activation", "ActivityRegularization", "Add", "AdditiveAttention",
      "Attention", "Average", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
      "AvgPool1D", "AvgPool2D", "AvgPool3D", "Concatenate", "Conv1D", "Conv1DTranspose", "Conv2D",
      "Conv2DTranspose", "Conv3D", "Conv3DTranspose", "ConvLSTM2D", "Convolution1D",
      "Convolution2D",
      "Convolution2DTranspose", "Convolution3D", "Convolution3DTranspose", "Cropping1D",
      "Cropping2D", "Cropping3D", "Dense", "DepthwiseConv2D", "DeviceWrapper", "Dot", "Dropout",
      "DropoutWrapper", "ELU", "Embedding", "Flatten", "GRUCellV1", "GRUV1",
      "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
      "GlobalAvgPool1D", "GlobalAvgPool2D", "GlobalAvgPool3D", "GlobalMaxPool1D", "GlobalMaxPool2D",
      "GlobalMaxPool3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D", "Input",
      "InputLayer", "InputSpec", "LSTMCellV1", "LSTMV1", "Lambda", "Layer", "LeakyReLU", "Masking",
      "MaxPool1D", "MaxPool2D", "MaxPool3D", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D",
      "Maximum", "Minimum", "Multiply", "PReLU", "PeepholeLSTMCell", "Permute",
      "PreprocessingLayer",
      "RNN", "ReLU", "RepeatVector", "Reshape", "ResidualWrapper", "SeparableConv1D",
      "SeparableConv2D", "SeparableConvolution1D", "SeparableConvolution2D", "SimpleRNN",
      "SimpleRNNCell", "Softmax", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
      "StackedRNNCells", "Subtract", "ThresholdedReLU", "UpSampling1D", "UpSampling2D",
      "UpSampling3D", "VersionAwareLayers", "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D",
      "add",
      "advanced_activations", "average", "concatenate", "convolutional", "convolutional_recurrent",
      "core", "dense_attention", "deserialize", "dot", "embeddings", "legacy_rnn", "maximum",
      "merge", "minimum", "multiply", "pooling", "recurrent", "rnn_cell_wrapper_v2",
      "serialization",
      "serialize", "subtract", "tf2",
    ],
  ]

  /// The backend functions that read or change the copy's own state, not tf-keras'.
  static let statefulBackendNames: Set<String> = [
    "clear_session", "set_image_data_format", "set_floatx", "set_epsilon", "learning_phase",
    "set_learning_phase", "learning_phase_scope", "get_session", "set_session", "reset_uids",
    "get_uid", "is_keras_tensor", "manual_variable_initialization", "placeholder",
    "is_placeholder", "variable", "function", "get_value", "set_value", "batch_get_value",
    "batch_set_value", "eval", "in_train_phase", "in_test_phase", "get_graph", "name_scope",
    "symbolic", "eager", "track_variable", "unique_object_name", "zeros", "ones", "eye",
    "random_normal_variable", "random_uniform_variable", "update", "update_add", "update_sub",
    "moving_average_update", "print_tensor", "gradients",
  ]

  static func attribute(_ name: String, of module: String) -> Value? {
    switch module {
    case "tensorflow.python":
      return name == "keras" ? .module(.legacyKeras("tensorflow.python.keras")) : nil
    case "tensorflow.python.keras":
      return name == "layers" || name == "backend"
        ? .module(.legacyKeras("tensorflow.python.keras." + name)) : nil
    case "tensorflow.python.keras.layers":
      switch name {
      case "Layer":
        return .function(
          Callable(
            .unsupportedModelClass("LegacyLayer"), path: "tensorflow.python.keras.layers.Layer"))
      case "InputSpec":
        return KerasModule.layers.attribute(name)
      default: return nil
      }
    case "tensorflow.python.keras.backend":
      guard !statefulBackendNames.contains(name) else { return nil }
      return KerasModule.backend.attribute(name)
    default: return nil
    }
  }

  /// Every public name of the copy that ConvBook does not run is its limitation (TensorFlow's
  /// own modules beside it too).
  static func unsupportedName(_ name: String, of module: String, at range: SourceRange)
    -> CellError?
  {
    guard !name.hasPrefix("_"), publicNames[module].map({ $0.contains(name) }) ?? true else {
      return nil
    }
    let suffix =
      module == "tensorflow.python" ? "" : " (TensorFlow's own copy of Keras; use tf.keras)"
    return .unsupported("ConvBook does not support `\(module).\(name)` yet" + suffix, at: range)
  }

  /// Whether a value is the copy's module or came from it (refused under Keras 3).
  static func isLegacy(_ module: KerasModule) -> Bool {
    if case .legacyKeras = module { return true }
    return false
  }

  // MARK: Layer subclasses

  /// The copy's `Layer.__init__(trainable=True, name=None, dtype=None, dynamic=False, **kwargs)`.
  static func initialize(
    _ instance: PythonInstance, state: KerasClassState, positional: [Value],
    keywords: [(String, Value)], site: CallSite
  ) throws(CellError) {
    let parameters = ["trainable", "name", "dtype", "dynamic"]
    guard positional.count <= parameters.count else {
      throw CellError(
        type: "TypeError",
        message:
          "__init__() takes from 1 to 5 positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    for (label, value) in Array(zip(parameters, positional)) + keywords {
      switch (label, value) {
      case ("name", .string(let name)): state.name = name
      case ("name", .none), ("trainable", _), ("dtype", .none), ("dtype", .string("float32")),
        ("dynamic", .bool(false)):
        break
      default:
        throw .unsupported(
          "ConvBook does not support tensorflow.python.keras.layers.Layer.__init__(\(label)=\(PythonText.repr(value))) yet",
          at: site.range)
      }
    }
  }

  /// The copy's `Layer.__call__` on tf-keras tensors: `build` once with the input's shape (a
  /// `TensorShape`, a list of them for a list), then `call` with the arguments as given.
  static func call(
    _ instance: PythonInstance, state: KerasClassState, positional: [Value],
    keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard interpreter.kerasVersion == .keras2 else {
      throw .unsupported(
        "ConvBook does not support a `tensorflow.python.keras` layer under Keras 3 yet",
        at: site.range)
    }
    guard let inputs = positional.first ?? keywords.first(where: { $0.0 == "inputs" })?.1 else {
      throw CellError(
        type: "TypeError",
        message: "__call__() missing 1 required positional argument: 'inputs'",
        range: site.range)
    }
    if !state.initialized {
      throw .unsupported(
        "ConvBook does not support a `tensorflow.python.keras` layer whose __init__ does not call super().__init__() yet",
        at: site.range)
    }
    // The copy checks its `input_spec` with its own layer name and wording.
    let tensors: [KerasTensor]
    switch inputs {
    case .kerasTensor(let tensor): tensors = [tensor]
    case .list(let list):
      tensors = list.items.compactMap { if case .kerasTensor(let t) = $0 { t } else { nil } }
    default: tensors = []
    }
    do {
      try InputSpecValue.check(instance, inputs: tensors, layerName: "", site: site)
    } catch {
      throw .unsupported(
        "ConvBook does not support the input_spec error of a `tensorflow.python.keras` layer yet",
        at: site.range)
    }
    if !state.legacyBuilt, let (build, _) = instance.type.lookup("build") {
      let shapes: Value
      switch inputs {
      case .kerasTensor(let tensor): shapes = .tensorShape(tensor.shape.dimensions)
      case .list(let list) where !tensors.isEmpty && tensors.count == list.items.count:
        shapes = .list(PythonList(tensors.map { .tensorShape($0.shape.dimensions) }))
      default:
        throw .unsupported(
          "ConvBook runs a `tensorflow.python.keras` layer with a build() only on Keras tensors",
          at: site.range)
      }
      _ = try interpreter.callClassMember(
        build, receiver: .instance(instance), receiverClass: instance.type, positional: [shapes],
        keywords: [], site: site)
      state.legacyBuilt = true
    }
    state.legacyBuilt = true
    // The copy's own `Layer.call` returns its inputs.
    guard instance.type.lookup("call") != nil else { return inputs }
    return try interpreter.callClassValue(
      .method(receiver: .instance(instance), name: "call"), positional: positional,
      keywords: keywords, site: site) ?? Value.none
  }
}
