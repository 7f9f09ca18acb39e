import CNNEngine

/// Attributes a script sets on a Keras model of its own naming (`model.output_width = 224`,
/// `model.train = MethodType(train, model)`): Python keeps them in the model's `__dict__`, and
/// reading them gives them back. Only names that neither tf-keras 2.21 nor Keras 3.15.1 define
/// on a model are kept, and only plain values: a Keras name (`outputs`, `optimizer`) or a layer
/// set as an attribute would change what Keras computes or tracks, which ConvBook still refuses.
enum ModelUserAttributes {
  /// Stores `model.name = value`; false when the name is one this does not keep (Keras' own
  /// names and `_` names, left to `Attributes.set`).
  static func set(
    _ name: String, of base: Value, to value: Value, session: KerasSession, range: SourceRange
  ) throws(CellError) -> Bool {
    guard case .model(let model) = base, isUserName(name) else { return false }
    if holdsKerasObjects(value) {
      throw .unsupported(
        "ConvBook does not support a layer, model, tensor or weight as a model attribute (`\(name)`) yet: Keras tracks it into the model's layers and weights",
        at: range)
    }
    if holdsMutableContainer(value) {
      throw .unsupported(
        "ConvBook does not support a list, dict or set as a model attribute (`\(name)`) yet: Keras wraps it to track it (tf-keras shows a ListWrapper)",
        at: range)
    }
    let key = ObjectIdentifier(model)
    var entry = session.modelAttributes[key] ?? (model: model, values: [:])
    entry.values[name] = value
    session.modelAttributes[key] = entry
    return true
  }

  static func get(_ name: String, of model: SequentialModel, session: KerasSession) -> Value? {
    session.modelAttributes[ObjectIdentifier(model)]?.values[name]
  }

  private static func isUserName(_ name: String) -> Bool {
    !name.hasPrefix("_") && !kerasModelNames.contains(name)
  }

  /// Layers, models and weights set as attributes are tracked by Keras (they join
  /// `model.layers` and `model.weights`); so may a user object holding them.
  private static func holdsKerasObjects(_ value: Value) -> Bool {
    switch value {
    case .layer, .model, .variable, .kerasTensor, .instance: return true
    case .list(let list): return list.items.contains(where: holdsKerasObjects)
    case .tuple(let items): return items.contains(where: holdsKerasObjects)
    case .dictionary(let pairs): return pairs.contains { holdsKerasObjects($0.1) }
    default: return false
    }
  }

  /// Lists, dicts and sets (also inside a tuple) become Keras' tracking wrappers.
  private static func holdsMutableContainer(_ value: Value) -> Bool {
    switch value {
    case .list, .dictionary, .set: return true
    case .tuple(let items): return items.contains(where: holdsMutableContainer)
    default: return false
    }
  }

  /// The public names of `Model`, `Functional` and `Sequential` in tf-keras 2.21 and Keras 3.15.1
  /// (`dir()` of each class), and the attributes `compile` and `fit` set on a model.
  static let kerasModelNames: Set<String> = [
    "activity_regularizer", "add", "add_loss", "add_metric", "add_update", "add_variable",
    "add_weight", "autotune_steps_per_execution", "build", "build_from_config", "call", "compile",
    "compile_from_config", "compiled_loss", "compiled_metrics", "compute_dtype", "compute_loss",
    "compute_mask", "compute_metrics", "compute_output_shape", "compute_output_signature",
    "compute_output_spec", "count_params", "distribute_reduction_method", "distribute_strategy",
    "dtype", "dtype_policy", "dynamic", "evaluate", "evaluate_generator", "export",
    "finalize_state", "fit", "fit_generator", "from_config", "get_build_config",
    "get_compile_config", "get_config", "get_input_at", "get_input_mask_at", "get_input_shape_at",
    "get_layer", "get_metrics_result", "get_output_at", "get_output_mask_at",
    "get_output_shape_at", "get_quantization_layer_structure", "get_state_tree",
    "get_weight_paths", "get_weights", "inbound_nodes", "input", "input_dtype", "input_mask",
    "input_shape", "input_spec", "inputs", "jit_compile", "layers", "load_own_variables",
    "load_weights", "loss", "losses", "make_predict_function", "make_test_function",
    "make_train_function", "metrics", "metrics_names", "metrics_variables", "name", "name_scope",
    "non_trainable_variables", "non_trainable_weights", "operations", "outbound_nodes", "output",
    "output_mask", "output_shape", "outputs", "path", "pop", "predict", "predict_generator",
    "predict_on_batch", "predict_step", "quantization_mode", "quantize", "quantized_build",
    "quantized_call", "rematerialized_call", "reset_metrics", "reset_states", "run_eagerly",
    "save", "save_own_variables", "save_spec", "save_weights", "set_state_tree", "set_weights",
    "state_updates", "stateful", "stateless_call", "stateless_compute_loss",
    "steps_per_execution", "submodules", "summary", "supports_masking", "symbolic_call",
    "test_on_batch", "test_step", "to_json", "to_yaml", "train_on_batch", "train_step",
    "trainable", "trainable_variables", "trainable_weights", "updates", "variable_dtype",
    "variables", "weights", "with_name_scope",
    // Set by `compile` / `fit`.
    "optimizer", "history", "stop_training", "train_function", "test_function",
    "predict_function", "loss_weights",
  ]
}
