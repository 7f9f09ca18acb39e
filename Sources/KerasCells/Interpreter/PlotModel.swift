/// `keras.utils.plot_model(model, ...)`: Keras draws the model with pydot and Graphviz, which the
/// reference Python does not have, so Keras fails there: after binding its arguments and checking
/// that the model is built, it raises an ImportError naming what to install (Keras 3: pydot;
/// tf-keras: pydot and Graphviz). Inside IPython Keras prints the message instead; a script is
/// never there. ConvBook draws models with its own figures (`figure` blocks).
enum PlotModel {
  /// Keras 3's parameters after `model` (then `**kwargs`, checked only after pydot is found).
  private static var keras3Parameters: [(String, Value?)] {
    [
      ("to_file", .string("model.png")), ("show_shapes", .bool(false)),
      ("show_dtype", .bool(false)), ("show_layer_names", .bool(false)), ("rankdir", .string("TB")),
      ("expand_nested", .bool(false)), ("dpi", .int(200)),
      ("show_layer_activations", .bool(false)), ("show_trainable", .bool(false)),
      ("splines", .string("ortho")),
    ]
  }

  /// tf-keras' parameters after `model` (no `**kwargs`).
  private static var tfKerasParameters: [(String, Value?)] {
    [
      ("to_file", .string("model.png")), ("show_shapes", .bool(false)),
      ("show_dtype", .bool(false)), ("show_layer_names", .bool(true)), ("rankdir", .string("TB")),
      ("expand_nested", .bool(false)), ("dpi", .int(96)), ("layer_range", Value.none),
      ("show_layer_activations", .bool(false)), ("show_trainable", .bool(false)),
    ]
  }

  static func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let keras3 = interpreter.kerasVersion == .keras3
    let parameters = [("model", nil)] + (keras3 ? keras3Parameters : tfKerasParameters)
    // Keras 3 collects unknown keywords in `**kwargs`, which it looks at after pydot.
    let named = Set(parameters.map(\.0))
    let bound = keras3 ? keywords.filter { named.contains($0.0) } : keywords
    let arguments = StandardArguments(
      function: "plot_model", positional: positional, keywords: bound, site: site,
      interpreter: interpreter)
    let (values, _) = try arguments.bind(parameters)
    let built = try Attributes.get(
      "built", of: values["model"]!, range: site.range, interpreter: interpreter)
    guard built.isTruthy else {
      throw CellError(
        type: "ValueError",
        message:
          "This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data.",
        range: site.range)
    }
    let message =
      keras3
      ? "You must install pydot (`pip install pydot`) for `plot_model` to work."
      : "You must install pydot (`pip install pydot`) and install graphviz (see instructions at https://graphviz.gitlab.io/download/) for plot_model to work."
    throw CellError(type: "ImportError", message: message, range: site.range)
  }

  // MARK: TensorFlow's own copy of Keras

  /// `plot_model` and `model_to_dot` of `tensorflow.python.keras.utils.vis_utils` (and of
  /// `utils.all_utils`, which imports them): the import works, and a call fails in TensorFlow
  /// 2.21 wherever it comes from, in either Keras: `model_to_dot` first imports the copy's
  /// `layers.wrappers`, which TensorFlow no longer ships, before it looks at the model or pydot.
  static let legacyModules: Set<String> = [
    "tensorflow.python.keras.utils.vis_utils", "tensorflow.python.keras.utils.all_utils",
  ]
  static let legacyNames: Set<String> = ["plot_model", "model_to_dot"]

  static func isLegacy(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: ".") else { return false }
    return legacyModules.contains(String(name[..<dot]))
      && legacyNames.contains(String(name[name.index(after: dot)...]))
  }

  /// The copy's parameters after `model` (no `**kwargs`): Python binds them before the body runs.
  private static func legacyParameters(_ function: String) -> [(String, Value?)] {
    function == "plot_model"
      ? [
        ("to_file", .string("model.png")), ("show_shapes", .bool(false)),
        ("show_dtype", .bool(false)), ("show_layer_names", .bool(true)),
        ("rankdir", .string("TB")), ("expand_nested", .bool(false)), ("dpi", .int(96)),
      ]
      : [
        ("show_shapes", .bool(false)), ("show_dtype", .bool(false)),
        ("show_layer_names", .bool(true)), ("rankdir", .string("TB")),
        ("expand_nested", .bool(false)), ("dpi", .int(96)), ("subgraph", .bool(false)),
      ]
  }

  static func callLegacy(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let function = String(name[name.index(after: name.lastIndex(of: ".")!)...])
    let arguments = StandardArguments(
      function: function, positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    _ = try arguments.bind([("model", nil)] + legacyParameters(function))
    // Named by the module's file below site-packages, as other modules are.
    throw CellError(
      type: "ImportError",
      message:
        "cannot import name 'wrappers' from 'tensorflow.python.keras.layers' (tensorflow/python/keras/layers/__init__.py)",
      range: site.range)
  }
}
