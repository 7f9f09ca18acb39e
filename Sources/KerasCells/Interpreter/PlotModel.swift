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
}
